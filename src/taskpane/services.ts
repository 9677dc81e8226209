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
  readonly address: string | null;
}

export type { BreachCode };

export interface PaneBreach {
  readonly code: BreachCode;
  readonly customer: string;
  readonly invoiceNo?: string;
  /** Plain-words explanation with the numbers behind it. */
  readonly message: Msg;
  /** 1-based sheet rows concerned (for selection). */
  readonly rows: readonly number[];
}

export interface PaneCustomer {
  readonly key: string;
  readonly name: string;
  readonly exposure: number;
  readonly overdue: number;
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

export interface PaneKpis {
  readonly totalExposure: number;
  readonly overdue: number;
  /** Share of exposure more than 90 days past due (0..1). */
  readonly pctOver90: number;
  readonly dso: number | null;
  readonly averageDaysDelinquent: number | null;
  readonly expectedCreditLoss: number;
  /** How the loss rates were obtained (policy rates / roll rates …). */
  readonly eclMethod?: Msg;
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
  readonly overdue: number;
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
  readonly kpis: PaneKpis;
  readonly buckets: readonly PaneBucket[];
  readonly customers: readonly PaneCustomer[];
  readonly breaches: readonly PaneBreach[];
  readonly issues: readonly PaneIssue[];
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
  /** The policy saved in the workbook (defaults when none). */
  loadPolicy(): Promise<Policy>;
  /** Saves the policy in the workbook. */
  savePolicy(policy: Policy): Promise<void>;
  /** The detected or saved mapping of the active sheet (null when no header row was found). */
  readMapping(): Promise<MappingInfo | null>;
  /** Saves (or with null forgets) the confirmed mapping of the active sheet. */
  saveMapping(mapping: ColumnMapping | null): Promise<void>;
  /** Scores the active sheet. */
  score(request: ScoreRequest): Promise<ScoreOutcome>;
  /** Removes everything a run added. */
  clearResults(): Promise<void>;
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
