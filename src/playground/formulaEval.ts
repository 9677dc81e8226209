/**
 * A small, safe formula evaluator for the playground's simulated workbook (no `eval`, no `new Function`).
 *
 * Supported: numbers (`1`, `1.5`, `1e3`), strings (`"a""b"`), `TRUE`/`FALSE`, error literals (`#N/A`), cell
 * references (`A1`, `$A$1`, `Sheet1!A1`, `'My sheet'!A1`), ranges (`A1:B3` → 2-D array), array constants
 * (`{30,60,90}`), `+ - * / ^`, unary minus, `&` (text join), comparisons (`= <> < > <= >=`), parentheses, and
 * function calls: `TODAY()`, `DATE(y,m,d)`, `SUM(...)`, and any custom function the context resolves (e.g.
 * `AR.DUEDATE(C2,"Net 30")`). Errors are returned as Excel error text (`#VALUE!`, `#NAME?`, `#DIV/0!` …).
 *
 * `TODAY()` is the serial of the current date taken in UTC components (so every browser shows the same day at
 * the same instant, whatever its time zone); tests inject `today` through the context.
 */
import { serialFromYmd } from "../engine/serial";
import { CustomFunctionsErrorCode } from "./sim/host";

export type Scalar = string | number | boolean;
export type FormulaResult = Scalar;

/** What the evaluator needs from its host. Rows and columns are 0-based. */
export interface FormulaContext {
  /** Value of a cell ("" when empty); `sheet` is undefined for the formula's own sheet. */
  cell(row: number, col: number, sheet?: string): unknown;
  /** A callable for a function name as written, upper-cased (e.g. "AR.DUEDATE"); undefined when unknown. */
  fn?(name: string): ((...args: unknown[]) => unknown) | undefined;
  /** Today's serial; defaults to {@link todaySerialUtc}. */
  today?(): number;
}

/** An Excel error value travelling through evaluation. */
export class FormulaError {
  constructor(readonly code: string) {}
}

type Value = Scalar | FormulaError | Value[][] | null;

/** Today's date as an Excel serial, from the UTC calendar components of `now`. */
export function todaySerialUtc(now: Date = new Date()): number {
  return serialFromYmd(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()) ?? 0;
}

const ERROR_TEXTS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#BUSY!", "#CALC!"];

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
export function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface Ref {
  sheet?: string;
  row: number;
  col: number;
}

