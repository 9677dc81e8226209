/**
 * Receivables finance formulas (spec: /work/shared/spec/functions.md — LATEINTEREST, RECOVERYFEE, DSO,
 * DSOCOUNTBACK, CEI, CREDITLIMIT). Money results are not rounded. Dates are whole-day serials; no `Date`.
 *
 * Conventions: a result that "does not apply" is `null` (the adapter's `#N/A` / `#DIV/0!`); an argument
 * outside its domain throws `RangeError` naming it (the adapter validates first and maps to `#VALUE!`/`#NUM!`).
 */
import type { Serial } from "./serial";

function requireFinite(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/**
 * LATEINTEREST: simple interest `amount × annualRate × max(0, asOf − due) / dayBasis`.
 * Date fractions are dropped. Decision: an amount ≤ 0 (nothing owed, e.g. a credit note) accrues 0.
 * @throws RangeError when an argument is not finite, `annualRate` < 0, or `dayBasis` is not 360 or 365.
 */
export function lateInterest(
  amount: number,
  due: Serial,
  asOf: Serial,
  annualRate: number,
  dayBasis = 365,
): number {
  requireFinite(amount, "amount");
  requireFinite(due, "due_date");
  requireFinite(asOf, "as_of");
  requireFinite(annualRate, "annual_rate");
  if (annualRate < 0) throw new RangeError(`annual_rate must not be negative, got ${annualRate}`);
  if (dayBasis !== 360 && dayBasis !== 365)
    throw new RangeError(`day_basis must be 360 or 365, got ${dayBasis}`);
  const days = Math.max(0, Math.floor(asOf) - Math.floor(due));
  if (amount <= 0 || days === 0) return 0;
  return (amount * annualRate * days) / dayBasis;
}

export type RecoveryRegime = "UK" | "EU";

/**
 * RECOVERYFEE: fixed compensation per late invoice. UK (Late Payment of Commercial Debts Act): £40 below
 * 1,000, £70 from 1,000 to below 10,000, £100 from 10,000. EU (Directive 2011/7/EU): 40.
 * Decision: an amount ≤ 0 (no debt) gives 0 in both regimes.
 * @throws RangeError when `amount` is not finite or `regime` is unknown.
 */
export function recoveryFee(amount: number, regime: RecoveryRegime = "UK"): number {
  requireFinite(amount, "amount");
  if (regime !== "UK" && regime !== "EU")
    throw new RangeError(`regime must be "UK" or "EU", got ${String(regime)}`);
  if (amount <= 0) return 0;
  if (regime === "EU") return 40;
  if (amount < 1000) return 40;
  if (amount < 10000) return 70;
  return 100;
}

/** DSO: `receivables / creditSales × days`; `null` when `creditSales` is 0. */
export function dso(receivables: number, creditSales: number, days: number): number | null {
  requireFinite(receivables, "receivables");
  requireFinite(creditSales, "credit_sales");
  requireFinite(days, "days");
  if (creditSales === 0) return null;
  return (receivables / creditSales) * days;
}

/**
 * DSOCOUNTBACK: walk back through the periods, newest first, adding each whole period's days while the
 * receivables exceed that period's sales, then the fraction `remaining / sales` of the period that
 * exhausts them. A period with zero sales counts whole. Receivables of 0 give 0.
 * `daysPerPeriod` is one number for every period, or one per period (same length as the sales).
 * Returns `null` when the receivables exceed all the sales given. The result never exceeds the total days.
 * @throws RangeError on negative receivables or sales, a non-positive period length, or a length mismatch.
 */
export function dsoCountback(
  receivables: number,
  salesNewestFirst: readonly number[],
  daysPerPeriod: number | readonly number[] = 30,
): number | null {
  requireFinite(receivables, "receivables");
  if (receivables < 0) throw new RangeError(`receivables must not be negative, got ${receivables}`);
  const periods =
    typeof daysPerPeriod === "number" ? salesNewestFirst.map(() => daysPerPeriod) : daysPerPeriod;
  if (periods.length !== salesNewestFirst.length) {
    throw new RangeError(
      `days_per_period: expected ${salesNewestFirst.length} values, got ${periods.length}`,
    );
  }
  for (const d of periods) {
    requireFinite(d, "days_per_period");
    if (d <= 0) throw new RangeError(`days_per_period must be positive, got ${d}`);
  }
  for (const s of salesNewestFirst) {
    requireFinite(s, "sales");
    if (s < 0) throw new RangeError(`sales must not be negative, got ${s}`);
  }
  if (receivables === 0) return 0;
  // Tolerance so that receivables equal to the (binary) sum of the sales count as used up exactly.
  const tolerance = receivables * 1e-12;
  let remaining = receivables;
  let days = 0;
  for (let i = 0; i < salesNewestFirst.length; i++) {
    const sales = salesNewestFirst[i]!;
    const period = periods[i]!;
    if (sales > 0 && remaining <= sales + tolerance) return days + period * Math.min(1, remaining / sales);
    remaining -= sales;
    days += period;
  }
  return null;
}

/**
 * CEI (collection effectiveness index) in percent:
 * `(beginningAr + creditSales − endingAr) / (beginningAr + creditSales − endingCurrentAr) × 100`;
 * `null` when the denominator is 0.
 */
export function cei(
  beginningAr: number,
  creditSales: number,
  endingAr: number,
  endingCurrentAr: number,
): number | null {
  requireFinite(beginningAr, "beginning_ar");
  requireFinite(creditSales, "credit_sales");
  requireFinite(endingAr, "ending_ar");
  requireFinite(endingCurrentAr, "ending_current_ar");
  const denominator = beginningAr + creditSales - endingCurrentAr;
  if (denominator === 0) return null;
  return ((beginningAr + creditSales - endingAr) / denominator) * 100;
}

/**
 * CREDITLIMIT: expected peak exposure `annualSales × (termsDays + max(0, daysBeyondTerms)) / 365`, capped at
 * 10 % of tangible net worth and at 20 % of working capital when those are given (not `null`/`undefined`).
 * Decision: a negative net worth or working capital caps the limit at 0; a missing `daysBeyondTerms` counts 0.
 * @throws RangeError when `annualSales` or `termsDays` is negative or an argument is not finite.
 */
export function suggestedCreditLimit(
  annualSales: number,
  termsDays: number,
  daysBeyondTerms?: number | null,
  tangibleNetWorth?: number | null,
  workingCapital?: number | null,
): number {
  requireFinite(annualSales, "annual_sales");
  requireFinite(termsDays, "terms_days");
  if (annualSales < 0) throw new RangeError(`annual_sales must not be negative, got ${annualSales}`);
  if (termsDays < 0) throw new RangeError(`terms_days must not be negative, got ${termsDays}`);
  const late = daysBeyondTerms ?? 0;
  requireFinite(late, "days_beyond_terms");
  let limit = (annualSales * (termsDays + Math.max(0, late))) / 365;
  if (tangibleNetWorth != null) {
    requireFinite(tangibleNetWorth, "tangible_net_worth");
    limit = Math.min(limit, Math.max(0, 0.1 * tangibleNetWorth));
  }
  if (workingCapital != null) {
    requireFinite(workingCapital, "working_capital");
    limit = Math.min(limit, Math.max(0, 0.2 * workingCapital));
  }
  return limit;
}
