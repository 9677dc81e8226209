/**
 * The optional exchange-rate sheet (`Rates` / `汇率`, spec score-sheet §1 v2): one row per currency with columns
 * currency and rate, the rate being base-currency units per one unit of that currency (with base EUR, `USD 0.92`
 * means 1 USD = 0.92 EUR). Headers: currency / code / 币种 / 币别 / 货币 and rate / exchange rate / fx rate / 汇率.
 * Without a header row, the first two columns are read as currency and rate.
 *
 * A row with a blank currency or a rate that is not a number above 0 is reported (row, column, value, why) and left
 * out; a currency listed twice keeps its first rate (warning). Pure and total: never throws.
 */
import { normalizeCurrency } from "../policy";
import { parseNumberCell, parseTextCell } from "./cells";
import { headerKey, isBlank } from "./normalize";
import { makeIssue } from "./table";
import type { Issue } from "./types";

/** Sheet names that hold exchange rates. */
export const RATES_SHEET_NAMES: readonly string[] = ["Rates", "Exchange Rates", "FX Rates", "汇率", "汇率表"];

/** True when a sheet name is one of {@link RATES_SHEET_NAMES} (case-, space-insensitive). */
export function isRatesSheetName(name: string): boolean {
  const k = headerKey(name);
  return RATES_SHEET_NAMES.some((n) => headerKey(n) === k);
}

const CURRENCY_HEADERS = new Set(
  ["currency", "currency code", "code", "ccy", "币种", "币别", "货币", "币种代码"].map(headerKey),
);
const RATE_HEADERS = new Set(
  ["rate", "exchange rate", "fx rate", "fx", "rate to base", "汇率", "兑换率", "折算汇率"].map(headerKey),
);

export interface ReadRatesResult {
  /** Currency code → base units per one unit. */
  readonly rates: Readonly<Record<string, number>>;
  /** Sheet row (1-based) each rate came from. */
  readonly rows: Readonly<Record<string, number>>;
  readonly issues: readonly Issue[];
}

/** Reads a Rates sheet's values (as `Range.values` gives them, from A1 unless `rowOffset`/`columnOffset`). */
export function readRates(
  input: readonly (readonly unknown[])[],
  options: { sheetName?: string; rowOffset?: number; columnOffset?: number } = {},
): ReadRatesResult {
  const rows = Array.isArray(input) ? input.map((r) => (Array.isArray(r) ? r : [])) : [];
  let header = -1;
  let cCur = 0;
  let cRate = 1;
  for (let i = 0; i < Math.min(rows.length, 10) && header < 0; i++) {
    const keys = rows[i]!.map((v) => headerKey(parseTextCell(v) ?? ""));
    const cur = keys.findIndex((k) => CURRENCY_HEADERS.has(k));
    // "Rate", "Exchange rate", "汇率", also with a note such as "Rate (USD per unit)".
    const rate = keys.findIndex(
      (k) =>
        RATE_HEADERS.has(k) || k.startsWith("rate") || k.startsWith("exchangerate") || k.includes("汇率"),
    );
    if (cur >= 0 && rate >= 0) {
      header = i;
      cCur = cur;
      cRate = rate;
    }
  }
  const headers = header >= 0 ? rows[header]!.map((h) => parseTextCell(h) ?? "") : [];
  const ctx = {
    headers,
    rowOffset: options.rowOffset ?? 0,
    columnOffset: options.columnOffset ?? 0,
    ...(options.sheetName !== undefined ? { sheetName: options.sheetName } : {}),
  };
  const rates: Record<string, number> = {};
  const from: Record<string, number> = {};
  const issues: Issue[] = [];
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (isBlank(row[cCur]) && isBlank(row[cRate])) continue;
    const code = normalizeCurrency(parseTextCell(row[cCur]));
    if (!code) {
      issues.push(
        makeIssue(
          ctx,
          i,
          cCur,
          row[cCur],
          { en: "No currency code; this rate is not used.", zh: "缺少币种代码；未使用此汇率。" },
          "warning",
          "BAD_RATE",
        ),
      );
      continue;
    }
    const res = parseNumberCell(row[cRate]);
    if (!res.ok || !(res.value > 0)) {
      issues.push(
        makeIssue(
          ctx,
          i,
          cRate,
          row[cRate],
          {
            en: `The rate for ${code} must be a number above 0 (base-currency units per 1 ${code}); it is not used.`,
            zh: `${code} 的汇率必须是大于0的数字（每1 ${code} 折合的本位币金额）；未使用。`,
          },
          "warning",
          "BAD_RATE",
        ),
      );
      continue;
    }
    if (rates[code] !== undefined) {
      issues.push(
        makeIssue(
          ctx,
          i,
          cCur,
          row[cCur],
          {
            en: `${code} is listed twice; the rate on row ${from[code]} is used.`,
            zh: `${code} 重复出现；采用第${from[code]}行的汇率。`,
          },
          "warning",
          "DUPLICATE_RATE",
        ),
      );
      continue;
    }
    rates[code] = res.value;
    from[code] = i + 1 + ctx.rowOffset;
  }
  return { rates, rows: from, issues };
}
