/** DUEDATE, DISCOUNTDATE, DISCOUNTCOST through the Excel-facing adapters. */
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { call, callError, d } from "./helpers";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

describe("DUEDATE", () => {
  describe("arity and omitted arguments", () => {
    it("holidays is optional: null, undefined and a missing argument all mean no roll", () => {
      const sat = d(2025, 1, 18);
      expect(call("DUEDATE", sat, "COD", null)).toBe(sat);
      expect(call("DUEDATE", sat, "COD", undefined)).toBe(sat);
      expect(call("DUEDATE", sat, "COD")).toBe(sat);
    });
    it("an empty invoice date or empty terms is #N/A naming the argument", () => {
      expect(callError("DUEDATE", "", "Net 30", null)).toEqual({
        code: "#N/A",
        message: "invoice_date is empty",
      });
      expect(callError("DUEDATE", 0, "Net 30", null).code).toBe("#N/A");
      expect(callError("DUEDATE", null, "Net 30", null).code).toBe("#N/A");
      expect(callError("DUEDATE", d(2025, 1, 15), "", null)).toEqual({
        code: "#N/A",
        message: "terms is empty",
      });
      expect(callError("DUEDATE", d(2025, 1, 15), 0, null).code).toBe("#N/A");
    });
  });

  describe("argument types", () => {
    it("accepts serials, ISO and Chinese date text, and 1x1 ranges", () => {
      const want = d(2025, 2, 14);
      expect(call("DUEDATE", d(2025, 1, 15), "Net 30", null)).toBe(want);
      expect(call("DUEDATE", "2025-01-15", "Net 30", null)).toBe(want);
      expect(call("DUEDATE", "2025年1月15日", "Net 30", null)).toBe(want);
      expect(call("DUEDATE", [[d(2025, 1, 15)]], [["Net 30"]], null)).toBe(want);
      expect(call("DUEDATE", d(2025, 1, 15) + 0.75, "Net 30", null)).toBe(want);
    });
    it("a plain number of terms is net days", () => {
      expect(call("DUEDATE", d(2025, 1, 15), 45, null)).toBe(d(2025, 3, 1));
      expect(callError("DUEDATE", d(2025, 1, 15), 30.5, null)).toEqual({
        code: "#VALUE!",
        message: 'unrecognised payment terms: "30.5"',
      });
      expect(callError("DUEDATE", d(2025, 1, 15), -30, null).code).toBe("#VALUE!");
    });
    it("bad dates and terms are #VALUE! with the argument and value in the message", () => {
      const e = callError("DUEDATE", "15/01/2025", "Net 30", null);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("invoice_date");
      expect(e.message).toContain('"15/01/2025"');
      expect(callError("DUEDATE", true, "Net 30", null).code).toBe("#VALUE!");
      expect(callError("DUEDATE", d(2025, 1, 15), "Net 30 Net 60", null)).toEqual({
        code: "#VALUE!",
        message: 'unrecognised payment terms: "Net 30 Net 60"',
      });
      expect(callError("DUEDATE", d(2025, 1, 15), "2/10", null).message).toBe(
        'unrecognised payment terms: "2/10"',
      );
    });
    it("a multi-cell range where one date is expected is #VALUE!", () => {
      const e = callError("DUEDATE", [[1, 2]], "Net 30", null);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("invoice_date");
    });
    it("propagates a cell error passed in", () => {
      const err = new (
        globalThis as unknown as { CustomFunctions: { Error: new (c: string) => unknown } }
      ).CustomFunctions.Error("#REF!");
      expect(callError("DUEDATE", err, "Net 30", null).code).toBe("#REF!");
    });
  });

  describe("normal cases", () => {
    it.each([
      ["Net 30", "2025-02-14"],
      ["2/10 Net 30", "2025-02-14"],
      ["30 EOM", "2025-03-02"],
      ["EOM", "2025-01-31"],
      ["10th prox", "2025-02-10"],
      ["COD", "2025-01-15"],
      ["月结30天", "2025-03-02"],
      ["票到60天", "2025-03-16"],
      ["次月10日", "2025-02-10"],
    ])("2025-01-15 with %j is %s", (terms, iso) => {
      const [y, m, dd] = iso.split("-").map(Number);
      expect(call("DUEDATE", d(2025, 1, 15), terms, null)).toBe(d(y, m, dd));
    });
  });

  describe("business-day roll", () => {
    it("moves a Saturday due date to Monday, and past listed holidays", () => {
      // 2025-01-15 + 31 = Sat 2025-02-15 -> Mon 2025-02-17
      expect(call("DUEDATE", d(2025, 1, 15), 31, [[""]])).toBe(d(2025, 2, 17));
      expect(call("DUEDATE", d(2025, 1, 15), 31, [[d(2025, 2, 17)], [""], ["2025-02-18"]])).toBe(
        d(2025, 2, 19),
      );
      expect(call("DUEDATE", d(2025, 1, 15), 31, true)).toBe(d(2025, 2, 17));
      expect(call("DUEDATE", d(2025, 1, 15), 31, false)).toBe(d(2025, 2, 15));
      expect(call("DUEDATE", d(2025, 1, 15), 30, [[d(2025, 2, 14)]])).toBe(d(2025, 2, 17));
    });
    it("leaves a business day alone; an empty holiday range still rolls weekends", () => {
      expect(call("DUEDATE", d(2025, 1, 15), 30, [[0, ""]])).toBe(d(2025, 2, 14));
      expect(call("DUEDATE", d(2025, 1, 15), 32, [[0, ""]])).toBe(d(2025, 2, 17));
    });
    it("a bad holiday is #VALUE! naming holidays", () => {
      expect(callError("DUEDATE", d(2025, 1, 15), 30, [["soon"]]).message).toContain("holidays");
    });
  });

  describe("edge cases", () => {
    it("month ends, leap years, December to January", () => {
      expect(call("DUEDATE", d(2024, 1, 31), "EOM", null)).toBe(d(2024, 1, 31));
      expect(call("DUEDATE", d(2024, 2, 1), "Net 28", null)).toBe(d(2024, 2, 29));
      expect(call("DUEDATE", d(2023, 2, 1), "EOM", null)).toBe(d(2023, 2, 28));
      expect(call("DUEDATE", d(2025, 12, 31), "Net 1", null)).toBe(d(2026, 1, 1));
      expect(call("DUEDATE", d(2025, 12, 10), "15 prox", null)).toBe(d(2026, 1, 15));
      expect(call("DUEDATE", d(2025, 1, 31), "31 prox", null)).toBe(d(2025, 2, 28));
    });
    it("serial 60/61 (Excel's 1900-02-29)", () => {
      expect(call("DUEDATE", 59, "EOM", null)).toBe(60);
      expect(call("DUEDATE", 59, 1, null)).toBe(60);
      expect(call("DUEDATE", 59, 2, null)).toBe(61);
      expect(call("DUEDATE", "1900-02-29", "Net 1", null)).toBe(61);
    });
    it("beyond 9999-12-31 is #NUM!", () => {
      expect(callError("DUEDATE", 2958465, "Net 30", null).code).toBe("#NUM!");
      expect(callError("DUEDATE", 2958466, "Net 30", null).code).toBe("#NUM!");
      expect(callError("DUEDATE", 1e300, "Net 30", null).code).toBe("#NUM!");
    });
    it("a negative serial means no date", () => {
      expect(callError("DUEDATE", -5, "Net 30", null).code).toBe("#N/A");
    });
  });
});

