/**
 * Reads the invoice source and everything a run needs to know about the workbook, in a constant number of
 * round trips (3 syncs, +1 on a re-run to confirm where our previous output is) plus one per extra source chunk:
 *   1. metadata — active sheet, the table holding the selection, used range, Customers/客户, Rates/汇率 and history sheets,
 *      the names of previous runs;
 *   2. ranges — table/previous-output/Customers/history extents;
 *   3. values — the first chunk of the source block, the Customers sheet, the history sheet and our previous
 *      output (kept so a cancelled re-run can restore it); then one sync per further source chunk. When those
 *      three exceed one chunk's budget (a re-run of a large sheet) they are read after the source in row chunks of
 *      their own, so no response has to carry a whole previous output.
 *
 * Excel on the web refuses responses above 5 MB (ResponsePayloadSizeLimitExceeded), so the source values are read
 * in row chunks of at most `SOURCE_CHUNK_CELLS` cells (≈ 2–3 MB of JSON for an invoice sheet). A sheet of up to
 * that many cells is read in the single values sync; a chunk refused for its size is retried with half the rows.
 *
 * Source rule (spec §1): the Excel table that holds the selection, else the active sheet's used range
 * (values only). "The table that holds the selection" is the table of the active cell, else the one table that the
 * selection touches: a selection may have several areas (the pane's own row selection does), and then
 * `getSelectedRange()` throws InvalidSelection, so we ask for `getSelectedRanges()` (ExcelApi 1.9). We use the used range rather than `getSurroundingRegion` (ExcelApi 1.7): it is available in
 * every supported host and in the simulator, and an invoice sheet is normally one block; blank columns/rows inside
 * it are ignored by the reader. Our own previous output columns are excluded from the source.
 */
import type { RunRecord } from "./runRecord";
import { yieldToUi } from "./chunkWriter";
import { isPayloadTooLarge } from "./errors";
import { HISTORY_SHEET } from "./runRecord";
import type { Rect } from "./writePlan";

/** The source block as plain data (0-based rowIndex/columnIndex of its top-left cell). */
export interface SourceSnapshot {
  sheetId: string;
  sheetName: string;
  address: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  /** Number formats of the first rows (up to 25) of the block, to help date detection. */
  numberFormats: string[][];
  tableName?: string;
}

/** Our previous output on this sheet (where the saved name points now) with its values and formats. */
export interface PreviousOutput {
  rect: Rect;
  values: unknown[][];
  numberFormats: string[][];
}

export interface SourceRead {
  /** null when the active sheet is empty. */
  source: SourceSnapshot | null;
  sheetId: string;
  sheetName: string;
  /** The active sheet is one of ours (summary or history): nothing to score. */
  isOwnSheet: boolean;
  customers: { sheetName: string; values: unknown[][] } | null;
  /** The exchange-rate sheet (`Rates` / `汇率`), when the workbook has one. */
  rates: { sheetName: string; values: unknown[][] } | null;
  history: { exists: boolean; values: unknown[][] };
  record: RunRecord | null;
  previous: PreviousOutput | null;
  /** The source is a table: its name and the 0-based sheet rect of the whole table (header..last data row). */
  table: { name: string; rect: Rect } | null;
}

const FORMAT_ROWS = 25;

/**
 * Cell budget of one source read: 200,000 cells keep a typical invoice response (dates, amounts, ids, short
 * names: ~10–15 bytes of JSON per cell) near 2–3 MB, well under Excel on the web's 5 MB response limit.
 */
export const SOURCE_CHUNK_CELLS = 200_000;

/** Expected JSON bytes per source cell (the estimate behind SOURCE_CHUNK_CELLS), to judge a GeneralException. */
const BYTES_PER_CELL = 12;

/** Rows per source read chunk for a block `columnCount` wide (at least 1). */
export function sourceChunkRows(columnCount: number, cellBudget = SOURCE_CHUNK_CELLS): number {
  return Math.max(1, Math.floor(cellBudget / Math.max(1, columnCount)));
}

/** Number of source read syncs for a block of rowCount × columnCount (without payload retries). */
export function sourceReadChunks(
  rowCount: number,
  columnCount: number,
  cellBudget = SOURCE_CHUNK_CELLS,
): number {
  return Math.max(1, Math.ceil(rowCount / sourceChunkRows(columnCount, cellBudget)));
}

