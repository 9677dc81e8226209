/**
 * Selecting cells and rows for the pane (issues list → the cell, customers table → their rows), and the mapping
 * preview's read of the source block. Kept here so src/excel stays the only code that calls Excel.run.
 */
import { HEADER_SCAN_ROWS } from "../engine/sheet/headers";
import { readSource, type SourceRead } from "./readSource";
import { loadRuns } from "./settings";

/** Splits `Sheet!A1` / `'My sheet'!A1` into sheet name (or null) and local address. */
export function splitAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return { sheet: null, local: address };
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Activates the sheet of `address` (or `fallbackSheet`, else the active sheet) and selects the address. */
export async function selectAddress(address: string, fallbackSheet?: string): Promise<void> {
  const { sheet: named, local } = splitAddress(address);
  const sheetName = named ?? fallbackSheet ?? null;
  await Excel.run(async (ctx) => {
    const sheet = sheetName
      ? ctx.workbook.worksheets.getItem(sheetName)
      : ctx.workbook.worksheets.getActiveWorksheet();
    sheet.activate();
    sheet.getRange(local).select();
    await ctx.sync();
  });
}

/**
 * Selects whole-row blocks like ["2:4", "9:9"] on `sheetName` (else the active sheet). Selecting several blocks at
 * once needs `RangeAreas.select()`, ExcelApi 1.18 (`Worksheet.getRanges` alone is 1.9, but before 1.18 a
 * RangeAreas could not be selected: OfficeDev/office-js#2558); on older hosts the first block is selected.
 */
export async function selectRowBlocks(blocks: readonly string[], sheetName?: string): Promise<void> {
  if (blocks.length === 0) return;
  await Excel.run(async (ctx) => {
    const sheet = sheetName
      ? ctx.workbook.worksheets.getItem(sheetName)
      : ctx.workbook.worksheets.getActiveWorksheet();
    sheet.activate();
    if (blocks.length > 1 && Office.context.requirements.isSetSupported("ExcelApi", "1.18")) {
      sheet.getRanges(blocks.join(",")).select();
    } else {
      sheet.getRange(blocks[0]).select();
    }
    await ctx.sync();
  });
}

/**
 * Reads the top of the block a run would score (same code as the run, but only the rows searched for the header),
 * for the pane's mapping preview: opening the pane on a 100,000-row sheet must not read the whole sheet.
 */
export function previewSource(): Promise<SourceRead> {
  return Excel.run((ctx) => readSource(ctx, loadRuns(), { maxRows: HEADER_SCAN_ROWS }));
}
