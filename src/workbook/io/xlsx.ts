/**
 * .xlsx reading and writing with ExcelJS (https://github.com/exceljs/exceljs), kept apart from the model as ExcelJS
 * keeps its xform layer apart from its document model. ExcelJS is passed in, never imported here: the playground
 * loads its browser build as a lazy chunk (dynamic `import()`), the command line `require`s its Node build, and the
 * task pane never sees it.
 *
 * READ — what the model keeps from a file: every worksheet in tab order with its visibility (hidden, very hidden)
 * and protection flag; cell values (dates as serial numbers: ExcelJS hands date-formatted numbers over as `Date`
 * built from the serial in UTC, so `getTime()` gives the serial back exactly, whatever the time zone); formulas with
 * the results the file stored (SheetModel.cached); number formats; fills, fonts, bold/italic, alignment (and the
 * rest of the cell format, borders included, as `Style.file`); merged cells; column widths, row heights, hidden
 * rows and columns; tables; conditional formats (custom, cell-value, colour-scale and data-bar rules interpreted;
 * the rest stored as the file held them); workbook and sheet names; the active sheet. What it does not keep is
 * listed in the open's notes (data validation, notes, pictures, charts, pivot tables, macros …). Large sheets'
 * plain rows are read by fastCells.ts rather than by ExcelJS, with the same result (see there).
 *
 * WRITE — the model as it stands, through ExcelJS: the same parts, formula cells with the model's current results
 * (so a reader that does not recalculate shows them), and notes for what ExcelJS cannot write (charts, names that
 * are not cell references).
 */
import type * as ExcelJs from "exceljs";
import { type Rect, columnLetters, formatRect, parseAddress, quoteSheet } from "../address";
import { type Grid, gridSet } from "../model/grid";
import { SheetModel } from "../model/sheet";
import {
  type CellValue,
  type CfFormat,
  type CfModel,
  type ColorCriterion,
  type NameModel,
  type Style,
  type TableModel,
  DEFAULT_FONT,
  DRAWN_STYLE_KEYS,
  newCfModel,
  newId,
} from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { isErrorValue } from "../numberFormat";
import {
  excelJsDate,
  isExcelJsDateFormat,
  splitPackage,
  type InflateRaw,
  type PlainSheet,
} from "./fastCells";
import { NOTES, type Msg } from "./messages";

/** The ExcelJS module (its Node build or its browser build: both export `Workbook`). */
export type ExcelJsModule = Pick<typeof ExcelJs, "Workbook">;

/** A workbook read from a file, not yet installed in the model (see io/index.ts). */
export interface ReadWorkbook {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  active: SheetModel;
  notes: Msg[];
}

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial (1900 date system). */
const UNIX_EPOCH_SERIAL = 25569;

/** Serial of an ExcelJS `Date` (built in UTC from the serial, so this is exact and time-zone free). */
export function serialFromExcelJsDate(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return Math.round(serial * 1e9) / 1e9;
}

/**
 * Office's default theme colours (theme 0–9: lt1, dk1, lt2, dk2, accent1–6), for cells coloured by theme index.
 * Tints are not applied: the colour is shown approximately, and the file's own colour is written back on save.
 */
const THEME = [
  "#FFFFFF",
  "#000000",
  "#E7E6E6",
  "#44546A",
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
];

type ExColor = Partial<ExcelJs.Color> & { tint?: number; indexed?: number };

function colorOf(c: ExColor | undefined): string | undefined {
  if (!c) return undefined;
  if (typeof c.argb === "string" && /^[0-9a-fA-F]{8}$/.test(c.argb))
    return `#${c.argb.slice(2).toUpperCase()}`;
  if (typeof c.argb === "string" && /^[0-9a-fA-F]{6}$/.test(c.argb)) return `#${c.argb.toUpperCase()}`;
  if (typeof c.theme === "number" && !c.tint) return THEME[c.theme];
  return undefined;
}

const argb = (hex: string): { argb: string } => ({ argb: `FF${hex.replace(/^#/, "").toUpperCase()}` });

const H_ALIGN: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const H_ALIGN_BACK: Record<string, string> = Object.fromEntries(
  Object.entries(H_ALIGN).map(([k, v]) => [v, k]),
);

/** Our Style from a file's cell format (ExcelJS style): the properties the model draws. */
function mappedStyle(st: Partial<ExcelJs.Style>): Style {
  const out: Style = {};
  const font = st.font;
  if (font) {
    if (font.name && font.name !== DEFAULT_FONT.name) out.fontName = font.name;
    if (typeof font.size === "number" && font.size !== DEFAULT_FONT.size) out.fontSize = font.size;
    if (font.bold) out.bold = true;
    if (font.italic) out.italic = true;
    const fc = colorOf(font.color as ExColor | undefined);
    if (fc && fc !== DEFAULT_FONT.color) out.fontColor = fc;
  }
  const fill = st.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = colorOf(fill.fgColor as ExColor | undefined);
    if (c) out.fill = c;
  }
  const al = st.alignment;
  if (al?.horizontal && H_ALIGN[al.horizontal]) out.hAlign = H_ALIGN[al.horizontal];
  if (al?.wrapText) out.wrapText = true;
  return out;
}

