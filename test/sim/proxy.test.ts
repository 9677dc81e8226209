import { SimError, SimWorkbook } from "../../src/workbook";
import { rejection, setup } from "./helpers";

const data = [
  {
    name: "Sheet1",
    values: [
      ["Name", "Amount"],
      ["A", 10],
      ["B", 20],
    ],
  },
  { name: "Other", values: [["x"]] },
];

describe("proxy semantics", () => {
  test("reading an unloaded property throws PropertyNotLoaded", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      let err: unknown;
      try {
        void r.values;
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SimError);
      expect(err).toMatchObject({ name: "RichApi.Error", code: "PropertyNotLoaded" });
      expect((err as SimError).debugInfo.code).toBe("PropertyNotLoaded");
    });
  });

  test("a loaded property cannot be read before sync, and can after", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      r.load("values, address, rowCount");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([
        ["Name", "Amount"],
        ["A", 10],
        ["B", 20],
      ]);
      expect(r.address).toBe("Sheet1!A1:B3");
      expect(r.rowCount).toBe(3);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("load forms: array, select object, nested object and slash paths", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1").load(["values", "columnIndex"]);
      const b = ws.getRange("B2").load({ select: "values,rowIndex" });
      const c = ws.getRange("B3").load({ values: true, format: { fill: { color: true } } } as never);
      const d = ws.getRange("A2").load("format/fill/color, format/font/bold");
      await context.sync();
      expect(a.values).toEqual([["Name"]]);
      expect(a.columnIndex).toBe(0);
      expect(b.values).toEqual([[10]]);
      expect(b.rowIndex).toBe(1);
      expect(c.format.fill.color).toBe("#FFFFFF");
      expect(d.format.font.bold).toBe(false);
      expect(() => d.format.font.italic).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(b.toJSON()).toEqual({ values: [[10]], rowIndex: 1 });
    });
  });

  test("queued writes are not visible before sync", async () => {
    const wb = setup(data);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C1").values = [["New"]];
      expect(wb.getValues("Sheet1")[0]).toEqual(["Name", "Amount"]);
      const check = ws.getRange("C1").load("values");
      await context.sync();
      expect(check.values).toEqual([["New"]]);
      expect(wb.getValues("Sheet1")[0]).toEqual(["Name", "Amount", "New"]);
    });
  });

  test("loads see the state at their position in the queue", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const before = ws.getRange("A2").load("values");
      ws.getRange("A2").values = [["Z"]];
      const after = context.workbook.worksheets.getItem("Sheet1").getRange("A2").load("values");
      await context.sync();
      expect(before.values).toEqual([["A"]]);
      expect(after.values).toEqual([["Z"]]);
    });
  });

  test("ItemNotFound surfaces at sync even if the proxy is never used", async () => {
    setup(data);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope");
        await context.sync();
      }),
    );
    expect(err).toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
  });

  test("getItemOrNullObject gives isNullObject after sync without load", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const there = context.workbook.worksheets.getItemOrNullObject("other");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      there.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe("Other");
    });
  });

  test("methods on a null object fail the sync with ItemNotFound", async () => {
    setup(data);
    const err = await rejection(
      Excel.run(async (context) => {
        const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
        await context.sync();
        missing.getRange("A1").values = [[1]];
        await context.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });

  test("operations before a failing one stay applied; later ones do not", async () => {
    const wb = setup(data);
    await rejection(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("D1").values = [["before"]];
        ws.getRange("E1:F1").values = [["bad shape"]];
        ws.getRange("G1").values = [["after"]];
        await context.sync();
      }),
    );
    const row = wb.getValues("Sheet1")[0];
    expect(row[3]).toBe("before");
    expect(row.length).toBe(4);
  });

  test("collections: load items/name, load('name') shortcut, getCount, getLast", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const sheets2 = context.workbook.worksheets.load("name, visibility");
      const count = sheets.getCount();
      const second = sheets.getLast().load("name");
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Other"]);
      expect(sheets2.items.map((s) => s.visibility)).toEqual(["Visible", "Visible"]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(count.value).toBe(2);
      expect(second.name).toBe("Other");
    });
  });

  test("a property set is reflected locally at once (as Office.js does)", async () => {
    setup(data);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["q"]];
      expect(r.values).toEqual([["q"]]);
    });
  });

  test("set({...}) assigns nested properties", async () => {
    const wb = setup(data);
    await Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1:B1")
        .set({ format: { fill: { color: "#ff0000" }, font: { bold: true } } });
      await context.sync();
    });
    expect(wb.view.cell("Sheet1", 0, 1)).toMatchObject({ fill: "#FF0000", bold: true });
  });

  test("context cannot be synced after Excel.run finished", async () => {
    setup(data);
    let saved: Excel.RequestContext | undefined;
    await Excel.run(async (context) => {
      saved = context;
    });
    const err = await rejection(saved!.sync());
    expect(err.code).toBe("InvalidObjectPath");
  });

  test("Excel.run flushes pending operations at the end", async () => {
    const wb = setup(data);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A4").values = [["tail"]];
    });
    expect(wb.getValues("Sheet1")[3][0]).toBe("tail");
  });
});

