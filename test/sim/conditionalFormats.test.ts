/**
 * Conditional formats follow their cells as in Excel: Range.clear(All/Formats) and clearAll remove rules from the
 * cleared cells (keeping the rest), inserting/deleting rows and columns moves, shrinks or drops rules and adjusts
 * their formulas; defined names and cell formulas follow inserts and deletes too.
 */
import { SimWorkbook, installSimulator } from "../../src/workbook";

function book(): SimWorkbook {
  const wb = new SimWorkbook();
  const values: unknown[][] = [["h", "n", "x"]];
  for (let i = 1; i <= 10; i++) values.push([`r${i}`, i, ""]);
  wb.loadWorkbook([{ name: "S", values }]);
  installSimulator(wb);
  return wb;
}

/** Adds a custom rule on `address` with `formula`; returns nothing (read back through getConditionalFormats). */
async function rule(address: string, formula: string): Promise<void> {
  await Excel.run(async (ctx) => {
    const cf = ctx.workbook.worksheets
      .getItem("S")
      .getRange(address)
      .conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = "#FF0000";
    await ctx.sync();
  });
}

async function act(fn: (s: Excel.Worksheet) => void): Promise<void> {
  await Excel.run(async (ctx) => {
    fn(ctx.workbook.worksheets.getItem("S"));
    await ctx.sync();
  });
}

/** Rows (1-based) of column A painted red. */
function painted(wb: SimWorkbook, col = 0): number[] {
  const rows: number[] = [];
  for (let r = 0; r < 12; r++) if (wb.view.cell("S", r, col).fill === "#FF0000") rows.push(r + 1);
  return rows;
}

describe("Range.clear and clearAll", () => {
  test.each(["All", "Formats"] as const)(
    "clear(%s) removes a rule wholly inside the range",
    async (applyTo) => {
      const wb = book();
      await rule("A2:A11", "=$B2>5");
      await act((s) => s.getRange("A1:C11").clear(applyTo));
      expect(wb.getConditionalFormats("S")).toEqual([]);
    },
  );

  test("clear(Contents) keeps the rules", async () => {
    const wb = book();
    await rule("A2:A11", "=$B2>5");
    await act((s) => s.getRange("A2:A11").clear("Contents"));
    expect(wb.getConditionalFormats("S")).toHaveLength(1);
  });

  test("clearing the top of a rule keeps the rest, its formula re-anchored to the same cells", async () => {
    const wb = book();
    await rule("A2:A11", "=$B2>5");
    expect(painted(wb)).toEqual([7, 8, 9, 10, 11]);
    await act((s) => s.getRange("A2:A3").clear("Formats"));
    const [cf] = wb.getConditionalFormats("S");
    expect(cf).toMatchObject({ address: "A4:A11", formula: "=$B4>5" });
    expect(painted(wb)).toEqual([7, 8, 9, 10, 11]);
  });

  test("clearing the middle splits the rule into two ranges (getRange throws, getRanges has both)", async () => {
    const wb = book();
    await rule("A2:A11", "=$B2>5");
    await act((s) => s.getRange("A6:A8").clear("All"));
    expect(wb.getConditionalFormats("S")[0]).toMatchObject({ address: "A2:A5,A9:A11" });
    expect(painted(wb)).toEqual([9, 10, 11]);
    await Excel.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("S").getRange("A:A").conditionalFormats;
      cfs.load("items");
      await ctx.sync();
      const areas = cfs.items[0]!.getRanges().load("address,areaCount");
      const single = cfs.items[0]!.getRangeOrNullObject().load("address");
      await ctx.sync();
      expect([areas.address, areas.areaCount, single.isNullObject]).toEqual(["S!A2:A5, S!A9:A11", 2, true]);
    });
  });

  test("clearAll on part of a rule trims it like Clear Rules from Selected Cells", async () => {
    const wb = book();
    await rule("A2:C11", "=$B2>5");
    await act((s) => s.getRange("C:C").conditionalFormats.clearAll());
    expect(wb.getConditionalFormats("S")[0]).toMatchObject({ address: "A2:B11" });
  });
});

describe("insert and delete", () => {
  test("deleting every column of a rule removes it", async () => {
    const wb = book();
    await rule("C2:C11", "=$B2>5");
    await act((s) => s.getRange("C:C").delete("Left"));
    expect(wb.getConditionalFormats("S")).toEqual([]);
  });

  test("inserting a column before a rule moves it and shifts the references in its formula", async () => {
    const wb = book();
    await rule("C2:C11", "=$B2>5");
    await act((s) => s.getRange("B:B").insert("Right"));
    expect(wb.getConditionalFormats("S")[0]).toMatchObject({ address: "D2:D11", formula: "=$C2>5" });
    expect(painted(wb, 3)).toEqual([7, 8, 9, 10, 11]);
  });

  test("deleting rows inside a rule shrinks it; deleting its top row re-anchors it", async () => {
    const wb = book();
    await rule("A2:A11", "=$B2>5");
    await act((s) => s.getRange("4:5").delete("Up"));
    expect(wb.getConditionalFormats("S")[0]).toMatchObject({ address: "A2:A9", formula: "=$B2>5" });
    await act((s) => s.getRange("2:2").delete("Up"));
    expect(wb.getConditionalFormats("S")[0]).toMatchObject({ address: "A2:A8", formula: "=$B2>5" });
    // Rows 7..11 held 6..10 before the deletions (rows 4, 5 and 2 removed): values > 5 are now in rows 4..8.
    expect(painted(wb)).toEqual([4, 5, 6, 7, 8]);
  });

  test("defined names and cell formulas follow inserted and deleted columns", async () => {
    const wb = book();
    await act((s) => {
      s.getRange("E1").formulas = [["=SUM(B2:B11)+C2"]];
      s.getRange("F1").formulas = [["=C2"]];
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add("Out", ctx.workbook.worksheets.getItem("S").getRange("C2:C11"));
      await ctx.sync();
    });
    await act((s) => s.getRange("B:B").insert("Right"));
    expect(wb.getFormulas("S")[0]!.slice(5, 7)).toEqual(["=SUM(C2:C11)+D2", "=D2"]);
    expect(wb.getNames()[0]).toMatchObject({ name: "Out", formula: "=S!$D$2:$D$11" });
    await act((s) => s.getRange("D:D").delete("Left"));
    expect(wb.getFormulas("S")[0]!.slice(4, 6)).toEqual(["=SUM(C2:C11)+#REF!", "=#REF!"]);
    expect(wb.getNames()[0]!.formula).toBe("=#REF!");
  });
});
