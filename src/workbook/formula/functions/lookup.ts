/**
 * Lookup and reference functions
 * (https://support.microsoft.com/office/lookup-and-reference-functions-reference-8aa21a3a-b56a-4055-8257-3ec89df2b23e):
 *
 * - VLOOKUP(lookup_value, table_array, col_index_num, [range_lookup])
 *   (https://support.microsoft.com/office/vlookup-function-0bbc8083-26fe-4963-8ab8-93a18ad188a1): range_lookup
 *   TRUE or omitted is an approximate match on a first column sorted ascending ("If an exact match is not found, the
 *   next largest value that is less than lookup_value is returned"; a value smaller than the first is #N/A); FALSE
 *   an exact match, the first one found, with wildcards when lookup_value is text; col_index_num less than 1 is
 *   #VALUE!, greater than the table's columns #REF!.
 * - MATCH(lookup_value, lookup_array, [match_type])
 *   (https://support.microsoft.com/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a): the relative
 *   position; 1 or omitted the largest value ≤ lookup_value (array ascending), 0 the first equal value (wildcards
 *   for text), -1 the smallest value ≥ lookup_value (array descending); not found #N/A; text is matched without
 *   regard to case. lookup_array must be one row or one column (#N/A otherwise).
 * - INDEX(array, row_num, [column_num])
 *   (https://support.microsoft.com/office/index-function-a5dcf0dd-996d-40a4-a822-b56b061328bd): the value at the
 *   intersection; with one row or one column the single index picks along it; row_num or column_num 0 returns the
 *   whole column or row; an index outside the array is #REF!; a negative one #VALUE!.
 *
 * Approximate matches search as Excel does, by bisection over the sorted values (so unsorted data gives Excel's
 * "might not return the correct value" answers rather than a linear scan's): a cell of another type than the
 * lookup value (text vs number vs logical) or a blank is passed over, and among equal values the last is found.
 * Comparison: numbers by value, text without regard to case, logicals FALSE < TRUE.
 */
import {
  type FormulaFunction,
  type Scalar,
  type Value,
  FormulaError,
  single,
  toBool,
  toNumber,
} from "../values";
import { grid, hasWildcard, wildcardPattern } from "./criteria";

const NA = () => new FormulaError("#N/A");

type Kind = "number" | "string" | "boolean";
const kindOf = (v: Value): Kind | null =>
  typeof v === "number"
    ? "number"
    : typeof v === "boolean"
      ? "boolean"
      : typeof v === "string" && v !== ""
        ? "string"
        : null;

/** <0, 0, >0 for two values of the same kind. */
function cmpSame(a: Scalar, b: Scalar): number {
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Index of the first value equal to `key` (text: case-insensitive, wildcards and `~` escapes), or -1. */
function exactIndex(values: readonly Value[], key: Scalar): number {
  if (typeof key === "string" && (key.includes("~") || hasWildcard(key))) {
    const re = wildcardPattern(key);
    return values.findIndex((v) => typeof v === "string" && re.test(v));
  }
  const kind = kindOf(key);
  return values.findIndex((v) => kindOf(v) === kind && kind !== null && cmpSame(v as Scalar, key) === 0);
}

/**
 * Bisection for the last value ≤ key (ascending) or the last value ≥ key (descending, `sign` -1), passing over
 * cells of another kind. Returns -1 when none.
 */
function approximateIndex(values: readonly Value[], key: Scalar, sign: 1 | -1): number {
  const kind = kindOf(key);
  if (kind === null) return -1;
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    let mid = (lo + hi) >> 1;
    // Pass over cells of another kind: look downwards first, then upwards.
    let probe = mid;
    while (probe >= lo && kindOf(values[probe]!) !== kind) probe--;
    if (probe < lo) {
      probe = mid + 1;
      while (probe <= hi && kindOf(values[probe]!) !== kind) probe++;
      if (probe > hi) break;
    }
    mid = probe;
    const c = sign * cmpSame(values[mid] as Scalar, key);
    if (c <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The lookup value as a scalar: a 1×1 range is its value; an empty cell looks up 0 (a blank is 0 as a number). */
function lookupKey(arg: (() => Value) | undefined): Scalar | FormulaError {
  const v = single(arg ? arg() : null);
  if (v instanceof FormulaError) return v;
  return v === null || v === "" ? 0 : v;
}

/** A whole number ≥ `min` from an index argument (truncated, as Excel truncates). */
function index(v: Value): number | FormulaError {
  const n = toNumber(v);
  return n instanceof FormulaError ? n : Math.trunc(n);
}

export const LOOKUP: Readonly<Record<string, FormulaFunction>> = {
  VLOOKUP: (args) => {
    const key = lookupKey(args[0]);
    if (key instanceof FormulaError) return key;
    const table = args[1] ? args[1]() : null;
    if (table instanceof FormulaError) return table;
    const t: Value[][] = Array.isArray(table) ? table : [[table ?? ""]];
    const col = index(args[2] ? args[2]() : null);
    if (col instanceof FormulaError) return col;
    const approx = args[3] ? toBool(args[3]() ?? true) : true;
    if (approx instanceof FormulaError) return approx;
    if (col < 1) return new FormulaError("#VALUE!");
    if (col > (t[0]?.length ?? 0)) return new FormulaError("#REF!");
    const first = t.map((row) => row[0] ?? "");
    const at = approx ? approximateIndex(first, key, 1) : exactIndex(first, key);
    if (at < 0) return NA();
    const v = t[at]![col - 1]!;
    return v === "" ? 0 : v;
  },
  MATCH: (args) => {
    const key = lookupKey(args[0]);
    if (key instanceof FormulaError) return key;
    const arr = args[1] ? args[1]() : null;
    if (arr instanceof FormulaError) return arr;
    const g = grid(arr);
    if (g.rows > 1 && g.cols > 1) return NA();
    const typeArg = args[2] ? args[2]() : null;
    const type = typeArg === null ? 1 : toNumber(typeArg);
    if (type instanceof FormulaError) return type;
    const at = type === 0 ? exactIndex(g.cells, key) : approximateIndex(g.cells, key, type > 0 ? 1 : -1);
    return at < 0 ? NA() : at + 1;
  },
  INDEX: (args) => {
    const arr = args[0] ? args[0]() : null;
    if (arr instanceof FormulaError) return arr;
    const t: Value[][] = Array.isArray(arr) ? arr : [[arr ?? ""]];
    const rows = t.length;
    const cols = t[0]?.length ?? 0;
    const rArg = args[1] ? args[1]() : null;
    const cArg = args[2] ? args[2]() : null;
    let r = rArg === null ? 0 : index(rArg);
    let c = cArg === null ? 0 : index(cArg);
    if (r instanceof FormulaError) return r;
    if (c instanceof FormulaError) return c;
    if (r < 0 || c < 0) return new FormulaError("#VALUE!");
    // One row or one column and no column_num: the single index runs along it.
    if (cArg === null && (rows === 1 || cols === 1)) {
      const along = r;
      r = rows === 1 ? 1 : along;
      c = rows === 1 ? along : 1;
    }
    if (r > rows || c > cols) return new FormulaError("#REF!");
    if (r === 0 && c === 0) return t;
    if (r === 0) return t.map((row) => [row[c - 1]!]);
    if (c === 0) return [t[r - 1]!];
    const v = t[r - 1]![c - 1]!;
    return v === "" ? 0 : v;
  },
};
