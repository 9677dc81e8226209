/**
 * A small, safe formula evaluator for the playground's simulated workbook (no `eval`, no `new Function`).
 *
 * Supported: numbers (`1`, `1.5`, `1e3`), strings (`"a""b"`), `TRUE`/`FALSE`, error literals (`#N/A`), cell
 * references (`A1`, `$A$1`, `Sheet1!A1`, `'My sheet'!A1`), ranges (`A1:B3` → 2-D array), array constants
 * (`{30,60,90}`), `+ - * / ^`, unary minus, `&` (text join), comparisons (`= <> < > <= >=`), parentheses, and
 * function calls: the workbook engine's built-ins (src/workbook/formula/functions: TODAY, DATE, SUM, N, IS… …) and
 * any custom function the context resolves (e.g. `AR.DUEDATE(C2,"Net 30")`). Errors are returned as Excel error
 * text (`#VALUE!`, `#NAME?`, `#DIV/0!` …).
 *
 * `TODAY()` is the serial of the current date in the machine's local time zone, as Excel takes it (the TODAY
 * function returns the current date from the computer's clock); tests inject `today` through the context.
 */
import { columnIndex } from "../workbook/address";
import {
  BUILTINS,
  ERROR_TEXTS,
  FormulaError,
  type FormulaFunction,
  type Scalar,
  type Value,
  evaluateNode,
  localSerial,
  parseFormula,
  resultOf,
} from "../workbook/formula";
import { CustomFunctionsErrorCode } from "../workbook/office/host";

export { FormulaError, type Scalar };
export type FormulaResult = Scalar;

/** What the evaluator needs from its host. Rows and columns are 0-based. */
export interface FormulaContext {
  /** Value of a cell ("" when empty); `sheet` is undefined for the formula's own sheet. */
  cell(row: number, col: number, sheet?: string): unknown;
  /** A callable for a function name as written, upper-cased (e.g. "AR.DUEDATE"); undefined when unknown. */
  fn?(name: string): ((...args: unknown[]) => unknown) | undefined;
  /** Today's serial; defaults to {@link todaySerial} (the local date). */
  today?(): number;
}

/** Today's date as an Excel serial, from the local calendar components of `now` (as Excel's TODAY). */
export const todaySerial: (now?: Date) => number = localSerial;

/** Maps a thrown or returned custom-function error (`{ code }`) to Excel error text. */
export function errorText(err: unknown): string {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === "string") {
    if (ERROR_TEXTS.includes(code)) return code;
    const named = (CustomFunctionsErrorCode as Record<string, string>)[code];
    if (named) return named;
  }
  return "#VALUE!";
}

/** "A" → 0, "AA" → 26. */
export const columnFromLetters = columnIndex;

/** A custom function of the context as a formula function (beyond the engine's {@link BUILTINS}). */
function cellFunction(name: string, ctx: FormulaContext): FormulaFunction | undefined {
  const fn = ctx.fn?.(name);
  if (!fn) return undefined;
  return (args) => {
    const callArgs: unknown[] = args.map((a) => toExternal(a()));
    while (callArgs.length < fn.length) callArgs.push(null);
    try {
      return fromExternal(fn(...callArgs));
    } catch (err) {
      return new FormulaError(errorText(err));
    }
  };
}

/** Value handed to a custom function: errors as their text, arrays as plain 2-D arrays. */
function toExternal(v: Value): unknown {
  if (v instanceof FormulaError) return v.code;
  if (Array.isArray(v)) return v.map((row) => row.map((x) => (x instanceof FormulaError ? x.code : x)));
  return v;
}

/** Value returned by a custom function: a returned `{code}` error, top-left of a matrix, thenables busy. */
function fromExternal(r: unknown): Value {
  if (Array.isArray(r))
    return Array.isArray(r[0]) && r[0].length > 0 ? fromExternal(r[0][0]) : new FormulaError("#CALC!");
  if (typeof r === "number") return Number.isFinite(r) ? r : new FormulaError("#NUM!");
  if (typeof r === "string" || typeof r === "boolean") return r;
  if (r && typeof (r as { then?: unknown }).then === "function") return new FormulaError("#BUSY!");
  if (r && typeof r === "object" && "code" in r) return new FormulaError(errorText(r));
  return new FormulaError("#VALUE!");
}

/**
 * Evaluates a formula (with or without the leading "=") to a cell value with the shared engine
 * (`src/workbook/formula`): built-ins, then the context's custom functions. Never throws: syntax
 * errors give "#NAME?" (as Excel would refuse them), runtime problems give the matching error text.
 */
export function evaluateFormula(formula: string, ctx: FormulaContext): FormulaResult {
  let node;
  try {
    node = parseFormula(formula);
  } catch {
    return "#NAME?";
  }
  const fn = (name: string): FormulaFunction | undefined => BUILTINS[name] ?? cellFunction(name, ctx);
  return resultOf(
    evaluateNode(node, {
      read: (row, col, sheet) => ctx.cell(row, col, sheet),
      fn,
      today: ctx.today ? () => ctx.today!() : () => todaySerial(),
    }),
  );
}

/** The simulator's evaluator signature: a formula and where it sits → the cell's value. */
export type CellFormulaEvaluator = (
  formula: string,
  where: { sheet: string; row: number; col: number },
) => FormulaResult;

/**
 * Binds {@link evaluateFormula} to a workbook: `readCell(sheet, row, col)` supplies referenced values (references
 * without a sheet name read the formula's own sheet) and `lookup` resolves custom functions.
 */
export function bindEvaluator(
  readCell: (sheet: string, row: number, col: number) => unknown,
  lookup: (name: string) => ((...args: unknown[]) => unknown) | undefined,
  today?: () => number,
): CellFormulaEvaluator {
  return (formula, where) =>
    evaluateFormula(formula, {
      cell: (row, col, sheet) => readCell(sheet ?? where.sheet, row, col),
      fn: lookup,
      ...(today ? { today } : {}),
    });
}
