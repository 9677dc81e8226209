/** A small in-memory WorkbookView for UI tests (the contract of src/playground/viewTypes.ts). */
import type { CellView, GridView, Selection } from "../../src/playground/viewTypes";

export interface FakeSheet {
  rows: number;
  cols: number;
  /** Cell content; defaults to "r{row}c{col}" inside the used range. */
  cell?: (row: number, col: number) => Partial<CellView> & { text: string };
  hidden?: boolean;
}

export class FakeView implements GridView {
  active: string;
  sel: Selection | null = null;
  inputs: { sheet: string; row: number; col: number; input: string }[] = [];
  cellCalls = 0;
  private listeners = new Set<() => void>();

  constructor(readonly sheets: Record<string, FakeSheet>) {
    this.active = Object.keys(sheets)[0];
  }

  sheetNames(): string[] {
    return Object.keys(this.sheets).filter((n) => !this.sheets[n].hidden);
  }
  activeSheetName(): string {
    return this.active;
  }
  activate(name: string): void {
    this.active = name;
    this.emit();
  }
  usedSize(sheet: string): { rowCount: number; columnCount: number } {
    const s = this.sheets[sheet];
    return { rowCount: s?.rows ?? 0, columnCount: s?.cols ?? 0 };
  }
  cell(sheet: string, row: number, col: number): CellView {
    this.cellCalls++;
    const s = this.sheets[sheet];
    if (!s || row >= s.rows || col >= s.cols) return { text: "", align: "left" };
    const c = s.cell ? s.cell(row, col) : { text: `r${row}c${col}` };
    return { align: "left", ...c };
  }
  columnWidth(_sheet: string, col: number): number {
    return col === 0 ? 120 : 60;
  }
  selection(): Selection | null {
    return this.sel;
  }
  select(sheet: string, row: number, col: number, rowCount = 1, colCount = 1): void {
    this.sel = { sheet, row, col, rowCount, colCount };
    this.emit();
  }
  setCellInput(sheet: string, row: number, col: number, input: string): void {
    this.inputs.push({ sheet, row, col, input });
    this.emit();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(): void {
    for (const l of [...this.listeners]) l();
  }
  listenerCount(): number {
    return this.listeners.size;
  }
}
