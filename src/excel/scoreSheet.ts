/**
 * "Score this sheet": read the source, run the pure engine, write the plan back — additive, idempotent,
 * reversible (spec §4), in a constant number of round trips plus one per data chunk (spec §7):
 *
 *   read 3 · check 1 (+1 when the sheet has custom conditional formats) · data chunks N · rules 1 · summary 1 ·
 *   commit 1.
 * A protected sheet is detected in the check sync: the run stops before writing anything (AccessDenied).
 *
 * Output placement: the columns right after the source's last column (or new table columns when the source is a
 * table). A workbook name (`CRT_Output_<sheet id>`) covers our header + data cells; Excel shifts it when the
 * analyst inserts rows or columns, so a re-run writes the same cells in place and Clear finds them. Target cells
 * outside our previous output must be empty, else we stop before writing anything ("blocked").
 *
 * Cancel and failure (spec §4 v2): a cancelled or failed run leaves the workbook exactly as before the run, in every
 * phase — our previous output included. Nothing is written while reading and computing; the data chunks overwrite
 * only our own cells, whose previous values and formats were read first; the rules and the summary are built next to
 * the previous run's (rules found again by id, the summary on a hidden sheet under a pending name); the commit sync
 * alone removes the previous rules and summary, names the new summary and appends the history rows. Until the commit
 * a cancel (checked after every sync) or a failure undoes exactly what this run added and restores our previous cells.
 */
import { writeChunked, DEFAULT_CHUNK_BYTES, DEFAULT_CHUNK_CELLS } from "./chunkWriter";
import { engineReason, mapOfficeError, withNote } from "./errors";
import { readSource, type SourcePlacement, type SourceRead, type SourceSnapshot } from "./readSource";
import { HISTORY_SHEET, outputNameFor, type RunRecord } from "./runRecord";
import { queueAddRules, queueDeleteOurRules, queueRuleFormulas, queueRuleScan } from "./rules";
import { loadRuns, saveRun } from "./settings";
import { chooseSummaryName, queueSummary } from "./summaryWriter";
import {
  rectAddress,
  rectDifference,
  safeCell,
  type Bilingual,
  type HistoryPlan,
  type Lang,
  type OutCell,
  type Rect,
  type WritePlan,
} from "./writePlan";

export type ScorePhase = "read" | "compute" | "write" | "format" | "summary" | "restore" | "done";
export interface ScoreProgress {
  phase: ScorePhase;
  done: number;
  total: number;
}

export interface ScoreOptions<P = unknown, M = unknown> {
  policy: P;
  /** As-of date (Excel serial). */
  asOf: number;
  /** Confirmed mapping (column index relative to the source block → role); detected when absent. */
  mapping?: M;
  lang: Lang;
  /** What the analyst calls the policy (the summary's title line names it); default "Workbook policy". */
  policyName?: Bilingual;
  onProgress?: (p: ScoreProgress) => void;
  signal?: AbortSignal;
  /** Max cells per write request (default 1,000,000; never above 5,000,000). */
  chunkCells?: number;
  /** Max bytes of values + formats per write request (default 3,000,000 so a request stays < 4 MB). */
  chunkBytes?: number;
}

/**
 * What the engine step returns to the writer. A step may hand over the data rows ready to write (`rows`: one
 * sanitised row per source data row, the plan's columns in order, with `rowBytes` their JSON sizes) — a worker does,
 * so the UI thread neither builds nor measures a million rows in one task; otherwise they are built from the plan.
 */
export type ComputeOutcome<S> =
  | {
      status: "plan";
      plan: WritePlan;
      headerRowOffset: number;
      summary: S;
      rows?: OutCell[][];
      rowBytes?: number[];
    }
  | { status: "needsMapping"; detected: unknown; message?: Bilingual }
  | { status: "blocked"; message: Bilingual };

