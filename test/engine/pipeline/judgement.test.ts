/**
 * Spec score-sheet v2 §2/§3: credit judgement an analyst can defend. Every expected figure below is worked out by
 * hand in the comments (PAYINDEX / sub-score curves from spec/functions.md).
 */
import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import type { ScoreResult } from "../../../src/engine/pipeline/types";
import { readCustomers } from "../../../src/engine/sheet/customers";
import { publicScaleZ } from "../../../src/engine/altman";
import { d } from "./fixture";

const AS_OF = d(2025, 6, 30);
const HEADER = ["Customer", "Invoice No", "Due Date", "Amount", "Paid Date", "Status", "Credit Limit"];

const cust = (r: ScoreResult, name: string) => r.customers.find((c) => c.name === name)!;

describe("payment factor sees what the customer owes now", () => {
  // The issue's example: a good paid history (12 × 10,000 paid 1 day early) and five open invoices 80–89 days
  // overdue (5 × 9,000) at 90 % of a 50,000 limit. v1 graded it A ("pays 1 day early").
  const rows: unknown[][] = [HEADER];
  for (let m = 0; m < 12; m++) {
    const due = AS_OF - 40 - m * 25;
    rows.push(["Delta", `P${m}`, due, 10000, due - 1, "Paid", 50000]);
  }
  [80, 82, 84, 86, 89].forEach((late, i) =>
    rows.push(["Delta", `O${i}`, AS_OF - late, 9000, "", "Open", 50000]),
  );
  const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF);
  const c = cust(r, "Delta");

  test("days beyond terms = amount-weighted mean over paid and open past-due invoices", () => {
    // (12 × 10,000 × −1 + 9,000 × (80 + 82 + 84 + 86 + 89)) / (120,000 + 45,000) = 3,669,000 / 165,000 = 22.24
    expect(c.daysBeyondTerms).toBeCloseTo(3669000 / 165000, 10);
    expect(c.daysBeyondTermsBasis).toBe("paidAndOpen");
    expect(c.paidDaysBeyondTerms).toBe(-1);
    expect(c.openDaysPastDue).toBeCloseTo(84.2, 10);
    expect(c.paymentSample).toBe(17);
  });

  test("graded C, not A: the score falls to B and the 60-day cap takes it to C; the reasons say why", () => {
    // PI(22.24) = 60 − 0.236 / 8 × 10 = 59.70; utilisation 0.9 → 68; no disputes (status column) → 100;
    // (40 × 59.70 + 20 × 68 + 5 × 100) / 65 = 65.36 → 65 (B); O4 is 89 days past due (> 60) → at most C.
    expect(c.score).toBe(65);
    expect(c.scoreGrade).toBe("B");
    expect(c.grade).toBe("C");
    expect(c.reasons.en).toBe(
      "capped at C: 89 days past due on O4; pays 1 day early, open invoices 84 days past due; 90% of credit limit",
    );
    expect(c.reasons.zh).toBe(
      "等级上限为C：发票O4逾期89天; 平均提前1天付款，未付发票平均逾期84天; 占信用额度90%",
    );
    // Collections puts it on credit hold in the same run: the judgements agree.
    expect(r.collections.cases.map((x) => [x.customer, x.stage])).toEqual([["Delta", "creditHold"]]);
  });

  test("open items not yet due do not enter the payment factor; no history never reads 'pays on time'", () => {
    const res = scoreTable(
      [HEADER, ["New Co", "N1", AS_OF + 20, 1000, "", "Open", 10000]],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
    );
    const n = cust(res, "New Co");
    expect([n.daysBeyondTerms, n.daysBeyondTermsBasis, n.payIndex]).toEqual([null, "none", null]);
    expect(n.reasons.en).not.toMatch(/pays/);
    expect(n.reasons.zh).not.toMatch(/按期付款/);
    // Open-only lateness is never called "pays N days late".
    const late = scoreTable(
      [HEADER, ["Late Co", "L1", AS_OF - 10, 1000, "", "Open", ""]],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(cust(late, "Late Co").reasons.en).toBe("open invoices 10 days past due");
  });
});

