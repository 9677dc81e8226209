/**
 * The AR.* function catalogue: each function described once — id, English and Simplified Chinese description,
 * parameters (name, kind, Office type, dimensionality, optional, help in both languages), result type, body and a
 * worked example. functions.json (metadata.ts), argument coercion (coerce.ts), registration (register.ts) and the
 * metadata tests all derive from this array. Spec: /work/shared/spec/functions.md.
 */
import {
  DEFAULT_AGING_EDGES,
  bucketIndex,
  bucketLabels,
  bucketLabelsZh,
  daysPastDue,
  edgeProblems,
} from "../engine/aging";
import { altmanZ, altmanZone, type AltmanModel } from "../engine/altman";
import { nextBusinessDay } from "../engine/dates";
import {
  cei,
  dso,
  dsoCountback,
  lateInterest,
  recoveryFee,
  suggestedCreditLimit,
  type RecoveryRegime,
} from "../engine/finance";
import { weightedPayIndex } from "../engine/payindex";
import { creditScore, riskGrade, scoreReasons, type ScoreFactors } from "../engine/score";
import { MAX_SERIAL, type Serial } from "../engine/serial";
import { discountCost, discountDate, dueDate, type PaymentTerms } from "../engine/terms";
import { choiceKey } from "./coerce";
import { fail } from "./errors";
import { displayLanguage } from "./language";
import type { Dimensionality, FunctionSpec, OfficeType, ParamKind, ParamSpec, Text } from "./types";

const KIND_SHAPE: Readonly<Record<ParamKind, { type: OfficeType; dimensionality: Dimensionality }>> = {
  number: { type: "number", dimensionality: "scalar" },
  date: { type: "any", dimensionality: "scalar" },
  terms: { type: "any", dimensionality: "scalar" },
  termsDays: { type: "any", dimensionality: "scalar" },
  boolean: { type: "boolean", dimensionality: "scalar" },
  string: { type: "string", dimensionality: "scalar" },
  numberCells: { type: "any", dimensionality: "matrix" },
  numberList: { type: "any", dimensionality: "matrix" },
  stringList: { type: "any", dimensionality: "matrix" },
  holidays: { type: "any", dimensionality: "matrix" },
};

type ParamExtra = Partial<Omit<ParamSpec, "name" | "kind" | "description">>;

/** A parameter; Office type and dimensionality follow from the kind (optional numbers are `any`, so an empty cell
 * can arrive as "" and be told apart from 0). */
function param(name: string, kind: ParamKind, en: string, zh: string, extra: ParamExtra = {}): ParamSpec {
  const shape = KIND_SHAPE[kind];
  const optional = extra.optional ?? false;
  const type = kind === "number" && (optional || extra.allowEmpty) ? "any" : shape.type;
  return { name, kind, ...shape, type, optional, description: { en, zh }, ...extra };
}

const opt = { optional: true } as const;

function text(en: string, zh: string): Text {
  return { en, zh };
}

/** A serial result, `#NUM!` beyond 9999-12-31. */
function serialResult(serial: Serial, what: string): Serial {
  if (serial > MAX_SERIAL) {
    return fail("invalidNumber", `${what} is beyond 9999-12-31`, `${what} 超出 9999-12-31`);
  }
  return serial;
}

const MODEL_CHOICES: Readonly<Record<string, AltmanModel>> = {
  public: "public",
  z: "public",
  上市: "public",
  上市公司: "public",
  private: "private",
  "z'": "private",
  "z′": "private",
  非上市: "private",
  非上市公司: "private",
  nonmfg: "nonmfg",
  nonmanufacturing: "nonmfg",
  "z''": "nonmfg",
  "z″": "nonmfg",
  非制造: "nonmfg",
  非制造业: "nonmfg",
};

const REGIME_CHOICES: Readonly<Record<string, RecoveryRegime>> = {
  uk: "UK",
  gb: "UK",
  英国: "UK",
  eu: "EU",
  欧盟: "EU",
};

