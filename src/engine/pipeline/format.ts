/**
 * Deterministic number/date text for messages (no Intl, no locale data, no `Date`): thousands separators with a
 * comma, a dot for decimals, ISO dates in English and `2025年1月15日` in Chinese.
 */
import { isoFromSerial, ymdFromSerial, type Serial } from "../serial";

/** `1234567.891` → `"1,234,567.89"`; `-300` → `"-300.00"`. Rounded half away from zero at `decimals` (default 2). */
export function formatAmount(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const factor = Math.pow(10, decimals);
  const scaled = Math.round(Math.abs(value) * factor + 1e-9 * factor);
  const int = Math.floor(scaled / factor);
  const frac = scaled - int * factor;
  const intText = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = decimals > 0 ? `${intText}.${String(frac).padStart(decimals, "0")}` : intText;
  return negative && scaled !== 0 ? `-${text}` : text;
}

/** Amount with a currency code/symbol when known: `"USD 1,200.00"`, else `"1,200.00"`. */
export function formatMoney(value: number, currency?: string | null): string {
  const text = formatAmount(value);
  return currency ? `${currency} ${text}` : text;
}

/** Whole percent of a decimal: 0.914 → `"91%"`. */
export function formatPercent(ratio: number, decimals = 0): string {
  return `${formatAmount(ratio * 100, decimals)}%`;
}

/** Date text: ISO for English, `2025年1月15日` for Chinese. */
export function formatDate(serial: Serial, lang: "en" | "zh-CN" | "zh"): string {
  if (lang === "en") return isoFromSerial(serial);
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}年${month}月${day}日`;
}
