/**
 * Reading one cell for one role (spec score-sheet §1 "Cell values"). Every parser is total: any input gives
 * `{ ok: true, value }` or `{ ok: false, reason, code }` — never an exception, never a guess.
 *
 * Dates: serial numbers 1..2958465 (fractions = times, dropped); 8-digit `yyyymmdd` (number or text, as ERP
 * exports write them); ISO `2025-01-15`, `2025/1/15`, `2025.1.15`, `2025年1月15日`; month names `15-Jan-2025`,
 * `15 January 2025`, `Jan 15 2025`, `January 15, 2025` (two-digit years: 00-29 → 20xx, 30-99 → 19xx, as Excel);
 * a trailing time is dropped. Day/month-first text (`03/04/2025`, also with `-` or `.`) is read with the
 * policy's date order. With the order unknown it is read only when exactly one reading is a real date
 * (`25/04/2025` can only be 25 April; `04/04/2025` is the same either way) — otherwise it is reported as ambiguous.
 * When the order is known and the text is only valid the other way round, it is reported (the sheet contradicts
 * the setting). JavaScript `Date` objects are not accepted (they carry a time zone).
 *
 * Numbers: JS numbers; text with `,` thousands groups (strict groups of three), spaces or `'` as group
 * separators, currency symbols or codes before or after ($ £ € ¥ ￥ ₩ ₹, USD CNY RMB EUR GBP JPY HKD …, 元, 人民币),
 * `(1,200)` and a leading or trailing minus (`1,200-`, SAP) or a `CR` suffix for negatives, exponent notation.
 * A decimal comma (`1.200,50`, `1200,5`) is read only when the policy says so, else reported. Percentages,
 * booleans and Excel error values (`#N/A`, `#REF!`, …) are reported.
 */
import { parseDateText } from "../dates";
import {
  DATE_ORDER_LABELS,
  DECIMAL_COMMA_SETTING,
  dateOrderSettingPath,
  normalizeCurrency,
  settingPath,
} from "../policy";
import { MAX_SERIAL, serialFromYmd, type Serial } from "../serial";
import { headerKey, nfkc } from "./normalize";
import type { InvoiceStatus, Msg } from "./types";

export type CellResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: Msg; readonly code: string };

function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

function fail(code: string, en: string, zh: string): CellResult<never> {
  return { ok: false, code, reason: { en, zh } };
}

const EXCEL_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!)$/i;

/** True for Excel error values as Office.js returns them in `values` (`"#N/A"`, `"#REF!"`, …). */
export function isExcelError(value: unknown): boolean {
  return typeof value === "string" && value.length <= 14 && EXCEL_ERROR.test(value.trim());
}

function excelError(value: string): CellResult<never> {
  const v = value.trim();
  return fail("EXCEL_ERROR", `The cell shows the Excel error ${v}.`, `单元格显示Excel错误值 ${v}。`);
}

// ───────────────────────────── dates ─────────────────────────────

export interface DateOptions {
  /** "DMY", "MDY", or null/undefined = unknown. */
  readonly dateOrder?: "DMY" | "MDY" | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)$/i;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const D_MON_Y = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})$/i;
const MON_D_Y = /^([a-z]{3,9})\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.,]+(\d{4}|\d{2})$/i;
const A_B_Y = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function badDate(text: string): CellResult<never> {
  return fail("BAD_DATE", `"${text}" is not a date.`, `“${text}”不是有效日期。`);
}

function ymd(y: number, m: number, d: number, text: string): CellResult<Serial> {
  const s = serialFromYmd(y, m, d);
  return s === null ? badDate(text) : ok(s);
}

function fromYyyymmdd(n: number): Serial | null {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return y >= 1900 && y <= 2199 ? serialFromYmd(y, m, d) : null;
}

