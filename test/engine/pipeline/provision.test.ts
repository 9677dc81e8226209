import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import { provisionMatrix, rollRates, type HistoryItem } from "../../../src/engine/pipeline/provision";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import { d } from "./fixture";

const AS_OF = d(2025, 12, 31);

/** Six monthly cohorts (Jan–Jun 2025), each: 20 paid on time, 5 paid 20 days late, 3 paid 45 days late, 1 never paid. */
function historyRows(months = 6): unknown[][] {
  const rows: unknown[][] = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid Date", "Status"]];
  for (let m = 1; m <= months; m++) {
    const inv = d(2025, m, 1);
    const due = inv + 30;
    const add = (late: number | null, n: number) => {
      for (let i = 0; i < n; i++) {
        rows.push([
          `C${m}-${i % 3}`,
          inv,
          due,
          100,
          late === null ? "" : due + late,
          late === null ? "Open" : "Paid",
        ]);
      }
    };
    add(0, 20);
    add(20, 5);
    add(45, 3);
    add(null, 1);
  }
  return rows;
}

describe("roll rates", () => {
  test("reached amounts, losses, roll rates and derived loss rates", () => {
    const items: HistoryItem[] = [];
    for (const row of historyRows().slice(1)) {
      const [, inv, due, amount, paid, status] = row as [string, number, number, number, number | "", string];
      items.push({
        amount,
        invoiceDate: inv,
        dueDate: due,
        openBalance: status === "Paid" ? 0 : amount,
        settled: status === "Paid",
        ...(paid === "" ? {} : { paidDate: paid }),
      });
    }
    const rr = rollRates(items, DEFAULT_POLICY, AS_OF);
    expect(rr).toMatchObject({
      cohorts: 6,
      matureInvoices: 174,
      paidInvoices: 168,
      lossDays: 180,
      enough: true,
    });
    expect(rr.reached).toEqual([17400, 5400, 2400, 600, 600]);
    expect(rr.losses).toEqual([600, 600, 600, 600, 600]);
    expect(rr.rollRates).toEqual([5400 / 17400, 2400 / 5400, 600 / 2400, 1]);
    expect(rr.rates).toEqual([600 / 17400, 600 / 5400, 600 / 2400, 1, 1]);
  });

  test("invoices not yet mature are left out", () => {
    const young: HistoryItem = { amount: 100, dueDate: AS_OF - 10, openBalance: 100, settled: false };
    expect(rollRates([young], DEFAULT_POLICY, AS_OF).matureInvoices).toBe(0);
  });

  test("method selection: auto uses roll rates with enough history", () => {
    const res = scoreTable(historyRows(), undefined, DEFAULT_POLICY, AS_OF);
    expect(res.provision.method).toBe("rollRate");
    expect(res.provision.rows.map((r) => r.rate)).toEqual([600 / 17400, 600 / 5400, 600 / 2400, 1, 1]);
    expect(res.provision.note.en).toContain("6 monthly cohorts, 168 paid invoices");
    // Open balance: the six never-paid invoices, all 91+.
    expect(res.portfolio.buckets.map((b) => b.amount)).toEqual([0, 0, 0, 0, 600]);
    expect(res.portfolio.expectedCreditLoss).toBe(600);
  });

  test("method selection: policy always uses policy rates; too little history falls back", () => {
    const forced = scoreTable(historyRows(), undefined, mergePolicy({ lossRateMethod: "policy" }), AS_OF);
    expect(forced.provision.method).toBe("policy");
    expect(forced.provision.note.en).toBe("Loss rates from the policy settings.");
    const short = scoreTable(historyRows(5), undefined, mergePolicy({ lossRateMethod: "rollRate" }), AS_OF);
    expect(short.provision.method).toBe("policy");
    expect(short.provision.requested).toBe("rollRate");
    expect(short.provision.rollRate.cohorts).toBe(5);
    expect(short.provision.note.en).toContain("5 of 6 monthly cohorts");
    expect(short.provision.note.zh).toContain("5/6");
  });

  test("provisionMatrix: credit balances provide nothing; unreached buckets keep policy rates", () => {
    const info = { ...rollRates([], DEFAULT_POLICY, AS_OF), enough: true };
    const m = provisionMatrix(
      [1000, -200, 0, 0, 0],
      ["Current", "1-30", "31-60", "61-90", "91+"],
      DEFAULT_POLICY,
      info,
    );
    expect(m.method).toBe("rollRate");
    expect(m.rows.map((r) => r.rate)).toEqual([0.003, 0.016, 0.036, 0.066, 0.106]);
    expect(m.rows[1]!.provision).toBe(0);
    expect(m.total).toBeCloseTo(3, 12);
  });
});
