/**
 * The playground grid's read model over a WorkbookModel (`WorkbookView`): cells as displayed, column widths, the
 * selection (every area), charts, and the analyst's own actions — selecting, typing into a cell (with Excel's
 * formula autoformat, ../formula/autoformat.ts) and choosing a number format for the selection.
 */
import { MAX_ROWS } from "../address";
import { formulaAutoFormat, parseFormula } from "../formula";
import { DEFAULT_COLUMN_WIDTH } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { type Align, defaultAlign, formatValue } from "../numberFormat";
import { type ChartView, chartView } from "./chart";
import { paintCell } from "./paint";

export interface CellView {
  text: string;
  align: "left" | "right" | "center";
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  dataBar?: { fraction: number; color: string };
}

/** A rectangle of cells: top-left row and column (0-based) and size. */
export interface CellArea {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** The selection: the active area's top-left cell and size, and every area (the active one first). */
export interface SelectionView extends CellArea {
  sheet: string;
  areas: CellArea[];
}

export interface WorkbookView {
  /** Visible sheets only, in tab order. */
  sheetNames(): string[];
  activeSheetName(): string;
  activate(name: string): void;
  usedSize(sheet: string): { rowCount: number; columnCount: number };
  cell(sheet: string, row: number, col: number): CellView;
  columnWidth(sheet: string, col: number): number;
  selection(): SelectionView | null;
  select(sheet: string, row: number, col: number, rowCount?: number, colCount?: number): void;
  /** Types `input` into a cell, as the analyst does (value entry, and the formula autoformat of a General cell). */
  setCellInput(sheet: string, row: number, col: number, input: string): void;
  /** The cell's number format ("General" when none). */
  numberFormat(sheet: string, row: number, col: number): string;
  /** Applies a number format to areas of a sheet (the analyst's Format Cells). */
  setNumberFormat(sheet: string, areas: readonly CellArea[], format: string): void;
  /** The sheet's charts, as drawn. */
  charts(sheet: string): ChartView[];
  subscribe(listener: () => void): () => void;
}

const ALIGN: Record<string, Align> = {
  Left: "left",
  Right: "right",
  Center: "center",
  CenterAcrossSelection: "center",
};

/** Builds the view; `notify` is shared with the SimWorkbook so syncs and UI actions reach the same listeners. */
export function createView(
  model: WorkbookModel,
  listeners: Set<() => void>,
  notify: () => void,
): WorkbookView {
  return {
    sheetNames: () => model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name),
    activeSheetName: () => model.activeSheet?.name ?? "",
    activate(name) {
      const s = model.sheet(name);
      if (!s || s.visibility !== "Visible") return;
      model.activeSheet = s;
      model.selection = { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      model.version++;
      notify();
    },
    usedSize(name) {
      const u = model.sheet(name)?.usedRect(false);
      return u ? { rowCount: u.r1 + 1, columnCount: u.c1 + 1 } : { rowCount: 0, columnCount: 0 };
    },
    cell(name, row, col) {
      const s = model.sheet(name);
      if (!s) return { text: "", align: "left" };
      const value = s.getValue(row, col);
      const style = s.getStyle(row, col);
      const paint = paintCell(s, row, col);
      const view: CellView = {
        text: formatValue(value, s.getNumberFormat(row, col)),
        align: (style.hAlign && ALIGN[style.hAlign]) || defaultAlign(value),
      };
      const fill = paint.fill ?? style.fill;
      const color = paint.color ?? style.fontColor;
      const bold = paint.bold ?? style.bold;
      const italic = paint.italic ?? style.italic;
      if (fill) view.fill = fill;
      if (color) view.color = color;
      if (bold) view.bold = true;
      if (italic) view.italic = true;
      if (paint.dataBar) view.dataBar = paint.dataBar;
      return view;
    },
    columnWidth(name, col) {
      const s = model.sheet(name);
      if (!s) return DEFAULT_COLUMN_WIDTH;
      if (s.hiddenCols.has(col)) return 0;
      return s.colWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
    },
    selection() {
      const sel = model.selection;
      if (!sel || !model.sheets.includes(sel.sheet)) return null;
      const area = (r: { r0: number; c0: number; r1: number; c1: number }): CellArea => ({
        row: r.r0,
        col: r.c0,
        rowCount: r.r1 - r.r0 + 1,
        colCount: r.c1 - r.c0 + 1,
      });
      return { sheet: sel.sheet.name, ...area(sel.rect), areas: (sel.areas ?? [sel.rect]).map(area) };
    },
    select(name, row, col, rowCount = 1, colCount = 1) {
      const s = model.sheet(name);
      if (!s) return;
      model.activeSheet = s;
      model.selection = {
        sheet: s,
        rect: { r0: row, c0: col, r1: row + rowCount - 1, c1: col + colCount - 1 },
      };
      model.version++;
      notify();
    },
    setCellInput(name, row, col, input) {
      const s = model.sheet(name);
      if (!s || s.protected) return;
      s.writeInput(row, col, input);
      if (s.hasFormula(row, col) && s.getNumberFormat(row, col) === "General") {
        let format: string | undefined;
        try {
          format = formulaAutoFormat(parseFormula(String(s.getFormula(row, col))), {
            formatOf: (r, c, other) => (other ? model.sheet(other) : s)?.getNumberFormat(r, c) ?? "General",
            isDateFunction: (fn) => model.dateResultFunctions.has(fn),
            dateFormat: model.shortDateFormat,
          });
        } catch {
          format = undefined; // a formula the engine cannot parse reads #NAME? and keeps General
        }
        if (format) s.setNumberFormat(row, col, format);
      }
      s.touch();
      notify();
    },
    numberFormat(name, row, col) {
      return model.sheet(name)?.getNumberFormat(row, col) ?? "General";
    },
    setNumberFormat(name, areas, format) {
      const s = model.sheet(name);
      if (!s || s.protected) return;
      for (const a of areas) {
        const wholeColumns = a.row === 0 && a.rowCount >= MAX_ROWS;
        // Whole columns take a column format (as Excel stores it) and only the cells in use are visited.
        const lastRow = wholeColumns ? s.extentRows() - 1 : a.row + a.rowCount - 1;
        for (let c = a.col; c < a.col + a.colCount; c++) {
          if (wholeColumns) s.colNumFmt.set(c, format);
          for (let r = a.row; r <= lastRow; r++) s.setNumberFormat(r, c, format);
        }
      }
      s.touch();
      notify();
    },
    charts(name) {
      return model.sheet(name)?.charts.map(chartView) ?? [];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
