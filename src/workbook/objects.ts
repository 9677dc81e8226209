/**
 * The Excel object proxies (Workbook, Worksheet(s), Range, formats, tables, conditional formats, names, charts).
 * Each class lists its scalar `props` (getter from the model target, optional setter applied at sync) and its
 * navigation `navs`; `installProps` turns them into Office-like accessors.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  contains,
  formatAddress,
  formatRect,
  intersect,
  parseAddress,
  quoteSheet,
  rectCols,
  rectRows,
} from "./address";
import { normalizeColor } from "./color";
import { SimError, SimErrorCodes, invalidArg, notFound } from "./errors";
import {
  type CfFormat,
  type CfModel,
  type ChartModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  DEFAULT_ROW_HEIGHT,
  type NameModel,
  SheetModel,
  type Style,
  type StyleKey,
  type TableModel,
  type WorkbookModel,
  newId,
  valueType,
} from "./model";
import { formatValue } from "./numberFormat";
import { ClientResult, type PropDef, SimCollection, type SimContext, SimObject, installProps } from "./proxy";

/** A resolved range: a sheet and a rectangle. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const model = (o: SimObject): WorkbookModel => o._ctx.host.model;

function alive(sheet: SheetModel): SheetModel {
  if (!sheet.wb.sheets.includes(sheet)) throw notFound(`Worksheet '${sheet.name}'`);
  return sheet;
}

function writable(sheet: SheetModel): SheetModel {
  alive(sheet);
  if (sheet.protected) {
    throw new SimError(
      SimErrorCodes.accessDenied,
      `The sheet '${sheet.name}' is protected. You cannot perform the requested operation.`,
    );
  }
  return sheet;
}

/** Validates a 2-D write: exact shape, or a scalar for a single cell. */
function matrix(value: unknown, rect: Rect, prop: string): unknown[][] {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (!Array.isArray(value)) {
    if (rows === 1 && cols === 1) return [[value]];
    throw invalidArg(`${prop} must be a ${rows}x${cols} array`);
  }
  if (value.length !== rows || value.some((r) => !Array.isArray(r) || r.length !== cols)) {
    const got = `${value.length}x${Array.isArray(value[0]) ? (value[0] as unknown[]).length : "?"}`;
    throw invalidArg(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}: range is ${rows}x${cols}, input is ${got}).`,
    );
  }
  return value as unknown[][];
}

/** Reads every cell of the rect through `fn` into a 2-D array. */
function readGrid<T>(t: RangeTarget, fn: (r: number, c: number) => T): T[][] {
  alive(t.sheet);
  const out: T[][] = new Array(rectRows(t.rect));
  for (let r = t.rect.r0, i = 0; r <= t.rect.r1; r++, i++) {
    const row: T[] = new Array(rectCols(t.rect));
    for (let c = t.rect.c0, j = 0; c <= t.rect.c1; c++, j++) row[j] = fn(r, c);
    out[i] = row;
  }
  return out;
}

/** The common value of a style property across a rect (null when mixed), scanning only stored rows. */
function uniformStyle(t: RangeTarget, pick: (s: Style) => unknown, dflt: unknown): unknown {
  const { sheet, rect } = t;
  alive(sheet);
  const lastRow = Math.min(rect.r1, sheet.extentRows());
  let first: unknown = undefined;
  let seen = false;
  const cEnd = Math.min(rect.c1, Math.max(rect.c0, (sheet.usedRect(false)?.c1 ?? 0) + 1));
  for (let r = rect.r0; r <= Math.max(lastRow, rect.r0); r++) {
    for (let c = rect.c0; c <= cEnd; c++) {
      const v = pick(sheet.getStyle(r, c)) ?? dflt;
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first;
}

const rangeOf = (t: RangeTarget, rect: Rect): RangeTarget => {
  if (
    rect.r0 < 0 ||
    rect.c0 < 0 ||
    rect.r1 >= MAX_ROWS ||
    rect.c1 >= MAX_COLS ||
    rect.r1 < rect.r0 ||
    rect.c1 < rect.c0
  ) {
    throw invalidArg("the resulting range is outside the sheet");
  }
  return { sheet: t.sheet, rect };
};

// ---------------------------------------------------------------------------------------------------------------
// Range and its format

function styleProp(key: StyleKey, dflt: unknown, normalize: (v: unknown) => unknown = (v) => v): PropDef {
  return {
    get: (t: RangeTarget) => uniformStyle(t, (s) => s[key], dflt),
    set: (t: RangeTarget, v: unknown) => {
      writable(t.sheet).setStyle(t.rect, key, normalize(v) as never);
      t.sheet.touch();
    },
  };
}

export class RangeFill extends SimObject {
  static override props: Record<string, PropDef> = {
    color: {
      get: (t: RangeTarget) => uniformStyle(t, (s) => s.fill, "#FFFFFF"),
      set: (t: RangeTarget, v: unknown) => {
        const c = normalizeColor(v);
        writable(t.sheet).setStyle(t.rect, "fill", c === "" ? undefined : c);
        t.sheet.touch();
      },
    },
  };
  clear(): void {
    this._call("clear", [], (t: RangeTarget) => {
      writable(t.sheet).setStyle(t.rect, "fill", undefined);
      t.sheet.touch();
    });
  }
}

export class RangeFont extends SimObject {
  static override props: Record<string, PropDef> = {
    color: styleProp("fontColor", DEFAULT_FONT.color, (v) => normalizeColor(v) || undefined),
    bold: styleProp("bold", false, (v) => (v ? true : undefined)),
    italic: styleProp("italic", false, (v) => (v ? true : undefined)),
    name: styleProp("fontName", DEFAULT_FONT.name),
    size: styleProp("fontSize", DEFAULT_FONT.size),
  };
}

export class RangeFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    columnWidth: {
      get: (t: RangeTarget) => t.sheet.colWidths.get(t.rect.c0) ?? DEFAULT_COLUMN_WIDTH,
      set: (t: RangeTarget, v: unknown) => {
        if (typeof v !== "number" || v < 0) throw invalidArg("columnWidth");
        writable(t.sheet);
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, v);
        t.sheet.touch();
      },
    },
    rowHeight: {
      get: (t: RangeTarget) => t.sheet.rowHeights.get(t.rect.r0) ?? DEFAULT_ROW_HEIGHT,
      set: (t: RangeTarget, v: unknown) => {
        if (typeof v !== "number" || v < 0) throw invalidArg("rowHeight");
        writable(t.sheet);
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++)
          t.sheet.rowHeights.set(r, v);
        t.sheet.touch();
      },
    },
    horizontalAlignment: styleProp("hAlign", "General"),
    verticalAlignment: { get: () => "Bottom", set: () => undefined },
    wrapText: styleProp("wrapText", false, (v) => (v ? true : undefined)),
  };
  static override navs = {
    fill: (o: SimObject) => new RangeFill(o._ctx, o._path + ".fill", () => o._resolveMaybe()),
    font: (o: SimObject) => new RangeFont(o._ctx, o._path + ".font", () => o._resolveMaybe()),
    borders: (o: SimObject) => new RangeBorders(o._ctx, o._path + ".borders", () => o._resolveMaybe()),
  };
  autofitColumns(): void {
    this._call("autofitColumns", [], () => undefined);
  }
  autofitRows(): void {
    this._call("autofitRows", [], () => undefined);
  }
}

/** Borders are accepted and ignored (not rendered). */
export class RangeBorders extends SimObject {
  static override props: Record<string, PropDef> = { count: { get: () => 0 } };
  getItem(index: string): RangeBorder {
    return new RangeBorder(this._ctx, `${this._path}.getItem(${index})`, () => this._resolveMaybe());
  }
}
export class RangeBorder extends SimObject {
  static override props: Record<string, PropDef> = {
    color: { get: () => "#000000", set: (t: RangeTarget) => void writable(t.sheet) },
    style: { get: () => "None", set: (t: RangeTarget) => void writable(t.sheet) },
    weight: { get: () => "Thin", set: (t: RangeTarget) => void writable(t.sheet) },
  };
}

function writeCells(t: RangeTarget, v: unknown, prop: string): void {
  const m = matrix(v, t.rect, prop);
  const sheet = writable(t.sheet);
  const { r0, c0 } = t.rect;
  for (let i = 0; i < m.length; i++) {
    const row = m[i];
    for (let j = 0; j < row.length; j++) sheet.writeInput(r0 + i, c0 + j, row[j]);
  }
  sheet.touch();
}

export class Range extends SimObject {
  static override props: Record<string, PropDef> = {
    address: { get: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect) },
    rowIndex: { get: (t: RangeTarget) => t.rect.r0 },
    columnIndex: { get: (t: RangeTarget) => t.rect.c0 },
    rowCount: { get: (t: RangeTarget) => rectRows(t.rect) },
    columnCount: { get: (t: RangeTarget) => rectCols(t.rect) },
    cellCount: { get: (t: RangeTarget) => rectRows(t.rect) * rectCols(t.rect) },
    isEntireColumn: { get: (t: RangeTarget) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1 },
    isEntireRow: { get: (t: RangeTarget) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLS - 1 },
    values: {
      get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.getValue(r, c)),
      set: (t: RangeTarget, v: unknown) => writeCells(t, v, "values"),
    },
    formulas: {
      get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.getFormula(r, c)),
      set: (t: RangeTarget, v: unknown) => writeCells(t, v, "formulas"),
    },
    formulasLocal: {
      get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.getFormula(r, c)),
      set: (t: RangeTarget, v: unknown) => writeCells(t, v, "formulasLocal"),
      noDefault: true,
    },
    numberFormat: {
      get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.getNumberFormat(r, c)),
      set: (t: RangeTarget, v: unknown) => {
        const m = matrix(v, t.rect, "numberFormat");
        const sheet = writable(t.sheet);
        for (let i = 0; i < m.length; i++) {
          for (let j = 0; j < m[i].length; j++) {
            const f = m[i][j];
            if (f === null || f === undefined) continue;
            if (typeof f !== "string") throw invalidArg("numberFormat entries must be strings");
            sheet.setNumberFormat(t.rect.r0 + i, t.rect.c0 + j, f);
          }
        }
        sheet.touch();
      },
    },
    numberFormatLocal: {
      get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.getNumberFormat(r, c)),
      noDefault: true,
    },
    text: {
      get: (t: RangeTarget) =>
        readGrid(t, (r, c) => formatValue(t.sheet.getValue(r, c), t.sheet.getNumberFormat(r, c))),
    },
    valueTypes: { get: (t: RangeTarget) => readGrid(t, (r, c) => valueType(t.sheet.getValue(r, c))) },
    columnHidden: {
      get: (t: RangeTarget) => {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) if (!t.sheet.hiddenCols.has(c)) return false;
        return true;
      },
      set: (t: RangeTarget, v: unknown) => {
        writable(t.sheet);
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          if (v) t.sheet.hiddenCols.add(c);
          else t.sheet.hiddenCols.delete(c);
        }
        t.sheet.touch();
      },
    },
    rowHidden: {
      get: (t: RangeTarget) => {
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++)
          if (!t.sheet.hiddenRows.has(r)) return false;
        return true;
      },
      set: (t: RangeTarget, v: unknown) => {
        writable(t.sheet);
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++) {
          if (v) t.sheet.hiddenRows.add(r);
          else t.sheet.hiddenRows.delete(r);
        }
        t.sheet.touch();
      },
    },
    hidden: {
      get: (t: RangeTarget) => t.sheet.hiddenRows.has(t.rect.r0) || t.sheet.hiddenCols.has(t.rect.c0),
    },
  };
  static override navs = {
    format: (o: SimObject) => new RangeFormat(o._ctx, o._path + ".format", () => o._resolveMaybe()),
    worksheet: (o: SimObject) =>
      new Worksheet(
        o._ctx,
        o._path + ".worksheet",
        () => (o._resolveMaybe() as RangeTarget | null)?.sheet ?? null,
      ),
    conditionalFormats: (o: SimObject) =>
      new ConditionalFormatCollection(o._ctx, o._path + ".conditionalFormats", () => o._resolveMaybe()),
  };

  private derive(
    method: string,
    args: unknown[],
    fn: (t: RangeTarget) => RangeTarget | null,
    nullable = false,
  ): Range {
    return this._make(
      Range,
      method,
      args,
      () => {
        const t = this._resolve<RangeTarget>();
        alive(t.sheet);
        return fn(t);
      },
      nullable,
    );
  }

  getCell(row: number, column: number): Range {
    return this.derive("getCell", [row, column], (t) =>
      rangeOf(t, {
        r0: t.rect.r0 + row,
        c0: t.rect.c0 + column,
        r1: t.rect.r0 + row,
        c1: t.rect.c0 + column,
      }),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive("getResizedRange", [deltaRows, deltaColumns], (t) =>
      rangeOf(t, { ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }),
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this.derive("getAbsoluteResizedRange", [numRows, numColumns], (t) =>
      rangeOf(t, {
        r0: t.rect.r0,
        c0: t.rect.c0,
        r1: t.rect.r0 + numRows - 1,
        c1: t.rect.c0 + numColumns - 1,
      }),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive("getOffsetRange", [rowOffset, columnOffset], (t) =>
      rangeOf(t, {
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      }),
    );
  }
  getRow(row: number): Range {
    return this.derive("getRow", [row], (t) =>
      rangeOf(t, { ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row }),
    );
  }
  getColumn(column: number): Range {
    return this.derive("getColumn", [column], (t) =>
      rangeOf(t, { ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column }),
    );
  }
  getLastRow(): Range {
    return this.derive("getLastRow", [], (t) => rangeOf(t, { ...t.rect, r0: t.rect.r1 }));
  }
  getLastColumn(): Range {
    return this.derive("getLastColumn", [], (t) => rangeOf(t, { ...t.rect, c0: t.rect.c1 }));
  }
  getLastCell(): Range {
    return this.derive("getLastCell", [], (t) =>
      rangeOf(t, { r0: t.rect.r1, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }),
    );
  }
  getRowsAbove(count = 1): Range {
    return this.derive("getRowsAbove", [count], (t) =>
      rangeOf(t, { ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 }),
    );
  }
  getRowsBelow(count = 1): Range {
    return this.derive("getRowsBelow", [count], (t) =>
      rangeOf(t, { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count }),
    );
  }
  getColumnsBefore(count = 1): Range {
    return this.derive("getColumnsBefore", [count], (t) =>
      rangeOf(t, { ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 }),
    );
  }
  getColumnsAfter(count = 1): Range {
    return this.derive("getColumnsAfter", [count], (t) =>
      rangeOf(t, { ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count }),
    );
  }
  getEntireColumn(): Range {
    return this.derive("getEntireColumn", [], (t) => rangeOf(t, { ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): Range {
    return this.derive("getEntireRow", [], (t) => rangeOf(t, { ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  private otherRect(t: RangeTarget, other: Range | string): Rect {
    if (typeof other === "string") {
      const p = parseAddress(other);
      if (p.sheet && p.sheet.toLowerCase() !== t.sheet.name.toLowerCase())
        throw invalidArg("ranges on different sheets");
      return p;
    }
    const o = other._resolve<RangeTarget>();
    if (o.sheet !== t.sheet) throw invalidArg("ranges on different sheets");
    return o.rect;
  }
  getIntersection(anotherRange: Range | string): Range {
    return this.derive("getIntersection", [addrArg(anotherRange)], (t) => {
      const r = intersect(t.rect, this.otherRect(t, anotherRange));
      if (!r) throw invalidArg("the ranges do not intersect");
      return rangeOf(t, r);
    });
  }
  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this.derive(
      "getIntersectionOrNullObject",
      [addrArg(anotherRange)],
      (t) => {
        const r = intersect(t.rect, this.otherRect(t, anotherRange));
        return r ? rangeOf(t, r) : null;
      },
      true,
    );
  }
  getBoundingRect(anotherRange: Range | string): Range {
    return this.derive("getBoundingRect", [addrArg(anotherRange)], (t) =>
      rangeOf(t, boundingRect(t.rect, this.otherRect(t, anotherRange))),
    );
  }
  /** Excel's Ctrl+* region: grows while any adjacent row/column has non-blank cells. */
  getSurroundingRegion(): Range {
    return this.derive("getSurroundingRegion", [], (t) => rangeOf(t, surroundingRegion(t.sheet, t.rect)));
  }
  getUsedRange(valuesOnly = false): Range {
    return this.derive("getUsedRange", [valuesOnly], (t) => {
      const u = t.sheet.usedRect(valuesOnly);
      const r = u && intersect(u, t.rect);
      if (!r) throw notFound("Used range");
      return rangeOf(t, r);
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.derive(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (t) => {
        const u = t.sheet.usedRect(valuesOnly);
        const r = u && intersect(u, t.rect);
        return r ? rangeOf(t, r) : null;
      },
      true,
    );
  }
  getTables(fullyContained = false): TableScopedCollection {
    return this._make(TableScopedCollection, "getTables", [fullyContained], () => {
      const t = this._resolve<RangeTarget>();
      return {
        filter: (tb: TableModel) =>
          tb.sheet === t.sheet && (fullyContained ? contains(t.rect, tb.rect) : !!intersect(t.rect, tb.rect)),
      };
    });
  }
  getMergedAreasOrNullObject(): Range {
    return this.derive(
      "getMergedAreasOrNullObject",
      [],
      (t) => {
        const hits = t.sheet.merges.filter((m) => intersect(m, t.rect));
        if (!hits.length) return null;
        return rangeOf(t, hits.reduce(boundingRect));
      },
      true,
    );
  }
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (t: RangeTarget) => {
      if (
        !["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo)
      ) {
        throw invalidArg(`applyTo ${applyTo}`);
      }
      writable(t.sheet).clear(t.rect, applyTo === "ResetContents" ? "Contents" : applyTo);
      t.sheet.touch();
    });
  }
  delete(shift: string): void {
    this._call("delete", [shift], (t: RangeTarget) => {
      if (shift !== "Up" && shift !== "Left") throw invalidArg(`shift ${shift}`);
      const sheet = writable(t.sheet);
      sheet.shiftCells(t.rect, shift === "Up" ? "up" : "left", false);
      adjustAfterShift(sheet, t.rect, shift === "Up" ? "up" : "left", false);
      sheet.touch();
    });
  }
  insert(shift: string): Range {
    return this.derive("insert", [shift], (t) => {
      if (shift !== "Down" && shift !== "Right") throw invalidArg(`shift ${shift}`);
      const sheet = writable(t.sheet);
      sheet.shiftCells(t.rect, shift === "Down" ? "down" : "right", true);
      adjustAfterShift(sheet, t.rect, shift === "Down" ? "down" : "right", true);
      sheet.touch();
      return t;
    });
  }
  merge(across = false): void {
    this._call("merge", [across], (t: RangeTarget) => {
      const sheet = writable(t.sheet);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, t.rect));
      if (across) for (let r = t.rect.r0; r <= t.rect.r1; r++) sheet.merges.push({ ...t.rect, r0: r, r1: r });
      else sheet.merges.push({ ...t.rect });
      sheet.touch();
    });
  }
  unmerge(): void {
    this._call("unmerge", [], (t: RangeTarget) => {
      const sheet = writable(t.sheet);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, t.rect));
      sheet.touch();
    });
  }
  select(): void {
    this._call("select", [], (t: RangeTarget) => {
      const wb = alive(t.sheet).wb;
      if (t.sheet.visibility !== "Visible")
        throw new SimError(SimErrorCodes.invalidOperation, "Cannot select on a hidden sheet.");
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: { ...t.rect } };
      wb.version++;
    });
  }
  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
}

function addrArg(r: Range | string): unknown {
  return typeof r === "string" ? r : r._path;
}

function surroundingRegion(sheet: SheetModel, start: Rect): Rect {
  let rect = { ...start };
  const filled = (r: number, c: number): boolean => r >= 0 && c >= 0 && sheet.getFormula(r, c) !== "";
  for (let guard = 0; guard < 100000; guard++) {
    const grow = { ...rect };
    const rowHas = (r: number): boolean => {
      for (let c = rect.c0 - 1; c <= rect.c1 + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number): boolean => {
      for (let r = rect.r0 - 1; r <= rect.r1 + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    if (rect.r0 > 0 && rowHas(rect.r0 - 1)) grow.r0--;
    if (rect.r1 < MAX_ROWS - 1 && rowHas(rect.r1 + 1)) grow.r1++;
    if (rect.c0 > 0 && colHas(rect.c0 - 1)) grow.c0--;
    if (rect.c1 < MAX_COLS - 1 && colHas(rect.c1 + 1)) grow.c1++;
    if (grow.r0 === rect.r0 && grow.r1 === rect.r1 && grow.c0 === rect.c0 && grow.c1 === rect.c1) break;
    rect = grow;
  }
  return rect;
}

/** Moves tables, conditional formats and charts after an insert/delete that shifted cells. */
function adjustAfterShift(
  sheet: SheetModel,
  rect: Rect,
  dir: "up" | "down" | "left" | "right",
  inserting: boolean,
): void {
  const n = dir === "up" || dir === "down" ? rectRows(rect) : rectCols(rect);
  const move = (r: Rect): void => {
    if (dir === "up" || dir === "down") {
      if (r.c0 < rect.c0 || r.c1 > rect.c1) return;
      if (inserting) {
        if (r.r0 >= rect.r0) {
          r.r0 += n;
          r.r1 += n;
        } else if (r.r1 >= rect.r0) r.r1 += n;
      } else if (r.r0 > rect.r1) {
        r.r0 -= n;
        r.r1 -= n;
      } else if (r.r1 >= rect.r0)
        r.r1 = Math.max(r.r0, r.r1 - (Math.min(r.r1, rect.r1) - Math.max(r.r0, rect.r0) + 1));
    } else {
      if (r.r0 < rect.r0 || r.r1 > rect.r1) return;
      if (inserting) {
        if (r.c0 >= rect.c0) {
          r.c0 += n;
          r.c1 += n;
        } else if (r.c1 >= rect.c0) r.c1 += n;
      } else if (r.c0 > rect.c1) {
        r.c0 -= n;
        r.c1 -= n;
      } else if (r.c1 >= rect.c0)
        r.c1 = Math.max(r.c0, r.c1 - (Math.min(r.c1, rect.c1) - Math.max(r.c0, rect.c0) + 1));
    }
  };
  for (const t of sheet.wb.tables) if (t.sheet === sheet) move(t.rect);
  for (const cf of sheet.cfs) move(cf.rect);
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheets and workbook

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
      const p = parseAddress(address);
      if (p.sheet && p.sheet.toLowerCase() !== s.name.toLowerCase())
        throw invalidArg("address refers to another sheet");
      return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
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

/** `context.workbook.application`: calculation calls are accepted and ignored. */
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

// ---------------------------------------------------------------------------------------------------------------
// Tables

interface TableScope {
  filter: (t: TableModel) => boolean;
  sheet?: SheetModel;
}

const headerRect = (t: TableModel): Rect => ({ ...t.rect, r1: t.rect.r0 });
const bodyRect = (t: TableModel): Rect => ({ ...t.rect, r0: t.showHeaders ? t.rect.r0 + 1 : t.rect.r0 });
const columnNames = (t: TableModel): string[] =>
  Array.from({ length: rectCols(t.rect) }, (_, j) => String(t.sheet.getValue(t.rect.r0, t.rect.c0 + j)));

function aliveTable(t: TableModel): TableModel {
  if (!t.sheet.wb.tables.includes(t)) throw notFound(`Table '${t.name}'`);
  return t;
}

function validateTableName(wb: WorkbookModel, name: unknown, self?: TableModel): string {
  if (
    typeof name !== "string" ||
    !/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name)
  ) {
    throw invalidArg(`table name ${JSON.stringify(name)}`);
  }
  const other = wb.table(name);
  if ((other && other !== self) || wb.name(name))
    throw new SimError(SimErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
  return name;
}

/** Makes header cells unique and non-empty ("Column1", "Name2"). */
function fixHeaders(t: TableModel): void {
  const seen = new Set<string>();
  for (let j = 0; j < rectCols(t.rect); j++) {
    let h = String(t.sheet.getValue(t.rect.r0, t.rect.c0 + j)).trim();
    if (h === "") h = `Column${j + 1}`;
    let name = h;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${h}${k}`;
    seen.add(name.toLowerCase());
    if (name !== t.sheet.getValue(t.rect.r0, t.rect.c0 + j))
      t.sheet.writeInput(t.rect.r0, t.rect.c0 + j, name);
  }
}

