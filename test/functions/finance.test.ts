/** LATEINTEREST, RECOVERYFEE, DSO, DSOCOUNTBACK, CEI, CREDITLIMIT through the adapters. */
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { call, callError, d } from "./helpers";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

describe("LATEINTEREST", () => {
  it("simple interest on days late, basis 365 or 360", () => {
    expect(call("LATEINTEREST", 10000, d(2025, 1, 31), d(2025, 3, 2), 0.1325, null)).toBeCloseTo(
      (10000 * 0.1325 * 30) / 365,
      10,
    );
    expect(call("LATEINTEREST", 10000, d(2025, 1, 31), d(2025, 3, 2), "13.25%", 360)).toBeCloseTo(
      (10000 * 0.1325 * 30) / 360,
      10,
    );
    expect(call("LATEINTEREST", 10000, d(2025, 3, 31), d(2025, 3, 2), 0.1325, null)).toBe(0);
    expect(call("LATEINTEREST", 10000, "2024-02-28", "2024-03-01", 0.365, null)).toBeCloseTo(20, 10);
  });
  it("errors: basis, negative rate, missing dates", () => {
    expect(callError("LATEINTEREST", 10000, d(2025, 1, 31), d(2025, 3, 2), 0.1, 366).message).toContain(
      "day_basis",
    );
    expect(callError("LATEINTEREST", 10000, d(2025, 1, 31), d(2025, 3, 2), -0.1, null).code).toBe("#NUM!");
    expect(callError("LATEINTEREST", 10000, d(2025, 1, 31), "", 0.1, null).code).toBe("#N/A");
    // An empty rate counts as 0 (desktop passes 0); an empty day basis is the default 365.
    expect(call("LATEINTEREST", 10000, d(2025, 1, 31), d(2025, 3, 2), "", null)).toBe(0);
    expect(call("LATEINTEREST", 365, d(2025, 1, 31), d(2025, 3, 2), 1, 0)).toBe(30);
  });
});

describe("RECOVERYFEE", () => {
  it("UK tiers and EU flat fee", () => {
    expect(call("RECOVERYFEE", 999.99, null)).toBe(40);
    expect(call("RECOVERYFEE", 1000, null)).toBe(70);
    expect(call("RECOVERYFEE", 9999.99, "uk")).toBe(70);
    expect(call("RECOVERYFEE", 10000, "UK")).toBe(100);
    expect(call("RECOVERYFEE", 1e12, "EU")).toBe(40);
    expect(call("RECOVERYFEE", 0, null)).toBe(0);
    expect(callError("RECOVERYFEE", 500, "US").message).toContain("regime");
  });
});

describe("DSO and CEI", () => {
  it("DSO = receivables / credit sales × days; #DIV/0! on zero sales", () => {
    expect(call("DSO", 450000, 1200000, 90)).toBeCloseTo(33.75, 10);
    expect(callError("DSO", 450000, 0, 90).code).toBe("#DIV/0!");
    expect(callError("DSO", 450000, "", 90).code).toBe("#DIV/0!");
  });
  it("CEI in percent; #DIV/0! when the denominator is 0", () => {
    expect(call("CEI", 500000, 1200000, 550000, 350000)).toBeCloseTo((1150000 / 1350000) * 100, 10);
    expect(callError("CEI", 100, 0, 50, 100).code).toBe("#DIV/0!");
  });
});

describe("DSOCOUNTBACK", () => {
  it("counts back whole periods plus a fraction", () => {
    expect(call("DSOCOUNTBACK", 150000, [[100000, 80000, 90000]], null)).toBeCloseTo(48.75, 10);
    expect(call("DSOCOUNTBACK", 150000, [[100000], [""], [80000]], [[31]])).toBeCloseTo(
      31 + 31 * (50000 / 80000),
      10,
    );
    expect(call("DSOCOUNTBACK", 150000, [[100000, 80000]], [[31, 28]])).toBeCloseTo(
      31 + 28 * (50000 / 80000),
      10,
    );
    expect(call("DSOCOUNTBACK", 0, [[100000]], null)).toBe(0);
  });
  it("#N/A when receivables exceed all sales; #VALUE! on mismatched periods; #NUM! on negatives", () => {
    expect(callError("DSOCOUNTBACK", 1e6, [[100000, 80000]], null).code).toBe("#N/A");
    expect(callError("DSOCOUNTBACK", 150000, [[100000, 80000, 1]], [[31, 28]]).message).toContain(
      "days_per_period",
    );
    expect(callError("DSOCOUNTBACK", -1, [[100000]], null).code).toBe("#NUM!");
    expect(callError("DSOCOUNTBACK", 1, [[-100000]], null).code).toBe("#NUM!");
    expect(callError("DSOCOUNTBACK", 1, [[""]], null).code).toBe("#N/A");
  });
});

describe("CREDITLIMIT", () => {
  it("peak exposure, capped by net worth and working capital", () => {
    expect(call("CREDITLIMIT", 1200000, 30, null, null, null)).toBeCloseTo((1200000 * 30) / 365, 6);
    expect(call("CREDITLIMIT", 1200000, 30, 10, null, null)).toBeCloseTo((1200000 * 40) / 365, 6);
    expect(call("CREDITLIMIT", 1200000, 30, -10, null, null)).toBeCloseTo((1200000 * 30) / 365, 6);
    expect(call("CREDITLIMIT", 1200000, 30, 10, 500000, null)).toBe(50000);
    expect(call("CREDITLIMIT", 1200000, 30, 10, 500000, 100000)).toBe(20000);
    expect(call("CREDITLIMIT", 1200000, 30, 10, 0, "")).toBeCloseTo((1200000 * 40) / 365, 6);
  });
  it("terms_days also takes terms text (EOM adds about half a month)", () => {
    expect(call("CREDITLIMIT", 365000, "Net 60", null, null, null)).toBeCloseTo(60000, 6);
    expect(call("CREDITLIMIT", 365000, "30 EOM", null, null, null)).toBeCloseTo(45000, 6);
    expect(call("CREDITLIMIT", 365000, "60", null, null, null)).toBeCloseTo(60000, 6);
    expect(callError("CREDITLIMIT", 365000, "Net soon", null, null, null).code).toBe("#VALUE!");
    expect(callError("CREDITLIMIT", -1, 30, null, null, null).code).toBe("#NUM!");
    // Empty terms days count as 0 (cash terms): the limit only covers the days beyond terms.
    expect(call("CREDITLIMIT", 365000, "", null, null, null)).toBe(0);
    expect(call("CREDITLIMIT", 365000, null, 10, null, null)).toBeCloseTo(10000, 6);
  });
});
