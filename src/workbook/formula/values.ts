/** Formula values and Excel's coercions and comparison rules. */
import { isErrorValue } from "../numberFormat";

export type Scalar = string | number | boolean;
/** Reads a cell (0-based); sheet is undefined for the formula's own sheet. "" for empty. */
export type CellReader = (row: number, col: number, sheet?: string) => Scalar;

/**
 * An Excel error value travelling through evaluation; `message` is a custom function's own message (the
 * `CustomFunctions.Error` it threw or returned), shown by the cell's error indicator.
 */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** A value during evaluation: `null` is an omitted argument, arrays come from ranges and array constants. */
export type Value = Scalar | FormulaError | Value[][] | null;
/** What a function may ask of its host. */
export interface FunctionEnv {
  /** Today's serial in the host's local calendar (Excel's TODAY). */
  today(): number;
}
/** A function implementation; arguments are evaluated on demand (so IF evaluates one branch only). */
export type FormulaFunction = (args: (() => Value)[], env: FunctionEnv) => Value;

/** Error literals the parser accepts and a custom function may return. */
export const ERROR_TEXTS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#BUSY!",
  "#CALC!",
];

/** A host value as a formula value: empty → "", error text → error, anything else unsupported → #VALUE!. */
export function normalise(v: unknown): Value {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return isErrorValue(v) || ERROR_TEXTS.includes(v) ? new FormulaError(v) : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return new FormulaError("#VALUE!");
}

/** A 1×1 array is its element; a larger array where one value is needed is #VALUE!. */
export function single(v: Value): Scalar | FormulaError | null {
  if (!Array.isArray(v)) return v;
  const s = v.length === 1 && v[0].length === 1 ? v[0][0] : new FormulaError("#VALUE!");
  return Array.isArray(s) ? new FormulaError("#VALUE!") : s;
}

/** Excel number coercion: blank 0, booleans 1/0, numeric text (thousands commas allowed), else #VALUE!. */
export function toNumber(v: Value): number | FormulaError {
  const s = single(v);
  if (s instanceof FormulaError) return s;
  if (s === null || s === "") return 0;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  const n = Number(s.replace(/,/g, ""));
  return s.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

/** Excel text coercion: TRUE/FALSE for booleans, blank "". */
export function toText(v: Value): string | FormulaError {
  const s = single(v);
  if (s instanceof FormulaError) return s;
  if (s === null) return "";
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  return String(s);
}

export function toBool(v: Value): boolean | FormulaError {
  const s = single(v);
  if (s instanceof FormulaError || typeof s === "boolean") return s;
  if (typeof s === "number") return s !== 0;
  if (s === null || s === "") return false;
  if (/^true$/i.test(s)) return true;
  if (/^false$/i.test(s)) return false;
  return new FormulaError("#VALUE!");
}

const typeRank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/** Excel comparison: returns <0, 0, >0. A blank ("") compared with a number is 0, with a boolean FALSE. */
export function compareValues(a: Scalar, b: Scalar): number {
  if (a === "" && typeof b === "number") a = 0;
  if (b === "" && typeof a === "number") b = 0;
  if (a === "" && typeof b === "boolean") a = false;
  if (b === "" && typeof a === "boolean") b = false;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Applies `f` to the coerced values, or returns the first error among them. */
export function lift<T>(conv: (v: Value) => T | FormulaError, f: (...xs: T[]) => Value) {
  return (args: (() => Value)[]): Value => {
    const xs: T[] = [];
    for (const a of args) {
      const x = conv(a());
      if (x instanceof FormulaError) return x;
      xs.push(x);
    }
    return f(...xs);
  };
}

/** True for an argument written as a cell reference or range (the interpreter marks such thunks). */
export function isReference(arg: () => Value): boolean {
  return (arg as { reference?: boolean }).reference === true;
}

/** Numbers of MIN/MAX arguments: direct arguments coerce, ranges and arrays contribute their numbers only. */
export function numbersOf(args: (() => Value)[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    const v = a();
    // A cell reference counts like a range: its text and booleans are skipped ("If an argument is an array or
    // reference, only numbers in that array or reference are counted", SUM function reference).
    if (Array.isArray(v) || isReference(a)) {
      for (const x of Array.isArray(v) ? v.flat() : [v]) {
        if (x instanceof FormulaError) return x;
        if (typeof x === "number") out.push(x);
      }
    } else {
      const n = toNumber(v);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}
