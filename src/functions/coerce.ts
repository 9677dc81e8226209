/**
 * Argument coercion for every AR.* function, driven by the parameter metadata (types.ts) — the only place that
 * reads Excel-shaped inputs:
 * - omitted optional arguments arrive as `null` (or `undefined`); an empty cell as `0` (Excel desktop) or `null`
 *   (Excel on the web), inside ranges as `0` (both) or `""` — see src/playground/customFunctions.ts HOST_ARGUMENTS
 *   for the sources; `emptyAsZero` / `zeroIsEmpty` on a parameter say which reading it takes;
 * - scalar parameters also accept a 1×1 range; larger ranges are `#VALUE!`;
 * - list parameters accept a scalar, a row, a column or a block, row by row, skipping empty cells;
 * - dates are serials (fractions dropped, < 1 = no date) or ISO / Chinese text;
 * - a cell error passed in is propagated unchanged (defensive: functions.json does not set allowErrorForDataTypeAny,
 *   so Excel shows an error argument itself and never calls the function with it).
 * Failures throw {@link ArgError} with a message naming the argument and the bad value.
 */
import { parseDateText } from "../engine/dates";
import { MAX_SERIAL } from "../engine/serial";
import { netTerms, nominalTermsDays, parseTerms, type PaymentTerms } from "../engine/terms";
import { ArgError, fail, isCellError, show } from "./errors";
import type { ParamSpec } from "./types";

/** Reads one raw argument into the value the implementation expects. */
export type Coercer = (raw: unknown) => unknown;

/** Marker for "not given" before the required/optional check. */
const EMPTY = null;

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
}

function rethrowCellError(p: ParamSpec, v: unknown): never {
  if (isCellError(v)) throw v;
  return fail("invalidValue", `${p.name}: unsupported value ${show(v)}`, `${p.name}：不支持的值 ${show(v)}`);
}

/** A scalar argument: unwraps a 1×1 range; a larger range is `#VALUE!`. */
function unwrap(p: ParamSpec, v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 1) {
    const row: unknown = v[0];
    if (!Array.isArray(row)) return row;
    if (row.length === 1) return row[0];
  } else if (v.length === 0) return null;
  return fail(
    "invalidValue",
    `${p.name}: expected a single cell, got ${show(v)}`,
    `${p.name}：应为单个单元格，实际为 ${show(v)}`,
  );
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i;

/** Number text (`"1200.5"`, `"1,200"`, `"5%"`) or `null` when the text is not a number. */
export function numberFromText(text: string): number | null {
  const t = text.trim().replace(/(?<=\d),(?=\d{3}(?:\D|$))/g, "");
  if (!NUMBER_TEXT.test(t)) return null;
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

function checkNumber(p: ParamSpec, n: number): number {
  if (!Number.isFinite(n)) {
    return fail(
      "invalidNumber",
      `${p.name}: ${show(n)} is not a finite number`,
      `${p.name}：${show(n)} 不是有限数`,
    );
  }
  if (p.integer && !Number.isInteger(n)) {
    return fail(
      "invalidValue",
      `${p.name}: expected a whole number, got ${show(n)}`,
      `${p.name}：应为整数，实际为 ${show(n)}`,
    );
  }
  if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
    const range = `${p.min ?? "-∞"}…${p.max ?? "∞"}`;
    return fail(
      "invalidNumber",
      `${p.name}: ${show(n)} is outside ${range}`,
      `${p.name}：${show(n)} 超出范围 ${range}`,
    );
  }
  return n;
}

/** One cell as a number, `null` when empty (before the param's empty rules). */
function cellNumber(p: ParamSpec, v: unknown): number | null {
  if (typeof v === "number") return v;
  if (isBlank(v)) return EMPTY;
  if (typeof v === "string") {
    const n = numberFromText(v);
    if (n !== null) return n;
    return fail(
      "invalidValue",
      `${p.name}: expected a number, got ${show(v)}`,
      `${p.name}：应为数字，实际为 ${show(v)}`,
    );
  }
  if (typeof v === "boolean") {
    return fail(
      "invalidValue",
      `${p.name}: expected a number, got ${show(v)}`,
      `${p.name}：应为数字，实际为 ${show(v)}`,
    );
  }
  return rethrowCellError(p, v);
}

function numberCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    let n = cellNumber(p, unwrap(p, raw));
    if (n === 0 && p.zeroIsEmpty) n = EMPTY;
    if (n === EMPTY) return p.emptyAsZero ? 0 : EMPTY;
    return checkNumber(p, n);
  };
}

/** One cell as a date serial; `null` for no date (empty, < 1). */
function cellDate(p: ParamSpec, v: unknown): number | null {
  if (typeof v === "number") {
    if (v >= 1 && v < MAX_SERIAL + 1) return Math.floor(v);
    if (v < 1) return EMPTY;
    return fail(
      "invalidNumber",
      `${p.name}: ${show(v)} is beyond the last Excel date (9999-12-31)`,
      `${p.name}：${show(v)} 超出 Excel 最大日期 (9999-12-31)`,
    );
  }
  if (isBlank(v)) return EMPTY;
  if (typeof v === "string") {
    const s = parseDateText(v);
    if (s !== null) return s;
    return fail(
      "invalidValue",
      `${p.name}: ${show(v)} is not a date (use a date serial, 2025-01-15 or 2025年1月15日)`,
      `${p.name}：${show(v)} 不是日期（请用日期序列号、2025-01-15 或 2025年1月15日）`,
    );
  }
  if (typeof v === "boolean") {
    return fail("invalidValue", `${p.name}: ${show(v)} is not a date`, `${p.name}：${show(v)} 不是日期`);
  }
  return rethrowCellError(p, v);
}

function dateCoercer(p: ParamSpec): Coercer {
  return (raw) =>
    typeof raw === "number" && raw >= 1 && raw <= MAX_SERIAL ? Math.floor(raw) : cellDate(p, unwrap(p, raw));
}

function badTerms(text: string): never {
  return fail(
    "invalidValue",
    `unrecognised payment terms: ${JSON.stringify(text)}`,
    `无法识别的付款条件：${JSON.stringify(text)}`,
  );
}

function termsFromValue(p: ParamSpec, v: unknown): PaymentTerms | null {
  if (typeof v === "string") {
    const parsed = parseTerms(v);
    if (parsed !== null) return parsed;
    return isBlank(v) ? EMPTY : badTerms(v);
  }
  if (typeof v === "number") {
    if (v === 0) return EMPTY;
    if (v > 0 && Number.isInteger(v) && v <= MAX_SERIAL) return netTerms(v);
    return badTerms(String(v));
  }
  if (isBlank(v)) return EMPTY;
  if (typeof v === "boolean") return badTerms(String(v).toUpperCase());
  return rethrowCellError(p, v);
}

function termsCoercer(p: ParamSpec): Coercer {
  return (raw) => termsFromValue(p, unwrap(p, raw));
}

function termsDaysCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    const v = unwrap(p, raw);
    if (typeof v === "string" && numberFromText(v) === null && !isBlank(v)) {
      const terms = parseTerms(v);
      return terms === null ? badTerms(v) : nominalTermsDays(terms);
    }
    const n = cellNumber(p, v);
    if (n === EMPTY) return p.emptyAsZero ? 0 : EMPTY;
    return checkNumber(p, n);
  };
}

const TRUE_TEXT = new Set(["true", "yes", "y", "1", "是", "真"]);
const FALSE_TEXT = new Set(["false", "no", "n", "0", "否", "假"]);

function booleanCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    const v = unwrap(p, raw);
    if (typeof v === "boolean") return v;
    if (typeof v === "number")
      return Number.isFinite(v) ? v !== 0 : fail("invalidNumber", `${p.name}: ${show(v)}`);
    if (isBlank(v)) return EMPTY;
    if (typeof v === "string") {
      const t = v.trim().toLowerCase();
      if (TRUE_TEXT.has(t)) return true;
      if (FALSE_TEXT.has(t)) return false;
      return fail(
        "invalidValue",
        `${p.name}: expected TRUE or FALSE, got ${show(v)}`,
        `${p.name}：应为 TRUE 或 FALSE，实际为 ${show(v)}`,
      );
    }
    return rethrowCellError(p, v);
  };
}

