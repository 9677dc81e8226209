/**
 * Rewriting the cell references of a formula, as Excel does when cells move: inserting or deleting rows and
 * columns shifts every reference to the moved cells (absolute or not) and shrinks ranges that lose rows or columns
 * (a reference to a deleted cell becomes #REF!); re-anchoring a relative formula (a conditional format whose range
 * lost its top rows) moves only the relative parts. Text inside string literals is never touched.
 * Reference: "Move or copy cells, rows, and columns" / "Insert or delete rows and columns" — Excel adjusts formula
 * references to the cells it moves (https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246).
 */
import { columnIndex, columnLetters, quoteSheet, type Rect } from "../address";

/** One reference as written: optional sheet, 0-based row/column, which parts carry `$`. */
export interface CellRef {
  sheet?: string;
  r: number;
  c: number;
  absR: boolean;
  absC: boolean;
}

const REF =
  /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})(?![A-Za-z0-9_.(!])/y;

function readRef(src: string, at: number): { ref: CellRef; end: number; sheetText?: string } | null {
  REF.lastIndex = at;
  const m = REF.exec(src);
  if (!m) return null;
  const c = columnIndex(m[3]);
  if (c < 0 || c >= 16384) return null;
  const sheet = m[1] ? m[1].replace(/^'|'$/g, "").replace(/''/g, "'") : undefined;
  return {
    ref: { sheet, r: Number(m[5]) - 1, c, absR: m[4] === "$", absC: m[2] === "$" },
    end: REF.lastIndex,
    sheetText: m[1],
  };
}

function writeRef(ref: CellRef, sheetText?: string): string {
  const sheet = ref.sheet === undefined ? "" : `${sheetText ?? quoteSheet(ref.sheet)}!`;
  return `${sheet}${ref.absC ? "$" : ""}${columnLetters(ref.c)}${ref.absR ? "$" : ""}${ref.r + 1}`;
}

/**
 * Rewrites every reference of `formula`: `mapRange(a, b)` gets both ends of a range (`a === b` for a single cell)
 * and returns the new ends, or null when the cells are gone (the reference becomes #REF!).
 */
export function mapReferences(
  formula: string,
  mapRange: (a: CellRef, b: CellRef) => [CellRef, CellRef] | null,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      let j = close < 0 ? formula.length : close + 1;
      while (formula[j] === '"') {
        const next = formula.indexOf('"', j + 1);
        j = next < 0 ? formula.length : next + 1;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    const a = /[A-Za-z0-9_.$]/.test(prev) ? null : readRef(formula, i);
    if (!a) {
      out += ch;
      i++;
      continue;
    }
    let end = a.end;
    let b = a;
    if (formula[end] === ":") {
      const second = readRef(formula, end + 1);
      if (second && second.ref.sheet === undefined) {
        b = { ...second, ref: { ...second.ref, sheet: a.ref.sheet } };
        end = second.end;
      }
    }
    const mapped = mapRange(a.ref, b.ref);
    if (!mapped) out += "#REF!";
    else {
      out += writeRef(mapped[0], a.sheetText);
      if (b !== a) out += `:${writeRef({ ...mapped[1], sheet: undefined })}`;
    }
    i = end;
  }
  return out;
}

/** A formula written for anchor cell (r0, c0) re-expressed for (r1, c1): relative parts move, `$` parts stay. */
export function reanchor(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  const move = (x: CellRef): CellRef => ({
    ...x,
    r: x.absR ? x.r : x.r + dr,
    c: x.absC ? x.c : x.c + dc,
  });
  return mapReferences(formula, (a, b) => {
    const m = [move(a), move(b)] as [CellRef, CellRef];
    return m.every((x) => x.r >= 0 && x.c >= 0) ? m : null;
  });
}

/** An insert (cells move down/right by the rect's size) or delete (cells move up/left) on one sheet. */
export interface Shift {
  sheet: string;
  rect: Rect;
  vertical: boolean;
  inserting: boolean;
}

/** Where the row/column span [lo, hi] (along the shift's axis) goes, or null when all of it is deleted. */
export function shiftSpan(s: Shift, lo: number, hi: number): [number, number] | null {
  const at = s.vertical ? s.rect.r0 : s.rect.c0;
  const last = s.vertical ? s.rect.r1 : s.rect.c1;
  const n = last - at + 1;
  if (s.inserting) return [lo >= at ? lo + n : lo, hi >= at ? hi + n : hi];
  const keep = (x: number) => x < at || x > last;
  let a = lo;
  while (a <= hi && !keep(a)) a++;
  let b = hi;
  while (b >= a && !keep(b)) b--;
  if (a > b) return null;
  const down = (x: number) => (x > last ? x - n : x);
  return [down(a), down(b)];
}

/** True when the rect's cross-axis extent lies inside the shifted band (only such references move). */
function inBand(s: Shift, c0: number, c1: number): boolean {
  const [lo, hi] = s.vertical ? [s.rect.c0, s.rect.c1] : [s.rect.r0, s.rect.r1];
  return c0 >= lo && c1 <= hi;
}

/** Moves a rect through an insert/delete; null when it is deleted entirely. */
export function shiftRect(s: Shift, r: Rect): Rect | null {
  if (s.vertical) {
    if (!inBand(s, r.c0, r.c1)) return r;
    const span = shiftSpan(s, r.r0, r.r1);
    return span && { ...r, r0: span[0], r1: span[1] };
  }
  if (!inBand(s, r.r0, r.r1)) return r;
  const span = shiftSpan(s, r.c0, r.c1);
  return span && { ...r, c0: span[0], c1: span[1] };
}

/** Adjusts the references of a formula living on `home` to an insert/delete on `s.sheet`. */
export function shiftFormula(formula: string, home: string, s: Shift): string {
  const target = s.sheet.toLowerCase();
  return mapReferences(formula, (a, b) => {
    if ((a.sheet ?? home).toLowerCase() !== target) return [a, b];
    const r = shiftRect(s, { r0: a.r, c0: a.c, r1: b.r, c1: b.c });
    return (
      r && [
        { ...a, r: r.r0, c: r.c0 },
        { ...b, r: r.r1, c: r.c1 },
      ]
    );
  });
}
