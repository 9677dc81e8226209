/**
 * The view's new parts for the playground: charts read from their source range as Excel reads it (series,
 * categories, title, axis titles, legend, placement), the selection's areas after `RangeAreas.select()`, the
 * analyst's number formats, and the formula autoformat of a typed formula (src/workbook/formula/autoformat.ts).
 */
import { setup } from "./helpers";

/** A summary-like block: header row, bucket labels in column A, two numeric columns (B: amount, C: count). */
const BUCKETS = [
  ["Bucket", "Open balance", "Invoices"],
  ["Current", 120000, 12],
  ["1-30", 45000.5, 4],
  ["31-60", "", 2],
  ["61-90", 9000, "n/a"],
];

describe("charts in the view", () => {
  test("a clustered column chart: categories from the first column, one series per numeric column", async () => {
    const wb = setup([{ name: "Summary", values: BUCKETS, numberFormats: [[], [null, "#,##0.00"]] }]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      const chart = sheet.charts.add(
        Excel.ChartType.columnClustered,
        sheet.getRange("A1:C5"),
        Excel.ChartSeriesBy.columns,
      );
      chart.title.text = "Exposure by aging bucket";
      chart.axes.categoryAxis.title.text = "Bucket";
      chart.axes.valueAxis.title.text = "Amount";
      chart.setPosition("E2", "K16");
      await context.sync();
    });
    const [c] = wb.view.charts("Summary");
    expect(c).toMatchObject({
      type: "ColumnClustered",
      title: "Exposure by aging bucket",
      categoryTitle: "Bucket",
      valueTitle: "Amount",
      categories: ["Current", "1-30", "31-60", "61-90"],
      series: [
        { name: "Open balance", values: [120000, 45000.5, null, 9000] },
        { name: "Invoices", values: [12, 4, 2, null] },
      ],
      // Two series: Excel's default legend shows, at the bottom.
      legend: { visible: true, position: "Bottom" },
      // E2 (column 4, row 1) to the bottom-right corner of K16 (column 10, row 15).
      box: { x0: 4, y0: 1, x1: 11, y1: 16 },
    });
  });

  test("one series: no legend unless asked; series by rows; placement from left/top/width/height points", async () => {
    const wb = setup([
      {
        name: "S",
        values: [
          ["", "Q1", "Q2", "Q3"],
          ["Sales", 1, 2, 3],
        ],
      },
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A1:D2"), "Auto");
      // 64 pt default columns, 15 pt default rows: left 96 pt is 1.5 columns, top 30 pt is 2 rows.
      chart.left = 96;
      chart.top = 30;
      chart.width = 128;
      chart.height = 45;
      const legend = chart.legend.load("visible");
      await context.sync();
      expect(legend.visible).toBe(false);
    });
    const [c] = wb.view.charts("S");
    expect(c.categories).toEqual(["Q1", "Q2", "Q3"]);
    expect(c.series).toEqual([{ name: "Sales", values: [1, 2, 3] }]);
    expect(c.legend.visible).toBe(false);
    expect(c.box).toEqual({ x0: 1.5, y0: 2, x1: 3.5, y1: 5 });
    await Excel.run(async (context) => {
      const chart = context.workbook.worksheets.getItem("S").charts.getItemAt(0);
      chart.legend.visible = true;
      chart.legend.position = "Right";
      await context.sync();
    });
    expect(wb.view.charts("S")[0]!.legend).toEqual({ visible: true, position: "Right" });
  });

  test("a re-score that rewrites the source cells is what the next read shows", async () => {
    const wb = setup([{ name: "Summary", values: BUCKETS }]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A1:B5"), Excel.ChartSeriesBy.columns);
      await context.sync();
      sheet.getRange("B2:B5").values = [[1], [2], [3], [4]];
      await context.sync();
    });
    expect(wb.view.charts("Summary")[0]!.series).toEqual([{ name: "Open balance", values: [1, 2, 3, 4] }]);
  });
});

describe("selection areas", () => {
  test("RangeAreas.select() shows every area; the first holds the active cell", async () => {
    const wb = setup([{ name: "A", values: [["x"]] }], { excelApi: "1.18" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRanges("B5:C6, A900:D900").select();
      await context.sync();
    });
    expect(wb.view.selection()).toEqual({
      sheet: "A",
      row: 4,
      col: 1,
      rowCount: 2,
      colCount: 2,
      areas: [
        { row: 4, col: 1, rowCount: 2, colCount: 2 },
        { row: 899, col: 0, rowCount: 1, colCount: 4 },
      ],
    });
  });
});