const invoiceDate = param(
  "invoice_date",
  "date",
  "Invoice date: a date serial, or text 2025-01-15 / 2025年1月15日.",
  "开票日期：日期序列号，或文本 2025-01-15 / 2025年1月15日。",
);
const termsParam = param(
  "terms",
  "terms",
  'Payment terms, e.g. "Net 30", "2/10 Net 30", "30 EOM", "10th prox", "COD", "月结30天", or a number of net days.',
  "付款条件，例如 “Net 30”、“2/10 Net 30”、“30 EOM”、“10th prox”、“货到付款”、“月结30天”，或账期天数。",
);

/** The five CREDITSCORE / SCOREREASONS factors. */
const scoreParams: readonly ParamSpec[] = [
  param(
    "days_beyond_terms",
    "number",
    "Average days paid beyond terms (negative = early). May be left empty if another factor is given.",
    "平均超出账期付款天数（负数表示提前）。若提供了其他因素可留空。",
    { allowEmpty: true },
  ),
  param(
    "utilization",
    "number",
    "Balance / credit limit as a decimal (1.12 = 112 %).",
    "余额 / 信用额度，小数（1.12 = 112%）。",
    opt,
  ),
  param(
    "altman_z",
    "number",
    "Altman Z-score of the customer (0 or empty: not given).",
    "客户的 Altman Z 值（0 或空：未提供）。",
    {
      ...opt,
      zeroIsEmpty: true,
    },
  ),
  param("years_trading", "number", "Years the customer has been trading (≥ 0).", "客户经营年数（≥ 0）。", {
    ...opt,
    min: 0,
  }),
  param(
    "dispute_rate",
    "number",
    "Share of invoices disputed as a decimal, 0 to 1 (0.05 = 5 %).",
    "有争议发票占比，0 到 1 的小数（0.05 = 5%）。",
    { ...opt, min: 0, max: 1 },
  ),
];

function factors(
  daysBeyondTerms: number | null,
  utilization: number | null,
  z: number | null,
  years: number | null,
  disputes: number | null,
): ScoreFactors {
  return { daysBeyondTerms, utilization, altmanZ: z, yearsTrading: years, disputeRate: disputes };
}

const NO_FACTOR = text(
  "CREDITSCORE needs at least one factor (days_beyond_terms, utilization, altman_z, years_trading, dispute_rate)",
  "CREDITSCORE 至少需要一个因素（days_beyond_terms、utilization、altman_z、years_trading、dispute_rate）",
);

const money = (name: string, en: string, zh: string, extra: ParamExtra = {}): ParamSpec =>
  param(name, "number", en, zh, { emptyAsZero: true, ...extra });

/** Labels of the fixed default buckets (AGINGBUCKET's hot path). */
const DEFAULT_LABELS: readonly string[] = Object.freeze(bucketLabels(DEFAULT_AGING_EDGES));

/** A `labels` argument that names a language instead of listing labels: the built label set in that language. */
const LABEL_LANGUAGES: Readonly<Record<string, (edges: readonly number[]) => string[]>> = {
  en: bucketLabels,
  english: bucketLabels,
  英文: bucketLabels,
  zh: bucketLabelsZh,
  zhcn: bucketLabelsZh,
  cn: bucketLabelsZh,
  chinese: bucketLabelsZh,
  中文: bucketLabelsZh,
  简体中文: bucketLabelsZh,
};

/**
 * Bucket labels for `edges`: built (English) when `labels` is null; one label naming a language ("zh", "中文",
 * "en") selects the built set in that language; `edges + 2` labels name every bucket (Current first); `edges + 1`
 * labels name the overdue buckets and keep "Current" (the spec's "one more than edges"). `null` when the count fits
 * none of these.
 */
