/**
 * Header recognition (spec score-sheet §1): a synonym table in English and Simplified Chinese, header-row
 * detection in the top rows, column → role mapping and validation of a mapping.
 *
 * Matching compares {@link headerKey}s (case-, space-, punctuation- and full-width-insensitive):
 * - exact: the key equals a synonym's key (confidence 1);
 * - partial: the key contains a synonym key of at least 4 Latin / 2 CJK characters, the longest such synonym
 *   wins (confidence 0.6) — e.g. "Invoice Amount (USD)" → amount, "客户名称（全称）" → customer.
 */
import { parseTerms } from "../terms";
import type { Policy } from "../policy";
import { headerKey, isBlank } from "./normalize";
import { ROLES, ROLE_NAMES, type ColumnMapping, type Msg, type Role } from "./types";

/** Synonyms per role, written as people write them; keys are derived with {@link headerKey}. */
export const HEADER_SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  customer: [
    "Customer",
    "Customer Name",
    "Customer Account",
    // Odoo's partner (account_financial_report "Aged Partner Balance"): ranked above "Account", which in Odoo's
    // detail export is the ledger account code.
    "Partner",
    "Partner Name",
    "Cust",
    "Cust Name",
    "Client",
    "Client Name",
    "Account",
    "Account Name",
    "Debtor",
    "Debtor Name",
    "Buyer",
    "Buyer Name",
    "Sold-to",
    "Sold-to Party",
    "Sold to Name",
    "Bill-to",
    "Bill-to Name",
    "Bill to Customer",
    "Payer",
    "Company",
    "Company Name",
    "Counterparty",
    "Party",
    "Name",
    "客户",
    "客户名称",
    "客户名",
    "客户全称",
    "客户简称",
    "购买方",
    "购买方名称",
    "购方名称",
    "购货单位",
    "买方",
    "买方名称",
    "付款方",
    "付款单位",
    "往来单位",
    "往来单位名称",
    "单位名称",
    "公司名称",
    "债务人",
  ],
  invoiceNo: [
    "Invoice No",
    "Invoice Number",
    "Invoice #",
    "Invoice",
    "Invoice ID",
    "Inv No",
    "Inv #",
    "Inv",
    "Inv Number",
    "Document",
    "Document No",
    "Document Number",
    "Doc No",
    "Doc #",
    "Doc Number",
    "Reference",
    "Ref",
    "Ref No",
    "Bill No",
    "Bill Number",
    "Voucher No",
    // Odoo's move name ("INV/2025/00231"): the invoice's number in its Aged Partner Balance and ledger exports.
    "Entry",
    "Entry No",
    "Entry Number",
    "发票号",
    "发票号码",
    "发票编号",
    "单据编号",
    "单据号",
    "单号",
    "凭证号",
    "凭证编号",
    "票据号",
    "发票代码",
  ],
  invoiceDate: [
    "Invoice Date",
    "Inv Date",
    "Date",
    "Document Date",
    "Doc Date",
    "Posting Date",
    "Bill Date",
    "Billing Date",
    "Issue Date",
    "Date Issued",
    "Transaction Date",
    "Txn Date",
    "开票日期",
    "发票日期",
    "单据日期",
    "日期",
    "记账日期",
    "业务日期",
    "开票时间",
  ],
  dueDate: [
    "Due Date",
    "Due",
    "Net Due Date",
    "Due On",
    "Payment Due",
    "Payment Due Date",
    "Date Due",
    "Maturity",
    "Maturity Date",
    "Baseline Due Date",
    "到期日",
    "到期日期",
    "应收日期",
    "收款期限",
    "应收款日期",
    "付款期限",
    "最后付款日",
    "账期到期日",
  ],
  terms: [
    "Terms",
    "Payment Terms",
    "Pay Terms",
    "Credit Terms",
    "Terms of Payment",
    "Terms Code",
    "Payment Condition",
    "付款条件",
    "付款方式",
    "账期",
    "帐期",
    "信用期",
    "信用期限",
    "结算方式",
    "收款条件",
  ],
  amount: [
    "Amount",
    "Invoice Amount",
    "Invoiced Amount",
    "Inv Amount",
    "Invoice Total",
    "Invoice Value",
    "Gross Amount",
    "Gross",
    "Total",
    "Total Amount",
    "Amount Incl Tax",
    "Document Amount",
    "Original Amount",
    "Billed Amount",
    "Value",
    "金额",
    "发票金额",
    "价税合计",
    "含税金额",
    "开票金额",
    "应收金额",
    "合同金额",
    "原币金额",
    "总金额",
    "单据金额",
  ],
  paid: [
    "Paid",
    "Paid Amount",
    "Amount Paid",
    "Payments",
    "Payment",
    "Payment Amount",
    "Receipts",
    "Received",
    "Amount Received",
    "Cash Received",
    "Collected",
    "Applied Amount",
    "Cleared Amount",
    "已收金额",
    "已付金额",
    "回款金额",
    "已收款",
    "已回款",
    "收款金额",
    "已核销金额",
    "实收金额",
  ],
  balance: [
    "Balance",
    "Balance Due",
    "Amount Due",
    "Open",
    "Open Amount",
    "Open Balance",
    "Outstanding",
    "Outstanding Amount",
    "Outstanding Balance",
    "Remaining",
    "Remaining Amount",
    "Amount Remaining",
    "Unpaid Amount",
    "Residual",
    "Amount Outstanding",
    "余额",
    "未收金额",
    "未付金额",
    "未核销金额",
    "应收余额",
    "欠款金额",
    "欠款",
    "未回款金额",
    "剩余金额",
    "期末余额",
  ],
  paidDate: [
    "Paid Date",
    "Date Paid",
    "Payment Date",
    "Paid On",
    "Receipt Date",
    "Clearing Date",
    "Cleared Date",
    "Settlement Date",
    "Collection Date",
    "Last Payment Date",
    "收款日期",
    "付款日期",
    "回款日期",
    "到账日期",
    "核销日期",
    "实际收款日期",
  ],
  status: [
    "Status",
    "Invoice Status",
    "Payment Status",
    "State",
    "Item Status",
    "状态",
    "付款状态",
    "收款状态",
    "发票状态",
    "核销状态",
  ],
  currency: [
    "Currency",
    "Curr",
    "Ccy",
    "Currency Code",
    "Doc Currency",
    "币别",
    "币种",
    "货币",
    "币制",
    "原币",
  ],
  creditLimit: [
    "Credit Limit",
    "Limit",
    "Credit Line",
    "Approved Limit",
    "Approved Credit",
    "Credit Amount",
    "信用额度",
    "授信额度",
    "信用限额",
    "赊销额度",
  ],
  insuredLimit: [
    "Insured Limit",
    "Insurance Limit",
    "Insured Amount",
    "Credit Insurance Limit",
    "Cover",
    "Insured Cover",
    "Insurer Limit",
    "Approved Insured Limit",
    "保险限额",
    "承保额度",
    "保险额度",
    "投保限额",
    "信保限额",
  ],
  yearsTrading: [
    "Years Trading",
    "Years in Business",
    "Trading Years",
    "Years Established",
    "Age of Business",
    "经营年限",
    "成立年限",
    "经营年数",
  ],
  workingCapital: ["Working Capital", "WC", "营运资本", "营运资金"],
  retainedEarnings: ["Retained Earnings", "RE", "留存收益", "未分配利润"],
  ebit: ["EBIT", "Operating Profit", "Operating Income", "息税前利润", "营业利润"],
  equity: [
    "Equity",
    "Book Equity",
    "Market Value of Equity",
    "Shareholders Equity",
    "Net Worth",
    "股东权益",
    "所有者权益",
    "净资产",
  ],
  sales: ["Sales", "Revenue", "Turnover", "Annual Sales", "Net Sales", "销售收入", "营业收入", "销售额"],
  totalAssets: ["Total Assets", "Assets", "TA", "资产总额", "总资产", "资产合计"],
  totalLiabilities: ["Total Liabilities", "Liabilities", "TL", "负债总额", "总负债", "负债合计"],
  altmanModel: ["Model", "Altman Model", "Z Model", "Z-Score Model", "模型", "Z值模型"],
};