class ParseFail extends Error {}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})/;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.]*/;
const NUMBER_RE = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** Recursive-descent parser that evaluates as it parses (formulas are short). */
class Evaluator {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly ctx: FormulaContext,
  ) {}

  run(): Value {
    const value = this.comparison();
    this.skip();
    if (this.pos < this.src.length) throw new ParseFail(`unexpected "${this.src[this.pos]}"`);
    return value;
  }

  private skip(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  private peek(s: string): boolean {
    this.skip();
    return this.src.startsWith(s, this.pos);
  }

  private eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.eat(s)) throw new ParseFail(`expected "${s}"`);
  }

  private comparison(): Value {
    let left = this.concat();
    for (;;) {
      const op = ["<>", "<=", ">=", "=", "<", ">"].find((o) => this.peek(o));
      if (!op) return left;
      this.pos += op.length;
      left = compare(op, left, this.concat());
    }
  }

  private concat(): Value {
    let left = this.additive();
    while (this.eat("&")) {
      const right = this.additive();
      const a = toText(left);
      const b = toText(right);
      left = a instanceof FormulaError ? a : b instanceof FormulaError ? b : a + b;
    }
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    for (;;) {
      if (this.eat("+")) left = arith(left, this.multiplicative(), (a, b) => a + b);
      else if (this.eat("-")) left = arith(left, this.multiplicative(), (a, b) => a - b);
      else return left;
    }
  }

  private multiplicative(): Value {
    let left = this.power();
    for (;;) {
      if (this.eat("*")) left = arith(left, this.power(), (a, b) => a * b);
      else if (this.eat("/"))
        left = arith(left, this.power(), (a, b) => (b === 0 ? new FormulaError("#DIV/0!") : a / b));
      else return left;
    }
  }

  private power(): Value {
    let left = this.unary();
    while (this.eat("^")) left = arith(left, this.unary(), (a, b) => a ** b);
    return left;
  }

  private unary(): Value {
    if (this.eat("-")) return arith(0, this.unary(), (a, b) => a - b);
    if (this.eat("+")) return this.unary();
    return this.primary();
  }

  private primary(): Value {
    this.skip();
    if (++this.depth > 200) throw new ParseFail("too deeply nested");
    try {
      return this.primaryInner();
    } finally {
      this.depth--;
    }
  }

  private primaryInner(): Value {
    const rest = this.src.slice(this.pos);
    if (this.eat("(")) {
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (rest.startsWith('"')) return this.string();
    if (rest.startsWith("{")) return this.arrayConstant();
    if (rest.startsWith("#")) return this.errorLiteral(rest);
    const num = NUMBER_RE.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return Number(num[0]);
    }
    if (rest.startsWith("'")) return this.reference(this.quotedSheet());
    const sheetPrefix = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(rest);
    if (sheetPrefix) {
      this.pos += sheetPrefix[0].length;
      return this.reference(sheetPrefix[1]);
    }
    const name = NAME_RE.exec(rest);
    if (
      name &&
      this.src
        .slice(this.pos + name[0].length)
        .trimStart()
        .startsWith("(")
    ) {
      this.pos += name[0].length;
      return this.call(name[0].toUpperCase());
    }
    const cell = CELL_RE.exec(rest);
    if (cell && !/^[A-Za-z0-9_.]/.test(rest.slice(cell[0].length))) return this.reference(undefined);
    if (name) {
      this.pos += name[0].length;
      const word = name[0].toUpperCase();
      if (word === "TRUE") return true;
      if (word === "FALSE") return false;
      return new FormulaError("#NAME?");
    }
    throw new ParseFail(rest ? `unexpected "${rest[0]}"` : "unexpected end");
  }

  private string(): string {
    let out = "";
    this.pos++; // opening quote
    for (;;) {
      if (this.pos >= this.src.length) throw new ParseFail("unterminated string");
      const ch = this.src[this.pos++];
      if (ch === '"') {
        if (this.src[this.pos] === '"') {
          out += '"';
          this.pos++;
        } else return out;
      } else out += ch;
    }
  }

  private quotedSheet(): string {
    let out = "";
    this.pos++;
    for (;;) {
      if (this.pos >= this.src.length) throw new ParseFail("unterminated sheet name");
      const ch = this.src[this.pos++];
      if (ch === "'") {
        if (this.src[this.pos] === "'") {
          out += "'";
          this.pos++;
        } else break;
      } else out += ch;
    }
    this.expect("!");
    return out;
  }

  private errorLiteral(rest: string): FormulaError {
    const text = ERROR_TEXTS.find((e) => rest.toUpperCase().startsWith(e));
    if (!text) throw new ParseFail("unknown error literal");
    this.pos += text.length;
    return new FormulaError(text);
  }

  private arrayConstant(): Value[][] {
    this.expect("{");
    const rows: Value[][] = [[]];
    for (;;) {
      const v = this.unary();
      if (Array.isArray(v)) throw new ParseFail("nested array");
      rows[rows.length - 1].push(v);
      if (this.eat(",")) continue;
      if (this.eat(";")) {
        rows.push([]);
        continue;
      }
      this.expect("}");
      if (rows.some((r) => r.length !== rows[0].length)) throw new ParseFail("ragged array");
      return rows;
    }
  }

  private cellRef(sheet: string | undefined): Ref {
    this.skip();
    const m = CELL_RE.exec(this.src.slice(this.pos));
    if (!m) throw new ParseFail("expected a cell reference");
    this.pos += m[0].length;
    return { sheet, row: Number(m[2]) - 1, col: columnFromLetters(m[1]) };
  }

  private reference(sheet: string | undefined): Value {
    const a = this.cellRef(sheet);
    if (!this.eat(":")) return normalise(this.ctx.cell(a.row, a.col, sheet));
    const b = this.cellRef(sheet);
    const out: Value[][] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      const row: Value[] = [];
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        row.push(normalise(this.ctx.cell(r, c, sheet)));
      }
      out.push(row);
    }
    return out;
  }

  private call(name: string): Value {
    this.expect("(");
    const args: Value[] = [];
    if (!this.eat(")")) {
      for (;;) {
        args.push(this.peek(",") || this.peek(")") ? null : this.comparison());
        if (this.eat(",")) continue;
        this.expect(")");
        break;
      }
    }
    return this.apply(name, args);
  }

  private apply(name: string, args: Value[]): Value {
    switch (name) {
      case "TODAY":
        return this.ctx.today ? this.ctx.today() : todaySerialUtc();
      case "DATE": {
        const [y, m, d] = args.map(toNumber);
        for (const x of [y, m, d]) if (x instanceof FormulaError) return x;
        return (
          serialFromYmd(Math.trunc(y as number), Math.trunc(m as number), Math.trunc(d as number)) ??
          new FormulaError("#NUM!")
        );
      }
      case "SUM": {
        let total = 0;
        for (const a of args.flatMap((x) => (Array.isArray(x) ? x.flat() : [x]))) {
          if (a instanceof FormulaError) return a;
          if (typeof a === "number") total += a;
        }
        return total;
      }
    }
    const fn = this.ctx.fn?.(name);
    if (!fn) return new FormulaError("#NAME?");
    const callArgs: unknown[] = args.map(toExternal);
    while (callArgs.length < fn.length) callArgs.push(null);
    try {
      return fromExternal(fn(...callArgs));
    } catch (err) {
      return new FormulaError(errorText(err));
    }
  }
}

