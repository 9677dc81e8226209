/**
 * readTable: a 2-D array of cell values (as Office.js `Range.values` gives them) → parsed invoices + issues
 * (spec score-sheet §1). Pure and total: never throws on any array of any values.
 *
 * Rules:
 * - The header row is detected (first of the top 20 rows with ≥ 3 known headers) unless `headerRowIndex` is given
 *   (`-1` = no header row: data from the first row, a mapping must be given).
 * - The mapping is detected from the header row unless given. A mapping missing required roles reads no rows and
 *   reports why (`MAPPING` issues, and `mappingProblems`).
 * - Rows whose mapped cells are all blank are ignored (`blankRows`).
 * - A totals row — customer cell "Total", "Grand total", "Subtotal", "合计", "总计", "小计" …, or a blank customer with
 *   a number after the last customer row — is skipped with a `note` (`totalRowsSkipped`).
 * - A row without a customer whose first value is a subtotal label ("Partner cumul aged balance", "Subtotal …",
 *   "小计 …"), or after the last customer with a number in a column no role reads (an export's footer), is a totals row too.
 * - A section heading — the row's only value one text outside the customer column, no number (Odoo's partner title
 *   above each partner's lines) — is skipped with a `note` (`SECTION_HEADING`, counted in `totalRowsSkipped`).
 * - A repeated header row — every non-blank mapped cell holds that column's header text, at least two of them (ERP
 *   detail reports such as Odoo's aged partner balance repeat the header under each partner) — is skipped with a
 *   `note` (`REPEATED_HEADER`, counted in `totalRowsSkipped`: not data, not an error).
 * - A row with a blank customer, no amount/balance, no due date that can be found, or any mapped cell that cannot
 *   be read is skipped with one `error` issue per problem (row, column, value, why). Never guessed.
 * - Unknown status text: the row is used as open, with a `warning`. Unreadable terms when the row has its own due
 *   date: used, with a `warning` (terms are not needed).
 * - A "Paid" column holding yes/no flags instead of amounts marks the invoice paid (`Y`, `TRUE`, `是` …) or not.
 * - An Excel error value (`#N/A`, `#REF!` …) in the customer cell: the row is skipped with an `EXCEL_ERROR` error.
 *   In the currency cell: the invoice is kept without a currency, with an `EXCEL_ERROR` warning.
 * - Currency (spec §1 v2): the currency column, else a code or symbol in the amount / balance / paid text
 *   (`$1,200.50` → USD, `EUR 1.200,00`, `¥8,800` → CNY; see cells.ts currencyOfToken); a column that disagrees with
 *   the text wins, with a `CURRENCY_CONFLICT` warning. Rows without either take the base currency (scoreTable).
 * - Negative amounts are kept (credit notes). Customer names are kept exactly as written (trimmed only).
 */
import type { Policy } from "../policy";
import { DATE_ORDER_LABELS, DEFAULT_POLICY, dateOrderSettingPath, normalizeCurrency } from "../policy";
import { MAX_SERIAL, type Serial } from "../serial";
import { dueDate as termsDueDate, parseTerms } from "../terms";
import {
  dateOrderEvidence,
  isExcelError,
  parseDateCell,
  parseFlagCell,
  parseMoneyCell,
  parseNumberCell,
  parseStatusCell,
  parseTextCell,
  type CellResult,
} from "./cells";
import {
  detectHeaderRow,
  detectMapping,
  validateMapping,
  type HeaderDetection,
  type MappingProblem,
} from "./headers";
import { columnLetter, customerKey, displayValue, headerKey, isBlank } from "./normalize";
import {
  ROLES,
  type ColumnMapping,
  type Invoice,
  type InvoiceStatus,
  type Issue,
  type Msg,
  type Role,
} from "./types";

export interface ReadTableOptions {
  /** Confirmed mapping (role → 0-based column); detected from the header row when omitted. */
  readonly mapping?: ColumnMapping;
  readonly policy?: Policy;
  /** 0-based header row in `rows`; detected when omitted; -1 = no header row. */
  readonly headerRowIndex?: number;
  readonly sheetName?: string;
  /** Sheet rows above `rows[0]` (rows[0] is sheet row `rowOffset + 1`). */
  readonly rowOffset?: number;
  /** Sheet columns left of column 0 (column 0 is letter `columnLetter(columnOffset)`). */
  readonly columnOffset?: number;
  /** Rows scanned for the header (default 20). */
  readonly maxScan?: number;
}

