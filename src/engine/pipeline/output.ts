/**
 * The added columns as a plain 2-D array (spec score-sheet §4), for the Excel writer: one header row in the display
 * language, then one row per source row after the header (blank/skipped rows get empty strings). Columns: Due Date
 * (only when some due date was computed), Open Balance, Days Past Due, Aging Bucket, Customer Score, Risk Grade,
 * Breaches. Text never starts with `=`, `+`, `-` or `@`.
 */
import type { Msg } from "../sheet/types";
import type { ScoreResult, ScoredInvoice } from "./types";

export type OutputColumn =
  "dueDate" | "openBalance" | "daysPastDue" | "agingBucket" | "score" | "grade" | "breaches";

export const OUTPUT_HEADERS: Readonly<Record<OutputColumn, Msg>> = {
  dueDate: { en: "Due Date", zh: "到期日" },
  openBalance: { en: "Open Balance", zh: "未结余额" },
  daysPastDue: { en: "Days Past Due", zh: "逾期天数" },
  agingBucket: { en: "Aging Bucket", zh: "账龄区间" },
  score: { en: "Customer Score", zh: "客户评分" },
  grade: { en: "Risk Grade", zh: "风险等级" },
  breaches: { en: "Breaches", zh: "预警" },
};

/** Prefixes an apostrophe to text that Excel would read as a formula (`=`, `+`, `-`, `@`). */
export function safeText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

export interface OutputGrid {
  readonly columns: readonly OutputColumn[];
  readonly headers: readonly string[];
  /** Row i ↔ source row `firstDataIndex + i`. Dates are serials (format them as dates). */
  readonly values: readonly (readonly (string | number)[])[];
}

function cell(s: ScoredInvoice | null, col: OutputColumn): string | number {
  if (!s) return "";
  switch (col) {
    case "dueDate":
      return s.dueDateComputed ? s.dueDate : "";
    case "openBalance":
      return s.openBalance;
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

/** The added columns for `result` in `lang`. */
export function outputGrid(result: ScoreResult, lang: "en" | "zh-CN"): OutputGrid {
  const computed = result.invoices.some((s) => s.dueDateComputed);
  const columns: OutputColumn[] = [
    ...(computed ? (["dueDate"] as const) : []),
    "openBalance",
    "daysPastDue",
    "agingBucket",
    "score",
    "grade",
    "breaches",
  ];
  const headers = columns.map((c) => (lang === "en" ? OUTPUT_HEADERS[c].en : OUTPUT_HEADERS[c].zh));
  const values = result.rows.map((s) => columns.map((c) => cell(s, c)));
  return { columns, headers, values };
}
