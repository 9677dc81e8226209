/**
 * The added columns as a plain 2-D array (spec score-sheet §4), for the Excel writer: one header row in the display
 * language, then one row per source row after the header (blank/skipped rows get empty strings). Columns: Due Date
 * (only when some due date was computed), Open Balance (rounded to cents), Days Past Due and Aging Bucket (open debit
 * items only: blank for closed rows and unapplied credit), Customer Score, Risk Grade, Breaches (open debit rows
 * only). Text never starts with `=`, `+`, `-` or `@`.
 */
import type { Msg } from "../sheet/types";
import { roundCents } from "./format";
import type { ScoreResult, ScoredInvoice } from "./types";

export type OutputColumn =
  "dueDate" | "openBalance" | "daysPastDue" | "agingBucket" | "score" | "grade" | "breaches";

export const OUTPUT_HEADERS: Readonly<Record<OutputColumn, Msg>> = {
  dueDate: { en: "Due Date", zh: "到期日" },
  openBalance: { en: "Open Balance", zh: "未收余额" },
  daysPastDue: { en: "Days Past Due", zh: "逾期天数" },
  agingBucket: { en: "Aging Bucket", zh: "账龄区间" },
  score: { en: "Customer Score", zh: "客户评分" },
  grade: { en: "Risk Grade", zh: "风险等级" },
  breaches: { en: "Breaches", zh: "预警" },
};

/**
 * Makes a string safe to write as a cell value: text that would start with `=`, `+`, `-` or `@` (possible only
 * when we echo the analyst's own text, e.g. a customer name or a custom bucket label) gets a leading apostrophe,
 * Excel's text prefix, so the cell shows the original text and is never evaluated as a formula. Our own generated
 * strings (headers, default bucket labels, breach codes, grades) never start with those characters.
 */
export function safeText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

export interface OutputGrid {
  readonly columns: readonly OutputColumn[];
  readonly headers: readonly string[];
  /** Row i ↔ source row `firstDataIndex + i`. Dates are serials (format them as dates). */
  readonly values: readonly (readonly (string | number)[])[];
}

/**
 * The value of one added column for one source row ("" for blank or skipped rows). The Due Date column, when
 * present, shows the due date used for every row (the sheet's own or the computed one), so it agrees with Days
 * Past Due on every row.
 */
export function outputCell(s: ScoredInvoice | null, col: OutputColumn): string | number {
  if (!s) return "";
  switch (col) {
    case "dueDate":
      return s.dueDate;
    case "openBalance":
      return roundCents(s.openBalance);
    case "daysPastDue":
      return s.daysPastDue ?? "";
    case "agingBucket":
      return s.agingBucket !== null ? safeText(s.agingBucket) : "";
    case "score":
      return s.score ?? "";
    case "grade":
      return s.grade ?? "";
    case "breaches":
      return s.breaches.join(", ");
  }
}

/** The added columns for `result`, in display order: Due Date only when some due date was computed. */
export function outputColumns(result: ScoreResult): OutputColumn[] {
  const computed = result.invoices.some((s) => s.dueDateComputed);
  return [
    ...(computed ? (["dueDate"] as const) : []),
    "openBalance",
    "daysPastDue",
    "agingBucket",
    "score",
    "grade",
    "breaches",
  ];
}

/** The added columns for `result` in `lang`. */
export function outputGrid(result: ScoreResult, lang: "en" | "zh-CN"): OutputGrid {
  const columns = outputColumns(result);
  const headers = columns.map((c) => (lang === "en" ? OUTPUT_HEADERS[c].en : OUTPUT_HEADERS[c].zh));
  const values = result.rows.map((s) => columns.map((c) => outputCell(s, c)));
  return { columns, headers, values };
}
