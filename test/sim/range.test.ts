import { rejection, setup } from "./helpers";

const invoices = [
  {
    name: "Invoices",
    values: [
      ["Customer", "Amount", "Due"],
      ["Acme", 1200.5, 45672],
      ["Beta", 300, 45700],
      ["", "", ""],
      ["Gamma", 50, 45710],
    ],
  },
];

describe("ranges and worksheets", () => {
  test("addresses: cell, range, whole columns and rows, sheet-qualified", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      const a = ws.getRange("B2").load("address, rowIndex, columnIndex, rowCount, columnCount");
      const b = ws.getRange("Invoices!A1:C3").load("address");
      const c = ws.getRange("C:D").load("address, rowCount, columnCount");
      const d = ws.getRange("2:3").load("address, columnCount");
      const e = ws.getRange("$a$1:$b$2").load("address");
      await context.sync();
      expect([a.address, a.rowIndex, a.columnIndex, a.rowCount, a.columnCount]).toEqual([
        "Invoices!B2",
        1,
        1,
        1,
        1,
      ]);
      expect(b.address).toBe("Invoices!A1:C3");
      expect([c.address, c.rowCount, c.columnCount]).toEqual(["Invoices!C:D", 1048576, 2]);
      expect([d.address, d.columnCount]).toEqual(["Invoices!2:3", 16384]);
      expect(e.address).toBe("Invoices!A1:B2");
    });
  });

  test("bad addresses fail with InvalidArgument", async () => {
    setup(invoices);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Invoices").getRange("A0:ZZZZ1");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("navigation: getCell, resized, offset, row, column, last row/column, entire, intersection, bounding", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Invoices").getRange("B2:D5");
      const list = [
        r.getCell(1, 2),
        r.getResizedRange(1, -1),
        r.getOffsetRange(1, 1),
        r.getRow(2),
        r.getColumn(1),
        r.getLastRow(),
        r.getLastColumn(),
        r.getEntireColumn(),
        r.getEntireRow(),
        r.getIntersection("C1:C3"),
        r.getBoundingRect("F9"),
        r.getColumnsAfter(2),
        r.getRowsAbove(),
      ].map((x) => x.load("address"));
      await context.sync();
      expect(list.map((x) => x.address)).toEqual([
        "Invoices!D3",
        "Invoices!B2:C6",
        "Invoices!C3:E6",
        "Invoices!B4:D4",
        "Invoices!C2:C5",
        "Invoices!B5:D5",
        "Invoices!D2:D5",
        "Invoices!B:D",
        "Invoices!2:5",
        "Invoices!C2:C3",
        "Invoices!B2:F9",
        "Invoices!E2:F5",
        "Invoices!B1:D1",
      ]);
    });
  });

  test("getIntersection without overlap fails; OrNullObject gives a null object", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Invoices").getRange("A1:B2");
      const n = r.getIntersectionOrNullObject("D4");
      await context.sync();
      expect(n.isNullObject).toBe(true);
    });
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Invoices").getRange("A1:B2").getIntersection("D4");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("used range (with and without formats), on empty sheets and OrNullObject", async () => {
    setup([...invoices, { name: "Empty", values: [] }]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      ws.getRange("F10").format.fill.color = "yellow";
      const all = ws.getUsedRange().load("address");
      const vals = ws.getUsedRange(true).load("address");
      const empty = context.workbook.worksheets.getItem("Empty").getUsedRange().load("address");
      const nul = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      await context.sync();
      expect(all.address).toBe("Invoices!A1:F10");
      expect(vals.address).toBe("Invoices!A1:C5");
      expect(empty.address).toBe("Empty!A1");
      expect(nul.isNullObject).toBe(true);
    });
  });

  test("getSurroundingRegion stops at blank rows", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem("Invoices")
        .getRange("B2")
        .getSurroundingRegion()
        .load("address");
      await context.sync();
      expect(r.address).toBe("Invoices!A1:C3");
    });
  });

  test("values/formulas/numberFormat: wrong shape is InvalidArgument; scalar only for one cell", async () => {
    setup(invoices);
    for (const write of [
      (r: Excel.Range) => (r.values = [[1, 2]]),
      (r: Excel.Range) => (r.values = [[1], [2], [3]]),
      (r: Excel.Range) => (r.values = 5 as never),
      (r: Excel.Range) => (r.formulas = [["=1"]]),
      (r: Excel.Range) => (r.numberFormat = [["0"], ["0"]]),
    ]) {
      const err = await rejection(
        Excel.run(async (context) => {
          write(context.workbook.worksheets.getItem("Invoices").getRange("A1:B2"));
          await context.sync();
        }),
      );
      expect(err.code).toBe("InvalidArgument");
    }
    await Excel.run(async (context) => {
      const one = context.workbook.worksheets.getItem("Invoices").getRange("E1");
      one.values = 7 as never;
      one.load("values");
      await context.sync();
      expect(one.values).toEqual([[7]]);
    });
  });

  test("writing values: formulas, number/boolean coercion, null leaves cells unchanged, '@' keeps text", async () => {
    const wb = setup(invoices);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      ws.getRange("E1").numberFormat = [["@"]];
      await context.sync();
      ws.getRange("D1:D5").values = [["=B2*2"], ["123"], ["true"], [null], ["-4.5"]];
      ws.getRange("E1").values = [["007"]];
      const r = ws.getRange("D1:E5").load("values, formulas, valueTypes");
      await context.sync();
      expect(r.formulas.map((x) => x[0])).toEqual(["=B2*2", 123, true, "", -4.5]);
      // A formula cell reads as its computed value, as in Excel (B2 is 1200.5 in this sheet).
      expect(r.values[0]).toEqual([2401, "007"]);
      expect(r.valueTypes.map((x) => x[0])).toEqual(["Double", "Double", "Boolean", "Empty", "Double"]);
    });
    expect(wb.getFormulas("Invoices")[0][3]).toBe("=B2*2");
  });

  test("formula values come from the registered evaluator", async () => {
    const wb = setup(invoices);
    wb.setFormulaEvaluator((formula, where) =>
      formula === "=B2*2" ? `${where.sheet}!${where.row},${where.col}` : null,
    );
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Invoices").getRange("D1");
      r.formulas = [["=B2*2"]];
      r.load("values");
      await context.sync();
      expect(r.values).toEqual([["Invoices!0,3"]]);
    });
  });

  test("text renders number formats", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      const r = ws.getRange("B2:C2");
      r.numberFormat = [["$#,##0.00", "yyyy-mm-dd"]];
      r.load("text, numberFormat");
      await context.sync();
      expect(r.text).toEqual([["$1,200.50", "2025-01-15"]]);
      expect(r.numberFormat).toEqual([["$#,##0.00", "yyyy-mm-dd"]]);
    });
  });

  test("format: fill, font, column width, hidden, clear(Formats) and clear(Contents)", async () => {
    const wb = setup(invoices);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      const head = ws.getRange("A1:C1");
      head.format.fill.color = "#dde";
      head.format.font.bold = true;
      head.format.font.color = "#112233";
      ws.getRange("A:A").format.columnWidth = 120;
      ws.getRange("C:C").columnHidden = true;
      ws.getRange("A1:C1").format.autofitColumns();
      const mixed = ws.getRange("A1:A2").load("format/fill/color");
      const same = ws.getRange("A1:C1").load("format/fill/color, format/font/bold");
      await context.sync();
      expect(mixed.format.fill.color).toBeNull();
      expect(same.format.fill.color).toBe("#DDDDEE");
      expect(same.format.font.bold).toBe(true);
      expect(wb.view.columnWidth("Invoices", 0)).toBe(120);
      expect(wb.view.columnWidth("Invoices", 2)).toBe(0);
      ws.getRange("A1:B1").clear("Formats");
      ws.getRange("C1").clear("Contents");
      await context.sync();
    });
    expect(wb.view.cell("Invoices", 0, 0)).toEqual({ text: "Customer", align: "left" });
    expect(wb.view.cell("Invoices", 0, 2)).toMatchObject({ text: "", fill: "#DDDDEE", bold: true });
  });

  test("bad colours fail with InvalidArgument", async () => {
    setup(invoices);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Invoices").getRange("A1").format.fill.color = "not-a-colour";
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });

  test("insert(Right)/delete(Up) shift cells", async () => {
    const wb = setup(invoices);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      ws.getRange("B:B").insert("Right");
      ws.getRange("A4:D4").delete("Up");
      await context.sync();
    });
    const v = wb.getValues("Invoices");
    expect(v[0]).toEqual(["Customer", "", "Amount", "Due"]);
    expect(v[3]).toEqual(["Gamma", "", 50, 45710]);
    expect(v.length).toBe(4);
  });

  test("merge/unmerge and getMergedAreasOrNullObject", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      ws.getRange("E1:F2").merge();
      const m = ws.getRange("E1").getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(m.address).toBe("Invoices!E1:F2");
      ws.getRange("E1:F2").unmerge();
      const n = ws.getRange("E1").getMergedAreasOrNullObject();
      await context.sync();
      expect(n.isNullObject).toBe(true);
    });
  });

  test("select, getSelectedRange, getActiveCell, activate", async () => {
    const wb = setup([...invoices, { name: "Two", values: [[1]] }]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Invoices").getRange("B2:C3").select();
      const sel = context.workbook.getSelectedRange().load("address");
      const cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      expect(sel.address).toBe("Invoices!B2:C3");
      expect(cell.address).toBe("Invoices!B2");
      context.workbook.worksheets.getItem("Two").activate();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("Two");
    });
    expect(wb.view.activeSheetName()).toBe("Two");
  });

  test("range.worksheet navigation loads the sheet's name", async () => {
    setup(invoices);
    await Excel.run(async (context) => {
      const r = context.workbook.getSelectedRange().load("worksheet/name");
      await context.sync();
      expect(r.worksheet.name).toBe("Invoices");
    });
  });

  test("worksheets: add, rename, position, visibility incl. VeryHidden, delete", async () => {
    const wb = setup(invoices);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const s = sheets.add("History");
      const auto = sheets.add();
      s.load("name, id, position");
      auto.load("name");
      await context.sync();
      expect(s.name).toBe("History");
      expect(s.position).toBe(1);
      expect(auto.name).toBe("Sheet1");
      expect(typeof s.id).toBe("string");
      s.visibility = Excel.SheetVisibility.veryHidden;
      auto.name = "Renamed";
      auto.position = 0;
      await context.sync();
    });
    expect(wb.sheetNames()).toEqual(["Renamed", "Invoices", "History"]);
    expect(wb.view.sheetNames()).toEqual(["Renamed", "Invoices"]);
    expect(wb.getVisibility("History")).toBe("VeryHidden");
    const dup = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.add("history");
        await context.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Renamed").delete();
      await context.sync();
    });
    expect(wb.sheetNames()).toEqual(["Invoices", "History"]);
    const last = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Invoices").delete();
        await context.sync();
      }),
    );
    expect(last.code).toBe("InvalidOperation");
  });

  test("protected sheet: writes fail with AccessDenied, reads work, protection.protected is readable", async () => {
    const wb = setup(invoices);
    wb.setSheetProtected("Invoices");
    const before = wb.snapshot("Invoices");
    for (const write of [
      (ws: Excel.Worksheet) => (ws.getRange("A1").values = [["x"]]),
      (ws: Excel.Worksheet) => (ws.getRange("A1").format.fill.color = "red"),
      (ws: Excel.Worksheet) => ws.getRange("A1").conditionalFormats.add(Excel.ConditionalFormatType.custom),
      (ws: Excel.Worksheet) => ws.tables.add("A1:C3", true),
      (ws: Excel.Worksheet) => ws.getRange("A1:A2").clear(),
    ]) {
      const err = await rejection(
        Excel.run(async (context) => {
          write(context.workbook.worksheets.getItem("Invoices"));
          await context.sync();
        }),
      );
      expect(err.code).toBe("AccessDenied");
    }
    expect(wb.snapshot("Invoices")).toEqual(before);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Invoices");
      ws.load("protection/protected");
      const r = ws.getRange("A1").load("values");
      await context.sync();
      expect(ws.protection.protected).toBe(true);
      expect(r.values).toEqual([["Customer"]]);
    });
  });
});

describe("whole row/column formats", () => {
  test("apply to cells written later and can be cleared", async () => {
    const wb = setup([{ name: "S", values: [["a"]] }]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("B:B").format.fill.color = "#00FF00";
      ws.getRange("3:3").format.font.italic = true;
      ws.getRange("B500").values = [["later"]];
      await context.sync();
    });
    expect(wb.view.cell("S", 499, 1)).toMatchObject({ text: "later", fill: "#00FF00" });
    expect(wb.view.cell("S", 2, 7).italic).toBe(true);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("B:B").clear(Excel.ClearApplyTo.formats);
      await context.sync();
    });
    expect(wb.view.cell("S", 499, 1).fill).toBeUndefined();
  });
});
