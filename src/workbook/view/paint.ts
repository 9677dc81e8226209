/**
 * Conditional-format evaluation for one cell: custom formulas and cellValue rules (fill/font), colour scales
 * (interpolated fill) and data bars (fraction of the bar). Rules are applied in priority order; for each
 * property the highest-priority matching rule wins; `stopIfTrue` stops lower rules once a rule matched.
 * Formulas the evaluator does not understand simply do not paint.
 */
import { type Rect, containsCell } from "../address";
import { mixColors } from "../color";
import { type CellReader, type Scalar, compareValues, evaluateFormula, isTruthy } from "../formula";
import type { SheetModel } from "../model/sheet";
import type { CfModel, ColorCriterion } from "../model/types";
import { isErrorValue } from "../numberFormat";

export interface CfPaint {
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  dataBar?: { fraction: number; color: string };
}

/** A cell reader for formulas on `sheet` (other sheets by name). */
/** TODAY() for rules on `sheet`: the host's local date. */
const todayOf = (sheet: SheetModel) => (): number => sheet.wb.todaySerial();

export function readerFor(sheet: SheetModel): CellReader {
  return (row, col, other) => {
    const s = other ? sheet.wb.sheet(other) : sheet;
    if (!s) return "#REF!";
    if (row < 0 || col < 0) return "#REF!";
    return s.getValue(row, col);
  };
}

interface Stats {
  version: number;
  nums: number[]; // sorted
}
const statsCache = new WeakMap<CfModel, Stats>();

