/** Fake services and a sample result for the pane tests. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type React from "react";
import { mergePolicy, type Policy } from "../../src/engine/policy";
import { serialFromYmd } from "../../src/engine/serial";
import { PaneContext } from "../../src/taskpane/context";
import type { Lang } from "../../src/taskpane/i18n";
import { Pane, type ViewId } from "../../src/taskpane/Pane";
import type {
  MappingInfo,
  PaneResult,
  PaneServices,
  ScoreOutcome,
  ScoreRequest,
} from "../../src/taskpane/services";
import { paneStrings } from "../../src/taskpane/strings";

export const AS_OF = serialFromYmd(2025, 3, 31)!;

export const SAMPLE_MAPPING: MappingInfo = {
  sheet: "Invoices",
  columns: [
    { index: 0, letter: "A", header: "Customer" },
    { index: 1, letter: "B", header: "Invoice No" },
    { index: 2, letter: "C", header: "Due Date" },
    { index: 3, letter: "D", header: "Amount" },
    { index: 4, letter: "E", header: "Notes" },
  ],
  mapping: { customer: 0, invoiceNo: 1, dueDate: 2, amount: 3 },
  saved: false,
  problems: [],
  notes: [],
};

const SAMPLE_BUCKETS = [
  { label: "Current", amount: 60000 },
  { label: "1-30", amount: 30000 },
  { label: "31-60", amount: 20000 },
  { label: "61-90", amount: 10000 },
  { label: "91+", amount: 30000 },
];

export const SAMPLE_RESULT: PaneResult = {
  sheet: "Invoices",
  asOf: AS_OF,
  policy: mergePolicy(),
  kpis: {
    sets: [
      {
        currency: "",
        totalExposure: 150000,
        unappliedCredit: 1250,
        overdue: 90000,
        pctOver90: 0.2,
        dso: 48.4,
        averageDaysDelinquent: 12.2,
        expectedCreditLoss: 4321,
        buckets: SAMPLE_BUCKETS,
      },
    ],
    perCurrency: false,
    baseCurrency: "",
    missingRates: [],
    rowsScored: 10,
    rowsWithData: 10,
    eclMethod: { en: "Policy loss rates", zh: "政策损失率" },
  },
  buckets: SAMPLE_BUCKETS,
  customers: [
    {
      key: "acme",
      name: "Acme Ltd",
      currency: "",
      exposure: 50000,
      unappliedCredit: 0,
      overdue: 30000,
      byCurrency: [{ currency: "", exposure: 50000, unappliedCredit: 0, overdue: 30000 }],
      altmanModel: null,
      creditLimit: 40000,
      utilisation: 1.25,
      payIndex: 60,
      score: 41,
      grade: "D",
      reasons: { en: "pays 24 days late; 125% of credit limit", zh: "平均逾期24天；额度使用率125%" },
      breaches: ["OVER_LIMIT", "LOW_GRADE"],
      rows: [2, 5],
    },
    {
      key: "beta",
      name: "Beta GmbH",
      currency: "",
      exposure: 80000,
      unappliedCredit: 0,
      overdue: 50000,
      byCurrency: [{ currency: "", exposure: 80000, unappliedCredit: 0, overdue: 50000 }],
      altmanModel: null,
      creditLimit: 100000,
      utilisation: 0.8,
      payIndex: 80,
      score: 72,
      grade: "B",
      reasons: { en: "pays on time", zh: "按时付款" },
      breaches: [],
      rows: [3, 6, 7],
    },
    {
      key: "cosmo",
      name: "Cosmo Inc",
      currency: "",
      exposure: 20000,
      unappliedCredit: 0,
      overdue: 10000,
      byCurrency: [{ currency: "", exposure: 20000, unappliedCredit: 0, overdue: 10000 }],
      altmanModel: null,
      creditLimit: null,
      utilisation: null,
      payIndex: null,
      score: 88,
      grade: "A",
      reasons: { en: "no risk factors", zh: "无风险因素" },
      breaches: ["SEVERELY_OVERDUE"],
      rows: [4],
    },
  ],
  breaches: [
    {
      code: "OVER_LIMIT",
      customer: "Acme Ltd",
      message: {
        en: "Acme Ltd owes 50,000.00, which is 10,000.00 over the credit limit of 40,000.00 (125%).",
        zh: "Acme Ltd的应收余额50,000.00，超出信用额度40,000.00共10,000.00（125%）。",
      },
      rows: [2, 5],
    },
    {
      code: "LOW_GRADE",
      customer: "Acme Ltd",
      message: { en: "Acme Ltd is graded D (score 41).", zh: "Acme Ltd的等级为D（评分41）。" },
      rows: [2, 5],
    },
    {
      code: "SEVERELY_OVERDUE",
      customer: "Cosmo Inc",
      message: {
        en: "1 invoice(s) totalling 10,000.00 are more than 90 days past due (oldest 120 days).",
        zh: "1张发票共10,000.00逾期超过90天（最长120天）。",
      },
      rows: [4],
    },
  ],
  issues: [
    {
      row: 9,
      column: "C",
      header: "Due Date",
      value: "31/02/2025",
      reason: { en: "Not a date.", zh: "不是日期。" },
      severity: "error",
      code: "BAD_DATE",
      address: "Invoices!C9",
    },
  ],
  warnings: [],
  collections: [
    {
      customer: "Acme Ltd",
      stage: "finalNotice",
      overdue: 30000,
      amounts: [{ currency: "", amount: 30000 }],
      disputedAmounts: [],
      overLimit: true,
      maxDaysOverdue: 45,
      invoices: [
        { invoiceNo: "INV-1001", amount: 20000, daysOverdue: 45 },
        { invoiceNo: "INV-1004", amount: 10000, daysOverdue: 20 },
      ],
      interestAndFees: 0,
      messages: {
        en: {
          subject: "Final notice: overdue invoices & payment",
          body: "Dear Acme Ltd,\nINV-1001  20,000.00  45 days overdue\nINV-1004  10,000.00  20 days overdue\nTotal 30,000.00",
        },
        zh: {
          subject: "最终催款通知",
          body: "Acme Ltd：\nINV-1001  20,000.00  逾期45天\nINV-1004  10,000.00  逾期20天\n合计 30,000.00",
        },
      },
      email: "ap@acme.example",
    },
    {
      customer: "Beta GmbH",
      stage: "reminder",
      overdue: 5000,
      amounts: [{ currency: "", amount: 5000 }],
      disputedAmounts: [],
      overLimit: false,
      maxDaysOverdue: 5,
      invoices: [{ invoiceNo: "INV-2001", amount: 5000, daysOverdue: 5 }],
      interestAndFees: 0,
      messages: {
        en: { subject: "Reminder", body: "Dear Beta GmbH,\nINV-2001  5,000.00  5 days overdue" },
        zh: { subject: "付款提醒", body: "Beta GmbH：\nINV-2001  5,000.00  逾期5天" },
      },
    },
  ],
  movers: [
    {
      customer: "Beta GmbH",
      scoreBefore: 70,
      scoreAfter: 72,
      daysBeyondTermsBefore: 5,
      daysBeyondTermsAfter: 2,
      exposureBefore: 70000,
      exposureAfter: 80000,
      deteriorating: false,
    },
    {
      customer: "Acme Ltd",
      scoreBefore: 55,
      scoreAfter: 41,
      daysBeyondTermsBefore: 10,
      daysBeyondTermsAfter: 24,
      exposureBefore: 45000,
      exposureAfter: 50000,
      deteriorating: true,
    },
  ],
  previousAsOf: serialFromYmd(2025, 2, 28)!,
};

export interface FakeServices extends PaneServices {
  readonly calls: {
    score: ScoreRequest[];
    saveMapping: unknown[];
    savePolicy: Policy[];
    selectCell: string[];
    selectRows: (readonly number[])[];
    clear: number;
  };
  /** Resolves the pending score call. */
  finish(outcome?: ScoreOutcome): void;
}