export class Table extends SimObject {
  static override props: Record<string, PropDef> = {
    id: { get: (t: TableModel) => t.id },
    name: {
      get: (t: TableModel) => t.name,
      set: (t: TableModel, v: unknown) => {
        t.name = validateTableName(t.sheet.wb, v, aliveTable(t));
        t.sheet.touch();
      },
    },
    showHeaders: { get: (t: TableModel) => t.showHeaders },
    showTotals: { get: () => false },
    style: {
      get: (t: TableModel) => t.style,
      set: (t: TableModel, v: unknown) => {
        t.style = String(v);
        t.sheet.touch();
      },
    },
  };
  static override navs = {
    worksheet: (o: SimObject) =>
      new Worksheet(
        o._ctx,
        o._path + ".worksheet",
        () => (o._resolveMaybe() as TableModel | null)?.sheet ?? null,
      ),
    columns: (o: SimObject) =>
      new TableColumnCollection(o._ctx, o._path + ".columns", () => o._resolveMaybe()),
    rows: (o: SimObject) => new TableRowCollection(o._ctx, o._path + ".rows", () => o._resolveMaybe()),
  };
  private part(method: string, fn: (t: TableModel) => Rect | null, nullable = false): Range {
    return this._make(
      Range,
      method,
      [],
      () => {
        const t = aliveTable(this._resolve<TableModel>());
        const rect = fn(t);
        return rect && { sheet: t.sheet, rect };
      },
      nullable,
    );
  }
  getRange(): Range {
    return this.part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.part("getHeaderRowRange", (t) => headerRect(t));
  }
  /** For a table with no data rows Excel still returns one (empty) row below the header. */
  getDataBodyRange(): Range {
    return this.part("getDataBodyRange", (t) => {
      const b = bodyRect(t);
      return b.r0 > b.r1 ? { ...b, r1: b.r0 } : b;
    });
  }
  delete(): void {
    this._call("delete", [], (t: TableModel) => {
      writable(aliveTable(t).sheet).clear(t.rect, "All");
      t.sheet.wb.tables = t.sheet.wb.tables.filter((x) => x !== t);
      t.sheet.touch();
    });
  }
  convertToRange(): Range {
    return this.part("convertToRange", (t) => {
      t.sheet.wb.tables = t.sheet.wb.tables.filter((x) => x !== t);
      t.sheet.touch();
      return t.rect;
    });
  }
  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }
}

