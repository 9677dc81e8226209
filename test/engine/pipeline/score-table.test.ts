import { payIndexExact } from "../../../src/engine/payindex";
import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import { readCustomers } from "../../../src/engine/sheet/customers";
import { readTable } from "../../../src/engine/sheet/table";
import { outputGrid } from "../../../src/engine/pipeline/output";
import { makeSnapshot } from "../../../src/engine/pipeline/snapshot";
import { openBalanceOf, scoreTable } from "../../../src/engine/pipeline/score-table";
import type { ScoreResult } from "../../../src/engine/pipeline/types";
import { AS_OF, CUSTOMER_ROWS, INVOICE_ROWS, d } from "./fixture";

function run(extras = {}): ScoreResult {
  const table = readTable(INVOICE_ROWS, { policy: DEFAULT_POLICY });
  const customers = readCustomers(CUSTOMER_ROWS, { sheetName: "Customers" });
  return scoreTable(table, undefined, DEFAULT_POLICY, AS_OF, { customers, ...extras });
}

describe("scoreTable on a hand-built sheet", () => {
  const r = run();
  const byNo = (no: string) => r.invoices.find((i) => i.invoiceNo === no)!;
  const cust = (name: string) => r.customers.find((c) => c.name === name)!;

  test("per invoice: due date, open balance, days past due, bucket, days beyond terms", () => {
    expect(byNo("A1")).toMatchObject({
      row: 3,
      openBalance: 5000,
      daysPastDue: 90,
      agingBucket: "61-90",
      daysBeyondTerms: null,
    });
    expect(byNo("A2")).toMatchObject({ openBalance: 4000, daysPastDue: 40, agingBucket: "31-60" });
    expect(byNo("A3")).toMatchObject({ openBalance: 1500, daysPastDue: 0, agingBucket: "Current" });
    // v2: closed rows carry no days past due and no bucket; how late they were paid is days beyond terms.
    expect(byNo("A4")).toMatchObject({
      kind: "closed",
      openBalance: 0,
      daysPastDue: null,
      agingBucket: null,
      bucketIndex: null,
      daysBeyondTerms: 10,
    });
    expect(byNo("A5")).toMatchObject({
      kind: "closed",
      openBalance: 0,
      daysPastDue: null,
      daysBeyondTerms: 20,
    });
    expect(byNo("B1")).toMatchObject({
      openBalance: 800,
      daysPastDue: 106,
      agingBucket: "91+",
      status: "disputed",
    });
    // v2: a credit note is unapplied credit — no days past due, no bucket.
    expect(byNo("B3")).toMatchObject({
      kind: "credit",
      openBalance: -50,
      daysPastDue: null,
      agingBucket: null,
    });
    expect(byNo("C1")).toMatchObject({
      dueDate: d(2025, 3, 3),
      dueDateComputed: true,
      openBalance: 1500,
      daysPastDue: 28,
      agingBucket: "1-30",
    });
  });

  test("rows are aligned to source rows; blank and totals rows are null", () => {
    expect(r.firstDataIndex).toBe(2);
    expect(r.rows).toHaveLength(11);
    expect(r.rows.map((x) => x?.invoiceNo ?? null)).toEqual([
      "A1",
      "A2",
      "A3",
      "A4",
      null,
      "A5",
      "B1",
      "B2",
      "B3",
      "C1",
      null,
    ]);
    const grid = outputGrid(r, "en");
    expect(grid.headers).toEqual([
      "Due Date",
      "Open Balance",
      "Days Past Due",
      "Aging Bucket",
      "Customer Score",
      "Risk Grade",
      "Breaches",
    ]);
    // The Due Date column shows the due date used on every row: this row's own (sheet) due date.
    expect(grid.values[0]).toEqual([
      r.rows[0]!.dueDate,
      5000,
      90,
      "61-90",
      57,
      "C",
      "OVER_LIMIT, INSURED_LIMIT_EXCEEDED, NOTIFY_INSURER",
    ]);
    // A4 (closed) and B3 (credit): open balance only, no days, bucket or breaches.
    expect(grid.values[3]!.slice(1)).toEqual([0, "", "", 57, "C", ""]);
    expect(grid.values[8]!.slice(1)).toEqual([-50, "", "", 36, "D", ""]);
    expect(grid.values[4]).toEqual(["", "", "", "", "", "", ""]);
    expect(grid.values[9]![0]).toBe(d(2025, 3, 3));
    expect(outputGrid(r, "zh-CN").headers[1]).toBe("未收余额");
  });

  test("per customer: Acme", () => {
    const a = cust("Acme Ltd");
    expect(a.rows).toEqual([3, 4, 5, 6, 8]);
    expect(a.exposure).toBe(10500);
    expect(a.unappliedCredit).toBe(0);
    expect(a.overdue).toBe(9000);
    expect(a.buckets).toEqual([1500, 0, 4000, 5000, 0]);
    expect(a.maxDaysPastDue).toBe(90);
    // v2 payment factor: paid A4 (10 days, 2,000) and A5 (20, 1,000) with open past-due A1 (90, 5,000) and A2
    // (40, 4,000): 650,000 / 12,000 = 54.17; A3 is not yet due and stays out.
    expect(a.daysBeyondTermsBasis).toBe("paidAndOpen");
    expect(a.daysBeyondTerms).toBeCloseTo(650000 / 12000, 10);
    expect(a.paidDaysBeyondTerms).toBeCloseTo(40000 / 3000, 10);
    expect(a.openDaysPastDue).toBeCloseTo(610000 / 9000, 10);
    expect(a.paymentSample).toBe(4);
    // (2000 × 73.33 + 1000 × 62.86 + 5000 × 30 + 4000 × 46.67) / 12000 = 45.52
    expect(a.payIndex).toBe(46);
    expect(a.creditLimit).toBe(10000);
    expect(a.insuredLimit).toBe(8000);
    expect(a.utilization).toBeCloseTo(1.05, 12);
    expect(a.uninsuredExposure).toBe(2500);
    expect(a.yearsTrading).toBe(10);
    expect(a.disputeRate).toBe(0);
    // (40 × PI(54.17) + 20 × 54 + 10 × 100 + 5 × 100) / 75 = 56.77
    const expected = (40 * payIndexExact(650000 / 12000) + 20 * 54 + 10 * 100 + 5 * 100) / 75;
    expect(expected).toBeCloseTo(56.77, 2);
    expect(a.score).toBe(57);
    expect(a.scoreGrade).toBe("C");
    // The 61-90 cap (A1 is 90 days past due) is C as well: it does not lower the grade, so no cap reason.
    expect(a.grade).toBe("C");
    expect(a.cap).toBeNull();
    expect(a.reasons.en).toBe("pays 13 days late, open invoices 68 days past due; 105% of credit limit");
    expect(a.reasons.zh).toBe("平均逾期13天付款，未付发票平均逾期68天; 占信用额度105%");
    expect(a.breaches).toEqual(["OVER_LIMIT", "INSURED_LIMIT_EXCEEDED", "NOTIFY_INSURER"]);
  });

  test("per customer: Beta (no paid history → open basis, disputes, credit note)", () => {
    const b = cust("Beta GmbH");
    // Exposure = open debit 950 − unapplied credit 50; buckets and overdue hold debit balances only.
    expect(b.exposure).toBe(900);
    expect(b.openDebit).toBe(950);
    expect(b.unappliedCredit).toBe(50);
    expect(b.buckets).toEqual([150, 0, 0, 0, 800]);
    expect(b.overdue).toBe(800);
    // Only B1 is past due (106 days); B2 is not yet due.
    expect(b.daysBeyondTermsBasis).toBe("open");
    expect(b.daysBeyondTerms).toBe(106);
    expect(b.payIndex).toBe(25); // 30 − 16/30 × 10 = 24.67
    expect(b.utilization).toBeCloseTo(0.9, 12);
    expect(b.disputeRate).toBeCloseTo(1 / 3, 12);
    // (40 × 24.67 + 20 × 68 + 5 × 0) / 65 = 36.10
    expect(b.score).toBe(36);
    expect(b.grade).toBe("D");
    expect(b.reasons.en).toBe("open invoices 106 days past due; 90% of credit limit");
    // No NOTIFY_INSURER: the Customers sheet has an insured-limit column and Beta has no insured limit.
    expect(b.breaches).toEqual(["NEAR_LIMIT", "SEVERELY_OVERDUE", "LOW_GRADE", "DISPUTE_AGED"]);
  });

  test("per customer: 上海甲公司 (computed due date, partial payment)", () => {
    const c = cust("上海甲公司");
    expect(c.exposure).toBe(1500);
    expect(c.daysBeyondTerms).toBe(28);
    expect(c.daysBeyondTermsBasis).toBe("open");
    expect(c.reasons.en).toBe("open invoices 28 days past due");
    expect(c.payIndex).toBe(53); // 52.5 rounds half up
    expect(c.score).toBe(58); // (40 × 52.5 + 5 × 100) / 45 = 57.8
    expect(c.grade).toBe("C");
    expect(c.creditLimit).toBeNull();
    expect(c.utilization).toBeNull();
    expect(c.breaches).toEqual([]);
  });

  test("customers are ordered by exposure", () => {
    expect(r.customers.map((c) => c.name)).toEqual(["Acme Ltd", "上海甲公司", "Beta GmbH"]);
  });

  test("portfolio KPIs", () => {
    const p = r.portfolio;
    expect(p.customers).toBe(3);
    expect(p.invoices).toBe(9);
    expect(p.openInvoices).toBe(7);
    expect(p.totalExposure).toBe(12900);
    expect(p.openDebit).toBe(12950);
    expect(p.unappliedCredit).toBe(50);
    expect(p.overdue).toBe(11300);
    expect(p.buckets).toEqual([
      { label: "Current", amount: 1650 },
      { label: "1-30", amount: 1500 },
      { label: "31-60", amount: 4000 },
      { label: "61-90", amount: 5000 },
      { label: "91+", amount: 800 },
    ]);
    expect(p.over90).toBe(800);
    // 91+ debit / all open debit.
    expect(p.pctOver90).toBeCloseTo(800 / 12950, 12);
    expect([p.rowsScored, p.rowsWithData, p.baseCurrency, p.missingRates]).toEqual([9, 9, "", []]);
    expect(p.salesLast90).toBe(8600);
    expect(p.dso).toBeCloseTo(135, 10);
    expect(p.bestDso).toBeCloseTo((1650 / 8600) * 90, 10);
    expect(p.averageDaysDelinquent).toBeCloseTo(135 - (1650 / 8600) * 90, 10);
    // 1650 × 0.3 % + 1500 × 1.6 % + 4000 × 3.6 % + 5000 × 6.6 % + 800 × 10.6 %
    expect(p.expectedCreditLoss).toBeCloseTo(587.75, 9);
    expect(p.uninsuredExposure).toBe(2500);
    expect(p.breachCounts).toEqual({
      OVER_LIMIT: 1,
      INSURED_LIMIT_EXCEEDED: 1,
      NOTIFY_INSURER: 1,
      NEAR_LIMIT: 1,
      SEVERELY_OVERDUE: 1,
      LOW_GRADE: 1,
      DISPUTE_AGED: 1,
    });
  });

  test("provision matrix uses the policy rates (the default method)", () => {
    expect(r.provision.method).toBe("policy");
    expect(r.provision.requested).toBe("policy");
    expect(r.provision.rows!.map((x) => x.rate)).toEqual([0.003, 0.016, 0.036, 0.066, 0.106]);
    expect(r.provision.rows!.map((x) => x.provision)).toEqual([
      1650 * 0.003,
      1500 * 0.016,
      4000 * 0.036,
      5000 * 0.066,
      800 * 0.106,
    ]);
    expect(r.provision.note.en).toMatch(/^Loss rates from the policy/);
  });

  test("breaches carry rows, numbers and explanations", () => {
    const over = r.breaches.find((x) => x.code === "OVER_LIMIT")!;
    expect(over).toMatchObject({
      customer: "Acme Ltd",
      rows: [],
      numbers: { exposure: 10500, creditLimit: 10000, excess: 500 },
    });
    expect(over.message.en).toBe(
      "Acme Ltd owes 10,500.00, which is 500.00 over the credit limit of 10,000.00 (105%).",
    );
    expect(over.message.zh).toContain("超出信用额度");
    const severe = r.breaches.find((x) => x.code === "SEVERELY_OVERDUE")!;
    expect(severe).toMatchObject({
      customer: "Beta GmbH",
      rows: [9],
      invoiceNos: ["B1"],
      numbers: { invoices: 1, amount: 800, maxDaysPastDue: 106, thresholdDays: 90 },
    });
    expect(severe.message.en).toBe(
      "Beta GmbH: invoice B1 (800.00) is more than 90 days past due (106 days).",
    );
    expect(severe.message.zh).toBe("Beta GmbH：发票B1（800.00）逾期超过90天（106天）。");
    const notify = r.breaches.filter((x) => x.code === "NOTIFY_INSURER");
    expect(notify.map((x) => [x.customer, x.rows])).toEqual([["Acme Ltd", [3]]]);
    expect(notify[0]!.message.en).toBe(
      "Acme Ltd: invoice A1 (5,000.00) is 60 or more days past due (90 days): the maximum extension period is reached and the insurer must be told.",
    );
    const dispute = r.breaches.find((x) => x.code === "DISPUTE_AGED")!;
    expect(dispute.numbers).toMatchObject({ oldestDays: 136, amount: 800 });
    const insured = r.breaches.find((x) => x.code === "INSURED_LIMIT_EXCEEDED")!;
    expect(insured.message.en).toContain("2,500.00 is uninsured");
    expect(r.breaches.map((x) => x.code)).toEqual([
      "OVER_LIMIT",
      "INSURED_LIMIT_EXCEEDED",
      "NOTIFY_INSURER",
      "NEAR_LIMIT",
      "SEVERELY_OVERDUE",
      "LOW_GRADE",
      "DISPUTE_AGED",
    ]);
  });

  test("row breach codes: own + customer-level, on open debit rows only", () => {
    expect(byNo("A2").breaches).toEqual(["OVER_LIMIT", "INSURED_LIMIT_EXCEEDED"]);
    // Closed (A4) and credit (B3) rows carry none.
    expect(byNo("A4").breaches).toEqual([]);
    expect(byNo("B3").breaches).toEqual([]);
    expect(byNo("B1").breaches).toEqual(["NEAR_LIMIT", "SEVERELY_OVERDUE", "LOW_GRADE", "DISPUTE_AGED"]);
    expect(byNo("B2").breaches).toEqual(["NEAR_LIMIT", "LOW_GRADE"]);
    expect(byNo("C1").breaches).toEqual([]);
  });

  test("issues are passed through (totals row, unknown customer on the Customers sheet)", () => {
    expect(r.issues.map((i) => i.code)).toEqual(["TOTALS_ROW", "UNKNOWN_CUSTOMER", "CUSTOMER_NOT_LISTED"]);
  });

  test("deterministic: same input → deep-equal output", () => {
    expect(run()).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test("raw rows give the same result as a read table", () => {
    const raw = scoreTable(INVOICE_ROWS, undefined, DEFAULT_POLICY, AS_OF, {
      customers: readCustomers(CUSTOMER_ROWS, { sheetName: "Customers" }),
    });
    expect(raw).toEqual(r);
  });

  test("previous snapshot: trend, DETERIORATING and movers", () => {
    const prevRun = d(2025, 2, 28);
    const prev = makeSnapshot(r, prevRun, prevRun).map((row) =>
      row.customer === "Acme Ltd" ? { ...row, score: 85, daysBeyondTerms: 2, exposure: 9000 } : row,
    );
    const again = run({ previousSnapshot: prev });
    const a = again.customers.find((c) => c.name === "Acme Ltd")!;
    expect(a.trend).toEqual({
      previousRunDate: prevRun,
      previousAsOf: prevRun,
      previousScore: 85,
      scoreChange: -28,
      previousDaysBeyondTerms: 2,
      daysBeyondTermsChange: 650000 / 12000 - 2,
      previousExposure: 9000,
      exposureChange: 1500,
    });
    expect(a.breaches).toContain("DETERIORATING");
    const det = again.breaches.find((x) => x.code === "DETERIORATING")!;
    expect(det.message.en).toContain("score 85 → 57");
    expect(again.movers.map((m) => [m.customer, m.deteriorating])).toEqual([["Acme Ltd", true]]);
    expect(again.customers.find((c) => c.name === "Beta GmbH")!.trend!.scoreChange).toBe(0);
    expect(again.invoices.find((i) => i.invoiceNo === "A2")!.breaches).toContain("DETERIORATING");
  });

  test("custom edges and labels", () => {
    const policy = mergePolicy({
      aging: { edges: [30, 90], labels: ["Not due", "≤30", "31-90", ">90"] },
      lossRates: [0.01, 0.02, 0.05, 0.5],
    });
    const res = scoreTable(INVOICE_ROWS, undefined, policy, AS_OF);
    expect(res.bucketLabels).toEqual(["Not due", "≤30", "31-90", ">90"]);
    expect(res.portfolio.buckets!.map((b) => b.amount)).toEqual([1650, 1500, 9000, 800]);
    expect(res.invoices.find((i) => i.invoiceNo === "A1")!.agingBucket).toBe("31-90");
  });

  test("openBalanceOf rules", () => {
    const base = {
      index: 0,
      row: 1,
      customer: "x",
      customerKey: "x",
      dueDate: 100,
      dueDateComputed: false,
      status: "open" as const,
    };
    expect(openBalanceOf({ ...base, amount: 100 }, 200)).toBe(100);
    expect(openBalanceOf({ ...base, amount: 100, status: "paid" }, 200)).toBe(0);
    expect(openBalanceOf({ ...base, amount: 100, balance: 30 }, 200)).toBe(30);
    expect(openBalanceOf({ ...base, amount: 100, paid: 40 }, 200)).toBe(60);
    expect(openBalanceOf({ ...base, amount: 100, paidDate: 150 }, 200)).toBe(0);
    expect(openBalanceOf({ ...base, amount: 100, paidDate: 250, status: "paid" }, 200)).toBe(100);
    expect(openBalanceOf({ ...base, amount: 0.3, paid: 0.1 + 0.2 }, 200)).toBe(0);
  });

  test("invalid as-of or policy throws RangeError", () => {
    expect(() => scoreTable(INVOICE_ROWS, undefined, DEFAULT_POLICY, 0)).toThrow(RangeError);
    expect(() => scoreTable(INVOICE_ROWS, undefined, mergePolicy({ lossRates: [0.1] }), AS_OF)).toThrow(
      /lossRates/,
    );
  });
});

test("the result summarises what the reader saw", () => {
  const r = scoreTable(INVOICE_ROWS, undefined, DEFAULT_POLICY, AS_OF);
  expect(r.table).toMatchObject({
    rowCount: 11,
    invoices: 9,
    blankRows: 1,
    totalRowsSkipped: 1,
    errorRowsSkipped: 0,
    dateOrderHint: null,
    currencies: [],
    mappingProblems: [],
  });
  expect(r.table.headers[0]).toBe("Customer");
});

test("DSO's caveat: given on a sheet of open items only, not when any invoice is paid or there is no DSO", () => {
  const head = ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount", "Paid"];
  const score = (rows: unknown[][]) =>
    scoreTable(readTable([head, ...rows], { policy: DEFAULT_POLICY }), undefined, DEFAULT_POLICY, AS_OF)
      .portfolio;
  const open = [
    ["Acme", "X1", AS_OF - 40, AS_OF - 10, 1000, 0],
    ["Bolt", "X2", AS_OF - 20, AS_OF + 10, 500, 0],
  ];
  // Exposure 1,500 over sales of 1,500 in the last 90 days: DSO 90, with the caveat.
  const onlyOpen = score(open);
  expect(onlyOpen.dso).toBe(90);
  expect(onlyOpen.dsoNote?.en).toMatch(/no paid invoices \(open items only\)/);
  expect(onlyOpen.dsoNote?.zh).toMatch(/没有已付发票/);
  // One paid invoice: sales 2,300, DSO 1,500 / 2,300 × 90, no caveat.
  const withPaid = score([...open, ["Acme", "X3", AS_OF - 60, AS_OF - 30, 800, 800]]);
  expect(withPaid.dso).toBeCloseTo((1500 / 2300) * 90, 9);
  expect(withPaid.dsoNote).toBeNull();
  // No invoice dates: no DSO, so nothing to caution about.
  const noDates = scoreTable(
    readTable(
      [
        ["Customer", "Due Date", "Amount"],
        ["Acme", AS_OF - 10, 1000],
      ],
      { policy: DEFAULT_POLICY },
    ),
    undefined,
    DEFAULT_POLICY,
    AS_OF,
  ).portfolio;
  expect(noDates.dso).toBeNull();
  expect(noDates.dsoNote).toBeNull();
});