/** Key for `choices`: lower case without spaces, hyphens, underscores, dots or quotes. */
export function choiceKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_.'"′″]+/g, "");
}

function stringCoercer(p: ParamSpec): Coercer {
  const choices = p.choices;
  return (raw) => {
    const v = unwrap(p, raw);
    if (isBlank(v) || (v === 0 && p.zeroIsEmpty)) return EMPTY;
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
      return rethrowCellError(p, v);
    const text = String(v).trim();
    if (!choices) return text;
    const value = choices[choiceKey(text)];
    if (value !== undefined) return value;
    const allowed = [...new Set(Object.values(choices))].map((c) => JSON.stringify(c)).join(", ");
    return fail(
      "invalidValue",
      `${p.name}: ${show(v)} is not one of ${allowed}`,
      `${p.name}：${show(v)} 不是 ${allowed} 之一`,
    );
  };
}

/** Visit every cell of a scalar, a 1-D or a 2-D range, row by row. */
function forEachCell(raw: unknown, visit: (cell: unknown) => void): void {
  if (!Array.isArray(raw)) {
    visit(raw);
    return;
  }
  for (const row of raw) {
    if (Array.isArray(row)) for (const cell of row) visit(cell);
    else visit(row);
  }
}

/** Every cell of a range given (`null` for empty ones, even when all are empty); `null` only when omitted. */
function numberCellsCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    if (raw === null || raw === undefined) return EMPTY;
    const out: (number | null)[] = [];
    forEachCell(raw, (cell) => {
      let n = cellNumber(p, cell);
      if (n === 0 && p.zeroIsEmpty) n = EMPTY;
      out.push(n === EMPTY ? EMPTY : checkNumber(p, n));
    });
    return out;
  };
}

function numberListCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    if (raw === null || raw === undefined) return EMPTY;
    const out: number[] = [];
    forEachCell(raw, (cell) => {
      const n = cellNumber(p, cell);
      if (n !== EMPTY && !(n === 0 && p.zeroIsEmpty)) out.push(checkNumber(p, n));
    });
    return out.length === 0 ? EMPTY : out;
  };
}

function stringListCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    if (raw === null || raw === undefined) return EMPTY;
    const out: string[] = [];
    forEachCell(raw, (cell) => {
      if (isBlank(cell) || (cell === 0 && p.zeroIsEmpty)) return;
      if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean")
        out.push(String(cell).trim());
      else rethrowCellError(p, cell);
    });
    return out.length === 0 ? EMPTY : out;
  };
}

const NO_HOLIDAYS: ReadonlySet<number> = new Set<number>();

function holidaysCoercer(p: ParamSpec): Coercer {
  return (raw) => {
    if (raw === null || raw === undefined) return EMPTY;
    const single =
      Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1
        ? raw[0][0]
        : raw;
    if (typeof single === "boolean") return single ? NO_HOLIDAYS : EMPTY;
    const set = new Set<number>();
    forEachCell(raw, (cell) => {
      const s = cellDate(p, cell);
      if (s !== EMPTY) set.add(s);
    });
    return set.size === 0 ? NO_HOLIDAYS : set;
  };
}

const FACTORIES: Readonly<Record<ParamSpec["kind"], (p: ParamSpec) => Coercer>> = {
  number: numberCoercer,
  date: dateCoercer,
  terms: termsCoercer,
  termsDays: termsDaysCoercer,
  boolean: booleanCoercer,
  string: stringCoercer,
  numberCells: numberCellsCoercer,
  numberList: numberListCoercer,
  stringList: stringListCoercer,
  holidays: holidaysCoercer,
};

/**
 * The coercer for one parameter, including the "required" rule: a required parameter that ends up not given is
 * `#N/A` ("<name> is empty") unless the parameter allows empty values. Built once per parameter.
 */
export function makeCoercer(p: ParamSpec): Coercer {
  const base = FACTORIES[p.kind](p);
  if (p.optional || p.allowEmpty) return base;
  return (raw) => {
    const v = base(raw);
    if (v === EMPTY) {
      throw new ArgError("notAvailable", `${p.name} is empty`, `${p.name} 为空`);
    }
    return v;
  };
}
