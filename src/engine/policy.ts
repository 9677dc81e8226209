/**
 * The credit policy: one JSON-serialisable object (saved in the workbook) holding aging edges, breach thresholds,
 * scorecard weights, dunning levels, loss rates, default terms, late-interest settings and how to read ambiguous
 * text dates. Shared by the pane, the "Score this sheet" pipeline and (where relevant) the custom functions.
 */
import { bucketLabels, edgeProblems } from "./aging";
import { isAltmanModel, type AltmanModel } from "./altman";
import { parseTerms } from "./terms";
import type { Msg } from "./sheet/types";

export type Grade = "A" | "B" | "C" | "D" | "E";
export type DunningStageId = "reminder" | "secondNotice" | "finalNotice" | "creditHold";
export type LossRateMethod = "policy" | "rollRate" | "auto";
export type DateOrder = "DMY" | "MDY";

export interface DunningLevel {
  readonly id: DunningStageId;
  /** The stage applies from this many days past due (oldest overdue invoice of the customer). */
  readonly fromDays: number;
}

export interface Policy {
  /** Schema version of the saved object. */
  readonly version: 1;
  readonly aging: {
    /** Ascending positive whole days; default [30, 60, 90] → Current, 1-30, 31-60, 61-90, 91+. */
    readonly edges: readonly number[];
    /** Optional custom labels, one more than the buckets' count of edges + 1 (i.e. edges.length + 2). */
    readonly labels: readonly string[] | null;
  };
  readonly breaches: {
    /** NEAR_LIMIT when exposure ≥ this share of the credit limit (default 0.9). */
    readonly nearLimitRatio: number;
    /** SEVERELY_OVERDUE when an invoice is more than this many days past due (default 90). */
    readonly severelyOverdueDays: number;
    /** NOTIFY_INSURER when an invoice is at least this many days past due (default 60). */
    readonly insurerMaxExtensionDays: number;
    /** DISPUTE_AGED when a disputed invoice is older than this many days (default 30). */
    readonly disputeAgedDays: number;
    /** DETERIORATING when the score fell by at least this many points since the previous run (default 10). */
    readonly deteriorationScorePoints: number;
    /** … or days beyond terms rose by at least this many days (default 10). */
    readonly deteriorationDaysBeyondTerms: number;
    /** LOW_GRADE for these grades (default D and E). */
    readonly lowGrades: readonly Grade[];
  };
  /** Scorecard weights (spec CREDITSCORE): payment 40, utilisation 20, Altman 25, years 10, disputes 5. */
  readonly weights: {
    readonly payment: number;
    readonly utilization: number;
    readonly altman: number;
    readonly years: number;
    readonly disputes: number;
  };
  readonly dunning: { readonly levels: readonly DunningLevel[] };
  /** Loss rate per aging bucket (decimal), one per bucket (edges.length + 2); IFRS 9 illustrative defaults. */
  readonly lossRates: readonly number[];
  /** "policy": always the rates above; "rollRate": from the workbook's history (falls back with a note); "auto". */
  readonly lossRateMethod: LossRateMethod;
  readonly rollRate: {
    /** Enough history = at least this many monthly cohorts of mature invoices … */
    readonly minCohorts: number;
    /** … and at least this many paid invoices among them. */
    readonly minPaidInvoices: number;
    /** An invoice still open this many days past due counts as a loss (default 180). */
    readonly lossDays: number;
  };
  /** Terms used when a row has an invoice date but no due date and no terms (e.g. "Net 30"); null = none. */
  readonly defaultTerms: string | null;
  readonly lateInterest: {
    readonly enabled: boolean;
    /** Decimal annual rate (0.08 = 8 %; UK statutory is 8 % over the Bank of England base rate). */
    readonly annualRate: number;
    readonly dayBasis: 365 | 360;
    readonly recoveryFeeRegime: "UK" | "EU" | null;
  };
  /** How to read `03/04/2025`: "DMY", "MDY", or null = unknown (ambiguous dates are reported, never guessed). */
  readonly dateOrder: DateOrder | null;
  /** Read number text with a decimal comma (`1.200,50`); otherwise such text is reported. */
  readonly decimalComma: boolean;
  /** Altman model when the Customers sheet does not name one (same default as ZSCORE). */
  readonly defaultAltmanModel: AltmanModel;
  /** Days of paid history used for days beyond terms / PAYINDEX (default 365 = last 12 months). */
  readonly paymentHistoryDays: number;
}