describe("grade caps (policy, on by default)", () => {
  /** Ten large invoices paid 5 days early, the last one 10 days ago, plus `open` items. */
  function sheet(open: [string, number, number][], paidDaysAgo = 10): unknown[][] {
    const rows: unknown[][] = [
      [
        "Customer",
        "Invoice No",
        "Due Date",
        "Amount",
        "Paid Date",
        "Status",
        "Credit Limit",
        "Years Trading",
      ],
    ];
    for (let i = 0; i < 10; i++) {
      const paid = AS_OF - paidDaysAgo - i * 20;
      rows.push(["Echo", `P${i}`, paid + 5, 100000, paid, "Paid", 1000000, 10]);
    }
    for (const [no, late, amount] of open)
      rows.push(["Echo", no, AS_OF - late, amount, "", "Open", 1000000, 10]);
    return rows;
  }

  test("an open item more than 90 days past due caps an A customer at D, and the reason says why", () => {
    const r = scoreTable(sheet([["INV-1043", 95, 1000]]), undefined, DEFAULT_POLICY, AS_OF);
    const e = cust(r, "Echo");
    // (−5 × 1,000,000 + 95 × 1,000) / 1,001,000 = −4.90 → PI 82.45; utilisation 0.001 → 100; 10 years → 100;
    // no disputes → 100; (40 × 82.45 + 20 × 100 + 10 × 100 + 5 × 100) / 75 = 90.64 → 91 (A) before the cap.
    expect(e.score).toBe(91);
    expect(e.scoreGrade).toBe("A");
    expect(e.grade).toBe("D");
    expect(e.cap).toMatchObject({
      kind: "delinquency",
      maxGrade: "D",
      daysPastDue: 95,
      invoiceNo: "INV-1043",
      overDays: 90,
    });
    expect(e.reasons.en.startsWith("capped at D: 95 days past due on INV-1043; ")).toBe(true);
    expect(e.reasons.zh.startsWith("等级上限为D：发票INV-1043逾期95天; ")).toBe(true);
    // The capped grade drives LOW_GRADE (D), whose message names the cap.
    const low = r.breaches.find((b) => b.code === "LOW_GRADE")!;
    expect(low.message.en).toBe(
      "Echo is graded D, score 91 (capped at D: 95 days past due on INV-1043): a low risk grade.",
    );
    expect(r.invoices.every((i) => i.grade === "D")).toBe(true);
  });

  test("more than 60 days → at most C; the row is named when there is no invoice number", () => {
    const rows = sheet([["", 61, 1000]]);
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF);
    expect(cust(r, "Echo").grade).toBe("C");
    expect(cust(r, "Echo").reasons.en).toMatch(/^capped at C: 61 days past due on row 12; /);
    expect(cust(r, "Echo").reasons.zh).toMatch(/^等级上限为C：第12行的发票逾期61天; /);
    // 60 days is not "more than 60": no cap.
    const edge = scoreTable(sheet([["X", 60, 1000]]), undefined, DEFAULT_POLICY, AS_OF);
    expect(cust(edge, "Echo")).toMatchObject({ grade: "A", cap: null });
  });

  test("caps can be turned off or changed in the policy", () => {
    const off = mergePolicy({ gradeCaps: { enabled: false } });
    expect(cust(scoreTable(sheet([["X", 95, 1000]]), undefined, off, AS_OF), "Echo").grade).toBe("A");
    const strict = mergePolicy({
      gradeCaps: { ...DEFAULT_POLICY.gradeCaps, rules: [{ overDays: 30, maxGrade: "B" }] },
    });
    expect(cust(scoreTable(sheet([["X", 31, 1000]]), undefined, strict, AS_OF), "Echo").grade).toBe("B");
  });

  test("stopped paying: > 30 days past due and no payment in 60 days → never A or B", () => {
    // Last payment 70 days ago, one item 45 days past due.
    const r = scoreTable(sheet([["S-1", 45, 1000]], 70), undefined, DEFAULT_POLICY, AS_OF);
    const e = cust(r, "Echo");
    expect(e.scoreGrade).toBe("A");
    expect(e.grade).toBe("C");
    expect(e.cap).toMatchObject({ kind: "stoppedPaying", maxGrade: "C", noPaymentDays: 60 });
    expect(e.reasons.en).toMatch(
      /^capped at C: stopped paying \(S-1 45 days past due, no payment in the last 60 days\); /,
    );
    expect(e.reasons.zh).toMatch(/^等级上限为C：已停止付款（发票S-1逾期45天，近60天无付款）; /);
    // A payment 10 days ago: still paying, no cap.
    expect(
      cust(scoreTable(sheet([["S-1", 45, 1000]], 10), undefined, DEFAULT_POLICY, AS_OF), "Echo").grade,
    ).toBe("A");
    // The policy refuses a stopped-paying cap above C.
    const bad = mergePolicy({
      gradeCaps: {
        ...DEFAULT_POLICY.gradeCaps,
        stoppedPaying: { ...DEFAULT_POLICY.gradeCaps.stoppedPaying, maxGrade: "B" },
      },
    });
    expect(() => scoreTable(sheet([]), undefined, bad, AS_OF)).toThrow(/stoppedPaying/);
  });
});

