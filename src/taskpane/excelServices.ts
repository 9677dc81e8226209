/**
 * The real {@link PaneServices}: policy and mapping in the workbook settings (src/excel/settings), scoring through
 * src/excel/scoreActiveSheet, Clear through src/excel/clearResults, and the pipeline result mapped to the pane's
 * view model. The AR.* functions take nothing from the pane: their results depend on their arguments only.
 *
 * Selection (`selectCell`, `selectRows`) and the mapping preview (`readMapping`) go through src/excel/selection
 * (the preview reuses src/excel/readSource so it sees exactly the block a run scores).
 */
import { mergePolicy, policyMigrationNotes, type Policy } from "../engine/policy";
import { detectHeaderRow, detectMapping, mappingCertainty, validateMapping } from "../engine/sheet/headers";
import { columnLetter } from "../engine/sheet/normalize";
import type { ColumnMapping, Msg } from "../engine/sheet/types";
import { clearResults as clearSheetResults, findResults } from "../excel/clearResults";
import { previewSource, selectAddress, selectRowBlocks } from "../excel/selection";
import { scoreActiveSheetWith } from "../excel/scoreActiveSheet";
import type { ScorePhase, ScoreProgress } from "../excel/scoreSheet";
import { loadMapping, loadPolicy, saveMapping, savePolicy } from "../excel/settings";
import { todaySerial } from "./format";
import type { Lang } from "./i18n";
import type { MappingInfo, PaneServices, RunProgress, ScoreOutcome, SheetColumn } from "./services";
import { PANE_STRINGS } from "./strings";
import { paneCompute, workerCompute, type WorkerLike } from "./workerCompute";

/** Share of the progress bar each phase starts at, and its message. */
const PHASES: Readonly<Record<ScorePhase, { from: number; to: number; message: Msg }>> = {
  read: { from: 0, to: 0.15, message: { en: "Reading the sheet…", zh: "正在读取工作表…" } },
  compute: {
    from: 0.15,
    to: 0.3,
    message: { en: "Scoring invoices and customers…", zh: "正在为发票和客户评分…" },
  },
  write: { from: 0.3, to: 0.85, message: { en: "Writing result columns…", zh: "正在写入结果列…" } },
  format: { from: 0.85, to: 0.92, message: { en: "Highlighting breaches…", zh: "正在突出显示违规项…" } },
  summary: { from: 0.92, to: 0.99, message: { en: "Writing the summary sheet…", zh: "正在写入汇总表…" } },
  restore: { from: 0.99, to: 0.99, message: { en: "Restoring your sheet…", zh: "正在恢复工作表…" } },
  done: { from: 1, to: 1, message: { en: "Done.", zh: "完成。" } },
};

/** The pane's progress for a writer progress report. */
export function paneProgress(p: ScoreProgress): RunProgress {
  const phase = PHASES[p.phase] ?? PHASES.read;
  const within = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  return { fraction: phase.from + (phase.to - phase.from) * within, message: phase.message };
}

const excelLang = (lang: Lang): "en" | "zh" => (lang === "zh-CN" ? "zh" : "en");

/** Columns of a header row (letters from the block's first column). */
export function sheetColumns(headers: readonly unknown[], columnIndex: number): SheetColumn[] {
  return headers.map((h, i) => ({
    index: i,
    letter: columnLetter(columnIndex + i),
    header: h === null || h === undefined ? "" : String(h).trim(),
  }));
}

/** Sorted, de-duplicated rows as contiguous blocks: [2,3,4,9] → ["2:4", "9:9"]. */
export function rowBlocks(rows: readonly number[]): string[] {
  const sorted = [...new Set(rows.filter((r) => Number.isInteger(r) && r >= 1))].sort((a, b) => a - b);
  const out: string[] = [];
  let start = -1;
  let prev = -1;
  for (const r of sorted) {
    if (r === prev + 1) prev = r;
    else {
      if (start > 0) out.push(`${start}:${prev}`);
      start = prev = r;
    }
  }
  if (start > 0) out.push(`${start}:${prev}`);
  return out;
}

export interface ExcelServicesOptions {
  /** Today as a serial (default: the local calendar date). */
  readonly today?: () => number;
  /**
   * Starts a worker for the engine step of "Score this sheet" (createScoreWorker.ts in the pages); without it the
   * step runs on the pane's thread.
   */
  readonly createScoreWorker?: () => WorkerLike;
}

