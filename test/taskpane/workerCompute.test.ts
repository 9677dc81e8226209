/**
 * The pane's scoring worker, run in-process: the real protocol handler (scoreWorkerProtocol.ts) behind a stand-in
 * Worker that copies every message with structuredClone — transferring the listed buffers, which detaches them on
 * the sending side as a real postMessage does — and delivers it on a later task.
 * The worker path must write exactly what the in-thread path writes and give the same view model; it falls back to
 * the in-thread path when the worker cannot start; Cancel terminates it; no message carries more than one slice.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import type { ColumnMapping } from "../../src/engine/sheet/types";
import { scoreActiveSheetWith, type DetectedMapping } from "../../src/excel/scoreActiveSheet";
import type { ScoreProgress } from "../../src/excel/scoreSheet";
import { englishSample, largeSample, type SheetData } from "../../src/playground/samples";
import { RESULT_ROWS_PER_MESSAGE, SOURCE_ROWS_PER_MESSAGE } from "../../src/taskpane/scoreWorkerProtocol";
import { paneCompute, workerCompute } from "../../src/taskpane/workerCompute";
import { packRows, unpackRows } from "../../src/taskpane/packedRows";
import { createScoreWorkerHandler, type FromWorker } from "../../src/taskpane/scoreWorkerProtocol";
import type { ComputeInput } from "../../src/excel/computeScore";
import { rowByteSizes } from "../../src/excel/writePlan";
import { installSimulator, SimWorkbook } from "../../src/workbook";
import { fakeWorker, traffic } from "./fakeWorker";

const AS_OF = 46354;

function load(sheets: SheetData[]): SimWorkbook {
  const wb = new SimWorkbook();
  wb.loadWorkbook(
    sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats ?? [] })),
  );
  installSimulator(wb, globalThis);
  return wb;
}

async function detectedMapping(sheets: SheetData[]): Promise<ColumnMapping> {
  load(sheets);
  const first = await scoreActiveSheetWith({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" }, paneCompute);
  if (first.status !== "needsMapping") throw new Error(first.status);
  return (first.detected as DetectedMapping).mapping;
}

jest.setTimeout(60_000);

test("the worker writes what the in-thread step writes and returns the same view model", async () => {
  const sheets = englishSample();
  const mapping = await detectedMapping(sheets);
  const options = { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" as const, mapping };

  const here = load(sheets);
  const inThread = await scoreActiveSheetWith(options, paneCompute);

  const t = traffic();
  const there = load(sheets);
  const progress: ScoreProgress[] = [];
  const inWorker = await scoreActiveSheetWith(
    { ...options, onProgress: (p) => progress.push(p) },
    workerCompute(() => fakeWorker(t)),
  );

  expect(inWorker.status).toBe("done");
  expect(inThread.status).toBe("done");
  if (inWorker.status !== "done" || inThread.status !== "done") return;
  expect(inWorker.summary).toEqual(inThread.summary);
  for (const name of here.sheetNames())
    expect([name, there.getValues(name)]).toEqual([name, here.getValues(name)]);
  expect(there.sheetNames()).toEqual(here.sheetNames());
  expect(progress.filter((p) => p.phase === "compute").map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
  expect(t.terminated).toBe(1);
});

test("source rows go to the worker while the sheet is read; rows travel in slices, so no message is long to copy", async () => {
  const sheets = largeSample(60_000);
  const mapping = await detectedMapping(sheets);
  const wb = load(sheets);
  wb.resetStats();
  const t = traffic();
  const syncsAtPost: number[] = [];
  const res = await scoreActiveSheetWith(
    {
      policy: DEFAULT_POLICY,
      asOf: AS_OF,
      lang: "en",
      mapping,
      onProgress: (p) => p.phase === "read" && syncsAtPost.push(wb.stats().syncs),
    },
    workerCompute(() => {
      const w = fakeWorker(t);
      const post = w.postMessage.bind(w);
      w.postMessage = (m, transfer) => {
        if (m.type === "rows" || m.type === "start") syncsAtPost.push(-t.toWorker.length - 1);
        post(m, transfer);
      };
      return w;
    }),
  );
  expect(res.status).toBe("done");
  // Read chunks (3 of 22,222 rows × 9 columns) alternate with the rows messages: the first slices were on their way
  // before the last chunk was read.
  const firstRows = syncsAtPost.findIndex((x) => x < 0);
  const lastRead = syncsAtPost.length - 1 - [...syncsAtPost].reverse().findIndex((x) => x >= 0);
  expect(firstRows).toBeGreaterThan(0);
  expect(firstRows).toBeLessThan(lastRead);
  // `begin` comes first: the worker reads the invoices of each slice as it arrives, with the run's mapping.
  const first = t.toWorker[0];
  expect(first?.type).toBe("begin");
  expect(first?.type === "begin" && first.table).toMatchObject({
    mapping,
    sheetName: "Invoices",
    rowOffset: 0,
  });
  const sent = t.toWorker
    .filter((m) => m.type === "rows")
    .map((m) => (m.type === "rows" ? m.packed.rowCount : 0));
  expect(sent.reduce((a, b) => a + b, 0)).toBe(60_001);
  expect(Math.max(...sent)).toBe(SOURCE_ROWS_PER_MESSAGE);
  const start = t.toWorker.find((m) => m.type === "start");
  expect(start?.type === "start" && start.input.source.values).toEqual([]);
  const back = t.fromWorker.filter((m) => m.type === "rows");
  const counts = back.map((m) => (m.type === "rows" ? m.packed.rowCount : 0));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(60_000);
  expect(Math.max(...counts)).toBe(RESULT_ROWS_PER_MESSAGE);
  // The sizes measured in the worker are exactly the writer's own (JSON of each row, plus its separator).
  for (const m of back.slice(0, 2)) {
    if (m.type !== "rows") continue;
    const rows: unknown[][] = [];
    unpackRows(m.packed, (row) => rows.push(row));
    expect(Array.from(m.rowBytes)).toEqual(rowByteSizes(rows));
  }
  const outcome = t.fromWorker.find((m) => m.type === "outcome");
  expect(
    outcome?.type === "outcome" &&
      outcome.outcome.status === "plan" &&
      outcome.outcome.plan.columns.every((c) => c.values.length === 0),
  ).toBe(true);
});

test("a worker that cannot start (CSP, old webview) leaves the step to the pane's thread", async () => {
  const sheets = englishSample();
  const mapping = await detectedMapping(sheets);
  load(sheets);
  const t = traffic();
  const res = await scoreActiveSheetWith(
    { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping },
    workerCompute(() => fakeWorker(t, true)),
  );
  expect(res.status).toBe("done");
  expect(t.fromWorker).toEqual([]);
  const thrown = await scoreActiveSheetWith(
    { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping },
    workerCompute(() => {
      throw new Error("Worker is not defined");
    }),
  );
  expect(thrown.status).toBe("done");
});

test("Cancel while the worker computes terminates it and writes nothing", async () => {
  const sheets = largeSample(30_000);
  const mapping = await detectedMapping(sheets);
  const wb = load(sheets);
  const before = wb.getValues("Invoices");
  const ac = new AbortController();
  const t = traffic();
  const res = await scoreActiveSheetWith(
    {
      policy: DEFAULT_POLICY,
      asOf: AS_OF,
      lang: "en",
      mapping,
      signal: ac.signal,
      onProgress: (p) => p.phase === "compute" && p.done === 1 && ac.abort(),
    },
    workerCompute(() => fakeWorker(t)),
  );
  expect(res.status).toBe("cancelled");
  expect(t.terminated).toBe(1);
  expect(wb.getValues("Invoices")).toEqual(before);
  expect(wb.sheetNames()).toEqual(sheets.map((s) => s.name));
});

test("a failure inside the worker is a failed run with its message, not a crash", async () => {
  const sheets = englishSample();
  const mapping = await detectedMapping(sheets);
  load(sheets);
  const res = await scoreActiveSheetWith(
    { policy: { ...DEFAULT_POLICY, aging: null } as never, asOf: AS_OF, lang: "en", mapping },
    workerCompute(() => fakeWorker(traffic())),
  );
  expect(res.status).toBe("failed");
});

test("the worker's own refusal reaches the pane in both languages", async () => {
  const sheets = englishSample();
  const mapping = await detectedMapping(sheets);
  load(sheets);
  const res = await scoreActiveSheetWith(
    { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping },
    workerCompute(() => {
      // A pane that told the worker another placement than the run's: the worker must refuse, not score.
      const w = fakeWorker(traffic());
      const post = w.postMessage.bind(w);
      w.postMessage = (m, transfer) =>
        post(m.type === "begin" ? { ...m, table: { ...m.table, columnOffset: 1 } } : m, transfer);
      return w;
    }),
  );
  expect(res).toMatchObject({
    status: "failed",
    code: "Engine",
    message: {
      en: expect.stringMatching(
        /^The sheet could not be scored: the scoring worker read the sheet with other/,
      ),
      zh: expect.stringMatching(/^无法对此工作表评分：评分工作线程读取工作表所用的设置/),
    },
  });
});

test("without a mapping the worker detects the columns as the pane's thread does (needsMapping)", async () => {
  const sheets = englishSample();
  load(sheets);
  const inThread = await scoreActiveSheetWith(
    { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" },
    paneCompute,
  );
  load(sheets);
  const inWorker = await scoreActiveSheetWith(
    { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" },
    workerCompute(() => fakeWorker(traffic())),
  );
  expect(inThread.status).toBe("needsMapping");
  expect(inWorker).toEqual(inThread);
});

test("the worker refuses a run whose input would read the source otherwise than the rows were read", () => {
  const posted: FromWorker[] = [];
  const handle = createScoreWorkerHandler((m) => posted.push(m));
  const [invoices] = englishSample();
  handle({
    type: "begin",
    table: { policy: DEFAULT_POLICY, sheetName: "Invoices", rowOffset: 0, columnOffset: 0 },
  });
  handle({ type: "rows", packed: packRows(invoices.values, 0, invoices.values.length) });
  const input: ComputeInput = {
    source: { sheetName: "Invoices", rowIndex: 0, columnIndex: 3, values: [] },
    customers: null,
    rates: null,
    history: [],
    mapping: undefined,
    policy: DEFAULT_POLICY,
    asOf: AS_OF,
    lang: "en",
    runDate: AS_OF,
  };
  handle({ type: "start", input });
  handle({ type: "run" });
  expect(posted).toEqual([
    {
      type: "failed",
      message: expect.stringMatching(/other settings than this run's/),
      zh: expect.stringMatching(/设置与本次运行不同/),
    },
  ]);
  // The same input placed where the rows were read: the run goes through.
  posted.length = 0;
  handle({
    type: "begin",
    table: { policy: DEFAULT_POLICY, sheetName: "Invoices", rowOffset: 0, columnOffset: 0 },
  });
  handle({ type: "rows", packed: packRows(invoices.values, 0, invoices.values.length) });
  handle({ type: "start", input: { ...input, source: { ...input.source, columnIndex: 0 } } });
  handle({ type: "run" });
  expect(posted.map((m) => m.type)).toContain("outcome");
  expect(posted.at(-1)?.type).toBe("done");
});
