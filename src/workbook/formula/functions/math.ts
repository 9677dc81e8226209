/**
 * Math and statistical functions
 * (https://support.microsoft.com/office/math-and-trigonometry-functions-reference-ee158fd6-33be-42c9-9ae5-d635c3ad8c8f):
 * ABS, ROUND, INT, MOD, SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, SUMIF, COUNTIF, SUMIFS, COUNTIFS. Ranges and arrays
 * contribute their numbers only (text and booleans in a range are skipped); direct arguments are coerced. Criteria
 * are read as ./criteria.ts describes.
 */
import {
  type FormulaFunction,
  type Value,
  FormulaError,
  isReference,
  lift,
  numbersOf,
  toNumber,
} from "../values";
import { compileCriterion, grid } from "./criteria";

/**
 * ROUND (https://support.microsoft.com/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c): to `digits`
 * decimal places, or to the left of the point when `digits` is negative; halves go away from zero (ROUND(2.5,0) is 3,
 * ROUND(-2.5,0) is -3). Excel works to 15 significant digits, so the scaled value is read at 15 digits first: 1.005
 * (stored as 1.00499999999999989…) rounds to 1.01 in Excel, not to the binary value's 1.
 */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const d = Math.max(-308, Math.min(308, Math.trunc(digits)));
  const scaled = d >= 0 ? Math.abs(x) * 10 ** d : Math.abs(x) / 10 ** -d;
  const r = Math.floor(Number(scaled.toPrecision(15)) + 0.5);
  const back = d >= 0 ? r / 10 ** d : r * 10 ** -d;
  return x < 0 ? -back : back;
}

/** The cells of a range/array argument, flattened (a scalar is a one-cell range). */
function cellsOf(v: Value): Value[] {
  return Array.isArray(v) ? v.flat() : [v];
}

/**
 * The cells meeting every (range, criterion) pair of COUNTIFS/SUMIFS, as a mask over `size` cells; #VALUE! when a
 * criteria range differs in shape from the first range ("Each additional range must have the same number of rows
 * and columns as the criteria_range1 argument", COUNTIFS reference; SUMIFS: the same for sum_range).
 */
function criteriaMask(
  pairs: (() => Value)[],
  shape: { rows: number; cols: number },
  today: () => number,
): boolean[] | FormulaError {
  if (pairs.length === 0 || pairs.length % 2 !== 0) return new FormulaError("#VALUE!");
  const mask = new Array<boolean>(shape.rows * shape.cols).fill(true);
  for (let i = 0; i < pairs.length; i += 2) {
    const range = pairs[i]!();
    if (range instanceof FormulaError) return range;
    const g = grid(range);
    if (g.rows !== shape.rows || g.cols !== shape.cols) return new FormulaError("#VALUE!");
    const test = compileCriterion(pairs[i + 1]!(), today, isReference(pairs[i + 1]!));
    for (let k = 0; k < mask.length; k++) if (mask[k] && !test(g.cells[k]!)) mask[k] = false;
  }
  return mask;
}

/** Adds the numbers of `cells` where `mask` holds; an error among them is the result (SUMIF/SUMIFS). */
function sumWhere(cells: readonly Value[], mask: readonly boolean[]): Value {
  let total = 0;
  for (let k = 0; k < mask.length; k++) {
    if (!mask[k]) continue;
    const v = cells[k];
    if (v instanceof FormulaError) return v;
    if (typeof v === "number") total += v;
  }
  return total;
}

export const MATH: Readonly<Record<string, FormulaFunction>> = {
  ABS: lift(toNumber, Math.abs),
  ROUND: lift(toNumber, (x, d = 0) => roundHalfAway(x, d)),
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
  /** COUNTIF (https://support.microsoft.com/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34). */
  COUNTIF: (args, env) => {
    const test = compileCriterion(args[1]?.() ?? null, env.today, !!args[1] && isReference(args[1]));
    return cellsOf(args[0]?.() ?? null).filter(test).length;
  },
  /**
   * SUMIF (https://support.microsoft.com/office/sumif-function-169b8c99-c05c-4483-a712-1697a653039b): sum_range
   * cells in the same positions as the matching cells of range (range itself when omitted).
   */
  SUMIF: (args, env) => {
    const range = cellsOf(args[0]?.() ?? null);
    const test = compileCriterion(args[1]?.() ?? null, env.today, !!args[1] && isReference(args[1]));
    const sums = args[2] ? cellsOf(args[2]()) : range;
    return sumWhere(sums, range.map(test));
  },
  /**
   * COUNTIFS(criteria_range1, criteria1, [criteria_range2, criteria2], …)
   * (https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842): cells meeting
   * every criterion.
   */
  COUNTIFS: (args, env) => {
    const first = args[0]?.() ?? null;
    if (first instanceof FormulaError) return first;
    const mask = criteriaMask(args, grid(first), env.today);
    return mask instanceof FormulaError ? mask : mask.filter(Boolean).length;
  },
  /**
   * SUMIFS(sum_range, criteria_range1, criteria1, …)
   * (https://support.microsoft.com/office/sumifs-function-c9e748f5-7ea7-455d-9406-611cebce642b): the numbers of
   * sum_range whose cells meet every criterion; text and logicals in sum_range are not added.
   */
  SUMIFS: (args, env) => {
    const sums = args[0]?.() ?? null;
    if (sums instanceof FormulaError) return sums;
    const g = grid(sums);
    const mask = criteriaMask(args.slice(1), g, env.today);
    return mask instanceof FormulaError ? mask : sumWhere(g.cells, mask);
  },
};