/** True when the file's format has anything beyond the default font (so it must be kept for saving). */
function hasFormat(st: Partial<ExcelJs.Style>): boolean {
  const f = st.font;
  const fontIsDefault =
    !f ||
    ((f.name === undefined || f.name === DEFAULT_FONT.name) &&
      (f.size === undefined || f.size === DEFAULT_FONT.size) &&
      !f.bold &&
      !f.italic &&
      !f.underline &&
      !f.strike &&
      (!f.color || (f.color as ExColor).theme === 1 || colorOf(f.color as ExColor) === DEFAULT_FONT.color));
  const border = st.border && Object.values(st.border).some((e) => e && (e as { style?: string }).style);
  const fill = st.fill && !(st.fill.type === "pattern" && st.fill.pattern === "none");
  const align = st.alignment && Object.keys(st.alignment).length > 0;
  const protection = st.protection && Object.keys(st.protection).length > 0;
  return !fontIsDefault || !!border || !!fill || !!align || !!protection;
}

/** Reads one cell's value: [value, formula, cached result]. */
type Content = [CellValue | undefined, string | undefined, CellValue | undefined];

function cellContent(cell: ExcelJs.Cell): Content {
  return valueContent(cell.value, cell);
}

/**
 * A value as ExcelJS hands it over (`Cell.value`, or what it would hand over for a plain cell fastCells.ts read):
 * [value, formula, cached result]. `cell` gives a formula value its formula text (shared formulas translated).
 */
function valueContent(v: unknown, cell: ExcelJs.Cell | null): Content {
  if (v === null || v === undefined) return [undefined, undefined, undefined];
  if (typeof v === "number") return [Number.isFinite(v) ? v : "#NUM!", undefined, undefined];
  if (typeof v === "string") return [v === "" ? undefined : v, undefined, undefined];
  if (typeof v === "boolean") return [v, undefined, undefined];
  if (v instanceof Date) return [serialFromExcelJsDate(v), undefined, undefined];
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return [o.error, undefined, undefined];
  if (Array.isArray(o.richText))
    return [(o.richText as { text?: string }[]).map((t) => t.text ?? "").join(""), undefined, undefined];
  if ("formula" in o || "sharedFormula" in o) {
    const formula = cell?.formula;
    const result = resultValue(o.result);
    if (!formula) return [result, undefined, undefined];
    return [undefined, `=${formula}`, result];
  }
  if ("hyperlink" in o)
    return [typeof o.text === "string" ? o.text : String(o.text ?? ""), undefined, undefined];
  return [String(v), undefined, undefined];
}

function resultValue(r: unknown): CellValue | undefined {
  if (r === null || r === undefined) return undefined;
  if (typeof r === "number" || typeof r === "boolean" || typeof r === "string") return r;
  if (r instanceof Date) return serialFromExcelJsDate(r);
  if (typeof r === "object" && typeof (r as { error?: unknown }).error === "string")
    return (r as { error: string }).error;
  return undefined;
}

/** Excel column width in characters → the model's width (pixels at 7 px per character plus 5 px padding). */
export const widthFromChars = (chars: number): number => Math.round(chars * 7 + 5);
export const charsFromWidth = (px: number): number => Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);

const CF_TYPE: Record<string, string> = {
  expression: "Custom",
  cellIs: "CellValue",
  colorScale: "ColorScale",
  dataBar: "DataBar",
  iconSet: "IconSet",
  top10: "TopBottom",
  aboveAverage: "PresetCriteria",
  containsText: "ContainsText",
  timePeriod: "PresetCriteria",
};
const OPERATOR: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
};
const OPERATOR_BACK: Record<string, string> = Object.fromEntries(
  Object.entries(OPERATOR).map(([k, v]) => [v, k]),
);
const CFVO: Record<string, string> = {
  min: "LowestValue",
  max: "HighestValue",
  num: "Number",
  percent: "Percent",
  percentile: "Percentile",
  formula: "Formula",
};
const CFVO_BACK: Record<string, string> = Object.fromEntries(Object.entries(CFVO).map(([k, v]) => [v, k]));

function cfFormat(style: Partial<ExcelJs.Style> | undefined): CfFormat {
  const out: CfFormat = {};
  const fill = style?.fill as ExcelJs.FillPattern | undefined;
  // In a conditional format (dxf) a solid fill's colour is its bgColor (ECMA-376 §18.8.20); some writers use fgColor.
  const fc = colorOf((fill?.bgColor ?? fill?.fgColor) as ExColor | undefined);
  if (fc) out.fill = fc;
  const font = style?.font;
  const c = colorOf(font?.color as ExColor | undefined);
  if (c) out.fontColor = c;
  if (font?.bold) out.bold = true;
  if (font?.italic) out.italic = true;
  return out;
}

