/**
 * Date functions (https://support.microsoft.com/office/date-and-time-functions-reference-fd1b5961-c1ae-4677-be58-074152f97b81):
 * TODAY, DATE, YEAR, MONTH, DAY, EDATE, EOMONTH. Dates are Excel serials (1900 date system, src/engine/serial);
 * TODAY is the host's local calendar date ("TODAY: Returns the serial number of the current date", taken from the
 * computer's clock: https://support.microsoft.com/office/today-function-5eb3078d-a82c-4736-8930-2f51a028fdd9).
 */
import { daysInMonth, serialFromYmd, ymdFromSerial } from "../../../engine/serial";
import { type FormulaFunction, FormulaError, lift, toNumber } from "../values";

const ymd = (serial: number) => (serial >= 1 ? ymdFromSerial(Math.floor(serial)) : null);

/** `months` after the serial's month; day clamped to the month's end, or the month's end when `end`. */
function addMonths(serial: number, months: number, end: boolean): number | FormulaError {
  const d = ymd(serial);
  if (!d) return new FormulaError("#NUM!");
  const total = d.year * 12 + (d.month - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = daysInMonth(y, m);
  return serialFromYmd(y, m, end ? last : Math.min(d.day, last)) ?? new FormulaError("#NUM!");
}

/** Today's serial from a date's local calendar components (Excel takes the local date, not UTC). */
export function localSerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

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
  EDATE: lift(toNumber, (s, months) => addMonths(s, months, false)),
  EOMONTH: lift(toNumber, (s, months) => addMonths(s, months, true)),
};
