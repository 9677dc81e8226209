/** `context.workbook` and `workbook.application`. */
import { notFound } from "../errors";
import { NamedItemCollection } from "./namedItem";
import { type PropDef, type SimContext, SimObject, installProps } from "./proxy";
import { Range } from "./range";
import { type RangeTarget, model } from "./shared";
import { TableCollection } from "./table";
import { WorksheetCollection } from "./worksheet";

export class Application extends SimObject {
  static override props: Record<string, PropDef> = {
    calculationMode: { get: () => "Automatic", set: () => undefined },
  };
  calculate(_type?: string): void {
    this._call("calculate", [], () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

export class Workbook extends SimObject {
  static override props: Record<string, PropDef> = { name: { get: () => "Book1.xlsx" } };
  static override navs = {
    worksheets: (o: SimObject) => new WorksheetCollection(o._ctx, "worksheets", () => o._resolveMaybe()),
    tables: (o: SimObject) => new TableCollection(o._ctx, "tables", () => ({ filter: () => true })),
    names: (o: SimObject) => new NamedItemCollection(o._ctx, "names", () => ({ scope: undefined })),
    application: (o: SimObject) => new Application(o._ctx, "application", () => o._resolveMaybe()),
  };
  private selected(): RangeTarget {
    const wb = model(this);
    if (wb.selection && wb.sheets.includes(wb.selection.sheet))
      return { sheet: wb.selection.sheet, rect: { ...wb.selection.rect } };
    const s = wb.activeSheet;
    if (!s) throw notFound("Selection");
    return { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
  getSelectedRange(): Range {
    return this._make(Range, "getSelectedRange", [], () => this.selected());
  }
  getActiveCell(): Range {
    return this._make(Range, "getActiveCell", [], () => {
      const t = this.selected();
      return { sheet: t.sheet, rect: { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c0 } };
    });
  }
}
for (const C of [Application, Workbook] as (typeof SimObject)[]) installProps(C);

/** Creates `context.workbook` for a context. */
export function createWorkbookProxy(ctx: SimContext): Workbook {
  return new Workbook(ctx, "workbook", () => ctx.host.model)._bind(ctx.host.model);
}