function numbersIn(sheet: SheetModel, rects: Rect[]): number[] {
  const out: number[] = [];
  for (const rect of rects) {
    const r1 = Math.min(rect.r1, sheet.extentRows() - 1);
    for (let r = rect.r0; r <= r1; r++) {
      for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++) {
        const v = sheet.getValue(r, c);
        if (typeof v === "number") out.push(v);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

function stats(sheet: SheetModel, cf: CfModel): number[] {
  const hit = statsCache.get(cf);
  if (hit && hit.version === sheet.wb.version) return hit.nums;
  const nums = numbersIn(sheet, cf.ranges);
  statsCache.set(cf, { version: sheet.wb.version, nums });
  return nums;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const k = (sorted.length - 1) * Math.min(1, Math.max(0, p / 100));
  const lo = Math.floor(k);
  const hi = Math.ceil(k);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - lo);
}

function threshold(c: ColorCriterion, nums: number[], read: CellReader): number {
  const min = nums[0];
  const max = nums[nums.length - 1];
  const f = c.formula ?? "";
  switch (c.type) {
    case "LowestValue":
      return min;
    case "HighestValue":
      return max;
    case "Number":
      return Number(evaluateFormula(f, read));
    case "Percent":
      return min + ((max - min) * Number(evaluateFormula(f, read))) / 100;
    case "Percentile":
      return percentile(nums, Number(evaluateFormula(f, read)));
    case "Formula":
      return Number(evaluateFormula(f, read));
    default:
      return NaN;
  }
}

function colorScale(cf: CfModel, v: number, nums: number[], read: CellReader): string | undefined {
  const { minimum, midpoint, maximum } = cf.colorScale;
  if (!minimum || !maximum || !nums.length) return undefined;
  const lo = threshold(minimum, nums, read);
  const hi = threshold(maximum, nums, read);
  const minC = minimum.color ?? "#FFFFFF";
  const maxC = maximum.color ?? "#FFFFFF";
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  if (midpoint) {
    const mid = threshold(midpoint, nums, read);
    const midC = midpoint.color ?? "#FFFFFF";
    if (v <= lo) return minC;
    if (v >= hi) return maxC;
    if (v <= mid) return mixColors(minC, midC, mid === lo ? 1 : (v - lo) / (mid - lo));
    return mixColors(midC, maxC, hi === mid ? 1 : (v - mid) / (hi - mid));
  }
  if (hi === lo) return v >= hi ? maxC : minC;
  return mixColors(minC, maxC, (v - lo) / (hi - lo));
}

function cellValueMatch(cf: CfModel, v: Scalar, read: CellReader, dr: number, dc: number): boolean {
  const rule = cf.cellValue;
  if (!rule.formula1 || isErrorValue(v)) return false;
  const a = evaluateFormula(
    rule.formula1.startsWith("=") ? rule.formula1 : `=${quoteIfText(rule.formula1)}`,
    read,
    dr,
    dc,
  );
  const c = compareValues(v, a);
  switch (rule.operator) {
    case "EqualTo":
      return c === 0;
    case "NotEqualTo":
      return c !== 0;
    case "GreaterThan":
      return c > 0;
    case "LessThan":
      return c < 0;
    case "GreaterThanOrEqual":
      return c >= 0;
    case "LessThanOrEqual":
      return c <= 0;
    case "Between":
    case "NotBetween": {
      if (!rule.formula2) return false;
      const b = evaluateFormula(
        rule.formula2.startsWith("=") ? rule.formula2 : `=${quoteIfText(rule.formula2)}`,
        read,
        dr,
        dc,
      );
      const lo = compareValues(a, b) <= 0 ? a : b;
      const hi = lo === a ? b : a;
      const inside = compareValues(v, lo) >= 0 && compareValues(v, hi) <= 0;
      return rule.operator === "Between" ? inside : !inside;
    }
    default:
      return false;
  }
}

/** A bare operand like `abc` (not a number or reference) is a text constant. */
function quoteIfText(s: string): string {
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) || /^\$?[A-Za-z]{1,3}\$?\d+$/.test(s) || /^".*"$/.test(s)) return s;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Everything the sheet's conditional formats do to one cell. */
export function paintCell(sheet: SheetModel, row: number, col: number): CfPaint {
  const out: CfPaint = {};
  if (!sheet.cfs.length) return out;
  const read = readerFor(sheet);
  for (const cf of sheet.cfs) {
    if (!cf.ranges.some((r) => containsCell(r, row, col))) continue;
    // Relative references are written for the top-left cell of the rule's first range.
    const dr = row - cf.ranges[0]!.r0;
    const dc = col - cf.ranges[0]!.c0;
    let matched = false;
    try {
      if (cf.type === "Custom" || cf.type === "CellValue") {
        const ok =
          cf.type === "Custom"
            ? cf.custom.formula !== "" &&
              isTruthy(evaluateFormula(cf.custom.formula, read, dr, dc, todayOf(sheet)))
            : cellValueMatch(cf, sheet.getValue(row, col), read, dr, dc);
        if (ok) {
          matched = true;
          const f = cf.type === "Custom" ? cf.custom.format : cf.cellValue.format;
          if (f.fill && out.fill === undefined) out.fill = f.fill;
          if (f.fontColor && out.color === undefined) out.color = f.fontColor;
          if (f.bold !== undefined && out.bold === undefined) out.bold = f.bold;
          if (f.italic !== undefined && out.italic === undefined) out.italic = f.italic;
        }
      } else if (cf.type === "ColorScale") {
        const v = sheet.getValue(row, col);
        if (typeof v === "number" && out.fill === undefined) {
          const c = colorScale(cf, v, stats(sheet, cf), read);
          if (c) {
            out.fill = c;
            matched = true;
          }
        }
      } else if (cf.type === "DataBar") {
        const v = sheet.getValue(row, col);
        if (typeof v === "number" && out.dataBar === undefined) {
          const nums = stats(sheet, cf);
          const span = Math.max(Math.abs(nums[0] ?? 0), Math.abs(nums[nums.length - 1] ?? 0));
          const fraction = span === 0 ? 0 : Math.min(1, Math.abs(v) / span);
          out.dataBar = {
            fraction,
            color: v < 0 ? cf.dataBar.negativeFillColor : cf.dataBar.positiveFillColor,
          };
          matched = true;
        }
      }
    } catch {
      matched = false; // unknown formula: does not paint
    }
    if (matched && cf.stopIfTrue) break;
  }
  return out;
}
