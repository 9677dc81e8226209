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

export interface Selection {
  sheet: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
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
  subscribe(listener: () => void): () => void;
}
