/** Round trips, request sizes, payload retry and cancellation on the simulator. */
import { DEFAULT_CHUNK_BYTES } from "../../src/excel/chunkWriter";
import { readSource, sourceReadChunks } from "../../src/excel/readSource";
import { runScore } from "../../src/excel/scoreSheet";
import { previewSource } from "../../src/excel/selection";
import { HEADER_SCAN_ROWS } from "../../src/engine/sheet/headers";
import { chunkEnd, rowByteSizes, safeCell } from "../../src/excel/writePlan";
import { baseOptions, invoiceRows, setup, testCompute } from "./helpers";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

/** Chunks the writer must use for a sheet of n rows (same sizing rule, computed independently of the run). */
function expectedChunks(n: number, maxBytes = DEFAULT_CHUNK_BYTES, maxCells = 1_000_000): number {
  const wb = setup(invoiceRows(n));
  void wb;
  const read = { source: { values: invoiceRows(n) } } as never;
  const res = testCompute(read, baseOptions as never);
  if (res.status !== "plan") throw new Error("plan expected");
  const cols = res.plan.columns;
  const rows = Array.from({ length: n }, (_, r) => cols.map((c) => c.values[r]));
  const fmt = cols.reduce(
    (b, c) => b + (c.numberFormat ? JSON.stringify([c.numberFormat]).length + 1 : 0),
    0,
  );
  const bytes = rowByteSizes(rows).map((b) => b + fmt);
  let chunks = 0;
  for (let s = 0; s < n; s = chunkEnd(bytes, s, cols.length, maxBytes, maxCells)) chunks++;
  return chunks;
}

jest.setTimeout(120_000);