const EXACT = new Map<string, Role>();
/** Position of an exact synonym in its role's list: when two headers match one role exactly, the earlier wins. */
const EXACT_RANK = new Map<string, number>();
const PARTIAL: { key: string; role: Role }[] = [];
const CJK = /[\u3400-\u9fff]/;

/**
 * Single English words specific enough to be found inside a longer header. Other single words ("Date", "Name",
 * "Total", "Payment", "Account" …) only match exactly, so "Payment Method" or "Account Manager" stay unmapped.
 */
const PARTIAL_WORDS = new Set([
  "customer",
  "client",
  "debtor",
  "buyer",
  "amount",
  "balance",
  "outstanding",
  "currency",
  "status",
  "terms",
]);

for (const role of ROLES) {
  HEADER_SYNONYMS[role].forEach((text, rank) => {
    const key = headerKey(text);
    if (!EXACT.has(key)) {
      EXACT.set(key, role);
      EXACT_RANK.set(key, rank);
    }
    const cjk = CJK.test(key);
    const multiWord = /[\s\-#]/.test(text.trim());
    if (cjk ? key.length >= 2 : key.length >= 4 && (multiWord || PARTIAL_WORDS.has(key)))
      PARTIAL.push({ key, role });
  });
}
// Longest synonyms first so the most specific partial match wins ("invoiceamount" before "amount").
PARTIAL.sort((a, b) => b.key.length - a.key.length || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));

