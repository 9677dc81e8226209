/**
 * The cell model's plain data types: cell values, styles, tables, conditional formats, charts, names. No proxies and
 * no DOM: the model is used by the playground, the tests and the command line alike.
 */
import type { Rect } from "../address";
import type { SheetModel } from "./sheet";

export type CellValue = string | number | boolean;

/** Per-cell style properties (all optional; absent = default). */
export interface Style {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  hAlign?: string;
  wrapText?: boolean;
  /**
   * The cell's format as an opened file held it (the xlsx reader's JSON of font, fill, borders, alignment and
   * protection): kept so a save writes back what the properties above do not hold (borders, theme colours …). Not
   * drawn; the properties above win where they differ from what this JSON gives (io/xlsx.ts).
   */
  file?: string;
}
export type StyleKey = keyof Style;

/** The style properties the grid draws (all of {@link Style} but the file's own format). */
export const DRAWN_STYLE_KEYS = [
  "fill",
  "fontColor",
  "bold",
  "italic",
  "fontName",
  "fontSize",
  "hAlign",
  "wrapText",
] as const satisfies readonly StyleKey[];

export const DEFAULT_FONT = { name: "Calibri", size: 11, color: "#000000" };
export const DEFAULT_COLUMN_WIDTH = 64; // points-ish, like Excel's 8.43 chars
export const DEFAULT_ROW_HEIGHT = 15;

export interface CfFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}
export interface ColorCriterion {
  type: string;
  formula?: string;
  color?: string;
}
export interface CfModel {
  id: string;
  type: string; // Excel.ConditionalFormatType value, e.g. "Custom"
  /**
   * The cells the rule applies to: one rect, or several after part of it was cleared or deleted. Relative references
   * in its formulas are written for the top-left cell of `ranges[0]` (re-anchored when that cell moves).
   */
  ranges: Rect[];
  stopIfTrue: boolean;
  custom: { formula: string; format: CfFormat };
  cellValue: { formula1: string; formula2?: string; operator: string; format: CfFormat };
  colorScale: { minimum?: ColorCriterion; midpoint?: ColorCriterion; maximum?: ColorCriterion };
  dataBar: {
    barDirection: string;
    positiveFillColor: string;
    negativeFillColor: string;
    showDataBarOnly: boolean;
  };
  /**
   * The rule as an opened file held it (the xlsx reader's own JSON), for what the model does not interpret: rule
   * types it only stores (icon sets, top/bottom, text, dates …) and formats beyond fill and font. Only the xlsx
   * writer reads it; ranges and formulas always come from the fields above.
   */
  file?: Record<string, unknown>;
}

/**
 * A new rule of `type` on `ranges` with every part at Excel's defaults (what `ConditionalFormatCollection.add` gives
 * before its properties are set: data bars blue on positive, red on negative). The simulator's `add` and the xlsx
 * reader both start from it.
 */
export function newCfModel(type: string, ranges: Rect[], stopIfTrue = false): CfModel {
  return {
    id: newId("cf"),
    type,
    ranges,
    stopIfTrue,
    custom: { formula: "", format: {} },
    cellValue: { formula1: "", operator: "Between", format: {} },
    colorScale: {},
    dataBar: {
      barDirection: "Context",
      positiveFillColor: "#638EC6",
      negativeFillColor: "#FF0000",
      showDataBarOnly: false,
    },
  };
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect; // includes header row when showHeaders
  showHeaders: boolean;
  style: string;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sheet: SheetModel;
  source: Rect;
  seriesBy: string;
  title: string;
  left: number;
  top: number;
  width: number;
  height: number;
  position?: { start: string; end?: string };
  /** Axis titles (`chart.axes.categoryAxis.title.text`, `valueAxis.title.text`); "" or absent = none. */
  axisTitles?: { category?: string; value?: string };
  /** Legend as set through `chart.legend`; absent = Excel's default (shown when there are several series). */
  legend?: { visible?: boolean; position?: string };
}

export interface NameModel {
  name: string;
  formula: string; // "=Sheet1!$A$1" or "=42" or "=\"text\""
  comment: string;
  visible: boolean;
  sheet?: SheetModel; // worksheet-scoped names
}

/** Evaluates a formula cell; the playground plugs custom functions in here. */
export type FormulaEvaluator = (
  formula: string,
  where: { sheet: string; row: number; col: number },
) => CellValue | null | undefined;

let nextId = 1;
export const newId = (prefix: string): string => `{${prefix}-${String(nextId++).padStart(8, "0")}}`;
