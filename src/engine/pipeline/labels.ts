/**
 * What the add-in writes and shows for codes, in the display language (spec score-sheet §4 v2: "every text the add-in
 * writes is in the display language: headers, bucket labels, breach labels …; the summary carries a legend label →
 * code → meaning"). One place for the breach labels and their meanings (the pane's Customers view and the summary
 * sheet both read them), the Chinese bucket labels of the standard edges, and the grade bands.
 */
import { DEFAULT_POLICY, type Policy } from "../policy";
import { RISK_GRADE_FLOORS, type RiskGrade } from "../score";
import type { Msg } from "../sheet/types";
import { BREACH_CODES, type BreachCode } from "./types";

/** The policy thresholds a breach meaning names (the defaults when none is given). */
type Thresholds = Policy["breaches"];

/** A short label per breach code (the cell text) and what it means (the legend, the pane's explanation). */
export const BREACH_LABELS: Readonly<
  Record<BreachCode, { readonly label: Msg; readonly meaning: (t: Thresholds) => Msg }>
> = {
  OVER_LIMIT: {
    label: { en: "Over credit limit", zh: "超出信用额度" },
    meaning: () => ({
      en: "Exposure is above the customer's credit limit.",
      zh: "风险敞口高于客户的信用额度。",
    }),
  },
  NEAR_LIMIT: {
    label: { en: "Near credit limit", zh: "接近信用额度" },
    meaning: (t) => ({
      en: `Exposure is at least ${pct(t.nearLimitRatio)} of the credit limit.`,
      zh: `风险敞口达到信用额度的${pct(t.nearLimitRatio)}或以上。`,
    }),
  },
  SEVERELY_OVERDUE: {
    label: { en: "Severely overdue", zh: "严重逾期" },
    meaning: (t) => ({
      en: `An invoice is more than ${t.severelyOverdueDays} days past due.`,
      zh: `有发票逾期超过${t.severelyOverdueDays}天。`,
    }),
  },
  INSURED_LIMIT_EXCEEDED: {
    label: { en: "Insured limit exceeded", zh: "超出保险限额" },
    meaning: () => ({
      en: "Exposure is above the insured limit; the excess is uninsured.",
      zh: "风险敞口高于保险限额，超出部分未投保。",
    }),
  },
  NOTIFY_INSURER: {
    label: { en: "Notify the insurer", zh: "需通知保险人" },
    meaning: (t) => ({
      en: `An invoice is ${t.insurerMaxExtensionDays} or more days past due (the insurer's maximum extension period): the insurer must be told.`,
      zh: `有发票逾期${t.insurerMaxExtensionDays}天或以上（保险人的最长延期期限），必须通知保险人。`,
    }),
  },
  LOW_GRADE: {
    label: { en: "Low grade", zh: "等级偏低" },
    meaning: (t) => ({
      en: `The customer's risk grade is ${t.lowGrades.join(" or ")}.`,
      zh: `客户的风险等级为${t.lowGrades.join("或")}。`,
    }),
  },
  DISPUTE_AGED: {
    label: { en: "Aged dispute", zh: "争议久拖未决" },
    meaning: (t) => ({
      en: `A disputed invoice is more than ${t.disputeAgedDays} days old (from its invoice date).`,
      zh: `有争议发票自开票日起已超过${t.disputeAgedDays}天。`,
    }),
  },
  DETERIORATING: {
    label: { en: "Deteriorating", zh: "信用恶化" },
    meaning: (t) => ({
      en: `Since the previous run the score fell by ${t.deteriorationScorePoints} points or more, or days beyond terms rose by ${t.deteriorationDaysBeyondTerms} or more.`,
      zh: `自上次运行以来评分下降${t.deteriorationScorePoints}分或以上，或超期天数上升${t.deteriorationDaysBeyondTerms}天或以上。`,
    }),
  },
};

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

export type LabelLang = "en" | "zh";

/** The label of one breach code. */
export function breachLabel(code: BreachCode, lang: LabelLang): string {
  return BREACH_LABELS[code].label[lang];
}

/** The labels of a row's breach codes as one cell text: `Over credit limit, Low grade` / `超出信用额度、等级偏低`. */
export function breachLabels(codes: readonly BreachCode[], lang: LabelLang): string {
  return codes.map((c) => breachLabel(c, lang)).join(lang === "en" ? ", " : "、");
}

/** What a breach code means under the policy's thresholds (the defaults when none are given). */
export function breachMeaning(code: BreachCode, thresholds: Thresholds = DEFAULT_POLICY.breaches): Msg {
  return BREACH_LABELS[code].meaning(thresholds);
}

/** Every breach code with its label and meaning, in spec order (the summary's legend). */
export function breachLegend(
  lang: LabelLang,
  thresholds: Thresholds = DEFAULT_POLICY.breaches,
): { code: BreachCode; label: string; meaning: string }[] {
  return BREACH_CODES.map((code) => ({
    code,
    label: BREACH_LABELS[code].label[lang],
    meaning: breachMeaning(code, thresholds)[lang],
  }));
}

const STANDARD_MIDDLE = /^(\d+)(?:-(\d+))?$/;
const STANDARD_LAST = /^(\d+)\+$/;

/**
 * The bucket labels in the display language. The standard labels of any edges (`Current`, `1-30`, …, `91+`, as
 * aging.ts writes them) become the Chinese set in Chinese (`未到期`, `1-30天`, …, `90天以上`); labels the analyst
 * typed in the policy are the analyst's own words and stay as they are.
 */
export function localBucketLabels(labels: readonly string[], lang: LabelLang): string[] {
  if (lang === "en" || !isStandard(labels)) return [...labels];
  return labels.map((label, i) => {
    if (i === 0) return "未到期";
    if (i === labels.length - 1) return `${Number(STANDARD_LAST.exec(label)![1]) - 1}天以上`;
    return `${label}天`;
  });
}

/** True for a label set of aging.ts's standard shape: Current, then day ranges, then `N+`. */
function isStandard(labels: readonly string[]): boolean {
  if (labels.length < 2 || labels[0] !== "Current") return false;
  if (!STANDARD_LAST.test(labels[labels.length - 1]!)) return false;
  return labels.slice(1, -1).every((l) => STANDARD_MIDDLE.test(l));
}

const GRADE_MEANING: Readonly<Record<RiskGrade, Msg>> = {
  A: { en: "Low risk", zh: "低风险" },
  B: { en: "Moderate risk", zh: "较低风险" },
  C: { en: "Average risk: watch", zh: "中等风险，需关注" },
  D: { en: "High risk", zh: "高风险" },
  E: { en: "Very high risk", zh: "极高风险" },
};

/** The grade bands (RISKGRADE) with their score range and meaning: `A`, `80–100`, `Low risk` … `E`, `0–34`. */
export function gradeLegend(lang: LabelLang): { grade: RiskGrade; range: string; meaning: string }[] {
  const bands = RISK_GRADE_FLOORS.map(([grade, floor], i) => ({
    grade,
    low: floor,
    high: i === 0 ? 100 : RISK_GRADE_FLOORS[i - 1]![1] - 1,
  }));
  const last = RISK_GRADE_FLOORS[RISK_GRADE_FLOORS.length - 1]![1];
  return [...bands, { grade: "E" as RiskGrade, low: 0, high: last - 1 }].map((b) => ({
    grade: b.grade,
    range: `${b.low}–${b.high}`,
    meaning: GRADE_MEANING[b.grade][lang],
  }));
}
