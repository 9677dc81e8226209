/**
 * The playground's one formula engine (no `eval`, no `new Function`): a lexer and parser producing one AST, and
 * one evaluator that serves both conditional-format rules ({@link evaluateFormula} here) and the simulated
 * workbook's cell formulas (`../formulaEval`, which adds TODAY/DATE/SUM, custom functions and error text).
 *
 * Grammar: comparisons (= <> < > <= >=), `&`, + - * / ^, unary +/-, postfix %, numbers, "strings", TRUE/FALSE,
 * error literals (#N/A …), cell references with optional `$` and optional `Sheet!` / `'My sheet'!` prefix
 * (relative parts shift by the evaluation offset dr/dc), ranges (`A1:B3` → 2-D array), array constants
 * (`{30,60;90,120}`), and function calls with omitted arguments (`F(,1)`). Built-in functions: AND, OR, NOT, IF,
 * LEN, ISBLANK, ISNUMBER, ISTEXT, ISERROR, ABS, UPPER, LOWER, TRIM, VALUE, MIN, MAX.
 * Comparisons follow Excel: text compares case-insensitively; numbers < text < booleans; a blank cell equals 0,
 * "" and FALSE. Errors travel as {@link FormulaError} values; arithmetic overflow is #NUM!.
 */
import { columnIndex } from "./address";
import { isErrorValue } from "./numberFormat";

export type Scalar = string | number | boolean;
/** Reads a cell (0-based); sheet is undefined for the formula's own sheet. "" for empty. */
export type CellReader = (row: number, col: number, sheet?: string) => Scalar;

/** An Excel error value travelling through evaluation. */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** A value during evaluation: `null` is an omitted argument, arrays come from ranges and array constants. */
export type Value = Scalar | FormulaError | Value[][] | null;
/** A function implementation; arguments are evaluated on demand (so IF evaluates one branch only). */
export type FormulaFunction = (args: (() => Value)[]) => Value;

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

/** Raised for formulas the parser (or, when strict, the evaluator) does not understand. */
export class FormulaSyntaxError extends Error {}

interface Tok {
  t: "num" | "str" | "err" | "ref" | "id" | "op" | "(" | ")" | "," | ";" | "{" | "}";
  v: string;
}

const REF =
  /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})(?![A-Za-z0-9_.(])/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OP = /^(<>|<=|>=|[=<>&+\-*/^%:])/;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    let tok: Tok | undefined;
    if (/\s/.test(ch)) {
      i++;
      continue;
    } else if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] !== '"') break;
          s += '"';
          j += 2;
        } else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    } else if (ch === "#") {
      const e = ERROR_TEXTS.find((x) => rest.toUpperCase().startsWith(x));
      if (!e) throw new FormulaSyntaxError("unknown error literal");
      tok = { t: "err", v: e };
      i += e.length;
      out.push(tok);
      continue;
    } else if ((m = NUMBER.exec(rest))) tok = { t: "num", v: m[0] };
    else if ((m = REF.exec(rest))) tok = { t: "ref", v: m[0] };
    else if (ch === "'") throw new FormulaSyntaxError("expected a cell reference");
    else if ((m = NAME.exec(rest))) tok = { t: "id", v: m[0].toUpperCase() };
    else if ((m = OP.exec(rest))) tok = { t: "op", v: m[0] };
    else if ("(),;{}".includes(ch)) tok = { t: ch as Tok["t"], v: ch };
    else throw new FormulaSyntaxError(`unexpected ${ch}`);
    out.push(tok);
    i += tok.v.length;
  }
  return out;
}

interface RefNode {
  k: "ref";
  sheet?: string;
  absR: boolean;
  absC: boolean;
  r: number;
  c: number;
}

export type Node =
  | { k: "lit"; v: Scalar | FormulaError | null }
  | RefNode
  | { k: "range"; a: RefNode; b: RefNode }
  | { k: "array"; rows: Value[][] }
  | { k: "name"; name: string }
  | { k: "un"; op: string; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "fn"; name: string; args: Node[] };

function refNode(text: string): RefNode {
  const m = REF.exec(text)!;
  const sheet = m[1] ? m[1].replace(/^'|'$/g, "").replace(/''/g, "'") : undefined;
  return {
    k: "ref",
    sheet,
    absC: m[2] === "$",
    c: columnIndex(m[3]),
    absR: m[4] === "$",
    r: Number(m[5]) - 1,
  };
}

