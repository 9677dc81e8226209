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
 * Rows travel in slices, packed into transferred typed arrays (packedRows.ts), so neither thread spends long in one
 * task copying them:
 *   pane → worker: `begin` (how to read the source: mapping, policy, placement) · `rows` (source rows, in order, in
 *   slices, sent while the sheet is read: the worker reads the invoices from each slice as it comes, with
 *   tableReader, so reading the sheet and reading the invoices overlap) · `start` (everything but the source
 *   values) · `run`
 *   worker → pane: `ready` (script loaded) · `progress` (engine steps) · `rows` (the rows to write, sanitised, with
 *   their JSON sizes, in slices: sent before the view model is built, so the pane unpacks them meanwhile) ·
 *   `outcome` (the engine's outcome without the data rows; the summary is the pane's view model) · `done` · `failed`.
 */
import { computeScore, tableOptions, type ComputeInput } from "../excel/computeScore";
import {
  tableReader,
  type ReadTableOptions,
  type ReadTableResult,
  type TableReader,
} from "../engine/sheet/table";
import type { ComputeOutcome } from "../excel/scoreSheet";
import { EngineError, engineReason } from "../excel/errors";
import { safeCell, utf8Length } from "../excel/writePlan";
import { toPaneResult } from "./fromPipeline";
import { columnPacker, transferables, unpackRows, type PackedRows } from "./packedRows";
import type { PaneResult } from "./services";

/** Source rows per `rows` message (≈ 200,000 cells for a 10-column invoice sheet). */
export const SOURCE_ROWS_PER_MESSAGE = 20_000;
/** Result rows per `rows` message (≈ 175,000 cells for the 7 output columns). */
export const RESULT_ROWS_PER_MESSAGE = 25_000;
/** Engine steps the worker reports as progress: read the rows, score, plan the writes, the pane's view. */
export const COMPUTE_STEPS = 4;

export type ToWorker =
  | { readonly type: "begin"; readonly table: ReadTableOptions }
  | { readonly type: "start"; readonly input: ComputeInput }
  | { readonly type: "rows"; readonly packed: PackedRows }
  | { readonly type: "run" };

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "outcome"; readonly outcome: ComputeOutcome<PaneResult>; readonly rowCount: number }
  /** Rows to write (cells are OutCell) and each row's JSON size as `rowByteSizes` counts it. */
  | { readonly type: "rows"; readonly packed: PackedRows; readonly rowBytes: Float64Array }
  | { readonly type: "done" }
  /** `message` in English; `zh` when the worker wrote the reason itself (an EngineError). */
  | { readonly type: "failed"; readonly message: string; readonly zh?: string };

/**
 * The worker's message handler: collects the input, then on `run` computes and posts the outcome and the rows to
 * write. `post` sends one message to the pane.
 */
export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

const RUN_BEFORE_START = {
  en: "the scoring worker was asked to run before it had the sheet (internal error).",
  zh: "评分工作线程在收到工作表之前就被要求运行（内部错误）。",
};
const OTHER_OPTIONS = {
  en: "the scoring worker read the sheet with other settings than this run's (internal error).",
  zh: "评分工作线程读取工作表所用的设置与本次运行不同（内部错误）。",
};

/** The `failed` message for a thrown value: both languages when the reason is ours. */
function failed(e: unknown): FromWorker {
  if (e instanceof EngineError) return { type: "failed", message: e.reason.en, zh: e.reason.zh };
  return { type: "failed", message: engineReason(e).en };
}

export function createScoreWorkerHandler(post: Post): (message: ToWorker) => void {
  let input: ComputeInput | null = null;
  // After `begin`, rows are read into invoices as they come (and not kept); without it they are kept for `run`.
  let reader: { options: ReadTableOptions; table: TableReader } | null = null;
  let values: unknown[][] = [];
  let received = 0;
  return (message) => {
    switch (message.type) {
      case "begin":
        reader = { options: message.table, table: tableReader(message.table) };
        return;
      case "start":
        // Source rows may have come first (they are sent while the sheet is read).
        input = message.input;
        if (input.source.values.length > 0) {
          values = [...input.source.values, ...values];
          received += input.source.values.length;
        }
        return;
      case "rows": {
        received += message.packed.rowCount;
        const table = reader?.table;
        // Read as they come, through one refilled row array (the reader keeps no reference to it).
        if (table) unpackRows(message.packed, (row) => table.pushRow(row), true);
        else unpackRows(message.packed, (row) => values.push(row));
        return;
      }
      case "run": {
        if (!input) {
          post(failed(new EngineError(RUN_BEFORE_START)));
          return;
        }
        try {
          let table: ReadTableResult | undefined;
          if (reader) {
            // The rows were read as `begin` said: that must be how this input reads them, with nothing sent twice.
            if (JSON.stringify(tableOptions(input)) !== JSON.stringify(reader.options) || values.length > 0)
              throw new EngineError(OTHER_OPTIONS);
            table = reader.table.finish();
          }
          runCompute({ ...input, source: { ...input.source, values } }, post, received, table);
        } catch (e) {
          post(failed(e));
        } finally {
          input = null;
          reader = null;
          values = [];
          received = 0;
        }
      }
    }
  };
}

function runCompute(input: ComputeInput, post: Post, sourceRows: number, table?: ReadTableResult): void {
  post({ type: "progress", done: 1, total: COMPUTE_STEPS });
  const outcome = computeScore(input, table);
  if (outcome.status !== "plan") {
    post({ type: "outcome", outcome, rowCount: 0 });
    post({ type: "done" });
    return;
  }
  post({ type: "progress", done: 2, total: COMPUTE_STEPS });
  const { plan } = outcome;
  // The rows to write go first: the pane unpacks them while this thread builds the view model.
  const rowCount = Math.max(0, sourceRows - outcome.headerRowOffset - 1);
  const columns = plan.columns.map((c) => c.values);
  const pack = columnPacker((v) => {
    const text = safeCell(v) as string;
    return { text, bytes: utf8Length(JSON.stringify(text)) };
  });
  for (let start = 0; start < rowCount; start += RESULT_ROWS_PER_MESSAGE) {
    const { packed, rowBytes } = pack(columns, start, Math.min(RESULT_ROWS_PER_MESSAGE, rowCount - start));
    // rowByteSizes counts a separator after each row besides the row's own JSON.
    for (let r = 0; r < rowBytes.length; r++) rowBytes[r] += 1;
    post({ type: "rows", packed, rowBytes }, [...transferables(packed), rowBytes.buffer as ArrayBuffer]);
  }
  post({ type: "progress", done: 3, total: COMPUTE_STEPS });
  const summary = toPaneResult(outcome.summary, input.policy, input.source.sheetName);
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
  post({ type: "progress", done: COMPUTE_STEPS, total: COMPUTE_STEPS });
  post({ type: "done" });
}