export interface ReadSourceOptions {
  /** Cells per source read chunk; default SOURCE_CHUNK_CELLS. */
  chunkCells?: number;
  /**
   * Read only the first `maxRows` rows of the source block, and none of the Customers sheet, history or previous
   * output (the pane's mapping preview needs just the header search area).
   */
  maxRows?: number;
  /** Called after each source chunk arrives (rows read so far, total rows of the block). */
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
  /** Stops reading between chunks once aborted (the caller then sees partial values and must not use them). */
  signal?: AbortSignal;
  /**
   * Receives each chunk of source rows as it arrives, in order, with where the source block sits (e.g. to hand them
   * to a worker that reads the invoices while the next chunk is on its way).
   */
  onRows?: (rows: unknown[][], source: SourcePlacement) => void;
}

/** Where the source block is: its sheet, and the sheet row and column of its top-left cell (0-based). */
export interface SourcePlacement {
  readonly sheetName: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
}

interface RectLike {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}
const toRect = (r: RectLike): Rect => ({
  row: r.rowIndex,
  col: r.columnIndex,
  rowCount: r.rowCount,
  colCount: r.columnCount,
});
const RECT_PROPS = "address,rowIndex,columnIndex,rowCount,columnCount";

/**
 * Where our previous output really is: the name's rect when its header cells still hold our headers, else the
 * same row at the column where our header sequence is found (null when it is gone).
 */
export function locateHeaders(
  row: unknown[],
  rowStartCol: number,
  named: Rect,
  headers: string[],
): Rect | null {
  const matchesAt = (j: number) => headers.every((h, k) => String(row[j + k] ?? "") === h);
  if (matchesAt(named.col - rowStartCol)) return named;
  for (let j = 0; j + headers.length <= row.length; j++) {
    if (matchesAt(j)) return { ...named, col: rowStartCol + j, colCount: headers.length };
  }
  return null;
}

/**
 * Reads the source and run context (3–4 syncs, plus one per extra source chunk on large blocks). `runs` are the
 * saved run records ("crt.runs").
 */