export interface ReadTableResult {
  /** 0-based header row in the input, -1 when there is none (or none was found). */
  readonly headerRowIndex: number;
  /** Header text per column ("" where blank). */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** Required roles missing etc.; when non-empty no rows were read. */
  readonly mappingProblems: readonly MappingProblem[];
  readonly detection: HeaderDetection | null;
  /** Invoices in source row order. */
  readonly invoices: readonly Invoice[];
  readonly issues: readonly Issue[];
  /** 0-based index of the first data row (header + 1). */
  readonly firstDataIndex: number;
  /** Number of input rows from `firstDataIndex` to the end (the writer writes one output row per such row). */
  readonly rowCount: number;
  readonly blankRows: number;
  readonly totalRowsSkipped: number;
  /** Rows skipped because a required cell could not be read (each has ≥ 1 `error` issue). */
  readonly errorRowsSkipped: number;
  /** When the date order is unknown: the order the sheet's unambiguous day/month texts prove, if only one. */
  readonly dateOrderHint: "DMY" | "MDY" | null;
  /** Distinct currencies seen (NFKC, upper-case), sorted. */
  readonly currencies: readonly string[];
  readonly rowOffset: number;
  readonly columnOffset: number;
  readonly sheetName?: string;
}

const TOTAL_WORDS = new Set(
  [
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sub total",
    "sum",
    "total amount",
    "合计",
    "总计",
    "小计",
    "合 计",
    "总 计",
    "共计",
    "汇总",
  ].map((w) => headerKey(w)),
);

/** True when a customer cell reads like a totals label ("Total", "Grand Total:", "合计", "总计" …). */
export function isTotalsLabel(text: string): boolean {
  const k = headerKey(text);
  return TOTAL_WORDS.has(k) || /^(?:grand)?total(?:s|due|ar|receivables)?$/.test(k);
}

/**
 * A label that opens a subtotal or totals row in another column than the customer's: a totals label, or text naming
 * a total or a running sum ("Partner cumul aged balance" in Odoo, "Subtotal Acme Ltd", "Total for …", "小计").
 */
export function isSubtotalLabel(text: string): boolean {
  return isTotalsLabel(text) || /\b(?:sub-?)?totals?\b|\bcumul/i.test(text) || /合计|小计|总计/.test(text);
}

interface Ctx {
  readonly headers: readonly string[];
  readonly rowOffset: number;
  readonly columnOffset: number;
  readonly sheetName?: string;
}

/** Builds an issue located on the sheet. `col` < 0 means the whole row. */
export function makeIssue(
  ctx: Ctx,
  index: number,
  col: number,
  value: unknown,
  reason: Msg,
  severity: Issue["severity"],
  code: string,
): Issue {
  const issue: Issue = {
    row: index < 0 ? 0 : index + 1 + ctx.rowOffset,
    column: col < 0 ? "" : columnLetter(col + ctx.columnOffset),
    header: col < 0 ? "" : (ctx.headers[col] ?? ""),
    value: displayValue(value),
    reason,
    severity,
    code,
  };
  return ctx.sheetName !== undefined ? { ...issue, sheet: ctx.sheetName } : issue;
}

function mappedColumns(mapping: ColumnMapping): [Role, number][] {
  const out: [Role, number][] = [];
  for (const role of ROLES) {
    const c = mapping[role];
    if (typeof c === "number" && Number.isInteger(c) && c >= 0) out.push([role, c]);
  }
  return out;
}

/** Why an Excel error value (`#N/A`, `#REF!` …) cannot be used. */
function excelErrorReason(value: unknown): Msg {
  const v = String(value).trim();
  return { en: `The cell shows the Excel error ${v}.`, zh: `单元格显示Excel错误值 ${v}。` };
}

/** Customer text of a cell; null when blank or an Excel error value (never a name). */
function customerText(value: unknown): string | null {
  return isExcelError(value) ? null : parseTextCell(value);
}

