import { rejection, setup } from "./helpers";

const sheet = {
  name: "Data",
  values: [
    ["Customer", "Amount", "Bucket", "Days", "Note"],
    ["Acme", 100, "91+", 95, ""],
    ["Beta", 50, "0-30", 10, "disputed"],
    ["Gamma", -20, "31-60", 40, ""],
  ],
};

describe("tables", () => {
  test("add with headers, data body, columns, rows, workbook and range lookups", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const t = ws.tables.add("A1:E4", true);
      t.name = "Invoices";
      const body = t.getDataBodyRange().load("address, values");
      const header = t.getHeaderRowRange().load("values");
      t.columns.load("items/name");
      t.rows.load("count");
      const count = context.workbook.tables.getCount();
      const viaRange = ws.getRange("B2").getTables().load("items/name");
      const outside = ws.getRange("G1").getTables(true).load("items");
      await context.sync();
      expect(body.address).toBe("Data!A2:E4");
      expect(body.values[0]).toEqual(["Acme", 100, "91+", 95, ""]);
      expect(header.values).toEqual([["Customer", "Amount", "Bucket", "Days", "Note"]]);
      expect(t.columns.items.map((c) => c.name)).toEqual(["Customer", "Amount", "Bucket", "Days", "Note"]);
      expect(t.rows.count).toBe(3);
      expect(count.value).toBe(1);
      expect(viaRange.items.map((x) => x.name)).toEqual(["Invoices"]);
      expect(outside.items).toHaveLength(0);
    });
    expect(wb.getTables()).toEqual([
      {
        name: "Invoices",
        sheet: "Data",
        address: "A1:E4",
        columns: ["Customer", "Amount", "Bucket", "Days", "Note"],
      },
    ]);
  });

  test("columns.add at the end with values and name; getItem by name; data body of a column", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Data").tables.add("A1:E4", true);
      t.columns.add(null as never, [["Score"], [1], [2], [3]]);
      t.columns.add(undefined, undefined, "Grade");
      const col = t.columns.getItem("Score").getDataBodyRange().load("address, values");
      const missing = t.columns.getItemOrNullObject("Nope");
      await context.sync();
      expect(col.address).toBe("Data!F2:F4");
      expect(col.values).toEqual([[1], [2], [3]]);
      expect(missing.isNullObject).toBe(true);
    });
    expect(wb.getValues("Data")[0]).toEqual([
      "Customer",
      "Amount",
      "Bucket",
      "Days",
      "Note",
      "Score",
      "Grade",
    ]);
  });

  test("add without headers inserts a header row; overlapping tables fail; getItem unknown fails", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").tables.add("A2:B4", false);
      await context.sync();
    });
    expect(
      wb
        .getValues("Data")
        .slice(0, 3)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      ["Customer", "Amount"],
      ["Column1", "Column2"],
      ["Acme", 100],
    ]);
    const overlap = await rejection(
      Excel.run(async (context) => {
        context.workbook.tables.add("Data!B1:C3", true);
        await context.sync();
      }),
    );
    expect(overlap.code).toBe("InvalidArgument");
    const nf = await rejection(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Nope");
        await context.sync();
      }),
    );
    expect(nf.code).toBe("ItemNotFound");
  });

  test("rows.add appends and grows the table; delete removes table and its cells", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Data").tables.add("A1:B4", true);
      t.rows.add(null as never, [["Delta", 5]]);
      const r = t.getRange().load("address");
      await context.sync();
      expect(r.address).toBe("Data!A1:B5");
      t.delete();
      await context.sync();
    });
    expect(wb.getTables()).toEqual([]);
    expect(wb.getValues("Data")[0].slice(0, 2)).toEqual(["", ""]);
  });
});

