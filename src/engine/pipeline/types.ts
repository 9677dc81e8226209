/**
 * Result types of the "Score this sheet" pipeline (spec score-sheet §2, §3, §5). Plain JSON-serialisable data.
 */
import type { LossRateMethod } from "../policy";
import type { RiskGrade } from "../score";
import type { Serial } from "../serial";
import type { ColumnMapping, InvoiceStatus, Issue, Msg } from "../sheet/types";

export type BreachCode =
  | "OVER_LIMIT"
  | "NEAR_LIMIT"
  | "SEVERELY_OVERDUE"
  | "INSURED_LIMIT_EXCEEDED"
  | "NOTIFY_INSURER"
  | "LOW_GRADE"
  | "DISPUTE_AGED"
  | "DETERIORATING";

/** Spec §3 order; also the order codes are listed in. */
export const BREACH_CODES: readonly BreachCode[] = [
  "OVER_LIMIT",
  "NEAR_LIMIT",
  "SEVERELY_OVERDUE",
  "INSURED_LIMIT_EXCEEDED",
  "NOTIFY_INSURER",
  "LOW_GRADE",
  "DISPUTE_AGED",
  "DETERIORATING",
];

/** Codes raised per invoice; the others are per customer and apply to all the customer's rows. */
export const INVOICE_BREACH_CODES: ReadonlySet<BreachCode> = new Set<BreachCode>([
  "SEVERELY_OVERDUE",
  "NOTIFY_INSURER",
  "DISPUTE_AGED",
]);

/** One scored invoice row (what the writer puts in the added columns). */
export interface ScoredInvoice {
  /** 0-based index of the source row in the rows given to readTable. */
  readonly index: number;
  /** 1-based sheet row. */
  readonly row: number;
  readonly customer: string;
  readonly customerKey: string;
  readonly invoiceNo?: string | undefined;
  readonly invoiceDate?: Serial | undefined;
  readonly dueDate: Serial;
  readonly dueDateComputed: boolean;
  readonly amount?: number | undefined;
  readonly paidDate?: Serial | undefined;
  readonly status: InvoiceStatus;
  readonly currency?: string | undefined;
  /** Open balance as of the as-of date (negative for unapplied credit notes). */
  readonly openBalance: number;
  /**
   * Open items: DAYSPASTDUE(due, asOf). Settled items with a paid date: DAYSPASTDUE(due, asOf, paidDate) (how late
   * the payment was). Settled items without a paid date: null.
   */
  readonly daysPastDue: number | null;
  /** Aging bucket of open items (open balance ≠ 0); null for settled items. */
  readonly bucketIndex: number | null;
  readonly agingBucket: string | null;
  /** Paid date − due date for settled items with a paid date (negative = early); else null. */
  readonly daysBeyondTerms: number | null;
  readonly score: number | null;
  readonly grade: RiskGrade | null;
  /** The row's own breaches and its customer's customer-level breaches, in {@link BREACH_CODES} order. */
  readonly breaches: readonly BreachCode[];
}

export interface Trend {
  readonly previousRunDate: Serial;
  readonly previousAsOf: Serial;
  readonly previousScore: number | null;
  readonly scoreChange: number | null;
  readonly previousDaysBeyondTerms: number | null;
  readonly daysBeyondTermsChange: number | null;
  readonly previousExposure: number;
  readonly exposureChange: number;
}

export interface CustomerResult {
  readonly key: string;
  /** Display name: as first written on the invoice sheet. */
  readonly name: string;
  /** Sheet rows of the customer's invoices. */
  readonly rows: readonly number[];
  readonly invoiceCount: number;
  readonly openInvoiceCount: number;
  /** Sum of open balances. */
  readonly exposure: number;
  /** Exposure outside the Current bucket. */
  readonly overdue: number;
  /** Open balance per aging bucket (same order as `ScoreResult.bucketLabels`). */
  readonly buckets: readonly number[];
  /** Oldest positive open item's days past due (0 when none overdue). */
  readonly maxDaysPastDue: number;
  /**
   * Amount-weighted days beyond terms: over invoices paid in the last `policy.paymentHistoryDays` (paid date − due
   * date), else over open invoices (days past due as of the as-of date), else null. `daysBeyondTermsBasis` says which.
   */
  readonly daysBeyondTerms: number | null;
  readonly daysBeyondTermsBasis: "paid" | "open" | "none";
  /** Invoices in the basis above. */
  readonly paymentSample: number;
  /** PAYINDEX over the same invoices (amount-weighted, via weightedPayIndex). */
  readonly payIndex: number | null;
  readonly creditLimit: number | null;
  readonly insuredLimit: number | null;
  /** exposure / credit limit. */
  readonly utilization: number | null;
  /** max(0, exposure − insured limit) when an insured limit is known. */
  readonly uninsuredExposure: number | null;
  readonly altmanZ: number | null;
  readonly yearsTrading: number | null;
  readonly disputedCount: number;
  /** Disputed invoices / invoices; null when the sheet has no status column. */
  readonly disputeRate: number | null;
  readonly score: number | null;
  readonly grade: RiskGrade | null;
  readonly reasons: Msg;
  readonly breaches: readonly BreachCode[];
  /** Distinct currencies of the customer's invoices. */
  readonly currencies: readonly string[];
  readonly trend: Trend | null;
}

