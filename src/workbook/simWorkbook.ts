/** SimWorkbook: owns the model, options, stats, fault plan, document settings and custom-function registry. */
import { columnLetters, parseAddress } from "./address";
import type { SheetModel } from "./model/sheet";
import type { CellValue, FormulaEvaluator } from "./model/types";
import { WorkbookModel } from "./model/workbook";
import type { SimHost } from "./office/proxy";
import {
  DEFAULT_PROFILE,
  type HostProfile,
  type Platform,
  WEB_PAYLOAD_LIMIT_BYTES,
  parseProfile,
  requirementSetsFor,
} from "./profile";
import { createView, type WorkbookView } from "./view/view";

export interface SheetData {
  name: string;
  /** Placed from A1; null/undefined -> ""; strings starting with "=" are formulas. */
  values: unknown[][];
  /** Optional number formats, same layout as values (missing = General). */
  numberFormats?: (string | null | undefined)[][];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
}

export interface SimOptions {
  /** Host platform (see ./profile.ts); default "windows". */
  platform?: Platform;
  /** ExcelApi level, "1.1" … the newest in @types/office-js (the default). */
  excelApi?: string;
  /**
   * Request payload limit per sync in bytes. Default: 5 MB on the web, none on Windows and Mac (the limit is
   * Excel on the web's). When set, it applies on every platform.
   */
  payloadLimitBytes?: number;
  /**
   * Error code of a request above the limit: default GeneralException on the web (as Excel on the web has reported
   * it), RequestPayloadSizeLimitExceeded elsewhere (an explicit `payloadLimitBytes`).
   */
  oversizeRequestCode?: "GeneralException" | "RequestPayloadSizeLimitExceeded";
  /**
   * Response payload limit per sync in bytes (UTF-8 JSON of the loaded values, as counted in
   * `SimStats.responseBytes`). Default: 5 MB on the web, none elsewhere. Above it the sync fails with
   * ResponsePayloadSizeLimitExceeded and delivers nothing.
   */
  responsePayloadLimitBytes?: number;
  /** Office.context.displayLanguage; default "en-US". */
  displayLanguage?: string;
  /** Extra or replaced requirement sets (name -> highest version), on top of the profile's. */
  requirementSets?: Record<string, string>;
}

export interface SimStats {
  syncs: number;
  /** Syncs that failed (payload refusals, faults, errors), included in `syncs`. */
  failedSyncs: number;
  requestBytes: number;
  maxRequestBytes: number;
  responseBytes: number;
  maxResponseBytes: number;
}

const noStats = (): SimStats => ({
  syncs: 0,
  failedSyncs: 0,
  requestBytes: 0,
  maxRequestBytes: 0,
  responseBytes: 0,
  maxResponseBytes: 0,
});

export interface ConditionalFormatInfo {
  id: string;
  type: string;
  address: string;
  priority: number;
  stopIfTrue: boolean;
  formula?: string;
  operator?: string;
  formula1?: string;
  formula2?: string;
  format?: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
  criteria?: unknown;
  dataBar?: { barDirection: string; positiveFillColor: string; negativeFillColor: string };
}

export interface FaultPlan {
  /** nth upcoming non-empty sync, 1-based. */
  at: number;
  code: string;
  message?: string;
}

/** Requirement sets of the default profile (Windows, newest ExcelApi level). */
export const DEFAULT_REQUIREMENT_SETS: Readonly<Record<string, string>> = requirementSetsFor(DEFAULT_PROFILE);

