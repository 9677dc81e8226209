/**
 * The add-in's guarantees (spec score-sheet §4, §7) checked end to end with the real engine on the strict
 * simulator, for every golden workbook and for the English and Chinese samples:
 * - every original cell (value, formula, number format, fill, font) is identical after Score and after Clear;
 * - scoring twice equals scoring once (values, rules, summary, names, tables);
 * - after Clear the user's sheets are exactly as before and nothing we added remains except the hidden history
 *   sheet (and nothing at all with includeHistory);
 * - round trips do not grow with rows (1,000 vs 100,000 invoices differ only by the extra write and source-read
 *   chunks), no request exceeds 4 MB and no response exceeds Excel on the web's 5 MB limit.
 * (test/excel covers the same writer with a hand-made engine step; here it is the real pipeline and real data.)
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { clearResults } from "../../src/excel/clearResults";
import { scoreActiveSheet, type DetectedMapping } from "../../src/excel/scoreActiveSheet";
import { CF_MARKER } from "../../src/excel/writePlan";
import { HISTORY_SHEET } from "../../src/excel/runRecord";
import { sourceReadChunks } from "../../src/excel/readSource";
import { chineseSample, englishSample, largeSample } from "../../src/playground/samples";
import { installSimulator, SimWorkbook } from "../../src/workbook";
import { expectNoApiRefusals, profileOptions, track } from "../profile";
import {
  casePolicy,
  caseNames,
  loadInput,
  rulesOf,
  scoreCase,
  setupCase,
  stableNames,
  type GoldenInput,
} from "./harness";

expectNoApiRefusals();

jest.setTimeout(180_000);

/** The samples as golden-style inputs (as-of = the samples' own as-of date, 2026-11-28). */
const SAMPLE_AS_OF = 46354;
function sampleInput(
  name: string,
  sheets: { name: string; values: unknown[][]; numberFormats?: (string | null)[][] }[],
  lang: "en" | "zh",
): GoldenInput {
  return {
    description: name,
    options: { asOf: SAMPLE_AS_OF, asOfIso: "2026-11-28", lang },
    sheets: sheets.map((s) => ({
      name: s.name,
      values: s.values,
      ...(s.numberFormats ? { numberFormats: s.numberFormats } : {}),
    })),
  };
}

const INPUTS: [string, () => GoldenInput][] = [
  ...caseNames().map((n): [string, () => GoldenInput] => [n, () => loadInput(n)]),
  ["englishSample()", () => sampleInput("englishSample", englishSample(), "en")],
  ["chineseSample()", () => sampleInput("chineseSample", chineseSample(), "zh")],
];

interface SheetSnap {
  cells: Record<string, unknown>;
  merges: unknown;
  colStyles: unknown;
  rowStyles: unknown;
  hiddenRows: unknown;
  hiddenCols: unknown;
  conditionalFormats: { formula?: string }[];
}

const snap = (wb: SimWorkbook, sheet: string) => wb.snapshot(sheet) as SheetSnap;
const noIds = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === "id" ? undefined : x)));
const noPriority = (v: unknown) =>
  JSON.parse(JSON.stringify(v, (k, x) => (k === "priority" ? undefined : x)));
const ours = (cf: { formula?: string }) => (cf.formula ?? "").includes(CF_MARKER);

/** Everything a re-run must reproduce exactly. */
function state(wb: SimWorkbook, dataSheet: string, summary: string | undefined) {
  return {
    data: noIds(wb.snapshot(dataSheet)),
    summary: summary
      ? {
          values: wb.getValues(summary),
          formats: wb.getNumberFormats(summary),
          rules: rulesOf(wb, summary),
          charts: wb.getCharts(summary),
        }
      : null,
    names: stableNames(wb),
    sheets: wb.sheetNames(),
    tables: wb.getTables(),
  };
}

