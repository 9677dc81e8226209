/**
 * A tiny evaluator for conditional-format formulas (and cellValue rule operands), evaluated for one cell.
 *
 * Grammar: comparisons (= <> < > <= >=), `&`, + - * / ^, unary +/-, postfix %, numbers, "strings", TRUE/FALSE,
 * cell references with optional `$` and optional `Sheet!` prefix (relative parts shift by the offset of the
 * evaluated cell from the rule's top-left cell), and functions AND, OR, NOT, IF, LEN, ISBLANK, ISNUMBER, ISTEXT,
 * ISERROR, ABS, UPPER, LOWER, TRIM, VALUE, MIN, MAX. Anything else throws (callers treat it as "does not paint").
 * Comparisons follow Excel: text compares case-insensitively; numbers < text < booleans; a blank cell equals 0 and "".
 */
import { columnIndex } from "./address";
import { isErrorValue } from "./numberFormat";

export type Scalar = string | number | boolean;
/** Reads a cell (0-based); sheet is undefined for the rule's own sheet. "" for empty. */
export type CellReader = (row: number, col: number, sheet?: string) => Scalar;

interface Tok {
  t: "num" | "str" | "ref" | "id" | "op" | "(" | ")" | ",";
  v: string;
}

const REF =
  /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = /^\d+(\.\d*)?([eE][+-]?\d+)?|^\.\d+/.exec(rest);
    if (num) {
      out.push({ t: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new Error("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (id) {
      out.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[=<>&+\-*/^%])/.exec(rest);
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    throw new Error(`unexpected ${ch}`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet?: string; absR: boolean; absC: boolean; r: number; c: number }
  | { k: "un"; op: string; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "fn"; name: string; args: Node[] };

function parse(tokens: Tok[]): Node {
  let p = 0;
  const peek = (): Tok | undefined => tokens[p];
  const isOp = (...ops: string[]): boolean => peek()?.t === "op" && ops.includes(peek()!.v);
  const expect = (t: Tok["t"]): void => {
    if (peek()?.t !== t) throw new Error(`expected ${t}`);
    p++;
  };
  const cmp = (): Node => {
    let a = concat();
    while (isOp("=", "<>", "<", ">", "<=", ">=")) {
      const op = tokens[p++].v;
      a = { k: "bin", op, a, b: concat() };
    }
    return a;
  };
  const concat = (): Node => {
    let a = add();
    while (isOp("&")) {
      p++;
      a = { k: "bin", op: "&", a, b: add() };
    }
    return a;
  };
  const add = (): Node => {
    let a = mul();
    while (isOp("+", "-")) {
      const op = tokens[p++].v;
      a = { k: "bin", op, a, b: mul() };
    }
    return a;
  };
  const mul = (): Node => {
    let a = pow();
    while (isOp("*", "/")) {
      const op = tokens[p++].v;
      a = { k: "bin", op, a, b: pow() };
    }
    return a;
  };
  const pow = (): Node => {
    let a = unary();
    while (isOp("^")) {
      p++;
      a = { k: "bin", op: "^", a, b: unary() };
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
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new Error("unexpected end");
    if (t.t === "num") return { k: "lit", v: Number(t.v) };
    if (t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "(") {
      const e = cmp();
      expect(")");
      return e;
    }
    if (t.t === "ref") {
      const m = REF.exec(t.v)!;
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
    if (t.t === "id") {
      if (peek()?.t === "(") {
        p++;
        const args: Node[] = [];
        if (peek()?.t !== ")") {
          args.push(cmp());
          while (peek()?.t === ",") {
            p++;
            args.push(cmp());
          }
        }
        expect(")");
        return { k: "fn", name: t.v, args };
      }
      if (t.v === "TRUE") return { k: "lit", v: true };
      if (t.v === "FALSE") return { k: "lit", v: false };
    }
    throw new Error(`unexpected ${t.v}`);
  };
  const node = cmp();
  if (p !== tokens.length) throw new Error("trailing input");
  return node;
}

const cache = new Map<string, Node>();

/** Parses (and caches) a formula; leading "=" optional. Throws on syntax it does not know. */
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

class FormulaError extends Error {}

function toNumber(v: Scalar): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  if (isErrorValue(v)) throw new FormulaError(v);
  const n = Number(v.replace(/,/g, ""));
  if (v.trim() === "" || !Number.isFinite(n)) throw new FormulaError("#VALUE!");
  return n;
}

const toText = (v: Scalar): string => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

function toBool(v: Scalar): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === "") return false;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new FormulaError("#VALUE!");
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

function evalNode(n: Node, read: CellReader, dr: number, dc: number): Scalar {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref": {
      const v = read(n.absR ? n.r : n.r + dr, n.absC ? n.c : n.c + dc, n.sheet);
      return v;
    }
    case "un": {
      const a = evalNode(n.a, read, dr, dc);
      if (n.op === "-") return -toNumber(a);
      if (n.op === "%") return toNumber(a) / 100;
      return toNumber(a);
    }
    case "bin": {
      const a = evalNode(n.a, read, dr, dc);
      const b = evalNode(n.b, read, dr, dc);
      if (isErrorValue(a)) throw new FormulaError(a as string);
      if (isErrorValue(b)) throw new FormulaError(b as string);
      switch (n.op) {
        case "&":
          return toText(a) + toText(b);
        case "+":
          return toNumber(a) + toNumber(b);
        case "-":
          return toNumber(a) - toNumber(b);
        case "*":
          return toNumber(a) * toNumber(b);
        case "/": {
          const d = toNumber(b);
          if (d === 0) throw new FormulaError("#DIV/0!");
          return toNumber(a) / d;
        }
        case "^":
          return Math.pow(toNumber(a), toNumber(b));
        default: {
          const c = compareValues(a, b);
          if (n.op === "=") return c === 0;
          if (n.op === "<>") return c !== 0;
          if (n.op === "<") return c < 0;
          if (n.op === ">") return c > 0;
          if (n.op === "<=") return c <= 0;
          return c >= 0;
        }
      }
    }
    case "fn": {
      const args = (): Scalar[] => n.args.map((a) => evalNode(a, read, dr, dc));
      switch (n.name) {
        case "AND":
          return args().every(toBool);
        case "OR":
          return args().some(toBool);
        case "NOT":
          return !toBool(args()[0]);
        case "IF": {
          const c = toBool(evalNode(n.args[0], read, dr, dc));
          if (c) return n.args[1] ? evalNode(n.args[1], read, dr, dc) : true;
          return n.args[2] ? evalNode(n.args[2], read, dr, dc) : false;
        }
        case "LEN":
          return toText(args()[0]).length;
        case "ISBLANK":
          return args()[0] === "";
        case "ISNUMBER":
          return typeof args()[0] === "number";
        case "ISTEXT": {
          const v = args()[0];
          return typeof v === "string" && v !== "" && !isErrorValue(v);
        }
        case "ISERROR": {
          try {
            return isErrorValue(evalNode(n.args[0], read, dr, dc));
          } catch (e) {
            if (e instanceof FormulaError) return true;
            throw e;
          }
        }
        case "ABS":
          return Math.abs(toNumber(args()[0]));
        case "UPPER":
          return toText(args()[0]).toUpperCase();
        case "LOWER":
          return toText(args()[0]).toLowerCase();
        case "TRIM":
          return toText(args()[0]).trim().replace(/ +/g, " ");
        case "VALUE":
          return toNumber(args()[0]);
        case "MIN":
          return Math.min(...args().map(toNumber));
        case "MAX":
          return Math.max(...args().map(toNumber));
        default:
          throw new Error(`unknown function ${n.name}`);
      }
    }
  }
}

/**
 * Evaluates `formula` for the cell that is (dr, dc) away from the rule's anchor (top-left cell).
 * Returns the value, or an Excel error string ("#VALUE!", ...) when evaluation hits an error.
 * Throws for syntax or functions it does not support.
 */
export function evaluateFormula(formula: string, read: CellReader, dr = 0, dc = 0): Scalar {
  const node = parseFormula(formula);
  try {
    return evalNode(node, read, dr, dc);
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    throw e;
  }
}

/** True when a conditional-format formula result means "apply the format". */
export function isTruthy(v: Scalar): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return false;
}
