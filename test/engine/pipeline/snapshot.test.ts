import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { compareSnapshots, isDeteriorating, latestByCustomer } from "../../../src/engine/pipeline/snapshot";
import type { SnapshotRow } from "../../../src/engine/pipeline/types";

const row = (
  customer: string,
  runDate: number,
  score: number | null,
  dbt: number | null,
  exposure: number,
): SnapshotRow => ({
  runDate,
  asOf: runDate,
  customer,
  exposure,
  daysBeyondTerms: dbt,
  score,
  grade: null,
});

describe("snapshots", () => {
  test("latest row per customer across runs (case/space-insensitive names)", () => {
    const m = latestByCustomer([
      row("Acme", 10, 80, 0, 1),
      row(" ACME ", 20, 70, 0, 2),
      row("Acme", 15, 60, 0, 3),
      row("", 30, 1, 1, 1),
    ]);
    expect([...m.keys()]).toEqual(["acme"]);
    expect(m.get("acme")!.score).toBe(70);
  });

  test("deterioration thresholds are inclusive", () => {
    expect(isDeteriorating(-10, null, DEFAULT_POLICY)).toBe(true);
    expect(isDeteriorating(-9, 9.9, DEFAULT_POLICY)).toBe(false);
    expect(isDeteriorating(null, 10, DEFAULT_POLICY)).toBe(true);
    expect(isDeteriorating(null, null, DEFAULT_POLICY)).toBe(false);
  });

  test("movers: deteriorating first, then by size of change; unchanged and new customers left out", () => {
    const prev = [
      row("A", 1, 80, 5, 100),
      row("B", 1, 70, 0, 100),
      row("C", 1, 50, 0, 100),
      row("D", 1, 60, 0, 100),
      row("E", 1, 90, 0, 100),
    ];
    const cur = [
      row("A", 2, 85, 5, 100),
      row("B", 2, 55, 0, 100),
      row("C", 2, 48, 12, 100),
      row("D", 2, 60, 0, 100),
      row("E", 2, 90, 0, 300),
      row("F", 2, 10, 0, 1),
    ];
    const movers = compareSnapshots(prev, cur);
    expect(
      movers.map((m) => [
        m.customer,
        m.deteriorating,
        m.scoreChange,
        m.daysBeyondTermsChange,
        m.exposureChange,
      ]),
    ).toEqual([
      ["B", true, -15, 0, 0],
      ["C", true, -2, 12, 0],
      ["A", false, 5, 0, 0],
      ["E", false, 0, 0, 200],
    ]);
    expect(compareSnapshots(prev, cur, DEFAULT_POLICY, 2)).toHaveLength(2);
  });
});