describe("DISCOUNTDATE", () => {
  it("is invoice + D, or month end + D for EOM terms", () => {
    expect(call("DISCOUNTDATE", d(2025, 1, 15), "2/10 Net 30")).toBe(d(2025, 1, 25));
    expect(call("DISCOUNTDATE", "2025-01-15", "2/10 Net 30 EOM")).toBe(d(2025, 2, 10));
    expect(call("DISCOUNTDATE", d(2025, 12, 25), "1/10 n/30")).toBe(d(2026, 1, 4));
  });
  it("is #N/A without a discount, #VALUE! for bad terms", () => {
    expect(callError("DISCOUNTDATE", d(2025, 1, 15), "Net 30")).toEqual({
      code: "#N/A",
      message: 'no discount in terms "Net 30"',
    });
    expect(callError("DISCOUNTDATE", d(2025, 1, 15), 30).code).toBe("#N/A");
    expect(callError("DISCOUNTDATE", d(2025, 1, 15), "2/10").code).toBe("#VALUE!");
  });
});

describe("DISCOUNTCOST", () => {
  it("matches the spec: 2/10 Net 30 is 0.3724 simple and 0.4459 compound", () => {
    expect(call("DISCOUNTCOST", "2/10 Net 30", null)).toBeCloseTo(0.3724, 4);
    expect(call("DISCOUNTCOST", "2/10 Net 30", true)).toBeCloseTo(0.4459, 4);
    expect(call("DISCOUNTCOST", "2/10 Net 30", false)).toBeCloseTo(0.3724, 4);
    expect(call("DISCOUNTCOST", "2/10 Net 30", "")).toBeCloseTo(0.3724, 4);
    expect(call("DISCOUNTCOST", "2/10 Net 30", 1)).toBeCloseTo(0.4459, 4);
  });
  it("is #N/A without a discount, #DIV/0! when D = N, #VALUE! for a bad compound flag", () => {
    expect(callError("DISCOUNTCOST", "Net 30", null).code).toBe("#N/A");
    expect(callError("DISCOUNTCOST", "2/30 Net 30", null).code).toBe("#DIV/0!");
    expect(callError("DISCOUNTCOST", "2/10 Net 30", "maybe").message).toContain("compound");
    expect(callError("DISCOUNTCOST", "", null).code).toBe("#N/A");
  });
});
