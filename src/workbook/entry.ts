/** Value entry: how a plain value written through `Range.values` / `formulas` (or typed) becomes a cell value. */
import type { CellValue } from "./model/types";

/** Coerces typed input the way Excel does for plain (non-formula) values written through `values`. */
export function coerceInput(v: unknown, numberFormat: string | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  const s = String(v);
  if (numberFormat === "@") return s;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim()) && s.trim() !== "") return Number(s.trim());
  if (/^(true|false)$/i.test(s)) return /^true$/i.test(s);
  return s;
}
