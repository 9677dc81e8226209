/**
 * Display formatting for the pane: amounts, percentages, days and dates in the pane language, and the date
 * input's `yyyy-mm-dd` text ↔ serial conversion without going through a time-zone-dependent `Date`.
 */
import { isoFromSerial, serialFromYmd, type Serial } from "../engine/serial";
import type { Lang } from "./i18n";

const amountFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = amountFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    amountFormats.set(key, f);
  }
  return f;
}

/** `1234567.8` → "1,234,568" (whole units, thousands separators of the language). Non-finite → "–". */
export function formatAmount(value: number, lang: Lang, digits = 0): string {
  return Number.isFinite(value) ? numberFormat(lang, digits).format(value) : "–";
}

/** `0.1234` → "12.3%". Non-finite → "–". */
export function formatPercent(fraction: number, lang: Lang, digits = 1): string {
  return Number.isFinite(fraction) ? `${numberFormat(lang, digits).format(fraction * 100)}%` : "–";
}

/** Rounded whole days as text ("–" for null / non-finite). */
export function formatNumber(value: number | null, lang: Lang, digits = 0): string {
  return value === null || !Number.isFinite(value) ? "–" : numberFormat(lang, digits).format(value);
}

/** ISO `yyyy-mm-dd` of a serial, the value of an `<input type="date">`. */
export function dateInputValue(serial: Serial): string {
  return isoFromSerial(serial);
}

/** Serial of an `<input type="date">` value (`yyyy-mm-dd`), or null when empty or not a real date. */
export function serialFromDateInput(text: string): Serial | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Today's local calendar date as a serial (the analyst's "today", read from the local clock's Y/M/D fields). */
export function todaySerial(now: Date = new Date()): Serial {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

/** Parses "30, 60, 90" (commas, semicolons, Chinese commas or spaces) into numbers; null when any is not a number. */
/** The items of a typed list: separated by commas, semicolons (ASCII or full-width), 、 or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;，；、\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export function parseNumberList(text: string): number[] | null {
  const parts = splitList(text);
  if (parts.length === 0) return [];
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(p)) return null;
    out.push(Number(p));
  }
  return out;
}

/** Parses one number typed in a field ("", "abc" → null). */
export function parseNumberField(text: string): number | null {
  const t = text.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}