/** A date cell as a whole serial. Blank cells are the caller's business (they give `BAD_DATE` here). */
export function parseDateCell(value: unknown, options: DateOptions = {}): CellResult<Serial> {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return badDate(String(value));
    if (Number.isInteger(value) && value >= 19000101 && value <= 21991231) {
      const s = fromYyyymmdd(value);
      if (s !== null) return ok(s);
    }
    const n = Math.floor(value);
    if (n < 1 || n > MAX_SERIAL) {
      return fail(
        "DATE_OUT_OF_RANGE",
        `${value} is not a date (dates are 1900-01-01 to 9999-12-31).`,
        `${value} 不是有效日期（日期范围为1900-01-01至9999-12-31）。`,
      );
    }
    return ok(n);
  }
  if (typeof value === "boolean") return badDate(String(value).toUpperCase());
  if (typeof value !== "string") {
    return fail("BAD_DATE", "This cell is not a date.", "此单元格不是日期。");
  }
  if (isExcelError(value)) return excelError(value);
  const raw = value.trim();
  if (raw.length === 0 || raw.length > 64) return badDate(raw);
  const iso = parseDateText(raw);
  if (iso !== null) return ok(iso);
  const s = nfkc(raw).trim().replace(TIME_SUFFIX, "").trim();
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  if ((m = YYYYMMDD.exec(s))) {
    const serial = fromYyyymmdd(Number(s));
    return serial === null ? badDate(raw) : ok(serial);
  }
  if ((m = D_MON_Y.exec(s))) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? ymd(fullYear(m[3]!), month, Number(m[1]), raw) : badDate(raw);
  }
  if ((m = MON_D_Y.exec(s))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? ymd(fullYear(m[3]!), month, Number(m[2]), raw) : badDate(raw);
  }
  if ((m = A_B_Y.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    const dmy = serialFromYmd(y, b, a);
    const mdy = serialFromYmd(y, a, b);
    const order = options.dateOrder ?? null;
    if (order === "DMY") {
      if (dmy !== null) return ok(dmy);
      return mdy !== null ? orderMismatch(raw, "DMY") : badDate(raw);
    }
    if (order === "MDY") {
      if (mdy !== null) return ok(mdy);
      return dmy !== null ? orderMismatch(raw, "MDY") : badDate(raw);
    }
    if (dmy !== null && mdy !== null && dmy !== mdy) {
      const path = dateOrderSettingPath();
      return fail(
        "AMBIGUOUS_DATE",
        `"${raw}" could be day/month or month/day: set ${path.en} to ${DATE_ORDER_LABELS.DMY.en} or ${DATE_ORDER_LABELS.MDY.en}.`,
        `“${raw}”无法确定是日/月还是月/日：请将${path.zh}设为“${DATE_ORDER_LABELS.DMY.zh}”或“${DATE_ORDER_LABELS.MDY.zh}”。`,
      );
    }
    const one = dmy ?? mdy;
    return one === null ? badDate(raw) : ok(one);
  }
  return badDate(raw);
}

/** A text date that is only valid in the other day/month order than the one set in the Policy view. */
function orderMismatch(raw: string, order: "DMY" | "MDY"): CellResult<never> {
  const path = dateOrderSettingPath();
  const label = DATE_ORDER_LABELS[order];
  const other = DATE_ORDER_LABELS[order === "DMY" ? "MDY" : "DMY"];
  return fail(
    "DATE_ORDER_MISMATCH",
    `"${raw}" is not a valid date in the order set in ${path.en} (${label.en}); it would be one as ${other.en}.`,
    `“${raw}”按${path.zh}的设置（“${label.zh}”）不是有效日期；按“${other.zh}”才是。`,
  );
}

