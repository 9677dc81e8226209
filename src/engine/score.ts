/**
 * CREDITSCORE, RISKGRADE and SCOREREASONS (spec: /work/shared/spec/functions.md).
 *
 * The score is the weighted mean of the sub-scores (0..100, higher is safer) of the factors that are given,
 * weights re-normalised over them, rounded half up once at the end (sub-scores are kept exact, so the
 * payment sub-score is the *unrounded* PAYINDEX). Every sub-score curve is non-increasing as its factor
 * gets worse, so the score is monotone: it never rises when a factor gets worse.
 *
 * Worse means: higher `daysBeyondTerms`, `utilization`, `disputeRate`; lower `altmanZ`, `yearsTrading`.
 * An absent factor is `undefined` or `null`; a NaN factor is a caller error (`RangeError`).
 */
import { altmanZone } from "./altman";
import { PAYINDEX_POINTS, piecewiseLinear, roundHalfUp } from "./payindex";

export interface ScoreFactors {
  /** Average days paid beyond terms (negative = early). */
  daysBeyondTerms?: number | null;
  /** Balance / credit limit as a decimal (1.12 = 112 %). */
  utilization?: number | null;
  /** Altman Z (sub-score uses the public-model cut-offs 1.81 / 2.99). */
  altmanZ?: number | null;
  yearsTrading?: number | null;
  /** Disputed share of invoices as a decimal (0.05 = 5 %). */
  disputeRate?: number | null;
}

export type ScoreFactorKey = "payment" | "utilization" | "altman" | "years" | "disputes";

/** Relative weight per factor; any non-negative finite numbers (they are re-normalised). */
export type ScoreWeights = Readonly<Record<ScoreFactorKey, number>>;

/** The spec's default weights. */
export const SCORE_WEIGHTS: ScoreWeights = {
  payment: 40,
  utilization: 20,
  altman: 25,
  years: 10,
  disputes: 5,
};

/** Factor order (spec order); also the tie-break order for reasons. */
export const SCORE_FACTOR_KEYS: readonly ScoreFactorKey[] = [
  "payment",
  "utilization",
  "altman",
  "years",
  "disputes",
];

const FIELD: Readonly<Record<ScoreFactorKey, keyof ScoreFactors>> = {
  payment: "daysBeyondTerms",
  utilization: "utilization",
  altman: "altmanZ",
  years: "yearsTrading",
  disputes: "disputeRate",
};

/** Sub-score curves as piecewise-linear points, flat beyond both ends (spec CREDITSCORE). */
export const SUBSCORE_CURVES: Readonly<Record<ScoreFactorKey, readonly (readonly [number, number])[]>> = {
  payment: PAYINDEX_POINTS, // PAYINDEX of the days, unrounded
  utilization: [
    [0.5, 100],
    [1.0, 60],
    [1.5, 0],
  ], // ≤ 0.5 → 100, linear to 60 at 1.0, to 0 at 1.5 and beyond
  altman: [
    [0, 0],
    [1.81, 40],
    [2.99, 100],
  ], // ≤ 0 → 0, linear to 40 at 1.81, to 100 at 2.99 and above
  years: [
    [0, 20],
    [10, 100],
  ], // 0 → 20, linear to 100 at 10 years
  disputes: [
    [0, 100],
    [0.2, 0],
  ], // 0 → 100, linear to 0 at 0.2
};

/** Exact (unrounded) sub-score 0..100 of one factor value. @throws RangeError when `value` is NaN. */
export function subScore(factor: ScoreFactorKey, value: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new RangeError(`${FIELD[factor]} must be a number, got ${String(value)}`);
  }
  return piecewiseLinear(value, SUBSCORE_CURVES[factor]);
}

/** A message describing what is wrong with `weights`, or `null` when they are usable. */
export function validateWeights(weights: ScoreWeights): string | null {
  for (const key of SCORE_FACTOR_KEYS) {
    const w = weights[key];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      return `weight for ${key} must be a finite number ≥ 0, got ${String(w)}`;
    }
  }
  return null;
}

/** One given factor's contribution to the score. */
export interface FactorScore {
  readonly factor: ScoreFactorKey;
  readonly value: number;
  /** Exact sub-score 0..100. */
  readonly subScore: number;
  /** Re-normalised weight share 0..1 (shares of all returned factors sum to 1, or all are 0). */
  readonly share: number;
  /** Points this factor takes off a perfect 100: `share × (100 − subScore)`. They sum to 100 − exact score. */
  readonly pointsLost: number;
}

/**
 * Sub-score and points lost for each given factor, in spec order.
 * @throws RangeError on a NaN factor or invalid weights.
 */
export function subScores(f: ScoreFactors, weights: ScoreWeights = SCORE_WEIGHTS): FactorScore[] {
  const problem = validateWeights(weights);
  if (problem) throw new RangeError(problem);
  const given = SCORE_FACTOR_KEYS.filter((key) => f[FIELD[key]] != null).map((key) => {
    const value = f[FIELD[key]] as number;
    return { factor: key, value, subScore: subScore(key, value), weight: weights[key] };
  });
  const total = given.reduce((sum, g) => sum + g.weight, 0);
  return given.map(({ factor, value, subScore: s, weight }) => {
    const share = total > 0 ? weight / total : 0;
    return { factor, value, subScore: s, share, pointsLost: share * (100 - s) };
  });
}

