/** The playground grid's read model over a WorkbookModel (`WorkbookView`). */
import { DEFAULT_COLUMN_WIDTH } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { type Align, defaultAlign, formatValue } from "../numberFormat";
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

export interface WorkbookView {
  /** Visible sheets only, in tab order. */
  sheetNames(): string[];
  activeSheetName(): string;
  activate(name: string): void;
  usedSize(sheet: string): { rowCount: number; columnCount: number };
  cell(sheet: string, row: number, col: number): CellView;
  columnWidth(sheet: string, col: number): number;
  selection(): { sheet: string; row: number; col: number; rowCount: number; colCount: number } | null;
  select(sheet: string, row: number, col: number, rowCount?: number, colCount?: number): void;
  setCellInput(sheet: string, row: number, col: number, input: string): void;
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
      const { r0, c0, r1, c1 } = sel.rect;
      return { sheet: sel.sheet.name, row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
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
      s.touch();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
