/**
 * What the task pane needs from its host, passed in as props (never imported deep inside components), so the
 * same pane runs in Excel, in the playground and in tests with fakes. The real implementation is
 * `createExcelServices()` in ./excelServices (calls src/excel); tests build fakes of {@link PaneServices}.
 *
 * Everything the views show is a plain "view model" ({@link PaneResult}) so components never depend on the
 * pipeline's internal shapes; the adapter maps the pipeline's result into it.
 */
import type { BreachCode } from "../engine/pipeline/types";
import type { DunningStageId, Policy } from "../engine/policy";
import type { Serial } from "../engine/serial";
import { CUSTOMER_SHEET_ONLY } from "../engine/sheet/headers";
import { ROLES, type ColumnMapping, type Msg, type Role } from "../engine/sheet/types";
import type { Lang } from "./i18n";

export type ThemeName = "light" | "dark";

/** Shell options the host passes to `mountTaskpane` (language and theme of the pane). */
export interface TaskpaneServices {
  /** Language of the pane's strings. */
  readonly language: Lang;
  /** Light or dark Fluent theme (follows the Office theme in Excel). */
  readonly theme: ThemeName;
}

/** One column of the source sheet's header row, as offered in the mapping dropdowns. */
export interface SheetColumn {
  /** 0-based index within the source rows (the value stored in a {@link ColumnMapping}). */
  readonly index: number;
  /** Column letter(s) on the sheet, e.g. "C". */
  readonly letter: string;
  /** Header text ("" when the header cell is empty). */
  readonly header: string;
}

/** The detected (or saved) mapping of the active sheet. */
export interface MappingInfo {
  readonly sheet: string;
  readonly columns: readonly SheetColumn[];
  readonly mapping: ColumnMapping;
  /** True when this mapping was confirmed by the analyst and saved in the workbook. */
  readonly saved: boolean;
  /** Problems that stop scoring with this mapping (missing required roles …). */
  readonly problems: readonly Msg[];
  /** Informational notes (duplicate columns, ambiguous header row …). */
  readonly notes: readonly Msg[];
  /**
   * Spec §1 v2: why the pane must ask before scoring with the detected mapping (a required column missing, guessed
   * from a longer header or claimed by two columns; two header rows). Empty or absent: the detection is certain and
   * the first click scores with it.
   */
  readonly askReasons?: readonly Msg[];
}

/** Progress of a run: `fraction` 0..1 and what is happening. */
export interface RunProgress {
  readonly fraction: number;
  readonly message?: Msg;
}

export interface ScoreRequest {
  readonly policy: Policy;
  readonly asOf: Serial;
  /** A mapping confirmed in the pane (omitted: saved mapping, else detection). */
  readonly mapping?: ColumnMapping;
  readonly lang: Lang;
  /** What the analyst calls the policy used (named on the summary sheet). */
  readonly policyName?: Msg;
  readonly onProgress: (progress: RunProgress) => void;
  readonly signal: AbortSignal;
}

/** A row that could not be read (or a note about the sheet); `address` selects it, e.g. "Invoices!C7". */
export interface PaneIssue {
  readonly row: number;
  readonly column: string;
  readonly header: string;
  readonly value: string;
  readonly reason: Msg;
  readonly severity: "error" | "warning" | "note";
  /** Stable machine code (BAD_DATE, DUPLICATE_INVOICE, MISSING_RATE …). */
  readonly code: string;
  readonly address: string | null;
}

export type { BreachCode };

export interface PaneBreach {
  readonly code: BreachCode;
  readonly customer: string;
  /** Invoice numbers concerned (invoice-level breaches), where the sheet has them. */
  readonly invoiceNos?: readonly string[];
  /** Plain-words explanation with the numbers behind it. */
  readonly message: Msg;
  /** 1-based sheet rows concerned (for selection). */
  readonly rows: readonly number[];
}

