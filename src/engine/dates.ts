/**
 * Date text and business-day helpers on Excel serials (1900 date system).
 *
 * Everything is integer arithmetic on serials (see serial.ts): no JavaScript `Date`, so results never depend on the
 * machine's time zone.
 */
import { MAX_SERIAL, serialFromYmd, weekday, type Serial } from "./serial";

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;

/**
 * Serial of a date written as ISO text (`2025-01-15`, single-digit month/day allowed, an optional time part such as
 * `T10:30` or ` 10:30:00` is dropped) or Chinese text (`2025年1月15日`, `号` also accepted, spaces allowed).
 * Full-width digits and spaces are normalised first. Returns `null` for anything else, for dates that do not exist
 * (`2025-02-30`) and for dates outside Excel's range. Never throws.
 */
export function parseDateText(text: string): Serial | null {
  if (typeof text !== "string" || text.length === 0 || text.length > 64) return null;
  let s = text.trim();
  // Fast path: plain ASCII ISO needs no normalisation.
  if (!/^[\x20-\x7e]*$/.test(s)) {
    try {
      s = s.normalize("NFKC").trim();
    } catch {
      return null;
    }
  }
  const m = ISO_DATE.exec(s) ?? CHINESE_DATE.exec(s);
  if (!m) return null;
  return serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when `serial` is a Saturday, a Sunday or listed in `holidays`. */
export function isNonBusinessDay(serial: Serial, holidays: ReadonlySet<number>): boolean {
  const wd = weekday(serial);
  return wd === 0 || wd === 6 || (holidays.size > 0 && holidays.has(serial));
}

/**
 * `serial` itself when it is a business day, else the next business day (Saturday, Sunday and `holidays` are
 * skipped). Holidays are whole serials. The result may exceed {@link MAX_SERIAL} only if `serial` is near it.
 */
export function nextBusinessDay(serial: Serial, holidays: ReadonlySet<number>): Serial {
  let s = Math.floor(serial);
  // At most holidays.size + a weekend in a row can be skipped.
  const limit = s + holidays.size + 3;
  while (s <= limit && isNonBusinessDay(s, holidays)) s++;
  return s;
}

/**
 * `serial` moved by `days` business days (negative moves back), like Excel's WORKDAY: the start day itself is not
 * counted, and Saturdays, Sundays and `holidays` are skipped.
 */
export function addBusinessDays(serial: Serial, days: number, holidays: ReadonlySet<number>): Serial {
  let s = Math.floor(serial);
  let left = Math.trunc(days);
  const step = left < 0 ? -1 : 1;
  while (left !== 0) {
    s += step;
    if (s < 1 || s > MAX_SERIAL) return s;
    if (!isNonBusinessDay(s, holidays)) left -= step;
  }
  return s;
}