describe("sync and byte accounting", () => {
  test("counts non-empty syncs and request bytes of written arrays", async () => {
    const wb = setup(data);
    wb.resetStats();
    await Excel.run(async (context) => {
      await context.sync(); // empty: not a round trip
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A10:B10");
      r.values = [["x".repeat(1000), 1]];
      await context.sync();
      r.load("values");
      await context.sync();
    });
    const s = wb.stats();
    expect(s.syncs).toBe(2);
    expect(s.maxRequestBytes).toBeGreaterThan(1000);
    expect(s.requestBytes).toBeGreaterThan(s.maxRequestBytes);
    expect(s.responseBytes).toBeGreaterThan(1000);
    wb.resetStats();
    expect(wb.stats()).toEqual({
      syncs: 0,
      failedSyncs: 0,
      requestBytes: 0,
      maxRequestBytes: 0,
      responseBytes: 0,
      maxResponseBytes: 0,
    });
  });

  test("multi-byte text counts as UTF-8", async () => {
    const wb = setup(data);
    wb.resetStats();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A10").values = [["客".repeat(100)]];
      await context.sync();
    });
    expect(wb.stats().requestBytes).toBeGreaterThan(300);
  });

  test("an oversized request fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const wb = setup(data, { payloadLimitBytes: 10_000 });
    const before = wb.snapshot("Sheet1");
    const big = Array.from({ length: 500 }, (_, i) => [`row ${i} with some text`]);
    const err = await rejection(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["changed"]];
        ws.getRange("A1:A500").values = big;
        await context.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.snapshot("Sheet1")).toEqual(before);
    expect(wb.stats()).toMatchObject({ syncs: 1, failedSyncs: 1 });
  });

  test("an oversized response fails with ResponsePayloadSizeLimitExceeded and delivers nothing", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`row ${i} with some text`]);
    const wb = setup([{ name: "Sheet1", values: rows }], { responsePayloadLimitBytes: 8_000 });
    expect(wb.responsePayloadLimitBytes).toBe(8_000);
    // The 5 MB limits are Excel on the web's; desktop profiles have none unless a test sets one.
    expect(new SimWorkbook({ platform: "web" }).responsePayloadLimitBytes).toBe(5 * 1024 * 1024);
    expect(new SimWorkbook().responsePayloadLimitBytes).toBe(Infinity);
    let loaded: { values: unknown[][]; address: string } | null = null;
    const err = await rejection(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("B1").values = [["written"]];
        const r = ws.getRange("A1:A400").load("address,values");
        loaded = r;
        await context.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(err.name).toBe("RichApi.Error");
    // Nothing loaded was delivered; the write before it ran (the operations were executed).
    expect(() => loaded!.values).toThrow(/not available/);
    expect(() => loaded!.address).toThrow(/not available/);
    expect(wb.getValues("Sheet1")[0][1]).toBe("written");
    expect(wb.stats().syncs).toBe(1);
    expect(wb.stats().maxResponseBytes).toBeGreaterThan(8_000);
    // The same rows in two halves fit.
    const halves = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const out: unknown[][] = [];
      for (const a of ["A1:A200", "A201:A400"]) {
        const r = ws.getRange(a).load("values");
        await context.sync();
        out.push(...r.values);
      }
      return out;
    });
    expect(halves).toEqual(rows);
  });

  test("failSyncs injects a fault into the nth sync, which applies nothing", async () => {
    const wb = setup(data);
    wb.failSyncs({ at: 2, code: "GeneralException", message: "boom" });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["one"]];
      await context.sync();
      ws.getRange("A2").values = [["two"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException", message: "boom" });
      ws.getRange("A3").values = [["three"]];
      await context.sync();
    });
    expect(wb.getValues("Sheet1").map((r) => r[0])).toEqual(["one", "A", "three"]);
  });
});
