/**
 * Criteria as COUNTIF, SUMIF, COUNTIFS and SUMIFS read them, and Excel's wildcard matching (also used by the exact
 * modes of MATCH and VLOOKUP).
 *
 * Sources:
 * - COUNTIF (https://support.microsoft.com/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34): a
 *   criterion is "a number, expression, cell reference, or text string" (`32`, `">32"`, `B4`, `"apples"`, `"32"`);
 *   "You can use wildcard characters—the question mark (?) and asterisk (*)—in criteria. A question mark matches any
 *   single character, and an asterisk matches any sequence of characters. If you want to find an actual question
 *   mark or asterisk, type a tilde (~) in front of the character"; text criteria are not case-sensitive.
 * - COUNTIFS (https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842): "If the
 *   criteria argument is a reference to an empty cell, the COUNTIFS function treats the empty cell as a 0 value";
 *   `"="` counts blank cells, `"<>"` non-blank ones, `""` blank cells and cells holding empty text.
 * - The operand after the operator is read as typed into a cell (`">=45000"`, `">=1/1/2025"`, `"50%"`, `"TRUE"`),
 *   and a numeric criterion also matches text cells that read as that number: COUNTIF with `=` converts the data's
 *   text numbers to numbers (Charles Williams, "Strange COUNTIF behaviour",
 *   https://fastexcel.wordpress.com/2013/01/18/the-speedtools-filter-ifs-function-design-part-3-excel-data-types-strange-countif-behaviour/).
 * - Other comparisons follow Excel's rules for the operand's type: a number criterion with `<`/`>` matches numbers
 *   only, a text criterion text only, and `<>x` matches every cell that is not equal to x (blanks and other types
 *   included).
 */
import { ymdFromSerial } from "../../../engine/serial";
import { parseTyped } from "../../entry";
import { type Value, FormulaError, single } from "../values";

/** A compiled criterion: true when a cell value meets it. */
export type Criterion = (v: Value) => boolean;

/** Excel wildcards (`*`, `?`, `~` escapes) as an anchored, case-insensitive regular expression. */
export function wildcardPattern(text: string): RegExp {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "~" && i + 1 < text.length && "*?~".includes(text[i + 1]!)) {
      out += `\\${text[++i]}`;
    } else if (ch === "*") out += "[\\s\\S]*";
    else if (ch === "?") out += "[\\s\\S]";
    else out += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "i");
}

/** True when text holds an unescaped `*` or `?`. */
export function hasWildcard(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "~") i++;
    else if (text[i] === "*" || text[i] === "?") return true;
  }
  return false;
}

/** A text cell's number as typed entry reads it (`"12"`, `"1,200"`, `"5%"`, a date text), else null. */
function numberInText(s: string, thisYear: () => number): number | null {
  if (s.trim() === "") return null;
  const e = parseTyped(s, thisYear);
  return typeof e.value === "number" ? e.value : null;
}

const compare = (op: string, c: number): boolean => {
  switch (op) {
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
    case "<>":
      return c !== 0;
    default:
      return c === 0;
  }
};

/**
 * Compiles a criterion argument (a 1×1 range counts as its value; a larger range uses its top-left cell, as the
 * implicit intersection of older Excel would pick one value). `today` gives the year for dates typed without one;
 * `reference` tells a referenced empty cell (the criterion 0) from the text "" (blank cells).
 */
export function compileCriterion(arg: Value, today: () => number, reference = false): Criterion {
  const first = Array.isArray(arg) ? (arg[0]?.[0] ?? "") : arg;
  const raw = single(Array.isArray(first) ? "" : first);
  const thisYear = () => ymdFromSerial(Math.max(1, Math.floor(today()))).year;
  if (raw instanceof FormulaError) {
    return (v) => v instanceof FormulaError && v.code === raw.code;
  }
  // An omitted criterion or a reference to an empty cell is 0 (COUNTIFS reference).
  if (raw === null || (raw === "" && reference)) return byNumber("=", 0, thisYear);
  if (typeof raw === "number") return byNumber("=", raw, thisYear);
  if (typeof raw === "boolean") return (v) => v === raw;
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(raw)!;
  const op = m[1] ?? "=";
  const operand = m[2]!;
  if (operand === "") {
    // "" and "=" count blank cells; "<>" counts non-blank cells.
    return op === "<>" ? (v) => !isBlank(v) : op === "=" ? isBlank : () => false;
  }
  const typed = parseTyped(operand, thisYear);
  if (typed.formula === undefined && typeof typed.value === "number")
    return byNumber(op, typed.value, thisYear);
  if (typed.formula === undefined && typeof typed.value === "boolean") {
    const b = typed.value;
    return (v) => (typeof v === "boolean" ? compare(op, Number(v) - Number(b)) : op === "<>");
  }
  const errorCode = operand.trim().toUpperCase();
  if (errorCode.startsWith("#")) {
    return (v) => {
      const same = v instanceof FormulaError && v.code === errorCode;
      return op === "<>" ? !same : op === "=" ? same : false;
    };
  }
  return byText(op, operand);
}

const isBlank = (v: Value): boolean => v === "" || v === null;

function byNumber(op: string, n: number, thisYear: () => number): Criterion {
  return (v) => {
    let x: number | null = null;
    if (typeof v === "number") x = v;
    else if (typeof v === "string") x = numberInText(v, thisYear);
    if (x === null) return op === "<>";
    return compare(op, x - n);
  };
}

function byText(op: string, text: string): Criterion {
  if ((op === "=" || op === "<>") && hasWildcard(text)) {
    const re = wildcardPattern(text);
    return (v) => {
      const hit = typeof v === "string" && v !== "" && re.test(v);
      return op === "=" ? hit : !hit;
    };
  }
  if (op === "=" || op === "<>") {
    const plain = unescapeTildes(text).toLowerCase();
    return (v) => {
      const hit = typeof v === "string" && v.toLowerCase() === plain;
      return op === "=" ? hit : !hit;
    };
  }
  const target = text.toLowerCase();
  return (v) => {
    if (typeof v !== "string" || v === "") return false;
    const x = v.toLowerCase();
    return compare(op, x < target ? -1 : x > target ? 1 : 0);
  };
}

/** `~*` → `*`, `~?` → `?`, `~~` → `~` (a criterion without wildcards may still escape them). */
function unescapeTildes(text: string): string {
  return text.replace(/~([*?~])/g, "$1");
}

/** The cells of a range or array argument in row order with the shape; a scalar is a 1×1 range. */
export function grid(v: Value): { rows: number; cols: number; cells: Value[] } {
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = v[0]?.length ?? 0;
    return { rows, cols, cells: v.flat() };
  }
  return { rows: 1, cols: 1, cells: [v === null ? "" : v] };
}