/** Which day/month order the unambiguous `a/b/yyyy` texts in some cells prove: a hint for the settings. */
export function dateOrderEvidence(value: unknown): "DMY" | "MDY" | null {
  if (typeof value !== "string") return null;
  const m = A_B_Y.exec(nfkc(value).trim().replace(TIME_SUFFIX, "").trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return "DMY";
  if (b > 12 && a <= 12) return "MDY";
  return null;
}

// ───────────────────────────── numbers ─────────────────────────────

export interface NumberOptions {
  /** Read `1.200,50` / `1200,5` as decimal-comma numbers. */
  readonly decimalComma?: boolean;
}

const CURRENCY_CODES =
  "USD|US\\$|HK\\$|A\\$|C\\$|S\\$|NZ\\$|R\\$|CNY|RMB|CNH|EUR|GBP|JPY|HKD|AUD|CAD|CHF|SGD|NZD|INR|KRW|TWD|NT\\$|MXN|BRL|ZAR|SEK|NOK|DKK|PLN|CZK|HUF|TRY|AED|SAR|THB|MYR|IDR|PHP|VND|RUB";
const CURRENCY_PREFIX = new RegExp(`^(?:${CURRENCY_CODES}|人民币|[$£€¥₩₹])\\s*`, "i");
const CURRENCY_SUFFIX = new RegExp(`\\s*(?:${CURRENCY_CODES}|人民币|元|[$£€¥₩₹])$`, "i");
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^\d{1,3}(?:([,' ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const DC_PLAIN = /^\d+(?:,\d+)?$/;
const DC_GROUPED = /^\d{1,3}(?:([.' ])\d{3})(?:\1\d{3})*(?:,\d+)?$/;
const LOOKS_DECIMAL_COMMA = /^(?:\d{1,3}(?:[.' ]\d{3})+,\d+|\d+,\d{1,2})$/;

function badNumber(text: string): CellResult<never> {
  return fail("BAD_NUMBER", `"${text}" is not a number.`, `“${text}”不是有效数字。`);
}

/** Currency token (as matched in money text) → currency code. */
const TOKEN_CODES: Readonly<Record<string, string>> = {
  US$: "USD",
  HK$: "HKD",
  A$: "AUD",
  C$: "CAD",
  S$: "SGD",
  NZ$: "NZD",
  R$: "BRL",
  NT$: "TWD",
  "¥": "CNY",
  $: "USD",
  "£": "GBP",
  "€": "EUR",
  "₩": "KRW",
  "₹": "INR",
};

/**
 * The currency a token in money text stands for: ISO codes as written (upper-case), `US$` `HK$` `A$` `C$` `S$` `NZ$`
 * `R$` `NT$` by country; `$` alone is USD, `£` GBP, `€` EUR, `₩` KRW, `₹` INR; `¥`, `￥`, `元`, `人民币` and `RMB` are CNY
 * (the toolkit's Chinese users mean yuan; write `JPY` for yen).
 */
export function currencyOfToken(token: string): string {
  const t = nfkc(token).trim().toUpperCase();
  // Names (`人民币`, `元`, `RMB` …) as the currency column reads them: one table, in policy.ts.
  return TOKEN_CODES[t] ?? normalizeCurrency(t) ?? t;
}

/** A money/number cell. */
export function parseNumberCell(value: unknown, options: NumberOptions = {}): CellResult<number> {
  const res = parseMoneyCell(value, options);
  return res.ok ? ok(res.value.value) : res;
}

/** A money cell: the number and, when the text names one (`EUR 1.200,00`, `¥1,200`, `US$ 5`), its currency code. */
export function parseMoneyCell(
  value: unknown,
  options: NumberOptions = {},
): CellResult<{ readonly value: number; readonly currency?: string }> {
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok({ value }) : badNumber(String(value));
  }
  if (typeof value === "boolean") {
    const t = String(value).toUpperCase();
    return fail("BAD_NUMBER", `${t} is not an amount.`, `${t} 不是金额。`);
  }
  if (typeof value !== "string")
    return fail("BAD_NUMBER", "This cell is not a number.", "此单元格不是数字。");
  if (isExcelError(value)) return excelError(value);
  const raw = value.trim();
  if (raw.length === 0 || raw.length > 40) return badNumber(raw);
  let s = nfkc(raw).replace(/\s+/g, " ").trim();
  if (s.endsWith("%")) {
    return fail("PERCENT", `"${raw}" is a percentage, not an amount.`, `“${raw}”是百分比，不是金额。`);
  }
  let negative = false;
  let token: string | null = null;
  const flip = () => {
    if (negative) return false;
    negative = true;
    return true;
  };
  const strip = (re: RegExp) => {
    s = s.replace(re, (m) => {
      if (token === null) token = m;
      return "";
    });
  };
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    flip();
    s = paren[1]!.trim();
  }
  // Strip currency and sign tokens in any order (at most a few passes).
  for (let pass = 0; pass < 3; pass++) {
    const before = s;
    strip(CURRENCY_PREFIX);
    strip(CURRENCY_SUFFIX);
    s = s.trim();
    if (/^[-\u2212]/.test(s)) {
      if (!flip()) return badNumber(raw);
      s = s.slice(1).trim();
    } else if (s.startsWith("+")) s = s.slice(1).trim();
    if (/[-\u2212]$/.test(s)) {
      if (!flip()) return badNumber(raw);
      s = s.slice(0, -1).trim();
    }
    if (/\s*CR$/i.test(s) && /\d\s*CR$/i.test(s)) {
      if (!flip()) return badNumber(raw);
      s = s.replace(/\s*CR$/i, "");
    } else if (/\d\s*DR$/i.test(s)) s = s.replace(/\s*DR$/i, "");
    if (s === before) break;
  }
  let n: number;
  if (options.decimalComma) {
    if (DC_PLAIN.test(s) || DC_GROUPED.test(s)) n = Number(s.replace(/[.' ]/g, "").replace(",", "."));
    else if (PLAIN.test(s) && !s.includes(".")) n = Number(s);
    else return badNumber(raw);
  } else if (PLAIN.test(s)) n = Number(s);
  else if (GROUPED.test(s)) n = Number(s.replace(/[,' ]/g, ""));
  else if (LOOKS_DECIMAL_COMMA.test(s)) {
    const path = settingPath(DECIMAL_COMMA_SETTING);
    return fail(
      "DECIMAL_COMMA",
      `"${raw}" uses a decimal comma: turn on ${path.en} to read it.`,
      `“${raw}”使用逗号作小数点：请开启${path.zh}后再读取。`,
    );
  } else return badNumber(raw);
  if (!Number.isFinite(n)) return badNumber(raw);
  const v = negative ? -n : n;
  return ok(token === null ? { value: v } : { value: v, currency: currencyOfToken(token) });
}

// ───────────────────────────── text, status, flags ─────────────────────────────

/** Text cell: strings trimmed (Unicode kept exactly), numbers as written; `null` for blank. */
export function parseTextCell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const t = value.trim();
    return t.length ? t : null;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return null;
}

const STATUS_WORDS: Readonly<Record<InvoiceStatus, readonly string[]>> = {
  paid: [
    "paid",
    "fullypaid",
    "closed",
    "cleared",
    "settled",
    "complete",
    "completed",
    "collected",
    "received",
    "已付",
    "已付款",
    "已收",
    "已收款",
    "已结清",
    "结清",
    "已核销",
    "已回款",
    "已结算",
    "已关闭",
    "关闭",
    "已完成",
  ],
  disputed: [
    "disputed",
    "dispute",
    "indispute",
    "underdispute",
    "contested",
    "query",
    "queried",
    "onhold",
    "争议",
    "有争议",
    "争议中",
    "纠纷",
    "异议",
    "有异议",
  ],
  open: [
    "open",
    "unpaid",
    "outstanding",
    "due",
    "overdue",
    "pastdue",
    "partial",
    "partiallypaid",
    "partlypaid",
    "partpaid",
    "creditnote",
    "credit",
    "creditmemo",
    "红字发票",
    "红冲",
    "pending",
    "notpaid",
    "issued",
    "posted",
    "未付",
    "未付款",
    "未收",
    "未收款",
    "部分付款",
    "部分收款",
    "部分回款",
    "逾期",
    "未结清",
    "未核销",
    "待收",
    "待收款",
    "未到期",
  ],
};

const STATUS_MAP = new Map<string, InvoiceStatus>();
for (const status of ["paid", "disputed", "open"] as const) {
  for (const w of STATUS_WORDS[status]) STATUS_MAP.set(headerKey(w), status);
}

/**
 * Status text → `paid` / `disputed` / `open`. `known: false` for unrecognised text (the reader treats it as open
 * and warns). Blank is `open`, known.
 */
export function parseStatusCell(value: unknown): { status: InvoiceStatus; known: boolean } {
  const t = parseTextCell(value);
  if (t === null) return { status: "open", known: true };
  let hit = statusCache.get(t);
  if (!hit) {
    const s = STATUS_MAP.get(headerKey(t));
    hit = s ? { status: s, known: true } : { status: "open", known: false };
    if (statusCache.size >= 5000) statusCache.clear();
    statusCache.set(t, hit);
  }
  return { ...hit };
}

const statusCache = new Map<string, { status: InvoiceStatus; known: boolean }>();

const YES = new Set(["y", "yes", "true", "x", "是", "已付", "已收", "paid"]);
const NO = new Set(["n", "no", "false", "否", "未付", "未收", "unpaid"]);

/**
 * A yes/no flag (`TRUE`, `Y`, `Yes`, `是`, … / `FALSE`, `N`, `No`, `否`, …) or `null` when the cell is not one.
 * Used for "Paid" columns that hold a flag instead of an amount.
 */
export function parseFlagCell(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const k = nfkc(value).trim().toLowerCase();
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return null;
}
