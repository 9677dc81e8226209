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

/** `1 invoice` / `3 invoices` (English count and noun in agreement). */
export function countNoun(n: number, one: string, many: string): string {
  return `${formatAmount(n, 0)} ${n === 1 ? one : many}`;
}

/** How an invoice is named to the analyst or customer: its number, else its sheet row. */
export function invoiceRef(invoiceNo: string | null | undefined, row: number, lang: "en" | "zh"): string {
  if (invoiceNo) return invoiceNo;
  return lang === "en" ? `row ${row}` : `第${row}行`;
}

/**
 * Invoice references for a message: all of them up to `max` (default 10), then "and N more" / "等N张".
 * English joins with ", ", Chinese with "、".
 */
export function refList(refs: readonly string[], lang: "en" | "zh", max = 10): string {
  const shown = refs.slice(0, max).join(lang === "en" ? ", " : "、");
  const rest = refs.length - Math.min(refs.length, max);
  if (rest <= 0) return shown;
  return lang === "en" ? `${shown} and ${rest} more` : `${shown}等${refs.length}张`;
}

/** Amounts in one or more currencies: `EUR 1,000.00 + GBP 500.00` (never added together). */
export function moneyList(
  amounts: readonly { readonly currency: string; readonly amount: number }[],
): string {
  return amounts.map((a) => formatMoney(a.amount, a.currency)).join(" + ");
}

/** A money amount rounded to cents for writing into a cell (no `610.1999999999999`). */
export function roundCents(value: number): number {
  if (!Number.isFinite(value)) return value;
  const r = Math.round((Math.abs(value) + Number.EPSILON * Math.abs(value)) * 100) / 100;
  const out = value < 0 ? -r : r;
  return out === 0 ? 0 : out;
}