const withEquals = (f: unknown): string => {
  const s = String(f ?? "");
  return s.startsWith("=") ? s : `=${s}`;
};
const noEquals = (f: string): string => f.replace(/^=/, "");

function rangesOf(ref: string): Rect[] {
  return ref
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((a) => {
      const p = parseAddress(a);
      return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
    });
}

function cfFromRule(rule: ExcelJs.ConditionalFormattingRule, ref: string): CfModel {
  const raw = rule as unknown as Record<string, unknown>;
  const { priority: _priority, ...file } = raw;
  const cf: CfModel = {
    ...newCfModel(CF_TYPE[String(raw.type)] ?? "Custom", rangesOf(ref), raw.stopIfTrue === true),
    file,
  };
  const formulae = (raw.formulae as unknown[] | undefined) ?? [];
  const style = raw.style as Partial<ExcelJs.Style> | undefined;
  if (raw.type === "expression") {
    cf.custom = { formula: withEquals(formulae[0]), format: cfFormat(style) };
  } else if (raw.type === "cellIs") {
    cf.cellValue = {
      formula1: withEquals(formulae[0]),
      ...(formulae[1] !== undefined ? { formula2: withEquals(formulae[1]) } : {}),
      operator: OPERATOR[String(raw.operator)] ?? "EqualTo",
      format: cfFormat(style),
    };
  } else if (raw.type === "colorScale") {
    const cfvo = (raw.cfvo as { type: string; value?: unknown }[] | undefined) ?? [];
    const colors = (raw.color as ExColor[] | undefined) ?? [];
    const crit = (i: number): ColorCriterion | undefined =>
      cfvo[i]
        ? {
            type: CFVO[cfvo[i]!.type] ?? "Number",
            ...(cfvo[i]!.value !== undefined ? { formula: String(cfvo[i]!.value) } : {}),
            color: colorOf(colors[i]) ?? "#FFFFFF",
          }
        : undefined;
    cf.colorScale =
      cfvo.length >= 3
        ? { minimum: crit(0), midpoint: crit(1), maximum: crit(2) }
        : { minimum: crit(0), maximum: crit(1) };
  } else if (raw.type === "dataBar") {
    const dir = String(raw.direction ?? "context");
    cf.dataBar.barDirection =
      dir === "leftToRight" ? "LeftToRight" : dir === "rightToLeft" ? "RightToLeft" : "Context";
    cf.dataBar.positiveFillColor = colorOf(raw.color as ExColor | undefined) ?? "#638EC6";
    cf.dataBar.showDataBarOnly = raw.showValue === false;
  }
  return cf;
}

/** Zip entry names are stored as plain bytes: finds which optional parts a package has without unzipping it. */
function partsPresent(bytes: Uint8Array, prefixes: string[]): Set<string> {
  const found = new Set<string>();
  const text = new TextDecoder("latin1").decode(bytes);
  for (const p of prefixes) if (text.includes(p)) found.add(p);
  return found;
}

const OPTIONAL_PARTS: [string, string, string][] = [
  ["xl/charts/", "charts", "图表"],
  ["xl/chartsheets/", "chart sheets", "图表工作表"],
  ["xl/pivotTables/", "pivot tables (their cells are kept as values)", "数据透视表（其单元格按值保留）"],
  ["xl/slicers/", "slicers", "切片器"],
  ["xl/vbaProject.bin", "macros", "宏"],
  [
    "xl/externalLinks/",
    "links to other workbooks (their last values are kept)",
    "外部工作簿链接（保留最后的值）",
  ],
  ["xl/webextensions/", "Office add-in settings and task panes", "Office 加载项设置和任务窗格"],
  ["xl/threadedComments/", "threaded comments", "批注"],
];

type CellStyle = Partial<ExcelJs.Style>;

export interface ReadXlsxOptions {
  /** Read large sheets' plain rows without ExcelJS (fastCells.ts); default true. */
  fastCells?: boolean;
  /** Sheets from this many characters of XML are split (default in fastCells.ts; tests force 0). */
  minSheetChars?: number;
  /** DEFLATE for the split (Node: zlib's inflateRawSync; default: DecompressionStream). */
  inflateRaw?: InflateRaw;
}

/** The style ExcelJS gives a cell without a style index: one shared object (styleFor caches by object). */
const NO_STYLE: CellStyle = Object.freeze({});

/**
 * The plain rows fastCells.ts read, given to `put` as ExcelJS would have given them: each cell's style is the
 * style object ExcelJS made for its index (the probe cell's), numbers with a date format go through ExcelJS's date
 * conversion, and the gaps before a row's last cell get the column's style as ExcelJS's `Cell` constructor gives
 * them (`_mergeStyle`: its number format, font, alignment, border, fill and protection, in that order).
 */
