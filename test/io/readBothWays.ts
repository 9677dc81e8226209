/**
 * Reads an .xlsx twice — ExcelJS alone, and with the fast sheet reader forced on every sheet (src/workbook/io/
 * fastCells.ts) — and returns what each read keeps, for tests that require both to be equal.
 */
import ExcelJS from "exceljs";
import { SimWorkbook } from "../../src/workbook";
import { readXlsx, type ReadWorkbook } from "../../src/workbook/io/xlsx";

/** What a read keeps, without the ids the model makes fresh on every read. */
function kept(read: ReadWorkbook) {
  return {
    sheets: read.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      values: s.values,
      formulas: s.formulas,
      cached: s.cached,
      numFmt: s.numFmt,
      styles: s.styles,
      colNumFmt: [...s.colNumFmt],
      colWidths: [...s.colWidths],
      rowHeights: [...s.rowHeights].sort((a, b) => a[0] - b[0]),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      hiddenCols: [...s.hiddenCols],
      merges: s.merges,
      cfs: JSON.parse(JSON.stringify(s.cfs, (k, v) => (k === "id" ? undefined : v))) as unknown,
    })),
    tables: read.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect, style: t.style })),
    names: read.names.map((n) => ({ name: n.name, formula: n.formula, sheet: n.sheet?.name })),
    active: read.active.name,
    notes: read.notes,
  };
}

export async function bothWays(bytes: Uint8Array) {
  const alone = await readXlsx(ExcelJS, bytes, new SimWorkbook().model, { fastCells: false });
  const split = await readXlsx(ExcelJS, bytes, new SimWorkbook().model, { minSheetChars: 0 });
  return { alone: kept(alone), split: kept(split) };
}