/**
 * CREDITSCORE: integer 0..100, higher is safer, or `null` when no factor is given (or every given
 * factor has weight 0). Weighted mean of exact sub-scores, rounded half up.
 * @throws RangeError on a NaN factor or invalid weights.
 */
export function creditScore(f: ScoreFactors, weights: ScoreWeights = SCORE_WEIGHTS): number | null {
  let weighted = 0;
  let total = 0;
  for (const s of subScores(f, weights)) {
    weighted += weights[s.factor] * s.subScore;
    total += weights[s.factor];
  }
  if (total === 0) return null;
  return Math.min(100, Math.max(0, roundHalfUp(weighted / total)));
}

export type RiskGrade = "A" | "B" | "C" | "D" | "E";

/** Lower bound of each grade: A 80–100, B 65–79, C 50–64, D 35–49, E < 35. */
export const RISK_GRADE_FLOORS: readonly (readonly [RiskGrade, number])[] = [
  ["A", 80],
  ["B", 65],
  ["C", 50],
  ["D", 35],
];

/**
 * RISKGRADE of a score. A fractional score falls in the band whose floor it reaches (79.5 → B);
 * scores above 100 are A and below 0 are E (the adapter rejects them before).
 * @throws RangeError when `score` is NaN.
 */
export function riskGrade(score: number): RiskGrade {
  if (typeof score !== "number" || Number.isNaN(score)) {
    throw new RangeError(`score must be a number, got ${String(score)}`);
  }
  for (const [grade, floor] of RISK_GRADE_FLOORS) if (score >= floor) return grade;
  return "E";
}

export type ReasonLang = "en" | "zh-CN";

/** Texts returned by {@link scoreReasons} when there is nothing to name. */
export const NO_RISK_FACTORS: Readonly<Record<ReasonLang, string>> = {
  en: "no risk factors",
  "zh-CN": "无风险因素",
};
export const NO_SCORE_FACTORS: Readonly<Record<ReasonLang, string>> = {
  en: "no score factors given",
  "zh-CN": "未提供评分因素",
};

/** Separator between reasons (the spec's example uses "; " in both languages). */
export const REASON_SEPARATOR = "; ";

/** Up to one decimal, trailing ".0" dropped: 3.5 → "3.5", 2 → "2". */
function oneDecimal(x: number): string {
  return String(roundHalfUp(x * 10) / 10);
}

const ZONE_WORDS: Readonly<Record<ReasonLang, Readonly<Record<string, string>>>> = {
  en: { Safe: "safe zone", Grey: "grey zone", Distress: "distress zone" },
  "zh-CN": { Safe: "安全区", Grey: "灰色区", Distress: "困境区" },
};

/**
 * One factor in words:
 * - payment: `pays 24 days late` / `pays 3 days early` / `pays on time` (days rounded half up on their size);
 *   zh `平均逾期24天付款` / `平均提前3天付款` / `按期付款`
 * - utilization: `112% of credit limit` (whole percent); zh `占信用额度112%`
 * - altman: `Altman Z 1.20 (distress zone)` (public cut-offs); zh `Altman Z值1.20（困境区）`
 * - years: `3 years trading` (up to one decimal); zh `经营3年`
 * - disputes: `12.5% of invoices disputed` (up to one decimal); zh `12.5%的发票有争议`
 */
export function describeFactor(factor: ScoreFactorKey, value: number, lang: ReasonLang = "en"): string {
  const en = lang === "en";
  switch (factor) {
    case "payment": {
      const n = roundHalfUp(Math.abs(value));
      if (n === 0) return en ? "pays on time" : "按期付款";
      if (en) return `pays ${n} day${n === 1 ? "" : "s"} ${value > 0 ? "late" : "early"}`;
      return value > 0 ? `平均逾期${n}天付款` : `平均提前${n}天付款`;
    }
    case "utilization": {
      const pct = roundHalfUp(value * 100);
      return en ? `${pct}% of credit limit` : `占信用额度${pct}%`;
    }
    case "altman": {
      const zone = ZONE_WORDS[lang][altmanZone(value)];
      return en ? `Altman Z ${value.toFixed(2)} (${zone})` : `Altman Z值${value.toFixed(2)}（${zone}）`;
    }
    case "years": {
      const y = oneDecimal(value);
      return en ? `${y} year${y === "1" ? "" : "s"} trading` : `经营${y}年`;
    }
    case "disputes": {
      const pct = oneDecimal(value * 100);
      return en ? `${pct}% of invoices disputed` : `${pct}%的发票有争议`;
    }
  }
}

/**
 * SCOREREASONS: the (at most two) factors that cost the most points, most costly first, joined by "; ";
 * ties keep spec order. {@link NO_RISK_FACTORS} when no factor costs points, {@link NO_SCORE_FACTORS}
 * when nothing usable is given (where CREDITSCORE is `null`).
 * @throws RangeError on a NaN factor or invalid weights.
 */
export function scoreReasons(
  f: ScoreFactors,
  lang: ReasonLang = "en",
  weights: ScoreWeights = SCORE_WEIGHTS,
): string {
  const scores = subScores(f, weights);
  if (!scores.some((s) => s.share > 0)) return NO_SCORE_FACTORS[lang];
  const costly = scores
    .filter((s) => s.pointsLost > 1e-9)
    .sort((a, b) => b.pointsLost - a.pointsLost) // stable: ties keep spec order
    .slice(0, 2);
  if (costly.length === 0) return NO_RISK_FACTORS[lang];
  return costly.map((s) => describeFactor(s.factor, s.value, lang)).join(REASON_SEPARATOR);
}
