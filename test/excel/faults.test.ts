/**
 * Fault injection and cancel: a sync fails at each step of a run, or the run is cancelled in each phase → the workbook
 * is exactly as before the run (our previous output included), or the run completed.
 */
import { clearResults } from "../../src/excel/clearResults";
import { runScore } from "../../src/excel/scoreSheet";
import { baseOptions, invoiceRows, setup, testCompute, workbookState } from "./helpers";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

type Snap = { cells: Record<string, unknown> };
const OUR_HEADERS = ["Open Balance", "Days Past Due", "Aging Bucket", "Breaches"];

function outputState(wb: ReturnType<typeof setup>): "complete" | "none" | "partial" {
  const header = wb.getValues("Invoices")[0].slice(4);
  const hasCols = OUR_HEADERS.every((h, i) => header[i] === h);
  const noCols = header.every((v) => v === "");
  const rules = wb.getConditionalFormats("Invoices").length;
  const summary = wb.sheetNames().includes("Credit Risk Summary");
  const names = wb.getNames().length;
  if (hasCols && rules === 6 && summary && names === 1) return "complete";
  if (noCols && rules === 0 && !summary && names === 0) return "none";
  return "partial";
}

describe.each([
  ["first run", false],
  ["re-run", true],
])("%s", (_label, rerun) => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])("sync %i fails", async (at) => {
    const wb = setup(invoiceRows(20));
    const original = wb.snapshot("Invoices") as Snap;
    if (rerun) await runScore(baseOptions, testCompute);
    // Spec §4 v2: a failed run leaves the workbook exactly as before the run — our previous output included.
    const before = workbookState(wb);
    wb.failSyncs({ at, code: "GeneralException" });
    const syncs0 = wb.stats().syncs;
    const res = await runScore(baseOptions, testCompute);
    const used = wb.stats().syncs - syncs0;
    const now = wb.snapshot("Invoices") as Snap;
    for (const [addr, cell] of Object.entries(original.cells)) expect(now.cells[addr]).toEqual(cell);
    if (res.status === "failed") {
      expect(res.message.en).toMatch(
        /restored to how it was before this run|Nothing in the workbook was changed/,
      );
      expect(res.message.zh).toMatch(/已恢复到本次运行之前的状态|工作簿未作任何更改/);
      expect(workbookState(wb)).toEqual(before);
    } else {
      expect(res.status).toBe("done");
      expect(outputState(wb)).toBe("complete");
    }
    if (used < at) {
      // The run needed fewer syncs than `at`: the fault is still pending and hits the next run, which must
      // fail cleanly too (its own rollback) before the one after works.
      const state = workbookState(wb);
      const hit = await runScore(baseOptions, testCompute);
      expect(hit.status).toBe("failed");
      expect(workbookState(wb)).toEqual(state);
    }
    // The next run works and leaves exactly one set of results.
    const again = await runScore(baseOptions, testCompute);
    expect(again.status).toBe("done");
    expect(outputState(wb)).toBe("complete");
    await clearResults({ includeHistory: true });
    expect(wb.snapshot("Invoices")).toEqual(original);
    expect(wb.sheetNames()).toEqual(["Invoices"]);
  });
});

describe.each([
  ["first run", false],
  ["re-run", true],
])("cancel, %s", (_label, rerun) => {
  test.each(["read", "compute", "write", "format", "summary"])(
    "a cancel while %s leaves the workbook exactly as before the run",
    async (phase) => {
      const wb = setup(invoiceRows(20));
      if (rerun) await runScore(baseOptions, testCompute);
      const before = workbookState(wb);
      const ac = new AbortController();
      const seen: string[] = [];
      const res = await runScore(
        {
          ...baseOptions,
          signal: ac.signal,
          onProgress: (p) => {
            seen.push(p.phase);
            if (p.phase === phase) ac.abort();
          },
        },
        testCompute,
      );
      expect(seen).toContain(phase);
      expect(res.status).toBe("cancelled");
      expect(workbookState(wb)).toEqual(before);
      // Nothing is left half-done: the next run completes.
      expect((await runScore(baseOptions, testCompute)).status).toBe("done");
      expect(outputState(wb)).toBe("complete");
    },
  );
});

test("protected sheet: AccessDenied mapped to a clear message, nothing written", async () => {
  const wb = setup(invoiceRows(5));
  wb.setSheetProtected("Invoices", true);
  const before = wb.snapshot("Invoices");
  const res = await runScore(baseOptions, testCompute);
  expect(res).toMatchObject({ status: "failed", code: "AccessDenied" });
  if (res.status === "failed") expect(res.message.en).toMatch(/protected/);
  expect(wb.snapshot("Invoices")).toEqual(before);
});

test("protected sheet: stopped in the check sync, names the sheet, no leftovers claimed, no run record", async () => {
  const wb = setup(invoiceRows(5));
  wb.setSheetProtected("Invoices", true);
  const syncs0 = wb.stats().syncs;
  const res = await runScore(baseOptions, testCompute);
  expect(res).toMatchObject({ status: "failed", code: "AccessDenied" });
  if (res.status !== "failed") return;
  expect(res.message.en).toMatch(/"Invoices" is protected.*Unprotect Sheet.*Nothing was written/);
  expect(res.message.zh).toMatch(/“Invoices”受保护.*未写入任何内容/);
  expect(res.message.en).not.toMatch(/partial results/i);
  // read (≤ 3) + check 1: nothing was attempted after the check.
  expect(wb.stats().syncs - syncs0).toBeLessThanOrEqual(4);
  expect(wb.settings.get("crt.runs") ?? null).toBeNull();
  wb.setSheetProtected("Invoices", false);
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
});

test("a re-run failing in its last sync (the commit) keeps the previous results and history exactly", async () => {
  const wb = setup(invoiceRows(20));
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  const syncs0 = wb.stats().syncs;
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  const last = wb.stats().syncs - syncs0; // syncs of a re-run; the last one commits
  const history = wb.getValues("CRT_History");
  expect(history.length).toBe(3);
  const before = workbookState(wb);
  wb.failSyncs({ at: last, code: "GeneralException" });
  const res = await runScore(baseOptions, testCompute);
  expect(res.status).toBe("failed");
  if (res.status === "failed") expect(res.message.en).toMatch(/restored to how it was before this run/);
  expect(workbookState(wb)).toEqual(before);
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  expect(wb.getValues("CRT_History").length).toBe(4);
});
