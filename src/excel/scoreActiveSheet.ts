/**
 * "Score this sheet" with the real engine: readTable → scoreTable → planFromScore, then the writer (runScore).
 * The mapping is the one passed in, else the one confirmed earlier for this sheet (settings
 * "crt.mapping.<sheetName>"); without either, the detected mapping is returned for the analyst to confirm
 * (`needsMapping`). A successful run with an explicit mapping saves it as confirmed.
 */
import { scoreTable, type ScoreResult, type SnapshotRow } from "../engine/pipeline";
import type { Policy } from "../engine/policy";
import { serialFromYmd } from "../engine/serial";
import { readCustomers } from "../engine/sheet/customers";
import { readRates } from "../engine/sheet/rates";
import { readTable } from "../engine/sheet/table";
import type { ColumnMapping } from "../engine/sheet/types";
import { planFromScore } from "./planFromScore";
import { runScore, type Compute, type ScoreOptions, type ScoreOutcome } from "./scoreSheet";
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

/** Fallback when no header row was found and readTable gave no reason (it always does today). */
const NO_HEADER_MESSAGE: Bilingual = {
  en: "No header row found: choose the columns by hand.",
  zh: "未找到表头行：请手动选择各列。",
};

const engineCompute: Compute<ScoreResult, Policy, ColumnMapping> = (read, options) => {
  const src = read.source;
  const mapping = options.mapping ?? loadMapping<ColumnMapping>(src.sheetName) ?? undefined;
  const table = readTable(src.values, {
    ...(mapping ? { mapping } : {}),
    policy: options.policy,
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
  const customers = read.customers
    ? readCustomers(read.customers.values, { policy: options.policy, sheetName: read.customers.sheetName })
    : undefined;
  const rates = read.rates ? readRates(read.rates.values, { sheetName: read.rates.sheetName }) : undefined;
  const result = scoreTable(table, undefined, options.policy, options.asOf, {
    ...(customers ? { customers } : {}),
    ...(rates ? { rates } : {}),
    previousSnapshot: parseHistory(read.history.values, src.sheetName),
  });
  const plan = planFromScore(result, {
    sourceRowCount: src.values.length,
    lang: options.lang,
    runDate: todaySerial(),
    sheetName: src.sheetName,
  });
  return { status: "plan", plan, headerRowOffset: result.headerRowIndex, summary: result };
};

/** Scores the active sheet (the table holding the selection, else the used range). See scoreSheet.ts. */
export async function scoreActiveSheet(options: ScoreSheetOptions): Promise<ScoreOutcome<ScoreResult>> {
  const outcome = await runScore(options, engineCompute);
  if (outcome.status === "done" && options.mapping) {
    await saveMapping(outcome.output.sheetName, options.mapping);
  }
  return outcome;
}
