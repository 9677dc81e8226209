/**
 * The engine step of "Score this sheet" as a pure function of plain data: readTable → readCustomers / readRates →
 * scoreTable →
 * planFromScore. No Office.js, no DOM, no settings: it runs the same on the UI thread, in a Web Worker (the pane's
 * src/taskpane/scoreWorker.ts) and in Node. `computeInput` (scoreActiveSheet.ts) gathers its input where Office.js
 * lives.
 */
import { scoreTable, type ScoreResult, type SnapshotRow } from "../engine/pipeline";
import type { Policy } from "../engine/policy";
import { readCustomers } from "../engine/sheet/customers";
import { readRates } from "../engine/sheet/rates";
import { readTable, type ReadTableOptions, type ReadTableResult } from "../engine/sheet/table";
import type { ColumnMapping } from "../engine/sheet/types";
import { planFromScore } from "./planFromScore";
import type { ComputeOutcome } from "./scoreSheet";
import type { Bilingual, Lang } from "./writePlan";

/** What `needsMapping` carries: the detected header row and mapping plus the problems to fix. */
export interface DetectedMapping {
  headerRowIndex: number;
  headers: string[];
  mapping: ColumnMapping;
  problems: Bilingual[];
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
  /** The optional `Rates` / `汇率` sheet. */
  readonly rates: { readonly sheetName: string; readonly values: unknown[][] } | null;
  readonly history: SnapshotRow[];
  /** The confirmed mapping (passed in, else saved for the sheet); undefined: detect and ask. */
  readonly mapping: ColumnMapping | undefined;
  readonly policy: Policy;
  readonly asOf: number;
  readonly lang: Lang;
  /** What the analyst calls the policy (named on the summary). */
  readonly policyName?: Bilingual;
  /** Today's local date, stamped on the history rows. */
  readonly runDate: number;
}

/** Where the source block sits and how to read it: what readTable needs besides the rows. */
export interface TableInput {
  readonly source: { readonly sheetName: string; readonly rowIndex: number; readonly columnIndex: number };
  readonly mapping: ColumnMapping | undefined;
  readonly policy: Policy;
}

/** readTable's options for a source (one place, so a table read ahead in slices is read exactly the same way). */
export function tableOptions(input: TableInput): ReadTableOptions {
  const src = input.source;
  return {
    ...(input.mapping ? { mapping: input.mapping } : {}),
    policy: input.policy,
    sheetName: src.sheetName,
    rowOffset: src.rowIndex,
    columnOffset: src.columnIndex,
  };
}

/**
 * The engine step itself: pure, so it runs the same on the UI thread, in a worker or in Node. `table`: the source
 * already read with {@link tableOptions} of this input (the pane's worker reads it while the sheet arrives); the
 * source values are then not needed.
 */
export function computeScore(input: ComputeInput, table?: ReadTableResult): ComputeOutcome<ScoreResult> {
  const src = input.source;
  const mapping = input.mapping;
  const readAhead = table !== undefined;
  table ??= readTable(src.values, tableOptions(input));
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
  const rates = input.rates ? readRates(input.rates.values, { sheetName: input.rates.sheetName }) : undefined;
  const result = scoreTable(table, undefined, input.policy, input.asOf, {
    ...(customers ? { customers } : {}),
    ...(rates ? { rates } : {}),
    previousSnapshot: input.history,
  });
  const plan = planFromScore(result, {
    // Every source row, header and preamble included (read ahead, the values themselves are not here).
    sourceRowCount: readAhead ? table.firstDataIndex + table.rowCount : src.values.length,
    lang: input.lang,
    runDate: input.runDate,
    sheetName: src.sheetName,
    policy: input.policy,
    ...(input.policyName ? { policyName: input.policyName } : {}),
  });
  return { status: "plan", plan, headerRowOffset: result.headerRowIndex, summary: result };
}