describe("the Altman factor is scored in the zones of the customer's own model", () => {
  test("publicScaleZ maps each model's cut-offs onto the public ones, monotone", () => {
    expect(publicScaleZ(1.5, "public")).toBe(1.5);
    // private: 1.23 → 1.81, 2.90 → 2.99, 0.615 (half of 1.23) → 0.905, 3.4 → 3.49.
    expect(publicScaleZ(1.23, "private")).toBeCloseTo(1.81, 12);
    expect(publicScaleZ(2.9, "private")).toBeCloseTo(2.99, 12);
    expect(publicScaleZ(0.615, "private")).toBeCloseTo(0.905, 12);
    expect(publicScaleZ(3.4, "private")).toBeCloseTo(3.49, 12);
    // nonmfg: 1.10 → 1.81, 2.60 → 2.99, 1.85 (midway) → 2.40.
    expect(publicScaleZ(1.1, "nonmfg")).toBeCloseTo(1.81, 12);
    expect(publicScaleZ(2.6, "nonmfg")).toBeCloseTo(2.99, 12);
    expect(publicScaleZ(1.85, "nonmfg")).toBeCloseTo(2.4, 12);
    expect(publicScaleZ(-0.5, "nonmfg")).toBe(-0.5);
    const zs = [-1, 0, 0.4, 1.1, 1.23, 1.6, 2.2, 2.6, 2.9, 3.5, 9];
    for (const m of ["private", "nonmfg"] as const) {
      const mapped = zs.map((z) => publicScaleZ(z, m));
      expect([...mapped].sort((x, y) => x - y)).toEqual(mapped);
    }
  });

  test("a private company in its grey zone scores as grey, not as distress on the public cut-offs", () => {
    // One invoice not yet due (no payment factor), no limit, no status: Altman is the only factor.
    // Inputs: assets = liabilities = 1,000, sales 1,503, the rest 0 → Z′ = 0.998 × 1.503 = 1.499994 (grey:
    // 1.23–2.90) → sub-score 40 + 60 × (1.499994 − 1.23) / 1.67 = 49.70 → 50 (C). The public model on the same
    // inputs: Z = 1.503 (distress) → 40 × 1.503 / 1.81 = 33.2 → 33 (E).
    const rows = [
      ["Customer", "Invoice No", "Due Date", "Amount"],
      ["Zed", "Z-1", AS_OF + 10, 1000],
    ];
    const run = (model: string) =>
      cust(
        scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF, {
          customers: readCustomers([
            [
              "Customer",
              "Working Capital",
              "Retained Earnings",
              "EBIT",
              "Equity",
              "Sales",
              "Total Assets",
              "Total Liabilities",
              "Altman model",
            ],
            ["Zed", 0, 0, 0, 0, 1503, 1000, 1000, model],
          ]),
        }),
        "Zed",
      );
    const priv = run("private");
    expect(priv.altmanZ).toBeCloseTo(1.499994, 9);
    expect(priv).toMatchObject({ score: 50, grade: "C" });
    expect(priv.reasons.en).toBe("Altman Z 1.50 (private model, grey zone)");
    expect(run("public")).toMatchObject({ score: 33, grade: "E" });
  });
});

