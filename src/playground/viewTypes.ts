/**
 * The slice of the simulator's WorkbookView (see src/workbook) that the playground UI uses.
 * Declared structurally here so the UI and its tests depend on the contract, not on the simulator's module.
 */

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

/** The selection: the active area (its top-left cell is the active cell) and, when known, every area. */
export interface Selection extends CellArea {
  sheet: string;
  areas?: CellArea[];
}

/** A chart as the grid draws it (src/workbook/view/chart.ts). */
export interface ChartDraw {
  id: string;
  name: string;
  type: string;
  title: string;
  categoryTitle: string;
  valueTitle: string;
  legend: { visible: boolean; position: string };
  /** Corners in fractional column / row indices. */
  box: { x0: number; y0: number; x1: number; y1: number };
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** A cell being edited in place or in the formula bar (both show the same draft, as in Excel). */
export interface EditState {
  sheet: string;
  row: number;
  col: number;
  draft: string;
  /** Where the typing happens: in the cell, or in the formula bar. */
  surface: "cell" | "bar";
  /**
   * Excel's modes: "enter" (typing started in the cell: arrow keys finish the entry and move) or "edit" (F2,
   * double-click or the formula bar: arrow keys move the caret). F2 switches between them.
   */
  mode: "enter" | "edit";
  /** The cell's content when the edit started (leaving an unchanged edit writes nothing). */
  original?: string;
}

export interface GridView {
  sheetNames(): string[];
  activeSheetName(): string;
  activate(name: string): void;
  usedSize(sheet: string): { rowCount: number; columnCount: number };
  cell(sheet: string, row: number, col: number): CellView;
  columnWidth?(sheet: string, col: number): number;
  selection(): Selection | null;
  select(sheet: string, row: number, col: number, rowCount?: number, colCount?: number): void;
  setCellInput?(sheet: string, row: number, col: number, input: string): void;
  numberFormat?(sheet: string, row: number, col: number): string;
  setNumberFormat?(sheet: string, areas: readonly CellArea[], format: string): void;
  charts?(sheet: string): ChartDraw[];
  subscribe(listener: () => void): () => void;
}