test("syncs for 1,000 rows equal syncs for 100,000 rows apart from the extra write and read chunks; requests ≤ 4 MB", async () => {
  const small = setup(invoiceRows(1000));
  const r1 = await runScore(baseOptions, testCompute);
  const syncsSmall = small.stats().syncs;
  const big = setup(invoiceRows(100_000));
  const r2 = await runScore(baseOptions, testCompute);
  const syncsBig = big.stats().syncs;
  expect(r1.status).toBe("done");
  expect(r2.status).toBe("done");
  const c1 = expectedChunks(1000);
  const c2 = expectedChunks(100_000);
  expect(c1).toBe(1);
  expect(c2).toBeGreaterThan(1);
  if (r1.status === "done" && r2.status === "done") {
    expect(r1.chunks).toBe(c1);
    expect(r2.chunks).toBe(c2);
  }
  // Source read chunks: header + n rows × 4 columns, budgeted by cells (computed from the block's shape).
  const read1 = sourceReadChunks(1001, 4);
  const read2 = sourceReadChunks(100_001, 4);
  expect(read1).toBe(1);
  expect(read2).toBe(3);
  expect(syncsBig - syncsSmall).toBe(c2 - c1 + (read2 - read1));
  expect(big.stats().maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  expect(big.stats().maxResponseBytes).toBeLessThanOrEqual(3 * 1024 * 1024);
  expect(big.getValues("Invoices")[99_941][7]).toBe("SEVERELY_OVERDUE");
});

test("payload refusal: the chunk is retried in halves and the run completes", async () => {
  // The documented code (RequestPayloadSizeLimitExceeded) at an artificially small limit, on every platform.
  const wb = setup(invoiceRows(5000), {
    payloadLimitBytes: 60_000,
    oversizeRequestCode: "RequestPayloadSizeLimitExceeded",
  });
  const res = await runScore(baseOptions, testCompute);
  expect(res.status).toBe("done");
  if (res.status === "done") expect(res.chunks).toBeGreaterThan(expectedChunks(5000));
  expect(wb.stats().maxRequestBytes).toBeGreaterThan(60_000); // the refused attempts were counted
  expect(wb.getValues("Invoices")[5000][4]).toBe(100 + (4999 % 997));
});

test("response refusal: a source read chunk is retried with half the rows and the run completes", async () => {
  const n = 5000;
  const wb = setup(invoiceRows(n), { responsePayloadLimitBytes: 60_000 });
  const res = await runScore(baseOptions, testCompute);
  expect(res.status).toBe("done");
  expect(wb.stats().maxResponseBytes).toBeGreaterThan(60_000); // refused attempts were counted
  expect(wb.getValues("Invoices")[n][4]).toBe(100 + ((n - 1) % 997));
  expect(wb.getValues("Invoices")[n][5]).toBe((n - 1) % 130);
});

test("re-running a large sheet reads the previous output in chunks too: no response above the limit", async () => {
  // The previous output (kept so a cancelled re-run can restore it) was loaded whole with the first source chunk:
  // re-scoring a sheet whose output exceeds Excel on the web's 5 MB response limit failed every time.
  const n = 5000;
  const wb = setup(invoiceRows(n), { responsePayloadLimitBytes: 60_000 });
  expect((await runScore(baseOptions, testCompute)).status).toBe("done");
  const first = wb.getValues("Invoices");
  const again = await runScore({ ...baseOptions, asOf: baseOptions.asOf + 1 }, testCompute);
  if (again.status === "failed") throw new Error(JSON.stringify(again));
  expect(again.status).toBe("done");
  expect(wb.getValues("Invoices")[n][5]).toBe(((n - 1) % 130) + 1);
  expect(first[n][5]).toBe((n - 1) % 130);
  // A cancelled re-run still restores the previous output exactly (values and formats, read in chunks).
  const before = wb.snapshot("Invoices");
  const ac = new AbortController();
  const cancelled = await runScore(
    {
      ...baseOptions,
      asOf: baseOptions.asOf + 5,
      chunkCells: 4000,
      signal: ac.signal,
      onProgress: (p) => p.phase === "write" && p.done > 0 && ac.abort(),
    },
    testCompute,
  );
  expect(cancelled.status).toBe("cancelled");
  expect(wb.snapshot("Invoices")).toEqual(before);
});

test("a block within the cell budget is read in one sync; larger blocks in row chunks of floor(budget / columns)", async () => {
  const wb = setup(invoiceRows(999));
  const progress: [number, number][] = [];
  const read = await Excel.run((ctx) =>
    readSource(ctx, {}, { chunkCells: 1000, onProgress: (d, t) => progress.push([d, t]) }),
  );
  // 1,000 rows × 4 columns at 1,000 cells per chunk: 250 rows per chunk, metadata + 4 chunks (the extents sync is
  // empty here: no table, previous output, Customers or history sheet).
  expect(progress).toEqual([
    [250, 1000],
    [500, 1000],
    [750, 1000],
    [1000, 1000],
  ]);
  expect(read.source?.values).toEqual(wb.getValues("Invoices"));
  expect(wb.stats().syncs).toBe(1 + 4);
  wb.resetStats();
  const one = await Excel.run((ctx) => readSource(ctx, {}));
  expect(one.source?.values).toEqual(wb.getValues("Invoices"));
  expect(wb.stats().syncs).toBe(2);
});

test("cancel half way leaves the sheet as before (first run and re-run)", async () => {
  const wb = setup(invoiceRows(2000));
  const before = wb.snapshot("Invoices");
  const ac = new AbortController();
  const progress: number[] = [];
  const res = await runScore(
    {
      ...baseOptions,
      chunkCells: 400,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.phase === "write") progress.push(p.done);
        if (p.phase === "write" && p.done >= 1000) ac.abort();
      },
    },
    testCompute,
  );
  expect(res.status).toBe("cancelled");
  expect(progress.filter((d) => d > 0).length).toBeGreaterThan(1);
  expect(wb.snapshot("Invoices")).toEqual(before);
  expect(wb.sheetNames()).toEqual(["Invoices"]);
  expect(wb.getNames()).toEqual([]);

  // Re-run cancelled: the previous output comes back exactly.
  await runScore(baseOptions, testCompute);
  const scored = wb.snapshot("Invoices");
  const ac2 = new AbortController();
  const res2 = await runScore(
    {
      ...baseOptions,
      asOf: baseOptions.asOf + 40,
      chunkCells: 400,
      signal: ac2.signal,
      onProgress: (p) => p.phase === "write" && p.done > 0 && ac2.abort(),
    },
    testCompute,
  );
  expect(res2.status).toBe("cancelled");
  expect(wb.snapshot("Invoices")).toEqual(scored);
});

test("cancel while reading stops between read chunks: nothing more is read, nothing computed or written", async () => {
  const wb = setup(invoiceRows(60_000));
  const before = wb.snapshot("Invoices");
  wb.resetStats();
  const ac = new AbortController();
  let computed = 0;
  const reads: number[] = [];
  const res = await runScore(
    {
      ...baseOptions,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.phase === "read" && p.done > 0) {
          reads.push(p.done);
          ac.abort();
        }
      },
    },
    (read, options) => {
      computed++;
      return testCompute(read, options);
    },
  );
  expect(res.status).toBe("cancelled");
  expect(computed).toBe(0);
  // 60,001 rows × 4 columns are 2 read chunks of up to 200,000 cells; the run stopped after the first.
  expect(sourceReadChunks(60_001, 4)).toBe(2);
  expect(reads).toEqual([50_000]);
  expect(wb.stats().syncs).toBe(2); // metadata + the first chunk
  expect(wb.snapshot("Invoices")).toEqual(before);
});