describe("the stopped-paying cap says what the sheet can show", () => {
  test("without a paid-date column the cap names the missing payment dates, not 'stopped paying'", () => {
    // An open-items export: 35 days past due, no paid-date column at all (so no payment can be seen).
    // PI(35) = 50 − 5 / 30 × 10 = 48.33; utilisation 1,000 / 10,000 = 0.1 → 100; (40 × 48.33 + 20 × 100) / 60 =
    // 65.6 → 66 (B); the stopped-paying cap (> 30 days, no payment visible) takes it to C.
    const r = scoreTable(
      [
        ["Customer", "Invoice No", "Due Date", "Amount", "Credit Limit"],
        ["Echo", "S-1", AS_OF - 35, 1000, 10000],
      ],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
    );
    const e = cust(r, "Echo");
    expect(e).toMatchObject({ score: 66, scoreGrade: "B", grade: "C" });
    expect(e.cap).toMatchObject({ kind: "stoppedPaying", maxGrade: "C" });
    expect(e.reasons.en).toMatch(/^capped at C: S-1 35 days past due and the sheet shows no payment dates; /);
    expect(e.reasons.zh).toMatch(/^等级上限为C：发票S-1逾期35天，且表中没有收款日期; /);
  });
});

describe("credit notes are unapplied credit", () => {
  // The issue's example: a −1,250 credit note 242 days old next to 1,000 of debit 100 days past due.
  const r = scoreTable(
    [
      HEADER,
      ["Foxtrot", "CN-1", AS_OF - 242, -1250, "", "Open", 5000],
      ["Foxtrot", "F-1", AS_OF - 100, 1000, "", "Open", 5000],
      ["Golf", "CN-2", AS_OF - 10, -300, "", "Open", ""],
    ],
    undefined,
    DEFAULT_POLICY,
    AS_OF,
  );

  test("never aged, never overdue, no days past due, bucket or breaches", () => {
    const cn = r.invoices.find((i) => i.invoiceNo === "CN-1")!;
    expect(cn).toMatchObject({
      kind: "credit",
      openBalance: -1250,
      daysPastDue: null,
      bucketIndex: null,
      breaches: [],
    });
    const f = cust(r, "Foxtrot");
    expect([f.exposure, f.openDebit, f.unappliedCredit, f.overdue]).toEqual([-250, 1000, 1250, 1000]);
    expect(f.buckets).toEqual([0, 0, 0, 0, 1000]);
  });

  test("KPIs are never negative: % over 90 = 91+ debit / all open debit", () => {
    const p = r.portfolio;
    expect([p.totalExposure, p.openDebit, p.unappliedCredit, p.overdue]).toEqual([-550, 1000, 1550, 1000]);
    expect(p.pctOver90).toBe(1);
    expect(p.buckets!.every((b) => b.amount >= 0)).toBe(true);
    // A customer with only credit has no overdue and no dunning case.
    expect(cust(r, "Golf")).toMatchObject({ overdue: 0, unappliedCredit: 300, exposure: -300 });
    expect(r.collections.cases.map((c) => c.customer)).toEqual(["Foxtrot"]);
    const only = scoreTable(
      [HEADER, ["Golf", "CN-2", AS_OF - 10, -300, "", "Open", ""]],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(only.portfolio.pctOver90).toBeNull();
  });
});

describe("closed rows carry no risk marks", () => {
  test("paid rows: no days past due, bucket or breach codes even when the customer is over its limit", () => {
    const r = scoreTable(
      [
        HEADER,
        ["Hotel", "H-1", AS_OF - 100, 5000, AS_OF - 17, "Paid", 1000],
        ["Hotel", "H-2", AS_OF - 95, 2000, "", "Open", 1000],
      ],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
    );
    const paid = r.invoices[0]!;
    expect(paid).toMatchObject({
      kind: "closed",
      daysPastDue: null,
      agingBucket: null,
      breaches: [],
      daysBeyondTerms: 83,
    });
    expect(r.invoices[1]!.breaches).toEqual([
      "OVER_LIMIT",
      "SEVERELY_OVERDUE",
      "NOTIFY_INSURER",
      "LOW_GRADE",
    ]);
  });
});

describe("NOTIFY_INSURER and breach messages", () => {
  const rows = [
    ["Customer", "Invoice No", "Due Date", "Amount", "Status"],
    ["India", "I-1", AS_OF - 70, 11283.26, "Open"],
    ["Juliet", "J-1", AS_OF - 75, 500, "Open"],
    ["Juliet", "J-2", AS_OF - 65, 700, "Open"],
    ["Kilo", "", AS_OF - 120, 100, "Open"],
  ];

  test("without an insured-limit column every customer is flagged, 'if insured', naming customer and invoices", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF);
    const n = r.breaches.filter((b) => b.code === "NOTIFY_INSURER");
    expect(n.map((b) => b.message.en)).toEqual([
      "India: invoice I-1 (11,283.26) is 60 or more days past due (70 days): if India is insured, the insurer must be told.",
      "Juliet: 2 invoices (J-1, J-2) totalling 1,200.00 are 60 or more days past due (oldest 75 days): if Juliet is insured, the insurer must be told.",
      "Kilo: invoice row 5 (100.00) is 60 or more days past due (120 days): if Kilo is insured, the insurer must be told.",
    ]);
    expect(n[1]!.message.zh).toBe(
      "Juliet：2张发票（J-1、J-2）共1,200.00已逾期60天或以上（最长75天）：如Juliet已投保，须通知保险人。",
    );
    expect(n[2]!.message.zh).toContain("发票第5行（100.00）");
    expect(n[1]!.invoiceNos).toEqual(["J-1", "J-2"]);
  });

  test("with an insured-limit column only customers with an insured limit are flagged", () => {
    const customers = readCustomers([
      ["Customer", "Credit Limit", "Insured Limit"],
      ["India", 20000, 15000],
      ["Juliet", 5000, ""],
    ]);
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF, { customers });
    const n = r.breaches.filter((b) => b.code === "NOTIFY_INSURER");
    expect(n.map((b) => b.customer)).toEqual(["India"]);
    expect(n[0]!.message.en).toBe(
      "India: invoice I-1 (11,283.26) is 60 or more days past due (70 days): the maximum extension period is reached and the insurer must be told.",
    );
    expect(r.invoices.find((i) => i.invoiceNo === "J-1")!.breaches).not.toContain("NOTIFY_INSURER");
  });

  test("long invoice lists are cut after ten", () => {
    const many = [["Customer", "Invoice No", "Due Date", "Amount"]];
    for (let i = 1; i <= 12; i++) many.push(["Lima", `L-${i}`, AS_OF - 100, 10] as never);
    const r = scoreTable(many, undefined, DEFAULT_POLICY, AS_OF);
    const severe = r.breaches.find((b) => b.code === "SEVERELY_OVERDUE")!;
    expect(severe.message.en).toContain("(L-1, L-2, L-3, L-4, L-5, L-6, L-7, L-8, L-9, L-10 and 2 more)");
    expect(severe.message.zh).toContain("L-10等12张");
  });
});