export class TableCollection extends SimCollection<Table> {
  static override props: Record<string, PropDef> = {
    count: { get: (s: TableScope, o) => model(o).tables.filter(s.filter).length },
  };
  override _list(): unknown[] {
    return model(this).tables.filter(this._resolve<TableScope>().filter);
  }
  override _item(t: TableModel): Table {
    return new Table(this._ctx, `tables(${JSON.stringify(t.id)})`, () => t);
  }
  private find(key: string): TableModel | null {
    const t = model(this).table(key);
    return t && this._resolve<TableScope>().filter(t) ? t : null;
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    return this._make(Table, "add", [addrArg(address), hasHeaders], () => {
      const wb = model(this);
      const scope = this._resolve<TableScope>();
      let sheet: SheetModel;
      let rect: Rect;
      if (typeof address === "string") {
        const p = parseAddress(address);
        const s = p.sheet ? wb.sheet(p.sheet) : (scope.sheet ?? wb.activeSheet);
        if (!s) throw notFound(`Worksheet '${p.sheet}'`);
        sheet = s;
        rect = { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
      } else {
        const t = address._resolve<RangeTarget>();
        sheet = t.sheet;
        rect = { ...t.rect };
      }
      if (scope.sheet && scope.sheet !== sheet) throw invalidArg("the range is on another worksheet");
      writable(sheet);
      if (rectRows(rect) > 1048575 || rectCols(rect) > 16384) throw invalidArg("table too large");
      if (wb.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect))) {
        throw invalidArg("A table can't overlap another table.");
      }
      if (!hasHeaders) {
        sheet.shiftCells({ ...rect, r1: rect.r0 }, "down", true);
        rect = { ...rect, r1: rect.r1 + 1 };
      }
      const table: TableModel = {
        id: newId("table"),
        name: wb.nextTableName(),
        sheet,
        rect,
        showHeaders: true,
        style: "TableStyleMedium2",
      };
      wb.tables.push(table);
      fixHeaders(table);
      sheet.touch();
      return table;
    });
  }
  getItem(key: string): Table {
    return this._getItem(Table, key, (k) => this.find(k), "Table");
  }
  getItemOrNullObject(key: string): Table {
    return this._getItemOrNull(Table, key, (k) => this.find(k));
  }
  getItemAt(index: number): Table {
    return this._getItemAt(Table, index, "Table");
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
}