/** Roles that only make sense on the Customers sheet (ignored when reading an invoice sheet header). */
export const CUSTOMER_SHEET_ONLY: ReadonlySet<Role> = new Set<Role>([
  "workingCapital",
  "retainedEarnings",
  "ebit",
  "equity",
  "sales",
  "totalAssets",
  "totalLiabilities",
  "altmanModel",
]);

export interface RoleGuess {
  readonly role: Role;
  /** 1 = exact synonym, 0.6 = the header contains a synonym. */
  readonly confidence: number;
}

/**
 * The role a header text most likely names, or `null`. `allowed` restricts the roles considered (e.g. invoice
 * sheet roles only). Header text longer than 60 characters is not a header.
 */
export function guessRole(text: unknown, allowed?: (role: Role) => boolean): RoleGuess | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 60) return null;
  const key = headerKey(trimmed);
  if (key.length === 0) return null;
  const exact = EXACT.get(key);
  if (exact && (!allowed || allowed(exact))) return { role: exact, confidence: 1 };
  for (const p of PARTIAL) {
    if (key.length > p.key.length && key.includes(p.key) && (!allowed || allowed(p.role))) {
      return { role: p.role, confidence: 0.6 };
    }
  }
  return null;
}

/** One column's guess in a header row. */
export interface ColumnGuess {
  readonly column: number;
  readonly text: string;
  readonly role: Role | null;
  readonly confidence: number;
}

export interface HeaderDetection {
  /** 0-based index of the header row in `rows`. */
  readonly index: number;
  readonly columns: readonly ColumnGuess[];
  /** Mean confidence over the row's non-empty cells, 0..1. */
  readonly confidence: number;
  /** Other rows in the scanned range that also have ≥ the minimum of known headers (0-based). */
  readonly candidates: readonly number[];
  /** True when another candidate row matches at least as many headers as the chosen one. */
  readonly ambiguous: boolean;
}

export interface DetectOptions {
  /** Rows scanned from the top (default 20). */
  readonly maxScan?: number;
  /** Known headers a row needs (default 3). */
  readonly minKnown?: number;
  /** Restrict roles (default: invoice-sheet roles). */
  readonly allowed?: (role: Role) => boolean;
}

const invoiceRoles = (role: Role): boolean => !CUSTOMER_SHEET_ONLY.has(role);

function guessRow(row: readonly unknown[], allowed: (role: Role) => boolean) {
  const columns: ColumnGuess[] = [];
  let known = 0;
  let nonEmpty = 0;
  let sum = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    nonEmpty++;
    const text = typeof cell === "string" ? cell.trim() : String(cell);
    const guess = typeof cell === "string" ? guessRole(cell, allowed) : null;
    if (guess) {
      known++;
      sum += guess.confidence;
    }
    columns.push({ column: c, text, role: guess?.role ?? null, confidence: guess?.confidence ?? 0 });
  }
  return { columns, known, confidence: nonEmpty > 0 ? sum / nonEmpty : 0 };
}

/** Rows from the top of a sheet that are searched for the header row (spec score-sheet §1). */
export const HEADER_SCAN_ROWS = 20;

/**
 * The header row: the first of the top `maxScan` rows (default 20) in which at least `minKnown` (default 3) cells
 * match known headers. `null` when no row qualifies. Other qualifying rows are reported as `candidates`; the
 * result is `ambiguous` when one of them matches at least as many headers (e.g. an English header row above a
 * Chinese one).
 */
export function detectHeaderRow(
  rows: readonly (readonly unknown[])[],
  maxScan = HEADER_SCAN_ROWS,
  options: Omit<DetectOptions, "maxScan"> = {},
): HeaderDetection | null {
  const minKnown = options.minKnown ?? 3;
  const allowed = options.allowed ?? invoiceRoles;
  let chosen: { index: number; columns: ColumnGuess[]; known: number; confidence: number } | null = null;
  const candidates: number[] = [];
  let ambiguous = false;
  const limit = Math.min(rows.length, Math.max(0, maxScan));
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    const g = guessRow(row, allowed);
    if (g.known < minKnown) continue;
    if (!chosen) chosen = { index: r, ...g };
    else {
      candidates.push(r);
      if (g.known >= chosen.known) ambiguous = true;
    }
  }
  if (!chosen) return null;
  return {
    index: chosen.index,
    columns: chosen.columns,
    confidence: chosen.confidence,
    candidates,
    ambiguous,
  };
}