describe.each(INPUTS)("guarantees: %s", (_label, make) => {
  let input: GoldenInput;
  let wb: SimWorkbook;
  let userSheets: string[];
  let before: Record<string, SheetSnap>;
  let tablesBefore: ReturnType<SimWorkbook["getTables"]>;
  let dataSheet: string;

  beforeEach(async () => {
    input = make();
    wb = await setupCase(input);
    userSheets = wb.sheetNames();
    dataSheet = input.options.sheet ?? input.sheets[0]!.name;
    before = Object.fromEntries(userSheets.map((s) => [s, snap(wb, s)]));
    tablesBefore = wb.getTables();
  });

  test("every original cell is identical after Score and after Clear; Clear leaves only the history sheet", async () => {
    const { outcome } = await scoreCase(input.options);
    expect(outcome.status).toBe("done");
    for (const s of userSheets) {
      const after = snap(wb, s);
      const b = before[s]!;
      for (const [addr, cell] of Object.entries(b.cells))
        expect([s, addr, after.cells[addr]]).toEqual([s, addr, cell]);
      expect(after.merges).toEqual(b.merges);
      expect(after.hiddenRows).toEqual(b.hiddenRows);
      expect(after.hiddenCols).toEqual(b.hiddenCols);
      // The analyst's own rules are still there, unchanged and in the same order; ours carry the marker. (Excel
      // gives a newly added rule the top priority, so the user's priority numbers shift down by ours.)
      expect(noPriority(after.conditionalFormats.filter((cf) => !ours(cf)))).toEqual(
        noPriority(b.conditionalFormats),
      );
      if (s !== dataSheet) expect(after).toEqual(b);
    }
    // Only our sheets were added.
    expect(
      wb
        .sheetNames()
        .filter((s) => !userSheets.includes(s))
        .sort(),
    ).toEqual([HISTORY_SHEET, outcome.status === "done" ? outcome.summarySheet : ""].sort());

    const cleared = await clearResults();
    expect(cleared.status).toBe("cleared");
    for (const s of userSheets) expect(snap(wb, s)).toEqual(before[s]);
    expect(wb.getTables()).toEqual(tablesBefore);
    expect(wb.sheetNames()).toEqual([...userSheets, HISTORY_SHEET]);
    expect(wb.getVisibility(HISTORY_SHEET)).toBe("VeryHidden");
    expect(wb.getNames()).toEqual([]);
    for (const s of userSheets) expect(wb.getConditionalFormats(s).filter(ours)).toEqual([]);

    expect(await clearResults({ includeHistory: true })).toMatchObject({ status: "cleared" });
    expect(wb.sheetNames()).toEqual(userSheets);
    for (const s of userSheets) expect(snap(wb, s)).toEqual(before[s]);
    expect(await clearResults()).toEqual({ status: "nothing" });
  });

  test("scoring twice equals scoring once", async () => {
    const first = await scoreCase(input.options);
    expect(first.outcome.status).toBe("done");
    const summary = first.outcome.status === "done" ? first.outcome.summarySheet : undefined;
    const once = state(wb, dataSheet, summary);
    const historyRows = wb.getValues(HISTORY_SHEET).length;
    // Second run as the pane does it: the confirmed mapping is saved, no mapping passed.
    const second = await scoreActiveSheet({
      policy: casePolicy(input.options),
      asOf: input.options.asOf,
      lang: input.options.lang,
    });
    expect(second.status).toBe("done");
    if (second.status === "done" && first.outcome.status === "done") {
      expect(second.output).toEqual(first.outcome.output);
      expect(second.summarySheet).toBe(summary);
      // No customer moved between identical runs: nothing is "deteriorating".
      expect(second.summary.breaches.filter((b) => b.code === "DETERIORATING")).toEqual([]);
    }
    expect(state(wb, dataSheet, summary)).toEqual(once);
    // Monitoring appends one snapshot per customer per run.
    const customers = first.outcome.status === "done" ? first.outcome.summary.customers.length : 0;
    expect(wb.getValues(HISTORY_SHEET).length).toBe(historyRows + customers);
  });
});

/** Scores a largeSample workbook (detect, then confirm), returning the sync count and largest request. */
async function scoreLarge(rows: number) {
  // Excel on the web's limits: 5 MB per request and per response (the profile's ExcelApi level is kept).
  const wb = track(new SimWorkbook(profileOptions({ platform: "web" })));
  const sheets = largeSample(rows);
  wb.loadWorkbook(
    sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats ?? [] })),
  );
  installSimulator(wb, globalThis);
  const base = { policy: DEFAULT_POLICY, asOf: SAMPLE_AS_OF, lang: "en" as const };
  const first = await scoreActiveSheet(base);
  expect(first.status).toBe("needsMapping");
  const mapping = (first as { detected: DetectedMapping }).detected.mapping;
  wb.resetStats();
  const res = await scoreActiveSheet({ ...base, mapping });
  if (res.status !== "done") throw new Error(`large run ${res.status}`);
  // Source read chunks, from the block's shape (the invoice sheet's used range; the run's own columns excluded).
  const block = sheets[0]!.values;
  const readChunks = sourceReadChunks(block.length, Math.max(...block.map((r) => r.length)));
  return { wb, res, stats: wb.stats(), readChunks };
}

test("syncs for 1,000 rows equal syncs for 100,000 rows apart from the extra write and read chunks; no request above 4 MB, no response above 5 MB", async () => {
  const small = await scoreLarge(1000);
  const big = await scoreLarge(100_000);
  expect(small.res.chunks).toBe(1);
  expect(big.res.chunks).toBeGreaterThan(1);
  expect(small.readChunks).toBe(1);
  expect(big.readChunks).toBeGreaterThan(1);
  expect(big.stats.syncs - small.stats.syncs).toBe(
    big.res.chunks - small.res.chunks + (big.readChunks - small.readChunks),
  );
  // The 100,000-row sheet's values are ~9 MB of JSON: one read would be refused (ResponsePayloadSizeLimitExceeded).
  expect(big.wb.responsePayloadLimitBytes).toBe(5 * 1024 * 1024);
  expect(big.stats.responseBytes).toBeGreaterThan(5 * 1024 * 1024);
  expect(big.stats.maxResponseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  expect(big.stats.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  expect(small.stats.maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  // The big run really wrote every row (last data row has an open balance / aging value written).
  expect(big.res.output.dataRows).toBe(100_000);
  const last = big.wb.getValues("Invoices")[100_000]!;
  expect(last.length).toBeGreaterThan(9);
  expect(last.slice(9).some((v) => v !== "")).toBe(true);
});
