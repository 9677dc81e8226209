/**
 * Per-cell access to the simulated workbook for the formula evaluator and the formula bar. Reads the
 * SimWorkbook's model one cell at a time (reading whole sheets through `getValues` would re-evaluate every
 * formula for each reference).
 */
import type { BoundEvaluator, CellFormulaEvaluator } from "./formulaEval";

interface ModelSheetLike {
  getValue(row: number, col: number): unknown;
  getFormula(row: number, col: number): unknown;
}

/** The part of SimWorkbook used here (structural, so tests can pass a fake). */
export interface SimWorkbookLike {
  readonly model: { sheet(name: string): ModelSheetLike | undefined; evaluator: unknown };
  setFormulaEvaluator?(evaluator: CellFormulaEvaluator): void;
}

export interface CellAccess {
  /** Value of a cell (formula cells evaluated); "#REF!" for a sheet that does not exist. */
  value(sheet: string, row: number, col: number): unknown;
  /** What the formula bar shows: the formula, else the value as text ("" when empty). */
  input(sheet: string, row: number, col: number): string;
  /** Installs the evaluator for formula cells (through `setFormulaEvaluator` when the simulator has it). */
  setEvaluator(evaluator: CellFormulaEvaluator | BoundEvaluator): void;
  /** The custom function's message of a formula cell showing its error (see formulaEval's `explain`), or undefined. */
  errorMessage(sheet: string, row: number, col: number): string | undefined;
}

export function cellAccess(wb: SimWorkbookLike): CellAccess {
  let explain: BoundEvaluator["explain"] | undefined;
  return {
    value(sheet, row, col) {
      const s = wb.model.sheet(sheet);
      return s ? s.getValue(row, col) : "#REF!";
    },
    input(sheet, row, col) {
      const v = wb.model.sheet(sheet)?.getFormula(row, col);
      if (v === undefined || v === null) return "";
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    },
    setEvaluator(evaluator) {
      explain = "explain" in evaluator ? evaluator.explain : undefined;
      if (typeof wb.setFormulaEvaluator === "function") wb.setFormulaEvaluator(evaluator);
      else wb.model.evaluator = evaluator;
    },
    errorMessage(sheet, row, col) {
      const s = wb.model.sheet(sheet);
      const f = s?.getFormula(row, col);
      if (!explain || typeof f !== "string" || !f.startsWith("=")) return undefined;
      return explain(f, { sheet, row, col });
    },
  };
}