describe("currencies (spec §1 v2)", () => {
  const rows = [
    ["Customer", "Invoice No", "Due Date", "Amount", "Currency"],
    ["Mike", "M-1", AS_OF - 10, 1000, "EUR"],
    ["Mike", "M-2", AS_OF + 10, 500, "EUR"],
    ["Nova", "N-1", AS_OF - 40, 800, "GBP"],
    ["Oscar", "O-1", AS_OF - 100, 2000, "USD"],
    ["Oscar", "O-2", AS_OF - 5, 300, "EUR"],
    ["Papa", "P-1", AS_OF - 1, 100, ""],
  ];

  test("without rates nothing is summed across currencies: per-currency figures and a clear issue", () => {
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF);
    const p = r.portfolio;
    // EUR is the most common currency (3 rows + Papa's row without one = 4): the base.
    expect(p.baseCurrency).toBe("EUR");
    expect(r.invoices.find((i) => i.invoiceNo === "P-1")!.currency).toBe("EUR");
    expect(p.missingRates).toEqual(["GBP", "USD"]);
    expect([p.totalExposure, p.overdue, p.buckets, p.expectedCreditLoss, p.pctOver90]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(p.byCurrency.map((x) => [x.currency, x.exposure, x.overdue])).toEqual([
      ["EUR", 1900, 1400],
      ["GBP", 800, 800],
      ["USD", 2000, 2000],
    ]);
    expect(r.provision.total).toBeNull();
    expect(r.provision.byCurrency.map((x) => x.currency)).toEqual(["EUR", "GBP", "USD"]);
    const issue = r.issues.find((i) => i.code === "MISSING_RATE")!;
    expect(issue.reason.en).toContain("No exchange rate for GBP, USD (base currency EUR)");
    // Oscar mixes USD and EUR without a USD rate: money per currency only, equal weights in the payment factor.
    const o = cust(r, "Oscar");
    expect([o.currency, o.exposure, o.overdue, o.exposureBase]).toEqual([null, null, null, null]);
    expect(o.byCurrency.map((x) => [x.currency, x.exposure])).toEqual([
      ["EUR", 300],
      ["USD", 2000],
    ]);
    expect(o.daysBeyondTerms).toBe((100 + 5) / 2);
    // Nova is in GBP alone: its figures are in GBP.
    expect(cust(r, "Nova")).toMatchObject({ currency: "GBP", exposure: 800, exposureBase: null });
  });

  test("with rates (Rates sheet over policy) the base figures are converted", () => {
    const policy = mergePolicy({ rates: { GBP: 1.1, USD: 0.9 } });
    const r = scoreTable(rows, undefined, policy, AS_OF, { rates: { GBP: 1.2 } });
    const p = r.portfolio;
    expect(p.missingRates).toEqual([]);
    // EUR 1,900 + GBP 800 × 1.2 + USD 2,000 × 0.9 = 1,900 + 960 + 1,800 = 4,660.
    expect(p.totalExposure).toBeCloseTo(4660, 10);
    expect(p.overdue).toBeCloseTo(1400 + 960 + 1800, 10);
    expect(r.issues.find((i) => i.code === "RATE_OVERRIDDEN")!.reason.en).toContain(
      "GBP 1.2, the policy 1.1",
    );
    // Oscar converts: reporting in EUR; payment weights in EUR (2,000 × 0.9 = 1,800 at 100 days, 300 at 5).
    const o = cust(r, "Oscar");
    expect(o.currency).toBe("EUR");
    expect(o.exposure).toBeCloseTo(2100, 10);
    expect(o.daysBeyondTerms).toBeCloseTo((1800 * 100 + 300 * 5) / 2100, 10);
    // Nova stays in GBP (its only currency); its base exposure is converted.
    expect(cust(r, "Nova")).toMatchObject({ currency: "GBP", exposure: 800 });
    expect(cust(r, "Nova").exposureBase).toBeCloseTo(960, 10);
  });

  test("limits are in the base currency unless the Customers sheet gives a currency", () => {
    const customers = readCustomers([
      ["Customer", "Credit Limit", "Currency"],
      ["Nova", 700, "GBP"],
      ["Mike", 1600, ""],
    ]);
    const noRate = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF, { customers });
    // Nova: GBP exposure against a GBP limit needs no rate: 800 > 700.
    expect(cust(noRate, "Nova").utilization).toBeCloseTo(800 / 700, 10);
    expect(cust(noRate, "Nova").breaches).toContain("OVER_LIMIT");
    expect(noRate.breaches.find((b) => b.code === "OVER_LIMIT")!.message.en).toBe(
      "Nova owes GBP 800.00, which is GBP 100.00 over the credit limit of GBP 700.00 (114%).",
    );
    // Mike: EUR 1,500 against 1,600 in the base currency (EUR) = 93.75 %.
    expect(cust(noRate, "Mike")).toMatchObject({ limitCurrency: "EUR", creditLimit: 1600 });
    expect(cust(noRate, "Mike").breaches).toContain("NEAR_LIMIT");
  });

  test("a limit that cannot be compared gives no utilisation and a warning", () => {
    const customers = readCustomers([
      ["Customer", "Credit Limit"],
      ["Nova", 700],
    ]);
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF, { customers });
    expect(cust(r, "Nova").utilization).toBeNull();
    expect(cust(r, "Nova").breaches).not.toContain("OVER_LIMIT");
    expect(r.issues.find((i) => i.code === "LIMIT_NOT_COMPARABLE")!.reason.en).toContain(
      "Nova: the exposure cannot be compared with the limit in EUR",
    );
  });

  test("the policy's base currency wins over the most common one", () => {
    const r = scoreTable(rows, undefined, mergePolicy({ baseCurrency: "usd" }), AS_OF);
    expect(r.portfolio.baseCurrency).toBe("USD");
    expect(r.invoices.find((i) => i.invoiceNo === "P-1")!.currency).toBe("USD");
    expect(r.portfolio.missingRates).toEqual(["EUR", "GBP"]);
  });
});

