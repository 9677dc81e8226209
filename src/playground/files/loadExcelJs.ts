/**
 * ExcelJS for the playground's Open…/Save: its self-contained browser build (exceljs/dist/exceljs.min.js, ~0.9 MB)
 * fetched as a separate lazy chunk ("exceljs.js") on the first .xlsx open or save — the playground page does not
 * load it up front and the task pane's bundle never contains it (test/build/build.test.ts checks both).
 */
import type { ExcelJsModule } from "../../workbook/io";

let pending: Promise<ExcelJsModule> | null = null;

export function loadExcelJs(): Promise<ExcelJsModule> {
  pending ??= import(/* webpackChunkName: "exceljs" */ "exceljs/dist/exceljs.min.js").then((m) => {
    // A CommonJS/UMD module: webpack hands it over as the namespace's default export.
    const mod = m as unknown as ExcelJsModule & { default?: ExcelJsModule };
    return mod.default && "Workbook" in mod.default ? mod.default : mod;
  });
  pending.catch(() => (pending = null));
  return pending;
}
