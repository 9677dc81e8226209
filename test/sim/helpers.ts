import { SimWorkbook, installSimulator, type SheetData, type SimOptions } from "../../src/workbook";

/** A fresh workbook installed as the global Excel/Office host. */
export function setup(sheets?: SheetData[], options?: SimOptions): SimWorkbook {
  const wb = new SimWorkbook(options);
  if (sheets) wb.loadWorkbook(sheets);
  installSimulator(wb);
  return wb;
}

/** Runs a batch and returns the rejection (or throws if it did not reject). */
export async function rejection(
  p: Promise<unknown>,
): Promise<{ code: string; name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; name: string; message: string };
  }
  throw new Error("expected a rejection");
}
