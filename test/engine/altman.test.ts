import {
  ALTMAN_COEFFICIENTS,
  altmanZ,
  altmanZone,
  isAltmanModel,
  type AltmanInputs,
} from "../../src/engine/altman";

const base: AltmanInputs = {
  workingCapital: 100,
  retainedEarnings: 200,
  ebit: 150,
  equity: 400,
  sales: 1000,
  totalAssets: 1000,
  totalLiabilities: 500,
};
// X1 = 0.1, X2 = 0.2, X3 = 0.15, X4 = 0.8, X5 = 1.0

describe("altmanZ", () => {
  it("public model (default): 1.2, 1.4, 3.3, 0.6, 1.0", () => {
    // 0.12 + 0.28 + 0.495 + 0.48 + 1.0
    expect(altmanZ(base)).toBeCloseTo(2.375, 12);
    expect(altmanZ(base, "public")).toBeCloseTo(2.375, 12);
  });

  it("private model Z′: 0.717, 0.847, 3.107, 0.420, 0.998", () => {
    // 0.0717 + 0.1694 + 0.46605 + 0.336 + 0.998
    expect(altmanZ(base, "private")).toBeCloseTo(2.04115, 12);
  });

  it("non-manufacturing model Z″: 6.56, 3.26, 6.72, 1.05, sales ignored", () => {
    // 0.656 + 0.652 + 1.008 + 0.84
    expect(altmanZ(base, "nonmfg")).toBeCloseTo(3.156, 12);
    expect(altmanZ({ ...base, sales: 123456 }, "nonmfg")).toBeCloseTo(3.156, 12);
  });

  it("uses each ratio's own coefficient", () => {
    const only = (k: keyof AltmanInputs): AltmanInputs => ({
      workingCapital: 0,
      retainedEarnings: 0,
      ebit: 0,
      equity: 0,
      sales: 0,
      totalAssets: 1,
      totalLiabilities: 1,
      [k]: 1,
    });
    for (const model of ["public", "private", "nonmfg"] as const) {
      const c = ALTMAN_COEFFICIENTS[model];
      expect(altmanZ(only("workingCapital"), model)).toBe(c[0]);
      expect(altmanZ(only("retainedEarnings"), model)).toBe(c[1]);
      expect(altmanZ(only("ebit"), model)).toBe(c[2]);
      expect(altmanZ(only("equity"), model)).toBe(c[3]);
      expect(altmanZ(only("sales"), model)).toBe(c[4]);
    }
  });

  it("accepts negative working capital and retained earnings", () => {
    expect(altmanZ({ ...base, workingCapital: -100, retainedEarnings: -200 })).toBeCloseTo(
      2.375 - 0.24 - 0.56,
      12,
    );
  });

  it.each([
    ["total assets 0", { totalAssets: 0 }],
    ["total assets negative", { totalAssets: -1 }],
    ["total liabilities 0", { totalLiabilities: 0 }],
    ["total liabilities negative", { totalLiabilities: -5 }],
    ["NaN input", { ebit: NaN }],
    ["infinite input", { sales: Infinity }],
  ])("is null when %s", (_label, patch) => {
    expect(altmanZ({ ...base, ...patch })).toBeNull();
  });
});

describe("altmanZone", () => {
  it.each([
    ["public", 3.5, "Safe"],
    ["public", 2.9901, "Safe"],
    ["public", 2.99, "Grey"],
    ["public", 2.0, "Grey"],
    ["public", 1.81, "Grey"],
    ["public", 1.8099, "Distress"],
    ["public", -2, "Distress"],
    ["private", 2.91, "Safe"],
    ["private", 2.9, "Grey"],
    ["private", 1.23, "Grey"],
    ["private", 1.2299, "Distress"],
    ["nonmfg", 2.61, "Safe"],
    ["nonmfg", 2.6, "Grey"],
    ["nonmfg", 1.1, "Grey"],
    ["nonmfg", 1.0999, "Distress"],
    ["public", Infinity, "Safe"],
    ["public", -Infinity, "Distress"],
  ] as const)("%s model: %p -> %s", (model, z, zone) => {
    expect(altmanZone(z, model)).toBe(zone);
  });

  it("defaults to the public cut-offs", () => {
    expect(altmanZone(2.95)).toBe("Grey"); // Safe under private (> 2.90)
    expect(altmanZone(2.95, "private")).toBe("Safe");
  });

  it("throws a RangeError on NaN", () => {
    expect(() => altmanZone(NaN)).toThrow(RangeError);
  });
});

describe("isAltmanModel", () => {
  it("accepts only the three model names", () => {
    expect(isAltmanModel("public")).toBe(true);
    expect(isAltmanModel("private")).toBe(true);
    expect(isAltmanModel("nonmfg")).toBe(true);
    expect(isAltmanModel("Public")).toBe(false);
    expect(isAltmanModel(1)).toBe(false);
  });
});

describe("altmanZ overflow", () => {
  it("is null rather than infinite for absurdly small totals", () => {
    expect(altmanZ({ ...base, totalAssets: 5e-324, totalLiabilities: 5e-324 })).toBeNull();
  });
});
