/**
 * A sheet to load into the simulated workbook: values placed from A1 (the simulator's SheetData shape), with
 * optional number formats in the same layout and column widths in points (applied by the playground after
 * loading, through the simulated Excel API).
 */
export interface SheetData {
  name: string;
  values: unknown[][];
  numberFormats?: (string | null)[][];
  columnWidths?: number[];
}