/** The engine step, given the read snapshot: pure, on this thread or (asynchronously) in a worker. */
export type Compute<S, P = unknown, M = unknown> = ((
  read: SourceRead & { source: SourceSnapshot },
  options: ScoreOptions<P, M>,
) => ComputeOutcome<S> | Promise<ComputeOutcome<S>>) & {
  /**
   * Optional: a session opened before the read, which receives the source rows chunk by chunk while they are read
   * (so a worker copies and unpacks them while the next chunk is on its way) and then computes.
   */
  start?: (options: ScoreOptions<P, M>) => ComputeSession<S, P, M>;
};

/** An engine step fed while reading (see {@link Compute.start}). */
export interface ComputeSession<S, P = unknown, M = unknown> {
  /**
   * The next chunk of source rows, in order (the first chunk starts at the source's first row), and where the source
   * block sits (the same for every chunk of a run).
   */
  rows(chunk: unknown[][], source: SourcePlacement): void;
  /** The read is complete: compute (the snapshot's values are the rows already given). */
  finish(
    read: SourceRead & { source: SourceSnapshot },
    options: ScoreOptions<P, M>,
  ): ComputeOutcome<S> | Promise<ComputeOutcome<S>>;
  /** The run ends without `finish` (cancelled, blocked, failed): release what the session holds. */
  close(): void;
}

export interface ScoreDone<S> {
  status: "done";
  summary: S;
  output: { sheetName: string; address: string; columns: string[]; dataRows: number };
  summarySheet?: string;
  chunks: number;
  notes: Bilingual[];
}

export type ScoreOutcome<S> =
  | ScoreDone<S>
  | { status: "needsMapping"; detected: unknown; message?: Bilingual }
  | { status: "blocked"; message: Bilingual; cells?: string[] }
  | { status: "cancelled" }
  | { status: "failed"; message: Bilingual; code: string };

const MAX_COLUMNS = 16384;

export const MESSAGES = {
  empty: {
    en: "The active sheet is empty. Open your invoice sheet and try again.",
    zh: "当前工作表为空。请打开发票工作表后重试。",
  },
  ownSheet: {
    en: "This sheet was created by the add-in. Open your invoice sheet and try again.",
    zh: "此工作表由加载项创建。请打开发票工作表后重试。",
  },
  noRoom: {
    en: "There is no room to the right of your data for the result columns.",
    zh: "数据右侧没有足够的空间写入结果列。",
  },
  occupied: (cells: string[]): Bilingual => ({
    en: `${cells.join(", ")} already contain${cells.length === 1 && !cells[0].includes(":") ? "s" : ""} data. The results go to the right of your table: move or clear those cells, then score again. Nothing was written.`,
    zh: `${cells.join("、")} 已有数据。结果会写在表格右侧：请移动或清除这些单元格后重新评分。未写入任何内容。`,
  }),
  restored: {
    en: "Your sheet was restored to how it was before this run.",
    zh: "工作表已恢复到本次运行之前的状态。",
  },
  unchanged: {
    en: "Nothing in the workbook was changed.",
    zh: "工作簿未作任何更改。",
  },
  removed: {
    en: "The partial results were removed; your own data was not changed. Score again when ready.",
    zh: "部分结果已被删除；您的数据未被更改。准备好后请重新评分。",
  },
  leftovers: {
    en: "Some partial results may remain; use Clear results to remove them.",
    zh: "可能仍有部分结果残留；请使用“清除结果”将其删除。",
  },
  protectedSheet: (name: string): Bilingual => ({
    en: `Sheet "${name}" is protected, so the results could not be written: unprotect it (Review › Unprotect Sheet) and run again. Nothing was written.`,
    zh: `工作表“${name}”受保护，无法写入结果：请取消保护（审阅 › 撤消工作表保护）后重新运行。未写入任何内容。`,
  }),
  renamedSummary: (name: string): Bilingual => ({
    en: `A sheet of yours already has the summary's name, so the summary was written to "${name}".`,
    zh: `已有同名的用户工作表，因此汇总写入了“${name}”。`,
  }),
};

