/**
 * The messages between the pane and its scoring worker (src/taskpane/scoreWorker.ts), and the worker's side of
 * the conversation as a plain function so tests run it without a real Worker.
 *
 * Why a worker: the engine step of a full sheet (1,048,575 invoices: readTable, scoreTable, planFromScore and the
 * pane's view model) takes seconds, and in the shared runtime the pane, the ribbon and the AR.* functions share one
 * thread — a task that long freezes all of them. Microsoft's sample for the same problem moves the work to a Web
 * Worker, supported in the add-in runtimes on Windows, Mac and the web:
 * https://github.com/OfficeDev/Office-Add-in-samples/tree/main/Excel-custom-functions/web-worker.
 *
 * Messages are small so that neither side spends long in one task copying them (structured clone happens on both
 * the sending and the receiving thread):
 *   pane → worker: `start` (everything but the source values) · `rows` (source rows, in order, in slices) · `run`
 *   worker → pane: `ready` (script loaded) · `progress` (engine steps) · `outcome` (the engine's outcome without the
 *   data rows; the summary is the pane's view model) · `rows` (the rows to write, sanitised, with their JSON sizes,
 *   in slices) · `done` · `failed`.
 */
import { computeScore, type ComputeInput } from "../excel/computeScore";
import type { ComputeOutcome } from "../excel/scoreSheet";
import { rowByteSizes, safeCell, type OutCell } from "../excel/writePlan";
import { toPaneResult } from "./fromPipeline";
import type { PaneResult } from "./services";

/** Source rows per `rows` message (≈ 200,000 cells for a 10-column invoice sheet). */
export const SOURCE_ROWS_PER_MESSAGE = 20_000;
/** Result rows per `rows` message (≈ 175,000 cells for the 7 output columns). */
export const RESULT_ROWS_PER_MESSAGE = 25_000;
/** Engine steps the worker reports as progress: read the rows, score, plan the writes, the pane's view. */
export const COMPUTE_STEPS = 4;

export type ToWorker =
  | { readonly type: "start"; readonly input: ComputeInput }
  | { readonly type: "rows"; readonly rows: unknown[][] }
  | { readonly type: "run" };

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "outcome"; readonly outcome: ComputeOutcome<PaneResult>; readonly rowCount: number }
  | { readonly type: "rows"; readonly rows: OutCell[][]; readonly rowBytes: number[] }
  | { readonly type: "done" }
  | { readonly type: "failed"; readonly message: string };

/**
 * The worker's message handler: collects the input, then on `run` computes and posts the outcome and the rows to
 * write. `post` sends one message to the pane.
 */
export function createScoreWorkerHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
  let input: ComputeInput | null = null;
  let values: unknown[][] = [];
  return (message) => {
    switch (message.type) {
      case "start":
        input = message.input;
        values = input.source.values.slice();
        return;
      case "rows":
        for (const row of message.rows) values.push(row);
        return;
      case "run": {
        if (!input) {
          post({ type: "failed", message: "scoring worker: run before start" });
          return;
        }
        try {
          runCompute({ ...input, source: { ...input.source, values } }, post);
        } catch (e) {
          post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
        } finally {
          input = null;
          values = [];
        }
      }
    }
  };
}

function runCompute(input: ComputeInput, post: (message: FromWorker) => void): void {
  post({ type: "progress", done: 1, total: COMPUTE_STEPS });
  const outcome = computeScore(input);
  if (outcome.status !== "plan") {
    post({ type: "outcome", outcome, rowCount: 0 });
    post({ type: "done" });
    return;
  }
  post({ type: "progress", done: 2, total: COMPUTE_STEPS });
  const { plan } = outcome;
  const summary = toPaneResult(outcome.summary, input.policy, input.source.sheetName);
  post({ type: "progress", done: 3, total: COMPUTE_STEPS });
  const rowCount = Math.max(0, input.source.values.length - outcome.headerRowOffset - 1);
  post({
    type: "outcome",
    outcome: {
      status: "plan",
      headerRowOffset: outcome.headerRowOffset,
      plan: { ...plan, columns: plan.columns.map((c) => ({ ...c, values: [] })) },
      summary,
    },
    rowCount,
  });
  const columns = plan.columns;
  for (let start = 0; start < rowCount; start += RESULT_ROWS_PER_MESSAGE) {
    const end = Math.min(rowCount, start + RESULT_ROWS_PER_MESSAGE);
    const rows: OutCell[][] = new Array(end - start);
    for (let r = start; r < end; r++) {
      const row: OutCell[] = new Array(columns.length);
      for (let c = 0; c < columns.length; c++) row[c] = safeCell(columns[c].values[r] ?? "");
      rows[r - start] = row;
    }
    post({ type: "rows", rows, rowBytes: rowByteSizes(rows) });
  }
  post({ type: "progress", done: COMPUTE_STEPS, total: COMPUTE_STEPS });
  post({ type: "done" });
}
