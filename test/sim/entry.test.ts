/**
 * Value entry as Excel does it (src/workbook/entry.ts cites the documentation of every rule): strings written
 * through Range.values / formulas into General cells are parsed as typed; text-formatted cells keep them; a
 * `loadWorkbook` (opening a file) stores values verbatim.
 */
import { SimWorkbook, installSimulator } from "../../src/workbook";
import { rejection } from "./helpers";
import { serialFromYmd } from "../../src/engine/serial";

const THIS_YEAR = 2026;

function workbook(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.model.clock = () => new Date(THIS_YEAR, 5, 15, 12); // the host's local date: 15 June 2026
  installSimulator(wb);
  return wb;
}

/** Writes `inputs` down column A through Range.values (optionally into cells formatted `format`) and reads back. */
async function enter(
  inputs: unknown[],
  prop: "values" | "formulas" = "values",
  format?: string,
): Promise<{ values: unknown[]; formulas: unknown[]; formats: unknown[]; types: unknown[] }> {
  workbook();
  return Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${inputs.length}`);
    if (format) r.numberFormat = inputs.map(() => [format]);
    r[prop] = inputs.map((v) => [v]);
    r.load("values,formulas,numberFormat,valueTypes");
    await ctx.sync();
    return {
      values: r.values.map((x) => x[0]),
      formulas: r.formulas.map((x) => x[0]),
      formats: r.numberFormat.map((x) => x[0]),
      types: r.valueTypes.map((x) => x[0]),
    };
  });
}

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

describe("dates become serials with a date format", () => {
  test.each([
    ["1-30", d(THIS_YEAR, 1, 30), "d-mmm"],
    ["1/30", d(THIS_YEAR, 1, 30), "d-mmm"],
    ["12-31", d(THIS_YEAR, 12, 31), "d-mmm"],
    ["2-30", d(1930, 2, 1), "mmm-yy"], // not a day of February: month and year
    ["1-50", d(1950, 1, 1), "mmm-yy"],
    ["2025-01-15", d(2025, 1, 15), "m/d/yyyy"],
    ["2025/1/15", d(2025, 1, 15), "m/d/yyyy"],
    ["1/15/2025", d(2025, 1, 15), "m/d/yyyy"],
    ["1/15/25", d(2025, 1, 15), "m/d/yyyy"],
    ["1/15/30", d(1930, 1, 15), "m/d/yyyy"], // two-digit years 30–99 are 19xx
    ["2025年1月15日", d(2025, 1, 15), 'yyyy"年"m"月"d"日"'],
    ["1月15日", d(THIS_YEAR, 1, 15), 'm"月"d"日"'],
    ["2025年1月", d(2025, 1, 1), 'yyyy"年"m"月"'],
    ["15-Jan", d(THIS_YEAR, 1, 15), "d-mmm"],
    ["15-Jan-2025", d(2025, 1, 15), "d-mmm-yy"],
    ["Jan 15", d(THIS_YEAR, 1, 15), "d-mmm"],
    ["January 15, 2025", d(2025, 1, 15), "d-mmm-yy"],
    ["Jan-25", d(THIS_YEAR, 1, 25), "d-mmm"],
    ["Jan-2025", d(2025, 1, 1), "mmm-yy"],
    [" 2025-01-15 ", d(2025, 1, 15), "m/d/yyyy"],
  ])("%p → %p (%s)", async (input, serial, format) => {
    const r = await enter([input]);
    expect(r.values).toEqual([serial]);
    expect(r.formats).toEqual([format]);
    expect(r.types).toEqual(["Double"]);
  });

  test.each(["31-60", "61-90", "91+", "1-30天", "90天以上", "2-30-x", "13/45", "2025-02-30", "0-5"])(
    "%p stays text",
    async (input) => {
      const r = await enter([input]);
      expect(r.values).toEqual([input]);
      expect(r.formats).toEqual(["General"]);
    },
  );

  test("a year-less date takes the host's local year (its clock)", async () => {
    const wb = workbook();
    wb.model.clock = () => new Date(2031, 0, 1, 0, 30);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["3/4"]];
      await ctx.sync();
    });
    expect(wb.getValues("Sheet1")).toEqual([[d(2031, 3, 4)]]);
  });
});

describe("numbers, percentages, currency, accounting, exponents, booleans, errors, times", () => {
  test.each([
    ["1200", 1200, "General"],
    ["007", 7, "General"],
    [" 12 ", 12, "General"],
    ["-40", -40, "General"],
    ["+40", 40, "General"],
    ["(40)", -40, "General"],
    ["1,200", 1200, "#,##0"],
    ["1,200.50", 1200.5, "#,##0.00"],
    [".5", 0.5, "General"],
    ["5%", 0.05, "0%"],
    ["5.5%", 0.055, "0.00%"],
    ["$1,200", 1200, "$#,##0"],
    ["$1,200.5", 1200.5, "$#,##0.00"],
    ["-$40", -40, "$#,##0"],
    ["($40)", -40, "$#,##0"],
    ["¥1,200", 1200, "¥#,##0"],
    ["1E5", 100000, "0.00E+00"],
    ["1e-3", 0.001, "0.00E+00"],
    ["10:30", 10.5 / 24, "h:mm"],
    ["10:30 PM", 22.5 / 24, "h:mm AM/PM"],
  ])("%p → %p (%s)", async (input, value, format) => {
    const r = await enter([input]);
    expect(r.values[0]).toBeCloseTo(value as number, 12);
    expect(r.formats).toEqual([format]);
  });

  test.each(["1,2", "12,34,567", "1.2.3", "$", "1-", "(40", "40)", "5%%", "1E5%", "$5%"])(
    "%p is not a number",
    async (input) => {
      const r = await enter([input]);
      expect(typeof r.values[0]).not.toBe("number");
    },
  );

  test("TRUE / FALSE in any case are booleans; error literals are errors", async () => {
    const r = await enter(["TRUE", "false", "True", "#N/A", "#DIV/0!", "TRUE!"]);
    expect(r.values).toEqual([true, false, true, "#N/A", "#DIV/0!", "TRUE!"]);
    expect(r.types).toEqual(["Boolean", "Boolean", "Boolean", "Error", "Error", "String"]);
  });

  test("numbers and booleans written as such are kept; a non-finite number is #NUM!", async () => {
    const r = await enter([1.5, true, Infinity]);
    expect(r.values).toEqual([1.5, true, "#NUM!"]);
  });
});

describe("formulas and the text prefix", () => {
  test("= starts a formula; a + or - that is not a number, or a Lotus @, does too (Range.values reference)", async () => {
    const r = await enter(["=1+1", "+A1", "-x", "@SUM(1,2)", "--1", "=", "-", "+"]);
    expect(r.formulas).toEqual(["=1+1", "=+A1", "=-x", "=SUM(1,2)", "=--1", "=", "-", "+"]);
    // Formula cells read back as their computed values (A1 holds =1+1 itself, so +A1 is 2); -x is an unknown name.
    expect(r.values).toEqual([2, 2, "#NAME?", 3, 1, "=", "-", "+"]);
  });

  test("a leading apostrophe keeps the rest as text and is not kept in the value", async () => {
    const r = await enter(["'1-30", "'=Evil", "'5%", "''quoted", "'"]);
    expect(r.values).toEqual(["1-30", "=Evil", "5%", "'quoted", ""]);
    expect(r.types).toEqual(["String", "String", "String", "String", "Empty"]);
    expect(r.formats).toEqual(["General", "General", "General", "General", "General"]);
  });

  test("writing through formulas parses the same way", async () => {
    const r = await enter(["1-30", "5%", "'1-30"], "formulas");
    expect(r.values).toEqual([d(THIS_YEAR, 1, 30), 0.05, "1-30"]);
  });
});

describe("cells formatted as text (@) keep strings as they are", () => {
  test("no parsing, no format change, no formula", async () => {
    const inputs = ["1-30", "5%", "(40)", "1E5", "TRUE", "=1+1", "-x", "2025年1月15日"];
    const r = await enter(inputs, "values", "@");
    expect(r.values).toEqual(inputs);
    expect(r.formats).toEqual(inputs.map(() => "@"));
    expect(r.types).toEqual(inputs.map(() => "String"));
  });

  test("a date format already on the cell is kept when a date is entered", async () => {
    const r = await enter(["2025-01-15"], "values", "yyyy-mm-dd");
    expect(r.values).toEqual([d(2025, 1, 15)]);
    expect(r.formats).toEqual(["yyyy-mm-dd"]);
  });
});

describe("what is not value entry", () => {
  test("loadWorkbook stands for opening a file: values stay as they are, only '=' makes a formula", () => {
    const wb = new SimWorkbook();
    wb.loadWorkbook([{ name: "S", values: [["1-30", "5%", "1200", "TRUE", "=1+1", "-x", "'q"]] }]);
    expect(wb.getFormulas("S")).toEqual([["1-30", "5%", "1200", "TRUE", "=1+1", "-x", "'q"]]);
    expect(wb.getNumberFormats("S")[0]).toEqual(Array(7).fill("General"));
  });

  test("typing into the playground grid is value entry", () => {
    const wb = new SimWorkbook();
    wb.view.setCellInput("Sheet1", 0, 0, "5%");
    wb.view.setCellInput("Sheet1", 0, 1, "'5%");
    expect(wb.getValues("Sheet1")).toEqual([[0.05, "5%"]]);
  });

  test("table header names stay text", async () => {
    workbook();
    const values = await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["Name", "x"],
        ["a", 1],
      ];
      const t = sheet.tables.add("A1:B2", true);
      t.columns.add(undefined, undefined, "1-30");
      const h = t.getHeaderRowRange().load("values");
      await ctx.sync();
      return h.values;
    });
    expect(values).toEqual([["Name", "x", "1-30"]]);
  });
});

describe("Excel's cell limits", () => {
  test("text up to 32,767 characters is kept; a longer text or an 8,193-character formula is refused, naming the cell", async () => {
    const ok = await enter(["x".repeat(32_767), `'${"y".repeat(32_767)}`]);
    expect(ok.values.map((v) => (v as string).length)).toEqual([32_767, 32_767]);
    for (const [input, message] of [
      ["x".repeat(32_768), /Sheet1!A2 is 32768 characters long; a cell holds at most 32767/],
      [`=${"1+".repeat(4_096)}1`, /formula in Sheet1!A2 is 8194 characters long/],
    ] as const) {
      workbook();
      const e = await rejection(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [["fine"], [input]];
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
      expect(e.message).toMatch(message);
    }
  });
});