/** Bounding rect (sheet coordinates) of the non-empty cells of a block of values, or null when all are empty. */
export function nonEmptyBounds(values: unknown[][], row0: number, col0: number): Rect | null {
  let r1 = -1;
  let r2 = -1;
  let c1 = Infinity;
  let c2 = -1;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      if (r1 < 0) r1 = r;
      r2 = r;
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    }),
  );
  return r1 < 0 ? null : { row: row0 + r1, col: col0 + c1, rowCount: r2 - r1 + 1, colCount: c2 - c1 + 1 };
}

class StageError extends Error {
  constructor(
    readonly stage: "write" | "finish",
    readonly cause: unknown,
  ) {
    super("stage failed");
  }
}

/**
 * Runs "Score this sheet" with a given engine step. `scoreActiveSheet` (scoreActiveSheet.ts) binds the real
 * engine; tests may pass a hand-made compute.
 */
export async function runScore<S, P, M>(
  options: ScoreOptions<P, M>,
  compute: Compute<S, P, M>,
): Promise<ScoreOutcome<S>> {
  const progress = (phase: ScorePhase, done = 0, total = 1) => options.onProgress?.({ phase, done, total });
  const session = compute.start?.(options);
  try {
    return await Excel.run(async (context) => {
      progress("read");
      const read = await readSource(context, loadRuns(), {
        onProgress: (done, total) => progress("read", done, total),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(session ? { onRows: (rows: unknown[][], at: SourcePlacement) => session.rows(rows, at) } : {}),
      });
      // Cancelled while reading or computing: nothing has been written yet.
      if (options.signal?.aborted) return { status: "cancelled" as const };
      if (read.isOwnSheet) return { status: "blocked" as const, message: MESSAGES.ownSheet };
      if (!read.source || read.source.values.length === 0)
        return { status: "blocked" as const, message: MESSAGES.empty };
      progress("compute");
      let outcome: ComputeOutcome<S>;
      try {
        const snapshot = { ...read, source: read.source };
        outcome = await (session ? session.finish(snapshot, options) : compute(snapshot, options));
        if (options.signal?.aborted) return { status: "cancelled" as const };
      } catch (e) {
        if (options.signal?.aborted) return { status: "cancelled" as const };
        const why = engineReason(e);
        return {
          status: "failed" as const,
          code: "Engine",
          message: { en: `The sheet could not be scored: ${why.en}`, zh: `无法对此工作表评分：${why.zh}` },
        };
      }
      if (outcome.status !== "plan") return outcome;
      return await writeAll(
        context,
        read as SourceRead & { source: SourceSnapshot },
        outcome,
        options,
        progress,
      );
    });
  } catch (e) {
    // Failures that reach here happened before anything was written (reading, checking the target cells).
    const m = mapOfficeError(e);
    return { status: "failed", message: withNote(m.message, MESSAGES.unchanged), code: m.code };
  } finally {
    session?.close();
  }
}

