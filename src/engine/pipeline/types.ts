/**
 * Result types of the "Score this sheet" pipeline (spec score-sheet §2, §3, §5). Plain JSON-serialisable data.
 */
import type { AltmanModel } from "../altman";
import type { DunningStageId, LossRateMethod } from "../policy";
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

/**
 * What an invoice row is as of the as-of date (spec §2 v2): an open debit item (positive open balance: aged, may be
 * overdue), unapplied credit (negative open balance — credit notes, overpayments: never aged, never overdue), or
 * closed (settled: no Days Past Due, bucket or breaches; its payment lateness feeds the payment factor).
 */
export type InvoiceKind = "debit" | "credit" | "closed";

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
  /** The row's currency, else the base currency ("" when the sheet names no currency at all). */
  readonly currency: string;
  readonly kind: InvoiceKind;
  /** Open balance as of the as-of date (negative for unapplied credit). */
  readonly openBalance: number;
  /** Open debit items only: DAYSPASTDUE(due, asOf). Null for credit and closed rows. */
  readonly daysPastDue: number | null;
  /** Aging bucket of open debit items; null for credit and closed rows. */
  readonly bucketIndex: number | null;
  readonly agingBucket: string | null;
  /** Paid date − due date for closed items with a paid date on or before the as-of date (negative = early). */
  readonly daysBeyondTerms: number | null;
  readonly score: number | null;
  readonly grade: RiskGrade | null;
  /** Open debit rows: their own breaches and their customer's, in {@link BREACH_CODES} order. Others: none. */
  readonly breaches: readonly BreachCode[];
}

export interface Trend {
  readonly previousRunDate: Serial;
  readonly previousAsOf: Serial;
  readonly previousScore: number | null;
  readonly scoreChange: number | null;
  readonly previousDaysBeyondTerms: number | null;
  readonly daysBeyondTermsChange: number | null;
  readonly previousExposure: number | null;
  readonly exposureChange: number | null;
}

/** Money figures of one currency, in that currency's own units. */
export interface CurrencyAmounts {
  readonly currency: string;
  /** Open debit − unapplied credit. */
  readonly exposure: number;
  /** Sum of positive open balances. */
  readonly openDebit: number;
  /** Sum of negative open balances, as a positive number. */
  readonly unappliedCredit: number;
  /** Positive balances past due (every bucket but Current). */
  readonly overdue: number;
  /** Positive balances per aging bucket. */
  readonly buckets: readonly number[];
  /** Positive balances more than 90 days past due. */
  readonly over90: number;
}

/** A grade cap that lowered the grade (spec §2 v2), with the invoice that triggered it. */
export interface AppliedCap {
  readonly kind: "delinquency" | "stoppedPaying";
  readonly maxGrade: RiskGrade;
  /** Days past due of the oldest open debit item. */
  readonly daysPastDue: number;
  /** Its invoice number, else null (then `row` names it). */
  readonly invoiceNo: string | null;
  readonly row: number;
  /** The rule's threshold (more than this many days past due). */
  readonly overDays: number;
  /** Stopped paying: the window without any payment. */
  readonly noPaymentDays?: number;
  readonly message: Msg;
}

export interface CustomerResult {
  readonly key: string;
  /** Display name: as first written on the invoice sheet. */
  readonly name: string;
  /** Sheet rows of the customer's invoices. */
  readonly rows: readonly number[];
  readonly invoiceCount: number;
  /** Open debit and credit items. */
  readonly openInvoiceCount: number;
  /**
   * Currency of the money figures below: the customer's only currency; with several, the base currency when every
   * one has a rate; null when they cannot be converted (then the figures are null and only `byCurrency` holds money).
   */
  readonly currency: string | null;
  /** Open debit − unapplied credit (in `currency`). */
  readonly exposure: number | null;
  readonly openDebit: number | null;
  /** Credit notes and overpayments not yet applied, as a positive number. */
  readonly unappliedCredit: number | null;
  /** Positive balances past due. */
  readonly overdue: number | null;
  /** Positive balances per aging bucket (same order as `ScoreResult.bucketLabels`). */
  readonly buckets: readonly number[] | null;
  /** Exposure in the base currency (null when a rate is missing). */
  readonly exposureBase: number | null;
  /** The same figures per currency of the customer's invoices (own units, sorted by currency). */
  readonly byCurrency: readonly CurrencyAmounts[];
  /** Oldest open debit item's days past due (0 when none overdue). */
  readonly maxDaysPastDue: number;
  /**
   * Days beyond terms fed to CREDITSCORE (spec §2 v2): the amount-weighted mean over invoices paid in the last
   * `policy.paymentHistoryDays` (paid date − due date, weight = gross amount) and open debit items past due (as-of −
   * due date, weight = open balance). Open items not yet due are not in it. Null when there are none.
   */
  readonly daysBeyondTerms: number | null;
  readonly daysBeyondTermsBasis: "paid" | "open" | "paidAndOpen" | "none";
  /** Weighted mean over the paid part alone (null without paid history). */
  readonly paidDaysBeyondTerms: number | null;
  /** Weighted mean days past due over the open part alone (null without past-due open items). */
  readonly openDaysPastDue: number | null;
  /** Invoices in the mean. */
  readonly paymentSample: number;
  /** PAYINDEX over the same invoices (amount-weighted, via weightedPayIndex). */
  readonly payIndex: number | null;
  readonly creditLimit: number | null;
  readonly insuredLimit: number | null;
  /** Currency of the limits (base unless the Customers sheet gives one). */
  readonly limitCurrency: string;
  /** Exposure (converted to the limit currency) / credit limit; null without a limit or a rate. */
  readonly utilization: number | null;
  /** max(0, exposure − insured limit) in the limit currency when an insured limit is known. */
  readonly uninsuredExposure: number | null;
  readonly altmanZ: number | null;
  /** Altman model used for `altmanZ` (null without Z). */
  readonly altmanModel: AltmanModel | null;
  readonly yearsTrading: number | null;
  readonly disputedCount: number;
  /** Disputed invoices / invoices; null when the sheet has no status column. */
  readonly disputeRate: number | null;
  readonly score: number | null;
  /** RISKGRADE(score) before caps. */
  readonly scoreGrade: RiskGrade | null;
  /** The grade after caps. */
  readonly grade: RiskGrade | null;
  /** The cap that lowered the grade, if any. */
  readonly cap: AppliedCap | null;
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
  /** Invoice numbers of those rows (null where a row has none). */
  readonly invoiceNos: readonly (string | null)[];
  /** The numbers behind it (exposure, creditLimit, amount, invoices, maxDaysPastDue, …). */
  readonly numbers: Readonly<Record<string, number>>;
  /** Currency of the money numbers ("" = none named; null = the amounts are in several currencies). */
  readonly currency: string | null;
  readonly message: Msg;
}

