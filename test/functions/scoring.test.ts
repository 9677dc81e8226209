/** PAYINDEX, CREDITSCORE, RISKGRADE, SCOREREASONS, ZSCORE, ZZONE through the adapters. */
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { call, callError, withDisplayLanguage } from "./helpers";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

describe("PAYINDEX", () => {
  it("hits the spec's points for a single value (scalar or 1x1)", () => {
    const points: [number, number][] = [
      [-60, 100],
      [-30, 100],
      [-20, 90],
      [0, 80],
      [15, 70],
      [22, 60],
      [30, 50],
      [60, 40],
      [90, 30],
      [120, 20],
      [500, 20],
    ];
    for (const [days, index] of points) {
      expect(call("PAYINDEX", days, null)).toBe(index);
      expect(call("PAYINDEX", [[days]], null)).toBe(index);
    }
    expect(call("PAYINDEX", 7.5, null)).toBe(75);
  });
  it("weights by amounts over a range and skips empty cells", () => {
    // exact indexes 80 (0 days) and 50 (30 days), weights 3:1 -> 72.5 -> 73
    expect(call("PAYINDEX", [[0], [30]], [[300], [100]])).toBe(73);
    expect(call("PAYINDEX", [[0, 30]], null)).toBe(65);
    expect(call("PAYINDEX", [[0], [""], [30]], [[300], [999], [100]])).toBe(73);
    expect(call("PAYINDEX", [[0], [30]], [[300], [""]])).toBe(80);
  });
  it("errors: sizes differ, negative or zero amounts, nothing given, text", () => {
    expect(callError("PAYINDEX", [[0], [30]], [[1]]).message).toContain("amounts");
    expect(callError("PAYINDEX", [[0]], [[-5]]).code).toBe("#NUM!");
    // Zero amounts weigh nothing (Excel desktop passes empty amount cells as 0): no invoice left is #N/A.
    expect(callError("PAYINDEX", [[0], [30]], [[0], [0]])).toEqual({
      code: "#N/A",
      message: "amounts: no invoice with an amount",
    });
    expect(callError("PAYINDEX", [[""], [""]], null).code).toBe("#N/A");
    expect(callError("PAYINDEX", [["late"]], null).code).toBe("#VALUE!");
  });
});

describe("CREDITSCORE", () => {
  it("weights the given factors and re-normalises", () => {
    expect(call("CREDITSCORE", 24, 1.12, 2.1, 5, 0.02)).toBe(56);
    expect(call("CREDITSCORE", 0, null, null, null, null)).toBe(80);
    expect(call("CREDITSCORE", -30, 0.2, 3.5, 12, 0)).toBe(100);
    expect(call("CREDITSCORE", 200, 2, -1, 0, 0.5)).toBe(10);
  });
  it("days_beyond_terms may be empty if another factor is given", () => {
    expect(call("CREDITSCORE", "", 0.5, null, null, null)).toBe(100);
    expect(call("CREDITSCORE", null, null, null, 10, null)).toBe(100);
    expect(callError("CREDITSCORE", "", "", null, null, null).code).toBe("#N/A");
  });
  it("validates ranges and types", () => {
    expect(callError("CREDITSCORE", 10, null, null, -1, null).message).toContain("years_trading");
    expect(callError("CREDITSCORE", 10, null, null, null, 1.5).code).toBe("#NUM!");
    expect(callError("CREDITSCORE", "late", null, null, null, null).code).toBe("#VALUE!");
    expect(call("CREDITSCORE", 10, "50%", null, null, null)).toBe(
      call("CREDITSCORE", 10, 0.5, null, null, null),
    );
  });
  it("huge values stay within 0..100", () => {
    expect(call("CREDITSCORE", 1e15, 1e15, -1e15, 0, 1)).toBe(10);
    expect(call("CREDITSCORE", -1e15, -1e15, 1e15, 1e15, 0)).toBe(100);
  });
});

