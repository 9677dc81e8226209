/**
 * The credit policy: one JSON-serialisable object (saved in the workbook) holding aging edges, breach thresholds,
 * scorecard weights, grade caps, dunning levels, loss rates and the provision method, default terms, late-interest
 * settings, how to read ambiguous text dates, the base currency and exchange rates. Shared by the pane and the
 * "Score this sheet" pipeline; custom functions take no defaults from it.
 *
 * Version 2 (spec score-sheet v2) and how a saved version-1 policy is migrated by {@link mergePolicy}:
 * - `lossRateMethod` "auto" is gone: roll rates are the analyst's choice (spec §2 v2), so a saved "auto" becomes
 *   "policy" (the v1 "auto" fell back to policy rates unless the history was long, and derived zero rates from a
 *   loss-free history). Only an explicit "rollRate" uses the workbook's history.
 * - `defaultAltmanModel`: v1 saved "public" without the analyst ever choosing it (no field in v1's Policy view), so a
 *   v1 "public" becomes the v2 default "private" (most trade customers have no market equity). A v2 policy keeps
 *   whatever the analyst chose.
 * - New groups take their defaults: `gradeCaps` (on), `baseCurrency` (null = the sheet's most common currency),
 *   `rates` ({}), `rollRate.floorShare` (0.5).
 */
import { bucketLabels, edgeProblems } from "./aging";
import { isAltmanModel, type AltmanModel } from "./altman";
import { parseTerms } from "./terms";
import type { Msg } from "./sheet/types";

export type Grade = "A" | "B" | "C" | "D" | "E";
export type DunningStageId = "reminder" | "secondNotice" | "finalNotice" | "creditHold";
/** "policy": the policy's loss rates; "rollRate": derived from mature cohorts of the workbook's history. */
export type LossRateMethod = "policy" | "rollRate";
export type DateOrder = "DMY" | "MDY";

/**
 * The date-order setting as the Policy view labels it (the view renders exactly these texts), so every message about
 * ambiguous dates can name the setting and its choices word for word. `auto` stands for `dateOrder: null`.
 */
export const DATE_ORDER_SETTING: Msg = { en: "Date order", zh: "日期顺序" };
export const DATE_ORDER_LABELS: Readonly<Record<"auto" | DateOrder, Msg>> = {
  auto: { en: "Automatic", zh: "自动" },
  DMY: { en: "Day-month-year", zh: "日-月-年" },
  MDY: { en: "Month-day-year", zh: "月-日-年" },
};
/** The decimal-comma setting as the Policy view labels it. */
export const DECIMAL_COMMA_SETTING: Msg = { en: "Decimal comma", zh: "小数逗号" };
/** Name of the pane view holding the setting (the pane's tab label). */
export const POLICY_VIEW_NAME: Msg = { en: "Policy", zh: "政策" };

/** Where to change a reading setting, in words: `Policy › Date order` / `“政策”视图中的“日期顺序”`. */
export function settingPath(setting: Msg = DATE_ORDER_SETTING): Msg {
  return {
    en: `${POLICY_VIEW_NAME.en} › ${setting.en}`,
    zh: `“${POLICY_VIEW_NAME.zh}”视图中的“${setting.zh}”`,
  };
}

/** Where to change the date order (see {@link settingPath}). */
export function dateOrderSettingPath(): Msg {
  return settingPath(DATE_ORDER_SETTING);
}

/** A grade cap: an open debit item more than `overDays` past due caps the customer's grade at `maxGrade`. */
export interface GradeCapRule {
  readonly overDays: number;
  readonly maxGrade: Grade;
}

export interface DunningLevel {
  readonly id: DunningStageId;
  /** The stage applies from this many days past due (oldest overdue invoice of the customer). */
  readonly fromDays: number;
}

