/**
 * Altman Z-score models and zones (spec: /work/shared/spec/functions.md, `ZSCORE` and `ZZONE`).
 *
 * With X1 = working capital / total assets, X2 = retained earnings / TA, X3 = EBIT / TA,
 * X4 = equity / total liabilities, X5 = sales / TA:
 * - `public`  (1968 Z):  1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 (market equity) + 1.0 X5
 * - `private` (Z′):      0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 (book equity) + 0.998 X5
 * - `nonmfg`  (Z″):      6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4 (sales ignored)
 */

export type AltmanModel = "public" | "private" | "nonmfg";
export type AltmanZone = "Safe" | "Grey" | "Distress";

export interface AltmanInputs {
  readonly workingCapital: number;
  readonly retainedEarnings: number;
  readonly ebit: number;
  /** Market value of equity for `public`, book equity for `private`/`nonmfg`. */
  readonly equity: number;
  readonly sales: number;
  readonly totalAssets: number;
  readonly totalLiabilities: number;
}

/** Coefficients of X1..X5 per model (X5 is 0 for `nonmfg`). */
export const ALTMAN_COEFFICIENTS: Readonly<
  Record<AltmanModel, readonly [number, number, number, number, number]>
> = {
  public: [1.2, 1.4, 3.3, 0.6, 1.0],
  private: [0.717, 0.847, 3.107, 0.42, 0.998],
  nonmfg: [6.56, 3.26, 6.72, 1.05, 0],
};

/**
 * Zone cut-offs per model. Boundaries are inclusive in the grey zone:
 * `z > safeAbove` is Safe, `z < distressBelow` is Distress, anything in between (both ends included) is Grey.
 */
export const ALTMAN_CUTOFFS: Readonly<
  Record<AltmanModel, { readonly distressBelow: number; readonly safeAbove: number }>
> = {
  public: { distressBelow: 1.81, safeAbove: 2.99 },
  private: { distressBelow: 1.23, safeAbove: 2.9 },
  nonmfg: { distressBelow: 1.1, safeAbove: 2.6 },
};

/** The three models, in the order the Policy view offers them. */
export const ALTMAN_MODELS: readonly AltmanModel[] = ["public", "private", "nonmfg"];

/** True for the three model names (case-sensitive; the adapter normalises case). */
export function isAltmanModel(value: unknown): value is AltmanModel {
  return value === "public" || value === "private" || value === "nonmfg";
}

/**
 * Altman Z for the given model (default `public`).
 * Returns `null` (Excel `#NUM!`) when total assets ≤ 0, total liabilities ≤ 0, any input is not a
 * finite number, or the result overflows (absurdly small totals).
 */
export function altmanZ(i: AltmanInputs, model: AltmanModel = "public"): number | null {
  const values = [
    i.workingCapital,
    i.retainedEarnings,
    i.ebit,
    i.equity,
    i.sales,
    i.totalAssets,
    i.totalLiabilities,
  ];
  if (!values.every((v) => typeof v === "number" && Number.isFinite(v))) return null;
  if (i.totalAssets <= 0 || i.totalLiabilities <= 0) return null;
  const [c1, c2, c3, c4, c5] = ALTMAN_COEFFICIENTS[model];
  const ta = i.totalAssets;
  const z =
    (c1 * i.workingCapital) / ta +
    (c2 * i.retainedEarnings) / ta +
    (c3 * i.ebit) / ta +
    (c4 * i.equity) / i.totalLiabilities +
    (c5 === 0 ? 0 : (c5 * i.sales) / ta);
  return Number.isFinite(z) ? z : null;
}

/**
 * Zone of a Z value under the model's cut-offs (default `public`): Safe above the upper cut-off,
 * Distress below the lower one, Grey in between with both cut-offs included
 * (public: 2.99 → Grey, 1.81 → Grey, 1.8099 → Distress).
 * @throws RangeError when `z` is NaN.
 */
export function altmanZone(z: number, model: AltmanModel = "public"): AltmanZone {
  if (typeof z !== "number" || Number.isNaN(z)) throw new RangeError(`z must be a number, got ${String(z)}`);
  const { distressBelow, safeAbove } = ALTMAN_CUTOFFS[model];
  if (z > safeAbove) return "Safe";
  if (z < distressBelow) return "Distress";
  return "Grey";
}

/**
 * The Z value on the public model's scale with the same zone and the same place inside it: the score's Altman
 * sub-score (CREDITSCORE: 0 → 0, 1.81 → 40, 2.99 → 100, linear between) is written on the public cut-offs, so a Z′
 * (private) or Z″ (non-manufacturing) value is mapped piecewise-linearly — 0 → 0, the model's distress cut-off →
 * 1.81, its safe cut-off → 2.99, above it shifted by the same amount — before it is scored. A grey-zone company
 * under its own model is then scored as grey (sub-score 40–100), never as distress, and the mapping is monotone, so
 * the score still never rises when Z falls. Negative values are kept (their sub-score is 0 either way).
 */
export function publicScaleZ(z: number, model: AltmanModel): number {
  if (model === "public" || z <= 0) return z;
  const { distressBelow: d, safeAbove: s } = ALTMAN_CUTOFFS[model];
  const pub = ALTMAN_CUTOFFS.public;
  if (z < d) return (z / d) * pub.distressBelow;
  if (z <= s) return pub.distressBelow + ((z - d) / (s - d)) * (pub.safeAbove - pub.distressBelow);
  return pub.safeAbove + (z - s);
}