/** A note about the mapping (duplicate role, …). */
export interface MappingNote {
  readonly column: number;
  readonly role: Role;
  readonly message: Msg;
  /**
   * True when the header of `column` is itself an exact synonym of the role, or the column that won is only a partial
   * match: a real contest (mappingCertainty asks). False for a partial match losing to an exact one ("Customer Group"
   * beside "Customer"): shown, but the detection stays certain.
   */
  readonly contested: boolean;
}

export interface MappingDetection {
  readonly mapping: ColumnMapping;
  readonly notes: readonly MappingNote[];
}

/**
 * Column mapping from a header row. When two columns claim a role, an exact match beats a partial one; between
 * two exact matches the synonym listed first for the role wins (the more specific name: "Partner" before
 * "Account", "Customer Name" before "Party"), else the first (leftmost) column; the other column is reported in
 * `notes` and left unmapped.
 */
export function detectMapping(
  headerRow: readonly unknown[],
  allowed: (role: Role) => boolean = invoiceRoles,
): MappingDetection {
  const best = new Map<Role, { column: number; confidence: number }>();
  const losers: { column: number; role: Role; confidence: number }[] = [];
  const rank = (c: number) =>
    typeof headerRow[c] === "string"
      ? (EXACT_RANK.get(headerKey(headerRow[c] as string)) ?? Infinity)
      : Infinity;
  for (let c = 0; c < headerRow.length; c++) {
    const guess = guessRole(headerRow[c], allowed);
    if (!guess) continue;
    const prev = best.get(guess.role);
    if (!prev) best.set(guess.role, { column: c, confidence: guess.confidence });
    else if (
      guess.confidence > prev.confidence ||
      (guess.confidence === 1 && prev.confidence === 1 && rank(c) < rank(prev.column))
    ) {
      losers.push({ column: prev.column, role: guess.role, confidence: prev.confidence });
      best.set(guess.role, { column: c, confidence: guess.confidence });
    } else losers.push({ column: c, role: guess.role, confidence: guess.confidence });
  }
  const mapping: ColumnMapping = {};
  for (const role of ROLES) {
    const b = best.get(role);
    if (b) mapping[role] = b.column;
  }
  const notes = losers
    .map(({ column, role, confidence }) => {
      const won = best.get(role)!;
      const winner = won.column;
      const text = (c: number) => String(headerRow[c] ?? "").trim();
      return {
        column,
        role,
        contested: confidence === 1 || won.confidence < 1,
        message: {
          en: `Column "${text(column)}" also looks like ${ROLE_NAMES[role].en}; using "${text(winner)}" instead.`,
          zh: `列“${text(column)}”也像是${ROLE_NAMES[role].zh}；已改用列“${text(winner)}”。`,
        },
      };
    })
    .sort((a, b) => a.column - b.column);
  return { mapping, notes };
}

/** A missing or invalid part of a mapping. `field` is the role (or roles joined by `|`) concerned. */
export interface MappingProblem {
  readonly field: string;
  readonly message: Msg;
}

/**
 * Problems that stop scoring (spec §1 "Required"): a customer column; an amount or balance column; a due date
 * (a due-date column, or invoice date + terms column, or invoice date + the policy's default terms). Also reports
 * two roles on the same column, negative/non-integer indexes and unreadable default terms. Empty = usable.
 */
