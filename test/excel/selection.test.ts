/**
 * Selections as Excel has them: the pane selects several row blocks (a multi-area selection, which needs
 * RangeAreas.select, ExcelApi 1.18), and a run must read the right source whatever is selected — one cell, a
 * block, a whole column, several areas — although getSelectedRange() throws InvalidSelection on several areas.
 */
import { runScore } from "../../src/excel/scoreSheet";
import { previewSource, selectRowBlocks } from "../../src/excel/selection";
import type { SimWorkbook } from "../../src/workbook";
import { baseOptions, invoiceRows, setup, testCompute } from "./helpers";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

const rows = invoiceRows(12);

/** The analyst selects `address` on Invoices (Ctrl+click for several areas). */
const select = (wb: SimWorkbook, address: string) => wb.select("Invoices", address);

/** Turns A1:D13 of Invoices into a table named Inv (with a note column outside it, in F). */
async function makeTable(): Promise<void> {
  await Excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Invoices");
    sheet.getRange("F1:F2").values = [["Aside"], ["x"]];
    sheet.tables.add("A1:D13", true).name = "Inv";
    await ctx.sync();
  });
}

describe("selecting the customers' rows", () => {
  test("several blocks are selected together where RangeAreas.select exists (ExcelApi 1.18)", async () => {
    const wb = setup(rows, { excelApi: "1.18" });
    await selectRowBlocks(["2:4", "9:9"], "Invoices");
    expect(wb.model.selection?.areas?.map((r) => [r.r0, r.r1])).toEqual([
      [1, 3],
      [8, 8],
    ]);
    expect(wb.apiRefusals).toEqual([]);
  });

  test("below 1.18 the first block is selected without calling what the host lacks", async () => {
    for (const excelApi of ["1.9", "1.17"]) {
      const wb = setup(rows, { excelApi });
      await selectRowBlocks(["2:4", "9:9"], "Invoices");
      expect(wb.model.selection?.areas).toBeUndefined();
      expect(wb.model.selection?.rect).toMatchObject({ r0: 1, r1: 3 });
      // RangeAreas.select was not even attempted (a caught ApiNotFound would be recorded here).
      expect(wb.apiRefusals).toEqual([]);
    }
  });
});

describe("the source is found whatever the selection", () => {
  test("Score after the pane's own multi-row selection reads the sheet (no InvalidSelection)", async () => {
    const wb = setup(rows, { excelApi: "1.18" });
    await selectRowBlocks(["2:4", "9:9"], "Invoices");
    const res = await runScore(baseOptions, testCompute);
    expect(res).toMatchObject({ status: "done", output: { dataRows: 12 } });
    expect(wb.getValues("Invoices")[0].slice(4)).toEqual([
      "Open Balance",
      "Days Past Due",
      "Aging Bucket",
      "Breaches",
    ]);
  });

  test.each(["B5", "A3:C6", "B:B", "A2:B3, C8:D9", "2:4, 9:9"])(
    "a table is the source when the selection (%s) lies in it",
    async (address) => {
      const wb = setup(rows);
      await makeTable();
      select(wb, address);
      const read = await previewSource();
      expect(read.table?.name).toBe("Inv");
      expect(read.source?.address).toBe("Invoices!A1:D13");
    },
  );

  test.each(["H20", "H20:I30, K5"])(
    "outside any table (%s) the used range is the source",
    async (address) => {
      const wb = setup(rows);
      await makeTable();
      select(wb, address);
      const read = await previewSource();
      expect(read.table).toBeNull();
      expect(read.source?.address).toBe("Invoices!A1:F13");
    },
  );

  test("areas in two tables: the table of the active cell (the first area)", async () => {
    const wb = setup(rows);
    await Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Invoices");
      sheet.getRange("H1:I3").values = [
        ["Key", "Value"],
        ["a", 1],
        ["b", 2],
      ];
      sheet.tables.add("A1:D13", true).name = "Inv";
      sheet.tables.add("H1:I3", true).name = "Other";
      await ctx.sync();
    });
    select(wb, "H2, B4");
    expect((await previewSource()).table?.name).toBe("Other");
    select(wb, "B4, H2");
    expect((await previewSource()).table?.name).toBe("Inv");
  });
});
