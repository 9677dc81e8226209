/**
 * What one "Score this sheet" run added to a worksheet, saved in document settings under "crt.runs" (keyed by
 * worksheet id). Together with the workbook name `outputName` (which Excel shifts automatically when the
 * analyst inserts rows/columns) it lets a re-run update the same cells in place and lets Clear remove exactly
 * what we added.
 */

/** Signature of one conditional-format rule we added (range address at the time + formula with our marker). */
export interface RuleSignature {
  id: string;
  address: string;
  formula: string;
}

export interface RunRecord {
  version: 1;
  sheetId: string;
  sheetName: string;
  /** Workbook name referring to our output block (header row + data rows × our columns). */
  outputName: string;
  /** Address of the output block when written (fallback when the name was deleted). */
  outputAddress: string;
  /** Keys of our output columns, in order. */
  columns: string[];
  /** Header texts written (in the run's display language). */
  headers: string[];
  /** When the source was an Excel table: the table and the table columns we added (by header name). */
  table?: { name: string; columns: string[] };
  rules: RuleSignature[];
  /** Summary sheet we created (id is stable across renames). */
  summarySheet?: { id: string; name: string };
  /** Workbook names we created. */
  names: string[];
  /** ISO timestamp of the run. */
  ranAt: string;
}

/** Name of the hidden monitoring sheet (one per workbook, kept by Clear unless asked). */
export const HISTORY_SHEET = "CRT_History";

/** Prefix of every workbook name we create. */
export const NAME_PREFIX = "CRT_Output_";

/**
 * A workbook-level name for the output block of a sheet. Names allow letters, digits, "_" and "."; sheet ids
 * are GUID-like ("{0C2F…}"), so we keep only their alphanumerics.
 */
export function outputNameFor(sheetId: string): string {
  const clean = sheetId.replace(/[^A-Za-z0-9]/g, "");
  return `${NAME_PREFIX}${clean || "1"}`;
}
