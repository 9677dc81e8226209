/**
 * The pane's engine step for "Score this sheet": the pure pipeline (src/excel/computeScore) plus the pane's view
 * model, run in a Web Worker when the host gives one (scoreWorkerProtocol.ts says why and how), else on this
 * thread. The result's summary is the pane's {@link PaneResult}.
 *
 * The UI thread only packs and unpacks data in slices (packedRows.ts: typed arrays transferred, not copied),
 * yielding to the event loop between them so the pane keeps painting and Cancel keeps working: source rows go out
 * in slices of SOURCE_ROWS_PER_MESSAGE, rows to write come back in slices, already sanitised and measured. Cancel terminates the worker. A worker that cannot start (an old
 * webview, a policy that forbids workers) makes the step run here instead, as before.
 */
import type { Policy } from "../engine/policy";
import type { ColumnMapping } from "../engine/sheet/types";
import { yieldToUi } from "../excel/chunkWriter";
import { computeScore } from "../excel/computeScore";
import { computeInput } from "../excel/scoreActiveSheet";
import type { Compute, ComputeOutcome } from "../excel/scoreSheet";
import type { OutCell } from "../excel/writePlan";
import { toPaneResult } from "./fromPipeline";
import { packRows, transferables, unpackRows } from "./packedRows";
import { SOURCE_ROWS_PER_MESSAGE, type FromWorker, type ToWorker } from "./scoreWorkerProtocol";
import type { PaneResult } from "./services";

/** The part of `Worker` used here (tests pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type PaneCompute = Compute<PaneResult, Policy, ColumnMapping>;

/** The engine step on this thread, its summary mapped to the pane's view model. */
export const paneCompute: PaneCompute = (read, options) => {
  const outcome = computeScore(computeInput(read, options));
  return outcome.status === "plan"
    ? { ...outcome, summary: toPaneResult(outcome.summary, options.policy, read.source.sheetName) }
    : outcome;
};

class WorkerUnavailable extends Error {}

function abortError(): Error {
  const e = new Error("The run was cancelled.");
  e.name = "AbortError";
  return e;
}

/** The engine step in a worker from `createWorker` (one per run), falling back to {@link paneCompute}. */
export function workerCompute(createWorker: () => WorkerLike): PaneCompute {
  return async (read, options) => {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch {
      return paneCompute(read, options);
    }
    try {
      return await runInWorker(worker, read, options);
    } catch (e) {
      if (e instanceof WorkerUnavailable) return paneCompute(read, options);
      throw e;
    } finally {
      worker.terminate();
    }
  };
}

async function runInWorker(
  worker: WorkerLike,
  read: Parameters<PaneCompute>[0],
  options: Parameters<PaneCompute>[1],
): Promise<ComputeOutcome<PaneResult>> {
  const signal = options.signal;
  const input = computeInput(read, options);
  let ready = false;
  let outcome: ComputeOutcome<PaneResult> | null = null;
  let rows: OutCell[][] = [];
  let rowBytes: number[] = [];
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const onAbort = () => settle.reject(abortError());
  signal?.addEventListener("abort", onAbort);
  worker.onerror = (event) => {
    // An error before the worker said "ready" means its script could not load: compute here instead.
    const message = (event as { message?: string } | null)?.message ?? "the scoring worker failed";
    settle.reject(ready ? new Error(message) : new WorkerUnavailable(message));
  };
  worker.onmessage = ({ data }) => {
    switch (data.type) {
      case "ready":
        ready = true;
        return;
      case "progress":
        options.onProgress?.({ phase: "compute", done: data.done, total: data.total });
        return;
      case "outcome":
        outcome = data.outcome;
        return;
      case "rows":
        unpackRows(data.packed, (row, i) => {
          rows.push(row as OutCell[]);
          rowBytes.push(data.rowBytes[i]);
        });
        return;
      case "done":
        settle.resolve();
        return;
      case "failed":
        settle.reject(new Error(data.message));
    }
  };
  try {
    const values = input.source.values;
    worker.postMessage({ type: "start", input: { ...input, source: { ...input.source, values: [] } } });
    for (let start = 0; start < values.length; start += SOURCE_ROWS_PER_MESSAGE) {
      if (signal?.aborted) throw abortError();
      const packed = packRows(values, start, Math.min(values.length, start + SOURCE_ROWS_PER_MESSAGE));
      worker.postMessage({ type: "rows", packed }, transferables(packed));
      await Promise.race([yieldToUi(), finished]);
    }
    worker.postMessage({ type: "run" });
    await finished;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    worker.onmessage = null;
    worker.onerror = null;
  }
  const result = outcome as ComputeOutcome<PaneResult> | null;
  if (!result) throw new Error("the scoring worker sent no result");
  if (result.status !== "plan") return result;
  const complete = { ...result, rows, rowBytes };
  rows = [];
  rowBytes = [];
  return complete;
}
