/**
 * Faults (issue 6): a sync fails at EVERY step of Score (first run and re-run) and of Clear, with the codes Excel
 * really returns — RequestPayloadSizeLimitExceeded, AccessDenied, InvalidOperationInCellEditMode (the analyst is
 * editing a cell) and GeneralException — through the real engine (scoreActiveSheet), not a stand-in.
 * After each fault:
 * - the analyst's cells are identical (values, formulas, formats, styles, their own conditional format);
 * - our output is complete (exactly the cells, rules, summary and names of a clean run — or of the previous run)
 *   or fully removed (the sheet is exactly the analyst's, no summary sheet, no names);
 * - a failed run says what happened and what to do, in English and Chinese;
 * - the next run works, and Clear then restores the workbook exactly.
 * test/excel/faults.test.ts covers GeneralException with a hand-made engine step; this extends it.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { clearResults } from "../../src/excel/clearResults";
import { scoreActiveSheet } from "../../src/excel/scoreActiveSheet";
import type { ColumnMapping } from "../../src/engine/sheet/types";
import type { SimWorkbook } from "../../src/workbook";
import { AS_OF, HEADERS, invoiceRow } from "../fixtures/hostile/generate";
import {
  captureUserState,
  expectBilingual,
  expectUserCellsUnchanged,
  makeWorkbook,
  type Outcome,
  type UserState,
} from "../hostile/harness";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

jest.setTimeout(120_000);

const SHEET = "Invoices";
const MAPPING: ColumnMapping = {
  customer: 0,
  invoiceNo: 1,
  invoiceDate: 2,
  dueDate: 3,
  amount: 4,
  paid: 5,
  status: 6,
  currency: 7,
};

/** What each code's message must say: what happened, and what to do. */
const CODES: Record<string, { en: RegExp; zh: RegExp }> = {
  RequestPayloadSizeLimitExceeded: { en: /too large.*(try again|smaller)/i, zh: /过大/ },
  AccessDenied: { en: /protected.*unprotect/i, zh: /保护/ },
  InvalidOperationInCellEditMode: { en: /busy.*(enter|esc).*try again/i, zh: /正忙/ },
  GeneralException: { en: /internal error.*try again/i, zh: /内部错误/ },
};

const counts = { faultsInjected: 0, failedThenComplete: 0, failedThenRemoved: 0, doneAnyway: 0, failures: 0 };

async function build(): Promise<{ wb: SimWorkbook; original: UserState }> {
  const rows = [[...HEADERS], ...Array.from({ length: 40 }, (_, i) => invoiceRow(i, 9))];
  rows[5]![8] = "=E6*2"; // a formula of the analyst's own, next to the data
  const wb = makeWorkbook([
    {
      name: SHEET,
      values: rows,
      numberFormats: rows.map((r, i) => r.map((_, c) => (i > 0 && c === 3 ? "yyyy-mm-dd" : null))),
    },
  ]);
  // The analyst's own conditional format and styling: must survive everything.
  await Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem(SHEET);
    const cf = s.getRange("E2:E41").conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = "=E2>4000";
    cf.custom.format.fill.color = "#FFFF00";
    s.getRange("A1:H1").format.font.bold = true;
    await ctx.sync();
  });
  return { wb, original: captureUserState(wb) };
}

const score = (mapping?: ColumnMapping): Promise<Outcome> =>
  scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", ...(mapping ? { mapping } : {}) });

/** Our footprint, excluding the hidden history sheet (monitoring data, kept by design). */
function ours(wb: SimWorkbook) {
  const names = wb.sheetNames();
  return {
    values: wb.getValues(SHEET),
    formats: wb.getNumberFormats(SHEET),
    rules: wb.getConditionalFormats(SHEET).map(({ id: _id, ...r }) => r),
    summary: names.includes("Credit Risk Summary") ? wb.getValues("Credit Risk Summary") : null,
    charts: names.includes("Credit Risk Summary") ? wb.getCharts("Credit Risk Summary").length : 0,
    // Names carry the sheet id (different per workbook): compare their kind.
    names: wb.getNames().map((n) => n.name.replace(/^CRT_Output_.*$/, "CRT_Output_<sheet>")),
  };
}