describe("conditional formats", () => {
  test("stored: custom, cellValue, colorScale, dataBar with getRange, count and priority", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const rows = ws.getRange("A2:E4");
      const cf = rows.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$C2="91+"';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      cf.stopIfTrue = true;
      const cv = ws.getRange("D2:D4").conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      cv.cellValue.rule = { formula1: "=30", operator: "GreaterThan" };
      cv.cellValue.format.font.bold = true;
      const cs = ws.getRange("D2:D4").conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
      cs.colorScale.criteria = {
        minimum: { type: "LowestValue", color: "#00FF00" } as never,
        maximum: { type: "HighestValue", color: "#FF0000" } as never,
      };
      const db = ws.getRange("B2:B4").conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
      db.dataBar.positiveFormat.fillColor = "#638EC6";
      db.dataBar.barDirection = Excel.ConditionalDataBarDirection.leftToRight;
      const range = cf.getRange().load("address");
      const count = ws.getRange("A1:E4").conditionalFormats.getCount();
      cf.load("priority, type, id");
      await context.sync();
      expect(range.address).toBe("Data!A2:E4");
      expect(count.value).toBe(4);
      expect(cf.type).toBe("Custom");
      expect(cf.priority).toBe(3);
    });
    const info = wb.getConditionalFormats("Data");
    expect(info.map((i) => i.type)).toEqual(["DataBar", "ColorScale", "CellValue", "Custom"]);
    expect(info[3]).toMatchObject({
      address: "A2:E4",
      formula: '=$C2="91+"',
      stopIfTrue: true,
      format: { fill: "#FFC7CE", fontColor: "#9C0006" },
    });
    expect(info[2]).toMatchObject({ operator: "GreaterThan", formula1: "=30", format: { bold: true } });
  });

  test("evaluated for painting: custom relative/absolute refs, AND/OR, LEN, cellValue, colour scale, data bar", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const a = ws.getRange("A2:A4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      a.custom.rule.formula = '=$C2="91+"';
      a.custom.format.fill.color = "#FFC7CE";
      const b = ws.getRange("E2:E4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      b.custom.rule.formula = "=LEN($E2)>0";
      b.custom.format.fill.color = "#FFEB9C";
      const c = ws.getRange("B2:B4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      c.custom.rule.formula = '=AND(B2<>0,OR($D2>=40,$C2="0-30"))';
      c.custom.format.font.color = "#0000FF";
      const d = ws.getRange("D2:D4").conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      d.cellValue.rule = { formula1: "=90", operator: "GreaterThan" };
      d.cellValue.format.font.color = "#FF0000";
      const e = ws.getRange("C2:C4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      e.custom.rule.formula = "=SOMEUNKNOWNFN(C2)";
      e.custom.format.fill.color = "#000000";
      const s = ws.getRange("D2:D4").conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
      s.colorScale.criteria = {
        minimum: { type: "LowestValue", color: "#000000" } as never,
        maximum: { type: "HighestValue", color: "#FFFFFF" } as never,
      };
      const bar = ws.getRange("B2:B4").conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
      bar.dataBar.positiveFormat.fillColor = "#00AA00";
      await context.sync();
    });
    const v = wb.view;
    expect(v.cell("Data", 1, 0).fill).toBe("#FFC7CE");
    expect(v.cell("Data", 2, 0).fill).toBeUndefined();
    expect(v.cell("Data", 2, 4).fill).toBe("#FFEB9C");
    expect(v.cell("Data", 1, 4).fill).toBeUndefined();
    expect(v.cell("Data", 1, 1).color).toBe("#0000FF"); // 95 >= 40
    expect(v.cell("Data", 2, 1).color).toBe("#0000FF"); // "0-30"
    expect(v.cell("Data", 3, 1).color).toBe("#0000FF"); // 40 >= 40
    expect(v.cell("Data", 1, 3).color).toBe("#FF0000");
    expect(v.cell("Data", 2, 3).color).toBeUndefined();
    expect(v.cell("Data", 1, 2).fill).toBeUndefined(); // unknown formula does not paint
    expect(v.cell("Data", 2, 3).fill).toBe("#000000"); // lowest (10)
    expect(v.cell("Data", 1, 3).fill).toBe("#FFFFFF"); // highest (95)
    expect(v.cell("Data", 3, 3).fill).toBe(mix(30 / 85));
    expect(v.cell("Data", 1, 1).dataBar).toEqual({ fraction: 1, color: "#00AA00" });
    expect(v.cell("Data", 2, 1).dataBar).toEqual({ fraction: 0.5, color: "#00AA00" });
    expect(v.cell("Data", 3, 1).dataBar?.fraction).toBeCloseTo(0.2);
  });

  test("priority order and stopIfTrue", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A2:A4");
      const low = r.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      low.custom.rule.formula = "=TRUE";
      low.custom.format.fill.color = "#111111";
      low.custom.format.font.color = "#222222";
      const high = r.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      high.custom.rule.formula = '=$A2="Acme"';
      high.custom.format.fill.color = "#333333";
      await context.sync();
    });
    expect(wb.view.cell("Data", 1, 0)).toMatchObject({ fill: "#333333", color: "#222222" });
    expect(wb.view.cell("Data", 2, 0)).toMatchObject({ fill: "#111111" });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("A2:A4");
      const first = r.conditionalFormats.getItemAt(0);
      first.stopIfTrue = true;
      await context.sync();
    });
    expect(wb.view.cell("Data", 1, 0).color).toBeUndefined();
  });

  test("delete and clearAll remove rules; invalid cellValue rule is InvalidArgument", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("A2:A4").conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula =
        "=TRUE";
      const b = ws.getRange("B2:B4").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      b.custom.rule.formula = "=TRUE";
      await context.sync();
      b.delete();
      await context.sync();
      expect(wb.getConditionalFormats("Data")).toHaveLength(1);
      ws.getRange("A:A").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(wb.getConditionalFormats("Data")).toHaveLength(0);
    const err = await rejection(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets
          .getItem("Data")
          .getRange("D2:D4")
          .conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
        cf.cellValue.rule = { formula1: "=1", operator: "Sideways" as never };
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });
});

