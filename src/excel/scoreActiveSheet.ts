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
import { scoreTable, type ScoreResult, type SnapshotRow } from "../engine/pipeline";
import type { Policy } from "../engine/policy";
import { serialFromYmd } from "../engine/serial";
import { readCustomers } from "../engine/sheet/customers";
import { readTable } from "../engine/sheet/table";
import type { ColumnMapping } from "../engine/sheet/types";
import { planFromScore } from "./planFromScore";
import {
  runScore,
  type Compute,
  type ComputeOutcome,
  type ScoreOptions,
  type ScoreOutcome,
} from "./scoreSheet";
import { loadMapping, saveMapping } from "./settings";
import type { Bilingual } from "./writePlan";

export type ScoreSheetOptions = ScoreOptions<Policy, ColumnMapping>;

/** What `needsMapping` carries: the detected header row and mapping plus the problems to fix. */
export interface DetectedMapping {
  headerRowIndex: number;
  headers: string[];
  mapping: ColumnMapping;
  problems: Bilingual[];
}

/** Today's date as an Excel serial (local calendar date of the machine running the pane). */
export function todaySerial(now = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 1;
}

/** History rows of one sheet from the hidden history sheet's values (header row first). */
export function parseHistory(values: unknown[][], sheetName: string): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  for (const r of values.slice(1)) {
    if (r[2] !== sheetName || typeof r[0] !== "number" || typeof r[1] !== "number") continue;
    const num = (v: unknown) => (typeof v === "number" ? v : null);
    const grade = typeof r[7] === "string" && /^[A-E]$/.test(r[7]) ? (r[7] as SnapshotRow["grade"]) : null;
    out.push({
      runDate: r[0],
      asOf: r[1],
      customer: String(r[3] ?? ""),
      exposure: num(r[4]) ?? 0,
      daysBeyondTerms: num(r[5]),
      score: num(r[6]),
      grade,
    });
  }
  return out;
}

/** Fallback when no header row was found and readTable gave no reason (it always does today). */
const NO_HEADER_MESSAGE: Bilingual = {
  en: "No header row found: choose the columns by hand.",
  zh: "未找到表头行：请手动选择各列。",
};

/** Everything the engine step needs, as plain (structured-cloneable) data. */
export interface ComputeInput {
  readonly source: {
    readonly sheetName: string;
    readonly rowIndex: number;
    readonly columnIndex: number;
    readonly values: unknown[][];
  };
  readonly customers: { readonly sheetName: string; readonly values: unknown[][] } | null;
  readonly history: SnapshotRow[];
  /** The confirmed mapping (passed in, else saved for the sheet); undefined: detect and ask. */
  readonly mapping: ColumnMapping | undefined;
  readonly policy: Policy;
  readonly asOf: number;
  readonly lang: ScoreSheetOptions["lang"];
  /** Today's local date, stamped on the history rows. */
  readonly runDate: number;
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
    history: parseHistory(read.history.values, src.sheetName),
    mapping: options.mapping ?? loadMapping<ColumnMapping>(src.sheetName) ?? undefined,
    policy: options.policy,
    asOf: options.asOf,
    lang: options.lang,
    runDate: todaySerial(),
  };
}

/** The engine step itself: pure, so it runs the same on the UI thread, in a worker or in Node. */
export function computeScore(input: ComputeInput): ComputeOutcome<ScoreResult> {
  const src = input.source;
  const mapping = input.mapping;
  const table = readTable(src.values, {
    ...(mapping ? { mapping } : {}),
    policy: input.policy,
    sheetName: src.sheetName,
    rowOffset: src.rowIndex,
    columnOffset: src.columnIndex,
  });
  if (!mapping || table.headerRowIndex < 0 || table.mappingProblems.length > 0) {
    const detected: DetectedMapping = {
      headerRowIndex: table.headerRowIndex,
      headers: [...table.headers],
      mapping: table.mapping,
      problems: table.mappingProblems.map((p) => ({ en: p.message.en, zh: p.message.zh })),
    };
    if (table.headerRowIndex < 0) {
      // No header row: readTable reports why (NO_HEADER); say so instead of an unexplained mapping panel.
      const noHeader = table.issues.find((i) => i.code === "NO_HEADER")?.reason ?? NO_HEADER_MESSAGE;
      const message = { en: noHeader.en, zh: noHeader.zh };
      detected.problems.unshift(message);
      return { status: "needsMapping", detected, message };
    }
    return { status: "needsMapping", detected };
  }
  const customers = input.customers
    ? readCustomers(input.customers.values, { policy: input.policy, sheetName: input.customers.sheetName })
    : undefined;
  const result = scoreTable(table, undefined, input.policy, input.asOf, {
    ...(customers ? { customers } : {}),
    previousSnapshot: input.history,
  });
  const plan = planFromScore(result, {
    sourceRowCount: src.values.length,
    lang: input.lang,
    runDate: input.runDate,
    sheetName: src.sheetName,
  });
  return { status: "plan", plan, headerRowOffset: result.headerRowIndex, summary: result };
}

const engineCompute: Compute<ScoreResult, Policy, ColumnMapping> = (read, options) =>
  computeScore(computeInput(read, options));

/** Scores the active sheet (the table holding the selection, else the used range). See scoreSheet.ts. */
export async function scoreActiveSheet(options: ScoreSheetOptions): Promise<ScoreOutcome<ScoreResult>> {
  return scoreActiveSheetWith(options, engineCompute);
}

/**
 * Scores the active sheet with another engine step (e.g. {@link computeScore} in a worker, whose summary is the
 * pane's view model). Saves a confirmed mapping after a successful run, like {@link scoreActiveSheet}.
 */
export async function scoreActiveSheetWith<S>(
  options: ScoreSheetOptions,
  compute: Compute<S, Policy, ColumnMapping>,
): Promise<ScoreOutcome<S>> {
  const outcome = await runScore(options, compute);
  if (outcome.status === "done" && options.mapping) {
    await saveMapping(outcome.output.sheetName, options.mapping);
  }
  return outcome;
}
