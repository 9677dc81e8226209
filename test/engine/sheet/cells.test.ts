import {
  dateOrderEvidence,
  isExcelError,
  parseDateCell,
  parseFlagCell,
  parseNumberCell,
  parseStatusCell,
  parseTextCell,
} from "../../../src/engine/sheet/cells";
import { serialFromYmd } from "../../../src/engine/serial";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

describe("parseNumberCell", () => {
  test.each<[unknown, number]>([
    [1200.5, 1200.5],
    [0, 0],
    [-300, -300],
    ["1200", 1200],
    ["  1200.50 ", 1200.5],
    ["$1,200.50", 1200.5],
    ["¥1,200", 1200],
    ["￥1,200", 1200],
    ["€ 99", 99],
    ["£1,000,000", 1000000],
    ["USD 1,200.50", 1200.5],
    ["1,200.50 USD", 1200.5],
    ["CNY1200", 1200],
    ["RMB 3,000", 3000],
    ["1,200元", 1200],
    ["人民币1,200", 1200],
    ["(300)", -300],
    ["($1,200.00)", -1200],
    ["1,200-", -1200],
    ["-1,200", -1200],
    ["-$1,200", -1200],
    ["$-1,200", -1200],
    ["1,200 CR", -1200],
    ["1,200 DR", 1200],
    ["+50", 50],
    ["1 200.50", 1200.5],
    ["1'200.50", 1200.5],
    ["１，２００", 1200],
    [".5", 0.5],
    ["1.5E+03", 1500],
    ["1,200", 1200],
  ])("%p → %p", (input, expected) => {
    expect(parseNumberCell(input)).toEqual({ ok: true, value: expected });
  });

  test.each<[unknown, string]>([
    ["#N/A", "EXCEL_ERROR"],
    ["#REF!", "EXCEL_ERROR"],
    ["#DIV/0!", "EXCEL_ERROR"],
    ["12%", "PERCENT"],
    ["1.200,50", "DECIMAL_COMMA"],
    ["1200,5", "DECIMAL_COMMA"],
    ["1,20", "DECIMAL_COMMA"],
    ["12,34,567", "BAD_NUMBER"],
    ["abc", "BAD_NUMBER"],
    ["1.2.3", "BAD_NUMBER"],
    ["--5", "BAD_NUMBER"],
    ["(5)-", "BAD_NUMBER"],
    [true, "BAD_NUMBER"],
    [NaN, "BAD_NUMBER"],
    [Infinity, "BAD_NUMBER"],
    [{}, "BAD_NUMBER"],
    ["", "BAD_NUMBER"],
  ])("%p is reported (%s)", (input, code) => {
    const r = parseNumberCell(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.reason.en.length).toBeGreaterThan(0);
      expect(r.reason.zh.length).toBeGreaterThan(0);
    }
  });

  test.each<[string, number]>([
    ["1.200,50", 1200.5],
    ["1200,5", 1200.5],
    ["1 200,50", 1200.5],
    ["€ 1.234.567,89", 1234567.89],
    ["1200", 1200],
    ["(1.200,00)", -1200],
  ])("decimal comma on: %p → %p", (input, expected) => {
    expect(parseNumberCell(input, { decimalComma: true })).toEqual({ ok: true, value: expected });
  });

  test("decimal comma on: a decimal point is not accepted", () => {
    expect(parseNumberCell("1200.50", { decimalComma: true }).ok).toBe(false);
  });
});

