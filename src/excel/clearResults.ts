/**
 * "Clear results": removes exactly what "Score this sheet" added to a sheet — our output cells (values and
 * formats; table columns deleted), our conditional formats (found by the marker in their formula), the summary
 * sheet, our names and the saved run record. The hidden history sheet is kept unless `includeHistory`.
 * Idempotent: a second call finds nothing and changes nothing. A constant number of syncs (≤ 5).
 */
import { mapOfficeError } from "./errors";
import { locateHeaders } from "./readSource";
import { HISTORY_SHEET, outputNameFor, type RunRecord } from "./runRecord";
import { queueDeleteOurRules, queueRuleFormulas, queueRuleScan } from "./rules";
import { loadRun, loadRuns, saveRun } from "./settings";
import type { Bilingual, Rect } from "./writePlan";

export interface ClearOptions {
  /** Worksheet name or id; default the active sheet. */
  sheet?: string;
  /** Also delete the hidden history sheet (monitoring snapshots). */
  includeHistory?: boolean;
}

export type ClearOutcome =
  | { status: "cleared"; removed: { cells: boolean; rules: number; summarySheet: boolean; history: boolean } }
  | { status: "nothing" }
  | { status: "failed"; message: Bilingual; code: string };

export interface ArtifactsOptions {
  includeHistory?: boolean;
  /** A sheet created by a failed run whose id we could not learn (deleted by name). */
  extraSheetName?: string;
  /**
   * Rows (0-based) a failed run appended to an existing history sheet: deleted (shifted up), the rest kept; and the
   * `header` cells (columns of row 0) that run added to an older, shorter header: cleared again.
   */
  historyRows?: { from: number; count: number; header?: { from: number; count: number } };
}

const RECT_PROPS = "rowIndex,columnIndex,rowCount,columnCount";
const toRect = (r: Excel.Range): Rect => ({
  row: r.rowIndex,
  col: r.columnIndex,
  rowCount: r.rowCount,
  colCount: r.columnCount,
});

/** Removes a run's artefacts inside an Excel.run context (used by Clear and by a failed run's rollback). */
export async function clearArtifacts(
  context: Excel.RequestContext,
  record: RunRecord,
  opts: ArtifactsOptions = {},
): Promise<{ cells: boolean; rules: number; summarySheet: boolean; history: boolean }> {
  const wb = context.workbook;
  // sync 1: what still exists
  const sheet = wb.worksheets.getItemOrNullObject(record.sheetId);
  sheet.load("name");
  const name = wb.names.getItemOrNullObject(record.outputName);
  name.load("name");
  const summary = record.summarySheet ? wb.worksheets.getItemOrNullObject(record.summarySheet.id) : null;
  summary?.load("name");
  const extra = opts.extraSheetName ? wb.worksheets.getItemOrNullObject(opts.extraSheetName) : null;
  extra?.load("name");
  const hist =
    opts.includeHistory || opts.historyRows ? wb.worksheets.getItemOrNullObject(HISTORY_SHEET) : null;
  hist?.load("name");
  const table = record.table ? wb.tables.getItemOrNullObject(record.table.name) : null;
  table?.load("name");
  await context.sync();

  // sync 2: extents and rules
  const out = name.isNullObject ? null : name.getRangeOrNullObject();
  out?.load(RECT_PROPS);
  const tableRange = table && !table.isNullObject ? table.getRange() : null;
  tableRange?.load(RECT_PROPS);
  const cfs = sheet.isNullObject ? null : queueRuleScan(sheet);
  const used = sheet.isNullObject ? null : sheet.getUsedRangeOrNullObject(true);
  used?.load(RECT_PROPS);
  await context.sync();

  // sync 2b: confirm our header cells are where the name points (see readSource.locateHeaders)
  let outRect = out && !out.isNullObject ? toRect(out) : null;
  if (outRect && used && !used.isNullObject && !tableRange && record.headers.length > 0) {
    const u = toRect(used);
    const row = sheet.getRangeByIndexes(
      outRect.row,
      u.col,
      1,
      Math.max(u.colCount, outRect.col + outRect.colCount - u.col),
    );
    row.load("values");
    await context.sync();
    outRect = locateHeaders(row.values[0] ?? [], u.col, outRect, record.headers);
  }

  // sync 3: formulas of custom rules (only when there are any)
  const custom = cfs ? queueRuleFormulas(cfs) : [];
  if (custom.length > 0) await context.sync();

  // sync 4: delete
  const rules = queueDeleteOurRules(custom);
  let cells = false;
  if (outRect && !sheet.isNullObject) {
    const o = outRect;
    const t = tableRange ? toRect(tableRange) : null;
    const inTable = t && table && o.col >= t.col && o.col + o.colCount <= t.col + t.colCount;
    if (inTable && table) {
      // Our columns were added to the table: delete those table columns (right to left).
      for (let i = o.col + o.colCount - 1; i >= o.col; i--) table.columns.getItemAt(i - t.col).delete();
    } else {
      sheet.getRangeByIndexes(o.row, o.col, o.rowCount, o.colCount).clear(Excel.ClearApplyTo.all);
    }
    cells = true;
  }
  if (!name.isNullObject) name.delete();
  const summaryGone = !!summary && !summary.isNullObject;
  if (summary && !summary.isNullObject) summary.delete();
  if (extra && !extra.isNullObject && extra.name !== summary?.name) extra.delete();
  const histGone = !!opts.includeHistory && !!hist && !hist.isNullObject;
  if (hist && !hist.isNullObject && !opts.includeHistory && opts.historyRows && opts.historyRows.count > 0) {
    const { from, count, header } = opts.historyRows;
    hist.getRangeByIndexes(from, 0, count, 1).getEntireRow().delete(Excel.DeleteShiftDirection.up);
    if (header) hist.getRangeByIndexes(0, header.from, 1, header.count).clear(Excel.ClearApplyTo.contents);
  }
  if (histGone && hist) {
    hist.visibility = Excel.SheetVisibility.hidden; // a very-hidden sheet must be un-hidden before deletion
    hist.delete();
  }
  await context.sync();
  return { cells, rules, summarySheet: summaryGone, history: histGone };
}