/** `range.getTables()` result. */
export class TableScopedCollection extends TableCollection {}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

export class TableColumn extends SimObject {
  static override props: Record<string, PropDef> = {
    id: { get: (c: ColumnTarget) => c.index + 1 },
    index: { get: (c: ColumnTarget) => c.index },
    name: {
      get: (c: ColumnTarget) => columnNames(c.table)[c.index],
      set: (c: ColumnTarget, v: unknown) => {
        writable(c.table.sheet).writeInput(c.table.rect.r0, c.table.rect.c0 + c.index, String(v));
        fixHeaders(c.table);
        c.table.sheet.touch();
      },
    },
    values: {
      get: (c: ColumnTarget) =>
        readGrid({ sheet: c.table.sheet, rect: colRect(c, c.table.rect) }, (r, col) =>
          c.table.sheet.getValue(r, col),
        ),
      noDefault: true,
    },
  };
  private part(method: string, fn: (c: ColumnTarget) => Rect): Range {
    return this._make(Range, method, [], () => {
      const c = this._resolve<ColumnTarget>();
      aliveTable(c.table);
      return { sheet: c.table.sheet, rect: fn(c) };
    });
  }
  getRange(): Range {
    return this.part("getRange", (c) => colRect(c, c.table.rect));
  }
  getHeaderRowRange(): Range {
    return this.part("getHeaderRowRange", (c) => colRect(c, headerRect(c.table)));
  }
  getDataBodyRange(): Range {
    return this.part("getDataBodyRange", (c) => {
      const b = bodyRect(c.table);
      return colRect(c, b.r0 > b.r1 ? { ...b, r1: b.r0 } : b);
    });
  }
  delete(): void {
    this._call("delete", [], (c: ColumnTarget) => {
      const t = aliveTable(c.table);
      if (rectCols(t.rect) === 1)
        throw new SimError(SimErrorCodes.invalidOperation, "Cannot delete the last table column.");
      const rect = colRect(c, t.rect);
      writable(t.sheet).shiftCells(rect, "left", false);
      t.rect = { ...t.rect, c1: t.rect.c1 - 1 };
      t.sheet.touch();
    });
  }
}

