import { scoreTable } from "../../src/engine/pipeline";
import { mergePolicy } from "../../src/engine/policy";
import { serialFromYmd } from "../../src/engine/serial";
import { issueAddress, toPaneResult } from "../../src/taskpane/fromPipeline";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

describe("toPaneResult", () => {
  const rows = [
    ["Customer", "Invoice No", "Due Date", "Amount", "Status", "Credit Limit"],
    ["Acme", "A-1", d(2025, 1, 1), 1000, "open", 800],
    ["Acme", "A-2", d(2025, 3, 20), 500, "open", 800],
    ["Beta", "B-1", d(2025, 2, 15), 2000, "disputed", 5000],
    ["Beta", "B-2", d(2025, 4, 30), 300, "open", 5000],
    ["Gamma", "G-1", "not a date", 100, "open", 100],
  ];
  const policy = mergePolicy({
    lateInterest: { enabled: true, annualRate: 0.08, dayBasis: 365, recoveryFeeRegime: null },
  });
  const asOf = d(2025, 3, 31);
  const result = scoreTable(rows, undefined, policy, asOf, { sheetName: "Invoices" });
  const pane = toPaneResult(result, policy, "Invoices");

  test("KPIs, buckets and customers come from the pipeline", () => {
    expect(pane.kpis.sets.map((x) => x.totalExposure)).toEqual([result.portfolio.totalExposure]);
    expect(pane.kpis.perCurrency).toBe(false);
    expect([pane.kpis.rowsScored, pane.kpis.rowsWithData]).toEqual([4, 5]);
    expect(pane.policy).toBe(policy);
    expect(pane.buckets.map((b) => b.label)).toEqual(["Current", "1-30", "31-60", "61-90", "91+"]);
    expect(pane.customers.map((c) => c.name)).toEqual(result.customers.map((c) => c.name));
    const acme = pane.customers.find((c) => c.name === "Acme")!;
    expect(acme.breaches).toContain("OVER_LIMIT");
    expect(acme.rows).toEqual([2, 3]);
  });

  test("customer-level breaches select the customer's rows", () => {
    const over = pane.breaches.find((b) => b.code === "OVER_LIMIT")!;
    expect(over.rows).toEqual([2, 3]);
    expect(over.message.en).toContain("Acme");
  });

  test("collections: disputed invoices excluded, messages in both languages with the invoice numbers", () => {
    const acme = pane.collections.find((c) => c.customer === "Acme")!;
    expect(acme.invoices.map((i) => i.invoiceNo)).toEqual(["A-1", "A-2"]);
    expect(acme.stage).toBe("creditHold");
    expect(acme.messages.en.body).toContain("A-1");
    expect(acme.messages.zh.body).toContain("A-1");
    expect(acme.interestAndFees).toBeGreaterThan(0);
    expect(pane.collections.find((c) => c.customer === "Beta")).toBeUndefined();
  });

  test("unreadable rows carry a selectable address", () => {
    const bad = pane.issues.find((i) => i.row === 6 && i.severity === "error")!;
    expect(bad.address).toBe("Invoices!C6");
    expect(issueAddress({ ...result.issues[0], row: 3, column: "B", sheet: "My Sheet" }, "x")).toBe(
      "'My Sheet'!B3",
    );
    expect(issueAddress({ ...result.issues[0], row: 0, column: "" }, "x")).toBeNull();
  });
});
