import { setup } from "./helpers";

describe("WorkbookView", () => {
  const data = [
    { name: "A", values: [["x", 1.5, true, "#N/A"]], numberFormats: [[null, "0.00"]] },
    { name: "Hidden", values: [], visibility: "Hidden" as const },
  ];

  test("cells: text, alignment, size, visible sheets", () => {
    const wb = setup(data);
    const v = wb.view;
    expect(v.sheetNames()).toEqual(["A"]);
    expect(wb.sheetNames()).toEqual(["A", "Hidden"]);
    expect(v.activeSheetName()).toBe("A");
    expect(v.usedSize("A")).toEqual({ rowCount: 1, columnCount: 4 });
    expect(v.cell("A", 0, 0)).toEqual({ text: "x", align: "left" });
    expect(v.cell("A", 0, 1)).toEqual({ text: "1.50", align: "right" });
    expect(v.cell("A", 0, 2)).toEqual({ text: "TRUE", align: "center" });
    expect(v.cell("A", 0, 3)).toEqual({ text: "#N/A", align: "center" });
    expect(v.cell("A", 5, 5)).toEqual({ text: "", align: "left" });
    expect(v.cell("Nope", 0, 0)).toEqual({ text: "", align: "left" });
  });

  test("subscribe fires after changing syncs, select, activate and typing, not after read-only syncs", async () => {
    const wb = setup([...data, { name: "B", values: [] }]);
    let n = 0;
    const off = wb.view.subscribe(() => n++);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1").load("values");
      await context.sync();
    });
    expect(n).toBe(0);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B2").values = [["y"]];
      await context.sync();
    });
    expect(n).toBe(1);
    wb.view.select("A", 1, 1, 2, 3);
    expect(wb.view.selection()).toEqual({
      sheet: "A",
      row: 1,
      col: 1,
      rowCount: 2,
      colCount: 3,
      areas: [{ row: 1, col: 1, rowCount: 2, colCount: 3 }],
    });
    wb.view.activate("B");
    expect(wb.view.activeSheetName()).toBe("B");
    wb.view.setCellInput("B", 0, 0, "=1+1");
    wb.view.setCellInput("B", 1, 0, "42");
    expect(n).toBe(5);
    expect(wb.getFormulas("B")).toEqual([["=1+1"], [42]]);
    off();
    wb.view.activate("A");
    expect(n).toBe(5);
  });

  test("user selection is what getSelectedRange returns", async () => {
    const wb = setup(data);
    wb.view.select("A", 2, 1, 3, 2);
    await Excel.run(async (context) => {
      const r = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(r.address).toBe("A!B3:C5");
    });
  });
});