async function writeAll<S, P, M>(
  context: Excel.RequestContext,
  read: SourceRead & { source: SourceSnapshot },
  outcome: { plan: WritePlan; headerRowOffset: number; summary: S; rows?: OutCell[][]; rowBytes?: number[] },
  options: ScoreOptions<P, M>,
  progress: (phase: ScorePhase, done?: number, total?: number) => void,
): Promise<ScoreOutcome<S>> {
  const { plan, headerRowOffset } = outcome;
  const src = read.source;
  const wb = context.workbook;
  const sheet = wb.worksheets.getItem(read.sheetId);
  const keys = plan.columns.map((c) => c.key);
  // The header texts as the cells hold them (the run record finds them again by these), written protected.
  const headers = plan.columns.map((c) => c.header[options.lang]);
  const K = keys.length;
  const nData = Math.max(0, src.values.length - headerRowOffset - 1);
  const prev = read.previous;
  const srcWidth = src.values[0]?.length ?? 0;
  const startCol = prev ? prev.rect.col : src.columnIndex + srcWidth;
  if (startCol + K > MAX_COLUMNS) return { status: "blocked", message: MESSAGES.noRoom };
  const T: Rect = { row: src.rowIndex + headerRowOffset, col: startCol, rowCount: 1 + nData, colCount: K };
  const outputName = read.record?.outputName ?? outputNameFor(read.sheetId);
  const notes: Bilingual[] = [];

  // Table source: our columns are table columns. E of them exist from the previous run (at the table's end).
  const table = read.table ? wb.tables.getItem(read.table.name) : null;
  const tableRect = read.table?.rect ?? null;
  const existingTableCols =
    tableRect && prev && prev.rect.col >= tableRect.col && prev.rect.col < tableRect.col + tableRect.colCount
      ? prev.rect.colCount
      : 0;
  const addTableCols = table ? Math.max(0, K - existingTableCols) : 0;

  // --- check (1 sync, +1 when the sheet has custom conditional formats) ----------------------------------------
  const probes = rectDifference(T, prev?.rect ?? null).map((r) => {
    const u = sheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount).getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex");
    return u;
  });
  const cfs = queueRuleScan(sheet);
  const sheets = wb.worksheets;
  sheets.load("items/name,items/id,items/position");
  const nameObj = wb.names.getItemOrNullObject(outputName);
  nameObj.load("name");
  sheet.load("protection/protected");
  await context.sync();
  // A protected sheet refuses every write (and the rollback): stop before writing anything.
  if (sheet.protection.protected)
    return { status: "failed", code: "AccessDenied", message: MESSAGES.protectedSheet(read.sheetName) };
  const hits = probes.filter((u) => !u.isNullObject);
  let occupied: string[] = [];
  if (hits.length > 0) {
    // Some hosts report the used range clipped to the probe rather than the non-empty cells: look at the values.
    hits.forEach((u) => u.load("values"));
    await context.sync();
    occupied = hits
      .map((u) => nonEmptyBounds(u.values, u.rowIndex, u.columnIndex))
      .filter((r): r is Rect => r !== null)
      .map((r) => rectAddress(r.row, r.col, r.rowCount, r.colCount));
  }
  if (occupied.length > 0)
    return { status: "blocked", message: MESSAGES.occupied(occupied), cells: occupied };
  const custom = queueRuleFormulas(cfs);
  if (custom.length > 0) await context.sync();
  const nameExisted = !nameObj.isNullObject;

  // Provisional record: if anything below fails and cannot be rolled back, Clear still knows what we wrote.
  const prevRecord = read.record;
  const record: RunRecord = {
    version: 1,
    sheetId: read.sheetId,
    sheetName: read.sheetName,
    outputName,
    outputAddress: rectAddress(T.row, T.col, T.rowCount, T.colCount),
    columns: keys,
    headers,
    ...(read.table ? { table: { name: read.table.name, columns: headers } } : {}),
    rules: prevRecord?.rules ?? [],
    ...(prevRecord?.summarySheet ? { summarySheet: prevRecord.summarySheet } : {}),
    names: [outputName],
    ranAt: new Date().toISOString(),
  };
  await saveRun(read.sheetId, record);

  // --- data chunks (one sync each) ------------------------------------------------------------------------------
  const rows: OutCell[][] =
    outcome.rows ??
    Array.from({ length: nData }, (_, r) => plan.columns.map((c) => safeCell(c.values[r] ?? "")));
  const formats = plan.columns.map((c) => c.numberFormat);
  const dataRect: Rect = { row: T.row + 1, col: T.col, rowCount: nData, colCount: K };
  const beforeFirst = () => {
    if (table && tableRect) {
      for (let i = existingTableCols - 1; i >= K; i--)
        table.columns.getItemAt(prev!.rect.col - tableRect.col + i).delete();
      for (let i = 0; i < addTableCols; i++)
        table.columns.add(undefined, undefined, headers[existingTableCols + i]);
    }
    if (prev && !table) {
      for (const r of rectDifference(prev.rect, T))
        sheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount).clear(Excel.ClearApplyTo.all);
    }
    const head = sheet.getRangeByIndexes(T.row, T.col, 1, K);
    head.values = [headers.map(safeCell)];
    head.format.fill.color = plan.headerStyle.fill;
    head.format.font.color = plan.headerStyle.fontColor;
    head.format.font.bold = plan.headerStyle.bold;
    if (nameExisted) nameObj.delete();
    wb.names.add(outputName, sheet.getRangeByIndexes(T.row, T.col, T.rowCount, T.colCount));
  };
  progress("write", 0, nData);
  let chunks = 0;
  try {
    const res = await writeChunked(context, sheet, dataRect, rows, formats, {
      maxBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      maxCells: Math.min(options.chunkCells ?? DEFAULT_CHUNK_CELLS, 5_000_000),
      signal: options.signal,
      onChunk: (done, total) => progress("write", done, total),
      beforeFirst,
      ...(outcome.rowBytes ? { rowBytes: outcome.rowBytes } : {}),
    });
    chunks = res.chunks;
    if (res.cancelled) {
      progress("restore");
      await restoreBefore(context, sheet, read, T, addTableCols, true, options);
      await saveRun(read.sheetId, prevRecord);
      return { status: "cancelled" };
    }
  } catch (e) {
    return fail(e, async () => {
      await restoreBefore(context, sheet, read, T, addTableCols, true, options);
      await saveRun(read.sheetId, prevRecord);
      return MESSAGES.restored;
    });
  }

  // --- rules (1 sync), summary (1 sync), commit (1 sync) -----------------------------------------------------
  // Build first, then swap: this run's rules are added next to the previous run's, its summary is written to a
  // hidden sheet of its own, and only the commit sync removes what the previous run left (rules, summary sheet),
  // names the new summary and appends the history rows. Until then a cancel or a failure puts back exactly what was
  // there before the run (spec §4 v2), our previous output included; trends and DETERIORATING only ever compare
  // completed runs.
  const oldRuleIds = new Set(cfs.items.map((cf) => cf.id));
  let pendingSummary: string | null = null;
  let committing = false;
  const undo = async (): Promise<void> => {
    progress("restore");
    await rollbackFinish(context, sheet, oldRuleIds, pendingSummary, committing ? read.history : null);
    await restoreBefore(context, sheet, read, T, addTableCols, true, options);
    await saveRun(read.sheetId, prevRecord);
  };
  let chosenSummary: string | undefined;
  try {
    if (options.signal?.aborted) {
      await undo();
      return { status: "cancelled" };
    }
    progress("format");
    record.rules = queueAddRules(sheet, plan.rules, { output: T, sourceCol: src.columnIndex, keys });
    await context.sync();
    if (options.signal?.aborted) {
      await undo();
      return { status: "cancelled" };
    }

    let summarySheet: Excel.Worksheet | null = null;
    const list = sheets.items.map((s) => ({ id: s.id, name: s.name }));
    const ownId = prevRecord?.summarySheet?.id;
    const own = ownId ? sheets.items.find((s) => s.id === ownId) : undefined;
    if (plan.summary) {
      progress("summary");
      const base = plan.summary.name[options.lang];
      chosenSummary = chooseSummaryName(base, list, ownId);
      if (chosenSummary !== base) notes.push(MESSAGES.renamedSummary(chosenSummary));
      // Under a name of its own until the commit (a name no sheet has; the previous summary keeps its own).
      pendingSummary = chooseSummaryName(PENDING_SUMMARY, list);
      summarySheet = queueSummary(wb, pendingSummary, plan.summary, plan.headerStyle);
      summarySheet.visibility = Excel.SheetVisibility.hidden;
      summarySheet.load("id");
      await context.sync();
      if (options.signal?.aborted) {
        await undo();
        return { status: "cancelled" };
      }
    }

    // Commit: one sync, the history rows last (a commit that fails part-way never leaves them behind alone).
    committing = true;
    queueDeleteOurRules(custom);
    if (own && plan.summary) wb.worksheets.getItem(own.id).delete();
    if (summarySheet && chosenSummary) {
      summarySheet.visibility = Excel.SheetVisibility.visible;
      summarySheet.name = chosenSummary;
      // Where the previous summary was, so a re-run leaves the sheet tabs in the same order.
      if (own) summarySheet.position = own.position;
    }
    if (plan.history && plan.history.rows.length > 0) queueHistory(wb, read, plan.history);
    await context.sync();
    if (summarySheet && chosenSummary) record.summarySheet = { id: summarySheet.id, name: chosenSummary };
    else delete record.summarySheet;
    await saveRun(read.sheetId, record);
  } catch (e) {
    return fail(e, async () => {
      await undo();
      return MESSAGES.restored;
    });
  }
  progress("done", 1, 1);
  return {
    status: "done",
    summary: outcome.summary,
    output: { sheetName: read.sheetName, address: record.outputAddress, columns: keys, dataRows: nData },
    ...(record.summarySheet ? { summarySheet: record.summarySheet.name } : {}),
    chunks,
    notes,
  };
}

