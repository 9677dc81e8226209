/** The formula lexer and parser: one AST for cell formulas and conditional-format rules. */
import { columnIndex } from "../address";
import { ERROR_TEXTS, FormulaError, type Scalar, type Value } from "./values";

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

export interface RefNode {
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