describe("number formats chosen in the grid and the formula autoformat", () => {
  test("setNumberFormat formats the areas; whole columns take a column format", () => {
    const wb = setup([
      {
        name: "A",
        values: [
          [1.5, 2],
          [0.25, 3],
        ],
      },
    ]);
    const v = wb.view;
    v.setNumberFormat("A", [{ row: 0, col: 0, rowCount: 2, colCount: 1 }], "0.00%");
    expect(v.cell("A", 0, 0).text).toBe("150.00%");
    expect(v.cell("A", 1, 0).text).toBe("25.00%");
    expect(v.numberFormat("A", 0, 1)).toBe("General");
    v.setNumberFormat("A", [{ row: 0, col: 1, rowCount: 1_048_576, colCount: 1 }], "#,##0.00");
    expect(v.cell("A", 1, 1).text).toBe("3.00");
    expect(v.numberFormat("A", 5000, 1)).toBe("#,##0.00");
  });

  test("a typed formula led by a date function shows the short date; * and / do not; a formatted cell keeps its format", () => {
    const wb = setup([{ name: "A", values: [[45672]], numberFormats: [[null, null, null, null, "0.00"]] }]);
    const v = wb.view;
    wb.model.clock = () => new Date(2025, 0, 15, 12);
    v.setCellInput("A", 0, 1, "=TODAY()");
    v.setCellInput("A", 0, 2, "=TODAY()+1");
    v.setCellInput("A", 0, 3, "=2*(TODAY()/2)");
    v.setCellInput("A", 0, 4, "=DATE(2025,2,14)");
    v.setCellInput("A", 0, 5, "=EOMONTH(A1,0)");
    expect(v.numberFormat("A", 0, 1)).toBe("m/d/yyyy");
    expect(v.cell("A", 0, 1).text).toBe("1/15/2025");
    expect(v.cell("A", 0, 2).text).toBe("1/16/2025");
    expect(v.numberFormat("A", 0, 3)).toBe("General");
    expect(v.cell("A", 0, 3).text).toBe("45672");
    // E1 was formatted 0.00 before the formula was typed: it keeps that format.
    expect(v.cell("A", 0, 4).text).toBe("45702.00");
    expect(v.cell("A", 0, 5).text).toBe("1/31/2025");
  });

  test("a formula led by a reference takes the referenced cell's format (KB 214280); zh-CN short date", () => {
    const wb = setup(
      [{ name: "A", values: [[45, 3, 2, 45672]], numberFormats: [["$#,##0.00", null, null, "yyyy-mm-dd"]] }],
      { displayLanguage: "zh-CN" },
    );
    const v = wb.view;
    v.setCellInput("A", 1, 0, "=SUM(A1:C1)");
    v.setCellInput("A", 1, 1, "=3+A1");
    v.setCellInput("A", 1, 2, "=B1*A1");
    v.setCellInput("A", 1, 3, "=D1+30");
    v.setCellInput("A", 1, 4, "=DATE(2025,2,14)");
    v.setCellInput("A", 1, 5, "=LEN(D1)");
    expect(v.cell("A", 1, 0).text).toBe("$50.00");
    expect(v.cell("A", 1, 1).text).toBe("$48.00");
    expect(v.cell("A", 1, 2).text).toBe("135");
    expect(v.cell("A", 1, 3).text).toBe("2025-02-14");
    expect(v.cell("A", 1, 4).text).toBe("2025/2/14");
    expect(v.cell("A", 1, 5).text).toBe("5");
  });

  test("functions the host declares as date-returning format too (the playground adds AR.DUEDATE)", () => {
    const wb = setup([{ name: "A", values: [[]] }]);
    wb.model.functions = (name) => (name === "AR.DUE" ? () => 45702 : undefined);
    wb.view.setCellInput("A", 0, 0, "=AR.DUE()");
    expect(wb.view.cell("A", 0, 0).text).toBe("45702");
    wb.model.dateResultFunctions.add("AR.DUE");
    wb.view.setCellInput("A", 0, 1, "=AR.DUE()");
    expect(wb.view.cell("A", 0, 1).text).toBe("2/14/2025");
  });
});
