/**
 * PAYINDEX — a PAYDEX-style payment index (spec: /work/shared/spec/functions.md, `PAYINDEX`).
 *
 * The index is piecewise-linear in the days an invoice was paid beyond its terms, through the points
 * (−30→100), (−20→90), (0→80), (15→70), (22→60), (30→50), (60→40), (90→30), (120→20), and flat beyond
 * both ends. Higher is better (earlier payment).
 *
 * Conventions shared by the scoring modules: a NaN argument is a caller error and throws `RangeError`
 * (the Excel adapter validates first and maps it to `#VALUE!`); ±Infinity is a legal extreme.
 */

/** The spec's breakpoints as `[daysBeyondTerms, index]`, ascending in days. */
export const PAYINDEX_POINTS: readonly (readonly [number, number])[] = [
  [-30, 100],
  [-20, 90],
  [0, 80],
  [15, 70],
  [22, 60],
  [30, 50],
  [60, 40],
  [90, 30],
  [120, 20],
];

/** Lowest and highest possible index. */
export const PAYINDEX_MIN = 20;
export const PAYINDEX_MAX = 100;

/**
 * Round half up (towards +∞) to an integer. A tolerance of 1e-9 absorbs binary noise so that, e.g.,
 * 28.499999999999996 (from 0.285 × 100) rounds like the decimal 28.5 it stands for. Intended for
 * values of moderate size (scores, indexes, percentages). Monotone non-decreasing.
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

function requireNumber(value: number, name: string): void {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new RangeError(`${name} must be a number, got ${String(value)}`);
  }
}

/**
 * Piecewise-linear interpolation through `points` (ascending, distinct x), flat beyond both ends.
 * Exact at every breakpoint; each segment's result is clamped to that segment's y-range so binary noise
 * can never break monotonicity across a breakpoint.
 * @throws RangeError when `x` is NaN.
 */
export function piecewiseLinear(x: number, points: readonly (readonly [number, number])[]): number {
  requireNumber(x, "x");
  const [firstX, firstY] = points[0]!;
  if (x <= firstX) return firstY;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (x < x1) {
      const [x0, y0] = points[i - 1]!;
      // Multiply before dividing: exact at "nice" points between breakpoints too.
      const y = y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
      return Math.min(Math.max(y, Math.min(y0, y1)), Math.max(y0, y1));
    }
    if (x === x1) return y1;
  }
  return points[points.length - 1]![1];
}

/**
 * The unrounded index for one invoice (20..100). Linear interpolation between the spec's points,
 * flat beyond −30 days (100) and 120 days (20). Non-increasing in `daysBeyondTerms`.
 * @throws RangeError when `daysBeyondTerms` is NaN.
 */
export function payIndexExact(daysBeyondTerms: number): number {
  requireNumber(daysBeyondTerms, "days_beyond_terms");
  return piecewiseLinear(daysBeyondTerms, PAYINDEX_POINTS);
}

/**
 * PAYINDEX for one invoice: {@link payIndexExact} rounded half up, an integer 20..100.
 * @throws RangeError when `daysBeyondTerms` is NaN.
 */
export function payIndex(daysBeyondTerms: number): number {
  return roundHalfUp(payIndexExact(daysBeyondTerms));
}

/**
 * PAYINDEX over several invoices: the weighted mean of each invoice's **exact** (unrounded) index,
 * rounded half up once at the end. Weights are the invoice amounts; equal weights when omitted.
 * Zero weights are allowed (the invoice then does not count).
 * @throws RangeError when `days` is empty, `weights` has a different length, a day count is NaN,
 *   a weight is negative or not finite, or all weights are zero.
 */
export function weightedPayIndex(days: readonly number[], weights?: readonly number[]): number {
  if (days.length === 0) throw new RangeError("days_beyond_terms: no values given");
  if (weights !== undefined && weights.length !== days.length) {
    throw new RangeError(`amounts: expected ${days.length} values, got ${weights.length}`);
  }
  let maxWeight = 0;
  for (const w of weights ?? []) {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new RangeError(`amounts: each amount must be a finite number ≥ 0, got ${String(w)}`);
    }
    maxWeight = Math.max(maxWeight, w);
  }
  if (weights !== undefined && maxWeight === 0) throw new RangeError("amounts: total amount is zero");
  let sum = 0;
  let total = 0;
  for (let i = 0; i < days.length; i++) {
    // Scale by the largest weight so huge amounts cannot overflow the sums.
    const w = weights === undefined ? 1 : weights[i]! / maxWeight;
    sum += w * payIndexExact(days[i]!);
    total += w;
  }
  // Clamp guards against binary noise pushing the mean a hair outside 20..100.
  return roundHalfUp(Math.min(PAYINDEX_MAX, Math.max(PAYINDEX_MIN, sum / total)));
}