describe("the Altman model per customer (spec §1 v2)", () => {
  test("model column, else the policy default (private); the result says which model was used", () => {
    const inputs = [100, 200, 50, 400, 900, 1000, 600];
    const customers = readCustomers([
      [
        "Customer",
        "Working Capital",
        "Retained Earnings",
        "EBIT",
        "Equity",
        "Sales",
        "Total Assets",
        "Total Liabilities",
        "Altman model",
      ],
      ["Quebec", ...inputs, "public"],
      ["Romeo", ...inputs, ""],
    ]);
    const r = scoreTable(
      [
        ["Customer", "Due Date", "Amount"],
        ["Quebec", AS_OF + 5, 100],
        ["Romeo", AS_OF + 5, 100],
      ],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
      { customers },
    );
    expect(DEFAULT_POLICY.defaultAltmanModel).toBe("private");
    expect(cust(r, "Quebec").altmanModel).toBe("public");
    expect(cust(r, "Romeo").altmanModel).toBe("private");
    // Public Z = 1.2 × 0.1 + 1.4 × 0.2 + 3.3 × 0.05 + 0.6 × 400/600 + 1.0 × 0.9 = 1.865;
    // private Z′ = 0.717 × 0.1 + 0.847 × 0.2 + 3.107 × 0.05 + 0.420 × 400/600 + 0.998 × 0.9 = 1.57465.
    expect(cust(r, "Quebec").altmanZ).toBeCloseTo(1.865, 10);
    expect(cust(r, "Romeo").altmanZ).toBeCloseTo(1.57465, 10);
    expect(cust(r, "Quebec").reasons.en).toBe("Altman Z 1.87 (public model, grey zone)");
    expect(cust(r, "Romeo").reasons.en).toBe("Altman Z 1.57 (private model, grey zone)");
    expect(cust(r, "Romeo").reasons.zh).toBe("Altman Z值1.57（非上市公司模型，灰色区）");
  });
});