/** Fake services; `score` stays pending until `finish` (or resolves "cancelled" when the signal aborts). */
export function fakeServices(
  options: { policy?: Policy; mapping?: MappingInfo | null; autoFinish?: ScoreOutcome } = {},
): FakeServices {
  const calls: FakeServices["calls"] = {
    score: [],
    saveMapping: [],
    savePolicy: [],
    selectCell: [],
    selectRows: [],
    clear: 0,
  };
  let pending: ((o: ScoreOutcome) => void) | null = null;
  let stored = options.policy ?? mergePolicy();
  return {
    calls,
    loadPolicy: async () => stored,
    savePolicy: async (p) => {
      calls.savePolicy.push(p);
      stored = p;
    },
    readMapping: async () => (options.mapping === undefined ? SAMPLE_MAPPING : options.mapping),
    saveMapping: async (m) => {
      calls.saveMapping.push(m);
    },
    score: (request) => {
      calls.score.push(request);
      if (options.autoFinish) return Promise.resolve(options.autoFinish);
      return new Promise<ScoreOutcome>((resolve) => {
        pending = resolve;
        request.signal.addEventListener("abort", () => resolve({ status: "cancelled" }));
      });
    },
    clearResults: async () => {
      calls.clear++;
    },
    selectCell: async (a) => {
      calls.selectCell.push(a);
    },
    selectRows: async (rows) => {
      calls.selectRows.push(rows);
    },
    today: () => AS_OF,
    finish(outcome = { status: "done", result: SAMPLE_RESULT }) {
      pending?.(outcome);
      pending = null;
    },
  };
}

/** Renders the whole pane with fake services. */
export function renderPane(services: PaneServices, lang: Lang = "en-US", initialView?: ViewId) {
  return render(<Pane services={services} lang={lang} theme="light" initialView={initialView} />);
}

/** Renders one view inside the pane's providers. */
export function renderInPane(element: React.ReactElement, lang: Lang = "en-US") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={{ lang, s: paneStrings(lang) }}>{element}</PaneContext.Provider>
    </FluentProvider>,
  );
}
