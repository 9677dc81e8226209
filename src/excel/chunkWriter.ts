/**
 * The deliberate chunked-write loop: the only place where the number of round trips grows with rows.
 * Each iteration is ONE request writing a whole 2-D block of rows (values + per-column number formats), sized so
 * the request stays under `maxBytes` (UTF-8 JSON size of the values and formats) and `maxCells`: the default
 * 3 MB leaves room under Excel on the web's 5 MB, so no platform needs a retry. Should a request be refused anyway —
 * RequestPayloadSizeLimitExceeded, or GeneralException on a request of 1 MB or more, as Excel on the web has
 * reported it (see `isPayloadTooLarge`) — the same rows are retried in halves. Between chunks we yield a macrotask so the
 * pane stays responsive, report progress and honour cancellation.
 */
import { isPayloadTooLarge } from "./errors";
import { chunkEnd, rowByteSizes, utf8Length, type OutCell, type Rect } from "./writePlan";

/** Default request budget: well under Excel on the web's 5 MB limit (spec §7: < 4 MB per request). */
export const DEFAULT_CHUNK_BYTES = 3_000_000;
/** Default cell budget per request (Excel's documented limit is 5 million cells per request). */
export const DEFAULT_CHUNK_CELLS = 1_000_000;

export interface ChunkOptions {
  maxBytes: number;
  maxCells: number;
  signal?: AbortSignal;
  onChunk?: (rowsDone: number, rowsTotal: number) => void;
  /** Operations queued before the first chunk's sync (header, clean-up) — they travel with chunk 1. */
  beforeFirst?: () => void;
  /** Per-cell number formats (same shape as `rows`) instead of per-column ones (used to restore a block). */
  cellFormats?: string[][];
  /** JSON size of each row (`rowByteSizes(rows)`), when the caller measured them already (e.g. in a worker). */
  rowBytes?: readonly number[];
}

export interface ChunkResult {
  rowsWritten: number;
  chunks: number;
  cancelled: boolean;
}

/** Waits one macrotask (lets the task pane paint and handle clicks between chunks). */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `n` rows that are all `row` (one array, referenced n times). */
function sameRows<T>(row: T[], n: number): T[][] {
  return new Array<T[]>(n).fill(row);
}

/**
 * Writes `rows` (rect.rowCount rows × rect.colCount columns) into `rect` of `sheet`. `formats[c]` (optional) is the
 * number format of column c, written for the same rows in the same request.
 */
export async function writeChunked(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect,
  rows: OutCell[][],
  formats: (string | undefined)[],
  opts: ChunkOptions,
): Promise<ChunkResult> {
  const width = rect.colCount;
  const fmtBytes = formats.reduce((n, f) => n + (f ? utf8Length(JSON.stringify([f])) + 1 : 0), 0);
  const cellFmt = opts.cellFormats;
  const rowBytes = (opts.rowBytes ?? rowByteSizes(rows)).map(
    (b, i) => b + fmtBytes + (cellFmt ? utf8Length(JSON.stringify(cellFmt[i])) : 0),
  );
  if (rows.length === 0) {
    if (opts.beforeFirst) {
      opts.beforeFirst();
      await context.sync();
    }
    return { rowsWritten: 0, chunks: 0, cancelled: false };
  }
  let maxBytes = opts.maxBytes;
  let start = 0;
  let chunks = 0;
  let first = true;
  while (start < rows.length) {
    const end = chunkEnd(rowBytes, start, width, maxBytes, opts.maxCells);
    if (first) opts.beforeFirst?.();
    const block = rows.slice(start, end);
    const n = end - start;
    sheet.getRangeByIndexes(rect.row + start, rect.col, n, width).values = block;
    if (cellFmt)
      sheet.getRangeByIndexes(rect.row + start, rect.col, n, width).numberFormat = cellFmt.slice(start, end);
    formats.forEach((f, c) => {
      // One shared [f] row for the whole column: the same 2-D array to Office.js, without n arrays to build.
      if (f) sheet.getRangeByIndexes(rect.row + start, rect.col + c, n, 1).numberFormat = sameRows([f], n);
    });
    try {
      // One request per chunk, by design (see module doc): the loop is the chunked write itself.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // A payload refusal applies nothing: retry the same rows in halves (the queued ops were discarded).
      let bytes = 0;
      for (let i = start; i < end; i++) bytes += rowBytes[i];
      if (isPayloadTooLarge(e, bytes) && n > 1) {
        maxBytes = Math.max(1, Math.floor(bytes / 2));
        continue;
      }
      throw e;
    }
    first = false;
    chunks++;
    start = end;
    opts.onChunk?.(start, rows.length);
    if (start < rows.length) {
      await yieldToUi();
      if (opts.signal?.aborted) return { rowsWritten: start, chunks, cancelled: true };
    }
  }
  return { rowsWritten: start, chunks, cancelled: false };
}
