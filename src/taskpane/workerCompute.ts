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
import { EngineError } from "../excel/errors";
import { computeScore } from "../excel/computeScore";
import { computeInput, mappingFor, tableOptions } from "../excel/scoreActiveSheet";
import type { Compute, ComputeOutcome, ComputeSession } from "../excel/scoreSheet";
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

/**
 * The engine step in a worker from `createWorker` (one per run), falling back to {@link paneCompute}. Its `start`
 * opens the worker before the read, so each chunk of source rows is packed and posted as it arrives and the worker
 * unpacks it while the next chunk is read.
 */
export function workerCompute(createWorker: () => WorkerLike): PaneCompute {
  const compute: PaneCompute = async (read, options) => {
    const session = openSession(createWorker, options);
    try {
      const values = read.source.values;
      for (let start = 0; start < values.length; start += SOURCE_ROWS_PER_MESSAGE) {
        if (options.signal?.aborted) throw abortError();
        session.rows(values.slice(start, start + SOURCE_ROWS_PER_MESSAGE), read.source);
        await yieldToUi();
      }
      return await session.finish(read, options);
    } finally {
      session.close();
    }
  };
  compute.start = (options) => openSession(createWorker, options);
  return compute;
}

type Session = ComputeSession<PaneResult, Policy, ColumnMapping>;

/** A session on this thread: the rows arrive with the read anyway; `finish` computes here. */
const HERE: Session = {
  rows: () => undefined,
  finish: (read, options) => paneCompute(read, options),
  close: () => undefined,
};

function openSession(createWorker: () => WorkerLike, options: Parameters<PaneCompute>[1]): Session {
  let worker: WorkerLike | null;
  try {
    worker = createWorker();
  } catch {
    return HERE;
  }
  const signal = options.signal;
  let ready = false;
  let sent = 0;
  /** Whether the worker was told how to read the source (`begin`, with the first rows; it checks them on `run`). */
  let begun = false;
  let outcome: ComputeOutcome<PaneResult> | null = null;
  let rows: OutCell[][] = [];
  let rowBytes: number[] = [];
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  finished.catch(() => undefined); // observed in finish(); a failure before it must not be "unhandled"
  const onAbort = () => settle.reject(abortError());
  signal?.addEventListener("abort", onAbort);
  const close = () => {
    signal?.removeEventListener("abort", onAbort);
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = null;
  };
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
        settle.reject(
          data.zh === undefined
            ? new Error(data.message)
            : new EngineError({ en: data.message, zh: data.zh }),
        );
    }
  };
  return {
    rows(chunk, source) {
      if (!worker) return;
      if (!begun) {
        const mapping = mappingFor(source.sheetName, options);
        worker.postMessage({
          type: "begin",
          table: tableOptions({ source, mapping, policy: options.policy }),
        });
        begun = true;
      }
      for (let start = 0; start < chunk.length; start += SOURCE_ROWS_PER_MESSAGE) {
        const packed = packRows(chunk, start, Math.min(chunk.length, start + SOURCE_ROWS_PER_MESSAGE));
        worker.postMessage({ type: "rows", packed }, transferables(packed));
        sent += packed.rowCount;
      }
    },
    async finish(read, opts) {
      try {
        if (!worker) throw new WorkerUnavailable("the scoring worker was closed");
        const input = computeInput(read, opts);
        if (sent !== input.source.values.length)
          throw new EngineError({
            en: `${sent} rows were sent to the scoring worker for ${input.source.values.length} read (internal error).`,
            zh: `已读取 ${input.source.values.length} 行，却向评分工作线程发送了 ${sent} 行（内部错误）。`,
          });
        worker.postMessage({ type: "start", input: { ...input, source: { ...input.source, values: [] } } });
        worker.postMessage({ type: "run" });
        await finished;
      } catch (e) {
        if (e instanceof WorkerUnavailable) return paneCompute(read, opts);
        throw e;
      } finally {
        close();
      }
      const result = outcome as ComputeOutcome<PaneResult> | null;
      if (!result)
        throw new EngineError({
          en: "the scoring worker sent no result (internal error).",
          zh: "评分工作线程没有返回结果（内部错误）。",
        });
      if (result.status !== "plan") return result;
      const complete = { ...result, rows, rowBytes };
      rows = [];
      rowBytes = [];
      return complete;
    },
    close,
  };
}
