/**
 * TODAY() is the host's local calendar date (Excel takes the computer's clock in its own time zone), in the
 * workbook model, in conditional-format rules and in the playground's evaluator. scripts/test.js runs this file
 * under several TZ values: shortly after local midnight east of UTC (Pacific/Kiritimati, UTC+14) the UTC date is
 * still yesterday, and at 23:00 in America/Sao_Paulo it is already tomorrow.
 */
import { serialFromYmd } from "../../src/engine/serial";
import { todaySerial } from "../../src/playground/formulaEval";
import { SimWorkbook, installSimulator } from "../../src/workbook";

const MOMENTS: [string, Date][] = [
  ["just after local midnight", new Date(2026, 10, 28, 0, 5)],
  ["late in the local evening", new Date(2026, 10, 28, 23, 55)],
];
const EXPECTED = serialFromYmd(2026, 11, 28)!;

describe.each(MOMENTS)("%s on 28 November 2026 (local)", (_label, moment) => {
  test("a formula cell's TODAY() reads the local date, with no playground installed", () => {
    const wb = new SimWorkbook();
    wb.model.clock = () => moment;
    wb.loadWorkbook([{ name: "S", values: [["=TODAY()", "=TODAY()-1"]] }]);
    expect(wb.getValues("S")).toEqual([[EXPECTED, EXPECTED - 1]]);
  });

  test("a conditional-format rule with TODAY() compares with the local date", async () => {
    const wb = new SimWorkbook();
    wb.model.clock = () => moment;
    wb.loadWorkbook([{ name: "S", values: [[EXPECTED], [EXPECTED - 1]] }]);
    installSimulator(wb);
    await Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem("S")
        .getRange("A1:A2")
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=A1=TODAY()";
      cf.custom.format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect([wb.view.cell("S", 0, 0).fill, wb.view.cell("S", 1, 0).fill]).toEqual(["#FF0000", undefined]);
  });

  test("the playground evaluator's today is the local date", () => {
    expect(todaySerial(moment)).toBe(EXPECTED);
  });
});