/** Maps the error and runs the rollback; the message says whether the rollback worked. */
async function fail(
  error: unknown,
  rollback: () => Promise<Bilingual>,
): Promise<{ status: "failed"; message: Bilingual; code: string }> {
  const m = mapOfficeError(error instanceof StageError ? error.cause : error);
  try {
    const note = await rollback();
    return { status: "failed", message: withNote(m.message, note), code: m.code };
  } catch {
    return { status: "failed", message: withNote(m.message, MESSAGES.leftovers), code: m.code };
  }
}

/**
 * Queues appending snapshot rows (with their number formats) to the hidden history sheet, created very hidden with
 * a header on first use. A history written by an older version has a shorter header (v1: 8 columns, v2 adds Overdue
 * and Dunned Invoices): the missing header cells are added, so the header always names every column the rows fill
 * (a rollback clears them again, see rollbackFinish).
 */
function queueHistory(wb: Excel.Workbook, read: SourceRead, history: HistoryPlan): void {
  const width = Math.max(history.header.length, ...history.rows.map((r) => r.length));
  const pad = (r: OutCell[]): OutCell[] => Array.from({ length: width }, (_, c) => safeCell(r[c] ?? ""));
  let hs: Excel.Worksheet;
  let row: number;
  if (read.history.exists) {
    hs = wb.worksheets.getItem(HISTORY_SHEET);
    row = read.history.values.length;
    const old = read.history.values[0] ?? [];
    let filled = old.length;
    while (filled > 0 && (old[filled - 1] === "" || old[filled - 1] == null)) filled--;
    if (row > 0 && filled < history.header.length) {
      const count = history.header.length - filled;
      hs.getRangeByIndexes(0, filled, 1, count).values = [history.header.slice(filled).map(safeCell)];
    }
  } else {
    hs = wb.worksheets.add(HISTORY_SHEET);
    hs.visibility = Excel.SheetVisibility.veryHidden;
    row = 0;
  }
  if (row === 0) {
    hs.getRangeByIndexes(0, 0, 1, width).values = [pad(history.header)];
    row = 1;
  }
  const n = history.rows.length;
  hs.getRangeByIndexes(row, 0, n, width).values = history.rows.map(pad);
  history.formats?.forEach((f, c) => {
    if (f && c < width) hs.getRangeByIndexes(row, c, n, 1).numberFormat = history.rows.map(() => [f]);
  });
}

