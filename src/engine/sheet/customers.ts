/**
 * The optional Customers sheet (`Customers` / `客户`, spec score-sheet §1): customer, credit limit, insured limit,
 * years trading and the Altman inputs (working capital, retained earnings, EBIT, equity, sales, total assets,
 * total liabilities, model). Same header and cell machinery as the invoice sheet; a header row needs only two
 * known headers here (customer + one attribute is a useful sheet).
 *
 * A currency column gives the currency of that customer's credit and insured limits (spec §1 v2: limits are in the
 * base currency unless the Customers sheet has a currency column). A model column (`Altman model` / `Z model` /
 * `模型`: public, private, nonmfg) picks ZSCORE's model per customer; blank or absent → the policy's default model.
 *
 * Joining: by customer name trimmed, case-insensitive, full-width normalised ({@link customerKey}). A name listed
 * twice: the first row wins and the duplicate is reported (`DUPLICATE_CUSTOMER`, warning). Customers-sheet rows with
 * no invoices are reported as notes (`UNKNOWN_CUSTOMER`), invoice customers missing from the sheet in one note.
 */
import { altmanZ, isAltmanModel, type AltmanInputs, type AltmanModel } from "../altman";
import { DEFAULT_POLICY, normalizeCurrency, type Policy } from "../policy";
import { parseNumberCell, parseTextCell } from "./cells";
import { detectHeaderRow, detectMapping } from "./headers";
import { customerKey, headerKey, isBlank } from "./normalize";
import { makeIssue } from "./table";
import { ROLES, type ColumnMapping, type Issue, type Msg, type Role } from "./types";

export interface CustomerRecord {
  readonly index: number;
  /** 1-based sheet row. */
  readonly row: number;
  /** Name as written (trimmed). */
  readonly name: string;
  readonly key: string;
  readonly creditLimit?: number;
  readonly insuredLimit?: number;
  /** Currency of the limits when the sheet has a currency column (else they are in the base currency). */
  readonly limitCurrency?: string;
  readonly yearsTrading?: number;
  /** Present only when every input the model needs is given. */
  readonly altmanInputs?: AltmanInputs;
  readonly altmanModel: AltmanModel;
  /** True when the model comes from the sheet's model column, false when it is the policy default. */
  readonly altmanModelGiven: boolean;
  /** Altman Z from {@link altmanZ}, or null when inputs are incomplete or Z is undefined (assets/liabilities ≤ 0). */
  readonly altmanZ: number | null;
}

export interface ReadCustomersOptions {
  readonly mapping?: ColumnMapping;
  readonly policy?: Policy;
  readonly headerRowIndex?: number;
  readonly sheetName?: string;
  readonly rowOffset?: number;
  readonly columnOffset?: number;
}

export interface ReadCustomersResult {
  readonly headerRowIndex: number;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /** First row per customer key, in sheet order. */
  readonly customers: readonly CustomerRecord[];
  readonly issues: readonly Issue[];
}

/** Sheet names that hold customer master data. */
export const CUSTOMER_SHEET_NAMES: readonly string[] = [
  "Customers",
  "Customer",
  "客户",
  "客户信息",
  "客户资料",
];

/** True when a sheet name is one of {@link CUSTOMER_SHEET_NAMES} (case-, space-insensitive). */
export function isCustomersSheetName(name: string): boolean {
  const k = headerKey(name);
  return CUSTOMER_SHEET_NAMES.some((n) => headerKey(n) === k);
}

const MODEL_WORDS: Readonly<Record<string, AltmanModel>> = {
  public: "public",
  listed: "public",
  z: "public",
  original: "public",
  上市: "public",
  上市公司: "public",
  private: "private",
  zprime: "private",
  z1: "private",
  unlisted: "private",
  非上市: "private",
  私营: "private",
  非上市公司: "private",
  nonmfg: "nonmfg",
  nonmanufacturing: "nonmfg",
  z2: "nonmfg",
  zdoubleprime: "nonmfg",
  service: "nonmfg",
  非制造业: "nonmfg",
  非制造: "nonmfg",
};

/** Altman model from a cell ("public", "private", "nonmfg", "Z'", "Z''", "非上市", …) or null. */
export function parseAltmanModel(value: unknown): AltmanModel | null {
  const t = parseTextCell(value);
  if (t === null) return null;
  const lower = t.trim().toLowerCase();
  if (isAltmanModel(lower)) return lower;
  const primes = lower.replace(/[’′]/g, "'");
  if (primes === "z'") return "private";
  if (primes === "z''" || primes === 'z"' || primes === "z″") return "nonmfg";
  return MODEL_WORDS[headerKey(t)] ?? null;
}