function readPlainRows(
  ws: ExcelJs.Worksheet,
  plain: PlainSheet,
  date1904: boolean,
  rowFormat: (r: number, hidden: boolean, height: number | undefined) => void,
  put: (r: number, c: number, content: Content, st: CellStyle | undefined) => void,
): void {
  const styles = new Map<number, CellStyle>();
  const styleOf = (id: number): CellStyle => {
    if (!id) return NO_STYLE;
    let st = styles.get(id);
    if (!st) {
      const probe = plain.probes.get(id);
      st = probe ? (ws.getCell(probe.row, probe.col).style as CellStyle) : {};
      styles.set(id, st);
    }
    return st;
  };
  const gapStyles = new Map<number, CellStyle>();
  const gapStyle = (col: number): CellStyle => {
    let st = gapStyles.get(col);
    if (!st) {
      const from = (ws.getColumn(col).style ?? {}) as CellStyle;
      st = {};
      for (const k of ["numFmt", "font", "alignment", "border", "fill", "protection"] as const)
        if (from[k]) (st as Record<string, unknown>)[k] = from[k];
      gapStyles.set(col, st);
    }
    // A fresh object per gap, as ExcelJS makes one per cell (styleFor caches by object).
    return { ...st };
  };
  for (const row of plain.rows) {
    const r = row.row - 1;
    rowFormat(r, row.hidden, row.height);
    const present = new Set<number>();
    let last = 0;
    for (const cell of row.cells) {
      const st = styleOf(cell.styleId);
      const v = cell.value;
      // A number with a date format reaches the reader as ExcelJS's Date, as it would have from ExcelJS.
      const date = typeof v === "number" && isExcelJsDateFormat(st.numFmt);
      put(r, cell.col - 1, valueContent(date ? excelJsDate(v, date1904) : v, null), st);
      present.add(cell.col);
      last = Math.max(last, cell.col);
    }
    for (let c = 1; c < last; c++)
      if (!present.has(c)) put(r, c - 1, [undefined, undefined, undefined], gapStyle(c));
  }
}

/**
 * Reads an .xlsx package into new sheets bound to `model` (not installed: the caller swaps them in only when the
 * whole read succeeded, so a failure leaves the current workbook as it was). Throws on a file ExcelJS cannot read.
 */