/** Name the new summary sheet has (hidden) until the commit names it. */
const PENDING_SUMMARY = "CRT_Pending_Summary";

/**
 * Undoes what the finishing syncs of a run added (never what was there before): our rules that were not on the
 * sheet before the run (found by our marker and their ids), the summary sheet still under its pending name, and —
 * when the commit was attempted — any history rows beyond those read at the start (the history sheet itself when
 * the run was creating it). A constant number of syncs.
 */
async function rollbackFinish(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  oldRuleIds: ReadonlySet<string>,
  pendingSummary: string | null,
  history: SourceRead["history"] | null,
): Promise<void> {
  const wb = context.workbook;
  const cfs = sheet.getRange().conditionalFormats;
  cfs.load("items/type,items/id");
  const pending = pendingSummary ? wb.worksheets.getItemOrNullObject(pendingSummary) : null;
  pending?.load("name");
  const hs = history ? wb.worksheets.getItemOrNullObject(HISTORY_SHEET) : null;
  hs?.load("name");
  await context.sync();
  const added = queueRuleFormulas(cfs).filter((cf) => !oldRuleIds.has(cf.id));
  const used = hs && !hs.isNullObject && history?.exists ? hs.getUsedRangeOrNullObject(true) : null;
  used?.load("rowCount,rowIndex,columnCount,columnIndex");
  if (added.length > 0 || used) await context.sync();
  queueDeleteOurRules(added);
  if (pending && !pending.isNullObject) pending.delete();
  if (history && hs && !hs.isNullObject) {
    if (!history.exists) {
      hs.visibility = Excel.SheetVisibility.hidden; // a very-hidden sheet must be un-hidden before deletion
      hs.delete();
    } else if (used && !used.isNullObject) {
      const end = used.rowIndex + used.rowCount;
      const keep = history.values.length;
      if (end > keep)
        hs.getRangeByIndexes(keep, 0, end - keep, 1)
          .getEntireRow()
          .delete(Excel.DeleteShiftDirection.up);
      // Header cells the commit added to an older (shorter) history header go too.
      const header = history.values[0] ?? [];
      let filled = header.length;
      while (filled > 0 && (header[filled - 1] === "" || header[filled - 1] == null)) filled--;
      const right = used.columnIndex + used.columnCount;
      if (keep > 0 && right > filled)
        hs.getRangeByIndexes(0, filled, 1, right - filled).clear(Excel.ClearApplyTo.contents);
    }
  }
  await context.sync();
}