export async function readSource(
  context: Excel.RequestContext,
  runs: Record<string, RunRecord>,
  options: ReadSourceOptions = {},
): Promise<SourceRead> {
  const wb = context.workbook;
  // --- sync 1: metadata -------------------------------------------------------------------------------------
  const sheet = wb.worksheets.getActiveWorksheet();
  sheet.load("id,name");
  const activeTables = wb.getActiveCell().getTables(false);
  activeTables.load("items/name,items/showTotals");
  const selTables = wb.getSelectedRanges().getTables(false);
  selTables.load("items/name,items/showTotals");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const custSheets = ["Customers", "客户"].map((n) => wb.worksheets.getItemOrNullObject(n));
  custSheets.forEach((s) => s.load("name"));
  const rateSheets = ["Rates", "汇率"].map((n) => wb.worksheets.getItemOrNullObject(n));
  rateSheets.forEach((s) => s.load("name"));
  const hist = wb.worksheets.getItemOrNullObject(HISTORY_SHEET);
  hist.load("name");
  const recordList = Object.values(runs);
  const names = recordList.map((r) => wb.names.getItemOrNullObject(r.outputName));
  names.forEach((n) => n.load("name,type"));
  await context.sync();

  const record = runs[sheet.id] ?? null;
  const ownSheetIds = new Set(recordList.map((r) => r.summarySheet?.id).filter((x): x is string => !!x));
  const isOwnSheet = ownSheetIds.has(sheet.id) || (!hist.isNullObject && sheet.name === hist.name);
  const nameIdx = record ? recordList.indexOf(record) : -1;
  const nameItem = nameIdx >= 0 && !names[nameIdx].isNullObject ? names[nameIdx] : null;
  const cust = custSheets.find((s) => !s.isNullObject && s.name !== sheet.name) ?? null;
  const rateSheet = rateSheets.find((s) => !s.isNullObject && s.name !== sheet.name) ?? null;
  // `items` was loaded above as "items/name,items/showTotals" (the lint rule only recognises a bare "items").
  /* eslint-disable office-addins/load-object-before-read */
  const table =
    activeTables.items.length > 0
      ? activeTables.items[0]
      : selTables.items.length === 1
        ? selTables.items[0]
        : null;
  /* eslint-enable office-addins/load-object-before-read */

  // --- sync 2: extents ----------------------------------------------------------------------------------------
  const tableRange = table ? table.getRange() : null;
  tableRange?.load(RECT_PROPS);
  const prevRange = nameItem ? nameItem.getRangeOrNullObject() : null;
  prevRange?.load(RECT_PROPS);
  const custUsed = cust ? cust.getUsedRangeOrNullObject(true) : null;
  custUsed?.load(RECT_PROPS);
  const ratesUsed = rateSheet ? rateSheet.getUsedRangeOrNullObject(true) : null;
  ratesUsed?.load(RECT_PROPS);
  const histUsed = hist.isNullObject ? null : hist.getUsedRangeOrNullObject(true);
  histUsed?.load(RECT_PROPS);
  await context.sync();

  let prevRect = prevRange && !prevRange.isNullObject ? toRect(prevRange) : null;

  // --- sync 2b (re-runs only): confirm our header cells are where the name points. Excel shifts names when
  // columns are inserted; if the name was not shifted (or our headers moved), find our header sequence on its row.
  if (prevRect && record && !tableRange && !used.isNullObject && record.headers.length > 0) {
    const u = toRect(used);
    const headerRow = sheet.getRangeByIndexes(
      prevRect.row,
      u.col,
      1,
      Math.max(u.colCount, prevRect.col + prevRect.colCount - u.col),
    );
    headerRow.load("values");
    await context.sync();
    prevRect = locateHeaders(headerRow.values[0] ?? [], u.col, prevRect, record.headers);
  }
  let region: Rect | null = null;
  let tableInfo: SourceRead["table"] = null;
  if (tableRange && table) {
    const r = toRect(tableRange);
    if (table.showTotals && r.rowCount > 1) r.rowCount -= 1;
    region = r;
    tableInfo = { name: table.name, rect: { ...r } };
  } else if (!used.isNullObject) {
    region = toRect(used);
  }
  if (region && prevRect && prevRect.col > region.col && prevRect.col < region.col + region.colCount) {
    // Our previous output sits inside the region: the source is everything left of it.
    region.colCount = prevRect.col - region.col;
  }

  const preview = options.maxRows !== undefined;
  if (region && preview) region.rowCount = Math.min(region.rowCount, options.maxRows ?? 0);

  // --- sync 3: values (+ one sync per further source chunk) ------------------------------------------------
  const srcRange = region
    ? sheet.getRangeByIndexes(region.row, region.col, region.rowCount, region.colCount)
    : null;
  const fmtRange = region
    ? sheet.getRangeByIndexes(region.row, region.col, Math.min(FORMAT_ROWS, region.rowCount), region.colCount)
    : null;
  const custRect = !preview && custUsed && !custUsed.isNullObject ? toRect(custUsed) : null;
  const rateRect = !preview && ratesUsed && !ratesUsed.isNullObject ? toRect(ratesUsed) : null;
  const histRect = !preview && histUsed && !histUsed.isNullObject ? toRect(histUsed) : null;
  const prevBlock = !preview ? prevRect : null;
  // The Customers and Rates sheets, the history and our previous output (values and formats, kept so a cancelled
  // re-run can restore it) travel with the first source chunk when they fit its budget; else — or when that first
  // sync is refused for its size — each is read in row chunks of its own after the source: a re-run of a large sheet
  // must not ask for its whole previous output at once.
  const budget = options.chunkCells ?? SOURCE_CHUNK_CELLS;
  const area = (r: Rect | null) => (r ? r.rowCount * r.colCount : 0);
  let together = area(custRect) + area(rateRect) + area(histRect) + 2 * area(prevBlock) <= budget;
  const rangeOf = (ws: Excel.Worksheet, r: Rect | null) =>
    r ? ws.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount) : null;
  const custValues = cust ? rangeOf(cust, custRect) : null;
  const rateValues = rateSheet ? rangeOf(rateSheet, rateRect) : null;
  const histValues = rangeOf(hist, histRect);
  const prevValues = rangeOf(sheet, prevBlock);
  // Queued with the first source chunk (and again if that sync is refused for its size: nothing was delivered).
  const queueFirstSync = () => {
    srcRange?.load("address");
    fmtRange?.load("numberFormat");
    if (!together) return;
    custValues?.load("values");
    rateValues?.load("values");
    histValues?.load("values");
    prevValues?.load("values,numberFormat");
  };
  const { onRows, ...chunkOptions } = options;
  const placement: SourcePlacement | null = region
    ? { sheetName: sheet.name, rowIndex: region.row, columnIndex: region.col }
    : null;
  const { values: srcValues } = await readRowChunks(context, sheet, region, {
    ...chunkOptions,
    ...(onRows && placement ? { onRows: (rows: unknown[][]) => onRows(rows, placement) } : {}),
    queueFirst: queueFirstSync,
    firstExtraCells: () =>
      together ? area(custRect) + area(rateRect) + area(histRect) + 2 * area(prevBlock) : 0,
    onRefused: () => {
      const was = together;
      together = false;
      return was;
    },
  });
  const separately = async (ws: Excel.Worksheet | null, r: Rect | null, formats = false) =>
    ws && r && !options.signal?.aborted
      ? readRowChunks(context, ws, r, { chunkCells: budget, formats, signal: options.signal })
      : null;
  const custRead = together && custValues ? { values: custValues.values } : await separately(cust, custRect);
  const rateRead =
    together && rateValues ? { values: rateValues.values } : await separately(rateSheet, rateRect);
  const histRead = together && histValues ? { values: histValues.values } : await separately(hist, histRect);
  const prevRead =
    together && prevValues
      ? { values: prevValues.values, numberFormat: prevValues.numberFormat as string[][] }
      : await separately(sheet, prevBlock, true);

  const source: SourceSnapshot | null =
    srcRange && fmtRange && region
      ? {
          sheetId: sheet.id,
          sheetName: sheet.name,
          address: srcRange.address,
          rowIndex: region.row,
          columnIndex: region.col,
          values: srcValues,
          numberFormats: fmtRange.numberFormat as string[][],
          ...(tableInfo ? { tableName: tableInfo.name } : {}),
        }
      : null;
  return {
    source,
    sheetId: sheet.id,
    sheetName: sheet.name,
    isOwnSheet,
    customers: cust && custRead ? { sheetName: cust.name, values: custRead.values } : null,
    rates: rateSheet && rateRead ? { sheetName: rateSheet.name, values: rateRead.values } : null,
    history: { exists: !hist.isNullObject, values: histRead ? histRead.values : [] },
    record,
    previous:
      prevRect && prevRead
        ? { rect: prevRect, values: prevRead.values, numberFormats: prevRead.numberFormat ?? [] }
        : null,
    table: tableInfo,
  };
}

