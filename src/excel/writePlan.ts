/**
 * The generic write plan: everything "Score this sheet" writes, described as plain data (no Office.js here).
 * The writer (scoreSheet.ts) executes a plan; `planFromScore` (planFromScore.ts) builds one from the engine's result.
 *
 * Spec: /work/shared/spec/score-sheet.md §4 (write back — additive, idempotent, reversible).
 */
import { safeText } from "../engine/pipeline/output";
import { columnLetter } from "../engine/sheet/normalize";

/** Display language of headers and summary labels. */
export type Lang = "en" | "zh";

/** A user-facing text in both languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A cell value we write: "" is a blank cell. Booleans are never written. */
export type OutCell = string | number;

/** One output column appended to the right of the source (or added to the source table). */
export interface OutputColumn {
  /** Stable identifier used by rules (e.g. "breaches"); never shown. */
  key: string;
  header: Bilingual;
  /** One value per source data row (the rows below the header row), aligned with the source. */
  values: OutCell[];
  /** Excel number format code for the data cells (e.g. "#,##0.00", "yyyy-mm-dd"). */
  numberFormat?: string;
}

/** Style of OUR header cells only (never applied to user cells). */
export interface HeaderStyle {
  fill: string;
  fontColor: string;
  bold: boolean;
}

/**
 * A conditional-format rule. `formula` is written relative to the first data row and may use two
 * placeholders resolved by the writer: `{col:<key>}` → the absolute column letter of an output column
 * (e.g. `$N`), `{row}` → the first data row number (e.g. `2`). Every custom formula the writer adds starts with
 * a marker (`N("crt:<id>")`) so Clear can find exactly our rules again, even after columns move.
 */
export type CfRule =
  | {
      kind: "custom";
      id: string;
      /** Output column key, or "sourceRows" = the source data rows from the first source column to our last column. */
      target: string;
      formula: string;
      fill?: string;
      fontColor?: string;
    }
  | { kind: "dataBar"; id: string; target: string; color: string };

/** A rectangular block of values on the summary sheet, 0-based position. */
export interface SummaryBlock {
  id: string;
  row: number;
  col: number;
  values: OutCell[][];
  /** Number format per column of the block (applied below the block's first row when `header` is true). */
  columnFormats?: (string | null)[];
  /**
   * Number format per body cell (rows below the header when `header` is true), for blocks whose rows differ (KPIs:
   * counts, money, percentages). Null keeps the column format (or General). Written in one assignment per block.
   */
  cellFormats?: (string | null)[][];
  /** First row of the block is a header (bold, our header style). */
  header?: boolean;
  /** Data bar on one column of the block (index within the block), e.g. utilisation. */
  dataBarColumn?: number;
  /** "title": the sheet's title (bold, larger). */
  style?: "title";
}

/** A native chart on the summary sheet, built from one block (first row = header, first column = categories). */
export interface ChartSpec {
  type: "columnClustered";
  block: string;
  title: string;
  /** Where the chart is placed: the cells it covers (0-based top-left, size in rows and columns). */
  anchor?: { row: number; col: number; rows: number; cols: number };
}

export interface SummaryPlan {
  name: Bilingual;
  blocks: SummaryBlock[];
  chart?: ChartSpec;
  /** Rows kept in view when scrolling (the title rows). */
  frozenRows?: number;
  /** Width of each column from A, in points (Office.js `format.columnWidth`); null keeps the default. */
  columnWidths?: (number | null)[];
}

/** Rows appended to the hidden history sheet; `header` is written once when the sheet is created. */
export interface HistoryPlan {
  header: string[];
  rows: OutCell[][];
  /** Number format per column of the appended rows (null: none). */
  formats?: (string | null)[];
}

export interface WritePlan {
  columns: OutputColumn[];
  headerStyle: HeaderStyle;
  rules: CfRule[];
  summary?: SummaryPlan;
  history?: HistoryPlan;
}

/** Our header style: dark teal fill, white bold font — distinct from typical user headers. */
export const DEFAULT_HEADER_STYLE: HeaderStyle = { fill: "#1F4E5F", fontColor: "#FFFFFF", bold: true };

/** Marker that starts every custom conditional-format formula we add (`N("crt:…")` evaluates to 0). */
export const CF_MARKER = 'N("crt:';

export { safeText };

/**
 * The form in which a text must be written so the cell holds exactly that text (score-sheet spec §4). Excel parses
 * every string written through `Range.values` as if it were typed: "1-30" becomes 30-Jan, "5%" 0.05, "(40)" −40,
 * "1E5" 100000, "TRUE" a boolean, "#N/A" an error, and a leading `=`, `+`, `-` or `@` a formula (the Range.values
 * reference: "If the returned value starts with a plus, minus, or equal sign, Excel interprets this value as a
 * formula"). Such text gets Excel's text prefix, an apostrophe, which Excel does not keep in the value: "Type an
 * apostrophe (') before you enter a number, such as '11-53 or '1/47. The apostrophe isn't displayed in the cell"
 * (https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 * The test is deliberately broad — any digit, a leading `= + - @ '` or `#`, TRUE/FALSE — since every conversion
 * Excel makes needs one of those; plain words are written as they are. Text that already carries the prefix from
 * the engine's `safeText` (`'=…`, `'+…`, `'-…`, `'@…`) is left alone.
 */