export function resolveLabels(edges: readonly number[], labels: readonly string[] | null): string[] | null {
  if (labels === null) return bucketLabels(edges);
  if (labels.length === 1) {
    const build = LABEL_LANGUAGES[choiceKey(labels[0])];
    if (build) return build(edges);
  }
  if (labels.length === edges.length + 2) return labels.slice();
  if (labels.length === edges.length + 1) return [bucketLabels(edges)[0], ...labels];
  return null;
}

export const CATALOGUE: readonly FunctionSpec[] = [
  {
    id: "DUEDATE",
    description: text(
      "Due date of an invoice from its date and payment terms; optionally moved to the next business day.",
      "根据开票日期和付款条件计算到期日；可顺延至下一个工作日。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      invoiceDate,
      termsParam,
      param(
        "holidays",
        "holidays",
        "Optional range of holiday dates (may be empty): a due date on a weekend or holiday moves to the next business day. TRUE = weekends only.",
        "可选的节假日日期区域（可为空）：到期日遇周末或节假日顺延至下一个工作日。TRUE 表示只顺延周末。",
        opt,
      ),
    ],
    impl: (invoice: Serial, terms: PaymentTerms, holidays: ReadonlySet<number> | null): number => {
      const due = dueDate(invoice, terms);
      return serialResult(holidays === null ? due : nextBusinessDay(due, holidays), "due date");
    },
    example: { formula: '=AR.DUEDATE(DATE(2025,1,15), "2/10 Net 30")', result: "45702 (2025-02-14)" },
  },
  {
    id: "DISCOUNTDATE",
    description: text(
      "Last day the early-payment discount applies; #N/A when the terms carry no discount.",
      "可享受提前付款折扣的最后一天；付款条件无折扣时返回 #N/A。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [invoiceDate, termsParam],
    impl: (invoice: Serial, terms: PaymentTerms): number => {
      const d = discountDate(invoice, terms);
      if (d === null) {
        fail(
          "notAvailable",
          `no discount in terms ${JSON.stringify(terms.text)}`,
          `付款条件 ${JSON.stringify(terms.text)} 无折扣`,
        );
      }
      return serialResult(d, "discount date");
    },
    example: { formula: '=AR.DISCOUNTDATE(DATE(2025,1,15), "2/10 Net 30")', result: "45682 (2025-01-25)" },
  },
  {
    id: "DISCOUNTCOST",
    description: text(
      "Annual cost of not taking the early-payment discount (simple, or compound when compound is TRUE).",
      "放弃提前付款折扣的年化成本（单利；compound 为 TRUE 时按复利）。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      param(
        "terms",
        "terms",
        'Payment terms with a discount, e.g. "2/10 Net 30".',
        "含折扣的付款条件，例如 “2/10 Net 30”。",
      ),
      param(
        "compound",
        "boolean",
        "TRUE for the compound (effective) annual rate; FALSE or omitted for simple.",
        "TRUE 按复利（实际年利率）；FALSE 或省略按单利。",
        opt,
      ),
    ],
    impl: (terms: PaymentTerms, compound: boolean | null): number => {
      const cost = discountCost(terms, compound === true);
      if (cost === null) {
        fail(
          "notAvailable",
          `no discount in terms ${JSON.stringify(terms.text)}`,
          `付款条件 ${JSON.stringify(terms.text)} 无折扣`,
        );
      }
      if (!Number.isFinite(cost)) {
        fail(
          "divisionByZero",
          `terms ${JSON.stringify(terms.text)}: discount period equals the net period`,
          `付款条件 ${JSON.stringify(terms.text)}：折扣期等于账期`,
        );
      }
      return cost;
    },
    example: { formula: '=AR.DISCOUNTCOST("2/10 Net 30")', result: "0.3724 (compound TRUE: 0.4459)" },
  },
  {
    id: "DAYSPASTDUE",
    description: text(
      "Whole days past due as of a date (or until the payment date when paid earlier); never negative.",
      "截至某日（若已在此前付款则至付款日）的逾期天数，整数，不为负。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      param("due_date", "date", "Due date of the invoice.", "发票到期日。"),
      param(
        "as_of",
        "date",
        "Report date (pass TODAY() or a report-date cell).",
        "报告日期（可用 TODAY() 或报告日期单元格）。",
      ),
      param(
        "paid_date",
        "date",
        "Optional payment date; used when it is not after as_of.",
        "可选的付款日期；不晚于 as_of 时使用。",
        opt,
      ),
    ],
    impl: (due: Serial, asOf: Serial, paid: Serial | null): number => daysPastDue(due, asOf, paid),
    example: { formula: "=AR.DAYSPASTDUE(DATE(2025,1,31), DATE(2025,3,15))", result: "43" },
  },
  {
    id: "AGINGBUCKET",
    description: text(
      "Aging bucket label for days past due: Current, 1-30, 31-60, 61-90, 91+ by default, or custom edges and labels.",
      "按逾期天数给出账龄区间标签：默认 Current、1-30、31-60、61-90、91+，也可自定义分界和标签。",
    ),
    result: { type: "string", dimensionality: "scalar" },
    parameters: [
      param("days_past_due", "number", "Days past due (≤ 0 is Current).", "逾期天数（≤ 0 为 Current）。", {
        emptyAsZero: true,
      }),
      param(
        "edges",
        "numberList",
        "Optional ascending bucket edges in days, e.g. {30,60,90}; default 30, 60, 90.",
        "可选的递增账龄分界天数，例如 {30,60,90}；默认 30、60、90。",
        { ...opt, zeroIsEmpty: true },
      ),
      param(
        "labels",
        "stringList",
        'Optional labels: one per bucket (edges + 2, "Current" first), edges + 1 for the overdue buckets only, or "zh" for the Chinese set (未到期, 1-30天 … 90天以上).',
        "可选标签：每个区间一个（分界数 + 2，第一个为未逾期），或分界数 + 1（仅逾期区间），或 “zh” 使用中文标签（未到期、1-30天 … 90天以上）。",
        { ...opt, zeroIsEmpty: true },
      ),
    ],
    impl: (days: number, edges: number[] | null, labels: string[] | null): string => {
      if (edges === null && labels === null) return DEFAULT_LABELS[bucketIndex(days, DEFAULT_AGING_EDGES)];
      const e = edges ?? DEFAULT_AGING_EDGES;
      const problems = edgeProblems(e);
      if (problems.length > 0) {
        fail(
          "invalidValue",
          `edges: ${problems.join("; ")}`,
          `edges：须为递增的正整数天数（${problems.join("; ")}）`,
        );
      }
      const names = resolveLabels(e, labels);
      if (names === null) {
        const got = labels?.length ?? 0;
        fail(
          "invalidValue",
          `labels: expected ${e.length + 2} labels (or ${e.length + 1}, or "zh" / "en"), got ${got}`,
          `labels：应有 ${e.length + 2} 个标签（或 ${e.length + 1} 个，或 “zh” / “en”），实际 ${got} 个`,
        );
      }
      return names[bucketIndex(days, e)];
    },
    example: { formula: "=AR.AGINGBUCKET(45)", result: "31-60" },
  },
  {
    id: "PAYINDEX",
    description: text(
      "PAYDEX-style payment index 20-100 from days beyond terms; amount-weighted over a range of invoices.",
      "类 PAYDEX 付款指数（20-100），由超出账期天数计算；对多张发票按金额加权。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      param(
        "days_beyond_terms",
        "numberCells",
        "Days paid beyond terms: one value or a range (one cell per invoice; empty cells skipped).",
        "超出账期付款天数：单个值或区域（每张发票一个单元格；空单元格跳过）。",
      ),
      param(
        "amounts",
        "numberCells",
        "Optional invoice amounts, same size as days_beyond_terms (weights; equal weights when omitted).",
        "可选的发票金额，大小与 days_beyond_terms 相同（作为权重；省略则等权）。",
        opt,
      ),
    ],
    impl: (days: (number | null)[], amounts: (number | null)[] | null): number => {
      if (amounts !== null && amounts.length !== days.length) {
        fail(
          "invalidValue",
          `amounts: expected ${days.length} cells like days_beyond_terms, got ${amounts.length}`,
          `amounts：应与 days_beyond_terms 同为 ${days.length} 个单元格，实际 ${amounts.length} 个`,
        );
      }
      if (days.every((x) => x === null))
        fail("notAvailable", "days_beyond_terms is empty", "days_beyond_terms 为空");
      const d: number[] = [];
      const w: number[] = [];
      for (let i = 0; i < days.length; i++) {
        const day = days[i];
        const amount = amounts === null ? 1 : amounts[i];
        if (amount !== null && amount < 0)
          fail("invalidNumber", `amounts: ${amount} is negative`, `amounts：${amount} 为负数`);
        // A zero amount weighs nothing: skipped like an empty one (Excel desktop passes empty cells as 0).
        if (day === null || amount === null || amount === 0) continue;
        d.push(day);
        w.push(amount);
      }
      if (d.length === 0)
        fail("notAvailable", "amounts: no invoice with an amount", "amounts：没有带金额的发票");
      return weightedPayIndex(d, amounts === null ? undefined : w);
    },
    example: { formula: "=AR.PAYINDEX(15)", result: "70" },
  },
  {
    id: "CREDITSCORE",
    description: text(
      "Credit score 0-100 (higher is safer): weighted payment, utilisation, Altman Z, years trading and disputes.",
      "信用评分 0-100（越高越安全）：按付款、额度使用率、Altman Z、经营年数和争议率加权。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: scoreParams,
    impl: (
      d: number | null,
      u: number | null,
      z: number | null,
      y: number | null,
      r: number | null,
    ): number => {
      const score = creditScore(factors(d, u, z, y, r));
      return score ?? fail("notAvailable", NO_FACTOR.en, NO_FACTOR.zh);
    },
    example: { formula: "=AR.CREDITSCORE(24, 1.12, 2.1, 5, 0.02)", result: "56" },
  },
  {
    id: "RISKGRADE",
    description: text(
      "Risk grade of a credit score: A (80-100), B (65-79), C (50-64), D (35-49), E (below 35).",
      "信用评分对应的风险等级：A（80-100）、B（65-79）、C（50-64）、D（35-49）、E（35 以下）。",
    ),
    result: { type: "string", dimensionality: "scalar" },
    parameters: [
      param(
        "score",
        "number",
        "Credit score 0-100 (e.g. from AR.CREDITSCORE); an empty cell counts as 0.",
        "信用评分 0-100（例如 AR.CREDITSCORE 的结果）；空单元格按 0 计。",
        { min: 0, max: 100, emptyAsZero: true },
      ),
    ],
    impl: (score: number): string => riskGrade(score),
    example: { formula: "=AR.RISKGRADE(72)", result: "B" },
  },
  {
    id: "SCOREREASONS",
    description: text(
      "The (at most two) factors that cost the credit score the most points, in words.",
      "用文字说明使信用评分扣分最多的（至多两个）因素。",
    ),
    result: { type: "string", dimensionality: "scalar" },
    parameters: scoreParams,
    impl: (
      d: number | null,
      u: number | null,
      z: number | null,
      y: number | null,
      r: number | null,
    ): string => {
      const f = factors(d, u, z, y, r);
      if (d === null && u === null && z === null && y === null && r === null)
        fail("notAvailable", NO_FACTOR.en, NO_FACTOR.zh);
      return scoreReasons(f, displayLanguage());
    },
    example: { formula: "=AR.SCOREREASONS(24, 1.12)", result: "pays 24 days late; 112% of credit limit" },
  },
  {
    id: "ZSCORE",
    description: text(
      "Altman Z-score from balance-sheet figures (public 1968, private Z′ or non-manufacturing Z″ model).",
      "根据财务报表数据计算 Altman Z 值（上市公司 1968 模型、非上市 Z′ 或非制造业 Z″ 模型）。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money(
        "working_capital",
        "Working capital (current assets - current liabilities).",
        "营运资本（流动资产 - 流动负债）。",
      ),
      money("retained_earnings", "Retained earnings.", "留存收益。"),
      money("ebit", "Earnings before interest and taxes.", "息税前利润。"),
      money(
        "equity",
        "Equity: market value (public model) or book value (private and non-manufacturing models).",
        "权益：市值（上市模型）或账面价值（非上市和非制造业模型）。",
      ),
      money("sales", "Sales (not used by the non-manufacturing model).", "销售收入（非制造业模型不使用）。"),
      money("total_assets", "Total assets (> 0).", "资产总额（> 0）。"),
      money("total_liabilities", "Total liabilities (> 0).", "负债总额（> 0）。"),
      param(
        "model",
        "string",
        'Optional model: "public" (default), "private" or "nonmfg".',
        "可选模型：“public”（默认）、“private” 或 “nonmfg”。",
        { ...opt, choices: MODEL_CHOICES, zeroIsEmpty: true },
      ),
    ],
    impl: (
      workingCapital: number,
      retainedEarnings: number,
      ebit: number,
      equity: number,
      sales: number,
      totalAssets: number,
      totalLiabilities: number,
      model: AltmanModel | null,
    ): number => {
      const z = altmanZ(
        { workingCapital, retainedEarnings, ebit, equity, sales, totalAssets, totalLiabilities },
        model ?? "public",
      );
      if (z === null) {
        fail(
          "invalidNumber",
          `total_assets (${totalAssets}) and total_liabilities (${totalLiabilities}) must be greater than 0`,
          `total_assets（${totalAssets}）和 total_liabilities（${totalLiabilities}）必须大于 0`,
        );
      }
      return z;
    },
    example: { formula: "=AR.ZSCORE(200, 300, 150, 800, 1500, 1000, 500)", result: "3.615" },
  },
  {
    id: "ZZONE",
    description: text(
      "Altman zone of a Z-score: Safe, Grey or Distress, with the model's cut-offs.",
      "Altman Z 值所在区间：Safe（安全）、Grey（灰色）或 Distress（困境），按模型的临界值。",
    ),
    result: { type: "string", dimensionality: "scalar" },
    parameters: [
      param(
        "z",
        "number",
        "Altman Z-score (an empty cell counts as 0).",
        "Altman Z 值（空单元格按 0 计）。",
        {
          emptyAsZero: true,
        },
      ),
      param(
        "model",
        "string",
        'Optional model: "public" (default), "private" or "nonmfg".',
        "可选模型：“public”（默认）、“private” 或 “nonmfg”。",
        { ...opt, choices: MODEL_CHOICES, zeroIsEmpty: true },
      ),
    ],
    impl: (z: number, model: AltmanModel | null): string => altmanZone(z, model ?? "public"),
    example: { formula: "=AR.ZZONE(2.5)", result: "Grey" },
  },
  {
    id: "LATEINTEREST",
    description: text(
      "Simple late-payment interest: amount × annual rate × days late / day basis (365 or 360).",
      "逾期付款单利利息：金额 × 年利率 × 逾期天数 / 计息基准（365 或 360）。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money("amount", "Amount overdue.", "逾期金额。"),
      param("due_date", "date", "Due date.", "到期日。"),
      param(
        "as_of",
        "date",
        "Date interest runs to (pass TODAY() or a report-date cell).",
        "计息截止日（可用 TODAY() 或报告日期单元格）。",
      ),
      param(
        "annual_rate",
        "number",
        "Annual interest rate as a decimal (0.1325 = 13.25 %); an empty cell counts as 0.",
        "年利率，小数（0.1325 = 13.25%）；空单元格按 0 计。",
        { min: 0, emptyAsZero: true },
      ),
      param(
        "day_basis",
        "number",
        "Optional day basis: 365 (default; also when empty) or 360.",
        "可选计息基准：365（默认，为空时亦同）或 360。",
        { ...opt, zeroIsEmpty: true },
      ),
    ],
    impl: (amount: number, due: Serial, asOf: Serial, rate: number, basis: number | null): number => {
      const b = basis ?? 365;
      if (b !== 365 && b !== 360)
        fail(
          "invalidValue",
          `day_basis: expected 365 or 360, got ${b}`,
          `day_basis：应为 365 或 360，实际为 ${b}`,
        );
      return lateInterest(amount, due, asOf, rate, b);
    },
    example: {
      formula: "=AR.LATEINTEREST(10000, DATE(2025,1,31), DATE(2025,3,2), 0.1325)",
      result: "108.90 (108.904…)",
    },
  },
  {
    id: "RECOVERYFEE",
    description: text(
      'Fixed late-payment compensation per invoice: "UK" £40 / £70 / £100 by amount, or "EU" 40.',
      "每张逾期发票的固定追偿补偿：“UK” 按金额 40 / 70 / 100 英镑，或 “EU” 40 欧元。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money("amount", "Invoice amount.", "发票金额。"),
      param(
        "regime",
        "string",
        'Optional regime: "UK" (default) or "EU".',
        "可选制度：“UK”（默认）或 “EU”。",
        { ...opt, choices: REGIME_CHOICES, zeroIsEmpty: true },
      ),
    ],
    impl: (amount: number, regime: RecoveryRegime | null): number => recoveryFee(amount, regime ?? "UK"),
    example: { formula: "=AR.RECOVERYFEE(2500)", result: "70" },
  },
  {
    id: "DSO",
    description: text(
      "Days sales outstanding: receivables / credit sales × days in the period.",
      "应收账款周转天数：应收账款 / 赊销额 × 期间天数。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money("receivables", "Receivables at the end of the period.", "期末应收账款。"),
      money("credit_sales", "Credit sales in the period.", "期间赊销额。"),
      money("days", "Days in the period (e.g. 90).", "期间天数（例如 90）。"),
    ],
    impl: (receivables: number, creditSales: number, days: number): number =>
      dso(receivables, creditSales, days) ??
      fail("divisionByZero", "credit_sales is 0: DSO is undefined", "credit_sales 为 0：无法计算 DSO"),
    example: { formula: "=AR.DSO(450000, 1200000, 90)", result: "33.75" },
  },
  {
    id: "DSOCOUNTBACK",
    description: text(
      "Countback DSO: whole periods of sales, newest first, until the receivables are used up, plus a fraction.",
      "倒推法 DSO：从最近一期起逐期扣减销售额直至覆盖应收账款，最后一期按比例计。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money("receivables", "Receivables outstanding (≥ 0).", "未收应收账款（≥ 0）。", { min: 0 }),
      param(
        "sales_newest_first",
        "numberList",
        "Credit sales per period, newest first (a row, column or block; empty cells skipped).",
        "各期赊销额，最近一期在前（行、列或区域；空单元格跳过）。",
        { min: 0 },
      ),
      param(
        "days_per_period",
        "numberList",
        "Optional days per period: one number (default 30) or a range matching the sales.",
        "可选的每期天数：一个数（默认 30）或与销售额一一对应的区域。",
        { ...opt, zeroIsEmpty: true, min: 0 },
      ),
    ],
    impl: (receivables: number, sales: number[], daysPerPeriod: number[] | null): number => {
      const periods =
        daysPerPeriod === null ? 30 : daysPerPeriod.length === 1 ? daysPerPeriod[0] : daysPerPeriod;
      if (Array.isArray(periods) && periods.length !== sales.length) {
        fail(
          "invalidValue",
          `days_per_period: expected 1 or ${sales.length} values, got ${periods.length}`,
          `days_per_period：应为 1 个或 ${sales.length} 个值，实际 ${periods.length} 个`,
        );
      }
      return (
        dsoCountback(receivables, sales, periods) ??
        fail(
          "notAvailable",
          `receivables (${receivables}) exceed all the sales given`,
          `应收账款（${receivables}）超过所给全部销售额`,
        )
      );
    },
    example: { formula: "=AR.DSOCOUNTBACK(150000, {100000,80000,90000})", result: "48.75" },
  },
  {
    id: "CEI",
    description: text("Collection effectiveness index in percent.", "回款有效性指数（百分数）。"),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money("beginning_ar", "Receivables at the start of the period.", "期初应收账款。"),
      money("credit_sales", "Credit sales in the period.", "期间赊销额。"),
      money("ending_ar", "Receivables at the end of the period.", "期末应收账款。"),
      money(
        "ending_current_ar",
        "Current (not yet due) receivables at the end of the period.",
        "期末未到期应收账款。",
      ),
    ],
    impl: (beginning: number, sales: number, ending: number, endingCurrent: number): number =>
      cei(beginning, sales, ending, endingCurrent) ??
      fail(
        "divisionByZero",
        "beginning_ar + credit_sales - ending_current_ar is 0",
        "beginning_ar + credit_sales - ending_current_ar 为 0",
      ),
    example: { formula: "=AR.CEI(500000, 1200000, 550000, 350000)", result: "85.19 (85.185…)" },
  },
  {
    id: "CREDITLIMIT",
    description: text(
      "Suggested credit limit: expected peak exposure, capped at 10 % of tangible net worth and 20 % of working capital.",
      "建议信用额度：预计最高敞口，且不超过有形净资产的 10% 和营运资本的 20%。",
    ),
    result: { type: "number", dimensionality: "scalar" },
    parameters: [
      money(
        "annual_sales",
        "Expected annual sales to the customer (≥ 0).",
        "预计对该客户的年销售额（≥ 0）。",
        { min: 0 },
      ),
      param(
        "terms_days",
        "termsDays",
        'Credit terms in days, or terms text such as "Net 60" or "30 EOM" (EOM and prox count ~15 days extra); an empty cell counts as 0 (cash terms).',
        "账期天数，或付款条件文本，如 “Net 60”、“30 EOM”（EOM 和 prox 约多计 15 天）；空单元格按 0（现款）计。",
        { min: 0, emptyAsZero: true },
      ),
      param(
        "days_beyond_terms",
        "number",
        "Optional average days paid beyond terms.",
        "可选的平均超出账期付款天数。",
        opt,
      ),
      param(
        "tangible_net_worth",
        "number",
        "Optional tangible net worth: the limit is capped at 10 % of it.",
        "可选的有形净资产：额度不超过其 10%。",
        { ...opt, zeroIsEmpty: true },
      ),
      param(
        "working_capital",
        "number",
        "Optional working capital: the limit is capped at 20 % of it.",
        "可选的营运资本：额度不超过其 20%。",
        { ...opt, zeroIsEmpty: true },
      ),
    ],
    impl: (
      sales: number,
      termsDays: number,
      late: number | null,
      tnw: number | null,
      wc: number | null,
    ): number => suggestedCreditLimit(sales, termsDays, late, tnw, wc),
    example: { formula: "=AR.CREDITLIMIT(1200000, 30, 10, 2000000)", result: "131506.85 (131,506.849…)" },
  },
];

/** The catalogue entry for an id, or undefined. */
export function findFunction(id: string): FunctionSpec | undefined {
  return CATALOGUE.find((f) => f.id === id.toUpperCase());
}