const ALTMAN_ROLES = [
  "workingCapital",
  "retainedEarnings",
  "ebit",
  "equity",
  "sales",
  "totalAssets",
  "totalLiabilities",
] as const;

/** Reads the Customers sheet. Never throws. */
export function readCustomers(
  input: readonly (readonly unknown[])[],
  options: ReadCustomersOptions = {},
): ReadCustomersResult {
  const rows = Array.isArray(input) ? input.map((r) => (Array.isArray(r) ? r : [])) : [];
  const policy = options.policy ?? DEFAULT_POLICY;
  const rowOffset = Math.max(0, Math.floor(options.rowOffset ?? 0)) || 0;
  const columnOffset = Math.max(0, Math.floor(options.columnOffset ?? 0)) || 0;
  const all = () => true;
  let headerRowIndex: number;
  if (
    typeof options.headerRowIndex === "number" &&
    Number.isInteger(options.headerRowIndex) &&
    options.headerRowIndex >= -1
  ) {
    headerRowIndex = Math.min(options.headerRowIndex, rows.length - 1);
  } else {
    const d = detectHeaderRow(rows, 20, { minKnown: 2, allowed: all });
    headerRowIndex = d ? d.index : options.mapping ? 0 : -1;
  }
  const headerRow = headerRowIndex >= 0 ? rows[headerRowIndex]! : [];
  const headers = headerRow.map((h) => parseTextCell(h) ?? "");
  const ctx = { headers, rowOffset, columnOffset, sheetName: options.sheetName };
  const issues: Issue[] = [];
  const mapping: ColumnMapping = options.mapping
    ? { ...options.mapping }
    : detectMapping(headerRow, all).mapping;
  const cCustomer = mapping.customer ?? -1;
  if (headerRowIndex < 0 || cCustomer < 0) {
    issues.push(
      makeIssue(
        ctx,
        -1,
        -1,
        "",
        {
          en: "The Customers sheet has no customer column header; it was not used.",
          zh: "客户表中没有客户列标题；未使用该表。",
        },
        "error",
        "NO_HEADER",
      ),
    );
    return { headerRowIndex, headers, mapping, customers: [], issues };
  }

  const seen = new Map<string, CustomerRecord>();
  const customers: CustomerRecord[] = [];
  for (let i = headerRowIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((c) => isBlank(c))) continue;
    const name = parseTextCell(row[cCustomer]);
    const errors: Issue[] = [];
    if (name === null) {
      issues.push(
        makeIssue(
          ctx,
          i,
          cCustomer,
          "",
          { en: "No customer name; row ignored.", zh: "缺少客户名称；已忽略该行。" },
          "error",
          "MISSING_CUSTOMER",
        ),
      );
      continue;
    }
    const values: Partial<Record<Role, number>> = {};
    for (const role of ROLES) {
      const c = mapping[role];
      if (
        c === undefined ||
        role === "customer" ||
        role === "altmanModel" ||
        role === "invoiceNo" ||
        role === "currency" ||
        role === "status" ||
        role === "terms"
      )
        continue;
      if (role === "invoiceDate" || role === "dueDate" || role === "paidDate") continue;
      if (isBlank(row[c])) continue;
      const res = parseNumberCell(row[c], { decimalComma: policy.decimalComma });
      if (res.ok) values[role] = res.value;
      else errors.push(makeIssue(ctx, i, c, row[c], res.reason, "error", res.code));
    }
    if (errors.length > 0) {
      issues.push(...errors);
      continue;
    }
    let model = policy.defaultAltmanModel;
    let modelGiven = false;
    const cModel = mapping.altmanModel;
    if (cModel !== undefined && !isBlank(row[cModel])) {
      const m = parseAltmanModel(row[cModel]);
      if (m) {
        model = m;
        modelGiven = true;
      } else {
        issues.push(
          makeIssue(
            ctx,
            i,
            cModel,
            row[cModel],
            {
              en: `Unknown Altman model; using "${model}".`,
              zh: `无法识别的Altman模型；使用“${model}”。`,
            },
            "warning",
            "UNKNOWN_MODEL",
          ),
        );
      }
    }
    const needed = ALTMAN_ROLES.filter((r) => !(r === "sales" && model === "nonmfg"));
    const given = ALTMAN_ROLES.filter((r) => values[r] !== undefined);
    let altmanInputs: AltmanInputs | undefined;
    if (needed.every((r) => values[r] !== undefined)) {
      altmanInputs = {
        workingCapital: values.workingCapital!,
        retainedEarnings: values.retainedEarnings!,
        ebit: values.ebit!,
        equity: values.equity!,
        sales: values.sales ?? 0,
        totalAssets: values.totalAssets!,
        totalLiabilities: values.totalLiabilities!,
      };
    } else if (given.length > 0) {
      issues.push(
        makeIssue(
          ctx,
          i,
          -1,
          "",
          {
            en: "Altman inputs are incomplete for this customer; Altman Z is not used.",
            zh: "该客户的Altman输入数据不完整；未使用Altman Z值。",
          },
          "warning",
          "ALTMAN_INCOMPLETE",
        ),
      );
    }
    const z = altmanInputs ? altmanZ(altmanInputs, model) : null;
    const key = customerKey(name);
    const cCur = mapping.currency;
    const curText = cCur !== undefined ? parseTextCell(row[cCur]) : null;
    const limitCurrency = curText !== null ? normalizeCurrency(curText) : null;
    const record: CustomerRecord = {
      index: i,
      row: i + 1 + rowOffset,
      name,
      key,
      ...(values.creditLimit !== undefined ? { creditLimit: values.creditLimit } : {}),
      ...(values.insuredLimit !== undefined ? { insuredLimit: values.insuredLimit } : {}),
      ...(limitCurrency ? { limitCurrency } : {}),
      ...(values.yearsTrading !== undefined ? { yearsTrading: values.yearsTrading } : {}),
      ...(altmanInputs ? { altmanInputs } : {}),
      altmanModel: model,
      altmanModelGiven: modelGiven,
      altmanZ: z,
    };
    const first = seen.get(key);
    if (first) {
      issues.push(
        makeIssue(
          ctx,
          i,
          cCustomer,
          name,
          {
            en: `Customer listed twice (first on row ${first.row}); this row is ignored.`,
            zh: `客户重复出现（首次在第${first.row}行）；已忽略此行。`,
          },
          "warning",
          "DUPLICATE_CUSTOMER",
        ),
      );
      continue;
    }
    seen.set(key, record);
    customers.push(record);
  }
  return { headerRowIndex, headers, mapping, customers, issues };
}