function normalise(v: unknown): Value {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return ERROR_TEXTS.includes(v) ? new FormulaError(v) : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return new FormulaError("#VALUE!");
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

function single(v: Value): Value {
  if (!Array.isArray(v)) return v;
  return v.length === 1 && v[0].length === 1 ? v[0][0] : new FormulaError("#VALUE!");
}

function toNumber(v: Value): number | FormulaError {
  const s = single(v);
  if (s instanceof FormulaError) return s;
  if (s === null || s === "") return 0;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  if (Array.isArray(s)) return new FormulaError("#VALUE!");
  const n = Number(s.trim());
  return s.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

function toText(v: Value): string | FormulaError {
  const s = single(v);
  if (s instanceof FormulaError) return s;
  if (s === null) return "";
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  if (Array.isArray(s)) return new FormulaError("#VALUE!");
  return String(s);
}

function arith(a: Value, b: Value, op: (x: number, y: number) => number | FormulaError): Value {
  const x = toNumber(a);
  if (x instanceof FormulaError) return x;
  const y = toNumber(b);
  if (y instanceof FormulaError) return y;
  const r = op(x, y);
  return typeof r === "number" && !Number.isFinite(r) ? new FormulaError("#NUM!") : r;
}

function compare(op: string, a: Value, b: Value): Value {
  const x = single(a);
  const y = single(b);
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  const cmp = order(x ?? "", y ?? "");
  switch (op) {
    case "=":
      return cmp === 0;
    case "<>":
      return cmp !== 0;
    case "<":
      return cmp < 0;
    case ">":
      return cmp > 0;
    case "<=":
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}

/** Excel's ordering: numbers < text (case-insensitive) < booleans; an empty cell is 0 or "" as needed. */
function order(x: Value, y: Value): number {
  if (x === "" && typeof y === "number") x = 0;
  if (y === "" && typeof x === "number") y = 0;
  const rank = (v: Value): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const byType = rank(x) - rank(y);
  if (byType !== 0) return byType;
  const p = typeof x === "string" ? x.toLowerCase() : Number(x);
  const q = typeof y === "string" ? y.toLowerCase() : Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

/**
 * Evaluates a formula (with or without the leading "=") to a cell value. Never throws: syntax errors give
 * "#NAME?" (as Excel would refuse them), runtime problems give the matching error text.
 */
export function evaluateFormula(formula: string, ctx: FormulaContext): FormulaResult {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  let value: Value;
  try {
    value = new Evaluator(src, ctx).run();
  } catch {
    return "#NAME?";
  }
  const s = single(value);
  if (s instanceof FormulaError) return s.code;
  if (s === null) return 0;
  if (Array.isArray(s)) return "#VALUE!";
  return s;
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
