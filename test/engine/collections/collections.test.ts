import { collectionsPlan, dunningStage } from "../../../src/engine/collections/dunning";
import { draftMessage, sanitizeLine } from "../../../src/engine/collections/messages";
import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import { readCustomers } from "../../../src/engine/sheet/customers";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import { AS_OF, CUSTOMER_ROWS, INVOICE_ROWS, d } from "../pipeline/fixture";

const result = scoreTable(INVOICE_ROWS, undefined, DEFAULT_POLICY, AS_OF, {
  customers: readCustomers(CUSTOMER_ROWS),
});

describe("dunning stages", () => {
  test.each([
    [0, null],
    [1, "reminder"],
    [14, "reminder"],
    [15, "secondNotice"],
    [29, "secondNotice"],
    [30, "finalNotice"],
    [59, "finalNotice"],
    [60, "creditHold"],
    [400, "creditHold"],
  ])("%p days → %p", (days, stage) => {
    expect(dunningStage(days, DEFAULT_POLICY)).toBe(stage);
  });

  test("plan: stage by oldest overdue invoice; disputed, current and credit items excluded", () => {
    const plan = collectionsPlan(result, DEFAULT_POLICY);
    expect(plan.cases.map((c) => [c.customer, c.stage, c.maxDaysPastDue, c.overdueAmount])).toEqual([
      ["Acme Ltd", "creditHold", 90, 9000],
      ["上海甲公司", "secondNotice", 28, 1500],
    ]);
    expect(plan.cases[0]!.invoices.map((i) => i.invoiceNo)).toEqual(["A1", "A2"]);
    expect(plan.groups.map((g) => [g.stage, g.cases.length])).toEqual([
      ["creditHold", 1],
      ["finalNotice", 0],
      ["secondNotice", 1],
      ["reminder", 0],
    ]);
    // Beta's only overdue invoice is disputed: no dunning case.
    expect(plan.cases.some((c) => c.customer === "Beta GmbH")).toBe(false);
  });
});

describe("draftMessage", () => {
  const acme = collectionsPlan(result, DEFAULT_POLICY).cases[0]!;
  const interestPolicy = mergePolicy({
    lateInterest: { enabled: true, annualRate: 0.08, recoveryFeeRegime: "UK" },
  });

  test("English credit-hold notice with statutory interest and fees", () => {
    const m = draftMessage("Acme Ltd", acme.invoices, "creditHold", "en", interestPolicy, AS_OF, {
      company: "Widget Co",
      currency: "GBP",
    });
    expect(m.subject).toBe("Account on credit hold – Acme Ltd");
    expect(m.body.split("\n")).toEqual([
      "Dear Acme Ltd,",
      "",
      "Because the following invoices remain unpaid, your account has been placed on credit hold:",
      "",
      "• A1 – due 2024-12-31 – GBP 5,000.00 – 90 days overdue (interest GBP 98.63, fee GBP 70.00)",
      "• A2 – due 2025-02-19 – GBP 4,000.00 – 40 days overdue (interest GBP 35.07, fee GBP 70.00)",
      "",
      "Total overdue: GBP 9,000.00",
      "Statutory interest at 8.00% a year to 2025-03-31: GBP 133.70",
      "Fixed recovery compensation: GBP 140.00",
      "Total now due: GBP 9,273.70",
      "",
      "No further orders can be supplied on credit until the overdue balance is paid in full. Please contact us to settle the account.",
      "",
      "Kind regards,",
      "Widget Co",
    ]);
  });

  test("Chinese reminder without interest", () => {
    const m = draftMessage(
      "上海甲公司",
      collectionsPlan(result, DEFAULT_POLICY).cases[1]!.invoices,
      "reminder",
      "zh-CN",
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(m.subject).toBe("付款提醒：发票已逾期 – 上海甲公司");
    expect(m.body).toContain("尊敬的上海甲公司：");
    expect(m.body).toContain("• C1，到期日2025年3月3日，金额1,500.00，已逾期28天");
    expect(m.body).toContain("逾期合计：1,500.00");
    expect(m.body).not.toContain("利息");
    expect(m.body.endsWith("信用管理部")).toBe(true);
  });

  test("tone differs by stage, in both languages", () => {
    const stages = ["reminder", "secondNotice", "finalNotice", "creditHold"] as const;
    for (const lang of ["en", "zh-CN"] as const) {
      const bodies = stages.map((s) => draftMessage("X", acme.invoices, s, lang, DEFAULT_POLICY, AS_OF).body);
      expect(new Set(bodies).size).toBe(4);
    }
    expect(draftMessage("X", acme.invoices, "finalNotice", "en", DEFAULT_POLICY, AS_OF).body).toContain(
      "within 7 days",
    );
  });

  test("mixed currencies are totalled per currency; invoices without a number use the row", () => {
    const m = draftMessage(
      "Mix",
      [
        { row: 5, dueDate: d(2025, 3, 1), openBalance: 1000, daysPastDue: 30, currency: "USD" },
        { invoiceNo: "E1", dueDate: d(2025, 3, 1), openBalance: 2500.5, daysPastDue: 30, currency: "EUR" },
        { invoiceNo: "CR", dueDate: d(2025, 3, 1), openBalance: -50, daysPastDue: 30, currency: "EUR" },
      ],
      "reminder",
      "en",
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(m.body).toContain("• Invoice (row 5) – due 2025-03-01 – USD 1,000.00 – 30 days overdue");
    expect(m.body).toContain("Total overdue: EUR 2,500.50, USD 1,000.00");
    expect(m.body).not.toContain("CR");
  });

  test("no line starts with = + - @", () => {
    const m = draftMessage(
      "=HYPERLINK(\"x\")\n=cmd|'/c calc'!A1",
      [{ invoiceNo: "-1", dueDate: d(2025, 1, 1), openBalance: 10, daysPastDue: 89 }],
      "reminder",
      "en",
      DEFAULT_POLICY,
      AS_OF,
      {
        company: "@evil",
      },
    );
    for (const line of [m.subject, ...m.body.split("\n")]) expect(line).not.toMatch(/^[=+\-@]/);
    expect(m.body).toContain("'=cmd");
    expect(m.body).toContain("'@evil");
    expect(sanitizeLine("+1")).toBe("'+1");
    expect(sanitizeLine("ok")).toBe("ok");
  });
});
