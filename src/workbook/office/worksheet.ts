/** Worksheet proxies: `Worksheet`, its protection, and `WorksheetCollection`. */
import { MAX_COLS, MAX_ROWS, type Rect, parseAddress } from "../address";
import { normalizeColor } from "../color";
import { SimError, SimErrorCodes, invalidArg, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { TableModel } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { ChartCollection } from "./chart";
import { NamedItemCollection } from "./namedItem";
import { ClientResult, type PropDef, SimCollection, SimObject, installProxies } from "./proxy";
import { Range } from "./range";
import { RangeAreas, type RangeAreasTarget } from "./rangeAreas";
import { alive, model } from "./shared";
import { TableCollection } from "./table";

function validateSheetName(wb: WorkbookModel, name: unknown, self?: SheetModel): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    /^'|'$/.test(name)
  ) {
    throw invalidArg(`sheet name ${JSON.stringify(name)}`);
  }
  const other = wb.sheet(name);
  if (other && other !== self)
    throw new SimError(SimErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
  return name;
}

/** A rect from an A1 address that may name this sheet but no other. */
function localRect(s: SheetModel, address: string): Rect {
  const p = parseAddress(address);
  if (p.sheet && p.sheet.toLowerCase() !== s.name.toLowerCase())
    throw invalidArg("address refers to another sheet");
  return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
}

export class WorksheetProtection extends SimObject {
  static override props: Record<string, PropDef> = { protected: { get: (s: SheetModel) => s.protected } };
  protect(_options?: unknown, _password?: string): void {
    this._call("protect", [], (s: SheetModel) => {
      s.protected = true;
      s.touch();
    });
  }
  unprotect(_password?: string): void {
    this._call("unprotect", [], (s: SheetModel) => {
      s.protected = false;
      s.touch();
    });
  }
}

/**
 * `worksheet.freezePanes` (ExcelApi 1.7): the rows / columns kept in place when the view scrolls. Modelled:
 * freezeRows, freezeColumns (a count, default 1; 0 unfreezes that direction) and unfreeze, as the Office.js reference
 * describes them (https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes: "Freeze the top row or
 * rows of the worksheet in place … count: Optional number of rows to freeze, or zero to unfreeze all rows").
 * freezeAt and getLocation are not modelled (NotImplemented).
 */
export class WorksheetFreezePanes extends SimObject {
  private freeze(method: string, count: number | undefined, set: (s: SheetModel, n: number) => void): void {
    const n = count === undefined ? 1 : count;
    this._call(method, [n], (s: SheetModel) => {
      if (!Number.isInteger(n) || n < 0) throw invalidArg(`${method} count`);
      set(alive(s), n);
      s.touch();
    });
  }
  freezeRows(count?: number): void {
    this.freeze("freezeRows", count, (s, n) => (s.frozenRows = n));
  }
  freezeColumns(count?: number): void {
    this.freeze("freezeColumns", count, (s, n) => (s.frozenCols = n));
  }
  unfreeze(): void {
    this._call("unfreeze", [], (s: SheetModel) => {
      s.frozenRows = 0;
      s.frozenCols = 0;
      s.touch();
    });
  }
}

export class Worksheet extends SimObject {
  static override props: Record<string, PropDef> = {
    name: {
      get: (s: SheetModel) => s.name,
      set: (s: SheetModel, v: unknown) => {
        const name = validateSheetName(alive(s).wb, v, s);
        s.name = name;
        s.touch();
      },
    },
    id: { get: (s: SheetModel) => s.id },
    position: {
      get: (s: SheetModel) => s.wb.sheets.indexOf(s),
      set: (s: SheetModel, v: unknown) => {
        const wb = alive(s).wb;
        if (typeof v !== "number" || v < 0 || v >= wb.sheets.length) throw invalidArg("position");
        wb.sheets = wb.sheets.filter((x) => x !== s);
        wb.sheets.splice(v, 0, s);
        s.touch();
      },
    },
    visibility: {
      get: (s: SheetModel) => s.visibility,
      set: (s: SheetModel, v: unknown) => {
        const wb = alive(s).wb;
        if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
          throw invalidArg(`visibility ${String(v)}`);
        if (v !== "Visible" && !wb.sheets.some((x) => x !== s && x.visibility === "Visible")) {
          throw new SimError(
            SimErrorCodes.invalidOperation,
            "A workbook must contain at least one visible worksheet.",
          );
        }
        s.visibility = v;
        if (v !== "Visible" && wb.activeSheet === s) {
          wb.activeSheet = wb.sheets.find((x) => x.visibility === "Visible") ?? null;
          wb.selection = null;
        }
        s.touch();
      },
    },
    tabColor: {
      get: (s: SheetModel) => s.tabColor,
      set: (s: SheetModel, v: unknown) => {
        s.tabColor = normalizeColor(v);
        s.touch();
      },
    },
    standardWidth: { get: () => 8.43 },
  };
  static override navs = {
    protection: (o: SimObject) =>
      new WorksheetProtection(o._ctx, o._path + ".protection", () => o._resolveMaybe()),
    tables: (o: SimObject) =>
      new TableCollection(o._ctx, o._path + ".tables", () => {
        const s = o._resolveMaybe() as SheetModel | null;
        return s && { filter: (t: TableModel) => t.sheet === s, sheet: s };
      }),
    charts: (o: SimObject) => new ChartCollection(o._ctx, o._path + ".charts", () => o._resolveMaybe()),
    freezePanes: (o: SimObject) =>
      new WorksheetFreezePanes(o._ctx, o._path + ".freezePanes", () => o._resolveMaybe()),
    names: (o: SimObject) =>
      new NamedItemCollection(o._ctx, o._path + ".names", () => {
        const s = o._resolveMaybe() as SheetModel | null;
        return s && { scope: s };
      }),
  };