/** Reads typed cells of one row at a time, collecting issues; one instance per table (no per-row closures). */
class RowReader {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  readonly numOpts: { decimalComma: boolean };
  readonly dateOpts: { dateOrder: "DMY" | "MDY" | null };
  dmy = 0;
  mdy = 0;
  ambiguous = 0;
  /** Currency named in this row's money text (first one seen), and the column it was in. */
  textCurrency: string | undefined;
  textCurrencyColumn = -1;
  private row: readonly unknown[] = [];
  private readonly dateCache = new Map<string, CellResult<Serial>>();
  private i = 0;

  constructor(
    private readonly ctx: Ctx,
    policy: Policy,
  ) {
    this.numOpts = { decimalComma: policy.decimalComma };
    this.dateOpts = { dateOrder: policy.dateOrder };
  }

  start(row: readonly unknown[], i: number): void {
    this.row = row;
    this.i = i;
    this.errors.length = 0;
    this.warnings.length = 0;
    this.textCurrency = undefined;
    this.textCurrencyColumn = -1;
  }

  error(c: number, reason: Msg, code: string): void {
    this.errors.push(makeIssue(this.ctx, this.i, c, c >= 0 ? this.row[c] : "", reason, "error", code));
  }

  num(c: number): number | undefined {
    if (c < 0) return undefined;
    const v = this.row[c];
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (isBlank(v)) return undefined;
    const res = parseNumberCell(v, this.numOpts);
    if (res.ok) return res.value;
    this.error(c, res.reason, res.code);
    return undefined;
  }

  /** A money cell: like num, and remembers the currency its text names (`$1,200`, `EUR 5`, `¥8,800`). */
  money(c: number): number | undefined {
    if (c < 0) return undefined;
    const v = this.row[c];
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (isBlank(v)) return undefined;
    const res = parseMoneyCell(v, this.numOpts);
    if (res.ok) {
      if (res.value.currency !== undefined && this.textCurrency === undefined) {
        this.textCurrency = res.value.currency;
        this.textCurrencyColumn = c;
      }
      return res.value.value;
    }
    this.error(c, res.reason, res.code);
    return undefined;
  }

  date(c: number): Serial | undefined {
    if (c < 0) return undefined;
    const v = this.row[c];
    if (isBlank(v)) return undefined;
    let res: CellResult<Serial>;
    if (typeof v === "string") {
      const hit = this.dateCache.get(v);
      if (hit) res = hit;
      else {
        res = parseDateCell(v, this.dateOpts);
        if (this.dateCache.size < 50000) this.dateCache.set(v, res);
      }
    } else res = parseDateCell(v, this.dateOpts);
    if (this.dateOpts.dateOrder === null && typeof v === "string") {
      const ev = dateOrderEvidence(v);
      if (ev === "DMY") this.dmy++;
      else if (ev === "MDY") this.mdy++;
    }
    if (res.ok) return res.value;
    if (res.code === "AMBIGUOUS_DATE") this.ambiguous++;
    this.error(c, res.reason, res.code);
    return undefined;
  }
}

/** Reads an invoice table. See the module comment for the rules. */
export function readTable(
  input: readonly (readonly unknown[])[],
  options: ReadTableOptions = {},
): ReadTableResult {
  const reader = tableReader(options);
  reader.push(Array.isArray(input) ? input : []);
  return reader.finish();
}

/**
 * {@link readTable} fed in slices: `push` the rows in order (as a chunked read delivers them), then `finish`. The
 * result is exactly readTable's on all the rows at once — the pane's scoring worker reads the invoices while the
 * next chunk of the sheet is still on its way, instead of after the whole sheet has arrived.
 *
 * How it stays exact: the header is found once the first `maxScan` rows (or the given header row) are in; rows are
 * read in order; the one rule that looks ahead — a blank customer *after the last customer row* is a totals row —
 * holds back every row from the first row without a customer name until a customer row arrives (then they were
 * not after the last one) or the input ends (then they were).
 */
