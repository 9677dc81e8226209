/**
 * The reasons a customer row gives for its score and grade (spec score-sheet §2 v2), English and Chinese.
 *
 * Same ranking as SCOREREASONS (score.ts: the at most two factors costing the most points, ties in spec order), but
 * the words follow what the pipeline knows and the custom function does not:
 * - the payment factor names its basis: paid lateness is "pays N days late" / "pays N days early" / "pays on time";
 *   open-item lateness is "open invoices N days past due"; both together "pays 2 days early, open invoices 85 days
 *   past due". A customer with no payment history never gets "pays on time";
 * - the Altman factor names the model used and that model's zone ("Altman Z 2.10 (private model, grey zone)");
 * - a grade cap that lowered the grade comes first ("capped at C: 95 days past due on INV-1043").
 * `SCOREREASONS` keeps its catalogue contract (its argument is days beyond terms, described as payment lateness).
 */
import { altmanZone, type AltmanModel } from "../altman";
import { roundHalfUp } from "../payindex";
import {
  describeFactor,
  NO_RISK_FACTORS,
  NO_SCORE_FACTORS,
  REASON_SEPARATOR,
  subScores,
  type ScoreFactors,
  type ScoreWeights,
} from "../score";
import type { Msg } from "../sheet/types";
import type { CustomerResult } from "./types";

export const MODEL_NAMES: Readonly<Record<AltmanModel, Msg>> = {
  public: { en: "public", zh: "上市公司" },
  private: { en: "private", zh: "非上市公司" },
  nonmfg: { en: "non-manufacturing", zh: "非制造业" },
};

const ZONE: Readonly<Record<string, Msg>> = {
  Safe: { en: "safe zone", zh: "安全区" },
  Grey: { en: "grey zone", zh: "灰色区" },
  Distress: { en: "distress zone", zh: "困境区" },
};

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The payment factor in words, by basis (see module comment). */
export function describePayment(
  basis: CustomerResult["daysBeyondTermsBasis"],
  paidDays: number | null,
  openDays: number | null,
): Msg {
  const paid: Msg | null =
    paidDays !== null
      ? { en: describeFactor("payment", paidDays, "en"), zh: describeFactor("payment", paidDays, "zh-CN") }
      : null;
  const n = openDays !== null ? roundHalfUp(openDays) : 0;
  const open: Msg = { en: `open invoices ${days(n)} past due`, zh: `未付发票平均逾期${n}天` };
  if (basis === "paid" && paid) return paid;
  if (basis === "open") return open;
  if (basis === "paidAndOpen" && paid) return { en: `${paid.en}, ${open.en}`, zh: `${paid.zh}，${open.zh}` };
  return { en: "", zh: "" };
}

/** The Altman factor in words with the model used. */
export function describeAltman(z: number, model: AltmanModel): Msg {
  const zone = ZONE[altmanZone(z, model)]!;
  const m = MODEL_NAMES[model];
  return {
    en: `Altman Z ${z.toFixed(2)} (${m.en} model, ${zone.en})`,
    zh: `Altman Z值${z.toFixed(2)}（${m.zh}模型，${zone.zh}）`,
  };
}

export interface ReasonContext {
  readonly basis: CustomerResult["daysBeyondTermsBasis"];
  readonly paidDays: number | null;
  readonly openDays: number | null;
  readonly altmanModel: AltmanModel | null;
  /** The customer's Z as its model computes it (the factors carry it on the public scale, for scoring). */
  readonly altmanZ?: number | null;
  /** The cap that lowered the grade, if any (its message leads). */
  readonly cap?: Msg | null;
}

/** Reasons for one customer: the cap (if any), then the two costliest factors. */
export function customerReasons(f: ScoreFactors, weights: ScoreWeights, ctx: ReasonContext): Msg {
  const scores = subScores(f, weights);
  const parts: Msg[] = ctx.cap ? [ctx.cap] : [];
  if (!scores.some((s) => s.share > 0)) {
    if (parts.length === 0) parts.push({ en: NO_SCORE_FACTORS.en, zh: NO_SCORE_FACTORS["zh-CN"] });
  } else {
    const costly = scores
      .filter((s) => s.pointsLost > 1e-9)
      .sort((a, b) => b.pointsLost - a.pointsLost)
      .slice(0, 2);
    for (const s of costly) {
      if (s.factor === "payment") parts.push(describePayment(ctx.basis, ctx.paidDays, ctx.openDays));
      else if (s.factor === "altman" && ctx.altmanModel)
        parts.push(describeAltman(ctx.altmanZ ?? s.value, ctx.altmanModel));
      else
        parts.push({
          en: describeFactor(s.factor, s.value, "en"),
          zh: describeFactor(s.factor, s.value, "zh-CN"),
        });
    }
    if (parts.length === 0) parts.push({ en: NO_RISK_FACTORS.en, zh: NO_RISK_FACTORS["zh-CN"] });
  }
  return {
    en: parts.map((p) => p.en).join(REASON_SEPARATOR),
    zh: parts.map((p) => p.zh).join(REASON_SEPARATOR),
  };
}