  private range(
    method: string,
    args: unknown[],
    fn: (s: SheetModel) => Rect | null,
    nullable = false,
  ): Range {
    return this._make(
      Range,
      method,
      args,
      () => {
        const s = alive(this._resolve<SheetModel>());
        const rect = fn(s);
        return rect && { sheet: s, rect };
      },
      nullable,
    );
  }

  getRange(address?: string): Range {
    return this.range("getRange", [address ?? ""], (s) => {
      if (!address) return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      return localRect(s, address);
    });
  }
  /** Several blocks ("A1:B2, D4", "2:4,9:9") as one RangeAreas (ExcelApi 1.9). */
  getRanges(address: string): RangeAreas {
    return this._make(RangeAreas, "getRanges", [address], (): RangeAreasTarget => {
      const s = alive(this._resolve<SheetModel>());
      const parts = String(address ?? "")
        .split(",")
        .map((p) => p.trim());
      if (parts.some((p) => p === "")) throw invalidArg(`bad address "${address}"`);
      return { sheet: s, rects: parts.map((p) => localRect(s, p)) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const rect = {
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      };
      if (
        ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) ||
        rowCount < 1 ||
        columnCount < 1
      ) {
        throw invalidArg("getRangeByIndexes arguments");
      }
      if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS)
        throw invalidArg("outside the sheet");
      return rect;
    });
  }
  getCell(row: number, column: number): Range {
    return this.range("getCell", [row, column], () => {
      if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS)
        throw invalidArg("outside the sheet");
      return { r0: row, c0: column, r1: row, c1: column };
    });
  }
  /** Like Excel: an empty sheet's used range is A1. */
  getUsedRange(valuesOnly = false): Range {
    return this.range(
      "getUsedRange",
      [valuesOnly],
      (s) => s.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.range("getUsedRangeOrNullObject", [valuesOnly], (s) => s.usedRect(valuesOnly), true);
  }
  activate(): void {
    this._call("activate", [], (s: SheetModel) => {
      const wb = alive(s).wb;
      if (s.visibility !== "Visible")
        throw new SimError(SimErrorCodes.invalidOperation, "Cannot activate a hidden sheet.");
      wb.activeSheet = s;
      wb.selection = { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      wb.version++;
    });
  }
  delete(): void {
    this._call("delete", [], (s: SheetModel) => {
      const wb = alive(s).wb;
      if (!wb.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        throw new SimError(
          SimErrorCodes.invalidOperation,
          "A workbook must contain at least one visible worksheet.",
        );
      }
      wb.removeSheet(s);
    });
  }
  calculate(_markAllDirty?: boolean): void {
    this._call("calculate", [], () => undefined);
  }
}

export class WorksheetCollection extends SimCollection<Worksheet> {
  override _list(): unknown[] {
    return model(this).sheets;
  }
  override _item(t: SheetModel): Worksheet {
    return new Worksheet(this._ctx, `worksheets(${JSON.stringify(t.id)})`, () => t);
  }
  add(name?: string): Worksheet {
    return this._make(Worksheet, "add", [name ?? null], () => {
      const wb = model(this);
      const s = wb.addSheet(name === undefined ? wb.nextSheetName() : "\u0000");
      try {
        if (name !== undefined) s.name = validateSheetName(wb, name, s);
      } catch (e) {
        wb.removeSheet(s);
        throw e;
      }
      return s;
    });
  }
  /** A sheet by name or id. */
  private find(key: string): SheetModel | undefined {
    const wb = model(this);
    return wb.sheet(key) ?? wb.sheets.find((x) => x.id === key);
  }
  getItem(key: string): Worksheet {
    return this._getItem(Worksheet, key, (k) => this.find(k), "Worksheet");
  }
  getItemOrNullObject(key: string): Worksheet {
    return this._getItemOrNull(Worksheet, key, (k) => this.find(k));
  }
  getActiveWorksheet(): Worksheet {
    return this._make(Worksheet, "getActiveWorksheet", [], () => {
      const s = model(this).activeSheet;
      if (!s) throw notFound("Active worksheet");
      return s;
    });
  }
  getFirst(visibleOnly = false): Worksheet {
    return this._make(Worksheet, "getFirst", [visibleOnly], () => {
      const s = model(this).sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw notFound("Worksheet");
      return s;
    });
  }
  getLast(visibleOnly = false): Worksheet {
    return this._make(Worksheet, "getLast", [visibleOnly], () => {
      const list = model(this).sheets.filter((x) => !visibleOnly || x.visibility === "Visible");
      if (!list.length) throw notFound("Worksheet");
      return list[list.length - 1];
    });
  }
  getCount(visibleOnly = false): ClientResult<number> {
    return this._result(
      "getCount",
      () => model(this).sheets.filter((x) => !visibleOnly || x.visibility === "Visible").length,
    );
  }
}

installProxies({ WorksheetProtection, WorksheetFreezePanes, Worksheet, WorksheetCollection });
