/**
 * Math and statistical functions
 * (https://support.microsoft.com/office/math-and-trigonometry-functions-reference-ee158fd6-33be-42c9-9ae5-d635c3ad8c8f):
 * ABS, ROUND, INT, MOD, SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, SUMIF, COUNTIF. Ranges and arrays contribute their
 * numbers only (text and booleans in a range are skipped); direct arguments are coerced.
 */
import {
  type FormulaFunction,
  type Scalar,
  type Value,
  FormulaError,
  compareValues,
  lift,
  numbersOf,
  toNumber,
} from "../values";

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = Math.abs(x) * f;
  const r = Math.round(y + 1e-9 * Math.max(1, y));
  return (Math.sign(x) * r) / f;
}

/** The cells of a range/array argument, flattened (a scalar is a one-cell range). */
function cellsOf(v: Value): Value[] {
  return Array.isArray(v) ? v.flat() : [v];
}

/** A COUNTIF/SUMIF criterion: "=x", "<>x", ">5", "<=5" … or a plain value (equality). */
function criterion(c: Value): (v: Value) => boolean {
  const raw = Array.isArray(c) ? c[0]?.[0] : c;
  if (raw instanceof FormulaError || raw === null || raw === undefined) return () => false;
  if (typeof raw !== "string") return (v) => v === raw;
  const m = /^(<=|>=|<>|=|<|>)?(.*)$/s.exec(raw)!;
  const op = m[1] ?? "=";
  const text = m[2]!;
  const n = text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : null;
  const target: Scalar = n ?? text;
  return (v) => {
    if (v instanceof FormulaError || Array.isArray(v) || v === null) return false;
    if (typeof target === "number" && typeof v !== "number") return op === "<>";
    const cmp = compareValues(v, target);
    switch (op) {
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      case ">=":
        return cmp >= 0;
      case "<>":
        return cmp !== 0;
      default:
        return cmp === 0;
    }
  };
}

export const MATH: Readonly<Record<string, FormulaFunction>> = {
  ABS: lift(toNumber, Math.abs),
  ROUND: lift(toNumber, (x, d = 0) => roundHalfAway(x, Math.trunc(d))),
  INT: lift(toNumber, Math.floor),
  MOD: lift(toNumber, (a, b) => (b === 0 ? new FormulaError("#DIV/0!") : a - b * Math.floor(a / b))),
  SUM: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.reduce((s, x) => s + x, 0);
  },
  MIN: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.max(...ns) : 0;
  },
  AVERAGE: (args) => {
    const ns = numbersOf(args);
    if (ns instanceof FormulaError) return ns;
    return ns.length ? ns.reduce((s, x) => s + x, 0) / ns.length : new FormulaError("#DIV/0!");
  },
  /** Numbers only (errors and text are not counted). */
  COUNT: (args) => args.flatMap((a) => cellsOf(a())).filter((v) => typeof v === "number").length,
  /** Non-empty values, errors included. */
  COUNTA: (args) => args.flatMap((a) => cellsOf(a())).filter((v) => v !== "" && v !== null).length,
  COUNTIF: (args) => {
    const test = criterion(args[1]?.() ?? null);
    return cellsOf(args[0]?.() ?? null).filter(test).length;
  },
  SUMIF: (args) => {
    const range = cellsOf(args[0]?.() ?? null);
    const test = criterion(args[1]?.() ?? null);
    const sums = args[2] ? cellsOf(args[2]()) : range;
    let total = 0;
    for (let i = 0; i < range.length; i++) {
      if (!test(range[i]!)) continue;
      const v = sums[i];
      if (v instanceof FormulaError) return v;
      if (typeof v === "number") total += v;
    }
    return total;
  },
};