export function protectText(text: string): string {
  if (text === "" || /^'[=+\-@]/.test(text)) return text;
  if (/^[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text)) return `'${text}`;
  return text;
}

/** Sanitises one cell: strings through {@link protectText}, non-finite numbers become blank. */
export function safeCell(value: unknown): OutCell {
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "string") return protectText(value);
  if (value === null || value === undefined) return "";
  return protectText(String(value));
}

export { columnLetter };

/** 0-based column index of column letters ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address (no sheet) of a rectangle given 0-based row/column and size ≥ 1. */
export function rectAddress(row: number, col: number, rowCount: number, colCount: number): string {
  const tl = `${columnLetter(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return tl;
  return `${tl}:${columnLetter(col + colCount - 1)}${row + rowCount}`;
}

/** A rectangle in 0-based coordinates. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/**
 * Parses an A1 address, with or without sheet prefix (`Sheet1!B2:D9`, `'My sheet'!$B$2`), into a Rect.
 * Whole-column/row forms are not produced by our code and return null.
 */
export function parseAddress(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(local);
  if (!m) return null;
  const c1 = columnIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    colCount: Math.abs(c2 - c1) + 1,
  };
}

/** Parts of `a` not covered by `b` as up to four disjoint rectangles (top, bottom, left, right). */
export function rectDifference(a: Rect, b: Rect | null): Rect[] {
  if (!b) return [a];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const left = Math.max(a.col, b.col);
  const right = Math.min(a.col + a.colCount, b.col + b.colCount);
  if (top >= bottom || left >= right) return [a];
  const out: Rect[] = [];
  if (top > a.row) out.push({ row: a.row, col: a.col, rowCount: top - a.row, colCount: a.colCount });
  if (bottom < a.row + a.rowCount)
    out.push({ row: bottom, col: a.col, rowCount: a.row + a.rowCount - bottom, colCount: a.colCount });
  if (left > a.col) out.push({ row: top, col: a.col, rowCount: bottom - top, colCount: left - a.col });
  if (right < a.col + a.colCount)
    out.push({ row: top, col: right, rowCount: bottom - top, colCount: a.col + a.colCount - right });
  return out;
}

/** Resolves `{col:<key>}` and `{row}` placeholders of a rule formula and prefixes our marker. */
export function resolveFormula(
  rule: { id: string; formula: string },
  columnOf: (key: string) => number | undefined,
  firstDataRow: number,
): string {
  const body = rule.formula
    .replace(/^=/, "")
    .replace(/\{col:([A-Za-z0-9_]+)\}/g, (_m, key: string) => {
      const c = columnOf(key);
      if (c === undefined) throw new Error(`Unknown output column "${key}" in rule ${rule.id}`);
      return `$${columnLetter(c)}`;
    })
    .replace(/\{row\}/g, String(firstDataRow + 1));
  return `=AND(${CF_MARKER}${rule.id}")=0,${body})`;
}

/** UTF-8 byte length of a string (what travels in the request body). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON byte size of each row of a 2-D array (used to size write chunks without re-serialising). */
export function rowByteSizes(rows: readonly (readonly unknown[])[]): number[] {
  return rows.map((r) => utf8Length(JSON.stringify(r)) + 1);
}

/**
 * End (exclusive) of the chunk starting at `start`: as many rows as fit in `maxBytes` (sum of row JSON sizes)
 * and `maxCells` (rows × width), always at least one row.
 */
export function chunkEnd(
  rowBytes: readonly number[],
  start: number,
  width: number,
  maxBytes: number,
  maxCells: number,
): number {
  const maxRows = Math.max(1, Math.floor(maxCells / Math.max(1, width)));
  let bytes = 0;
  let end = start;
  while (end < rowBytes.length && end - start < maxRows) {
    if (end > start && bytes + rowBytes[end] > maxBytes) break;
    bytes += rowBytes[end];
    end++;
  }
  return end;
}

/**
 * The most characters a cell holds ("Excel specifications and limits": "Total number of characters that a cell can
 * contain: 32,767 characters"); Excel refuses a longer value. Texts we build from the analyst's data (lists of
 * invoice references) are kept within it.
 */
export const MAX_CELL_TEXT = 32_767;

/** `items` joined with `sep`, as many whole items as fit in {@link MAX_CELL_TEXT} characters. */
export function joinWithinCell(items: readonly string[], sep: string): string {
  let out = "";
  for (const item of items) {
    const next = out === "" ? item : `${out}${sep}${item}`;
    if (next.length > MAX_CELL_TEXT) break;
    out = next;
  }
  return out;
}