export class SimWorkbook {
  readonly model = new WorkbookModel();
  readonly view: WorkbookView;
  /** The host this workbook plays: platform and ExcelApi level. */
  readonly profile: HostProfile;
  readonly payloadLimitBytes: number;
  readonly responsePayloadLimitBytes: number;
  readonly oversizeRequestCode: string;
  displayLanguage: string;
  readonly requirementSets: Record<string, string>;
  /** Live document settings (Office.context.document.settings). */
  readonly settings = new Map<string, unknown>();
  /** Settings as of the last `saveAsync` (what the document would keep). */
  savedSettings: Record<string, unknown> = {};
  /** CustomFunctions.associate registrations. */
  readonly customFunctions = new Map<string, (...args: unknown[]) => unknown>();
  /** Office.actions.associate registrations. */
  readonly actions = new Map<string, (...args: unknown[]) => unknown>();
  /**
   * Every Office.js member refused with ApiNotFound ("Range.getMergedAreasOrNullObject"), in order, even when the
   * caller caught the error: an add-in that feature-detects first never appears here.
   */
  readonly apiRefusals: string[] = [];
  /** Office.addin calls, in order ("showAsTaskpane", "hide"). */
  readonly addinCalls: string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly faults: FaultPlan[] = [];
  private syncCounter = 0;
  private counters: SimStats = noStats();
  /** The SimHost the proxies use. */
  readonly host: SimHost;

  constructor(options: SimOptions = {}) {
    const profile = parseProfile(options.platform, options.excelApi);
    if (options.excelApi !== undefined && profile.excelApi !== options.excelApi)
      throw new Error(`Unknown ExcelApi level ${options.excelApi}`);
    this.profile = profile;
    const web = profile.platform === "web";
    this.payloadLimitBytes = options.payloadLimitBytes ?? (web ? WEB_PAYLOAD_LIMIT_BYTES : Infinity);
    this.responsePayloadLimitBytes =
      options.responsePayloadLimitBytes ?? (web ? WEB_PAYLOAD_LIMIT_BYTES : Infinity);
    this.oversizeRequestCode =
      options.oversizeRequestCode ?? (web ? "GeneralException" : "RequestPayloadSizeLimitExceeded");
    this.displayLanguage = options.displayLanguage ?? "en-US";
    this.model.shortDateFormat = shortDateFormat(this.displayLanguage);
    this.requirementSets = { ...requirementSetsFor(profile), ...options.requirementSets };
    this.view = createView(this.model, this.listeners, () => this.notify());
    this.host = {
      model: this.model,
      payloadLimitBytes: this.payloadLimitBytes,
      oversizeRequestCode: this.oversizeRequestCode,
      responsePayloadLimitBytes: this.responsePayloadLimitBytes,
      requirementSets: this.requirementSets,
      takeFault: () => {
        this.syncCounter++;
        const i = this.faults.findIndex((f) => f.at === this.syncCounter);
        if (i < 0) return null;
        const [f] = this.faults.splice(i, 1);
        return f;
      },
      recordSync: (req, res, failed) => {
        const s = this.counters;
        s.syncs++;
        if (failed) s.failedSyncs++;
        s.requestBytes += req;
        s.maxRequestBytes = Math.max(s.maxRequestBytes, req);
        s.responseBytes += res;
        s.maxResponseBytes = Math.max(s.maxResponseBytes, res);
      },
      changed: () => this.notify(),
      refused: (member) => void this.apiRefusals.push(member),
    };
    this.loadWorkbook([{ name: "Sheet1", values: [] }]);
  }

