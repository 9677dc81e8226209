import fc from "fast-check";
import {
  DEFAULT_AGING_EDGES,
  bucketIndex,
  bucketLabels,
  daysPastDue,
  edgeProblems,
} from "../../src/engine/aging";

describe("aging buckets", () => {
  it("labels the default edges like the spec", () => {
    expect(bucketLabels(DEFAULT_AGING_EDGES)).toEqual(["Current", "1-30", "31-60", "61-90", "91+"]);
    expect(bucketLabels([15, 45])).toEqual(["Current", "1-15", "16-45", "46+"]);
    expect(bucketLabels([1, 7])).toEqual(["Current", "1", "2-7", "8+"]);
  });

  it.each([
    [-5, 0],
    [0, 0],
    [1, 1],
    [30, 1],
    [30.5, 2],
    [31, 2],
    [60, 2],
    [61, 3],
    [90, 3],
    [91, 4],
    [1e9, 4],
  ])("%d days -> bucket %d", (days, index) => {
    expect(bucketIndex(days, DEFAULT_AGING_EDGES)).toBe(index);
  });

  it("index is monotone and always names a label", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(bucketIndex(lo, DEFAULT_AGING_EDGES)).toBeLessThanOrEqual(
          bucketIndex(hi, DEFAULT_AGING_EDGES),
        );
        expect(bucketLabels(DEFAULT_AGING_EDGES)[bucketIndex(hi, DEFAULT_AGING_EDGES)]).toBeDefined();
      }),
    );
  });

  it("validates edges", () => {
    expect(edgeProblems([30, 60, 90])).toEqual([]);
    expect(edgeProblems([])).toHaveLength(1);
    expect(edgeProblems([30, 30])).toHaveLength(1);
    expect(edgeProblems([0, 30])).toHaveLength(1);
    expect(edgeProblems([10.5])).toHaveLength(1);
  });
});

describe("daysPastDue", () => {
  it("is as_of - due, never negative", () => {
    expect(daysPastDue(100, 143)).toBe(43);
    expect(daysPastDue(100, 90)).toBe(0);
    expect(daysPastDue(100, 100)).toBe(0);
  });
  it("stops at the payment date when it is not after as_of", () => {
    expect(daysPastDue(100, 150, 110)).toBe(10);
    expect(daysPastDue(100, 150, 150)).toBe(50);
    expect(daysPastDue(100, 150, 160)).toBe(50);
    expect(daysPastDue(100, 150, 95)).toBe(0);
    expect(daysPastDue(100, 150, null)).toBe(50);
  });
  it("drops time fractions", () => {
    expect(daysPastDue(100.9, 143.2)).toBe(43);
  });
});
