/**
 * Excel serial dates, 1900 date system, in integer arithmetic only.
 *
 * Serial 1 is 1900-01-01 and serial 60 is Excel's phantom 1900-02-29 (Lotus 1-2-3 compatibility): serials from 61
 * on count days since 1899-12-30. No JavaScript `Date` is involved, so results never depend on the machine's time
 * zone.
 */

/** A whole-day Excel serial number (1900 date system). */
export type Serial = number;

export interface Ymd {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;
/** Serial of Excel's non-existent 1900-02-29. */
export const PHANTOM_SERIAL = 60;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const EPOCH_1899_12_30 = daysFromCivil(1899, 12, 30);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the real calendar (1900 has 28 days in February here; see {@link PHANTOM_SERIAL}). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Serial of a calendar date, or `null` when the date does not exist or is outside Excel's range
 * (1900-01-01 … 9999-12-31). 1900-02-29 gives Excel's phantom serial 60.
 */
export function serialFromYmd(year: number, month: number, day: number): Serial | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (year === 1900 && month === 2 && day === 29) return PHANTOM_SERIAL;
  if (day > daysInMonth(year, month)) return null;
  const serial = daysFromCivil(year, month, day) - EPOCH_1899_12_30;
  // Before 1900-03-01 Excel's count is one lower (there is no phantom day yet).
  return serial < 61 ? serial - 1 : serial;
}

/** Calendar date of a whole serial ≥ 1. Serial 60 gives { 1900, 2, 29 } as Excel displays it. */
export function ymdFromSerial(serial: Serial): Ymd {
  const s = Math.floor(serial);
  if (s === PHANTOM_SERIAL) return { year: 1900, month: 2, day: 29 };
  return civilFromDays((s < PHANTOM_SERIAL ? s + 1 : s) + EPOCH_1899_12_30);
}

/** Day of week as Excel's WEEKDAY(serial, 1) minus one: 0 = Sunday … 6 = Saturday (Excel's view of 1900 too). */
export function weekday(serial: Serial): number {
  const s = Math.floor(serial);
  return (((s + 6) % 7) + 7) % 7;
}

/** Last day of the month containing `serial`. */
export function endOfMonth(serial: Serial): Serial {
  const { year, month } = ymdFromSerial(serial);
  const last = year === 1900 && month === 2 ? 29 : daysInMonth(year, month);
  return serialFromYmd(year, month, last) as Serial;
}

/** Day `day` of the month `offset` months after the month of `serial`, clamped to that month's last day. */
export function dayOfMonthAfter(serial: Serial, offset: number, day: number): Serial | null {
  const { year, month } = ymdFromSerial(serial);
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return serialFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO text `yyyy-mm-dd` of a serial (for messages and tests). */
export function isoFromSerial(serial: Serial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