export interface TableReader {
  push(rows: readonly (readonly unknown[])[]): void;
  /**
   * One row. The reader keeps no reference to `row` once this returns (the rows it must hold — the header search
   * area, rows waiting for a customer row — are copied), so a caller may refill one array for every row.
   */
  pushRow(row: readonly unknown[]): void;
  finish(): ReadTableResult;
}

export function tableReader(options: ReadTableOptions = {}): TableReader {
  const policy = options.policy ?? DEFAULT_POLICY;
  const rowOffset = Math.max(0, Math.floor(options.rowOffset ?? 0)) || 0;
  const columnOffset = Math.max(0, Math.floor(options.columnOffset ?? 0)) || 0;
  const sheetName = options.sheetName;
  const givenHeader =
    typeof options.headerRowIndex === "number" &&
    Number.isInteger(options.headerRowIndex) &&
    options.headerRowIndex >= -1
      ? options.headerRowIndex
      : null;
  const maxScan = options.maxScan ?? 20;
  /** Rows needed before the header can be chosen exactly as readTable on the whole input would. */
  const headNeeded = givenHeader !== null ? givenHeader + 1 : Math.max(0, maxScan);
  let head: (readonly unknown[])[] | null = [];
  let total = 0;
  let body: {
    push(row: readonly unknown[], i: number): void;
    finish(total: number): ReadTableResult;
  } | null = null;
  const begin = () => {
    body = tableBody(head ?? [], options, policy, {
      rowOffset,
      columnOffset,
      sheetName,
      givenHeader,
      maxScan,
    });
    const rows = head ?? [];
    head = null;
    for (let i = 0; i < rows.length; i++) body.push(rows[i]!, i);
  };
  // No rows needed to place the header (`headerRowIndex: -1`, or `maxScan: 0`): read from the first row.
  if (headNeeded <= 0) begin();
  const pushRow = (r: readonly unknown[]) => {
    const row = Array.isArray(r) ? r : [];
    if (body) body.push(row, total);
    else {
      head!.push(row.slice());
      if (head!.length >= headNeeded) begin();
    }
    total++;
  };
  return {
    push(rows) {
      for (const r of rows) pushRow(r);
    },
    pushRow,
    finish() {
      if (!body) begin();
      return body!.finish(total);
    },
  };
}

interface BodyPlacement {
  readonly rowOffset: number;
  readonly columnOffset: number;
  readonly sheetName: string | undefined;
  readonly givenHeader: number | null;
  readonly maxScan: number;
}