function parse(tokens: Tok[]): Node {
  let p = 0;
  let depth = 0;
  const peek = (): Tok | undefined => tokens[p];
  const isOp = (...ops: string[]): boolean => peek()?.t === "op" && ops.includes(peek()!.v);
  const expect = (t: Tok["t"]): void => {
    if (peek()?.t !== t) throw new FormulaSyntaxError(`expected ${t}`);
    p++;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (isOp(...ops)) {
      const op = tokens[p++].v;
      a = { k: "bin", op, a, b: next() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp("+", "-")) {
      const op = tokens[p++].v;
      return { k: "un", op, a: unary() };
    }
    let a = primary();
    while (isOp("%")) {
      p++;
      a = { k: "un", op: "%", a };
    }
    return a;
  };
  const pow = binary(["^"], unary);
  const mul = binary(["*", "/"], pow);
  const add = binary(["+", "-"], mul);
  const concat = binary(["&"], add);
  const cmp = binary(["=", "<>", "<", ">", "<=", ">="], concat);
  const constant = (): Value => {
    const sign = isOp("-") ? -1 : 1;
    const signed = isOp("+", "-");
    if (signed) p++;
    const t = tokens[p++];
    if (t?.t === "num") return sign * Number(t.v);
    if (!signed && t?.t === "str") return t.v;
    if (!signed && t?.t === "err") return new FormulaError(t.v);
    if (!signed && t?.t === "id" && (t.v === "TRUE" || t.v === "FALSE")) return t.v === "TRUE";
    throw new FormulaSyntaxError("array constants hold constants only");
  };
  const primary = (): Node => {
    if (++depth > 200) throw new FormulaSyntaxError("too deeply nested");
    try {
      return primaryInner();
    } finally {
      depth--;
    }
  };
  const primaryInner = (): Node => {
    const t = tokens[p++];
    if (!t) throw new FormulaSyntaxError("unexpected end");
    switch (t.t) {
      case "num":
        return { k: "lit", v: Number(t.v) };
      case "str":
        return { k: "lit", v: t.v };
      case "err":
        return { k: "lit", v: new FormulaError(t.v) };
      case "(": {
        const e = cmp();
        expect(")");
        return e;
      }
      case "{": {
        const rows: Value[][] = [[constant()]];
        while (peek()?.t === "," || peek()?.t === ";") {
          if (tokens[p++].t === ";") rows.push([]);
          rows[rows.length - 1].push(constant());
        }
        expect("}");
        if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaSyntaxError("ragged array");
        return { k: "array", rows };
      }
      case "ref": {
        const a = refNode(t.v);
        if (!isOp(":")) return a;
        p++;
        const end = tokens[p++];
        if (end?.t !== "ref") throw new FormulaSyntaxError("expected a cell reference");
        const b = refNode(end.v);
        if (b.sheet !== undefined) throw new FormulaSyntaxError("unexpected sheet");
        return { k: "range", a, b: { ...b, sheet: a.sheet } };
      }
      case "id": {
        if (peek()?.t === "(") {
          p++;
          const args: Node[] = [];
          if (peek()?.t === ")") p++;
          else
            for (;;) {
              const omitted = peek()?.t === "," || peek()?.t === ")";
              args.push(omitted ? { k: "lit", v: null } : cmp());
              if (peek()?.t === ",") p++;
              else {
                expect(")");
                break;
              }
            }
          return { k: "fn", name: t.v, args };
        }
        if (t.v === "TRUE") return { k: "lit", v: true };
        if (t.v === "FALSE") return { k: "lit", v: false };
        return { k: "name", name: t.v };
      }
    }
    throw new FormulaSyntaxError(`unexpected ${t.v}`);
  };
  const node = cmp();
  if (p !== tokens.length) throw new FormulaSyntaxError("trailing input");
  return node;
}

const cache = new Map<string, Node>();

/** Parses (and caches) a formula; leading "=" optional. Throws {@link FormulaSyntaxError} on unknown syntax. */
export function parseFormula(formula: string): Node {
  const src = formula.trim().replace(/^=/, "");
  let node = cache.get(src);
  if (!node) {
    node = parse(lex(src));
    if (cache.size > 500) cache.clear();
    cache.set(src, node);
  }
  return node;
}

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

function toBool(v: Value): boolean | FormulaError {
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

/** Applies `f` to the coerced values, or returns the first error among them. */
function lift<T>(conv: (v: Value) => T | FormulaError, f: (...xs: T[]) => Value) {
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

/** Numbers of MIN/MAX arguments: direct arguments coerce, ranges and arrays contribute their numbers only. */
function numbersOf(args: (() => Value)[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    const v = a();
    if (Array.isArray(v)) {
      for (const x of v.flat()) {
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

/** The built-in functions every formula has (the conditional-format set). */
export const BUILTINS: Readonly<Record<string, FormulaFunction>> = {
  AND: lift(toBool, (...b) => b.every(Boolean)),
  OR: lift(toBool, (...b) => b.some(Boolean)),
  NOT: lift(toBool, (b) => !b),
  IF: (args) => {
    const c = toBool(args[0]?.() ?? null);
    if (c instanceof FormulaError) return c;
    if (c) return args[1] ? args[1]() : true;
    return args[2] ? args[2]() : false;
  },
  LEN: lift(toText, (s) => s.length),
  ISBLANK: (args) => single(args[0]()) === "",
  ISNUMBER: (args) => typeof single(args[0]()) === "number",
  ISTEXT: (args) => {
    const v = single(args[0]());
    return typeof v === "string" && v !== "";
  },
  ISERROR: (args) => single(args[0]()) instanceof FormulaError,
  ABS: lift(toNumber, Math.abs),
  UPPER: lift(toText, (s) => s.toUpperCase()),
  LOWER: lift(toText, (s) => s.toLowerCase()),
  TRIM: lift(toText, (s) => s.trim().replace(/ +/g, " ")),
  VALUE: lift(toNumber, (n) => n),
  MIN: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.max(...ns) : 0;
  },
};

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
      return f(n.args.map((a) => () => evaluateNode(a, env)));
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
export function evaluateFormula(formula: string, read: CellReader, dr = 0, dc = 0): Scalar {
  return resultOf(evaluateNode(parseFormula(formula), { read, dr, dc, strict: true }));
}

/** True when a conditional-format formula result means "apply the format". */
export function isTruthy(v: Scalar): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return false;
}