export interface Policy {
  /** Schema version of the saved object (2 since spec v2; see the module comment for the migration). */
  readonly version: 2;
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
  /**
   * Grade caps by current delinquency (spec §2 v2), applied on top of the score: the grade is the lower of
   * RISKGRADE(score) and every cap that applies, and the reasons say which cap applied and why.
   */
  readonly gradeCaps: {
    readonly enabled: boolean;
    /** Default: more than 60 days past due → at most C; more than 90 → at most D. */
    readonly rules: readonly GradeCapRule[];
    /**
     * "Stopped paying": an open debit item more than `overdueDays` past due and no payment dated in the last
     * `noPaymentDays` days (no invoice of the customer with a paid date in (as-of − noPaymentDays, as-of]) caps the
     * grade at `maxGrade` (C, D or E — such a customer is never A or B). Default 30 / 60 / C. Without a paid-date
     * column no payment can be seen, so the past-due item alone triggers it.
     */
    readonly stoppedPaying: {
      readonly enabled: boolean;
      readonly overdueDays: number;
      readonly noPaymentDays: number;
      readonly maxGrade: Grade;
    };
  };
  readonly dunning: { readonly levels: readonly DunningLevel[] };
  /** Loss rate per aging bucket (decimal), one per bucket (edges.length + 2); IFRS 9 illustrative defaults. */
  readonly lossRates: readonly number[];
  /** "policy" (default): the rates above; "rollRate": derived from mature cohorts when there are enough. */
  readonly lossRateMethod: LossRateMethod;
  readonly rollRate: {
    /** Enough history = at least this many mature cohorts (see provision.ts for "mature") … */
    readonly minCohorts: number;
    /** … and at least this many paid invoices among them. */
    readonly minPaidInvoices: number;
    /** An invoice still open this many days past due counts as a loss (default 180); also the maturity age. */
    readonly lossDays: number;
    /** A derived rate is never below this share of the policy rate for its bucket (default 0.5 = half). */
    readonly floorShare: number;
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
  /** Altman model when the Customers sheet does not name one (default "private": most trade customers are unlisted). */
  readonly defaultAltmanModel: AltmanModel;
  /** Days of paid history used for days beyond terms / PAYINDEX (default 365 = last 12 months). */
  readonly paymentHistoryDays: number;
  /**
   * Base currency (upper-case code, e.g. "EUR"); null = the most common currency on the sheet. Rows without a
   * currency are in the base currency; so are credit and insured limits unless the Customers sheet has a currency.
   */
  readonly baseCurrency: string | null;
  /** Exchange rates: base-currency units per one unit of the currency (`{ USD: 0.92 }` with base EUR). */
  readonly rates: Readonly<Record<string, number>>;
}

export const DEFAULT_POLICY: Policy = deepFreeze({
  version: 2,
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
  gradeCaps: {
    enabled: true,
    rules: [
      { overDays: 60, maxGrade: "C" },
      { overDays: 90, maxGrade: "D" },
    ],
    stoppedPaying: { enabled: true, overdueDays: 30, noPaymentDays: 60, maxGrade: "C" },
  },
  dunning: {
    levels: [
      { id: "reminder", fromDays: 1 },
      { id: "secondNotice", fromDays: 15 },
      { id: "finalNotice", fromDays: 30 },
      { id: "creditHold", fromDays: 60 },
    ],
  },
  lossRates: [0.003, 0.016, 0.036, 0.066, 0.106],
  lossRateMethod: "policy",
  rollRate: { minCohorts: 6, minPaidInvoices: 100, lossDays: 180, floorShare: 0.5 },
  defaultTerms: null,
  lateInterest: { enabled: false, annualRate: 0.08, dayBasis: 365, recoveryFeeRegime: null },
  dateOrder: null,
  decimalComma: false,
  defaultAltmanModel: "private",
  paymentHistoryDays: 365,
  baseCurrency: null,
  rates: {},
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

/** A JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Fields whose default is null but which accept a value of another type. */
const NULLABLE: Record<string, "string" | "array" | "dateOrder" | "regime" | "currency"> = {
  "aging.labels": "array",
  defaultTerms: "string",
  dateOrder: "dateOrder",
  "lateInterest.recoveryFeeRegime": "regime",
  baseCurrency: "currency",
};

/**
 * Currency names Chinese ERPs write in a 币别 / 币种 column or a 汇率 sheet (Kingdee, Yonyou and SAP's zh
 * descriptions write the name, not the ISO code), with the ISO 4217 code they stand for. `RMB` is the common
 * abbreviation for CNY.
 */
const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  人民币: "CNY",
  元: "CNY",
  RMB: "CNY",
  美元: "USD",
  欧元: "EUR",
  英镑: "GBP",
  日元: "JPY",
  港币: "HKD",
  港元: "HKD",
  澳元: "AUD",
  澳大利亚元: "AUD",
  加元: "CAD",
  加拿大元: "CAD",
  新加坡元: "SGD",
  瑞士法郎: "CHF",
  新台币: "TWD",
  韩元: "KRW",
  卢比: "INR",
};

/**
 * A currency code as the policy, the currency column and the rates sheet store it: trimmed, upper-case, a currency
 * name (`人民币`, `美元`, `RMB`) as its ISO code; null when empty. One function, so a row written `美元` meets a rate
 * written `USD`.
 */
export function normalizeCurrency(code: unknown): string | null {
  if (typeof code !== "string") return null;
  const c = code.normalize("NFKC").trim().toUpperCase();
  if (!c) return null;
  return CURRENCY_NAMES[c] ?? c;
}

/** Exchange rates from JSON: codes normalised, only finite positive numbers kept. */
function mergeRates(over: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isPlainObject(over)) return out;
  for (const [k, v] of Object.entries(over)) {
    const code = normalizeCurrency(k);
    if (code && typeof v === "number" && Number.isFinite(v) && v > 0) out[code] = v;
  }
  return out;
}

function mergeValue(path: string, base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (path === "rates") return mergeRates(over);
  const nullable = NULLABLE[path];
  if (nullable) {
    if (over === null) return null;
    if (nullable === "array") return Array.isArray(over) ? [...over] : base;
    if (nullable === "string") return typeof over === "string" ? over : base;
    if (nullable === "dateOrder") return over === "DMY" || over === "MDY" ? over : base;
    if (nullable === "currency") return typeof over === "string" ? normalizeCurrency(over) : base;
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
 * What migrating a saved policy to version 2 changes (empty for a v2 policy or one without those fields). The
 * pane shows these notes once, so the analyst knows the saved settings were updated.
 */
export function policyMigrationNotes(saved: unknown): Msg[] {
  if (!isPlainObject(saved)) return [];
  const notes: Msg[] = [];
  if (saved.lossRateMethod === "auto") {
    notes.push({
      en: 'The saved loss-rate method "auto" was changed to "Policy rates": roll rates are now used only when chosen in the Policy view.',
      zh: "已保存的损失率方法“自动”已改为“政策损失率”：现在只有在“政策”视图中选择时才使用滚动率。",
    });
  }
  if (saved.version !== 2 && saved.defaultAltmanModel === "public") {
    notes.push({
      en: 'The default Altman model is now "private" (Z′, book equity): most trade customers have no market equity. Change it in the Policy view if your customers are listed.',
      zh: "默认Altman模型现为“非上市公司”（Z′，账面权益）：多数贸易客户没有市值。如客户为上市公司，请在“政策”视图中更改。",
    });
  }
  return notes;
}

/**
 * A full policy: {@link DEFAULT_POLICY} overlaid with `partial` (e.g. the JSON saved in the workbook). Values of the
 * wrong JSON type and unknown keys are ignored (the default stays); arrays replace the default whole. A saved
 * version-1 policy is migrated (module comment; {@link policyMigrationNotes} says what changed). The result is a
 * fresh object; check it with {@link validatePolicy}.
 */
export function mergePolicy(partial?: PolicyInput | Record<string, unknown> | null): Policy {
  const input: Record<string, unknown> = isPlainObject(partial) ? { ...partial } : {};
  if (input.lossRateMethod === "auto") input.lossRateMethod = "policy";
  if (input.version !== 2 && input.defaultAltmanModel === "public") delete input.defaultAltmanModel;
  const merged = mergeValue("", DEFAULT_POLICY, input) as Policy;
  return { ...merged, version: 2 };
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
  if (!["policy", "rollRate"].includes(p.lossRateMethod)) {
    add(
      "lossRateMethod",
      'Loss rate method must be "policy" or "rollRate".',
      "损失率方法必须是 policy 或 rollRate。",
    );
  }
  const rr = p.rollRate;
  for (const key of ["minCohorts", "minPaidInvoices", "lossDays"] as const) {
    const v = rr?.[key];
    if (!num(v) || !Number.isInteger(v) || v < 1)
      add(`rollRate.${key}`, `${key} must be a whole number ≥ 1.`, `${key} 必须是不小于1的整数。`);
  }
  if (!num(rr?.floorShare) || rr.floorShare < 0 || rr.floorShare > 1) {
    add(
      "rollRate.floorShare",
      "The floor for derived loss rates is a share of the policy rate from 0 to 1 (0.5 = half).",
      "推算损失率的下限是政策损失率的比例，须在0到1之间（0.5 = 一半）。",
    );
  }
  const gc = p.gradeCaps;
  if (!gc || typeof gc.enabled !== "boolean" || !Array.isArray(gc.rules)) {
    add("gradeCaps", "Grade caps are missing.", "缺少等级上限设置。");
  } else {
    gc.rules.forEach((r, i) => {
      if (
        !r ||
        !num(r.overDays) ||
        !Number.isInteger(r.overDays) ||
        r.overDays < 1 ||
        !GRADES.includes(r.maxGrade)
      )
        add(
          `gradeCaps.rules.${i}`,
          "Each grade cap needs whole days ≥ 1 and a grade A–E.",
          "每条等级上限需要不小于1的整数天数和A至E的等级。",
        );
    });
    const sp = gc.stoppedPaying;
    if (
      !sp ||
      typeof sp.enabled !== "boolean" ||
      !num(sp.overdueDays) ||
      !Number.isInteger(sp.overdueDays) ||
      sp.overdueDays < 1 ||
      !num(sp.noPaymentDays) ||
      !Number.isInteger(sp.noPaymentDays) ||
      sp.noPaymentDays < 1
    ) {
      add(
        "gradeCaps.stoppedPaying",
        "Stopped paying needs whole days ≥ 1 past due and without payment.",
        "“停止付款”需要不小于1的逾期天数和无付款天数（整数）。",
      );
    } else if (!(["C", "D", "E"] as readonly string[]).includes(sp.maxGrade)) {
      add(
        "gradeCaps.stoppedPaying",
        "A customer who has stopped paying is at most C (choose C, D or E).",
        "已停止付款的客户最高为C级（请选择C、D或E）。",
      );
    }
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
  if (
    p.baseCurrency !== null &&
    (typeof p.baseCurrency !== "string" || !/^[A-Z][A-Z0-9$]{0,7}$/.test(p.baseCurrency))
  ) {
    add(
      "baseCurrency",
      `Base currency "${String(p.baseCurrency)}" is not a currency code (e.g. EUR), or leave it empty for the sheet's most common currency.`,
      `本位币“${String(p.baseCurrency)}”不是有效的币种代码（例如 EUR）；留空则使用表中最常见的币种。`,
    );
  }
  if (!isPlainObject(p.rates)) add("rates", "Exchange rates are missing.", "缺少汇率。");
  else {
    for (const [code, rate] of Object.entries(p.rates)) {
      if (!num(rate) || rate <= 0)
        add(
          `rates.${code}`,
          `The rate for ${code} must be a number above 0 (base-currency units per 1 ${code}).`,
          `${code} 的汇率必须是大于0的数字（每1 ${code} 折合的本位币金额）。`,
        );
    }
  }
  return out;
}

/** The bucket labels the policy gives: its custom labels, else the standard labels of its edges. */
export function policyBucketLabels(p: Policy): string[] {
  const standard = bucketLabels(p.aging.edges);
  const custom = p.aging.labels;
  return custom && custom.length === standard.length ? [...custom] : standard;
}

/** JSON with object keys sorted, so two policies compare equal whatever order their keys were built in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/** True when two policies hold the same settings (the pane's "re-score needed" test). */
export function samePolicy(a: Policy, b: Policy): boolean {
  return canonical(a) === canonical(b);
}
