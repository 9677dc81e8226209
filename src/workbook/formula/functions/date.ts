/**
 * Date functions (https://support.microsoft.com/office/date-and-time-functions-reference-fd1b5961-c1ae-4677-be58-074152f97b81):
 * TODAY, DATE, YEAR, MONTH, DAY, EDATE, EOMONTH, NETWORKDAYS. Dates are Excel serials (1900 date system,
 * src/engine/serial); TODAY is the host's local calendar date ("TODAY: Returns the serial number of the current
 * date", taken from the computer's clock: https://support.microsoft.com/office/today-function-5eb3078d-a82c-4736-8930-2f51a028fdd9).
 *
 * A date argument may be a serial (its fraction, the time, is dropped), an empty cell (serial 0) or text that reads
 * as a date when typed ("2025-01-31"); other text and logicals are #VALUE!, a negative serial or a date outside
 * 1900-01-00 … 9999-12-31 #NUM!.
 */
import { MAX_SERIAL, daysInMonth, serialFromYmd, weekday, ymdFromSerial } from "../../../engine/serial";
import { parseTyped } from "../../entry";
import { type FormulaFunction, type Value, FormulaError, lift, single, toNumber } from "../values";

const ymd = (serial: number) => (serial >= 1 ? ymdFromSerial(Math.floor(serial)) : null);

/** Days in a month as Excel counts them: February 1900 has Excel's phantom 29th. */
const excelDaysInMonth = (y: number, m: number): number => (y === 1900 && m === 2 ? 29 : daysInMonth(y, m));

/**
 * EDATE / EOMONTH: `months` (truncated) after the serial's month; the day clamped to that month's end (EDATE), or
 * the month's last day (EOMONTH). Serial 0 is Excel's 1900-01-00, i.e. day 0 of January 1900.
 * EDATE: https://support.microsoft.com/office/edate-function-3c920eb2-6e66-44e7-a1f5-753ae47ee4f5 ("If months is not
 * an integer, it is truncated"); EOMONTH:
 * https://support.microsoft.com/office/eomonth-function-7314ffa1-2bc9-4005-9d66-f49db127d628 ("If start_date plus
 * months yields an invalid date, EOMONTH returns the #NUM! error value").
 */
function addMonths(serial: number, months: number, end: boolean): number | FormulaError {
  if (serial < 0 || serial > MAX_SERIAL) return new FormulaError("#NUM!");
  const d = serial < 1 ? { year: 1900, month: 1, day: 0 } : ymdFromSerial(Math.floor(serial));
  const total = d.year * 12 + (d.month - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = excelDaysInMonth(y, m);
  const day = end ? last : Math.min(d.day, last);
  const first = serialFromYmd(y, m, 1);
  if (first === null) return new FormulaError("#NUM!");
  const out = first + day - 1;
  return out < 0 || out > MAX_SERIAL ? new FormulaError("#NUM!") : out;
}

/** Today's serial from a date's local calendar components (Excel takes the local date, not UTC). */
export function localSerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

/** A date argument as a whole serial (see the module comment), or the error Excel gives. */
export function toDate(v: Value, today: () => number): number | FormulaError {
  const s = single(v);
  if (s instanceof FormulaError) return s;
  if (s === null || s === "") return 0;
  if (typeof s === "boolean") return new FormulaError("#VALUE!");
  let n: number;
  if (typeof s === "number") n = s;
  else {
    const typed = parseTyped(s.trim(), () => ymdFromSerial(Math.max(1, today())).year);
    if (typed.formula !== undefined || typeof typed.value !== "number") return new FormulaError("#VALUE!");
    n = typed.value;
  }
  n = Math.floor(n);
  return n < 0 || n > MAX_SERIAL ? new FormulaError("#NUM!") : n;
}

/** Weekdays (Monday–Friday) from `a` to `b` inclusive, a ≤ b, without a loop over the days. */
function weekdaysBetween(a: number, b: number): number {
  const days = b - a + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let s = a + weeks * 7; s <= b; s++) {
    const w = weekday(s);
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

/**
 * NETWORKDAYS(start_date, end_date, [holidays])
 * (https://support.microsoft.com/office/networkdays-function-48e717bf-a7a3-495f-969e-5005e3eb18e7): whole working
 * days between the two dates, both included; weekends are Saturday and Sunday; holidays (a range or array of dates)
 * are left out once each, and a holiday on a weekend changes nothing; when start_date is after end_date the count is
 * negative; "If any argument is not a valid date, NETWORKDAYS returns the #VALUE! error value".
 */
const NETWORKDAYS: FormulaFunction = (args, env) => {
  const a = toDate(args[0] ? args[0]() : null, env.today);
  if (a instanceof FormulaError) return a;
  const b = toDate(args[1] ? args[1]() : null, env.today);
  if (b instanceof FormulaError) return b;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const off = new Set<number>();
  const hv = args[2] ? args[2]() : null;
  for (const cell of Array.isArray(hv) ? hv.flat() : hv === null ? [] : [hv]) {
    if (cell === "" || cell === null) continue;
    const h = toDate(cell, env.today);
    if (h instanceof FormulaError) return h;
    const w = weekday(h);
    if (h >= lo && h <= hi && w !== 0 && w !== 6) off.add(h);
  }
  const n = weekdaysBetween(lo, hi) - off.size;
  return a <= b ? n : -n;
};

export const DATES: Readonly<Record<string, FormulaFunction>> = {
  TODAY: (_args, env) => env.today(),
  DATE: lift(toNumber, (y, m, d) => {
    // Excel rolls months and days over (DATE(2025,13,1) is 2026-01-01; DATE(2025,1,0) is 2024-12-31).
    const total = Math.trunc(y) * 12 + Math.trunc(m) - 1;
    const first = serialFromYmd(Math.floor(total / 12), (total % 12) + 1, 1);
    if (first === null) return new FormulaError("#NUM!");
    const serial = first + Math.trunc(d) - 1;
    return serial < 0 ? new FormulaError("#NUM!") : serial;
  }),
  YEAR: lift(toNumber, (s) => ymd(s)?.year ?? new FormulaError("#NUM!")),
  MONTH: lift(toNumber, (s) => ymd(s)?.month ?? new FormulaError("#NUM!")),
  DAY: lift(toNumber, (s) => ymd(s)?.day ?? new FormulaError("#NUM!")),
  EDATE: (args, env) => monthsFrom(args, env.today, false),
  EOMONTH: (args, env) => monthsFrom(args, env.today, true),
  NETWORKDAYS,
};

function monthsFrom(args: (() => Value)[], today: () => number, end: boolean): Value {
  const start = toDate(args[0] ? args[0]() : null, today);
  if (start instanceof FormulaError) return start;
  const months = toNumber(args[1] ? args[1]() : null);
  if (months instanceof FormulaError) return months;
  return addMonths(start, months, end);
}

/** Built-in functions whose result is a date (a formula led by one takes a date format when typed: ../autoformat). */
export const DATE_RESULT_FUNCTIONS: readonly string[] = ["TODAY", "DATE", "EDATE", "EOMONTH"];