const colRect = (c: ColumnTarget, r: Rect): Rect => ({ ...r, c0: r.c0 + c.index, c1: r.c0 + c.index });

export class TableColumnCollection extends SimCollection<TableColumn> {
  static override props: Record<string, PropDef> = {
    count: { get: (t: TableModel) => rectCols(t.rect) },
  };
  override _list(): unknown[] {
    const t = aliveTable(this._resolve<TableModel>());
    return columnNames(t).map((_, index) => ({ table: t, index }));
  }
  override _item(c: ColumnTarget): TableColumn {
    return new TableColumn(this._ctx, `${this._path}(${c.index})`, () => c);
  }
  private find(key: string | number): ColumnTarget | null {
    const t = aliveTable(this._resolve<TableModel>());
    const names = columnNames(t);
    let index =
      typeof key === "number"
        ? key - 1
        : names.findIndex((n) => n.toLowerCase() === String(key).toLowerCase());
    if (index < 0 && typeof key === "string" && /^\d+$/.test(key)) index = Number(key) - 1;
    return index >= 0 && index < names.length ? { table: t, index } : null;
  }
  /** Adds a column (index null/undefined = at the end), shifting cells right within the table's rows. */
  add(index?: number | null, values?: unknown, name?: string): TableColumn {
    return this._make(TableColumn, "add", [index ?? null, values ?? null, name ?? null], () => {
      const t = aliveTable(this._resolve<TableModel>());
      const sheet = writable(t.sheet);
      const n = rectCols(t.rect);
      const at = index === null || index === undefined ? n : index;
      if (at < 0 || at > n) throw invalidArg(`column index ${at}`);
      const colR: Rect = { ...t.rect, c0: t.rect.c0 + at, c1: t.rect.c0 + at };
      let m: unknown[][] | null = null;
      if (values !== undefined && values !== null) m = matrix(values, colR, "values");
      sheet.shiftCells(colR, "right", true);
      t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
      if (m) m.forEach((row, i) => sheet.writeInput(colR.r0 + i, colR.c0, row[0]));
      if (name !== undefined && name !== null) sheet.writeInput(colR.r0, colR.c0, String(name));
      fixHeaders(t);
      sheet.touch();
      return { table: t, index: at };
    });
  }
  getItem(key: string | number): TableColumn {
    return this._getItem(TableColumn, key, (k) => this.find(k), "Table column");
  }
  getItemOrNullObject(key: string | number): TableColumn {
    return this._getItemOrNull(TableColumn, key, (k) => this.find(k));
  }
  getItemAt(index: number): TableColumn {
    return this._make(TableColumn, "getItemAt", [index], () => {
      const t = aliveTable(this._resolve<TableModel>());
      if (index < 0 || index >= rectCols(t.rect)) throw notFound(`Table column #${index}`);
      return { table: t, index };
    });
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", (t: TableModel) => rectCols(aliveTable(t).rect));
  }
}

interface RowTarget {
  table: TableModel;
  index: number;
}

export class TableRow extends SimObject {
  static override props: Record<string, PropDef> = {
    index: { get: (r: RowTarget) => r.index },
    values: {
      get: (r: RowTarget) => {
        const b = bodyRect(r.table);
        return readGrid(
          { sheet: r.table.sheet, rect: { ...b, r0: b.r0 + r.index, r1: b.r0 + r.index } },
          (row, c) => r.table.sheet.getValue(row, c),
        );
      },
    },
  };
  getRange(): Range {
    return this._make(Range, "getRange", [], () => {
      const r = this._resolve<RowTarget>();
      const b = bodyRect(r.table);
      return { sheet: r.table.sheet, rect: { ...b, r0: b.r0 + r.index, r1: b.r0 + r.index } };
    });
  }
}

