/** The writer against the strict simulator, driven by a hand-made engine step (see helpers.ts). */
import { clearResults } from "../../src/excel/clearResults";
import { runScore } from "../../src/excel/scoreSheet";
import { loadRun } from "../../src/excel/settings";
import { AS_OF, baseOptions, invoiceRows, setup, testCompute } from "./helpers";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

/** Snapshot without the conditional formats' ids (new rules get new ids). */
const noIds = (snap: unknown) => JSON.parse(JSON.stringify(snap, (k, v) => (k === "id" ? undefined : v)));
const score = (extra: Record<string, unknown> = {}) => runScore({ ...baseOptions, ...extra }, testCompute);

describe("score writes the right columns", () => {
  test("headers, values, formats, rules, summary, history, name", async () => {
    const wb = setup(invoiceRows(10));
    const res = await score();
    expect(res.status).toBe("done");
    const v = wb.getValues("Invoices");
    expect(v[0].slice(4)).toEqual(["Open Balance", "Days Past Due", "Aging Bucket", "Breaches"]);
    expect(v[1].slice(4)).toEqual([100, 0, "Current", ""]);
    expect(wb.getNumberFormats("Invoices")[1].slice(4, 6)).toEqual(["#,##0.00", "0"]);
    const cfs = wb.getConditionalFormats("Invoices");
    expect(cfs).toHaveLength(6);
    const breach = cfs.find((c) => c.formula?.includes("crt:breach"));
    expect(breach?.address.replace(/\$/g, "")).toMatch(/A2:H11$/);
    expect(breach?.formula).toBe('=AND(N("crt:breach")=0,LEN($H2)>0)');
    expect([...wb.sheetNames()].sort()).toEqual(["CRT_History", "Credit Risk Summary", "Invoices"]);
    expect(wb.getVisibility("CRT_History")).toBe("VeryHidden");
    // Echoed user text starting with "=" goes in with Excel's text prefix, which is not kept in the value — the
    // cell holds the text, never a formula.
    expect(wb.getValues("Credit Risk Summary")[9][0]).toBe("=Evil");
    expect(wb.model.sheet("Credit Risk Summary")!.hasFormula(9, 0)).toBe(false);
    expect(wb.getCharts("Credit Risk Summary")).toHaveLength(1);
    expect(wb.getNames().map((n) => n.name)).toEqual([expect.stringMatching(/^CRT_Output_/)]);
    expect(loadRun(wb.model.sheets[0].id)?.columns).toEqual([
      "openBalance",
      "daysPastDue",
      "agingBucket",
      "breaches",
    ]);
  });

  test("Chinese headers in zh", async () => {
    const wb = setup(invoiceRows(3));
    await score({ lang: "zh" });
    expect(wb.getValues("Invoices")[0].slice(4)).toEqual(["未收余额", "逾期天数", "账龄区间", "违规提示"]);
    expect(wb.sheetNames()).toContain("信用风险汇总");
  });
});

describe("the analyst's cells are sacred", () => {
  test("identical after Score and after Clear; Clear removes everything and is idempotent", async () => {
    const wb = setup(invoiceRows(40));
    const before = wb.snapshot("Invoices") as { cells: Record<string, unknown> };
    await score();
    const after = wb.snapshot("Invoices") as { cells: Record<string, unknown> };
    for (const [addr, cell] of Object.entries(before.cells)) expect(after.cells[addr]).toEqual(cell);
    const cleared = await clearResults();
    expect(cleared.status).toBe("cleared");
    expect(wb.snapshot("Invoices")).toEqual(before);
    expect(wb.sheetNames()).toEqual(["Invoices", "CRT_History"]);
    expect(wb.getNames()).toEqual([]);
    expect(await clearResults()).toEqual({ status: "nothing" });
    await clearResults({ includeHistory: true });
    expect(wb.sheetNames()).toEqual(["Invoices"]);
  });

  test("user's own conditional formats survive Clear", async () => {
    const wb = setup(invoiceRows(5));
    await Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem("Invoices")
        .getRange("B2:B6")
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=$B2>500";
      cf.custom.format.fill.color = "#FF0000";
      await ctx.sync();
    });
    await score();
    await clearResults();
    const cfs = wb.getConditionalFormats("Invoices");
    expect(cfs).toHaveLength(1);
    expect(cfs[0].formula).toBe("=$B2>500");
  });
});