export interface CustomerJoin {
  /** Customers-sheet record per invoice customer key (only those found). */
  readonly byKey: ReadonlyMap<string, CustomerRecord>;
  /** Customers-sheet rows whose name has no invoices. */
  readonly unknown: readonly CustomerRecord[];
  /** Invoice customers (display names) with no Customers-sheet row, in first-seen order. */
  readonly missing: readonly string[];
  readonly issues: readonly Issue[];
}

/** Joins invoice customers to Customers-sheet records by {@link customerKey}. */
export function joinCustomers(
  invoiceCustomers: Iterable<{ readonly customerKey: string; readonly customer: string }>,
  customers: readonly CustomerRecord[],
  options: { sheetName?: string; rowOffset?: number } = {},
): CustomerJoin {
  const records = new Map<string, CustomerRecord>();
  for (const c of customers) if (!records.has(c.key)) records.set(c.key, c);
  const byKey = new Map<string, CustomerRecord>();
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const inv of invoiceCustomers) {
    if (seen.has(inv.customerKey)) continue;
    seen.add(inv.customerKey);
    const rec = records.get(inv.customerKey);
    if (rec) byKey.set(inv.customerKey, rec);
    else missing.push(inv.customer);
  }
  const unknown = [...records.values()].filter((r) => !seen.has(r.key));
  const sheet = options.sheetName !== undefined ? { sheet: options.sheetName } : {};
  const issues: Issue[] = unknown.map((r) => ({
    row: r.row,
    column: "",
    header: "",
    value: r.name,
    reason: {
      en: `"${r.name}" is on the Customers sheet but has no invoices.`,
      zh: `“${r.name}”在客户表中，但没有发票。`,
    } as Msg,
    severity: "note" as const,
    code: "UNKNOWN_CUSTOMER",
    ...sheet,
  }));
  if (missing.length > 0 && customers.length > 0) {
    const list = missing.slice(0, 5).join(", ") + (missing.length > 5 ? " …" : "");
    issues.push({
      row: 0,
      column: "",
      header: "",
      value: list,
      reason: {
        en:
          missing.length === 1
            ? `1 customer with invoices is not on the Customers sheet (${list}).`
            : `${missing.length} customers with invoices are not on the Customers sheet (${list}).`,
        zh: `有${missing.length}个有发票的客户不在客户表中（${list}）。`,
      },
      severity: "note",
      code: "CUSTOMER_NOT_LISTED",
    });
  }
  return { byKey, unknown, missing, issues };
}
