/**
 * The Policy view's form model: the policy as the texts typed in its fields ({@link PolicyDraft}), and the
 * conversion back to a {@link Policy} with an error per field — typing problems ("not a number") first, then the
 * engine's `validatePolicy` problems mapped onto the field that causes them.
 */
import type { AltmanModel } from "../engine/altman";
import {
  normalizeCurrency,
  validatePolicy,
  type DateOrder,
  type DunningStageId,
  type Grade,
  type LossRateMethod,
  type Policy,
} from "../engine/policy";
import type { ScoreFactorKey } from "../engine/score";
import type { Msg } from "../engine/sheet/types";
import { parseNumberField, parseNumberList } from "./format";
import { PANE_STRINGS, type PaneStringKey } from "./strings";

export const WEIGHT_KEYS: readonly ScoreFactorKey[] = [
  "payment",
  "utilization",
  "altman",
  "years",
  "disputes",
];

export interface PolicyDraft {
  readonly edges: string;
  readonly lossRates: string;
  readonly lossRateMethod: LossRateMethod;
  readonly nearLimitPct: string;
  readonly severelyOverdueDays: string;
  readonly insurerDays: string;
  readonly disputeAgedDays: string;
  readonly deteriorationScore: string;
  readonly deteriorationDays: string;
  readonly weights: Readonly<Record<ScoreFactorKey, string>>;
  readonly dunning: readonly { readonly id: DunningStageId; readonly fromDays: string }[];
  readonly defaultTerms: string;
  readonly lateInterestEnabled: boolean;
  readonly interestRatePct: string;
  readonly feeRegime: "" | "UK" | "EU";
  /** "auto" = null (Automatic). */
  readonly dateOrder: "auto" | DateOrder;
  readonly decimalComma: boolean;
  /** "" = the sheet's most common currency. */
  readonly baseCurrency: string;
  /** "USD 0.92, GBP 1.17". */
  readonly rates: string;
  readonly capsEnabled: boolean;
  readonly capRules: readonly { readonly overDays: string; readonly maxGrade: Grade }[];
  readonly stoppedOverdueDays: string;
  readonly stoppedNoPaymentDays: string;
  readonly stoppedMaxGrade: Grade;
  readonly floorPct: string;
  readonly minCohorts: string;
  readonly altmanModel: AltmanModel;
}

/** "USD 0.92, GBP 1.17" ↔ rates. Pairs of a code and a number (also `USD=0.92`, `USD: 0.92`), any separators. */
export function ratesText(rates: Readonly<Record<string, number>>): string {
  return Object.entries(rates)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([c, r]) => `${c} ${num(r)}`)
    .join(", ");
}

/** The rates typed in the form, or null when the text is not a list of code + number pairs. */
export function parseRatesText(text: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  const parts = text
    .split(/[,;，；\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z0-9$]{0,7})\s*[=:：]?\s*(\d+(?:\.\d*)?|\.\d+)$/.exec(part);
    if (!m) return null;
    const code = normalizeCurrency(m[1]);
    const rate = Number(m[2]);
    if (!code || !(rate > 0)) return null;
    out[code] = rate;
  }
  return out;
}

/** Field ids of the form: the draft keys, `weights.<key>`, `dunning.<i>`, and `general`. */
export type PolicyFieldErrors = Record<string, Msg>;

/** A number as typed: at most 10 significant digits, no exponent for ordinary values. */
function num(n: number): string {
  return String(Number(n.toPrecision(10)));
}

const pct = (ratio: number) => num(ratio * 100);
const fromPct = (value: number) => Number((value / 100).toPrecision(12));

export function draftFromPolicy(p: Policy): PolicyDraft {
  return {
    edges: p.aging.edges.join(", "),
    lossRates: p.lossRates.map(pct).join(", "),
    lossRateMethod: p.lossRateMethod,
    nearLimitPct: pct(p.breaches.nearLimitRatio),
    severelyOverdueDays: num(p.breaches.severelyOverdueDays),
    insurerDays: num(p.breaches.insurerMaxExtensionDays),
    disputeAgedDays: num(p.breaches.disputeAgedDays),
    deteriorationScore: num(p.breaches.deteriorationScorePoints),
    deteriorationDays: num(p.breaches.deteriorationDaysBeyondTerms),
    weights: {
      payment: num(p.weights.payment),
      utilization: num(p.weights.utilization),
      altman: num(p.weights.altman),
      years: num(p.weights.years),
      disputes: num(p.weights.disputes),
    },
    dunning: p.dunning.levels.map((l) => ({ id: l.id, fromDays: num(l.fromDays) })),
    defaultTerms: p.defaultTerms ?? "",
    lateInterestEnabled: p.lateInterest.enabled,
    interestRatePct: pct(p.lateInterest.annualRate),
    feeRegime: p.lateInterest.recoveryFeeRegime ?? "",
    dateOrder: p.dateOrder ?? "auto",
    decimalComma: p.decimalComma,
    baseCurrency: p.baseCurrency ?? "",
    rates: ratesText(p.rates),
    capsEnabled: p.gradeCaps.enabled,
    capRules: p.gradeCaps.rules.map((r) => ({ overDays: num(r.overDays), maxGrade: r.maxGrade })),
    stoppedOverdueDays: num(p.gradeCaps.stoppedPaying.overdueDays),
    stoppedNoPaymentDays: num(p.gradeCaps.stoppedPaying.noPaymentDays),
    stoppedMaxGrade: p.gradeCaps.stoppedPaying.maxGrade,
    floorPct: pct(p.rollRate.floorShare),
    minCohorts: num(p.rollRate.minCohorts),
    altmanModel: p.defaultAltmanModel,
  };
}

