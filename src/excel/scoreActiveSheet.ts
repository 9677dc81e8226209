/**
 * "Score this sheet" with the real engine: readTable → scoreTable → planFromScore, then the writer (runScore).
 * The mapping is the one passed in, else the one confirmed earlier for this sheet (settings
 * "crt.mapping.<sheetName>"); without either, the detected mapping is returned for the analyst to confirm
 * (`needsMapping`). A successful run with an explicit mapping saves it as confirmed.
 *
 * The engine step is split so it can run off the UI thread: {@link computeInput} gathers, on the thread that owns
 * Office.js, everything the step needs as plain data (settings, parsed history, today); {@link computeScore} is
 * pure (no Office.js, no DOM) — the pane runs it in a Web Worker (src/taskpane/scoreWorker.ts), tests and the
 * command line call it directly through `scoreActiveSheet`.
 */
import type { ScoreResult, SnapshotRow } from "../engine/pipeline";
import type { Policy } from "../engine/policy";
import { serialFromYmd } from "../engine/serial";
import type { ColumnMapping } from "../engine/sheet/types";
import { computeScore, type ComputeInput } from "./computeScore";
import { runScore, type Compute, type ScoreOptions, type ScoreOutcome } from "./scoreSheet";
import { loadMapping, saveMapping } from "./settings";

export { computeScore, tableOptions, type ComputeInput, type DetectedMapping } from "./computeScore";

export type ScoreSheetOptions = ScoreOptions<Policy, ColumnMapping>;

/** Today's date as an Excel serial (local calendar date of the machine running the pane). */
export function todaySerial(now = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 1;
}

/**
 * History rows of one sheet from the hidden history sheet's values (header row first): run date, as-of, sheet,
 * customer, exposure, days beyond terms, score, grade, and (since v2) overdue and the dunned invoices (refs joined by
 * ", "; invoice numbers containing a comma cannot be told apart, which only weakens the "earlier reminders" claim).
 */
export function parseHistory(values: unknown[][], sheetName: string): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  for (const r of values.slice(1)) {
    if (r[2] !== sheetName || typeof r[0] !== "number" || typeof r[1] !== "number") continue;
    const num = (v: unknown) => (typeof v === "number" ? v : null);
    const grade = typeof r[7] === "string" && /^[A-E]$/.test(r[7]) ? (r[7] as SnapshotRow["grade"]) : null;
    const dunned =
      typeof r[9] === "string" && r[9].trim()
        ? r[9]
            .split(",")
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    out.push({
      runDate: r[0],
      asOf: r[1],
      customer: String(r[3] ?? ""),
      exposure: num(r[4]),
      daysBeyondTerms: num(r[5]),
      score: num(r[6]),
      grade,
      overdue: num(r[8]),
      dunned,
    });
  }
  return out;
}

/** The mapping a run uses for a sheet: the one passed in, else the one confirmed earlier (undefined: detect). */
export function mappingFor(sheetName: string, options: ScoreSheetOptions): ColumnMapping | undefined {
  return options.mapping ?? loadMapping<ColumnMapping>(sheetName) ?? undefined;
}

/** The engine step's input from a read (on the Office.js thread: reads the saved mapping from the settings). */
export function computeInput(
  read: Parameters<Compute<ScoreResult>>[0],
  options: ScoreSheetOptions,
): ComputeInput {
  const src = read.source;
  return {
    source: {
      sheetName: src.sheetName,
      rowIndex: src.rowIndex,
      columnIndex: src.columnIndex,
      values: src.values,
    },
    customers: read.customers,
    rates: read.rates,
    history: parseHistory(read.history.values, src.sheetName),
    mapping: mappingFor(src.sheetName, options),
    policy: options.policy,
    asOf: options.asOf,
    lang: options.lang,
    ...(options.policyName ? { policyName: options.policyName } : {}),
    runDate: todaySerial(),
  };
}

const engineCompute: Compute<ScoreResult, Policy, ColumnMapping> = (read, options) =>
  computeScore(computeInput(read, options));

/** Scores the active sheet (the table holding the selection, else the used range). See scoreSheet.ts. */
export async function scoreActiveSheet(options: ScoreSheetOptions): Promise<ScoreOutcome<ScoreResult>> {
  return scoreActiveSheetWith(options, engineCompute);
}

/**
 * Scores the active sheet with another engine step (e.g. {@link computeScore} in a worker, whose summary is the
 * pane's view model). Saves a confirmed mapping after a successful run, like {@link scoreActiveSheet} — unless
 * `rememberMapping` is false: a mapping the pane detected with certainty (spec §1 v2) is used, not saved, so the
 * next run detects afresh when the sheet's columns change.
 */
export async function scoreActiveSheetWith<S>(
  options: ScoreSheetOptions,
  compute: Compute<S, Policy, ColumnMapping>,
  { rememberMapping = true }: { rememberMapping?: boolean } = {},
): Promise<ScoreOutcome<S>> {
  const outcome = await runScore(options, compute);
  if (outcome.status === "done" && options.mapping && rememberMapping) {
    await saveMapping(outcome.output.sheetName, options.mapping);
  }
  return outcome;
}