test("scoring twice equals scoring once", async () => {
  const wb = setup(invoiceRows(30));
  await score();
  const once = {
    inv: noIds(wb.snapshot("Invoices")),
    sum: wb.getValues("Credit Risk Summary"),
    names: wb.getNames(),
    sheets: wb.sheetNames(),
  };
  const second = await score();
  expect(second.status).toBe("done");
  expect(noIds(wb.snapshot("Invoices"))).toEqual(once.inv);
  expect(wb.getValues("Credit Risk Summary")).toEqual(once.sum);
  expect(wb.getNames()).toEqual(once.names);
  expect(wb.sheetNames()).toEqual(once.sheets);
  expect(wb.getValues("CRT_History")).toHaveLength(3); // header + one row per run
});

test("blocked when a cell right of the data is occupied", async () => {
  const wb = setup(invoiceRows(5));
  // A table as source, with the analyst's data right next to it.
  await Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Invoices");
    s.tables.add("A1:D6", true);
    s.getRange("F3:F4").values = [["keep"], ["me"]];
    s.getRange("B2").select();
    await ctx.sync();
  });
  const before = wb.snapshot("Invoices");
  const stats0 = wb.stats().syncs;
  const res = await score();
  expect(res).toMatchObject({ status: "blocked", cells: ["F3:F4"] });
  if (res.status === "blocked") expect(res.message.en).toContain("F3:F4 already contain data");
  expect(wb.snapshot("Invoices")).toEqual(before);
  expect(wb.sheetNames()).toEqual(["Invoices"]);
  expect(wb.stats().syncs - stats0).toBeLessThanOrEqual(5);
});

test("table source gets table columns; Clear deletes them", async () => {
  const wb = setup(invoiceRows(5));
  await Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Invoices");
    s.tables.add("A1:D6", true).name = "Inv";
    s.getRange("C3").select();
    await ctx.sync();
  });
  const res = await score();
  expect(res.status).toBe("done");
  const t = wb.getTables()[0];
  expect(t.columns).toEqual([
    "Customer",
    "Amount",
    "Due Date",
    "Note",
    "Open Balance",
    "Days Past Due",
    "Aging Bucket",
    "Breaches",
  ]);
  expect(wb.getValues("Invoices")[2].slice(4, 6)).toEqual([101, 1]);
  await score();
  expect(wb.getTables()[0].columns).toHaveLength(8);
  await clearResults();
  expect(wb.getTables()[0].columns).toEqual(["Customer", "Amount", "Due Date", "Note"]);
  expect(wb.getValues("Invoices")[0]).toHaveLength(4);
});

test("a column inserted between the data and our columns: re-run updates in place", async () => {
  const wb = setup(invoiceRows(8));
  await score();
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Invoices").getRange("E:E").insert(Excel.InsertShiftDirection.right);
    await ctx.sync();
  });
  const res = await score();
  expect(res.status).toBe("done");
  const v = wb.getValues("Invoices");
  expect(v[0]).toEqual([
    "Customer",
    "Amount",
    "Due Date",
    "Note",
    "",
    "Open Balance",
    "Days Past Due",
    "Aging Bucket",
    "Breaches",
  ]);
  expect(wb.getConditionalFormats("Invoices")).toHaveLength(6);
  await clearResults();
  expect(wb.getValues("Invoices")[0]).toEqual(["Customer", "Amount", "Due Date", "Note"]);
  expect(wb.getConditionalFormats("Invoices")).toHaveLength(0);
});

test("needsMapping / blocked outcomes of the engine step pass through, nothing written", async () => {
  const wb = setup(invoiceRows(3));
  const res = await runScore(baseOptions, () => ({ status: "needsMapping", detected: { x: 1 } }));
  expect(res).toEqual({ status: "needsMapping", detected: { x: 1 } });
  expect(wb.sheetNames()).toEqual(["Invoices"]);
  void AS_OF;
});