function msgOf(key: PaneStringKey): Msg {
  return { en: PANE_STRINGS["en-US"][key], zh: PANE_STRINGS["zh-CN"][key] };
}

/** Maps a `validatePolicy` field path to the form field showing it. */
export function fieldForProblem(path: string): string {
  if (path.startsWith("aging.")) return "edges";
  if (path.startsWith("lossRates")) return "lossRates";
  if (path === "lossRateMethod") return "lossRateMethod";
  const breach: Record<string, string> = {
    "breaches.nearLimitRatio": "nearLimitPct",
    "breaches.severelyOverdueDays": "severelyOverdueDays",
    "breaches.insurerMaxExtensionDays": "insurerDays",
    "breaches.disputeAgedDays": "disputeAgedDays",
    "breaches.deteriorationScorePoints": "deteriorationScore",
    "breaches.deteriorationDaysBeyondTerms": "deteriorationDays",
  };
  if (breach[path]) return breach[path];
  if (path.startsWith("weights")) return "weights";
  const level = /^dunning\.levels\.(\d+)$/.exec(path);
  if (level) return `dunning.${level[1]}`;
  if (path.startsWith("dunning")) return "dunning";
  if (path === "defaultTerms") return "defaultTerms";
  if (path.startsWith("lateInterest")) return "interestRatePct";
  if (path === "baseCurrency") return "baseCurrency";
  if (path.startsWith("rates")) return "rates";
  const cap = /^gradeCaps\.rules\.(\d+)$/.exec(path);
  if (cap) return `capRules.${cap[1]}`;
  if (path.startsWith("gradeCaps.stoppedPaying")) return "stoppedOverdueDays";
  if (path.startsWith("gradeCaps")) return "capsEnabled";
  if (path === "rollRate.floorShare") return "floorPct";
  if (path === "rollRate.minCohorts") return "minCohorts";
  if (path === "defaultAltmanModel") return "altmanModel";
  return "general";
}

/**
 * The policy the draft describes (fields the form does not show are kept from `base`) and the errors per field;
 * `policy` is null when there is any error.
 */
export function policyFromDraft(
  draft: PolicyDraft,
  base: Policy,
): { policy: Policy | null; errors: PolicyFieldErrors } {
  const errors: PolicyFieldErrors = {};
  const number = (field: string, text: string): number => {
    const v = parseNumberField(text);
    if (v === null) {
      errors[field] = msgOf("notANumber");
      return NaN;
    }
    return v;
  };
  const list = (field: string, text: string): number[] => {
    const v = parseNumberList(text);
    if (v === null) {
      errors[field] = msgOf("notAList");
      return [];
    }
    return v;
  };
  const edges = list("edges", draft.edges);
  const lossRates = list("lossRates", draft.lossRates).map(fromPct);
  const weights = Object.fromEntries(
    WEIGHT_KEYS.map((k) => [k, number(`weights.${k}`, draft.weights[k])]),
  ) as Record<ScoreFactorKey, number>;
  const labels =
    base.aging.labels && base.aging.labels.length === edges.length + 2 ? base.aging.labels : null;
  const rates = parseRatesText(draft.rates);
  if (rates === null) errors.rates = msgOf("ratesInvalid");
  const candidate: Policy = {
    ...base,
    aging: { edges, labels },
    lossRates,
    lossRateMethod: draft.lossRateMethod,
    breaches: {
      ...base.breaches,
      nearLimitRatio: fromPct(number("nearLimitPct", draft.nearLimitPct)),
      severelyOverdueDays: number("severelyOverdueDays", draft.severelyOverdueDays),
      insurerMaxExtensionDays: number("insurerDays", draft.insurerDays),
      disputeAgedDays: number("disputeAgedDays", draft.disputeAgedDays),
      deteriorationScorePoints: number("deteriorationScore", draft.deteriorationScore),
      deteriorationDaysBeyondTerms: number("deteriorationDays", draft.deteriorationDays),
    },
    weights,
    dunning: {
      levels: draft.dunning.map((l, i) => ({ id: l.id, fromDays: number(`dunning.${i}`, l.fromDays) })),
    },
    defaultTerms: draft.defaultTerms.trim() === "" ? null : draft.defaultTerms.trim(),
    lateInterest: {
      ...base.lateInterest,
      enabled: draft.lateInterestEnabled,
      annualRate: fromPct(number("interestRatePct", draft.interestRatePct)),
      recoveryFeeRegime: draft.feeRegime === "" ? null : draft.feeRegime,
    },
    dateOrder: draft.dateOrder === "auto" ? null : draft.dateOrder,
    decimalComma: draft.decimalComma,
    baseCurrency: draft.baseCurrency.trim() === "" ? null : draft.baseCurrency.trim().toUpperCase(),
    rates: rates ?? {},
    gradeCaps: {
      enabled: draft.capsEnabled,
      rules: draft.capRules.map((r, i) => ({
        overDays: number(`capRules.${i}`, r.overDays),
        maxGrade: r.maxGrade,
      })),
      stoppedPaying: {
        ...base.gradeCaps.stoppedPaying,
        overdueDays: number("stoppedOverdueDays", draft.stoppedOverdueDays),
        noPaymentDays: number("stoppedNoPaymentDays", draft.stoppedNoPaymentDays),
        maxGrade: draft.stoppedMaxGrade,
      },
    },
    rollRate: {
      ...base.rollRate,
      floorShare: fromPct(number("floorPct", draft.floorPct)),
      minCohorts: number("minCohorts", draft.minCohorts),
    },
    defaultAltmanModel: draft.altmanModel,
  };
  for (const problem of validatePolicy(candidate)) {
    const field = fieldForProblem(problem.field);
    if (!errors[field]) errors[field] = problem.message;
  }
  return { policy: Object.keys(errors).length === 0 ? candidate : null, errors };
}
