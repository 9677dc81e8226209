/**
 * "Clear results is offered whenever any of our output exists, including after a reload" (issue #11, spec §4 v2):
 * the pane asks the workbook (findResults), never its own memory.
 */
import { clearResults, findResults } from "../../src/excel/clearResults";
import { runScore } from "../../src/excel/scoreSheet";
import { baseOptions, invoiceRows, setup, testCompute } from "./helpers";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

test("none before a run and after Clear; the scored sheet after a run, from any sheet", async () => {
  const wb = setup(invoiceRows(10));
  expect(await findResults()).toBeNull();
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  const scored = { sheetId: wb.model.sheet("Invoices")!.id, sheetName: "Invoices" };
  expect(await findResults()).toEqual(scored);
  // Looking at the summary (our own sheet), Clear still means the scored sheet's results.
  wb.select("Credit Risk Summary", "A1");
  expect(await findResults()).toEqual(scored);
  expect((await clearResults({ sheet: scored.sheetId })).status).toBe("cleared");
  expect(await findResults()).toBeNull();
});

test("a cancelled first run leaves nothing to clear; a cancelled re-run keeps the previous results to clear", async () => {
  const wb = setup(invoiceRows(10));
  const ac = new AbortController();
  const cancelInSummary = {
    ...baseOptions,
    signal: ac.signal,
    onProgress: (p: { phase: string }) => (p.phase === "summary" ? ac.abort() : undefined),
  };
  expect((await runScore(cancelInSummary, testCompute)).status).toBe("cancelled");
  expect(await findResults()).toBeNull();
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  const again = new AbortController();
  const res = await runScore(
    {
      ...baseOptions,
      signal: again.signal,
      onProgress: (p) => (p.phase === "summary" ? again.abort() : undefined),
    },
    testCompute,
  );
  expect(res.status).toBe("cancelled");
  expect(await findResults()).toEqual({ sheetId: wb.model.sheet("Invoices")!.id, sheetName: "Invoices" });
});

test("the run record lost (settings reset): our output name still shows results, and Clear removes them", async () => {
  const wb = setup(invoiceRows(10));
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  wb.settings.delete("crt.runs");
  const target = await findResults();
  expect(target?.sheetName).toBe("Invoices");
  expect((await clearResults({ sheet: target!.sheetId })).status).toBe("cleared");
  expect(wb.getValues("Invoices")[0]).toEqual(["Customer", "Amount", "Due Date", "Note"]);
});