export const DEFAULT_POLICY: Policy = deepFreeze({
  version: 1,
  aging: { edges: [30, 60, 90], labels: null },
  breaches: {
    nearLimitRatio: 0.9,
    severelyOverdueDays: 90,
    insurerMaxExtensionDays: 60,
    disputeAgedDays: 30,
    deteriorationScorePoints: 10,
    deteriorationDaysBeyondTerms: 10,
    lowGrades: ["D", "E"],
  },
  weights: { payment: 40, utilization: 20, altman: 25, years: 10, disputes: 5 },
  dunning: {
    levels: [
      { id: "reminder", fromDays: 1 },
      { id: "secondNotice", fromDays: 15 },
      { id: "finalNotice", fromDays: 30 },
      { id: "creditHold", fromDays: 60 },
    ],
  },
  lossRates: [0.003, 0.016, 0.036, 0.066, 0.106],
  lossRateMethod: "auto",
  rollRate: { minCohorts: 6, minPaidInvoices: 100, lossDays: 180 },
  defaultTerms: null,
  lateInterest: { enabled: false, annualRate: 0.08, dayBasis: 365, recoveryFeeRegime: null },
  dateOrder: null,
  decimalComma: false,
  defaultAltmanModel: "public",
  paymentHistoryDays: 365,
} as Policy);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** Deep partial of the policy (arrays are replaced whole). */
export type PolicyInput = {
  [K in keyof Policy]?: Policy[K] extends readonly unknown[]
    ? Policy[K]
    : Policy[K] extends object | null
      ? { [L in keyof NonNullable<Policy[K]>]?: NonNullable<Policy[K]>[L] } | null
      : Policy[K];
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Fields whose default is null but which accept a value of another type. */
const NULLABLE: Record<string, "string" | "array" | "dateOrder" | "regime"> = {
  "aging.labels": "array",
  defaultTerms: "string",
  dateOrder: "dateOrder",
  "lateInterest.recoveryFeeRegime": "regime",
};

function mergeValue(path: string, base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  const nullable = NULLABLE[path];
  if (nullable) {
    if (over === null) return null;
    if (nullable === "array") return Array.isArray(over) ? [...over] : base;
    if (nullable === "string") return typeof over === "string" ? over : base;
    if (nullable === "dateOrder") return over === "DMY" || over === "MDY" ? over : base;
    return over === "UK" || over === "EU" ? over : base;
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(over)) return base;
    return over.map((x) => (isPlainObject(x) ? { ...x } : x));
  }
  if (isPlainObject(base)) {
    if (!isPlainObject(over)) return base;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(base))
      out[key] = mergeValue(path ? `${path}.${key}` : key, base[key], over[key]);
    return out;
  }
  return typeof over === typeof base ? over : base;
}

/**
 * A full policy: {@link DEFAULT_POLICY} overlaid with `partial` (e.g. the JSON saved in the workbook). Values of the
 * wrong JSON type and unknown keys are ignored (the default stays); arrays replace the default whole. The result
 * is a fresh object; check it with {@link validatePolicy}.
 */
export function mergePolicy(partial?: PolicyInput | Record<string, unknown> | null): Policy {
  const merged = mergeValue("", DEFAULT_POLICY, isPlainObject(partial) ? partial : {}) as Policy;
  return { ...merged, version: 1 };
}

