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

  test("a cohort is mature only when every invoice of its month fell due lossDays before the as-of date", () => {
    // June 2025 cohort: one invoice due 1 Jul (183 days before 31 Dec: mature), one due 15 Jul (169 days: not).
    const base = { amount: 100, invoiceDate: d(2025, 6, 1), openBalance: 0, settled: true };
    const oldOne: HistoryItem = { ...base, dueDate: d(2025, 7, 1), paidDate: d(2025, 7, 1) };
    const youngOne: HistoryItem = { ...base, dueDate: d(2025, 7, 15), paidDate: d(2025, 7, 15) };
    expect(rollRates([oldOne], DEFAULT_POLICY, AS_OF)).toMatchObject({ cohorts: 1, matureInvoices: 1 });
    // The young invoice keeps the whole June cohort out: its outcome is not known yet.
    expect(rollRates([oldOne, youngOne], DEFAULT_POLICY, AS_OF)).toMatchObject({
      cohorts: 0,
      matureInvoices: 0,
    });
  });

  test("the default method is the policy's rates, even with enough history", () => {
    const res = scoreTable(historyRows(), undefined, DEFAULT_POLICY, AS_OF);
    expect(DEFAULT_POLICY.lossRateMethod).toBe("policy");
    expect(res.provision.method).toBe("policy");
    expect(res.provision.rows!.map((r) => r.rate)).toEqual([0.003, 0.016, 0.036, 0.066, 0.106]);
    expect(res.provision.note.en).toContain("Loss rates from the policy");
    expect(res.provision.note.en).toContain("can be chosen in the Policy view");
    // Open balance: the six never-paid invoices, all 91+ → 600 × 10.6 %.
    expect(res.portfolio.buckets!.map((b) => b.amount)).toEqual([0, 0, 0, 0, 600]);
    expect(res.portfolio.expectedCreditLoss).toBeCloseTo(63.6, 10);
  });

  test("roll rates when chosen and enough mature cohorts: derived rates, note says what mature means", () => {
    const policy = mergePolicy({ lossRateMethod: "rollRate" });
    const res = scoreTable(historyRows(), undefined, policy, AS_OF);
    expect(res.provision.method).toBe("rollRate");
    expect(res.provision.rows!.map((r) => r.rate)).toEqual([600 / 17400, 600 / 5400, 600 / 2400, 1, 1]);
    expect(res.provision.note.en).toContain("6 mature cohorts");
    expect(res.provision.note.en).toContain(
      "invoice months whose invoices all fell due at least 180 days before the as-of date",
    );
    expect(res.provision.note.en).toContain("168 paid invoices");
    expect(res.provision.note.zh).toContain("6个成熟批次");
    expect(res.portfolio.expectedCreditLoss).toBe(600);
  });

  test("a derived rate is never below its floor (default half the policy rate): a loss-free history", () => {
    // Every invoice paid, none lost: derived rates are 0; the floor keeps the provision positive.
    const rows = historyRows().map((r, i) =>
      i > 0 && r[5] === "Open" ? [r[0], r[1], r[2], r[3], r[2], "Paid"] : r,
    );
    rows.push(["Open Co", AS_OF - 50, AS_OF - 20, 1000, "", "Open"]);
    const policy = mergePolicy({ lossRateMethod: "rollRate" });
    const res = scoreTable(rows, undefined, policy, AS_OF);
    expect(res.provision.rollRate.rates.slice(0, 3)).toEqual([0, 0, 0]);
    expect(res.provision.method).toBe("rollRate");
    expect(res.provision.floors).toEqual([0.0015, 0.008, 0.018, 0.033, 0.053]);
    // Buckets reached by mature invoices (Current, 1-30, 31-60) sit on the floor; 61-90 and 91+ were never
    // reached (latest payment 45 days late), so they keep the policy rate.
    expect(res.provision.rates).toEqual([0.0015, 0.008, 0.018, 0.066, 0.106]);
    // 1,000 open 20 days → 1-30 at the floor 0.8 %.
    expect(res.portfolio.expectedCreditLoss).toBeCloseTo(8, 10);
    expect(res.provision.note.en).toContain("no rate is below 50% of the policy rate");
    const custom = scoreTable(
      rows,
      undefined,
      mergePolicy({ lossRateMethod: "rollRate", rollRate: { floorShare: 1 } }),
      AS_OF,
    );
    expect(custom.portfolio.expectedCreditLoss).toBeCloseTo(16, 10);
  });

  test("roll rates chosen but too few mature cohorts: policy rates, and the note says why", () => {
    const short = scoreTable(historyRows(5), undefined, mergePolicy({ lossRateMethod: "rollRate" }), AS_OF);
    expect(short.provision.method).toBe("policy");
    expect(short.provision.requested).toBe("rollRate");
    expect(short.provision.rollRate.cohorts).toBe(5);
    expect(short.provision.note.en).toContain("5 of 6 mature cohorts");
    expect(short.provision.note.zh).toContain("5/6");
  });

  test("provisionMatrix: credit balances provide nothing; unreached buckets keep policy rates", () => {
    const info = { ...rollRates([], mergePolicy({ lossRateMethod: "rollRate" }), AS_OF), enough: true };
    const m = provisionMatrix(
      [1000, -200, 0, 0, 0],
      ["Current", "1-30", "31-60", "61-90", "91+"],
      mergePolicy({ lossRateMethod: "rollRate" }),
      info,
    );
    expect(m.method).toBe("rollRate");
    expect(m.rows!.map((r) => r.rate)).toEqual([0.003, 0.016, 0.036, 0.066, 0.106]);
    expect(m.rows![1]!.provision).toBe(0);
    expect(m.total).toBeCloseTo(3, 12);
  });

  test("provisionMatrix per currency: no base total without every rate", () => {
    const info = rollRates([], DEFAULT_POLICY, AS_OF);
    const labels = ["Current", "1-30", "31-60", "61-90", "91+"];
    const m = provisionMatrix(
      [
        { currency: "EUR", balances: [1000, 0, 0, 0, 100], rate: 1 },
        { currency: "GBP", balances: [0, 500, 0, 0, 0], rate: null },
      ],
      labels,
      DEFAULT_POLICY,
      info,
    );
    expect(m.rows).toBeNull();
    expect(m.total).toBeNull();
    expect(m.byCurrency.map((x) => [x.currency, x.total])).toEqual([
      ["EUR", 1000 * 0.003 + 100 * 0.106],
      ["GBP", 500 * 0.016],
    ]);
    const both = provisionMatrix(
      [
        { currency: "EUR", balances: [1000, 0, 0, 0, 100], rate: 1 },
        { currency: "GBP", balances: [0, 500, 0, 0, 0], rate: 1.2 },
      ],
      labels,
      DEFAULT_POLICY,
      info,
    );
    expect(both.total).toBeCloseTo(1000 * 0.003 + 100 * 0.106 + 600 * 0.016, 10);
  });
});
