/**
 * Virtualisation arithmetic for the grid: which rows and columns intersect the viewport. Pure functions.
 */
import { columnLetter } from "../engine/sheet/normalize";

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 22;
export const ROW_HEADER_WIDTH = 56;
export const DEFAULT_COLUMN_PX = 90;

/** First and last (inclusive) index of fixed-height rows visible in `[scrollTop, scrollTop + height)`. */
export function visibleRows(
  scrollTop: number,
  height: number,
  rowCount: number,
  overscan = 2,
): { first: number; last: number } {
  if (rowCount <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + Math.max(0, height)) / ROW_HEIGHT) + overscan);
  return { first, last };
}

/** Left offsets of each column plus the total width as the final element (length = widths.length + 1). */
export function columnOffsets(widths: readonly number[]): number[] {
  const out = new Array<number>(widths.length + 1);
  out[0] = 0;
  for (let i = 0; i < widths.length; i++) out[i + 1] = out[i] + widths[i];
  return out;
}

/** Index of the column containing x (binary search over offsets); clamps to the valid range. */
export function columnAt(offsets: readonly number[], x: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** First and last (inclusive) columns visible in `[scrollLeft, scrollLeft + width)`. */
export function visibleColumns(
  offsets: readonly number[],
  scrollLeft: number,
  width: number,
  overscan = 1,
): { first: number; last: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, columnAt(offsets, scrollLeft) - overscan);
  const last = Math.min(count - 1, columnAt(offsets, scrollLeft + Math.max(0, width)) + overscan);
  return { first, last };
}

/** 0 → "A", 25 → "Z", 26 → "AA" (the engine's columnLetter). */
export const columnName = columnLetter;

/** "C5" for row 4, column 2 (0-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/**
 * Pixels from an Office.js column width in points (1 pt = 4/3 px); 0 (hidden column) → 0; undefined or invalid →
 * the default.
 */
export function columnPixels(points: number | undefined): number {
  if (points === 0) return 0;
  return typeof points === "number" && Number.isFinite(points) && points > 0
    ? Math.max(24, Math.round((points * 4) / 3))
    : DEFAULT_COLUMN_PX;
}