export interface Breach {
  readonly code: BreachCode;
  readonly customer: string;
  readonly customerKey: string;
  /** Sheet rows concerned (invoice-level breaches), else []. */
  readonly rows: readonly number[];
  /** The numbers behind it (exposure, creditLimit, amount, invoices, maxDaysPastDue, …). */
  readonly numbers: Readonly<Record<string, number>>;
  readonly message: Msg;
}

export interface BucketTotal {
  readonly label: string;
  readonly amount: number;
}

export interface PortfolioKpis {
  readonly customers: number;
  readonly invoices: number;
  readonly openInvoices: number;
  readonly totalExposure: number;
  readonly overdue: number;
  readonly buckets: readonly BucketTotal[];
  /** Open balance more than 90 days past due. */
  readonly over90: number;
  /** over90 / totalExposure (decimal), null when exposure ≤ 0. */
  readonly pctOver90: number | null;
  /** Gross amount of invoices dated in the 90 days up to the as-of date; null without invoice dates. */
  readonly salesLast90: number | null;
  /** totalExposure / salesLast90 × 90. */
  readonly dso: number | null;
  /** Current-bucket receivables / salesLast90 × 90. */
  readonly bestDso: number | null;
  /** dso − bestDso. */
  readonly averageDaysDelinquent: number | null;
  readonly expectedCreditLoss: number;
  /** Sum of uninsured exposure over customers with an insured limit. */
  readonly uninsuredExposure: number;
  readonly breachCounts: Readonly<Partial<Record<BreachCode, number>>>;
}

export interface RollRateInfo {
  /** Distinct invoice months among mature invoices. */
  readonly cohorts: number;
  /** Mature invoices (due at least `lossDays` before the as-of date). */
  readonly matureInvoices: number;
  readonly paidInvoices: number;
  readonly lossDays: number;
  /** Gross amount of mature invoices that reached each bucket. */
  readonly reached: readonly number[];
  /** Amount still open ≥ lossDays past due among those that reached each bucket. */
  readonly losses: readonly number[];
  /** Bucket k → k+1 roll rates (reached[k+1] / reached[k]), null where reached[k] = 0. */
  readonly rollRates: readonly (number | null)[];
  /** Derived loss rate per bucket (null where no invoice reached the bucket). */
  readonly rates: readonly (number | null)[];
  readonly enough: boolean;
}

export interface ProvisionRow {
  readonly label: string;
  readonly balance: number;
  readonly rate: number;
  /** max(0, balance) × rate. */
  readonly provision: number;
}

export interface ProvisionMatrix {
  readonly method: "policy" | "rollRate";
  readonly requested: LossRateMethod;
  readonly rows: readonly ProvisionRow[];
  readonly total: number;
  readonly rollRate: RollRateInfo;
  readonly note: Msg;
}

export interface SnapshotRow {
  readonly runDate: Serial;
  readonly asOf: Serial;
  readonly customer: string;
  readonly exposure: number;
  readonly daysBeyondTerms: number | null;
  readonly score: number | null;
  readonly grade: RiskGrade | null;
}

export interface Mover {
  readonly customer: string;
  readonly customerKey: string;
  readonly previous: SnapshotRow;
  readonly current: SnapshotRow;
  readonly scoreChange: number | null;
  readonly daysBeyondTermsChange: number | null;
  readonly exposureChange: number;
  readonly deteriorating: boolean;
}

/** What the reader saw (for the pane's "read N rows, skipped M" line and the date-order hint). */
export interface TableSummary {
  readonly headers: readonly string[];
  readonly rowCount: number;
  readonly invoices: number;
  readonly blankRows: number;
  readonly totalRowsSkipped: number;
  readonly errorRowsSkipped: number;
  readonly dateOrderHint: "DMY" | "MDY" | null;
  readonly currencies: readonly string[];
  readonly mappingProblems: readonly { readonly field: string; readonly message: Msg }[];
}

export interface ScoreResult {
  readonly asOf: Serial;
  readonly table: TableSummary;
  readonly headerRowIndex: number;
  readonly mapping: ColumnMapping;
  readonly bucketLabels: readonly string[];
  /** Scored invoices in sheet row order. */
  readonly invoices: readonly ScoredInvoice[];
  /** One entry per source row after the header (`rows[firstDataIndex + i]`); null for blank/skipped rows. */
  readonly rows: readonly (ScoredInvoice | null)[];
  readonly firstDataIndex: number;
  /** Customers by exposure, largest first (ties: first sheet row). */
  readonly customers: readonly CustomerResult[];
  readonly portfolio: PortfolioKpis;
  readonly provision: ProvisionMatrix;
  readonly breaches: readonly Breach[];
  /** Movers against the previous snapshot (empty without one). */
  readonly movers: readonly Mover[];
  readonly issues: readonly Issue[];
}