export interface BucketTotal {
  readonly label: string;
  readonly amount: number;
}

/** Portfolio figures of one currency (own units). */
export interface CurrencyKpis {
  readonly currency: string;
  readonly customers: number;
  readonly invoices: number;
  readonly exposure: number;
  readonly openDebit: number;
  readonly unappliedCredit: number;
  readonly overdue: number;
  readonly buckets: readonly BucketTotal[];
  readonly over90: number;
  /** over90 / open debit (never negative), null without open debit. */
  readonly pctOver90: number | null;
  readonly salesLast90: number | null;
  readonly dso: number | null;
  readonly bestDso: number | null;
  readonly averageDaysDelinquent: number | null;
  readonly expectedCreditLoss: number;
  /** Rate to the base currency (1 for the base), null when missing. */
  readonly rate: number | null;
}

export interface PortfolioKpis {
  readonly customers: number;
  readonly invoices: number;
  readonly openInvoices: number;
  /** Rows scored, and rows with data that should have been invoices (scored + skipped for errors). */
  readonly rowsScored: number;
  readonly rowsWithData: number;
  /** Base currency ("" when the sheet names none). */
  readonly baseCurrency: string;
  /** Currencies on the sheet (or of limits) with no rate to the base currency. */
  readonly missingRates: readonly string[];
  /** Per currency, own units (one entry when there is one currency). */
  readonly byCurrency: readonly CurrencyKpis[];
  /**
   * The figures below are in the base currency (converted at the rates), or null when a rate is missing: then only
   * `byCurrency` holds them — amounts in different currencies are never added without a rate.
   */
  readonly totalExposure: number | null;
  readonly openDebit: number | null;
  readonly unappliedCredit: number | null;
  readonly overdue: number | null;
  readonly buckets: readonly BucketTotal[] | null;
  /** Positive balances more than 90 days past due. */
  readonly over90: number | null;
  /** over90 / open debit (decimal, never negative), null without open debit or a rate. */
  readonly pctOver90: number | null;
  /** Gross amount of invoices dated in the 90 days up to the as-of date; null without invoice dates. */
  readonly salesLast90: number | null;
  /** totalExposure / salesLast90 × 90. */
  readonly dso: number | null;
  /**
   * Set when DSO is given but the sheet holds no paid invoice (an open-items report, e.g. an aged-balance export):
   * the last 90 days' sales then lack every paid invoice, so DSO reads high — said next to the figure.
   */
  readonly dsoNote: Msg | null;
  /** Current-bucket receivables / salesLast90 × 90. */
  readonly bestDso: number | null;
  /** dso − bestDso. */
  readonly averageDaysDelinquent: number | null;
  readonly expectedCreditLoss: number | null;
  /** Sum of uninsured exposure over customers with an insured limit (base currency; null when not convertible). */
  readonly uninsuredExposure: number | null;
  readonly breachCounts: Readonly<Partial<Record<BreachCode, number>>>;
}