/** Money of one currency (own units). */
export interface PaneMoney {
  readonly currency: string;
  readonly exposure: number;
  readonly unappliedCredit: number;
  readonly overdue: number;
}

export interface PaneCustomer {
  readonly key: string;
  readonly name: string;
  /**
   * Currency of exposure / unapplied credit / overdue ("" = none named); null when the customer's currencies cannot
   * be converted (then those are null and `byCurrency` holds the money).
   */
  readonly currency: string | null;
  readonly exposure: number | null;
  /** Credit notes and overpayments not yet applied (positive). */
  readonly unappliedCredit: number | null;
  /** Positive balances past due (disputed included). */
  readonly overdue: number | null;
  readonly byCurrency: readonly PaneMoney[];
  /** Altman model used for the score's Altman factor (null without Altman inputs). */
  readonly altmanModel: string | null;
  readonly creditLimit: number | null;
  /** exposure / credit limit (1 = 100 %), null without a limit. */
  readonly utilisation: number | null;
  readonly payIndex: number | null;
  readonly score: number | null;
  readonly grade: string | null;
  readonly reasons: Msg;
  readonly breaches: readonly BreachCode[];
  /** 1-based sheet rows of the customer's invoices. */
  readonly rows: readonly number[];
}

/** Portfolio figures in one currency (the base currency, or one currency when a rate is missing). */
export interface PaneKpiSet {
  /** "" = no currency named. */
  readonly currency: string;
  readonly totalExposure: number;
  readonly unappliedCredit: number;
  readonly overdue: number;
  /** 91+ debit balances / all open debit balances (0..1), null without open debit. */
  readonly pctOver90: number | null;
  readonly dso: number | null;
  readonly averageDaysDelinquent: number | null;
  readonly expectedCreditLoss: number;
  readonly buckets: readonly PaneBucket[];
}

export interface PaneKpis {
  /** One set in the base currency when every currency converts; else one set per currency. */
  readonly sets: readonly PaneKpiSet[];
  /** True when `sets` is per currency because rates are missing. */
  readonly perCurrency: boolean;
  readonly baseCurrency: string;
  readonly missingRates: readonly string[];
  /** Rows scored and rows with data (scored + skipped): "based on N of M rows" when they differ. */
  readonly rowsScored: number;
  readonly rowsWithData: number;
  /** How the loss rates were obtained (policy rates / roll rates …). */
  readonly eclMethod?: Msg;
  /** Why DSO reads high on this sheet (no paid invoices), shown under the figure. */
  readonly dsoNote?: Msg;
}

export interface PaneBucket {
  readonly label: string;
  readonly amount: number;
}

export interface DraftMessage {
  readonly subject: string;
  readonly body: string;
}

/** One overdue invoice in a collections case. */
export interface CollectionInvoice {
  readonly invoiceNo: string;
  readonly amount: number;
  readonly daysOverdue: number;
}

export interface CollectionCase {
  readonly customer: string;
  readonly stage: DunningStageId;
  /** Requested (undisputed) past-due amount when in one currency, else null (see `amounts`). */
  readonly overdue: number | null;
  /** Requested amount per currency. */
  readonly amounts: readonly { readonly currency: string; readonly amount: number }[];
  /** Past-due disputed amount per currency (named in the letter, not requested). */
  readonly disputedAmounts: readonly { readonly currency: string; readonly amount: number }[];
  /** Over the credit limit (the stage is at least "second notice"). */
  readonly overLimit: boolean;
  readonly maxDaysOverdue: number;
  readonly invoices: readonly CollectionInvoice[];
  /** Late interest + recovery fee when the policy enables them (0 otherwise). */
  readonly interestAndFees: number;
  /** Ready message in both languages. */
  readonly messages: Readonly<Record<"en" | "zh", DraftMessage>>;
  /** Customer e-mail when the sheet has one. */
  readonly email?: string;
}

