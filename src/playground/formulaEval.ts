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
 * Custom functions are called as Excel calls them (see `FormulaContext.host`): matrix parameters receive 2-D arrays,
 * empty referenced cells arrive as the platform passes them (desktop `0`, web `null`; `0` inside ranges), omitted
 * arguments as `null`, and an error argument is shown by the cell without calling the function unless the
 * metadata lets that parameter accept errors.
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
  type Node,
  type Scalar,
  type Value,
  evaluateNode,
  localSerial,
  parseFormula,
  resultOf,
  single,
} from "../workbook/formula";
import { CustomFunctionsErrorCode } from "../workbook/office/host";
import { HOST_ARGUMENTS, type CallSignature, type EmptyCellArguments } from "./customFunctions";

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
  /**
   * How the host calls custom functions: parameter shapes from functions.json (`signature`, by name as written) and
   * the platform's empty-cell values. Default: Excel on Windows, every parameter a scalar that accepts no errors.
   */
  host?: HostCalls;
}

/** The host's calling convention for custom functions. */
export interface HostCalls {
  signature?(name: string): CallSignature | undefined;
  readonly empty: EmptyCellArguments;
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

/** A call to a function that is not built in, with which of its arguments are cell references. */
interface CustomCall {
  readonly name: string;
  readonly references: readonly boolean[];
}

/** Prefix of the internal names that stand for {@link CustomCall}s in a rewritten formula (never lexed). */
const CALL_MARK = "\u0000";
const rewritten = new WeakMap<Node, { node: Node; calls: CustomCall[] }>();

/**
 * The formula with every call to a non-built-in function renamed to `CALL_MARK + index` of its {@link CustomCall},
 * so the evaluator knows which arguments were references (an empty referenced cell and the text "" are different
 * arguments to Excel). Cached per parsed formula; the parsed tree itself is shared and never changed.
 */
function markCustomCalls(root: Node): { node: Node; calls: CustomCall[] } {
  const hit = rewritten.get(root);
  if (hit) return hit;
  const calls: CustomCall[] = [];
  const walk = (n: Node): Node => {
    switch (n.k) {
      case "un":
        return { ...n, a: walk(n.a) };
      case "bin":
        return { ...n, a: walk(n.a), b: walk(n.b) };
      case "fn": {
        const args = n.args.map(walk);
        if (BUILTINS[n.name]) return { ...n, args };
        calls.push({ name: n.name, references: n.args.map((a) => a.k === "ref" || a.k === "range") });
        return { k: "fn", name: `${CALL_MARK}${calls.length - 1}`, args };
      }
      default:
        return n;
    }
  };
  const out = { node: walk(root), calls };
  rewritten.set(root, out);
  return out;
}

/** The first error in a value (a scalar, or the cells of an array row by row), or null. */
function firstError(v: Value): FormulaError | null {
  if (v instanceof FormulaError) return v;
  if (Array.isArray(v)) {
    for (const row of v) for (const x of row) if (x instanceof FormulaError) return x;
  }
  return null;
}

/**
 * An argument as the host hands it over: omitted → null; a referenced empty cell → the platform's empty value
 * (a cell whose value is "" counts as empty: the simulator keeps no other empty text); a matrix parameter always
 * receives a 2-D array; errors (only when the parameter accepts them) as their text.
 */
function hostValue(v: Value, reference: boolean, matrix: boolean, empty: EmptyCellArguments): unknown {
  if (v === null) return null;
  const cell = (x: Value): unknown =>
    x instanceof FormulaError ? x.code : reference && x === "" ? empty.inRange : x;
  if (Array.isArray(v)) return v.map((row) => row.map(cell));
  if (matrix) return [[cell(v)]];
  return v instanceof FormulaError ? v.code : reference && v === "" ? empty.scalar : v;
}

/** Calls a custom function as the host does (see {@link hostValue}); an error argument is the cell's value. */
function customFunction(call: CustomCall, ctx: FormulaContext): FormulaFunction | undefined {
  const fn = ctx.fn?.(call.name);
  if (!fn) return undefined;
  const signature = ctx.host?.signature?.(call.name);
  const empty = ctx.host?.empty ?? HOST_ARGUMENTS.windows;
  return (args) => {
    const count = Math.max(args.length, signature?.parameters.length ?? 0, fn.length);
    const callArgs = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const param = signature?.parameters[i];
      const v = i < args.length ? args[i]() : null;
      if (!param?.acceptsErrors) {
        const error = firstError(v);
        if (error) return error;
      }
      callArgs[i] = hostValue(v, call.references[i] === true, param?.matrix === true, empty);
    }
    try {
      return fromExternal(fn(...callArgs));
    } catch (err) {
      return new FormulaError(errorText(err), messageOf(err));
    }
  };
}