/** The header and mapping from the first rows, then a reader of every row in order (see {@link tableReader}). */
function tableBody(
  rows: readonly (readonly unknown[])[],
  options: ReadTableOptions,
  policy: Policy,
  { rowOffset, columnOffset, sheetName, givenHeader, maxScan }: BodyPlacement,
): { push(row: readonly unknown[], i: number): void; finish(total: number): ReadTableResult } {
  const issues: Issue[] = [];

  let detection: HeaderDetection | null = null;
  let headerRowIndex: number;
  if (givenHeader !== null) {
    headerRowIndex = Math.min(givenHeader, rows.length - 1);
  } else {
    detection = detectHeaderRow(rows, maxScan);
    headerRowIndex = detection ? detection.index : options.mapping ? 0 : -1;
  }
  // `?? []`: a mapping given for an empty input puts the header at row 0, which does not exist.
  const headerRow = headerRowIndex >= 0 ? (rows[headerRowIndex] ?? []) : [];
  const headers = headerRow.map((h) => parseTextCell(h) ?? "");
  const ctx: Ctx = { headers, rowOffset, columnOffset, sheetName };
  const firstDataIndex = headerRowIndex + 1;
  const baseOf = (total: number) => ({
    headerRowIndex,
    headers,
    detection,
    firstDataIndex,
    rowCount: Math.max(0, total - firstDataIndex),
    rowOffset,
    columnOffset,
    ...(sheetName !== undefined ? { sheetName } : {}),
  });
  /** A result decided by the header alone: no rows are read. */
  const unread = (mapping: ColumnMapping, mappingProblems: readonly MappingProblem[]) => ({
    push: () => undefined,
    finish: (total: number): ReadTableResult => ({
      ...baseOf(total),
      mapping,
      mappingProblems,
      invoices: [],
      issues,
      blankRows: 0,
      totalRowsSkipped: 0,
      errorRowsSkipped: 0,
      dateOrderHint: null,
      currencies: [],
    }),
  });

  if (headerRowIndex < 0 && !options.mapping) {
    issues.push(
      makeIssue(
        ctx,
        -1,
        -1,
        "",
        {
          en: "No header row found: none of the top 20 rows has three known column headers (customer, invoice date, due date, amount …). Choose the columns by hand.",
          zh: "未找到表头行：前20行中没有任何一行包含三个可识别的列标题（客户、开票日期、到期日、金额等）。请手动选择各列。",
        },
        "error",
        "NO_HEADER",
      ),
    );
    return unread({}, []);
  }

  let mapping: ColumnMapping;
  if (options.mapping) mapping = { ...options.mapping };
  else {
    const d = detectMapping(headerRow);
    mapping = d.mapping;
    for (const n of d.notes)
      issues.push(
        makeIssue(ctx, headerRowIndex, n.column, headers[n.column], n.message, "note", "DUPLICATE_ROLE"),
      );
  }
  if (detection?.ambiguous) {
    const other = detection.candidates[0]!;
    issues.push(
      makeIssue(
        ctx,
        headerRowIndex,
        -1,
        "",
        {
          en: `Rows ${headerRowIndex + 1 + rowOffset} and ${other + 1 + rowOffset} both look like header rows; using row ${headerRowIndex + 1 + rowOffset}.`,
          zh: `第${headerRowIndex + 1 + rowOffset}行和第${other + 1 + rowOffset}行都像表头行；已使用第${headerRowIndex + 1 + rowOffset}行。`,
        },
        "note",
        "AMBIGUOUS_HEADER",
      ),
    );
  }
  const mappingProblems = validateMapping(mapping, policy);
  if (mappingProblems.length > 0) {
    for (const p of mappingProblems) issues.push(makeIssue(ctx, -1, -1, "", p.message, "error", "MAPPING"));
    return unread(mapping, mappingProblems);
  }

  const cols = mappedColumns(mapping);
  const colIndexes = cols.map(([, c]) => c);
  const col = (r: Role) => mapping[r] ?? -1;
  const cCustomer = col("customer");
  const cAmount = col("amount");
  const cBalance = col("balance");
  const cInvoiceNo = col("invoiceNo");
  const cInvoiceDate = col("invoiceDate");
  const cDue = col("dueDate");
  const cPaidDate = col("paidDate");
  const cPaid = col("paid");
  const cTerms = col("terms");
  const cStatus = col("status");
  const cCur = col("currency");
  const cCredit = col("creditLimit");
  const cInsured = col("insuredLimit");
  const cYears = col("yearsTrading");
  const defaultTerms =
    policy.defaultTerms && policy.defaultTerms.trim() ? parseTerms(policy.defaultTerms) : null;
  const rr = new RowReader(ctx, policy);

  // Customer text → join key / totals label, cached (names repeat on every row).
  const customerInfo = new Map<string, { key: string; totals: boolean }>();
  const infoOf = (name: string) => {
    let info = customerInfo.get(name);
    if (!info) customerInfo.set(name, (info = { key: customerKey(name), totals: isTotalsLabel(name) }));
    return info;
  };

  // Currency text → ISO code, cached: one normalisation per distinct text instead of per row, and every invoice
  // of a currency shares one code string (a full sheet otherwise keeps a million copies of "USD").
  const currencyCodes = new Map<string, string | undefined>();
  const currencyOf = (text: string) => {
    if (currencyCodes.has(text)) return currencyCodes.get(text);
    const code = normalizeCurrency(text) ?? undefined;
    if (currencyCodes.size < 1000) currencyCodes.set(text, code);
    return code;
  };

  const invoices: Invoice[] = [];
  const currencies = new Set<string>();
  let blankRows = 0;
  let totalRowsSkipped = 0;
  let errorRowsSkipped = 0;
  // Header keys of the mapped columns, to recognise the header written again below (see the rules above).
  // The text as written (trimmed): an export repeats its header verbatim, and a string comparison costs nothing on
  // the million data rows whose first mapped cell already differs.
  const headerTexts = colIndexes.map((c) => (ctx.headers[c] ?? "").trim());
  const repeatsHeader = (row: readonly unknown[]): boolean => {
    let same = 0;
    for (let k = 0; k < colIndexes.length; k++) {
      const cell = row[colIndexes[k]!];
      if (isBlank(cell)) continue;
      if (typeof cell !== "string" || headerTexts[k] === "" || cell.trim() !== headerTexts[k]) return false;
      same++;
    }
    return same >= 2;
  };
  const hasNumber = (row: readonly unknown[], c: number) =>
    c >= 0 && !isBlank(row[c]) && parseNumberCell(row[c], rr.numOpts).ok;
  const mappedSet = new Set(colIndexes);
  /** A number in a column no role reads (the aging columns an export adds: a footer's percentages, sums). */
  const hasOtherNumber = (row: readonly unknown[]) => {
    for (let c = 0; c < row.length; c++) if (!mappedSet.has(c) && typeof row[c] === "number") return true;
    return false;
  };
  /**
   * A section heading: the row's only value is one text, outside the customer column, and no number — e.g. the
   * partner title Odoo's Aged Partner Balance writes in its Date column above each partner's lines.
   */
  const headingColumn = (row: readonly unknown[]): number => {
    let at = -1;
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      if (at >= 0 || typeof row[c] !== "string" || isExcelError(row[c])) return -1;
      at = c;
    }
    return at === cCustomer ? -1 : at;
  };
  /** The row's first value: its column, or -1 for an empty row. */
  const firstValue = (row: readonly unknown[]): number => {
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return c;
    return -1;
  };

  /**
   * One data row. `afterLastCustomer`: no row with a real customer name follows (blank-customer rows with a number
   * there are totals); only asked of rows without a customer, which {@link tableReader} holds back until it knows.
   */
  const readRow = (row: readonly unknown[], i: number, afterLastCustomer: boolean): void => {
    let blank = true;
    for (let k = 0; k < colIndexes.length; k++) {
      if (!isBlank(row[colIndexes[k]!])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      blankRows++;
      return;
    }
    if (isExcelError(row[cCustomer])) {
      // An error value is not a name (spec §1: unreadable cells are reported, never guessed): skip the row.
      rr.start(row, i);
      rr.error(cCustomer, excelErrorReason(row[cCustomer]), "EXCEL_ERROR");
      errorRowsSkipped++;
      for (const e of rr.errors) issues.push(e);
      return;
    }
    if (repeatsHeader(row)) {
      totalRowsSkipped++;
      issues.push(
        makeIssue(
          ctx,
          i,
          cCustomer,
          row[cCustomer],
          { en: "Repeated header row skipped.", zh: "已跳过重复的表头行。" },
          "note",
          "REPEATED_HEADER",
        ),
      );
      return;
    }
    const heading = headingColumn(row);
    if (heading >= 0) {
      totalRowsSkipped++;
      issues.push(
        makeIssue(
          ctx,
          i,
          heading,
          row[heading],
          { en: "Section heading skipped (not an invoice).", zh: "已跳过分节标题行（不是发票）。" },
          "note",
          "SECTION_HEADING",
        ),
      );
      return;
    }
    const customer = parseTextCell(row[cCustomer]);
    const info = customer !== null ? infoOf(customer) : null;
    // Without a customer, the message names the row's first value (the label, or the footer's first figure).
    const first = info ? cCustomer : firstValue(row);
    if (
      info
        ? info.totals
        : (first >= 0 && typeof row[first] === "string" && isSubtotalLabel(row[first] as string)) ||
          (afterLastCustomer && (hasNumber(row, cAmount) || hasNumber(row, cBalance) || hasOtherNumber(row)))
    ) {
      totalRowsSkipped++;
      issues.push(
        makeIssue(
          ctx,
          i,
          first,
          row[first],
          { en: "Totals row skipped.", zh: "已跳过合计行。" },
          "note",
          "TOTALS_ROW",
        ),
      );
      return;
    }

    rr.start(row, i);
    if (customer === null)
      rr.error(cCustomer, { en: "No customer name.", zh: "缺少客户名称。" }, "MISSING_CUSTOMER");
    const invoiceDate = rr.date(cInvoiceDate);
    const sheetDue = rr.date(cDue);
    const paidDate = rr.date(cPaidDate);
    const amount = rr.money(cAmount);
    const balance = rr.money(cBalance);
    let paid: number | undefined;
    let paidFlag: boolean | null = null;
    if (cPaid >= 0 && !isBlank(row[cPaid])) {
      paidFlag = parseFlagCell(row[cPaid]);
      if (paidFlag === null) paid = rr.money(cPaid);
    }
    const creditLimit = rr.num(cCredit);
    const insuredLimit = rr.num(cInsured);
    const yearsTrading = rr.num(cYears);
    if ((cAmount < 0 || isBlank(row[cAmount])) && (cBalance < 0 || isBlank(row[cBalance]))) {
      rr.error(
        cAmount >= 0 ? cAmount : cBalance,
        { en: "No amount or balance.", zh: "缺少金额或余额。" },
        "MISSING_AMOUNT",
      );
    }

    // Terms and due date.
    const termsText = cTerms >= 0 ? parseTextCell(row[cTerms]) : null;
    const rowTerms = termsText !== null ? parseTerms(termsText) : null;
    let due: Serial | undefined = sheetDue;
    let dueComputed = false;
    let termsUsed: string | undefined = termsText ?? undefined;
    const dueCellBlank = cDue < 0 || isBlank(row[cDue]);
    if (termsText !== null && rowTerms === null) {
      const badTerms: Msg = {
        en: `Payment terms "${termsText}" are not recognised.`,
        zh: `无法识别付款条件“${termsText}”。`,
      };
      if (dueCellBlank) rr.error(cTerms, badTerms, "BAD_TERMS");
      else rr.warnings.push(makeIssue(ctx, i, cTerms, row[cTerms], badTerms, "warning", "BAD_TERMS"));
    } else if (dueCellBlank) {
      if (invoiceDate !== undefined) {
        const terms = rowTerms ?? defaultTerms;
        if (terms) {
          due = termsDueDate(invoiceDate, terms);
          dueComputed = true;
          termsUsed = terms.text;
          if (!(due >= 1 && due <= MAX_SERIAL)) {
            rr.error(
              cInvoiceDate,
              { en: "The computed due date is beyond 9999-12-31.", zh: "计算出的到期日超出9999-12-31。" },
              "BAD_DATE",
            );
          }
        } else {
          rr.error(
            cTerms >= 0 ? cTerms : cDue,
            {
              en: "No due date and no payment terms to compute it.",
              zh: "没有到期日，也没有可用于计算到期日的付款条件。",
            },
            "MISSING_DUE_DATE",
          );
        }
      } else if (cInvoiceDate < 0 || isBlank(row[cInvoiceDate])) {
        rr.error(
          cDue >= 0 ? cDue : cInvoiceDate,
          { en: "No due date and no invoice date.", zh: "缺少到期日和开票日期。" },
          "MISSING_DUE_DATE",
        );
      }
    }

    // Status.
    let status: InvoiceStatus = "open";
    if (cStatus >= 0 && !isBlank(row[cStatus])) {
      const st = parseStatusCell(row[cStatus]);
      status = st.status;
      if (!st.known) {
        rr.warnings.push(
          makeIssue(
            ctx,
            i,
            cStatus,
            row[cStatus],
            {
              en: "Unknown status; the invoice is treated as open.",
              zh: "无法识别的状态；该发票按未结处理。",
            },
            "warning",
            "UNKNOWN_STATUS",
          ),
        );
      }
    } else if (paidFlag === true) status = "paid";

    if (rr.errors.length > 0 || due === undefined || customer === null) {
      if (rr.errors.length === 0)
        rr.error(-1, { en: "The row could not be read.", zh: "无法读取该行。" }, "UNREADABLE_ROW");
      errorRowsSkipped++;
      for (const e of rr.errors) issues.push(e);
      return;
    }
    for (const w of rr.warnings) issues.push(w);

    let currency: string | undefined;
    if (cCur >= 0 && isExcelError(row[cCur])) {
      // Kept without a currency (the currency is not needed to score): a warning, never a currency "#DIV/0!".
      issues.push(
        makeIssue(
          ctx,
          i,
          cCur,
          row[cCur],
          {
            en: `${excelErrorReason(row[cCur]).en} The invoice is used without a currency.`,
            zh: `${excelErrorReason(row[cCur]).zh}该发票按无币种处理。`,
          },
          "warning",
          "EXCEL_ERROR",
        ),
      );
    } else if (cCur >= 0) {
      const t = parseTextCell(row[cCur]);
      if (t !== null) currency = currencyOf(t);
    }
    if (rr.textCurrency !== undefined) {
      if (currency === undefined) currency = rr.textCurrency;
      else if (currency !== rr.textCurrency) {
        issues.push(
          makeIssue(
            ctx,
            i,
            rr.textCurrencyColumn,
            row[rr.textCurrencyColumn],
            {
              en: `The amount is written in ${rr.textCurrency} but the currency column says ${currency}; ${currency} is used.`,
              zh: `金额按${rr.textCurrency}书写，但币种列为${currency}；按${currency}处理。`,
            },
            "warning",
            "CURRENCY_CONFLICT",
          ),
        );
      }
    }
    if (currency !== undefined) currencies.add(currency);
    const invoiceNo = cInvoiceNo >= 0 ? parseTextCell(row[cInvoiceNo]) : null;
    // Fixed shape: optional fields are present but undefined when absent (JSON drops them).
    invoices.push({
      index: i,
      row: i + 1 + rowOffset,
      customer,
      customerKey: info!.key,
      invoiceNo: invoiceNo ?? undefined,
      invoiceDate,
      dueDate: due,
      dueDateComputed: dueComputed,
      terms: termsUsed,
      amount,
      paid,
      balance,
      paidDate,
      status,
      currency,
      creditLimit,
      insuredLimit,
      yearsTrading,
    });
  };

  // Rows held back from the first row without a real customer name until one follows (see tableReader).
  const held: { row: readonly unknown[]; i: number }[] = [];
  const flush = (afterLastCustomer: boolean) => {
    for (const h of held) readRow(h.row, h.i, afterLastCustomer);
    held.length = 0;
  };
  const push = (row: readonly unknown[], i: number): void => {
    if (i < firstDataIndex) return;
    const t = customerText(row[cCustomer]);
    if (t !== null && !infoOf(t).totals) {
      if (held.length > 0) flush(false);
      readRow(row, i, false);
    } else held.push({ row: row.slice(), i });
  };

  const finish = (total: number): ReadTableResult => {
    flush(true);
    const dmyEvidence = rr.dmy;
    const mdyEvidence = rr.mdy;
    const ambiguousDates = rr.ambiguous;
    const dateOrderHint =
      dmyEvidence > 0 && mdyEvidence === 0 ? "DMY" : mdyEvidence > 0 && dmyEvidence === 0 ? "MDY" : null;
    if (ambiguousDates > 0 && dateOrderHint) {
      const label = DATE_ORDER_LABELS[dateOrderHint];
      const path = dateOrderSettingPath();
      issues.push(
        makeIssue(
          ctx,
          -1,
          -1,
          "",
          {
            en: `${ambiguousDates} ${ambiguousDates === 1 ? "date" : "dates"} could be day/month or month/day and ${ambiguousDates === 1 ? "was" : "were"} not read. The sheet's other dates are all ${label.en.toLowerCase()}: set ${path.en} to ${label.en} and score again.`,
            zh: `有${ambiguousDates}个日期无法确定是日/月还是月/日，未被读取。表中其他日期均为“${label.zh}”格式：请将${path.zh}设为“${label.zh}”后重新评分。`,
          },
          "note",
          "DATE_ORDER_HINT",
        ),
      );
    }
    const currencyList = [...currencies].sort();
    return {
      ...baseOf(total),
      mapping,
      mappingProblems,
      invoices,
      issues,
      blankRows,
      totalRowsSkipped,
      errorRowsSkipped,
      dateOrderHint,
      currencies: currencyList,
    };
  };
  return { push, finish };
}