export interface Mover {
  readonly customer: string;
  readonly scoreBefore: number | null;
  readonly scoreAfter: number | null;
  readonly daysBeyondTermsBefore: number | null;
  readonly daysBeyondTermsAfter: number | null;
  readonly exposureBefore: number | null;
  readonly exposureAfter: number | null;
  readonly deteriorating: boolean;
}

/** Everything the views show after a successful run. */
export interface PaneResult {
  readonly sheet: string;
  readonly asOf: Serial;
  /** The policy the results were computed with (the pane marks them "re-score needed" when it changes). */
  readonly policy: Policy;
  readonly kpis: PaneKpis;
  /** Exposure by bucket of the first KPI set (base currency, or the first currency when per currency). */
  readonly buckets: readonly PaneBucket[];
  readonly customers: readonly PaneCustomer[];
  readonly breaches: readonly PaneBreach[];
  /** Rows not read, notes and warnings (everything the reader and scorer reported). */
  readonly issues: readonly PaneIssue[];
  /** The data-quality warnings alone (the rows were scored). */
  readonly warnings: readonly PaneIssue[];
  readonly collections: readonly CollectionCase[];
  readonly movers: readonly Mover[];
  /** As-of date of the previous run the movers compare with (null: first run). */
  readonly previousAsOf: Serial | null;
}

export type ScoreOutcome =
  | { readonly status: "done"; readonly result: PaneResult; readonly mapping?: MappingInfo }
  | { readonly status: "needsMapping"; readonly mapping: MappingInfo }
  | { readonly status: "blocked"; readonly message: Msg }
  | { readonly status: "cancelled" }
  | { readonly status: "failed"; readonly message: Msg };

/** The host operations the pane uses. All asynchronous calls may reject; the pane shows the error. */
export interface PaneServices {
  /** The policy saved in the workbook (defaults when none; a saved v1 policy is migrated to v2). */
  loadPolicy(): Promise<Policy>;
  /** What migrating the saved policy changed (after loadPolicy; empty when nothing). */
  policyNotes?(): readonly Msg[];
  /** Saves the policy in the workbook. */
  savePolicy(policy: Policy): Promise<void>;
  /** The detected or saved mapping of the active sheet (null when no header row was found). */
  readMapping(): Promise<MappingInfo | null>;
  /** Saves (or with null forgets) the confirmed mapping of the active sheet. */
  saveMapping(mapping: ColumnMapping | null): Promise<void>;
  /** Scores the active sheet. */
  score(request: ScoreRequest): Promise<ScoreOutcome>;
  /** Removes everything a run added (to the sheet whose results the workbook holds, see `resultsInWorkbook`). */
  clearResults(): Promise<void>;
  /**
   * True when the workbook holds any of our output (read from the workbook, so "Clear results" is offered after a
   * reload, a cancel or a failure too). Optional: without it the pane offers Clear after a run of its own.
   */
  resultsInWorkbook?(): Promise<boolean>;
  /**
   * Calls `listener` when the analyst activates another worksheet (Office.js `worksheets.onActivated`, ExcelApi 1.7);
   * returns the unsubscribe function. Hosts without the event leave it out (or their subscription fails): the pane
   * then reads the active sheet again whenever it regains focus.
   */
  onActiveSheetChanged?(listener: () => void): Promise<() => void>;
  /** Selects one cell/range, e.g. "Invoices!C7". */
  selectCell(address: string): Promise<void>;
  /** Selects whole rows (1-based sheet rows) of the scored sheet. */
  selectRows(rows: readonly number[]): Promise<void>;
  /** Today's date as a serial (default as-of date); the local calendar date. */
  today(): Serial;
}

/**
 * Roles offered in the mapping dropdowns: every role the invoice-sheet reader uses (all roles except those that
 * only make sense on the Customers sheet), in the engine's order.
 */
export const MAPPABLE_ROLES: readonly Role[] = ROLES.filter((r) => !CUSTOMER_SHEET_ONLY.has(r));