export class TableRowCollection extends SimCollection<TableRow> {
  static override props: Record<string, PropDef> = {
    count: { get: (t: TableModel) => Math.max(0, rectRows(bodyRect(t))) },
  };
  override _list(): unknown[] {
    const t = aliveTable(this._resolve<TableModel>());
    return Array.from({ length: Math.max(0, rectRows(bodyRect(t))) }, (_, index) => ({ table: t, index }));
  }
  override _item(r: RowTarget): TableRow {
    return new TableRow(this._ctx, `${this._path}(${r.index})`, () => r);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", (t: TableModel) => Math.max(0, rectRows(bodyRect(t))));
  }
  getItemAt(index: number): TableRow {
    return this._make(TableRow, "getItemAt", [index], () => {
      const t = aliveTable(this._resolve<TableModel>());
      if (index < 0 || index >= rectRows(bodyRect(t))) throw notFound(`Table row #${index}`);
      return { table: t, index };
    });
  }
  /** Adds rows (index null = at the end), shifting cells below down within the table's columns. */
  add(index?: number | null, values?: unknown[][]): TableRow {
    return this._make(TableRow, "add", [index ?? null, values ?? null], () => {
      const t = aliveTable(this._resolve<TableModel>());
      const sheet = writable(t.sheet);
      const b = bodyRect(t);
      const count = Math.max(0, rectRows(b));
      const at = index === null || index === undefined ? count : index;
      if (at < 0 || at > count) throw invalidArg(`row index ${at}`);
      const n = values ? values.length : 1;
      const rowsRect: Rect = { ...t.rect, r0: b.r0 + at, r1: b.r0 + at + n - 1 };
      const m = values ? matrix(values, rowsRect, "values") : null;
      sheet.shiftCells(rowsRect, "down", true);
      t.rect = { ...t.rect, r1: t.rect.r1 + n };
      if (m)
        m.forEach((row, i) => row.forEach((v, j) => sheet.writeInput(rowsRect.r0 + i, rowsRect.c0 + j, v)));
      sheet.touch();
      return { table: t, index: at };
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional formats

/** Conditional format types and cell-value operators as Office.js spells them (also the Excel enums in host.ts). */
export const CF_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];
export const CF_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

function aliveCf(cf: CfModel, o: SimObject): CfModel {
  if (!model(o).sheets.some((s) => s.cfs.includes(cf))) throw notFound("Conditional format");
  return cf;
}
const sheetOfCf = (cf: CfModel, o: SimObject): SheetModel => model(o).sheets.find((s) => s.cfs.includes(cf))!;

function cfOfType(o: SimObject, type: string): CfModel {
  const cf = aliveCf(o._resolve<CfModel>(), o);
  if (cf.type !== type)
    throw new SimError(SimErrorCodes.invalidOperation, `This conditional format is not of type ${type}.`);
  writable(sheetOfCf(cf, o));
  return cf;
}

/** Fill/font of a conditional format (custom or cellValue). Target is the CfFormat object. */
export class ConditionalFill extends SimObject {
  static override props: Record<string, PropDef> = {
    color: {
      get: (f: CfFormat) => f.fill ?? null,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.fill = normalizeColor(v) || undefined;
        model(o).version++;
      },
    },
  };
  clear(): void {
    this._call("clear", [], (f: CfFormat) => {
      delete f.fill;
      model(this).version++;
    });
  }
}
export class ConditionalFont extends SimObject {
  static override props: Record<string, PropDef> = {
    color: {
      get: (f: CfFormat) => f.fontColor ?? null,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.fontColor = normalizeColor(v) || undefined;
        model(o).version++;
      },
    },
    bold: {
      get: (f: CfFormat) => f.bold ?? false,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.bold = !!v;
        model(o).version++;
      },
    },
    italic: {
      get: (f: CfFormat) => f.italic ?? false,
      set: (f: CfFormat, v: unknown, o: SimObject) => {
        f.italic = !!v;
        model(o).version++;
      },
    },
  };
}
export class ConditionalRangeFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    numberFormat: { get: () => null, set: () => undefined },
  };
  static override navs = {
    fill: (o: SimObject) => new ConditionalFill(o._ctx, o._path + ".fill", () => o._resolveMaybe()),
    font: (o: SimObject) => new ConditionalFont(o._ctx, o._path + ".font", () => o._resolveMaybe()),
  };
}

export class ConditionalFormatRule extends SimObject {
  static override props: Record<string, PropDef> = {
    formula: {
      get: (cf: CfModel) => cf.custom.formula,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        if (typeof v !== "string" || v === "") throw invalidArg("rule formula");
        cf.custom.formula = v;
        model(o).version++;
      },
    },
    formulaLocal: { get: (cf: CfModel) => cf.custom.formula },
  };
}

export class ConditionalFormatCustom extends SimObject {
  static override navs = {
    rule: (o: SimObject) => new ConditionalFormatRule(o._ctx, o._path + ".rule", () => cfOfType(o, "Custom")),
    format: (o: SimObject) =>
      new ConditionalRangeFormat(o._ctx, o._path + ".format", () => cfOfType(o, "Custom").custom.format),
  };
}

export class ConditionalCellValue extends SimObject {
  static override props: Record<string, PropDef> = {
    rule: {
      get: (cf: CfModel) => ({
        formula1: cf.cellValue.formula1,
        formula2: cf.cellValue.formula2,
        operator: cf.cellValue.operator,
      }),
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        const rule = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
        cfOfType(o, "CellValue");
        if (!rule || typeof rule.formula1 !== "string" || !CF_OPERATORS.includes(String(rule.operator))) {
          throw invalidArg("cellValue rule needs formula1 and a valid operator");
        }
        if (
          (rule.operator === "Between" || rule.operator === "NotBetween") &&
          typeof rule.formula2 !== "string"
        ) {
          throw invalidArg("cellValue rule needs formula2 for Between");
        }
        cf.cellValue.formula1 = rule.formula1;
        cf.cellValue.formula2 = typeof rule.formula2 === "string" ? rule.formula2 : undefined;
        cf.cellValue.operator = String(rule.operator);
        model(o).version++;
      },
    },
  };
  static override navs = {
    format: (o: SimObject) =>
      new ConditionalRangeFormat(
        o._ctx,
        o._path + ".format",
        () => cfOfType(o, "CellValue").cellValue.format,
      ),
  };
}

export class ConditionalColorScale extends SimObject {
  static override props: Record<string, PropDef> = {
    criteria: {
      get: (cf: CfModel) => JSON.parse(JSON.stringify(cf.colorScale)),
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cfOfType(o, "ColorScale");
        const c = v as CfModel["colorScale"];
        if (!c || !c.minimum || !c.maximum) throw invalidArg("colorScale criteria need minimum and maximum");
        const norm = (x?: { type?: string; formula?: string; color?: string }) =>
          x && {
            type: String(x.type ?? "LowestValue"),
            formula: x.formula,
            color: normalizeColor(x.color ?? "#FFFFFF"),
          };
        cf.colorScale = { minimum: norm(c.minimum), midpoint: norm(c.midpoint), maximum: norm(c.maximum) };
        model(o).version++;
      },
    },
    threeColorScale: { get: (cf: CfModel) => !!cf.colorScale.midpoint },
  };
}

export class ConditionalDataBarPositiveFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    fillColor: {
      get: (cf: CfModel) => cf.dataBar.positiveFillColor,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.dataBar.positiveFillColor = normalizeColor(v) || "#638EC6";
        model(o).version++;
      },
    },
    gradientFill: { get: () => true, set: () => undefined },
    borderColor: { get: () => "", set: () => undefined },
  };
}
export class ConditionalDataBarNegativeFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    fillColor: {
      get: (cf: CfModel) => cf.dataBar.negativeFillColor,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.dataBar.negativeFillColor = normalizeColor(v) || "#FF0000";
        model(o).version++;
      },
    },
    borderColor: { get: () => "", set: () => undefined },
    matchPositiveFillColor: { get: () => false, set: () => undefined },
  };
}

export class ConditionalDataBar extends SimObject {
  static override props: Record<string, PropDef> = {
    barDirection: {
      get: (cf: CfModel) => cf.dataBar.barDirection,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        if (!["Context", "LeftToRight", "RightToLeft"].includes(String(v))) throw invalidArg("barDirection");
        cf.dataBar.barDirection = String(v);
        model(o).version++;
      },
    },
    showDataBarOnly: {
      get: (cf: CfModel) => cf.dataBar.showDataBarOnly,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.dataBar.showDataBarOnly = !!v;
        model(o).version++;
      },
    },
    axisColor: { get: () => "#000000", set: () => undefined },
    axisFormat: { get: () => "Automatic", set: () => undefined },
    lowerBoundRule: { get: () => ({ type: "LowestValue" }), set: () => undefined },
    upperBoundRule: { get: () => ({ type: "HighestValue" }), set: () => undefined },
  };
  static override navs = {
    positiveFormat: (o: SimObject) =>
      new ConditionalDataBarPositiveFormat(o._ctx, o._path + ".positiveFormat", () => cfOfType(o, "DataBar")),
    negativeFormat: (o: SimObject) =>
      new ConditionalDataBarNegativeFormat(o._ctx, o._path + ".negativeFormat", () => cfOfType(o, "DataBar")),
  };
}

