/**
 * Value entry: what a value written through `Range.values` / `formulas` (or typed into a cell) becomes. Excel parses
 * a written string as if it were typed; only a cell formatted as text (`@`) keeps it as it is. Sources, per rule:
 *
 * - Range.values (@types/office-js doc comment): "If the returned value starts with a plus ("+"), minus ("-"), or
 *   equal sign ("="), Excel interprets this value as a formula." A `+`/`-` text that is not a number becomes the
 *   formula `=<text>` (as typing "-A1" gives `=-A1`); a leading `@` is the Lotus formula prefix Excel still accepts
 *   ("@SUM(A1)" → `=SUM(A1)`).
 * - A leading apostrophe makes the rest text and is not part of the value: "Type an apostrophe (') before you enter
 *   a number, such as '11-53 or '1/47. The apostrophe isn't displayed in the cell"
 *   (https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 *   The same page: "Excel is preprogrammed to make it easier to enter dates. For example, 12/2 changes to 2-Dec",
 *   and formatting the cells as Text first keeps what is typed (also
 *   https://support.microsoft.com/office/format-numbers-as-text-583160db-35e7-4abe-8ba4-3263c3f3f9c6).
 * - Dates (en-US order month/day, as Range.values documents: "Locale-shaped strings … are stored as text … use a
 *   locale-neutral format like ISO (YYYY-MM-DD)"): `m/d`, `m-d` (this year, format d-mmm; when the second part cannot
 *   be a day of that month it is a year: `2-30` → Feb 1930, format mmm-yy), `m/d/yy(yy)`, `yyyy-m-d`, `yyyy/m/d`
 *   (format m/d/yyyy), `d-mmm(-yy)`, `mmm d(, yyyy)`, `mmm-yy`; and the zh-CN forms `yyyy年m月d日`, `m月d日`,
 *   `yyyy年m月` (https://support.microsoft.com/office/format-a-date-the-way-you-want-8e10019e-d5d8-47a1-ba95-db95123d273e).
 *   Two-digit years 00–29 are 2000–2029, 30–99 are 1930–1999
 *   (https://learn.microsoft.com/office/troubleshoot/excel/two-digit-year-numbers). Times `h:mm(:ss)( AM/PM)`.
 *   A date entry into a General cell also sets that date format, as Excel does.
 * - Numbers: thousands separators and decimals (`1,200.50`, format #,##0.00), exponent forms (`1E5`, format
 *   0.00E+00: https://support.microsoft.com/office/display-numbers-in-scientific-exponential-notation-f85a96c0-18a1-4249-81c3-e934cd2ae993),
 *   percentages (`5%` → 0.05, format 0% or 0.00%:
 *   https://support.microsoft.com/office/format-numbers-as-percentages-de49c8bb-8fa1-4e9c-a3d6-2b78ed19c8a1),
 *   currency and accounting text (`$1,200`, `¥1,200`, `-$40`, format $#,##0 / ¥#,##0:
 *   https://support.microsoft.com/office/format-numbers-as-currency-0a03bb38-1a07-458d-9e30-2b54366bc7a4) and
 *   accounting negatives in parentheses (`(40)` → −40, as Excel's accounting formats display them:
 *   https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68). Surrounding
 *   spaces are ignored for numbers, dates and times.
 * - TRUE / FALSE in any case are booleans; error literals (#N/A …) are error values.
 *
 * Every write goes through here, so the common cases return early: numbers and booleans as they are, text without a
 * digit (names, labels) after one scan.
 */
import { daysInMonth, serialFromYmd } from "../engine/serial";
import type { CellValue } from "./model/types";

/** What a written value becomes: a constant or a formula, and the number format a General cell then takes. */
export interface Entry {
  value?: CellValue;
  formula?: string;
  format?: string;
}

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

const NUMBER =
  /^([-+])?(\()?([-+])?([$¥￥€£])?\s*([-+])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*([$¥￥€£])?(%)?(\))?$/;
const YMD = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const MDY = /^(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})$/;
const MD = /^(\d{1,2})[-/](\d{1,4})$/;
const D_MON = new RegExp(`^(\\d{1,2})[- ]${MONTH}(?:[- ,]+(\\d{2}|\\d{4}))?$`, "i");
const MON_D = new RegExp(`^${MONTH}[- ](\\d{1,4})(?:,?\\s*(\\d{4}))?$`, "i");
const ZH_YMD = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/;
const ZH_MD = /^(\d{1,2})月(\d{1,2})日$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;

const CURRENCY_FORMAT: Record<string, string> = { $: "$", "¥": "¥", "￥": "¥", "€": "€", "£": "£" };

/** 00–29 → 2000–2029, 30–99 → 1930–1999; four digits as written. */
/** A year as typed: two digits 00–29 are 2000–2029, 30–99 are 1930–1999 (see the module comment). */
export function fullYear(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function date(y: number, m: number, d: number, format: string): Entry | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999 || d > daysInMonth(y, m)) return null;
  const serial = serialFromYmd(y, m, d);
  return serial === null ? null : { value: serial, format };
}