export interface RollRateInfo {
  /** Mature cohorts: invoice months all of whose invoices fell due at least `lossDays` before the as-of date. */
  readonly cohorts: number;
  /** Invoices of mature cohorts. */
  readonly matureInvoices: number;
  readonly paidInvoices: number;
  readonly lossDays: number;
  /** Invoices left out because their currency has no rate to the base currency. */
  readonly unconverted: number;
  /** Gross amount (base currency) of mature invoices that reached each bucket. */
  readonly reached: readonly number[];
  /** Amount still open ≥ lossDays past due among those that reached each bucket. */
  readonly losses: readonly number[];
  /** Bucket k → k+1 roll rates (reached[k+1] / reached[k]), null where reached[k] = 0. */
  readonly rollRates: readonly (number | null)[];
  /** Derived loss rate per bucket (null where no invoice reached the bucket), before the floor. */
  readonly rates: readonly (number | null)[];
  readonly enough: boolean;
}

export interface ProvisionRow {
  readonly label: string;
  readonly balance: number;
  readonly rate: number;
  /** balance (positive balances only) × rate. */
  readonly provision: number;
}

export interface ProvisionSection {
  readonly currency: string;
  readonly rows: readonly ProvisionRow[];
  readonly total: number;
}

export interface ProvisionMatrix {
  readonly method: "policy" | "rollRate";
  readonly requested: LossRateMethod;
  /** The loss rate applied per bucket. */
  readonly rates: readonly number[];
  /** The floor per bucket under derived rates (floorShare × policy rate). */
  readonly floors: readonly number[];
  /** In the base currency; null when a rate is missing (then see `byCurrency`). */
  readonly rows: readonly ProvisionRow[] | null;
  readonly total: number | null;
  /** Per currency, own units. */
  readonly byCurrency: readonly ProvisionSection[];
  readonly rollRate: RollRateInfo;
  readonly note: Msg;
}

export interface SnapshotRow {
  readonly runDate: Serial;
  readonly asOf: Serial;
  readonly customer: string;
  readonly exposure: number | null;
  readonly daysBeyondTerms: number | null;
  readonly score: number | null;
  readonly grade: RiskGrade | null;
  /** Overdue amount (the customer's reporting currency), null when not known. */
  readonly overdue?: number | null;
  /**
   * Invoices this run put in the customer's dunning letter (invoice numbers, or `row N` without them). A later run
   * may say "our earlier reminders" only for invoices listed here by a run with an earlier as-of date.
   */
  readonly dunned?: readonly string[];
}

export interface Mover {
  readonly customer: string;
  readonly customerKey: string;
  readonly previous: SnapshotRow;
  readonly current: SnapshotRow;
  readonly scoreChange: number | null;
  readonly daysBeyondTermsChange: number | null;
  readonly exposureChange: number | null;
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

/** One customer's dunning case (spec §6; built by collections/dunning.ts). */
export interface CollectionCase {
  readonly customer: string;
  readonly customerKey: string;
  readonly stage: DunningStageId;
  /** The stage by days alone (before the over-limit rise). */
  readonly stageByDays: DunningStageId | null;
  /** True when the customer is over its credit limit (the stage is at least "second notice"). */
  readonly overLimit: boolean;
  /** Oldest undisputed past-due invoice's days past due. */
  readonly maxDaysPastDue: number;
  /** Undisputed past-due open debit invoices, oldest first: what the letter asks to be paid. */
  readonly invoices: readonly ScoredInvoice[];
  /** Past-due disputed invoices (named in the letter as not requested). */
  readonly disputed: readonly ScoredInvoice[];
  /** Unapplied credit items (the letter mentions the credit available). */
  readonly credits: readonly ScoredInvoice[];
  /** Requested amount per currency (sum of `invoices`). */
  readonly amounts: readonly { readonly currency: string; readonly amount: number }[];
  /** Disputed past-due amount per currency. */
  readonly disputedAmounts: readonly { readonly currency: string; readonly amount: number }[];
  /** The requested amount when in one currency (the customer's reporting currency), else null. */
  readonly overdueAmount: number | null;
  /** The single currency of `amounts`, else null. */
  readonly currency: string | null;
  /** Invoices (refs) of this letter already listed by an earlier run's letter, per the history sheet. */
  readonly remindedBefore: readonly string[];
  /** Overdue invoices left out because they are disputed (count). */
  readonly disputedExcluded: number;
  /** Customer's exposure and credit limit when over the limit (limit currency). */
  readonly limit?: { readonly exposure: number; readonly creditLimit: number; readonly currency: string };
}

export interface CollectionStageGroup {
  readonly stage: DunningStageId;
  readonly cases: readonly CollectionCase[];
}

export interface CollectionsPlan {
  /** Most severe stage first; within a stage, largest overdue amount first (ties by name). */
  readonly cases: readonly CollectionCase[];
  /** The same cases grouped by stage, in the policy's level order reversed (credit hold first). Empty groups kept. */
  readonly groups: readonly CollectionStageGroup[];
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
  /** Dunning cases (spec §6) under the policy the result was computed with. */
  readonly collections: CollectionsPlan;
  /** Issues: the reader's, the Customers/Rates sheets', currencies and the data-quality warnings. */
  readonly issues: readonly Issue[];
  /** The data-quality warnings alone (spec §1 v2), in row order; also in `issues`. */
  readonly warnings: readonly Issue[];
}