export class ConditionalFormat extends SimObject {
  static override props: Record<string, PropDef> = {
    id: { get: (cf: CfModel) => cf.id },
    type: { get: (cf: CfModel) => cf.type },
    priority: {
      get: (cf: CfModel, o: SimObject) => sheetOfCf(cf, o).cfs.indexOf(cf),
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        const s = writable(sheetOfCf(aliveCf(cf, o), o));
        if (typeof v !== "number" || v < 0) throw invalidArg("priority");
        s.cfs = s.cfs.filter((x) => x !== cf);
        s.cfs.splice(Math.min(v, s.cfs.length), 0, cf);
        s.touch();
      },
    },
    stopIfTrue: {
      get: (cf: CfModel) => cf.stopIfTrue,
      set: (cf: CfModel, v: unknown, o: SimObject) => {
        cf.stopIfTrue = !!v;
        model(o).version++;
      },
    },
  };
  static override navs = {
    custom: (o: SimObject) =>
      new ConditionalFormatCustom(o._ctx, o._path + ".custom", () => o._resolveMaybe()),
    cellValue: (o: SimObject) =>
      new ConditionalCellValue(o._ctx, o._path + ".cellValue", () => o._resolveMaybe()),
    colorScale: (o: SimObject) =>
      new ConditionalColorScale(o._ctx, o._path + ".colorScale", () => o._resolveMaybe()),
    dataBar: (o: SimObject) => new ConditionalDataBar(o._ctx, o._path + ".dataBar", () => o._resolveMaybe()),
  };
  getRange(): Range {
    return this._make(Range, "getRange", [], () => {
      const cf = aliveCf(this._resolve<CfModel>(), this);
      return { sheet: sheetOfCf(cf, this), rect: { ...cf.rect } };
    });
  }
  getRangeOrNullObject(): Range {
    return this._make(
      Range,
      "getRangeOrNullObject",
      [],
      () => {
        const cf = this._resolveMaybe() as CfModel | null;
        const s = cf && model(this).sheets.find((x) => x.cfs.includes(cf));
        return s && cf ? { sheet: s, rect: { ...cf.rect } } : null;
      },
      true,
    );
  }
  delete(): void {
    this._call("delete", [], (cf: CfModel) => {
      const s = writable(sheetOfCf(aliveCf(cf, this), this));
      s.cfs = s.cfs.filter((x) => x !== cf);
      s.touch();
    });
  }
}

