import { setup } from "./helpers";

describe("performance sanity", () => {
  test("100,000 x 12 loaded, read and written in whole ranges", async () => {
    const rows = 100_000;
    const values = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: 12 }, (_, j) =>
        j === 0 ? `Customer ${i % 500}` : j === 1 ? 45000 + (i % 400) : i * j,
      ),
    );
    const wb = setup([{ name: "Big", values }], {
      payloadLimitBytes: 64 * 1024 * 1024,
      responsePayloadLimitBytes: 64 * 1024 * 1024,
    });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Big");
      const used = ws.getUsedRange(true).load("address, values");
      await context.sync();
      expect(used.address).toBe("Big!A1:L100000");
      expect(used.values[99_999][2]).toBe(99_999 * 2);
      const out = used.values.map((r) => [Number(r[2]) * 2]);
      ws.getRange(`M1:M${rows}`).values = out;
      ws.getRange(`M1:M${rows}`).numberFormat = out.map(() => ["#,##0"]);
      const cf = ws.getRange(`A1:M${rows}`).conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=$M1>1000";
      cf.custom.format.fill.color = "#FFC7CE";
      await context.sync();
    });
    expect(wb.view.usedSize("Big")).toEqual({ rowCount: rows, columnCount: 13 });
    expect(wb.view.cell("Big", 99_999, 12)).toMatchObject({ text: "399,996", fill: "#FFC7CE" });
    expect(wb.stats().maxRequestBytes).toBeGreaterThan(1_000_000);
  });
});