describe("data-quality warnings (spec §1 v2)", () => {
  test("duplicate invoice number, invoice after as-of, paid above amount, due before invoice: listed, still scored", () => {
    const r = scoreTable(
      [
        ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount", "Paid"],
        ["Sierra", "S-1", AS_OF - 40, AS_OF - 10, 1000, ""],
        ["sierra ", "S-1", AS_OF - 40, AS_OF - 10, 1000, ""],
        ["Tango", "S-1", AS_OF - 40, AS_OF - 10, 500, ""],
        ["Tango", "T-2", AS_OF + 5, AS_OF + 35, 200, ""],
        ["Tango", "T-3", AS_OF - 50, AS_OF - 20, 300, 450],
        ["Tango", "T-4", AS_OF - 20, AS_OF - 25, 100, ""],
      ],
      undefined,
      DEFAULT_POLICY,
      AS_OF,
      { sheetName: "Ledger" },
    );
    expect(r.invoices).toHaveLength(6);
    expect(r.warnings.map((w) => [w.row, w.column, w.value, w.code, w.severity])).toEqual([
      [3, "B", "S-1", "DUPLICATE_INVOICE", "warning"],
      [5, "C", "2025-07-05", "INVOICE_AFTER_AS_OF", "warning"],
      [6, "F", "450.00", "PAID_OVER_AMOUNT", "warning"],
      [7, "D", "2025-06-05", "DUE_BEFORE_INVOICE", "warning"],
    ]);
    expect(r.warnings[0]!.reason.en).toBe(
      "Invoice S-1 of sierra is also on row 2; both rows are scored — check that it is not counted twice.",
    );
    expect(r.warnings[2]!.reason.en).toBe(
      "Paid 450.00 is more than the invoice amount 300.00; the 150.00 overpaid counts as unapplied credit.",
    );
    expect(r.warnings[0]!.sheet).toBe("Ledger");
    expect(r.issues).toEqual(expect.arrayContaining(r.warnings as never[]));
    // The overpaid invoice is unapplied credit of 150.
    expect(r.invoices.find((i) => i.invoiceNo === "T-3")).toMatchObject({
      kind: "credit",
      openBalance: -150,
    });
  });
});