test("cancel while an asynchronous engine step runs (a worker) returns cancelled before writing", async () => {
  const wb = setup(invoiceRows(1000));
  const before = wb.snapshot("Invoices");
  wb.resetStats();
  const ac = new AbortController();
  const res = await runScore({ ...baseOptions, signal: ac.signal }, async (read, options) => {
    ac.abort(); // the analyst presses Cancel while the worker computes
    return testCompute(read, options);
  });
  expect(res.status).toBe("cancelled");
  expect(wb.stats().syncs).toBe(2); // the reads only
  expect(wb.snapshot("Invoices")).toEqual(before);
  // A step that rejects because it was cancelled (the worker was terminated) is a cancel, not a failure.
  const ac2 = new AbortController();
  const res2 = await runScore({ ...baseOptions, signal: ac2.signal }, async () => {
    ac2.abort();
    throw new Error("worker terminated");
  });
  expect(res2.status).toBe("cancelled");
});

test("an engine step may hand over the rows ready to write, with their sizes", async () => {
  const wb = setup(invoiceRows(300));
  const res = await runScore(baseOptions, (read, options) => {
    const out = testCompute(read, options);
    if (out.status !== "plan") return out;
    // "Ready to write" means sanitised as the writer would (safeCell: texts like "1-30" keep Excel's text prefix).
    const rows = Array.from({ length: 300 }, (_, r) =>
      out.plan.columns.map((c) => safeCell(c.values[r] ?? "")),
    );
    const plan = { ...out.plan, columns: out.plan.columns.map((c) => ({ ...c, values: [] })) };
    return { ...out, plan, rows, rowBytes: rowByteSizes(rows) };
  });
  expect(res.status).toBe("done");
  const reference = setup(invoiceRows(300));
  await runScore(baseOptions, testCompute);
  expect(wb.getValues("Invoices")).toEqual(reference.getValues("Invoices"));
});

test("the pane's mapping preview reads only the header search rows, not the whole sheet", async () => {
  const wb = setup(invoiceRows(100_000));
  wb.resetStats();
  const read = await previewSource();
  expect(read.source!.values).toHaveLength(HEADER_SCAN_ROWS);
  expect(read.source!.values[0]).toEqual(invoiceRows(1)[0]);
  expect(read.customers).toBeNull();
  expect(read.previous).toBeNull();
  // One read sync after the metadata syncs, and a response the size of 20 rows, not 100,000.
  expect(wb.stats().maxResponseBytes).toBeLessThan(10_000);
});

describe("Excel on the web (5 MB per request, oversized requests reported as GeneralException)", () => {
  /** An engine step writing one 200-character text column: ~8 MB of request for 40,000 rows. */
  const wideCompute: typeof testCompute = (read, options) => {
    const base = testCompute(read, options);
    if (base.status !== "plan") return base;
    const data = read.source.values.slice(1);
    const note = {
      key: "note",
      header: { en: "Note", zh: "备注" },
      values: data.map((_, i) => `${i} ${"n".repeat(200)}`),
    };
    return { ...base, plan: { ...base.plan, columns: [...base.plan.columns, note], rules: [] } };
  };

  test("a chunk refused as GeneralException is retried smaller and the run completes", async () => {
    const wb = setup(invoiceRows(40_000), { platform: "web" });
    // Chunks sized above the web's limit on purpose: the first write request is refused.
    const res = await runScore({ ...baseOptions, chunkBytes: 8_000_000 }, wideCompute);
    expect(res.status).toBe("done");
    expect(wb.stats().failedSyncs).toBeGreaterThan(0);
    expect(wb.getValues("Invoices")[40_000][8]).toBe(`39999 ${"n".repeat(200)}`);
  });

  test("the default chunk sizes need no retry", async () => {
    const wb = setup(invoiceRows(40_000), { platform: "web" });
    const res = await runScore(baseOptions, wideCompute);
    expect(res.status).toBe("done");
    expect(wb.stats().failedSyncs).toBe(0);
    expect(wb.stats().maxRequestBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  test("a GeneralException on a small request is a real failure, not retried", async () => {
    const wb = setup(invoiceRows(50), { platform: "web" });
    wb.failSyncs({ at: 5, code: "GeneralException" }); // the data chunk (read 3 + check 1 + chunk 1)
    const res = await runScore(baseOptions, testCompute);
    expect(res).toMatchObject({ status: "failed", code: "GeneralException" });
  });
});
