import {
  PAYINDEX_POINTS,
  payIndex,
  payIndexExact,
  piecewiseLinear,
  roundHalfUp,
  weightedPayIndex,
} from "../../src/engine/payindex";

describe("payIndexExact", () => {
  it.each([
    [-30, 100],
    [-20, 90],
    [0, 80],
    [15, 70],
    [22, 60],
    [30, 50],
    [60, 40],
    [90, 30],
    [120, 20],
  ])("is exact at the breakpoint %p days -> %p", (days, index) => {
    expect(payIndexExact(days)).toBe(index);
  });

  it("has the spec's nine breakpoints", () => {
    expect(PAYINDEX_POINTS).toHaveLength(9);
  });

  it.each([
    [-25, 95],
    [-10, 85],
    [7.5, 75],
    [18.5, 65],
    [26, 55],
    [45, 45],
    [75, 35],
    [105, 25],
    [24, 57.5],
    [-5, 82.5],
    [-15, 87.5],
  ])("interpolates linearly: %p days -> %p", (days, index) => {
    expect(payIndexExact(days)).toBeCloseTo(index, 12);
  });

  it("interpolates non-round values", () => {
    expect(payIndexExact(1)).toBeCloseTo(80 - 10 / 15, 12);
    expect(payIndexExact(20)).toBeCloseTo(70 - 50 / 7, 12);
  });

  it.each([
    [-30.0001, 100],
    [-1000, 100],
    [-Infinity, 100],
    [120.5, 20],
    [1e9, 20],
    [Infinity, 20],
  ])("is flat beyond both ends: %p -> %p", (days, index) => {
    expect(payIndexExact(days)).toBe(index);
  });

  it("throws a RangeError on NaN", () => {
    expect(() => payIndexExact(NaN)).toThrow(RangeError);
  });
});

describe("payIndex", () => {
  it.each([
    [24, 58], // 57.5 rounds half up
    [-5, 83], // 82.5
    [-15, 88], // 87.5
    [1, 79], // 79.33
    [10, 73], // 73.33
    [20, 63], // 62.86
    [0, 80],
    [200, 20],
    [-200, 100],
  ])("rounds half up: %p days -> %p", (days, index) => {
    expect(payIndex(days)).toBe(index);
  });
});

describe("weightedPayIndex", () => {
  it("takes equal weights when amounts are omitted", () => {
    expect(weightedPayIndex([0, 30])).toBe(65);
  });

  it("weights by amounts and rounds half up", () => {
    expect(weightedPayIndex([0, 30], [3, 1])).toBe(73); // (240 + 50) / 4 = 72.5
  });

  it("averages the exact indexes, not the rounded ones", () => {
    // exact 57.5 and 82.5 average to 70; rounded 58 and 83 would average to 70.5 -> 71
    expect(weightedPayIndex([24, -5])).toBe(70);
  });

  it("ignores zero-amount invoices", () => {
    expect(weightedPayIndex([0, 120], [1, 0])).toBe(80);
  });

  it("does not overflow with huge amounts", () => {
    expect(weightedPayIndex([0, 30], [1e308, 1e308])).toBe(65);
  });

  it("equals payIndex for a single invoice", () => {
    expect(weightedPayIndex([24])).toBe(58);
    expect(weightedPayIndex([24], [500])).toBe(58);
  });

  it.each([
    ["no days", [], undefined],
    ["length mismatch", [1, 2], [1]],
    ["negative amount", [1, 2], [1, -1]],
    ["infinite amount", [1], [Infinity]],
    ["all amounts zero", [1, 2], [0, 0]],
    ["NaN day", [NaN], undefined],
  ])("throws a RangeError on %s", (_label, days, weights) => {
    expect(() => weightedPayIndex(days as number[], weights as number[] | undefined)).toThrow(RangeError);
  });
});

describe("roundHalfUp", () => {
  it.each([
    [0.5, 1],
    [1.49, 1],
    [2.5, 3],
    [28.499999999999996, 29], // 0.285 * 100 in binary
    [-0.5, 0],
    [-1.5, -1],
    [7, 7],
  ])("%p -> %p", (x, r) => {
    expect(roundHalfUp(x)).toBe(r);
  });
});

describe("piecewiseLinear", () => {
  const pts = [
    [0, 0],
    [1.81, 40],
  ] as const;
  it("is exact at breakpoints even when the arithmetic is not", () => {
    expect(piecewiseLinear(1.81, pts)).toBe(40);
  });
  it("stays within the segment's range", () => {
    expect(piecewiseLinear(1.8099999999999998, pts)).toBeLessThanOrEqual(40);
  });
});
