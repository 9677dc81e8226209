/** A1 address parsing and formatting. Rows and columns are 0-based internally. */
import { columnLetter } from "../engine/sheet/normalize";
import { invalidArg } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, inclusive bounds, 0-based. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ParsedAddress extends Rect {
  sheet?: string;
}

/** 0 → "A", 25 → "Z", 26 → "AA" (the engine's columnLetter). */
export const columnLetters = columnLetter;

/** "A" -> 0, "AA" -> 26; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { r: number | null; c: number | null } | null {
  let m = CELL.exec(part);
  if (m) return { c: columnIndex(m[1]), r: Number(m[2]) - 1 };
  m = COL.exec(part);
  if (m) return { c: columnIndex(m[1]), r: null };
  m = ROW.exec(part);
  if (m) return { c: null, r: Number(m[1]) - 1 };
  return null;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet and local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses an A1 address (cell, range, whole columns "A:C", whole rows "1:3", optional sheet). Throws InvalidArgument. */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, local } = splitSheet(address.trim());
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2) throw invalidArg(`bad address "${address}"`);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) throw invalidArg(`bad address "${address}"`);
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) {
    throw invalidArg(`bad address "${address}"`);
  }
  if (parts.length === 1 && (a.r === null || a.c === null)) throw invalidArg(`bad address "${address}"`);
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROWS - 1;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COLS - 1;
  const rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) {
    throw invalidArg(`address out of the sheet "${address}"`);
  }
  return sheet === undefined ? rect : { ...rect, sheet };
}

/** Quotes a sheet name when Excel would ("My sheet" -> "'My sheet'"). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Local A1 address of a rect, as Excel returns it ("A1", "A1:C3", "A:C", "2:5"). */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (wholeCols && !wholeRows) {
    return `${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  }
  if (wholeRows) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const a = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

/** "Sheet1!A1:C3" like `Range.address`. */
export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatRect(rect)}`;
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect): number => r.c1 - r.c0 + 1;

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, r1, c0, c1 } : null;
}

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;

export const containsCell = (r: Rect, row: number, col: number): boolean =>
  row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;

export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

/** The cells of `a` outside `b`, as up to four disjoint rects (top, bottom, left, right). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.r0 > a.r0) out.push({ ...a, r1: i.r0 - 1 });
  if (i.r1 < a.r1) out.push({ ...a, r0: i.r1 + 1 });
  if (i.c0 > a.c0) out.push({ r0: i.r0, r1: i.r1, c0: a.c0, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, r1: i.r1, c0: i.c1 + 1, c1: a.c1 });
  return out;
}