describe("parseDateCell", () => {
  test.each<[unknown, number]>([
    [45672, 45672],
    [45672.75, 45672],
    [1, 1],
    [2958465, 2958465],
    ["2025-01-15", d(2025, 1, 15)],
    ["2025-01-15T10:30:00", d(2025, 1, 15)],
    ["2025/1/15", d(2025, 1, 15)],
    ["2025.1.15", d(2025, 1, 15)],
    ["2025年1月15日", d(2025, 1, 15)],
    ["２０２５年１月１５日", d(2025, 1, 15)],
    ["15-Jan-2025", d(2025, 1, 15)],
    ["15-JAN-25", d(2025, 1, 15)],
    ["15 January 2025", d(2025, 1, 15)],
    ["15th January 2025", d(2025, 1, 15)],
    ["Jan 15 2025", d(2025, 1, 15)],
    ["January 15, 2025", d(2025, 1, 15)],
    ["Sept 3, 2024", d(2024, 9, 3)],
    ["20250115", d(2025, 1, 15)],
    [20250115, d(2025, 1, 15)],
    ["25/04/2025", d(2025, 4, 25)],
    ["04/25/2025", d(2025, 4, 25)],
    ["04/04/2025", d(2025, 4, 4)],
    ["25.04.2025 14:00", d(2025, 4, 25)],
    ["15-Jan-1985", d(1985, 1, 15)],
    ["15-Jan-85", d(1985, 1, 15)],
  ])("%p → serial %p", (input, expected) => {
    expect(parseDateCell(input)).toEqual({ ok: true, value: expected });
  });

  test("ambiguous day/month text is reported without a date order", () => {
    const r = parseDateCell("03/04/2025");
    expect(r).toMatchObject({ ok: false, code: "AMBIGUOUS_DATE" });
  });

  test("the policy date order resolves day/month text", () => {
    expect(parseDateCell("03/04/2025", { dateOrder: "DMY" })).toEqual({ ok: true, value: d(2025, 4, 3) });
    expect(parseDateCell("03/04/2025", { dateOrder: "MDY" })).toEqual({ ok: true, value: d(2025, 3, 4) });
    expect(parseDateCell("03-04-25", { dateOrder: "DMY" })).toEqual({ ok: true, value: d(2025, 4, 3) });
  });

  test("text contradicting a known order is reported", () => {
    expect(parseDateCell("25/04/2025", { dateOrder: "MDY" })).toMatchObject({
      ok: false,
      code: "DATE_ORDER_MISMATCH",
    });
    expect(parseDateCell("04/25/2025", { dateOrder: "DMY" })).toMatchObject({
      ok: false,
      code: "DATE_ORDER_MISMATCH",
    });
  });

  test.each<[unknown, string]>([
    [0, "DATE_OUT_OF_RANGE"],
    [-5, "DATE_OUT_OF_RANGE"],
    [2958466, "DATE_OUT_OF_RANGE"],
    ["2025-02-30", "BAD_DATE"],
    ["31/02/2025", "BAD_DATE"],
    ["13/13/2025", "BAD_DATE"],
    ["soon", "BAD_DATE"],
    ["45672", "BAD_DATE"],
    ["#N/A", "EXCEL_ERROR"],
    [true, "BAD_DATE"],
    [new Date(0), "BAD_DATE"],
    ["32-Jan-2025", "BAD_DATE"],
    ["15-Foo-2025", "BAD_DATE"],
  ])("%p is reported (%s)", (input, code) => {
    expect(parseDateCell(input)).toMatchObject({ ok: false, code });
  });

  test("date order evidence", () => {
    expect(dateOrderEvidence("25/04/2025")).toBe("DMY");
    expect(dateOrderEvidence("04/25/2025")).toBe("MDY");
    expect(dateOrderEvidence("03/04/2025")).toBeNull();
    expect(dateOrderEvidence(45000)).toBeNull();
  });
});

describe("text, status, flags, errors", () => {
  test("parseTextCell trims and keeps Unicode exactly", () => {
    expect(parseTextCell("  上海某某贸易有限公司 ")).toBe("上海某某贸易有限公司");
    expect(parseTextCell("Ａｃｍｅ")).toBe("Ａｃｍｅ");
    expect(parseTextCell(10001)).toBe("10001");
    expect(parseTextCell("   ")).toBeNull();
    expect(parseTextCell(null)).toBeNull();
    expect(parseTextCell(true)).toBe("TRUE");
  });

  test.each<[unknown, string, boolean]>([
    ["Paid", "paid", true],
    ["CLOSED", "paid", true],
    ["已付", "paid", true],
    ["已结清", "paid", true],
    ["Disputed", "disputed", true],
    ["In dispute", "disputed", true],
    ["争议", "disputed", true],
    ["Open", "open", true],
    ["未付", "open", true],
    ["partially paid", "open", true],
    ["", "open", true],
    ["Weird", "open", false],
  ])("status %p → %s (known %p)", (input, status, known) => {
    expect(parseStatusCell(input)).toEqual({ status, known });
  });

  test("flags", () => {
    expect(parseFlagCell("Y")).toBe(true);
    expect(parseFlagCell("是")).toBe(true);
    expect(parseFlagCell(false)).toBe(false);
    expect(parseFlagCell("No")).toBe(false);
    expect(parseFlagCell("12")).toBeNull();
    expect(parseFlagCell(12)).toBeNull();
  });

  test("Excel errors", () => {
    for (const e of [
      "#N/A",
      "#REF!",
      "#VALUE!",
      "#NAME?",
      "#NULL!",
      "#NUM!",
      "#SPILL!",
      "#CALC!",
      "#GETTING_DATA",
    ]) {
      expect(isExcelError(e)).toBe(true);
    }
    expect(isExcelError("#1")).toBe(false);
    expect(isExcelError("N/A")).toBe(false);
  });
});
