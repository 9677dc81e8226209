/**
 * Shared types for reading an invoice sheet: roles, column mappings, issues and parsed invoices.
 * All plain data (JSON-serialisable), so a mapping can be saved in the workbook and results cross the shared
 * runtime unchanged.
 */
import type { Serial } from "../serial";

/** A user-facing message in English and Simplified Chinese. */
export interface Msg {
  readonly en: string;
  readonly zh: string;
}

/** What a column means. Invoice-sheet roles first, then the Customers-sheet-only roles. */
export type Role =
  | "customer"
  | "invoiceNo"
  | "invoiceDate"
  | "dueDate"
  | "terms"
  | "amount"
  | "paid"
  | "balance"
  | "paidDate"
  | "status"
  | "currency"
  | "creditLimit"
  | "insuredLimit"
  | "yearsTrading"
  | "workingCapital"
  | "retainedEarnings"
  | "ebit"
  | "equity"
  | "sales"
  | "totalAssets"
  | "totalLiabilities"
  | "altmanModel";

/** Every role, in the order columns are reported and tie-broken. */
export const ROLES: readonly Role[] = [
  "customer",
  "invoiceNo",
  "invoiceDate",
  "dueDate",
  "terms",
  "amount",
  "paid",
  "balance",
  "paidDate",
  "status",
  "currency",
  "creditLimit",
  "insuredLimit",
  "yearsTrading",
  "workingCapital",
  "retainedEarnings",
  "ebit",
  "equity",
  "sales",
  "totalAssets",
  "totalLiabilities",
  "altmanModel",
];

/** Display names of the roles (for the pane's dropdown and for messages). */
export const ROLE_NAMES: Readonly<Record<Role, Msg>> = {
  customer: { en: "Customer", zh: "客户" },
  invoiceNo: { en: "Invoice No.", zh: "发票号" },
  invoiceDate: { en: "Invoice Date", zh: "开票日期" },
  dueDate: { en: "Due Date", zh: "到期日" },
  terms: { en: "Payment Terms", zh: "付款条件" },
  amount: { en: "Amount", zh: "金额" },
  paid: { en: "Paid Amount", zh: "已收金额" },
  balance: { en: "Balance", zh: "余额" },
  paidDate: { en: "Paid Date", zh: "收款日期" },
  status: { en: "Status", zh: "状态" },
  currency: { en: "Currency", zh: "币种" },
  creditLimit: { en: "Credit Limit", zh: "信用额度" },
  insuredLimit: { en: "Insured Limit", zh: "保险限额" },
  yearsTrading: { en: "Years Trading", zh: "经营年限" },
  workingCapital: { en: "Working Capital", zh: "营运资本" },
  retainedEarnings: { en: "Retained Earnings", zh: "留存收益" },
  ebit: { en: "EBIT", zh: "息税前利润" },
  equity: { en: "Equity", zh: "股东权益" },
  sales: { en: "Sales", zh: "销售收入" },
  totalAssets: { en: "Total Assets", zh: "资产总额" },
  totalLiabilities: { en: "Total Liabilities", zh: "负债总额" },
  altmanModel: { en: "Altman Model", zh: "Altman模型" },
};

/** Role → 0-based column index within the rows given to the reader. Absent roles are simply missing. */
export type ColumnMapping = Partial<Record<Role, number>>;

/**
 * How serious an issue is:
 * - `error`: the row was skipped (never guessed);
 * - `warning`: the row was used, but something in it was odd (e.g. an unknown status treated as open);
 * - `note`: information about the sheet (totals row skipped, duplicate header, mixed currencies …).
 */
export type IssueSeverity = "error" | "warning" | "note";

/** A problem found while reading, located the way the analyst sees the sheet. */
export interface Issue {
  /** 1-based sheet row number (row offset applied); 0 for issues about the whole sheet. */
  readonly row: number;
  /** Column letter(s) on the sheet (column offset applied), "" for row/sheet-wide issues. */
  readonly column: string;
  /** The header text of that column ("" when none). */
  readonly header: string;
  /** The offending value as text ("" when none). */
  readonly value: string;
  readonly reason: Msg;
  readonly severity: IssueSeverity;
  /** Stable machine code (e.g. `BAD_DATE`, `AMBIGUOUS_DATE`, `MISSING_CUSTOMER`, `TOTALS_ROW`). */
  readonly code: string;
  /** Name of the sheet the issue is on, when known. */
  readonly sheet?: string;
}

export type InvoiceStatus = "open" | "paid" | "disputed";

/** One invoice row as read from the sheet (values parsed, nothing derived from the as-of date yet). */
export interface Invoice {
  /** 0-based index of the source row in the `rows` array given to the reader. */
  readonly index: number;
  /** 1-based sheet row number. */
  readonly row: number;
  /** Customer name exactly as written (trimmed only). */
  readonly customer: string;
  /** Join key: NFKC, trimmed, inner spaces collapsed, lower-case. */
  readonly customerKey: string;
  readonly invoiceNo?: string | undefined;
  readonly invoiceDate?: Serial | undefined;
  /** The sheet's due date, or the one computed from invoice date + terms. */
  readonly dueDate: Serial;
  /** True when `dueDate` was computed (no due date on the sheet for this row). */
  readonly dueDateComputed: boolean;
  /** Terms text used (row's own or the policy default) when the due date was computed or terms were given. */
  readonly terms?: string | undefined;
  readonly amount?: number | undefined;
  readonly paid?: number | undefined;
  /** Balance as written on the sheet. */
  readonly balance?: number | undefined;
  readonly paidDate?: Serial | undefined;
  readonly status: InvoiceStatus;
  readonly currency?: string | undefined;
  readonly creditLimit?: number | undefined;
  readonly insuredLimit?: number | undefined;
  readonly yearsTrading?: number | undefined;
}
