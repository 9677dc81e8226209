/** The one interpreter: evaluates a parsed formula against a cell reader and a function table. */
import { BUILTINS, localSerial } from "./functions";
import { type Node, type RefNode, FormulaSyntaxError, parseFormula } from "./parser";
import {
  type CellReader,
  type FormulaFunction,
  type Scalar,
  type Value,
  FormulaError,
  compareValues,
  normalise,
  single,
  toNumber,
  toText,
} from "./values";

const COMPARE: Record<string, (c: number) => boolean> = {
  "=": (c) => c === 0,
  "<>": (c) => c !== 0,
  "<": (c) => c < 0,
  ">": (c) => c > 0,
  "<=": (c) => c <= 0,
  ">=": (c) => c >= 0,
};

const ARITH: Record<string, (x: number, y: number) => number | FormulaError> = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "*": (x, y) => x * y,
  "/": (x, y) => (y === 0 ? new FormulaError("#DIV/0!") : x / y),
  "^": (x, y) => x ** y,
};

function finite(r: number | FormulaError): Value {
  return typeof r === "number" && !Number.isFinite(r) ? new FormulaError("#NUM!") : r;
}

/** Where and how a formula is evaluated. */
export interface EvalEnv {
  /** Value of a cell (0-based; "" or null/undefined when empty); `sheet` undefined = the formula's own sheet. */
  read(row: number, col: number, sheet?: string): unknown;
  /** Offset of the evaluated cell from the anchor; relative references shift by it. */
  dr?: number;
  dc?: number;
  /** Resolves a function name (upper-cased as written); defaults to {@link BUILTINS}. */
  fn?(name: string): FormulaFunction | undefined;
  /** When true, unknown names and functions throw {@link FormulaSyntaxError}; otherwise they are #NAME?. */
  strict?: boolean;
  /** Today's serial for TODAY(); default: the local calendar date of this machine's clock. */
  today?: () => number;
}

/** Evaluates a parsed formula. Errors are returned as {@link FormulaError} values. */
export function evaluateNode(n: Node, env: EvalEnv): Value {
  const at = (ref: RefNode): [number, number] => [
    ref.absR ? ref.r : ref.r + (env.dr ?? 0),
    ref.absC ? ref.c : ref.c + (env.dc ?? 0),
  ];
  switch (n.k) {
    case "lit":
      return n.v;
    case "array":
      return n.rows;
    case "ref": {
      const [r, c] = at(n);
      return normalise(env.read(r, c, n.sheet));
    }
    case "range": {
      const [r0, c0] = at(n.a);
      const [r1, c1] = at(n.b);
      const out: Value[][] = [];
      for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) {
        const row: Value[] = [];
        for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++)
          row.push(normalise(env.read(r, c, n.a.sheet)));
        out.push(row);
      }
      return out;
    }
    case "name":
      if (env.strict) throw new FormulaSyntaxError(`unknown name ${n.name}`);
      return new FormulaError("#NAME?");
    case "un": {
      const a = evaluateNode(n.a, env);
      if (n.op === "+") return a;
      const x = toNumber(a);
      if (x instanceof FormulaError) return x;
      return n.op === "-" ? -x : x / 100;
    }
    case "bin": {
      const a = single(evaluateNode(n.a, env));
      const b = single(evaluateNode(n.b, env));
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      if (n.op === "&") return (toText(a) as string) + (toText(b) as string);
      const arith = ARITH[n.op];
      if (!arith) return COMPARE[n.op](compareValues(a ?? "", b ?? ""));
      const x = toNumber(a);
      if (x instanceof FormulaError) return x;
      const y = toNumber(b);
      if (y instanceof FormulaError) return y;
      return finite(arith(x, y));
    }
    case "fn": {
      const f = env.fn ? env.fn(n.name) : BUILTINS[n.name];
      if (!f) {
        if (env.strict) throw new FormulaSyntaxError(`unknown function ${n.name}`);
        return new FormulaError("#NAME?");
      }
      return f(
        n.args.map((a) =>
          Object.assign(() => evaluateNode(a, env), { reference: a.k === "ref" || a.k === "range" }),
        ),
        { today: env.today ?? (() => localSerial()) },
      );
    }
  }
}

/** A finished value as a cell value: errors as their text, omitted as 0, a multi-cell array #VALUE!. */
export function resultOf(v: Value): Scalar {
  const s = single(v);
  if (s instanceof FormulaError) return s.code;
  return s === null ? 0 : s;
}

/**
 * Evaluates a conditional-format `formula` for the cell that is (dr, dc) away from the rule's anchor (top-left
 * cell), with the built-in functions only. Returns the value, or an Excel error string ("#VALUE!", ...) when
 * evaluation hits an error. Throws for syntax, names or functions it does not support.
 */
export function evaluateFormula(
  formula: string,
  read: CellReader,
  dr = 0,
  dc = 0,
  today?: () => number,
): Scalar {
  return resultOf(
    evaluateNode(parseFormula(formula), { read, dr, dc, strict: true, ...(today ? { today } : {}) }),
  );
}

/** True when a conditional-format formula result means "apply the format". */
export function isTruthy(v: Scalar): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return false;
}