/** A record for a sheet that has no saved run (settings lost): our name and marker rules can still be found. */
function fallbackRecord(sheetId: string, sheetName: string): RunRecord {
  return {
    version: 1,
    sheetId,
    sheetName,
    outputName: outputNameFor(sheetId),
    outputAddress: "",
    columns: [],
    headers: [],
    rules: [],
    names: [],
    ranAt: "",
  };
}

/** Clears our results from a sheet (default: the active one). */
export async function clearResults(options: ClearOptions = {}): Promise<ClearOutcome> {
  try {
    const result = await Excel.run(async (context) => {
      const sheet = options.sheet
        ? context.workbook.worksheets.getItem(options.sheet)
        : context.workbook.worksheets.getActiveWorksheet();
      sheet.load("id,name");
      await context.sync();
      const record = loadRun(sheet.id) ?? fallbackRecord(sheet.id, sheet.name);
      const removed = await clearArtifacts(context, record, { includeHistory: options.includeHistory });
      return { ...removed, sheetId: sheet.id };
    });
    if (loadRun(result.sheetId)) await saveRun(result.sheetId, null);
    const { sheetId: _id, ...removed } = result;
    const any = result.cells || result.rules > 0 || result.summarySheet || result.history;
    return any ? { status: "cleared", removed } : { status: "nothing" };
  } catch (e) {
    const m = mapOfficeError(e);
    return { status: "failed", message: m.message, code: m.code };
  }
}

/** The sheet whose results "Clear results" removes. */
export interface ResultsTarget {
  sheetId: string;
  sheetName: string;
}

/**
 * Where our output is, read from the workbook itself (so the pane can offer Clear results after a reload, a cancel
 * or a failure — never from pane memory): a saved run record whose output name or summary sheet still exists, or our
 * output name for a sheet whose record was lost. Prefers the active sheet, then the sheet whose summary is active,
 * then the first sheet with results. One sync; null when the workbook holds none of our output.
 */
export async function findResults(): Promise<ResultsTarget | null> {
  const records = loadRuns();
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const active = wb.worksheets.getActiveWorksheet();
    active.load("id");
    wb.worksheets.load("items/id,items/name");
    wb.names.load("items/name");
    await context.sync();
    const names = new Set(wb.names.items.map((n) => n.name));
    const sheets = wb.worksheets.items.map((s) => ({ id: s.id, name: s.name }));
    const ids = new Set(sheets.map((s) => s.id));
    const withResults = sheets.filter((s) => {
      const r = records[s.id];
      return (
        names.has(outputNameFor(s.id)) ||
        (!!r && (names.has(r.outputName) || (!!r.summarySheet && ids.has(r.summarySheet.id))))
      );
    });
    const pick =
      withResults.find((s) => s.id === active.id) ??
      withResults.find((s) => records[s.id]?.summarySheet?.id === active.id) ??
      withResults[0];
    return pick ? { sheetId: pick.id, sheetName: pick.name } : null;
  });
}
