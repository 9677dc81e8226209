/**
 * Rows of cell values packed for postMessage: a kind per cell (Uint8Array), the numbers (Float64Array) and the
 * distinct strings once (each string cell holds its index). The typed arrays are *transferred*, not copied, so
 * handing 200,000 cells to or from the scoring worker costs one pass over the cells instead of a structured clone
 * of 200,000 values in 20,000 arrays on each side — the difference between a few and several hundred milliseconds
 * of UI-thread time per slice of a full sheet.
 *
 * Cells are what Range.values holds (numbers, strings, booleans) plus the `null` of an unwritten cell; anything
 * else travels as is in `others` (structured clone).
 */

const EMPTY_TEXT = 0;
const NUMBER = 1;
const STRING = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;
const OTHER = 6;

export interface PackedRows {
  readonly rowCount: number;
  readonly width: number;
  readonly kinds: Uint8Array;
  /** The number of NUMBER cells; the index into `strings` / `others` for STRING / OTHER cells. */
  readonly numbers: Float64Array;
  readonly strings: string[];
  readonly others: unknown[];
}

/** Packs rows [start, end) of `rows` (ragged rows are padded with `null`). */
export function packRows(rows: readonly (readonly unknown[])[], start = 0, end = rows.length): PackedRows {
  let width = 0;
  for (let r = start; r < end; r++) width = Math.max(width, rows[r].length);
  return packCells(Math.max(0, end - start), width, (r, c) => {
    const row = rows[start + r];
    return c < row.length ? row[c] : null;
  });
}

/** Strings a column must have seen before it may be judged to hold (nearly) only distinct strings. */
const JUDGE_AFTER = 512;

/**
 * Packs a rowCount × width block whose cell (r, c) is `cell(r, c)`.
 *
 * Repeated strings are stored once. A column whose strings turn out nearly all distinct (invoice numbers: one Map
 * insertion per cell was the largest part of packing a full sheet) stops being looked up: its strings are appended
 * as they come. Either way each cell unpacks to the string it held.
 */
export function packCells(
  rowCount: number,
  width: number,
  cell: (r: number, c: number) => unknown,
): PackedRows {
  const kinds = new Uint8Array(rowCount * width);
  const numbers = new Float64Array(rowCount * width);
  const strings: string[] = [];
  const others: unknown[] = [];
  const ids = new Map<string, number>();
  const seen = new Uint32Array(width); // strings met per column
  const added = new Uint32Array(width); // of which new
  const distinct = new Uint8Array(width); // 1: the column's strings are appended without lookup
  let i = 0;
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < width; c++, i++) {
      const v = cell(r, c);
      if (typeof v === "number") {
        kinds[i] = NUMBER;
        numbers[i] = v;
      } else if (typeof v === "string") {
        if (v === "") continue; // EMPTY_TEXT (0)
        let id: number | undefined;
        if (distinct[c]) {
          id = strings.length;
          strings.push(v);
        } else {
          id = ids.get(v);
          if (id === undefined) {
            id = strings.length;
            strings.push(v);
            ids.set(v, id);
            added[c]++;
          }
          if (++seen[c] === JUDGE_AFTER) distinct[c] = added[c] * 10 >= seen[c] * 9 ? 1 : 0;
        }
        kinds[i] = STRING;
        numbers[i] = id;
      } else if (v === true) kinds[i] = TRUE;
      else if (v === false) kinds[i] = FALSE;
      else if (v === null || v === undefined) kinds[i] = NULL;
      else {
        kinds[i] = OTHER;
        numbers[i] = others.length;
        others.push(v);
      }
    }
  }
  return { rowCount, width, kinds, numbers, strings, others };
}

/** A string cell as {@link columnPacker} stores it: the text to store and the UTF-8 size of its JSON. */
export interface PackedText {
  readonly text: string;
  readonly bytes: number;
}

interface Interned extends PackedText {
  /** The block it was last stored in, and its index in that block's strings. */
  block: number;
  id: number;
}

/**
 * A packer of blocks given as columns of numbers and strings (the rows a plan writes), which also measures each
 * row's JSON text (`[` cells `,` … `]`, UTF-8 bytes). `text(s)` turns a string into the text to store, once per
 * distinct string over all blocks of the packer (output columns repeat a few labels a million times); a number is
 * stored as it is, a non-finite one as "" — what JSON and Excel make of it. One lookup per string cell, one loop per
 * cell: the generic {@link packCells} costs a callback and three lookups per cell there.
 */
export function columnPacker(text: (s: string) => PackedText): (
  columns: readonly (readonly unknown[])[],
  start: number,
  count: number,
) => {
  packed: PackedRows;
  rowBytes: Float64Array;
} {
  const interned = new Map<string, Interned>();
  let blocks = 0;
  const EMPTY: Interned = { text: "", bytes: 2, block: -1, id: -1 };
  const intern = (s: string): Interned => {
    let e = interned.get(s);
    if (e === undefined) {
      const t = text(s);
      e = t.text === "" ? EMPTY : { text: t.text, bytes: t.bytes, block: -1, id: -1 };
      interned.set(s, e);
    }
    return e;
  };
  return (columns, start, count) => {
    const block = blocks++;
    const width = columns.length;
    const kinds = new Uint8Array(count * width);
    const numbers = new Float64Array(count * width);
    const rowBytes = new Float64Array(count).fill(width + 1); // brackets and commas
    const strings: string[] = [];
    for (let c = 0; c < width; c++) {
      const column = columns[c];
      for (let r = 0, i = c; r < count; r++, i += width) {
        const v = column[start + r];
        if (typeof v === "number") {
          if (Number.isFinite(v)) {
            kinds[i] = NUMBER;
            numbers[i] = v;
            rowBytes[r] += String(v).length; // a finite number's JSON is its String()
            continue;
          }
          rowBytes[r] += 2; // ""
          continue; // EMPTY_TEXT
        }
        const e = intern(typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
        rowBytes[r] += e.bytes;
        if (e === EMPTY) continue;
        if (e.block !== block) {
          e.block = block;
          e.id = strings.length;
          strings.push(e.text);
        }
        kinds[i] = STRING;
        numbers[i] = e.id;
      }
    }
    return { packed: { rowCount: count, width, kinds, numbers, strings, others: [] }, rowBytes };
  };
}

/** The buffers to list in postMessage's transfer argument. */
export function transferables(packed: PackedRows): ArrayBuffer[] {
  return [packed.kinds.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer];
}

/**
 * Unpacks into rows; `each(row, index)` receives each row as it is built (so callers can append in place).
 * `reuse`: one array is refilled for every row — for a consumer that keeps no reference to it (tableReader's
 * pushRow), a million rows then cost no million arrays.
 */
export function unpackRows(
  packed: PackedRows,
  each: (row: unknown[], index: number) => void,
  reuse = false,
): void {
  const { rowCount, width, kinds, numbers, strings, others } = packed;
  let i = 0;
  const shared = reuse ? new Array<unknown>(width) : null;
  for (let r = 0; r < rowCount; r++) {
    const row = shared ?? new Array<unknown>(width);
    for (let c = 0; c < width; c++, i++) {
      switch (kinds[i]) {
        case EMPTY_TEXT:
          row[c] = "";
          break;
        case NUMBER:
          row[c] = numbers[i];
          break;
        case STRING:
          row[c] = strings[numbers[i]];
          break;
        case TRUE:
          row[c] = true;
          break;
        case FALSE:
          row[c] = false;
          break;
        case NULL:
          row[c] = null;
          break;
        default:
          row[c] = others[numbers[i]];
      }
    }
    each(row, r);
  }
}