/** Value returned by a custom function: a returned `{code}` error, top-left of a matrix, thenables busy. */
function fromExternal(r: unknown): Value {
  if (Array.isArray(r))
    return Array.isArray(r[0]) && r[0].length > 0 ? fromExternal(r[0][0]) : new FormulaError("#CALC!");
  if (typeof r === "number") return Number.isFinite(r) ? r : new FormulaError("#NUM!");
  if (typeof r === "string" || typeof r === "boolean") return r;
  if (r && typeof (r as { then?: unknown }).then === "function") return new FormulaError("#BUSY!");
  if (r && typeof r === "object" && "code" in r) return new FormulaError(errorText(r), messageOf(r));
  return new FormulaError("#VALUE!");
}

/**
 * The message of a custom function's error, when Excel shows one: only #VALUE! and #N/A carry custom messages ("A
 * custom error message can be used" for invalidValue and notAvailable only; the others say it can't:
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode). Excel shows it
 * "in the error indicator menu, which is accessed by hovering over the error flag on each cell with an error" (same
 * page).
 */
function messageOf(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = errorText(err);
  const message = (err as { message?: unknown }).message;
  return (code === "#VALUE!" || code === "#N/A") && typeof message === "string" && message.trim() !== ""
    ? message
    : undefined;
}

/** Evaluates a formula to its value before it becomes a cell value (errors keep their message). */
function evaluateValue(formula: string, ctx: FormulaContext): Value {
  let node;
  try {
    node = parseFormula(formula);
  } catch {
    return new FormulaError("#NAME?");
  }
  const marked = markCustomCalls(node);
  const fn = (name: string): FormulaFunction | undefined =>
    name.startsWith(CALL_MARK) ? customFunction(marked.calls[Number(name.slice(1))]!, ctx) : BUILTINS[name];
  return evaluateNode(marked.node, {
    read: (row, col, sheet) => ctx.cell(row, col, sheet),
    fn,
    today: ctx.today ? () => ctx.today!() : () => todaySerial(),
  });
}

/**
 * Evaluates a formula (with or without the leading "=") to a cell value with the shared engine
 * (`src/workbook/formula`): built-ins, then the context's custom functions. Never throws: syntax
 * errors give "#NAME?" (as Excel would refuse them), runtime problems give the matching error text.
 */
export function evaluateFormula(formula: string, ctx: FormulaContext): FormulaResult {
  return resultOf(evaluateValue(formula, ctx));
}

/**
 * The custom function's message for a formula whose result is an error a custom function raised (see
 * {@link messageOf}), or undefined. An error that reached this cell through a reference carries no message (the
 * message belongs to the cell whose formula called the function).
 */
export function formulaErrorMessage(formula: string, ctx: FormulaContext): string | undefined {
  const v = single(evaluateValue(formula, ctx));
  return v instanceof FormulaError ? v.message : undefined;
}

/** The simulator's evaluator signature: a formula and where it sits → the cell's value. */
export type CellFormulaEvaluator = (
  formula: string,
  where: { sheet: string; row: number; col: number },
) => FormulaResult;

/** An evaluator that can also explain an error result: the custom function's message ({@link formulaErrorMessage}). */
export interface BoundEvaluator extends CellFormulaEvaluator {
  explain(formula: string, where: { sheet: string; row: number; col: number }): string | undefined;
}

/**
 * Binds {@link evaluateFormula} to a workbook: `readCell(sheet, row, col)` supplies referenced values (references
 * without a sheet name read the formula's own sheet) and `lookup` resolves custom functions.
 */
export function bindEvaluator(
  readCell: (sheet: string, row: number, col: number) => unknown,
  lookup: (name: string) => ((...args: unknown[]) => unknown) | undefined,
  today?: () => number,
  host?: HostCalls,
): BoundEvaluator {
  const ctx = (where: { sheet: string }): FormulaContext => ({
    cell: (row, col, sheet) => readCell(sheet ?? where.sheet, row, col),
    fn: lookup,
    ...(today ? { today } : {}),
    ...(host ? { host } : {}),
  });
  const evaluate = (formula: string, where: { sheet: string; row: number; col: number }) =>
    evaluateFormula(formula, ctx(where));
  return Object.assign(evaluate, {
    explain: (formula: string, where: { sheet: string; row: number; col: number }) =>
      formulaErrorMessage(formula, ctx(where)),
  });
}