export interface PolicyProblem {
  /** Dotted path of the field, e.g. `breaches.nearLimitRatio`, `lossRates.2`. */
  readonly field: string;
  readonly message: Msg;
}

const DUNNING_IDS: readonly DunningStageId[] = ["reminder", "secondNotice", "finalNotice", "creditHold"];
const GRADES: readonly Grade[] = ["A", "B", "C", "D", "E"];

/** Everything wrong with a policy, in English and Chinese; empty when it can be used. */
export function validatePolicy(p: Policy): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const add = (field: string, en: string, zh: string) => out.push({ field, message: { en, zh } });
  const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

  const edges = Array.isArray(p.aging?.edges) ? p.aging.edges : [];
  for (const problem of edgeProblems(edges.map((e) => (num(e) ? e : NaN)))) {
    add(
      "aging.edges",
      `Aging bucket edges: ${problem}.`,
      `账龄区间边界无效：必须是递增的正整数天数（${problem}）。`,
    );
  }
  const buckets = edges.length + 2;
  if (p.aging?.labels != null) {
    const labels = p.aging.labels;
    if (
      !Array.isArray(labels) ||
      labels.length !== buckets ||
      labels.some((l) => typeof l !== "string" || !l.trim())
    ) {
      add(
        "aging.labels",
        `Aging labels: give ${buckets} non-empty labels (one per bucket), or none.`,
        `账龄标签：请提供${buckets}个非空标签（每个区间一个），或不填。`,
      );
    }
  }
  const b = p.breaches;
  if (!num(b?.nearLimitRatio) || b.nearLimitRatio <= 0 || b.nearLimitRatio > 1) {
    add(
      "breaches.nearLimitRatio",
      "Near-limit ratio must be above 0 and at most 1 (e.g. 0.9).",
      "接近额度比例必须大于0且不超过1（例如0.9）。",
    );
  }
  for (const key of [
    "severelyOverdueDays",
    "insurerMaxExtensionDays",
    "disputeAgedDays",
    "deteriorationScorePoints",
    "deteriorationDaysBeyondTerms",
  ] as const) {
    const v = b?.[key];
    if (!num(v) || v < 0)
      add(`breaches.${key}`, `${key} must be a number ≥ 0.`, `${key} 必须是不小于0的数字。`);
  }
  if (!Array.isArray(b?.lowGrades) || b.lowGrades.some((g) => !GRADES.includes(g))) {
    add("breaches.lowGrades", "Low grades must be a list of A–E.", "低等级必须是A至E的列表。");
  }
  const w = p.weights;
  const weightKeys = ["payment", "utilization", "altman", "years", "disputes"] as const;
  if (!w || weightKeys.some((k) => !num(w[k]) || w[k] < 0)) {
    add("weights", "Score weights must be numbers ≥ 0.", "评分权重必须是不小于0的数字。");
  } else if (weightKeys.every((k) => w[k] === 0)) {
    add("weights", "At least one score weight must be above 0.", "至少一个评分权重必须大于0。");
  }
  const levels = Array.isArray(p.dunning?.levels) ? p.dunning.levels : null;
  if (!levels || levels.length === 0) {
    add("dunning.levels", "Give at least one dunning level.", "请至少设置一个催收级别。");
  } else {
    levels.forEach((l, i) => {
      if (
        !l ||
        !DUNNING_IDS.includes(l.id) ||
        !num(l.fromDays) ||
        !Number.isInteger(l.fromDays) ||
        l.fromDays < 1
      ) {
        add(
          `dunning.levels.${i}`,
          "Each dunning level needs a known stage and a start day ≥ 1.",
          "每个催收级别需要有效的阶段和不小于1的起始天数。",
        );
      } else if (i > 0 && levels[i - 1] && l.fromDays <= levels[i - 1]!.fromDays) {
        add(
          `dunning.levels.${i}`,
          "Dunning levels must start on ascending days.",
          "催收级别的起始天数必须递增。",
        );
      }
    });
  }
  if (!Array.isArray(p.lossRates) || p.lossRates.length !== buckets) {
    add(
      "lossRates",
      `Give ${buckets} loss rates, one per aging bucket.`,
      `请提供${buckets}个损失率，每个账龄区间一个。`,
    );
  } else {
    p.lossRates.forEach((r, i) => {
      if (!num(r) || r < 0 || r > 1) {
        add(
          `lossRates.${i}`,
          "Loss rates are decimals from 0 to 1 (0.036 = 3.6%).",
          "损失率是0到1之间的小数（0.036 = 3.6%）。",
        );
      }
    });
  }
  if (!["policy", "rollRate", "auto"].includes(p.lossRateMethod)) {
    add(
      "lossRateMethod",
      'Loss rate method must be "policy", "rollRate" or "auto".',
      "损失率方法必须是 policy、rollRate 或 auto。",
    );
  }
  const rr = p.rollRate;
  for (const key of ["minCohorts", "minPaidInvoices", "lossDays"] as const) {
    const v = rr?.[key];
    if (!num(v) || !Number.isInteger(v) || v < 1)
      add(`rollRate.${key}`, `${key} must be a whole number ≥ 1.`, `${key} 必须是不小于1的整数。`);
  }
  if (
    p.defaultTerms != null &&
    (typeof p.defaultTerms !== "string" || (p.defaultTerms.trim() !== "" && !parseTerms(p.defaultTerms)))
  ) {
    add(
      "defaultTerms",
      `Default terms "${String(p.defaultTerms)}" are not recognised.`,
      `无法识别默认付款条件“${String(p.defaultTerms)}”。`,
    );
  }
  const li = p.lateInterest;
  if (
    !li ||
    typeof li.enabled !== "boolean" ||
    !num(li.annualRate) ||
    li.annualRate < 0 ||
    li.annualRate > 1
  ) {
    add(
      "lateInterest.annualRate",
      "Late interest rate must be a decimal from 0 to 1 (0.08 = 8%).",
      "逾期利率必须是0到1之间的小数（0.08 = 8%）。",
    );
  }
  if (li && li.dayBasis !== 365 && li.dayBasis !== 360) {
    add("lateInterest.dayBasis", "Day basis must be 365 or 360.", "计息天数基准必须是365或360。");
  }
  if (li && li.recoveryFeeRegime !== null && li.recoveryFeeRegime !== "UK" && li.recoveryFeeRegime !== "EU") {
    add(
      "lateInterest.recoveryFeeRegime",
      'Recovery fee regime must be "UK", "EU" or none.',
      "追偿费用制度必须是 UK、EU 或不适用。",
    );
  }
  if (p.dateOrder !== null && p.dateOrder !== "DMY" && p.dateOrder !== "MDY") {
    add("dateOrder", 'Date order must be "DMY", "MDY" or unknown.', "日期顺序必须是 DMY、MDY 或未知。");
  }
  if (typeof p.decimalComma !== "boolean")
    add("decimalComma", "Decimal comma must be true or false.", "小数逗号设置必须是是或否。");
  if (!isAltmanModel(p.defaultAltmanModel)) {
    add(
      "defaultAltmanModel",
      'Altman model must be "public", "private" or "nonmfg".',
      "Altman模型必须是 public、private 或 nonmfg。",
    );
  }
  if (!num(p.paymentHistoryDays) || p.paymentHistoryDays < 1) {
    add("paymentHistoryDays", "Payment history window must be at least 1 day.", "付款历史窗口至少为1天。");
  }
  return out;
}

/** The bucket labels the policy gives: its custom labels, else the standard labels of its edges. */
export function policyBucketLabels(p: Policy): string[] {
  const standard = bucketLabels(p.aging.edges);
  const custom = p.aging.labels;
  return custom && custom.length === standard.length ? [...custom] : standard;
}