export class ConditionalFormatCollection extends SimCollection<ConditionalFormat> {
  static override props: Record<string, PropDef> = {
    count: { get: (t: RangeTarget) => t.sheet.cfs.filter((cf) => intersect(cf.rect, t.rect)).length },
  };
  override _list(): unknown[] {
    const t = this._resolve<RangeTarget>();
    return alive(t.sheet).cfs.filter((cf) => intersect(cf.rect, t.rect));
  }
  override _item(cf: CfModel): ConditionalFormat {
    return new ConditionalFormat(this._ctx, `conditionalFormats(${JSON.stringify(cf.id)})`, () => cf);
  }
  /** Adds a rule at priority 0 (evaluated first), like Excel. */
  add(type: string): ConditionalFormat {
    return this._make(ConditionalFormat, "add", [type], () => {
      const t = this._resolve<RangeTarget>();
      const sheet = writable(t.sheet);
      if (!CF_TYPES.includes(type)) throw invalidArg(`conditional format type ${type}`);
      const cf: CfModel = {
        id: newId("cf"),
        type,
        rect: { ...t.rect },
        stopIfTrue: false,
        custom: { formula: "", format: {} },
        cellValue: { formula1: "", operator: "Between", format: {} },
        colorScale: {},
        dataBar: {
          barDirection: "Context",
          positiveFillColor: "#638EC6",
          negativeFillColor: "#FF0000",
          showDataBarOnly: false,
        },
      };
      if (type === "ColorScale") {
        cf.colorScale = {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        };
      }
      sheet.cfs.unshift(cf);
      sheet.touch();
      return cf;
    });
  }
  getItem(id: string): ConditionalFormat {
    return this._getItem(
      ConditionalFormat,
      id,
      (key) => (this._list() as CfModel[]).find((x) => x.id === key),
      "Conditional format",
    );
  }
  getItemAt(index: number): ConditionalFormat {
    return this._getItemAt(ConditionalFormat, index, "Conditional format");
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
  clearAll(): void {
    this._call("clearAll", [], (t: RangeTarget) => {
      const sheet = writable(t.sheet);
      sheet.cfs = sheet.cfs.filter((cf) => !intersect(cf.rect, t.rect));
      sheet.touch();
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Names

interface NameScope {
  scope: SheetModel | undefined;
}

/** Resolves a name's formula to a range target, or null when it is not a reference. */
export function nameRange(wb: WorkbookModel, n: NameModel): RangeTarget | null {
  const f = n.formula.replace(/^=/, "");
  if (!f.includes("!")) return null;
  try {
    const p = parseAddress(f);
    const sheet = p.sheet ? wb.sheet(p.sheet) : n.sheet;
    return sheet ? { sheet, rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } } : null;
  } catch {
    return null;
  }
}

function nameValue(wb: WorkbookModel, n: NameModel): { type: string; value: unknown } {
  const r = nameRange(wb, n);
  if (r) return { type: "Range", value: n.formula.replace(/^=/, "") };
  const f = n.formula.replace(/^=/, "");
  if (/^".*"$/.test(f)) return { type: "String", value: f.slice(1, -1).replace(/""/g, '"') };
  if (/^[+-]?\d+(\.\d+)?$/.test(f)) return { type: "Double", value: Number(f) };
  if (/^(TRUE|FALSE)$/i.test(f)) return { type: "Boolean", value: /^TRUE$/i.test(f) };
  if (/^#/.test(f)) return { type: "Error", value: f };
  return { type: "Formula", value: f };
}

export class NamedItem extends SimObject {
  static override props: Record<string, PropDef> = {
    name: { get: (n: NameModel) => n.name },
    type: { get: (n: NameModel, o) => nameValue(model(o), n).type },
    value: { get: (n: NameModel, o) => nameValue(model(o), n).value },
    formula: {
      get: (n: NameModel) => n.formula,
      set: (n: NameModel, v: unknown, o: SimObject) => {
        n.formula = String(v).startsWith("=") ? String(v) : `=${String(v)}`;
        model(o).version++;
      },
    },
    comment: {
      get: (n: NameModel) => n.comment,
      set: (n: NameModel, v: unknown, o: SimObject) => {
        n.comment = String(v);
        model(o).version++;
      },
    },
    visible: {
      get: (n: NameModel) => n.visible,
      set: (n: NameModel, v: unknown, o: SimObject) => {
        n.visible = !!v;
        model(o).version++;
      },
    },
    scope: { get: (n: NameModel) => (n.sheet ? "Worksheet" : "Workbook") },
  };
  getRange(): Range {
    return this._make(Range, "getRange", [], () => {
      const r = nameRange(model(this), this._resolve<NameModel>());
      if (!r) throw invalidArg("the name does not refer to a range");
      return r;
    });
  }
  getRangeOrNullObject(): Range {
    return this._make(
      Range,
      "getRangeOrNullObject",
      [],
      () => {
        const n = this._resolveMaybe() as NameModel | null;
        return n ? nameRange(model(this), n) : null;
      },
      true,
    );
  }
  delete(): void {
    this._call("delete", [], (n: NameModel) => {
      const wb = model(this);
      if (!wb.names.includes(n)) throw notFound(`Name '${n.name}'`);
      wb.names = wb.names.filter((x) => x !== n);
      wb.version++;
    });
  }
}

export class NamedItemCollection extends SimCollection<NamedItem> {
  override _list(): unknown[] {
    const s = this._resolve<NameScope>();
    return model(this).names.filter((n) => n.sheet === s.scope);
  }
  override _item(n: NameModel): NamedItem {
    return new NamedItem(this._ctx, `names(${JSON.stringify(n.name)})`, () => n);
  }
  private find(name: string): NameModel | null {
    return model(this).name(name, this._resolve<NameScope>().scope) ?? null;
  }
  /** `reference` is a Range or a formula/address string ("=Sheet1!$A$1", "=0.5", "Sheet1!A1"). */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    return this._make(NamedItem, "add", [name, addrArg(reference), comment ?? ""], () => {
      const wb = model(this);
      const scope = this._resolve<NameScope>().scope;
      if (
        !/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ||
        /^[A-Za-z]{1,3}\d+$/.test(name) ||
        /^[rRcC]$/.test(name)
      ) {
        throw invalidArg(`name ${JSON.stringify(name)}`);
      }
      if (wb.name(name, scope) || (!scope && wb.table(name))) {
        throw new SimError(SimErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
      }
      let formula: string;
      if (typeof reference === "string") {
        formula = reference.startsWith("=") ? reference : `=${reference}`;
      } else {
        const t = reference._resolve<RangeTarget>();
        formula = `=${quoteSheet(t.sheet.name)}!${formatRect(t.rect, true)}`;
      }
      const n: NameModel = { name, formula, comment: comment ?? "", visible: true, sheet: scope };
      wb.names.push(n);
      wb.version++;
      return n;
    });
  }
  getItem(name: string): NamedItem {
    return this._getItem(NamedItem, name, (n) => this.find(n), "Name");
  }
  getItemOrNullObject(name: string): NamedItem {
    return this._getItemOrNull(NamedItem, name, (n) => this.find(n));
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Charts (stored, not rendered)

export class ChartTitle extends SimObject {
  static override props: Record<string, PropDef> = {
    text: {
      get: (c: ChartModel) => c.title,
      set: (c: ChartModel, v: unknown, o: SimObject) => {
        c.title = String(v);
        model(o).version++;
      },
    },
    visible: { get: (c: ChartModel) => c.title !== "", set: () => undefined },
  };
}
export class ChartLegend extends SimObject {
  static override props: Record<string, PropDef> = {
    visible: { get: () => true, set: () => undefined },
    position: { get: () => "Right", set: () => undefined },
  };
}

function chartProp(key: "left" | "top" | "width" | "height" | "name" | "type"): PropDef {
  return {
    get: (c: ChartModel) => c[key],
    set: (c: ChartModel, v: unknown, o: SimObject) => {
      (c as unknown as Record<string, unknown>)[key] = v;
      model(o).version++;
    },
  };
}

export class Chart extends SimObject {
  static override props: Record<string, PropDef> = {
    id: { get: (c: ChartModel) => c.id },
    name: chartProp("name"),
    chartType: chartProp("type"),
    left: chartProp("left"),
    top: chartProp("top"),
    width: chartProp("width"),
    height: chartProp("height"),
  };
  static override navs = {
    title: (o: SimObject) => new ChartTitle(o._ctx, o._path + ".title", () => o._resolveMaybe()),
    legend: (o: SimObject) => new ChartLegend(o._ctx, o._path + ".legend", () => o._resolveMaybe()),
    worksheet: (o: SimObject) =>
      new Worksheet(
        o._ctx,
        o._path + ".worksheet",
        () => (o._resolveMaybe() as ChartModel | null)?.sheet ?? null,
      ),
  };
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call(
      "setPosition",
      [addrArg(startCell), endCell === undefined ? null : addrArg(endCell)],
      (c: ChartModel) => {
        const addr = (x: Range | string): string =>
          typeof x === "string" ? x : formatRect(x._resolve<RangeTarget>().rect);
        c.position = { start: addr(startCell), ...(endCell !== undefined ? { end: addr(endCell) } : {}) };
        model(this).version++;
      },
    );
  }
  setSourceData(source: Range, seriesBy = "Auto"): void {
    this._call("setSourceData", [addrArg(source), seriesBy], (c: ChartModel) => {
      c.source = { ...source._resolve<RangeTarget>().rect };
      c.seriesBy = seriesBy;
      model(this).version++;
    });
  }
  delete(): void {
    this._call("delete", [], (c: ChartModel) => {
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c);
      c.sheet.touch();
    });
  }
}

export class ChartCollection extends SimCollection<Chart> {
  static override props: Record<string, PropDef> = { count: { get: (s: SheetModel) => s.charts.length } };
  override _list(): unknown[] {
    return alive(this._resolve<SheetModel>()).charts;
  }
  override _item(c: ChartModel): Chart {
    return new Chart(this._ctx, `charts(${JSON.stringify(c.id)})`, () => c);
  }
  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    return this._make(Chart, "add", [type, addrArg(sourceData), seriesBy], () => {
      const s = writable(this._resolve<SheetModel>());
      const src = sourceData._resolve<RangeTarget>();
      if (typeof type !== "string" || !type) throw invalidArg("chart type");
      let name = "Chart 1";
      for (let i = 1; s.charts.some((c) => c.name === name); i++) name = `Chart ${i + 1}`;
      const c: ChartModel = {
        id: newId("chart"),
        name,
        type,
        sheet: s,
        source: { ...src.rect },
        seriesBy,
        title: "",
        left: 0,
        top: 0,
        width: 360,
        height: 216,
      };
      s.charts.push(c);
      s.touch();
      return c;
    });
  }
  private find(name: string): ChartModel | null {
    return (
      (this._list().find(
        (c) => (c as ChartModel).name === name || (c as ChartModel).id === name,
      ) as ChartModel | null) ?? null
    );
  }
  getItem(name: string): Chart {
    return this._getItem(Chart, name, (n) => this.find(n), "Chart");
  }
  getItemOrNullObject(name: string): Chart {
    return this._getItemOrNull(Chart, name, (n) => this.find(n));
  }
  getItemAt(index: number): Chart {
    return this._getItemAt(Chart, index, "Chart");
  }
  getCount(): ClientResult<number> {
    return this._listCount();
  }
}

for (const C of [
  RangeFill,
  RangeFont,
  RangeFormat,
  RangeBorders,
  RangeBorder,
  Range,
  WorksheetProtection,
  Worksheet,
  WorksheetCollection,
  Application,
  Workbook,
  Table,
  TableCollection,
  TableScopedCollection,
  TableColumn,
  TableColumnCollection,
  TableRow,
  TableRowCollection,
  ConditionalFill,
  ConditionalFont,
  ConditionalRangeFormat,
  ConditionalFormatRule,
  ConditionalFormatCustom,
  ConditionalCellValue,
  ConditionalColorScale,
  ConditionalDataBarPositiveFormat,
  ConditionalDataBarNegativeFormat,
  ConditionalDataBar,
  ConditionalFormat,
  ConditionalFormatCollection,
  NamedItem,
  NamedItemCollection,
  ChartTitle,
  ChartLegend,
  Chart,
  ChartCollection,
] as (typeof SimObject)[]) {
  installProps(C);
}

/** Creates `context.workbook` for a context. */
export function createWorkbookProxy(ctx: SimContext): Workbook {
  return new Workbook(ctx, "workbook", () => ctx.host.model)._bind(ctx.host.model);
}

export { SheetModel };