function mix(t: number): string {
  const c = Math.round(255 * t)
    .toString(16)
    .padStart(2, "0")
    .toUpperCase();
  return `#${c}${c}${c}`;
}

describe("names and charts", () => {
  test("names: add range and constant, getItem/OrNullObject, getRange, delete, duplicates", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const names = context.workbook.names;
      const ws = context.workbook.worksheets.getItem("Data");
      names.add("CR_Data", ws.getRange("A1:E4"), "scored range");
      names.add("CR_Version", "=2");
      const item = names.getItem("cr_data").load("name, type, value, formula, comment");
      const r = names.getItem("CR_Data").getRange().load("address");
      const missing = names.getItemOrNullObject("Nope");
      const ver = names.getItem("CR_Version").load("type, value");
      names.load("items/name");
      await context.sync();
      expect(item.formula).toBe("=Data!$A$1:$E$4");
      expect(item.type).toBe("Range");
      expect(item.comment).toBe("scored range");
      expect(r.address).toBe("Data!A1:E4");
      expect(missing.isNullObject).toBe(true);
      expect([ver.type, ver.value]).toEqual(["Double", 2]);
      expect(names.items.map((n) => n.name)).toEqual(["CR_Data", "CR_Version"]);
      names.getItem("CR_Version").delete();
      await context.sync();
    });
    expect(wb.getNames().map((n) => n.name)).toEqual(["CR_Data"]);
    const dup = await rejection(
      Excel.run(async (context) => {
        context.workbook.names.add("CR_Data", "=1");
        await context.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    const bad = await rejection(
      Excel.run(async (context) => {
        context.workbook.names.add("A1", "=1");
        await context.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
  });

  test("charts: add, title, name, setPosition, items, delete", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const chart = ws.charts.add(
        Excel.ChartType.columnClustered,
        ws.getRange("A1:B4"),
        Excel.ChartSeriesBy.columns,
      );
      chart.title.text = "Exposure by bucket";
      chart.name = "CR_Chart";
      chart.setPosition("G2", "N20");
      ws.charts.load("items/name");
      await context.sync();
      expect(ws.charts.items.map((c) => c.name)).toEqual(["CR_Chart"]);
    });
    expect(wb.getCharts("Data")).toEqual([
      {
        name: "CR_Chart",
        type: "ColumnClustered",
        title: "Exposure by bucket",
        source: "A1:B4",
        seriesBy: "Columns",
      },
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").charts.getItem("CR_Chart").delete();
      await context.sync();
    });
    expect(wb.getCharts("Data")).toEqual([]);
  });
});

describe("frozen panes", () => {
  test("freezeRows / freezeColumns keep a count (default 1, 0 unfreezes); unfreeze clears both", async () => {
    const wb = setup([sheet]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.freezePanes.freezeRows(3);
      ws.freezePanes.freezeColumns();
      await context.sync();
    });
    expect((wb.snapshot("Data") as { frozen?: unknown }).frozen).toEqual({ rows: 3, columns: 1 });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").freezePanes.freezeColumns(0);
      await context.sync();
    });
    expect((wb.snapshot("Data") as { frozen?: unknown }).frozen).toEqual({ rows: 3, columns: 0 });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").freezePanes.unfreeze();
      await context.sync();
    });
    expect((wb.snapshot("Data") as { frozen?: unknown }).frozen).toBeUndefined();
  });

  test("a negative count is refused at sync; below ExcelApi 1.7 freezePanes does not exist", async () => {
    setup([sheet]);
    const bad = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").freezePanes.freezeRows(-1);
        await context.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
    setup([sheet], { excelApi: "1.6" });
    const old = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").freezePanes.freezeRows(1);
        await context.sync();
      }),
    );
    expect(old.code).toBe("ApiNotFound");
  });
});
