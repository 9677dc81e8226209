/** `context.workbook` and `workbook.application`. */
import type { Rect } from "../address";
import { SimError, SimErrorCodes, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import { NamedItemCollection } from "./namedItem";
import { type PropDef, type SimContext, SimObject, installProxies } from "./proxy";
import { Range } from "./range";
import { RangeAreas, type RangeAreasTarget } from "./rangeAreas";
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
  private selection(): { sheet: SheetModel; rect: Rect; areas: Rect[] } {
    const wb = model(this);
    const sel = wb.selection;
    if (sel && wb.sheets.includes(sel.sheet))
      return {
        sheet: sel.sheet,
        rect: { ...sel.rect },
        areas: (sel.areas ?? [sel.rect]).map((r) => ({ ...r })),
      };
    const s = wb.activeSheet;
    if (!s) throw notFound("Selection");
    const a1 = { r0: 0, c0: 0, r1: 0, c1: 0 };
    return { sheet: s, rect: a1, areas: [a1] };
  }
  private selected(): RangeTarget {
    const { sheet, rect } = this.selection();
    return { sheet, rect };
  }
  /**
   * "If there are multiple ranges selected, this method will throw an error" (@types/office-js,
   * Workbook.getSelectedRange); the code is InvalidSelection (reported in OfficeDev/office-js-docs-pr#2477).
   */
  getSelectedRange(): Range {
    return this._make(Range, "getSelectedRange", [], () => {
      const sel = this.selection();
      if (sel.areas.length > 1) throw new SimError(SimErrorCodes.invalidSelection);
      return { sheet: sel.sheet, rect: sel.rect };
    });
  }
  /** Every selected area (ExcelApi 1.9), a single one included. */
  getSelectedRanges(): RangeAreas {
    return this._make(RangeAreas, "getSelectedRanges", [], (): RangeAreasTarget => {
      const sel = this.selection();
      return { sheet: sel.sheet, rects: sel.areas };
    });
  }
  getActiveCell(): Range {
    return this._make(Range, "getActiveCell", [], () => {
      const t = this.selected();
      return { sheet: t.sheet, rect: { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c0 } };
    });
  }
}
installProxies({ Application, Workbook });

/** Creates `context.workbook` for a context. */
export function createWorkbookProxy(ctx: SimContext): Workbook {
  return new Workbook(ctx, "workbook", () => ctx.host.model)._bind(ctx.host.model);
}