describe("policy v2 and its migration", () => {
  test("defaults: policy rates, caps on, private model, floor half the policy rate", () => {
    expect(DEFAULT_POLICY.version).toBe(2);
    expect(DEFAULT_POLICY.lossRateMethod).toBe("policy");
    expect(DEFAULT_POLICY.rollRate.floorShare).toBe(0.5);
    expect(DEFAULT_POLICY.gradeCaps).toEqual({
      enabled: true,
      rules: [
        { overDays: 60, maxGrade: "C" },
        { overDays: 90, maxGrade: "D" },
      ],
      stoppedPaying: { enabled: true, overdueDays: 30, noPaymentDays: 60, maxGrade: "C" },
    });
    expect([DEFAULT_POLICY.baseCurrency, DEFAULT_POLICY.rates]).toEqual([null, {}]);
  });
});

describe("collections order cases by what is overdue in the base currency", () => {
  // Three reminders (10 days past due): USD 1,000 (the base: the most common currency), EUR 950 and GBP 900.
  const rows = [
    ["Customer", "Invoice No", "Due Date", "Amount", "Currency"],
    ["Uno", "U-1", AS_OF - 10, 1000, "USD"],
    ["Uno", "U-2", AS_OF + 10, 5, "USD"],
    ["Euro", "E-1", AS_OF - 10, 950, "EUR"],
    ["Pound", "P-1", AS_OF - 10, 900, "GBP"],
  ];
  const order = (policy = DEFAULT_POLICY) =>
    scoreTable(rows, undefined, policy, AS_OF).collections.cases.map((c) => c.customer);

  test("with rates: EUR 950 × 1.10 = 1,045 and GBP 900 × 1.25 = 1,125 come before USD 1,000", () => {
    expect(order(mergePolicy({ rates: { EUR: 1.1, GBP: 1.25 } }))).toEqual(["Pound", "Euro", "Uno"]);
  });

  test("without rates the raw numbers are never compared: the base currency first, then the others", () => {
    // EUR and GBP cannot be converted: they follow the USD case, ordered by their oldest item, then by name.
    expect(order()).toEqual(["Uno", "Euro", "Pound"]);
  });
});
