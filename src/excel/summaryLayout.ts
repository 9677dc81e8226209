/**
 * Readable column widths for the summary sheet (spec §4 v2: "readable column widths", no "Portfoli…"), computed
 * from the plan alone (pure: no Office.js), so every host gets the same widths — `autofitColumns()` would size a
 * column to its longest text, the title and the reasons included.
 *
 * A column is as wide as its widest cell that cannot run on: Excel draws a text cell's overflow into the empty cells
 * to its right, so a text that is the last non-empty cell of its row (the title, a note, the reasons at the end of
 * the customer table, a legend's meaning) needs no width of its own; numbers never run on (Excel shows ####).
 * Widths are counted in characters of the default font (Calibri 11: 7 px a digit; a CJK character is two) and
 * returned in points, the unit of Office.js `RangeFormat.columnWidth`.
 */
import { formatAmount } from "../engine/pipeline/format";
import type { OutCell, SummaryBlock } from "./writePlan";

/** Narrowest and widest column, in characters. */
const MIN_CHARS = 8;
const MAX_CHARS = 60;

/** True for characters drawn two digits wide (CJK ideographs, kana, hangul, full-width forms). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Width of a text in digit widths. */
export function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

/** Width of a cell as Excel shows it with number format `format`. */
export function cellWidth(value: OutCell, format: string | null): number {
  if (typeof value === "string") return textWidth(value);
  if (!format || format === "General") return String(value).length;
  if (/y/.test(format) && /d/.test(format)) return format.replace(/"/g, "").length;
  if (format.endsWith("%")) {
    const decimals = /\.(0+)%$/.exec(format)?.[1]?.length ?? 0;
    return formatAmount(value * 100, decimals).length + 1;
  }
  const prefix = /^"([^"]*)"/.exec(format)?.[1] ?? "";
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const text = /#,##/.test(format) ? formatAmount(value, decimals) : value.toFixed(decimals);
  return prefix.length + text.length;
}

/** Points for a column `chars` digits wide (7 px a digit + 5 px of padding; 0.75 pt a pixel). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

/** The number format of a block's cell (header row: none). */
function formatOf(b: SummaryBlock, r: number, c: number): string | null {
  if (b.header && r === 0) return null;
  const body = b.header ? r - 1 : r;
  return b.cellFormats?.[body]?.[c] ?? b.columnFormats?.[c] ?? null;
}

/** Width in points of each column from A (null: no cell needs a width there, keep the default). */
export function summaryColumnWidths(blocks: readonly SummaryBlock[]): (number | null)[] {
  // The sheet as placed: row → column → cell (later blocks win, as the writer writes them in order).
  const sheet = new Map<number, Map<number, { value: OutCell; format: string | null }>>();
  for (const b of blocks)
    b.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === "" || value === null || value === undefined) return;
        const line = sheet.get(b.row + r) ?? new Map();
        line.set(b.col + c, { value, format: formatOf(b, r, c) });
        sheet.set(b.row + r, line);
      }),
    );
  const widths: number[] = [];
  for (const line of sheet.values()) {
    const last = Math.max(...line.keys());
    for (const [col, cell] of line) {
      // A text with nothing to its right runs on into the empty cells: it needs no width of its own.
      if (col === last && typeof cell.value === "string") continue;
      widths[col] = Math.max(widths[col] ?? 0, cellWidth(cell.value, cell.format));
    }
  }
  return Array.from(widths, (w) =>
    w === undefined ? null : charsToPoints(Math.min(MAX_CHARS, Math.max(MIN_CHARS, w + 2))),
  );
}
