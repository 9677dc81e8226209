/**
 * `RangeAreas` (one or more rectangular blocks on one sheet, ExcelApi 1.9) and `RangeCollection` (its `areas`).
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.rangeareas and the doc comments of
 * @types/office-js. `RangeAreas.select()` is ExcelApi 1.18 (before it an add-in could not select several areas:
 * OfficeDev/office-js#2558); the requirement check comes from the generated table like every other member.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  contains,
  formatAddress,
  intersect,
  rectCols,
  rectRows,
} from "../address";
import { invalidArg } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { TableModel } from "../model/types";
import { ClientResult, type PropDef, SimCollection, SimObject, installProxies } from "./proxy";
import { Range } from "./range";
import { type RangeTarget, alive, selectOn, writable } from "./shared";
import { TableScopedCollection } from "./table";
import { Worksheet } from "./worksheet";

/** A resolved RangeAreas: a sheet and its blocks, in order. */
export interface RangeAreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

const all = (t: RangeAreasTarget, test: (r: Rect) => boolean): boolean => t.rects.every(test);

export class RangeAreas extends SimObject {
  static override props: Record<string, PropDef> = {
    // "Address value will contain the worksheet name for each rectangular block of cells (e.g., "Sheet1!A1:B4,
    // Sheet1!D1:D4")" (@types/office-js, RangeAreas.address).
    address: { get: (t: RangeAreasTarget) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(", ") },
    addressLocal: {
      get: (t: RangeAreasTarget) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(", "),
    },
    areaCount: { get: (t: RangeAreasTarget) => t.rects.length },
    cellCount: { get: (t: RangeAreasTarget) => t.rects.reduce((n, r) => n + rectRows(r) * rectCols(r), 0) },
    isEntireColumn: { get: (t: RangeAreasTarget) => all(t, (r) => r.r0 === 0 && r.r1 === MAX_ROWS - 1) },
    isEntireRow: { get: (t: RangeAreasTarget) => all(t, (r) => r.c0 === 0 && r.c1 === MAX_COLS - 1) },
  };
  static override navs = {
    areas: (o: SimObject) => new RangeCollection(o._ctx, o._path + ".areas", () => o._resolveMaybe()),
    worksheet: (o: SimObject) =>
      new Worksheet(
        o._ctx,
        o._path + ".worksheet",
        () => (o._resolveMaybe() as RangeAreasTarget | null)?.sheet ?? null,
      ),
  };

  private derive(
    method: string,
    args: unknown[],
    fn: (t: RangeAreasTarget) => RangeAreasTarget | null,
  ): RangeAreas {
    return this._make(
      RangeAreas,
      method,
      args,
      () => fn(this._resolve<RangeAreasTarget>()),
      method.endsWith("OrNullObject"),
    );
  }

  getEntireRow(): RangeAreas {
    return this.derive("getEntireRow", [], (t) => ({
      sheet: t.sheet,
      rects: t.rects.map((r) => ({ ...r, c0: 0, c1: MAX_COLS - 1 })),
    }));
  }
  getEntireColumn(): RangeAreas {
    return this.derive("getEntireColumn", [], (t) => ({
      sheet: t.sheet,
      rects: t.rects.map((r) => ({ ...r, r0: 0, r1: MAX_ROWS - 1 })),
    }));
  }
  /** The used cells within each area (areas without any are dropped; none at all → a null object). */
  getUsedRangeAreasOrNullObject(valuesOnly = false): RangeAreas {
    return this.derive("getUsedRangeAreasOrNullObject", [valuesOnly], (t) => {
      const u = alive(t.sheet).usedRect(valuesOnly);
      const rects = u ? t.rects.map((r) => intersect(r, u)).filter((r): r is Rect => r !== null) : [];
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }
  /** Tables that overlap any area (or lie fully inside one, with `fullyContained`). */
  getTables(fullyContained = false): TableScopedCollection {
    return this._make(TableScopedCollection, "getTables", [fullyContained], () => {
      const t = this._resolve<RangeAreasTarget>();
      return {
        filter: (tb: TableModel) =>
          tb.sheet === t.sheet &&
          t.rects.some((r) => (fullyContained ? contains(r, tb.rect) : !!intersect(r, tb.rect))),
      };
    });
  }
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t: RangeAreasTarget) => {
      const sheet = writable(t.sheet);
      if (!["All", "Contents", "Formats"].includes(applyTo)) throw invalidArg(`applyTo ${applyTo}`);
      for (const r of t.rects) sheet.clear(r, applyTo);
      sheet.touch();
    });
  }
  /** Selects every area; the first is the active one (ExcelApi 1.18). */
  select(): void {
    this._call("select", [], (t: RangeAreasTarget) => selectOn(t.sheet, t.rects));
  }
  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
}

/** `RangeAreas.areas`: the blocks as Range objects. */
export class RangeCollection extends SimCollection<Range> {
  override _list(): unknown[] {
    const t = this._resolve<RangeAreasTarget>();
    return t.rects.map((rect): RangeTarget => ({ sheet: t.sheet, rect }));
  }
  override _item(t: RangeTarget, index: number): Range {
    return new Range(this._ctx, `${this._path}(${index})`, () => t);
  }
  getItemAt(index: number): Range {
    return this._getItemAt(Range, index, "Range");
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
}

installProxies({ RangeAreas, RangeCollection });