/** What a chunked read loads besides the values, and where its rows go. */
interface RowChunkOptions extends Omit<ReadSourceOptions, "onRows"> {
  /** Receives each chunk of rows as it arrives. */
  onRows?: (rows: unknown[][]) => void;
  /** Queued with the first chunk (sync 3's other loads). */
  queueFirst?: () => void;
  /** Also load the number formats (the budget then counts two entries per cell). */
  formats?: boolean;
  /** Called when the first sync is refused for its size; true when it made that sync lighter (retry even at 1 row). */
  onRefused?: () => boolean;
  /** Cells that `queueFirst` currently loads besides the chunk (for the payload-size estimate). */
  firstExtraCells?: () => number;
}

/**
 * The deliberate chunked read loop: a block's values (and formats) in row chunks of `sourceChunkRows` rows, one
 * sync each. `queueFirst` travels with the first chunk, so a source block within the budget costs exactly one sync.
 * A chunk refused for its size (request or response) is retried with half the rows; a refused sync delivers
 * nothing, so `queueFirst` is queued again until the first chunk has arrived.
 */
async function readRowChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  region: Rect | null,
  options: RowChunkOptions,
): Promise<{ values: unknown[][]; numberFormat?: string[][] }> {
  const total = region ? region.rowCount : 0;
  const perCell = options.formats ? 2 : 1;
  let rows = region ? sourceChunkRows(region.colCount * perCell, options.chunkCells) : 0;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  let first = true;
  while (first || values.length < total) {
    if (first) options.queueFirst?.();
    const start = values.length;
    const n = Math.min(rows, total - start);
    const chunk =
      region && n > 0 ? sheet.getRangeByIndexes(region.row + start, region.col, n, region.colCount) : null;
    chunk?.load(options.formats ? "values,numberFormat" : "values");
    try {
      // One request per chunk, by design (see above): the loop is the chunked read itself.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // The first sync also carries queueFirst's loads: count them in the size that makes a GeneralException
      // on the web a payload refusal (errors.ts).
      const cells = n * (region?.colCount ?? 0) * perCell + (first ? (options.firstExtraCells?.() ?? 0) : 0);
      if (isPayloadTooLarge(e, cells * BYTES_PER_CELL)) {
        const lighter = first && options.onRefused?.() === true;
        if (n > 1 || lighter) {
          rows = Math.max(1, Math.ceil(n / 2));
          continue;
        }
      }
      throw e;
    }
    first = false;
    if (chunk) {
      for (const row of chunk.values) values.push(row);
      if (options.formats) for (const row of chunk.numberFormat as string[][]) formats.push(row);
      options.onRows?.(chunk.values);
    }
    options.onProgress?.(values.length, total);
    if (values.length < total) {
      await yieldToUi();
      if (options.signal?.aborted) break;
    }
  }
  return options.formats ? { values, numberFormat: formats } : { values };
}
