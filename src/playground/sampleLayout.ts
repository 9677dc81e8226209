/**
 * Gives a loaded sample its look — column widths and a bold header row — through the Excel JavaScript API
 * (in the playground: the simulated one), in one `Excel.run` with a single sync.
 */
import { columnName } from "./gridWindow";
import type { SheetData } from "./samples";

export async function applySheetLayout(sheets: readonly SheetData[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const sheet of sheets) {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      (sheet.columnWidths ?? []).forEach((width, col) => {
        const letter = columnName(col);
        ws.getRange(`${letter}:${letter}`).format.columnWidth = width;
      });
      const headerWidth = sheet.values[0]?.length ?? 0;
      if (headerWidth > 0) ws.getRange(`A1:${columnName(headerWidth - 1)}1`).format.font.bold = true;
    }
    await context.sync();
  });
}
