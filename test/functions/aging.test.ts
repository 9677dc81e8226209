/** DAYSPASTDUE and AGINGBUCKET through the adapters. */
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { call, callError, d, withDisplayLanguage } from "./helpers";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

describe("DAYSPASTDUE", () => {
  it("arity: paid_date is optional; due_date and as_of are required", () => {
    expect(call("DAYSPASTDUE", d(2025, 1, 31), d(2025, 3, 15), null)).toBe(43);
    expect(call("DAYSPASTDUE", d(2025, 1, 31), d(2025, 3, 15))).toBe(43);
    expect(callError("DAYSPASTDUE", d(2025, 1, 31), "", null)).toEqual({
      code: "#N/A",
      message: "as_of is empty",
    });
    expect(callError("DAYSPASTDUE", null, d(2025, 3, 15), null).code).toBe("#N/A");
  });
  it("types: text dates and 1x1 ranges; bad text is #VALUE!", () => {
    expect(call("DAYSPASTDUE", "2025-01-31", [["2025年3月15日"]], [[""]])).toBe(43);
    const e = callError("DAYSPASTDUE", "yesterday", d(2025, 3, 15), null);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("due_date");
  });
  it("never negative; stops at the payment date when it is not after as_of", () => {
    expect(call("DAYSPASTDUE", d(2025, 3, 31), d(2025, 3, 15), null)).toBe(0);
    expect(call("DAYSPASTDUE", d(2025, 1, 31), d(2025, 3, 15), d(2025, 2, 10))).toBe(10);
    expect(call("DAYSPASTDUE", d(2025, 1, 31), d(2025, 3, 15), d(2025, 4, 1))).toBe(43);
    expect(call("DAYSPASTDUE", d(2025, 1, 31), d(2025, 3, 15), d(2025, 1, 20))).toBe(0);
    expect(call("DAYSPASTDUE", d(2025, 1, 31), d(2025, 3, 15), 0)).toBe(43);
  });
  it("edges: leap day, year end, serial 60/61, fractions", () => {
    expect(call("DAYSPASTDUE", d(2024, 2, 28), d(2024, 3, 1), null)).toBe(2);
    expect(call("DAYSPASTDUE", d(2025, 12, 31), d(2026, 1, 1), null)).toBe(1);
    expect(call("DAYSPASTDUE", 59, 61, null)).toBe(2);
    expect(call("DAYSPASTDUE", 100.99, 143.01, null)).toBe(43);
  });
});

describe("AGINGBUCKET", () => {
  it("default edges 30/60/90", () => {
    const cases: [unknown, string][] = [
      [-10, "Current"],
      [0, "Current"],
      ["", "Current"],
      [1, "1-30"],
      [30, "1-30"],
      [31, "31-60"],
      [60, "31-60"],
      [61, "61-90"],
      [90, "61-90"],
      [91, "91+"],
      [1e12, "91+"],
      [[[45]], "31-60"],
      ["45", "31-60"],
    ];
    for (const [days, label] of cases) expect(call("AGINGBUCKET", days, null, null)).toBe(label);
  });
  it("custom edges as a row, column or block, skipping empty cells", () => {
    expect(call("AGINGBUCKET", 20, [[15, 45]], null)).toBe("16-45");
    expect(call("AGINGBUCKET", 50, [[15], [""], [45]], null)).toBe("46+");
    expect(
      call(
        "AGINGBUCKET",
        7,
        [
          [7, 14],
          [21, 0],
        ],
        null,
      ),
    ).toBe("1-7");
    expect(call("AGINGBUCKET", 100, [[30, 60, 90, 120]], null)).toBe("91-120");
  });
  it("custom labels: edges + 2 replace all, edges + 1 keep Current", () => {
    const cn = [["未到期", "1-30天", "31-60天", "61-90天", "90天以上"]];
    expect(call("AGINGBUCKET", 0, null, cn)).toBe("未到期");
    expect(call("AGINGBUCKET", 95, [[30, 60, 90]], cn)).toBe("90天以上");
    expect(call("AGINGBUCKET", 0, [[30, 60, 90]], [["A", "B", "C", "D"]])).toBe("Current");
    expect(call("AGINGBUCKET", 45, [[30, 60, 90]], [["A", "B", "C", "D"]])).toBe("B");
  });
  it("bad edges or label counts are #VALUE!, bad days too", () => {
    expect(callError("AGINGBUCKET", 10, [[60, 30]], null).message).toContain("edges");
    expect(callError("AGINGBUCKET", 10, [[30.5]], null).code).toBe("#VALUE!");
    expect(callError("AGINGBUCKET", 10, [[-30]], null).code).toBe("#VALUE!");
    expect(callError("AGINGBUCKET", 10, null, [["a", "b"]]).message).toContain("labels");
    expect(callError("AGINGBUCKET", "ten", null, null).message).toContain("days_past_due");
    expect(callError("AGINGBUCKET", true, null, null).code).toBe("#VALUE!");
    expect(callError("AGINGBUCKET", [[1, 2]], null, null).code).toBe("#VALUE!");
  });
  it('labels "zh" (or 中文) chooses the Chinese set for the edges; "en" the English one', () => {
    const zh: [number, string][] = [
      [0, "未到期"],
      [1, "1-30天"],
      [45, "31-60天"],
      [90, "61-90天"],
      [91, "90天以上"],
    ];
    for (const [days, label] of zh) {
      expect(call("AGINGBUCKET", days, null, "zh")).toBe(label);
      expect(call("AGINGBUCKET", days, null, [["中文"]])).toBe(label);
    }
    expect(call("AGINGBUCKET", 20, [[15, 45]], "zh-CN")).toBe("16-45天");
    expect(call("AGINGBUCKET", 1, [[1, 45]], "zh")).toBe("1天");
    expect(call("AGINGBUCKET", 50, [[15, 45]], "ZH")).toBe("45天以上");
    expect(call("AGINGBUCKET", 50, [[15, 45]], "en")).toBe("46+");
  });
  it("default edges are fixed at 30/60/90 and labels English whatever the display language", () => {
    withDisplayLanguage("zh-CN", () => {
      expect(call("AGINGBUCKET", 20, null, null)).toBe("1-30");
      expect(call("AGINGBUCKET", 95, null, null)).toBe("91+");
    });
  });
  it("error messages follow Office's display language", () => {
    expect(callError("AGINGBUCKET", "ten", null, null).message).toContain("expected a number");
    withDisplayLanguage("zh-CN", () => {
      expect(callError("AGINGBUCKET", "ten", null, null).message).toContain("应为数字");
    });
    withDisplayLanguage("zh-TW", () => {
      expect(callError("AGINGBUCKET", 10, null, [["a", "b"]]).message).toContain("labels：");
    });
  });
});