export async function readXlsx(
  excel: ExcelJsModule,
  bytes: Uint8Array,
  model: WorkbookModel,
  { fastCells = true, ...splitOptions }: ReadXlsxOptions = {},
): Promise<ReadWorkbook> {
  // Large sheets: plain rows are read by fastCells.ts, ExcelJS reads the rest (see there why and how).
  const split = fastCells ? await splitPackage(bytes, splitOptions) : null;
  const book = new excel.Workbook();
  await book.xlsx.load((split?.bytes ?? bytes) as unknown as ArrayBuffer);
  const notKept = new Map<string, string>();
  const parts = partsPresent(
    bytes,
    OPTIONAL_PARTS.map((p) => p[0]),
  );
  for (const [prefix, en, zh] of OPTIONAL_PARTS) if (parts.has(prefix)) notKept.set(en, zh);

  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  const styleCache = new Map<object, Style | null>();
  const styleFor = (st: Partial<ExcelJs.Style>): Style | null => {
    let s = styleCache.get(st);
    if (s !== undefined) return s;
    const mapped = mappedStyle(st);
    if (hasFormat(st)) {
      const { numFmt: _n, ...rest } = st as Record<string, unknown>;
      mapped.file = JSON.stringify(rest);
    }
    s = Object.keys(mapped).length ? mapped : null;
    styleCache.set(st, s);
    return s;
  };

  for (const ws of book.worksheets) {
    const s = new SheetModel(ws.name, model);
    s.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet)
      s.protected = true;
    const tab = (ws.properties as { tabColor?: ExColor } | undefined)?.tabColor;
    if (tab) s.tabColor = colorOf(tab) ?? "";

    const columns = (ws.columns ?? []) as ExcelJs.Column[];
    columns.forEach((col, c) => {
      if (!col) return;
      if (typeof col.width === "number" && col.width > 0) s.colWidths.set(c, widthFromChars(col.width));
      if (col.hidden) s.hiddenCols.add(c);
      const fmt = (col.style as Partial<ExcelJs.Style> | undefined)?.numFmt;
      if (fmt && fmt !== "General") s.colNumFmt.set(c, fmt);
    });

    let rich = false;
    let links = false;
    let notes = false;
    const values: Grid<CellValue> = s.values;
    const rowFormat = (r: number, hidden: boolean | undefined, height: number | undefined) => {
      if (hidden) s.hiddenRows.add(r);
      if (typeof height === "number" && height > 0) s.rowHeights.set(r, height);
    };
    const put = (r: number, c: number, content: Content, st: CellStyle | undefined) => {
      const [v, f, cached] = content;
      if (f !== undefined) {
        gridSet(s.formulas, r, c, f);
        if (cached !== undefined) gridSet(s.cached, r, c, cached);
      } else if (v !== undefined) gridSet(values, r, c, v);
      if (st) {
        const fmt = st.numFmt;
        if (fmt && fmt !== "General") gridSet(s.numFmt, r, c, fmt);
        else if (s.colNumFmt.has(c)) gridSet(s.numFmt, r, c, "General");
        const mapped = styleFor(st);
        if (mapped) gridSet(s.styles, r, c, mapped);
      }
    };
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r = rowNumber - 1;
      rowFormat(r, row.hidden, row.height);
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        if (cell.type === 1 /* ValueType.Merge: a merged cell other than the top-left */) return;
        put(r, colNumber - 1, cellContent(cell), cell.style as CellStyle | undefined);
        const raw = cell.value as { richText?: unknown; hyperlink?: unknown } | null;
        if (raw && typeof raw === "object") {
          if (raw.richText) rich = true;
          if (raw.hyperlink) links = true;
        }
        if (cell.note) notes = true;
      });
    });
    const plain = split?.sheets.get(ws.id);
    if (plain) readPlainRows(ws, plain, split!.date1904, rowFormat, put);
    if (rich)
      notKept.set(
        "formatting of parts of a cell's text (the text is kept)",
        "单元格内部分文字的格式（文字保留）",
      );
    if (links) notKept.set("hyperlinks (their text is kept)", "超链接（文字保留）");
    if (notes) notKept.set("cell notes", "单元格注释");

    const merges = Object.values(
      (ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {},
    );
    for (const m of merges) {
      if (!m) continue;
      const p = parseAddress(m.range);
      s.merges.push({ r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 });
    }

    const rules: { priority: number; cf: CfModel }[] = [];
    const internals = ws as unknown as {
      conditionalFormattings?: ExcelJs.ConditionalFormattingOptions[];
      dataValidations?: { model?: Record<string, unknown> };
    };
    for (const block of internals.conditionalFormattings ?? []) {
      for (const rule of block.rules)
        rules.push({ priority: rule.priority ?? 0, cf: cfFromRule(rule, block.ref) });
    }
    rules.sort((a, b) => a.priority - b.priority);
    s.cfs = rules.map((x) => x.cf);

    for (const t of ws.getTables()) {
      const tm = ((t as unknown as { table?: Record<string, unknown> }).table ?? {}) as {
        name?: string;
        tableRef?: string;
        ref?: string;
        headerRow?: boolean;
        totalsRow?: boolean;
        style?: { theme?: string };
      };
      const ref = tm.tableRef ?? tm.ref;
      if (!ref || !tm.name) continue;
      const p = parseAddress(ref);
      const rect = { r0: p.r0, c0: p.c0, r1: p.r1 - (tm.totalsRow ? 1 : 0), c1: p.c1 };
      if (tm.totalsRow)
        notKept.set("table total rows (kept as ordinary cells)", "表格汇总行（按普通单元格保留）");
      tables.push({
        id: newId("table"),
        name: tm.name,
        sheet: s,
        rect,
        showHeaders: tm.headerRow !== false,
        style: tm.style?.theme ?? "TableStyleMedium2",
      });
    }

    if (Object.keys(internals.dataValidations?.model ?? {}).length > 0)
      notKept.set("data validation (drop-down lists, input rules)", "数据验证（下拉列表、输入规则）");
    if (ws.getImages().length > 0) notKept.set("pictures", "图片");
    if ((ws.views ?? []).some((v) => v.state === "frozen")) notKept.set("frozen panes", "冻结窗格");
    if (ws.autoFilter) notKept.set("filters", "筛选");
    sheets.push(s);
  }
  if (sheets.length === 0) throw new Error("no worksheets");

  const names: NameModel[] = [];
  const defined = (
    book.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }
  ).model;
  for (const d of defined ?? []) {
    if (!d.name || d.name.startsWith("_xlnm.") || !d.ranges?.length) continue;
    const scope = d.localSheetId !== undefined ? sheets[d.localSheetId] : undefined;
    names.push({
      name: d.name,
      formula: `=${d.ranges.join(",")}`,
      comment: "",
      visible: true,
      ...(scope ? { sheet: scope } : {}),
    });
  }

  const activeTab = (book.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab;
  const active =
    (activeTab !== undefined && sheets[activeTab]?.visibility === "Visible"
      ? sheets[activeTab]
      : undefined) ??
    sheets.find((x) => x.visibility === "Visible") ??
    sheets[0]!;

  const notes: Msg[] = [];
  if (notKept.size > 0) {
    notes.push(NOTES.notKept([...notKept.keys()].join("; "), [...notKept.values()].join("；")));
  }
  return { sheets, tables, names, active, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** ExcelJS's cell value for a model value (error text → error value). */
function excelValue(v: CellValue): ExcelJs.CellValue {
  if (typeof v === "string" && isErrorValue(v)) return { error: v as ExcelJs.CellErrorValue["error"] };
  return v;
}

/** The file format to write for a model style: the file's own, with the model's properties laid over it. */
function fileStyle(style: Style): Partial<ExcelJs.Style> | null {
  const base = (style.file ? JSON.parse(style.file) : {}) as Partial<ExcelJs.Style>;
  const from = style.file ? mappedStyle(base) : {};
  let changed = !style.file;
  for (const k of DRAWN_STYLE_KEYS) {
    if (style[k] === from[k]) continue;
    changed = true;
    const v = style[k];
    if (k === "fill") {
      if (v === undefined) delete base.fill;
      else base.fill = { type: "pattern", pattern: "solid", fgColor: argb(String(v)) };
    } else if (k === "hAlign" || k === "wrapText") {
      const al = { ...base.alignment };
      if (k === "hAlign") {
        if (v === undefined || !H_ALIGN_BACK[String(v)]) delete al.horizontal;
        else al.horizontal = H_ALIGN_BACK[String(v)] as ExcelJs.Alignment["horizontal"];
      } else if (v) al.wrapText = true;
      else delete al.wrapText;
      base.alignment = al;
    } else {
      const font = { ...base.font } as Partial<ExcelJs.Font>;
      if (k === "fontColor") {
        if (v === undefined) delete font.color;
        else font.color = argb(String(v));
      } else if (k === "bold" || k === "italic") {
        if (v) font[k] = true;
        else delete font[k];
      } else if (k === "fontName") font.name = v === undefined ? DEFAULT_FONT.name : String(v);
      else if (k === "fontSize") font.size = v === undefined ? DEFAULT_FONT.size : Number(v);
      base.font = font;
    }
  }
  if (!changed && !style.file) return null;
  return Object.keys(base).length ? base : null;
}

function dxf(format: CfFormat, file: Partial<ExcelJs.Style> | undefined): Partial<ExcelJs.Style> {
  const out: Partial<ExcelJs.Style> = { ...file };
  if (format.fill) out.fill = { type: "pattern", pattern: "solid", bgColor: argb(format.fill) };
  else delete out.fill;
  const font: Partial<ExcelJs.Font> = { ...file?.font };
  if (format.fontColor) font.color = argb(format.fontColor);
  else delete font.color;
  if (format.bold) font.bold = true;
  else delete font.bold;
  if (format.italic) font.italic = true;
  else delete font.italic;
  if (Object.keys(font).length) out.font = font;
  else delete out.font;
  for (const k of Object.keys(out) as (keyof ExcelJs.Style)[]) if (out[k] === null) delete out[k];
  return out;
}

/** ExcelJS rule for a model rule (null when it cannot be written). */
function ruleFor(cf: CfModel, priority: number): ExcelJs.ConditionalFormattingRule | null {
  const file = (cf.file ?? {}) as Record<string, unknown>;
  const fileStyleOf = file.style as Partial<ExcelJs.Style> | undefined;
  const sameType = (t: string) => file.type === undefined || file.type === t;
  switch (cf.type) {
    case "Custom":
      return {
        ...(sameType("expression") ? file : {}),
        type: "expression",
        priority,
        formulae: [noEquals(cf.custom.formula)],
        style: dxf(cf.custom.format, sameType("expression") ? fileStyleOf : undefined),
      } as ExcelJs.ConditionalFormattingRule;
    case "CellValue": {
      const cv = cf.cellValue;
      return {
        ...(sameType("cellIs") ? file : {}),
        type: "cellIs",
        priority,
        operator: (OPERATOR_BACK[cv.operator] ?? "equal") as ExcelJs.CellIsOperators,
        formulae: [noEquals(cv.formula1), ...(cv.formula2 !== undefined ? [noEquals(cv.formula2)] : [])],
        style: dxf(cv.format, sameType("cellIs") ? fileStyleOf : undefined),
      } as ExcelJs.ConditionalFormattingRule;
    }
    case "ColorScale": {
      const cs = cf.colorScale;
      const crits = [cs.minimum, cs.midpoint, cs.maximum].filter((x): x is ColorCriterion => !!x);
      return {
        ...(sameType("colorScale") ? file : {}),
        type: "colorScale",
        priority,
        cfvo: crits.map((c) => ({
          type: (CFVO_BACK[c.type] ?? "num") as ExcelJs.CfvoTypes,
          ...(c.formula !== undefined && c.formula !== "" ? { value: Number(c.formula) } : {}),
        })),
        color: crits.map((c) => argb(c.color ?? "#FFFFFF")),
      } as ExcelJs.ConditionalFormattingRule;
    }
    case "DataBar": {
      const db = cf.dataBar;
      return {
        cfvo: [{ type: "min" }, { type: "max" }],
        ...(sameType("dataBar") ? file : {}),
        type: "dataBar",
        priority,
        color: argb(db.positiveFillColor),
        showValue: !db.showDataBarOnly,
        ...(db.barDirection === "LeftToRight"
          ? { direction: "leftToRight" }
          : db.barDirection === "RightToLeft"
            ? { direction: "rightToLeft" }
            : {}),
      } as unknown as ExcelJs.ConditionalFormattingRule;
    }
    default:
      return cf.file ? ({ ...file, priority } as unknown as ExcelJs.ConditionalFormattingRule) : null;
  }
}

/** A name's formula as ExcelJS ranges (null when it is not made of cell references). */
function nameRanges(formula: string, sheets: Set<string>): string[] | null {
  const parts = formula.replace(/^=/, "").split(",");
  const out: string[] = [];
  for (const part of parts) {
    const m = /^('(?:[^']|'')+'|[^!]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(part.trim());
    if (!m) return null;
    const sheet = m[1]!.startsWith("'") ? m[1]!.slice(1, -1).replace(/''/g, "'") : m[1]!;
    if (!sheets.has(sheet.toLowerCase())) return null;
    out.push(`${quoteSheet(sheet)}!${m[2]}`);
  }
  return out;
}

export interface WriteResult {
  bytes: Uint8Array;
  notes: Msg[];
}

export interface WriteOptions {
  /** Called every 10,000 rows written with the rows so far (progress); may return a promise to yield to the UI. */
  onRows?: (rows: number) => void | Promise<void>;
  /**
   * Use ExcelJS's streaming writer when the module has it (its Node build) and the workbook has no tables (the
   * streaming writer cannot write tables): rows are serialised one by one instead of building the whole package
   * in memory, which is several times faster and leaner on a 100,000-row sheet.
   */
  streaming?: boolean;
}

/** The part of an ExcelJS worksheet (in-memory or streaming) the writer uses. */
interface SheetSink {
  getColumn(c: number): { width?: number; hidden?: boolean; numFmt?: string };
  getRow(r: number): ExcelJs.Row;
  addConditionalFormatting(cf: ExcelJs.ConditionalFormattingOptions): void;
  addTable?(table: ExcelJs.TableProperties): unknown;
  commit?(): void;
}

interface StreamingWriterClass {
  new (options: { useStyles: boolean; useSharedStrings: boolean }): {
    addWorksheet(name: string, options: object): SheetSink & { mergeCells(range: string): void };
    definedNames: unknown;
    views: unknown;
    commit(): Promise<void>;
    stream: { read(): Uint8Array | null };
  };
}

/** Writes the model to .xlsx bytes (see the module comment), with notes for what the file cannot carry. */
export async function writeXlsx(
  excel: ExcelJsModule,
  model: WorkbookModel,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const { onRows } = options;
  const Streaming = (excel as { stream?: { xlsx?: { WorkbookWriter?: StreamingWriterClass } } }).stream?.xlsx
    ?.WorkbookWriter;
  const streamed = options.streaming === true && !!Streaming && model.tables.length === 0;
  const memory = streamed ? null : new excel.Workbook();
  const writer = streamed ? new Streaming!({ useStyles: true, useSharedStrings: true }) : null;
  const notes: Msg[] = [];
  // One ExcelJS style object per distinct (format, number format): ExcelJS recognises a style object it has seen
  // (its styles writer keeps a WeakMap from style object to style id), so cells sharing one skip re-serialising it.
  const fileStyles = new Map<Style, Partial<ExcelJs.Style> | null>();
  const shared = new Map<Partial<ExcelJs.Style> | null, Map<string, Partial<ExcelJs.Style>>>();
  const styleOf = (style: Style | undefined, fmt: string | undefined): Partial<ExcelJs.Style> => {
    let base: Partial<ExcelJs.Style> | null = null;
    if (style) {
      base = fileStyles.get(style) ?? null;
      if (!fileStyles.has(style)) {
        base = fileStyle(style);
        fileStyles.set(style, base);
      }
    }
    let byFormat = shared.get(base);
    if (!byFormat) shared.set(base, (byFormat = new Map()));
    const key = fmt ?? "";
    let x = byFormat.get(key);
    if (!x) byFormat.set(key, (x = { ...base, ...(fmt !== undefined ? { numFmt: fmt } : {}) }));
    return x;
  };
  let written = 0;
  for (const s of model.sheets) {
    const sheetOptions = {
      state: s.visibility === "Hidden" ? "hidden" : s.visibility === "VeryHidden" ? "veryHidden" : "visible",
      ...(s.tabColor ? { properties: { tabColor: argb(s.tabColor) } } : {}),
    } as Partial<ExcelJs.AddWorksheetOptions>;
    const ws: SheetSink = writer
      ? writer.addWorksheet(s.name, sheetOptions)
      : (memory!.addWorksheet(s.name, sheetOptions) as unknown as SheetSink);
    for (const [c, w] of s.colWidths) ws.getColumn(c + 1).width = charsFromWidth(w);
    for (const c of s.hiddenCols) ws.getColumn(c + 1).hidden = true;
    for (const [c, f] of s.colNumFmt) ws.getColumn(c + 1).numFmt = f;

    // Merges before the cells (the streaming writer marks merged cells while their rows are still open), without
    // copying the top-left cell's format over the others: each cell keeps its own, as in the file.
    for (const m of s.merges) {
      if (writer) (ws as SheetSink & { mergeCells(range: string): void }).mergeCells(formatRect(m));
      else
        (ws as unknown as { mergeCellsWithoutStyle(range: string): void }).mergeCellsWithoutStyle(
          formatRect(m),
        );
    }

    // Tables first: ExcelJS writes a table's header and body cells when it is added; the cells are written after.
    for (const t of model.tables.filter((x) => x.sheet === s)) {
      const width = t.rect.c1 - t.rect.c0 + 1;
      const seen = new Set<string>();
      const columns = Array.from({ length: width }, (_, j) => {
        let name = t.showHeaders ? String(s.getValue(t.rect.r0, t.rect.c0 + j)) : "";
        if (!name) name = `Column${j + 1}`;
        while (seen.has(name.toLowerCase())) name = `${name}_${j + 1}`;
        seen.add(name.toLowerCase());
        return { name, filterButton: true };
      });
      const bodyRows = t.rect.r1 - t.rect.r0 + 1 - (t.showHeaders ? 1 : 0);
      ws.addTable!({
        name: t.name,
        ref: `${columnLetters(t.rect.c0)}${t.rect.r0 + 1}`,
        headerRow: t.showHeaders,
        totalsRow: false,
        style: { theme: t.style as ExcelJs.TableStyleProperties["theme"], showRowStripes: true },
        columns,
        rows: Array.from({ length: Math.max(bodyRows, 1) }, () => Array.from({ length: width }, () => null)),
      });
    }

    const rows = s.extentRows();
    for (let r = 0; r < rows; r++) {
      const vals = s.values[r];
      const fs = s.formulas[r];
      const nf = s.numFmt[r];
      const st = s.styles[r];
      const width = Math.max(vals?.length ?? 0, fs?.length ?? 0, nf?.length ?? 0, st?.length ?? 0);
      const height = s.rowHeights.get(r);
      const hidden = s.hiddenRows.has(r);
      if (width === 0 && height === undefined && !hidden) continue;
      const row = ws.getRow(r + 1);
      if (height !== undefined) row.height = height;
      if (hidden) row.hidden = true;
      for (let c = 0; c < width; c++) {
        const f = fs?.[c];
        const v = vals?.[c];
        const fmt = nf?.[c];
        const style = st?.[c];
        if (f === undefined && v === undefined && fmt === undefined && !style) continue;
        const cell = row.getCell(c + 1);
        cell.style = styleOf(style, fmt);
        if (f !== undefined) {
          const result = s.getValue(r, c);
          cell.value = {
            formula: noEquals(f),
            ...(result !== "" ? { result: excelValue(result) } : {}),
          } as ExcelJs.CellFormulaValue;
        } else if (v !== undefined) cell.value = excelValue(v);
      }
      if (writer) row.commit();
      if (++written % 10_000 === 0 && onRows) await onRows(written);
    }

    s.cfs.forEach((cf, i) => {
      const rule = ruleFor(cf, i + 1);
      const ref = cf.ranges.map((r) => formatRect(r)).join(" ");
      if (!rule) notes.push(NOTES.ruleNotSaved(cf.type, s.name, ref));
      else ws.addConditionalFormatting({ ref, rules: [rule] });
    });
    for (const ch of s.charts)
      notes.push(NOTES.chartNotSaved(ch.title || ch.name, s.name, formatRect(ch.source)));
    if (writer) ws.commit!();
  }

  const sheetNames = new Set(model.sheets.map((x) => x.name.toLowerCase()));
  const defined: { name: string; ranges: string[]; localSheetId?: number }[] = [];
  for (const n of model.names) {
    const ranges = nameRanges(n.formula, sheetNames);
    if (!ranges) {
      notes.push(NOTES.nameNotSaved(n.name, n.formula));
      continue;
    }
    defined.push({
      name: n.name,
      ranges,
      ...(n.sheet ? { localSheetId: model.sheets.indexOf(n.sheet) } : {}),
    });
  }
  const book = (writer ?? memory!) as unknown as { definedNames: { model: unknown }; views: unknown };
  book.definedNames.model = defined;

  const active = model.activeSheet ? model.sheets.indexOf(model.activeSheet) : 0;
  book.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, active),
      visibility: "visible",
    },
  ];
  if (writer) {
    await writer.commit();
    // Without a target stream the writer buffers the package; one read() hands over all of it.
    const buf = writer.stream.read();
    return { bytes: buf ? new Uint8Array(buf) : new Uint8Array(0), notes };
  }
  const out = await memory!.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), notes };
}
