import {
  cei,
  dso,
  dsoCountback,
  lateInterest,
  recoveryFee,
  suggestedCreditLimit,
} from "../../src/engine/finance";

describe("lateInterest", () => {
  it("is simple interest on a 365-day basis by default", () => {
    expect(lateInterest(10000, 45000, 45030, 0.1325)).toBeCloseTo((10000 * 0.1325 * 30) / 365, 10);
    expect(lateInterest(10000, 45000, 45030, 0.1325)).toBeCloseTo(108.904109589, 6);
  });

  it("accepts a 360-day basis", () => {
    expect(lateInterest(10000, 45000, 45030, 0.1325, 360)).toBeCloseTo(110.4166666667, 6);
  });

  it("is 0 on or before the due date", () => {
    expect(lateInterest(10000, 45000, 45000, 0.1)).toBe(0);
    expect(lateInterest(10000, 45000, 44990, 0.1)).toBe(0);
  });

  it("drops date fractions", () => {
    expect(lateInterest(365, 45000.9, 45030.1, 1)).toBeCloseTo(30, 10);
  });

  it("is 0 for amounts <= 0 and a zero rate", () => {
    expect(lateInterest(0, 45000, 45030, 0.1)).toBe(0);
    expect(lateInterest(-500, 45000, 45030, 0.1)).toBe(0);
    expect(lateInterest(500, 45000, 45030, 0)).toBe(0);
  });

  it("throws a RangeError on a bad basis, negative rate or NaN", () => {
    expect(() => lateInterest(100, 45000, 45030, 0.1, 366)).toThrow(RangeError);
    expect(() => lateInterest(100, 45000, 45030, -0.1)).toThrow(RangeError);
    expect(() => lateInterest(NaN, 45000, 45030, 0.1)).toThrow(RangeError);
    expect(() => lateInterest(100, 45000, NaN, 0.1)).toThrow(RangeError);
  });
});

describe("recoveryFee", () => {
  it.each([
    [0.01, 40],
    [999.99, 40],
    [1000, 70],
    [9999.99, 70],
    [10000, 100],
    [1e7, 100],
    [0, 0],
    [-5, 0],
  ])("UK (default) %p -> %p", (amount, fee) => {
    expect(recoveryFee(amount)).toBe(fee);
    expect(recoveryFee(amount, "UK")).toBe(fee);
  });

  it.each([
    [5, 40],
    [5000, 40],
    [1e7, 40],
    [0, 0],
    [-1, 0],
  ])("EU %p -> %p", (amount, fee) => {
    expect(recoveryFee(amount, "EU")).toBe(fee);
  });

  it("throws a RangeError on an unknown regime or NaN", () => {
    expect(() => recoveryFee(100, "US" as "UK")).toThrow(RangeError);
    expect(() => recoveryFee(NaN)).toThrow(RangeError);
  });
});

describe("dso", () => {
  it("is receivables / credit sales * days", () => {
    expect(dso(50000, 600000, 365)).toBeCloseTo(30.4166666667, 8);
    expect(dso(0, 600000, 365)).toBe(0);
  });
  it("is null on zero credit sales", () => {
    expect(dso(50000, 0, 365)).toBeNull();
  });
});

describe("dsoCountback", () => {
  it("counts whole periods newest first plus the fraction of the last", () => {
    expect(dsoCountback(250, [100, 100, 100])).toBe(75); // 30 + 30 + 15
    expect(dsoCountback(250, [100, 100, 100], 30)).toBe(75);
    expect(dsoCountback(120, [200, 100, 100])).toBe(18); // 120/200 of 30
  });

  it("counts exactly whole periods when the receivables equal them", () => {
    expect(dsoCountback(100, [100])).toBe(30);
    expect(dsoCountback(300, [100, 100, 100])).toBe(90);
  });

  it("tolerates binary noise at the boundary", () => {
    expect(dsoCountback(0.1 + 0.2, [0.1, 0.2])).toBe(60);
  });

  it("takes one length per period", () => {
    expect(dsoCountback(250, [100, 100, 100], [31, 30, 31])).toBeCloseTo(76.5, 12);
  });

  it("counts a period with no sales whole", () => {
    expect(dsoCountback(150, [100, 0, 100])).toBe(75);
  });

  it("is 0 when receivables are 0", () => {
    expect(dsoCountback(0, [100])).toBe(0);
    expect(dsoCountback(0, [])).toBe(0);
  });

  it("is null when receivables exceed all the sales", () => {
    expect(dsoCountback(301, [100, 100, 100])).toBeNull();
    expect(dsoCountback(50, [])).toBeNull();
    expect(dsoCountback(50, [0, 0])).toBeNull();
  });

  it("throws a RangeError on bad input", () => {
    expect(() => dsoCountback(-1, [100])).toThrow(RangeError);
    expect(() => dsoCountback(10, [100, -5])).toThrow(RangeError);
    expect(() => dsoCountback(10, [100, 100], [30])).toThrow(RangeError);
    expect(() => dsoCountback(10, [100], 0)).toThrow(RangeError);
    expect(() => dsoCountback(10, [100], [-30])).toThrow(RangeError);
    expect(() => dsoCountback(10, [NaN])).toThrow(RangeError);
  });
});

describe("cei", () => {
  it("is a percentage", () => {
    // (100 + 500 - 150) / (100 + 500 - 50) * 100
    expect(cei(100, 500, 150, 50)).toBeCloseTo(81.8181818182, 8);
    expect(cei(100, 500, 50, 50)).toBe(100);
  });
  it("is null on a zero denominator", () => {
    expect(cei(100, 500, 150, 600)).toBeNull();
  });
});

describe("suggestedCreditLimit", () => {
  it("is the expected peak exposure", () => {
    expect(suggestedCreditLimit(365000, 30)).toBe(30000);
    expect(suggestedCreditLimit(365000, 30, 15)).toBe(45000);
    expect(suggestedCreditLimit(365000, 30, null)).toBe(30000);
  });

  it("ignores paying early", () => {
    expect(suggestedCreditLimit(365000, 30, -10)).toBe(30000);
  });

  it("caps at 10% of tangible net worth and 20% of working capital", () => {
    expect(suggestedCreditLimit(365000, 30, 15, 200000)).toBe(20000);
    expect(suggestedCreditLimit(365000, 30, 15, 1e9)).toBe(45000);
    expect(suggestedCreditLimit(365000, 30, 15, 200000, 50000)).toBe(10000);
    expect(suggestedCreditLimit(365000, 30, 15, null, 150000)).toBe(30000);
    expect(suggestedCreditLimit(365000, 30, 15, undefined, 1e9)).toBe(45000);
  });

  it("caps at 0 for zero or negative net worth or working capital", () => {
    expect(suggestedCreditLimit(365000, 30, 0, -5000)).toBe(0);
    expect(suggestedCreditLimit(365000, 30, 0, 0)).toBe(0);
    expect(suggestedCreditLimit(365000, 30, 0, null, -1)).toBe(0);
  });

  it("throws a RangeError on negative sales or terms", () => {
    expect(() => suggestedCreditLimit(-1, 30)).toThrow(RangeError);
    expect(() => suggestedCreditLimit(100, -30)).toThrow(RangeError);
    expect(() => suggestedCreditLimit(100, 30, NaN)).toThrow(RangeError);
  });
});