/** Services backed by Office.js (Excel, or the playground's simulator). */
export function createExcelServices(options: ExcelServicesOptions = {}): PaneServices {
  let lastSheet = "";
  let lastColumnIndex = 0;
  let policyForMapping: Policy = mergePolicy();
  let migration: Msg[] = [];
  const compute = options.createScoreWorker ? workerCompute(options.createScoreWorker) : paneCompute;

  const readMapping = async (policy: Policy = policyForMapping): Promise<MappingInfo | null> => {
    const read = await previewSource();
    const source = read.source;
    if (!source || read.isOwnSheet) return null;
    lastSheet = source.sheetName;
    lastColumnIndex = source.columnIndex;
    const detection = detectHeaderRow(source.values);
    if (!detection) return null;
    const headerRow = source.values[detection.index] ?? [];
    const saved = loadMapping<ColumnMapping>(source.sheetName);
    const detected = detectMapping(headerRow);
    const mapping = saved ?? detected.mapping;
    // A mapping the analyst confirmed needs no asking; a detected one only when it is certain (spec §1 v2).
    const certainty = saved
      ? null
      : mappingCertainty(headerRow, detected, policy, detection, source.rowIndex);
    return {
      sheet: source.sheetName,
      columns: sheetColumns(headerRow, source.columnIndex),
      mapping,
      saved: saved !== null,
      problems: validateMapping(mapping, policy).map((p) => p.message),
      notes: saved ? [] : detected.notes.map((n) => n.message),
      askReasons: certainty?.reasons ?? [],
    };
  };

  return {
    async loadPolicy() {
      const saved = loadPolicy<Record<string, unknown>>();
      migration = policyMigrationNotes(saved);
      const p = mergePolicy(saved);
      policyForMapping = p;
      return p;
    },
    policyNotes: () => migration,
    async savePolicy(policy) {
      await savePolicy(policy);
      policyForMapping = policy;
    },
    readMapping: () => readMapping(),
    async saveMapping(mapping) {
      if (!lastSheet) {
        const info = await readMapping();
        if (!info) return;
      }
      await saveMapping(lastSheet, mapping);
    },
    async score(request): Promise<ScoreOutcome> {
      // Columns not confirmed yet (none given, none saved): the header rows alone decide — no need to read (and hand
      // to the worker) a sheet of a million rows first. A certain detection (spec §1 v2) scores at once with the
      // detected mapping, shown afterwards with "Change columns"; an unsure one asks first and says why. Sheets the
      // preview cannot place (empty, our own, no header row) take the full run, which explains why.
      let mapping = request.mapping;
      let used: MappingInfo | undefined;
      if (!mapping) {
        const preview = await readMapping(request.policy);
        if (preview && !preview.saved) {
          if ((preview.askReasons?.length ?? 0) > 0 || preview.problems.length > 0)
            return { status: "needsMapping", mapping: preview };
          mapping = preview.mapping;
          used = preview;
        }
      }
      const outcome = await scoreActiveSheetWith(
        {
          policy: request.policy,
          asOf: request.asOf,
          ...(mapping ? { mapping } : {}),
          lang: excelLang(request.lang),
          ...(request.policyName ? { policyName: request.policyName } : {}),
          signal: request.signal,
          onProgress: (p) => request.onProgress(paneProgress(p)),
        },
        compute,
        { rememberMapping: !used },
      );
      switch (outcome.status) {
        case "done": {
          lastSheet = outcome.output.sheetName;
          return { status: "done", result: outcome.summary, ...(used ? { mapping: used } : {}) };
        }
        case "needsMapping": {
          const d = outcome.detected as {
            headerRowIndex?: number;
            headers?: unknown[];
            mapping?: ColumnMapping;
            problems?: Msg[];
          } | null;
          const mapping = d?.mapping ?? {};
          // The engine's own problems (incl. its "no header row" reason) when it gave any; else ours. An empty list
          // counts as none, so a sheet without a header row is always explained.
          const engineProblems = d?.problems?.length ? d.problems : null;
          const noHeader: Msg[] =
            !engineProblems && typeof d?.headerRowIndex === "number" && d.headerRowIndex < 0
              ? [{ en: PANE_STRINGS["en-US"].noHeaderRow, zh: PANE_STRINGS["zh-CN"].noHeaderRow }]
              : [];
          const problems = engineProblems ?? validateMapping(mapping, request.policy).map((p) => p.message);
          const message = outcome.message;
          const repeated = !!message && problems.some((p) => p.en === message.en && p.zh === message.zh);
          return {
            status: "needsMapping",
            mapping: {
              sheet: lastSheet,
              columns: sheetColumns(d?.headers ?? [], lastColumnIndex),
              mapping,
              saved: false,
              problems: [...noHeader, ...problems],
              notes: message && !repeated ? [message] : [],
            },
          };
        }
        case "blocked":
          return { status: "blocked", message: outcome.message };
        case "cancelled":
          return { status: "cancelled" };
        default:
          return { status: "failed", message: outcome.message };
      }
    },
    async clearResults() {
      // The sheet whose results the workbook holds (the active one first), else the sheet scored last.
      const target = await findResults();
      const outcome = await clearSheetResults(
        target ? { sheet: target.sheetId } : lastSheet ? { sheet: lastSheet } : {},
      );
      if (outcome.status === "failed") throw new Error(outcome.message.en);
    },
    resultsInWorkbook: async () => (await findResults()) !== null,
    async onActiveSheetChanged(listener) {
      // Office.js worksheets.onActivated (ExcelApi 1.7, within the manifest's 1.9). A host that cannot register it
      // rejects: the pane then re-reads the active sheet when it regains focus.
      let registered: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | null = null;
      await Excel.run(async (context) => {
        registered = context.workbook.worksheets.onActivated.add(async () => listener());
        await context.sync();
      });
      return () => {
        const r = registered;
        if (!r) return;
        registered = null;
        void Excel.run(r.context, async (context) => {
          r.remove();
          await context.sync();
        }).catch(() => undefined);
      };
    },
    async selectCell(address) {
      await selectAddress(address, lastSheet || undefined);
    },
    async selectRows(rows) {
      await selectRowBlocks(rowBlocks(rows), lastSheet || undefined);
    },
    today: options.today ?? (() => todaySerial()),
  };
}