function parseNumber(t: string): Entry | null {
  const m = NUMBER.exec(t);
  if (!m) return null;
  const [, sign1, open, sign2, cur1, sign3, digits, exp, cur2, pct, close] = m;
  const signs = [sign1, sign2, sign3].filter(Boolean);
  if (signs.length > 1 || !!open !== !!close || (open && signs.length)) return null;
  if (cur1 && cur2) return null;
  const cur = cur1 ?? cur2;
  const grouped = digits.includes(",");
  if (exp && (grouped || cur || pct)) return null;
  if (pct && cur) return null;
  let n = Number(digits.replace(/,/g, "") + (exp ?? ""));
  if (!Number.isFinite(n)) return null;
  if (pct) n /= 100;
  if (open || signs[0] === "-") n = -n;
  const decimals = /\.\d/.test(digits);
  let format: string | undefined;
  if (pct) format = decimals ? "0.00%" : "0%";
  else if (cur) format = `${CURRENCY_FORMAT[cur]}#,##0${decimals ? ".00" : ""}`;
  else if (exp) format = "0.00E+00";
  else if (grouped) format = decimals ? "#,##0.00" : "#,##0";
  return format ? { value: n, format } : { value: n };
}

function parseDate(t: string, year: () => number): Entry | null {
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(t))) return date(Number(m[1]), Number(m[2]), Number(m[3]), "m/d/yyyy");
  if ((m = MDY.exec(t))) return date(fullYear(m[4]), Number(m[1]), Number(m[3]), "m/d/yyyy");
  if ((m = MD.exec(t))) {
    const month = Number(m[1]);
    const second = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[2].length <= 2 && second >= 1) {
      const y = year();
      if (second <= daysInMonth(y, month)) return date(y, month, second, "d-mmm");
    }
    if (m[2].length === 2 || m[2].length === 4) return date(fullYear(m[2]), month, 1, "mmm-yy");
    return null;
  }
  if ((m = D_MON.exec(t))) {
    const y = m[3] ? fullYear(m[3]) : year();
    return date(y, monthOf(m[2]), Number(m[1]), m[3] ? "d-mmm-yy" : "d-mmm");
  }
  if ((m = MON_D.exec(t))) {
    const month = monthOf(m[1]);
    const n = m[2];
    if (m[3]) return n.length <= 2 ? date(Number(m[3]), month, Number(n), "d-mmm-yy") : null;
    if (n.length <= 2 && Number(n) >= 1) {
      const y = year();
      if (Number(n) <= daysInMonth(y, month)) return date(y, month, Number(n), "d-mmm");
    }
    return n.length === 2 || n.length === 4 ? date(fullYear(n), month, 1, "mmm-yy") : null;
  }
  if ((m = ZH_YMD.exec(t))) {
    return m[3]
      ? date(Number(m[1]), Number(m[2]), Number(m[3]), 'yyyy"年"m"月"d"日"')
      : date(Number(m[1]), Number(m[2]), 1, 'yyyy"年"m"月"');
  }
  if ((m = ZH_MD.exec(t))) return date(year(), Number(m[1]), Number(m[2]), 'm"月"d"日"');
  return null;
}

function parseTime(t: string): Entry | null {
  const m = TIME.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === "p" ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  const format = m[4] ? "h:mm AM/PM" : m[3] ? "h:mm:ss" : "h:mm";
  return { value: (h * 3600 + min * 60 + s) / 86400, format };
}

/** True when the text holds a digit (only such text can become a number, date or time). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Parses one written string as Excel does on entry into a non-text cell. `thisYear` dates entries without a year
 * (the host's local calendar year); it is asked only for such an entry (reading the clock for every written label
 * was a measurable part of writing a full sheet).
 */
export function parseTyped(text: string, thisYear: () => number): Entry {
  if (text === "") return { value: "" };
  const first = text[0];
  if (first === "'") return { value: text.slice(1) };
  if (first === "=" && text.length > 1) return { formula: text };
  if (!hasDigit(text)) {
    // Only TRUE/FALSE (4–5 letters, maybe padded) and error literals ("#…") can convert here.
    if (first === "#" || (text.length <= 12 && /^\s*(true|false)\s*$/i.test(text))) {
      const u = text.trim().toUpperCase();
      if (u === "TRUE" || u === "FALSE") return { value: u === "TRUE" };
      if (ERRORS.has(u)) return { value: u };
    }
    if ((first === "+" || first === "-") && text.length > 1) return { formula: `=${text}` };
    if (first === "@" && text.length > 1) return { formula: `=${text.slice(1)}` };
    return { value: text };
  }
  const t = text.trim();
  const parsed = parseNumber(t) ?? parseDate(t, thisYear) ?? parseTime(t);
  if (parsed) return parsed;
  if ((first === "+" || first === "-") && text.length > 1) return { formula: `=${text}` };
  if (first === "@" && text.length > 1) return { formula: `=${text.slice(1)}` };
  return { value: text };
}

/**
 * What `input` written into a cell with number format `cellFormat` becomes. `null`/`undefined` are not handled here
 * (they leave a cell unchanged). Numbers and booleans are stored as they are (a non-finite number is #NUM!); strings
 * are parsed as typed unless the cell is formatted as text (`@`).
 */
export function enterValue(input: unknown, cellFormat: string | undefined, thisYear: () => number): Entry {
  if (typeof input === "number") return { value: Number.isFinite(input) ? input : "#NUM!" };
  if (typeof input === "boolean") return { value: input };
  const s = typeof input === "string" ? input : String(input);
  if (cellFormat === "@") return { value: s };
  return parseTyped(s, thisYear);
}