/** Puts the sheet back as it was before this run: removes this run's cells, restores the previous output. */
async function restoreBefore<P, M>(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  read: SourceRead,
  T: Rect,
  addedTableCols: number,
  touchedName: boolean,
  options: ScoreOptions<P, M>,
): Promise<void> {
  const wb = context.workbook;
  const prev = read.previous;
  const outputName = read.record?.outputName ?? outputNameFor(read.sheetId);
  // Sync 1: remove what this run added.
  if (read.table && addedTableCols > 0) {
    const table = wb.tables.getItem(read.table.name);
    const first = T.col + T.colCount - addedTableCols - read.table.rect.col;
    for (let i = addedTableCols - 1; i >= 0; i--) table.columns.getItemAt(first + i).delete();
    const kept: Rect = { ...T, colCount: T.colCount - addedTableCols };
    if (!prev && kept.colCount > 0)
      sheet.getRangeByIndexes(kept.row, kept.col, kept.rowCount, kept.colCount).clear(Excel.ClearApplyTo.all);
  } else {
    for (const r of rectDifference(T, prev?.rect ?? null)) {
      sheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount).clear(Excel.ClearApplyTo.all);
    }
  }
  if (touchedName) {
    const n = wb.names.getItemOrNullObject(outputName);
    n.load("name");
    await context.sync();
    if (!n.isNullObject) n.delete();
    if (prev)
      wb.names.add(
        outputName,
        sheet.getRangeByIndexes(prev.rect.row, prev.rect.col, prev.rect.rowCount, prev.rect.colCount),
      );
  }
  // Then the previous output's values and number formats, chunked like the data (its texts protected again: they
  // were read back as plain text, which Excel would parse on the way in).
  if (prev) {
    await writeChunked(
      context,
      sheet,
      prev.rect,
      prev.values.map((r) => r.map(safeCell)),
      [],
      {
        maxBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
        maxCells: options.chunkCells ?? DEFAULT_CHUNK_CELLS,
        cellFormats: prev.numberFormats,
      },
    );
  } else {
    await context.sync();
  }
}