/** A clean run's footprint and sync counts (first run, re-run, clear). */
async function reference() {
  const { wb } = await build();
  let s = wb.stats().syncs;
  expect((await score(MAPPING)).status).toBe("done");
  const firstSyncs = wb.stats().syncs - s;
  const complete = ours(wb);
  s = wb.stats().syncs;
  expect((await score()).status).toBe("done");
  const rerunSyncs = wb.stats().syncs - s;
  expect(ours(wb)).toEqual(complete);
  s = wb.stats().syncs;
  expect((await clearResults({ includeHistory: true })).status).toBe("cleared");
  const clearSyncs = wb.stats().syncs - s;
  return { complete, firstSyncs, rerunSyncs, clearSyncs };
}

type Ref = Awaited<ReturnType<typeof reference>>;

/** Complete or fully removed — nothing in between. */
function expectCompleteOrNone(wb: SimWorkbook, original: UserState, ref: Ref): "complete" | "none" {
  const now = ours(wb);
  if (JSON.stringify(now) === JSON.stringify(ref.complete)) return "complete";
  expect(now.summary).toBeNull();
  expect(now.names).toEqual([]);
  expect(wb.snapshot(SHEET)).toEqual(original.small.get(SHEET));
  return "none";
}

function expectMessage(res: Outcome, code: string): void {
  if (res.status !== "failed") throw new Error(`expected failed, got ${res.status}`);
  expect(res.code).toBe(code);
  expectBilingual(res.message, CODES[code]!.en, CODES[code]!.zh);
}

/** Next run works and Clear restores the workbook exactly. */
async function expectRecovers(wb: SimWorkbook, original: UserState, ref: Ref): Promise<void> {
  const next = await score(MAPPING);
  expect(next.status).toBe("done");
  expect(ours(wb)).toEqual(ref.complete);
  expect((await clearResults({ includeHistory: true })).status).toBe("cleared");
  expectUserCellsUnchanged(wb, original, true);
}

let ref: Ref;
beforeAll(async () => {
  ref = await reference();
  expect(ref.firstSyncs).toBeGreaterThanOrEqual(6);
});