describe("RISKGRADE", () => {
  it("maps score bands", () => {
    const cases: [number, string][] = [
      [100, "A"],
      [80, "A"],
      [79, "B"],
      [79.5, "B"],
      [65, "B"],
      [64, "C"],
      [50, "C"],
      [49, "D"],
      [35, "D"],
      [34, "E"],
      [0, "E"],
    ];
    for (const [score, grade] of cases) expect(call("RISKGRADE", score)).toBe(grade);
  });
  it("out of range is #NUM!, empty counts as 0 (E, as desktop Excel passes it), text is #VALUE!", () => {
    expect(callError("RISKGRADE", 101).code).toBe("#NUM!");
    expect(callError("RISKGRADE", -1).code).toBe("#NUM!");
    expect(call("RISKGRADE", "")).toBe("E");
    expect(call("RISKGRADE", null)).toBe("E");
    expect(callError("RISKGRADE", "A").code).toBe("#VALUE!");
  });
});

describe("SCOREREASONS", () => {
  it("names the two costliest factors", () => {
    expect(call("SCOREREASONS", 24, 1.12, null, null, null)).toBe("pays 24 days late; 112% of credit limit");
    expect(call("SCOREREASONS", -30, 0.2, null, null, null)).toBe("no risk factors");
  });
  it("follows Office's display language", () => {
    withDisplayLanguage("zh-CN", () =>
      expect(call("SCOREREASONS", 24, 1.12, null, null, null)).toBe("平均逾期24天付款; 占信用额度112%"),
    );
  });
  it("no factor is #N/A", () => {
    expect(callError("SCOREREASONS", "", null, null, null, null).code).toBe("#N/A");
  });
});

describe("ZSCORE and ZZONE", () => {
  const inputs = [200, 300, 150, 800, 1500, 1000, 500];
  it("computes the three models", () => {
    expect(call("ZSCORE", ...inputs, null)).toBeCloseTo(3.615, 10);
    expect(call("ZSCORE", ...inputs, "Private")).toBeCloseTo(
      0.717 * 0.2 + 0.847 * 0.3 + 3.107 * 0.15 + 0.42 * 1.6 + 0.998 * 1.5,
      10,
    );
    expect(call("ZSCORE", ...inputs, "non-mfg")).toBeCloseTo(
      6.56 * 0.2 + 3.26 * 0.3 + 6.72 * 0.15 + 1.05 * 1.6,
      10,
    );
    expect(call("ZSCORE", ...inputs, "非制造业")).toBe(call("ZSCORE", ...inputs, "nonmfg"));
  });
  it("empty money cells count as 0; bad totals are #NUM!; unknown model #VALUE!", () => {
    expect(call("ZSCORE", "", "", "", "", "", 1000, 500, null)).toBe(0);
    expect(callError("ZSCORE", 200, 300, 150, 800, 1500, 0, 500, null).code).toBe("#NUM!");
    expect(callError("ZSCORE", 200, 300, 150, 800, 1500, 1000, -1, null).code).toBe("#NUM!");
    const e = callError("ZSCORE", ...inputs, "bank");
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("model");
  });
  it("zones with each model's cut-offs", () => {
    expect(call("ZZONE", 3, null)).toBe("Safe");
    expect(call("ZZONE", 2.99, null)).toBe("Grey");
    expect(call("ZZONE", 1.81, null)).toBe("Grey");
    expect(call("ZZONE", 1.8, null)).toBe("Distress");
    expect(call("ZZONE", 2.95, "private")).toBe("Safe");
    expect(call("ZZONE", 1.2, "private")).toBe("Distress");
    expect(call("ZZONE", 2.61, "nonmfg")).toBe("Safe");
    expect(call("ZZONE", 1.1, "nonmfg")).toBe("Grey");
    expect(call("ZZONE", "", null)).toBe("Distress");
    expect(call("ZZONE", 0, 0)).toBe("Distress");
  });
});