  /** Replaces everything and activates the first visible sheet. */
  loadWorkbook(sheets: SheetData[]): void {
    const m = this.model;
    m.sheets = [];
    m.tables = [];
    m.names = [];
    m.selection = null;
    for (const data of sheets.length ? sheets : [{ name: "Sheet1", values: [] }]) {
      const s = m.addSheet(data.name);
      data.numberFormats?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (f) s.setNumberFormat(r, c, f);
        }),
      );
      data.values.forEach((row, r) => row?.forEach((v, c) => s.storeVerbatim(r, c, v)));
      if (data.visibility) s.visibility = data.visibility;
      if (data.protected) s.protected = true;
    }
    m.activeSheet = m.sheets.find((s) => s.visibility === "Visible") ?? m.sheets[0];
    m.selection = { sheet: m.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    m.version++;
    this.notify();
  }

  private sheetOrThrow(name: string): SheetModel {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  /** All sheets including hidden ones, in tab order. */
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  private grid<T>(name: string, fn: (s: SheetModel, r: number, c: number) => T): T[][] {
    const s = this.sheetOrThrow(name);
    const u = s.usedRect(true);
    if (!u) return [];
    const out: T[][] = [];
    for (let r = 0; r <= u.r1; r++) {
      const row: T[] = [];
      for (let c = 0; c <= u.c1; c++) row.push(fn(s, r, c));
      out.push(row);
    }
    return out;
  }

  /** Values from A1 to the last used row/column (values and formulas only); empty cells "". */
  getValues(sheetName: string): CellValue[][] {
    return this.grid(sheetName, (s, r, c) => s.getValue(r, c));
  }

  /** Formulas (or constants) over the same area as getValues. */
  getFormulas(sheetName: string): CellValue[][] {
    return this.grid(sheetName, (s, r, c) => s.getFormula(r, c));
  }

  /** Number formats over the same area as getValues. */
  getNumberFormats(sheetName: string): string[][] {
    return this.grid(sheetName, (s, r, c) => s.getNumberFormat(r, c));
  }

  /** Plain JSON description of the sheet's conditional formats, in priority order. */
  getConditionalFormats(sheetName: string): ConditionalFormatInfo[] {
    const s = this.sheetOrThrow(sheetName);
    return s.cfs.map((cf, priority) => {
      const address = cf.ranges
        .map(
          ({ r0, c0, r1, c1 }) =>
            `${columnLetters(c0)}${r0 + 1}${r0 === r1 && c0 === c1 ? "" : `:${columnLetters(c1)}${r1 + 1}`}`,
        )
        .join(",");
      const info: ConditionalFormatInfo = {
        id: cf.id,
        type: cf.type,
        address,
        priority,
        stopIfTrue: cf.stopIfTrue,
      };
      if (cf.type === "Custom") {
        info.formula = cf.custom.formula;
        info.format = { ...cf.custom.format };
      } else if (cf.type === "CellValue") {
        info.operator = cf.cellValue.operator;
        info.formula1 = cf.cellValue.formula1;
        if (cf.cellValue.formula2 !== undefined) info.formula2 = cf.cellValue.formula2;
        info.format = { ...cf.cellValue.format };
      } else if (cf.type === "ColorScale") {
        info.criteria = JSON.parse(JSON.stringify(cf.colorScale));
      } else if (cf.type === "DataBar") {
        const { barDirection, positiveFillColor, negativeFillColor } = cf.dataBar;
        info.dataBar = { barDirection, positiveFillColor, negativeFillColor };
      }
      return info;
    });
  }

  /** Tables as plain JSON: name, sheet, address (incl. header), column names. */
  getTables(): { name: string; sheet: string; address: string; columns: string[] }[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: `${columnLetters(t.rect.c0)}${t.rect.r0 + 1}:${columnLetters(t.rect.c1)}${t.rect.r1 + 1}`,
      columns: Array.from({ length: t.rect.c1 - t.rect.c0 + 1 }, (_, j) =>
        String(t.sheet.getValue(t.rect.r0, t.rect.c0 + j)),
      ),
    }));
  }

  /** Workbook and sheet-scoped names as plain JSON. */
  getNames(): { name: string; formula: string; comment: string; visible: boolean; scope?: string }[] {
    return this.model.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      visible: n.visible,
      ...(n.sheet ? { scope: n.sheet.name } : {}),
    }));
  }

  /** Charts of a sheet as plain JSON. */
  getCharts(
    sheetName: string,
  ): { name: string; type: string; title: string; source: string; seriesBy: string }[] {
    return this.sheetOrThrow(sheetName).charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title,
      source: `${columnLetters(c.source.c0)}${c.source.r0 + 1}:${columnLetters(c.source.c1)}${c.source.r1 + 1}`,
      seriesBy: c.seriesBy,
    }));
  }

  /** Sheet visibility ("Visible" | "Hidden" | "VeryHidden"). */
  getVisibility(sheetName: string): string {
    return this.sheetOrThrow(sheetName).visibility;
  }

  /**
   * The analyst selects cells (as with the mouse; Ctrl+click for several areas): activates `sheetName` and selects
   * `address`, e.g. "B5", "A:A" or "A2:B3, C8:D9" (the first area holds the active cell).
   */
  select(sheetName: string, address: string): void {
    const s = this.sheetOrThrow(sheetName);
    const areas = address.split(",").map((a) => {
      const p = parseAddress(a.trim());
      return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
    });
    this.model.select(s, areas);
    this.notify();
  }

  /** Marks a sheet protected (writes to it then fail with AccessDenied) or unprotected. */
  setSheetProtected(sheetName: string, value = true): void {
    this.sheetOrThrow(sheetName).protected = value;
  }

  /** Plugs in formula evaluation (e.g. custom functions); null removes it (formula cells then read ""). */
  setFormulaEvaluator(fn: FormulaEvaluator | null): void {
    this.model.evaluator = fn;
    this.model.version++;
    this.notify();
  }

  setDisplayLanguage(lang: string): void {
    this.displayLanguage = lang;
    this.model.shortDateFormat = shortDateFormat(lang);
  }

  /** Cumulative counters since construction or the last resetStats. */
  stats(): SimStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = noStats();
  }

  /** Fault injection: the `at`-th upcoming non-empty sync fails with `code` and applies nothing. */
  failSyncs(plan: FaultPlan | FaultPlan[]): void {
    for (const p of Array.isArray(plan) ? plan : [plan])
      this.faults.push({ ...p, at: this.syncCounter + p.at });
  }

  /** Deep JSON of every stored cell (value, formula, number format, style), plus sheet-level state. */
  snapshot(sheetName: string): unknown {
    const s = this.sheetOrThrow(sheetName);
    const cells: Record<string, unknown> = {};
    const rows = s.extentRows();
    for (let r = 0; r < rows; r++) {
      const width = Math.max(
        s.values[r]?.length ?? 0,
        s.formulas[r]?.length ?? 0,
        s.numFmt[r]?.length ?? 0,
        s.styles[r]?.length ?? 0,
      );
      for (let c = 0; c < width; c++) {
        const value = s.values[r]?.[c];
        const formula = s.formulas[r]?.[c];
        const numberFormat = s.numFmt[r]?.[c];
        const style = s.styles[r]?.[c];
        if (value === undefined && formula === undefined && numberFormat === undefined && !style) continue;
        cells[`${columnLetters(c)}${r + 1}`] = {
          ...(value !== undefined ? { value } : {}),
          ...(formula !== undefined ? { formula } : {}),
          ...(numberFormat !== undefined ? { numberFormat } : {}),
          ...(style ? { style: { ...style } } : {}),
        };
      }
    }
    const map = <K, V>(m: Map<K, V>) => Object.fromEntries([...m].map(([k, v]) => [String(k), v]));
    return JSON.parse(
      JSON.stringify({
        name: s.name,
        visibility: s.visibility,
        cells,
        colStyles: map(s.colStyles),
        rowStyles: map(s.rowStyles),
        colNumFmt: map(s.colNumFmt),
        colWidths: map(s.colWidths),
        hiddenCols: [...s.hiddenCols],
        hiddenRows: [...s.hiddenRows],
        merges: s.merges,
        ...(s.frozenRows || s.frozenCols ? { frozen: { rows: s.frozenRows, columns: s.frozenCols } } : {}),
        conditionalFormats: this.getConditionalFormats(sheetName),
      }),
    );
  }

  /** Fires subscribers (after a changing sync, activate, select, typing). */
  notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

/**
 * The short date format of a display language, as Excel's Date format follows the system locale: en-US "m/d/yyyy",
 * zh-CN "yyyy/m/d" ("Format a date the way you want",
 * https://support.microsoft.com/office/format-a-date-the-way-you-want-8e10019e-d5d8-47a1-ba95-db95123d273e: dates
 * "formatted with an asterisk (*) respond to changes in regional date and time settings").
 */
export function shortDateFormat(lang: string): string {
  return /^zh/i.test(lang) ? "yyyy/m/d" : "m/d/yyyy";
}