afterAll(() => {
  const dir = path.resolve(__dirname, "../../test-results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "hostile-faults.json"), `${JSON.stringify(counts, null, 2)}\n`);
});

const CODE_LIST = Object.keys(CODES);

function tally(res: Outcome | { status: string }, state: "complete" | "none"): void {
  counts.faultsInjected++;
  if (res.status === "done" || res.status === "cleared") counts.doneAnyway++;
  else if (state === "complete") counts.failedThenComplete++;
  else counts.failedThenRemoved++;
}

/** Runs `fn` for every sync step 1..n, naming the step when one fails. */
async function everyStep(n: number, fn: (at: number) => Promise<void>): Promise<void> {
  expect(n).toBeGreaterThan(0);
  for (let at = 1; at <= n; at++) {
    try {
      await fn(at);
    } catch (e) {
      counts.failures++;
      throw new Error(`fault at sync ${at} of ${n}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * After a Score run that met a fault: the user's cells are intact, our output is complete (the run finished) or
 * fully removed (with a message naming the fault), and the next run works.
 */
async function expectScoreFaultHandled(
  wb: SimWorkbook,
  original: UserState,
  res: Outcome,
  code: string,
): Promise<void> {
  expectUserCellsUnchanged(wb, original, false);
  const state = expectCompleteOrNone(wb, original, ref);
  if (res.status === "done") expect(state).toBe("complete");
  else expectMessage(res, code);
  tally(res, state);
  await expectRecovers(wb, original, ref);
}

describe.each(CODE_LIST)("%s", (code) => {
  test("first run: a fault at every sync step", () =>
    everyStep(ref.firstSyncs, async (at) => {
      const { wb, original } = await build();
      wb.failSyncs({ at, code });
      const res = await score(MAPPING);
      await expectScoreFaultHandled(wb, original, res, code);
    }));

  test("re-run: a fault at every sync step", () =>
    everyStep(ref.rerunSyncs, async (at) => {
      const { wb, original } = await build();
      expect((await score(MAPPING)).status).toBe("done");
      wb.failSyncs({ at, code });
      const res = await score();
      await expectScoreFaultHandled(wb, original, res, code);
    }));

  test("clear: a fault at every sync step", () =>
    everyStep(ref.clearSyncs, async (at) => {
      const { wb, original } = await build();
      expect((await score(MAPPING)).status).toBe("done");
      wb.failSyncs({ at, code });
      const res = await clearResults({ includeHistory: true });
      expectUserCellsUnchanged(wb, original, false);
      const state = expectCompleteOrNone(wb, original, ref);
      if (res.status === "failed") {
        expect(res.code).toBe(code);
        expectBilingual(res.message, CODES[code]!.en, CODES[code]!.zh);
        expect(state).toBe("complete");
      } else expect(state).toBe("none");
      tally(res, state);
      const again = await clearResults({ includeHistory: true });
      expect(again.status).not.toBe("failed");
      expectUserCellsUnchanged(wb, original, true);
      await expectRecovers(wb, original, ref);
    }));
});

test("the sheet gets protected after a run: re-run and Clear fail clearly, previous results intact", async () => {
  const { wb, original } = await build();
  expect((await score(MAPPING)).status).toBe("done");
  wb.setSheetProtected(SHEET, true);
  const res = await score();
  expectMessage(res, "AccessDenied");
  expectUserCellsUnchanged(wb, original, false);
  expect(ours(wb)).toEqual(ref.complete);
  const cleared = await clearResults({ includeHistory: true });
  expect(cleared).toMatchObject({ status: "failed", code: "AccessDenied" });
  if (cleared.status === "failed") expectBilingual(cleared.message, /protected/i, /保护/);
  expect(ours(wb)).toEqual(ref.complete);
  wb.setSheetProtected(SHEET, false);
  await expectRecovers(wb, original, ref);
});

test("busy reported only in the message (no code) is still recognised as busy", async () => {
  const { wb, original } = await build();
  wb.failSyncs({ at: 2, code: "GeneralException", message: "The workbook is busy: a cell is in edit mode." });
  const res = await score(MAPPING);
  expect(res.status).toBe("failed");
  if (res.status === "failed") expectBilingual(res.message, /busy/i, /正忙/);
  expectUserCellsUnchanged(wb, original, true);
});

// FIXED failed-run-history (regression test; the rollback now deletes the appended rows): src/excel/scoreSheet.ts writeAll queues the history append (queueHistory) in the
// "rules, history" sync, BEFORE the summary sync. When the summary sync fails, the rollback
// (clearArtifacts(context, record, { extraSheetName })) removes columns, rules, names and the summary, but not the
// snapshot rows just appended to CRT_History — while the message says "The partial results were removed". The next
// run then computes trends / DETERIORATING against a run that never completed. Fix: append history in the last
// sync (with the summary), or on rollback delete the rows appended by this run (from read.history.values.length)
// and the history sheet when this run created it.
it("a failed run leaves no monitoring snapshot behind (history only records completed runs)", async () => {
  const { wb } = await build();
  // Fail the summary sync (the last one): the rules/history sync before it has already been applied.
  wb.failSyncs({ at: ref.firstSyncs, code: "GeneralException" });
  const res = await score(MAPPING);
  expect(res.status).toBe("failed");
  const history = wb.sheetNames().includes("CRT_History") ? wb.getValues("CRT_History").length - 1 : 0;
  expect(history).toBe(0);
});