export function validateMapping(
  mapping: ColumnMapping,
  policy: Pick<Policy, "defaultTerms">,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const has = (r: Role) => mapping[r] !== undefined && mapping[r] !== null;
  const seen = new Map<number, Role>();
  for (const role of ROLES) {
    const c = mapping[role];
    if (c === undefined || c === null) continue;
    if (!Number.isInteger(c) || c < 0) {
      problems.push({
        field: role,
        message: {
          en: `${ROLE_NAMES[role].en}: column index ${String(c)} is not a column.`,
          zh: `${ROLE_NAMES[role].zh}：列号 ${String(c)} 无效。`,
        },
      });
      continue;
    }
    const other = seen.get(c);
    if (other) {
      problems.push({
        field: role,
        message: {
          en: `${ROLE_NAMES[role].en} and ${ROLE_NAMES[other].en} are mapped to the same column.`,
          zh: `${ROLE_NAMES[role].zh}和${ROLE_NAMES[other].zh}被映射到同一列。`,
        },
      });
    } else seen.set(c, role);
  }
  if (!has("customer")) {
    problems.push({
      field: "customer",
      message: {
        en: "No customer column: choose the column that holds the customer name.",
        zh: "缺少客户列：请选择包含客户名称的列。",
      },
    });
  }
  if (!has("amount") && !has("balance")) {
    problems.push({
      field: "amount|balance",
      message: {
        en: "No amount column: choose an invoice amount column or an open balance column.",
        zh: "缺少金额列：请选择发票金额列或余额列。",
      },
    });
  }
  const defaultTerms = policy.defaultTerms;
  const defaultOk =
    typeof defaultTerms === "string" && defaultTerms.trim() !== "" && !!parseTerms(defaultTerms);
  if (typeof defaultTerms === "string" && defaultTerms.trim() !== "" && !defaultOk) {
    problems.push({
      field: "defaultTerms",
      message: {
        en: `The default payment terms "${defaultTerms}" are not recognised.`,
        zh: `无法识别默认付款条件“${defaultTerms}”。`,
      },
    });
  }
  if (!has("dueDate")) {
    if (!has("invoiceDate")) {
      problems.push({
        field: "dueDate|invoiceDate",
        message: {
          en: "No due date: choose a due date column, or an invoice date column (with a terms column or default terms).",
          zh: "缺少到期日：请选择到期日列，或开票日期列（并提供付款条件列或默认付款条件）。",
        },
      });
    } else if (!has("terms") && !defaultOk) {
      problems.push({
        field: "terms",
        message: {
          en: "No due date column and no terms: choose a payment terms column or set default terms in the settings.",
          zh: "没有到期日列，也没有付款条件：请选择付款条件列，或在设置中填写默认付款条件。",
        },
      });
    }
  }
  return problems;
}

/** Whether a detected mapping may be used without asking (spec §1 v2), and if not, why. */
export interface MappingCertainty {
  readonly certain: boolean;
  /** Why the pane asks first: required roles missing, guessed from a partial header, or claimed twice. */
  readonly reasons: readonly Msg[];
}

/**
 * Spec §1 v2: "When detection is certain (every required role found by an exact synonym, no role claimed by two
 * columns), the first click scores at once … it asks first only when it is unsure, and says why." Unsure when:
 * a required role is missing (validateMapping); a required role in use — the customer, the amount and/or balance
 * column, the due date or else the invoice date and terms — was guessed from a header that only contains a synonym
 * ("Invoice Amount (USD)"); two columns claim one role (the detection's contested notes: two exact synonyms, or a
 * partial winner — a partial header that lost to an exact synonym is a note, not a claim); or two rows of the top
 * look like the header row.
 */
export function mappingCertainty(
  headerRow: readonly unknown[],
  detected: MappingDetection,
  policy: Pick<Policy, "defaultTerms">,
  header: Pick<HeaderDetection, "index" | "candidates" | "ambiguous"> | null = null,
  /** 0-based sheet row of the block's first row (messages name sheet rows). */
  rowOffset = 0,
): MappingCertainty {
  const mapping = detected.mapping;
  const reasons: Msg[] = validateMapping(mapping, policy).map((p) => p.message);
  const has = (r: Role) => mapping[r] !== undefined && mapping[r] !== null;
  const required: Role[] = ["customer", "amount", "balance"].filter((r) => has(r as Role)) as Role[];
  if (has("dueDate")) required.push("dueDate");
  else {
    if (has("invoiceDate")) required.push("invoiceDate");
    if (has("terms")) required.push("terms");
  }
  for (const role of required) {
    const text = String(headerRow[mapping[role]!] ?? "").trim();
    if (guessRole(text)?.confidence === 1) continue;
    reasons.push({
      en: `${ROLE_NAMES[role].en} was guessed from the header "${text}": check it.`,
      zh: `${ROLE_NAMES[role].zh}是根据列标题“${text}”推测的，请核对。`,
    });
  }
  // A partial header losing to an exact synonym ("Customer Group" beside "Customer") claims nothing: only a real
  // contest — two exact synonyms, or a partial winner — is "a role claimed by two columns".
  for (const note of detected.notes) if (note.contested) reasons.push(note.message);
  if (header?.ambiguous) {
    const rows = [header.index, ...header.candidates].map((r) => r + rowOffset + 1);
    const first = rows[0]!;
    reasons.push({
      en: `Rows ${rows.join(", ")} all look like header rows: check that row ${first} is the header.`,
      zh: `第 ${rows.join("、")} 行都像是标题行：请确认第 ${first} 行是标题行。`,
    });
  }
  return { certain: reasons.length === 0, reasons };
}
