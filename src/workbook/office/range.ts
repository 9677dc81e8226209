/** The `Range` proxy: values, formulas, formats, navigation, clear/insert/delete, merge, select. */
import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  contains,
  formatAddress,
  intersect,
  parseAddress,
  rectCols,
  rectRows,
} from "../address";
import { invalidArg, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { TableModel } from "../model/types";
import { valueType } from "../model/workbook";
import { formatValue } from "../numberFormat";
import { shiftFormula, type Shift } from "../formula/references";
import { shiftRules } from "../model/conditionalFormats";
import { ConditionalFormatCollection } from "./conditionalFormat";
import { type PropDef, SimObject, installProxies } from "./proxy";
import { RangeFormat } from "./rangeFormat";
import { type RangeTarget, addrArg, alive, matrix, rangeOf, readGrid, selectOn, writable } from "./shared";
import { TableScopedCollection } from "./table";
import { Worksheet } from "./worksheet";

/**
 * Excel's cell limits ("Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * "Total number of characters that a cell can contain: 32,767 characters" and "Length of formula contents: 8,192
 * characters". Excel refuses a longer value (a workbook file holding one is reported as damaged); the error code of
 * such a write is not documented, so the simulator refuses the whole request with InvalidArgument, naming the cell.
 * Kept apart from the add-in's own MAX_CELL_TEXT (src/excel/writePlan.ts) on purpose: the simulator models the host
 * and must not take its limits from the code it tests.
 */
const MAX_CELL_TEXT = 32_767;
const MAX_FORMULA_TEXT = 8_192;

function checkLengths(m: unknown[][], t: RangeTarget): void {
  for (let i = 0; i < m.length; i++) {
    const row = m[i];
    for (let j = 0; j < row.length; j++) {
      const x = row[j];
      if (typeof x !== "string" || x.length <= MAX_FORMULA_TEXT) continue;
      const formula = x.startsWith("=");
      // A leading apostrophe is the text prefix, not content.
      if (!formula && x.length - (x.startsWith("'") ? 1 : 0) <= MAX_CELL_TEXT) continue;
      const cell = formatAddress(t.sheet.name, {
        r0: t.rect.r0 + i,
        c0: t.rect.c0 + j,
        r1: t.rect.r0 + i,
        c1: t.rect.c0 + j,
      });
      throw invalidArg(
        formula
          ? `The formula in ${cell} is ${x.length} characters long; Excel allows ${MAX_FORMULA_TEXT}.`
          : `The text for ${cell} is ${x.length} characters long; a cell holds at most ${MAX_CELL_TEXT}.`,
      );
    }
  }
}

function writeCells(t: RangeTarget, v: unknown, prop: string): void {
  const m = matrix(v, t.rect, prop);
  checkLengths(m, t);
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
    this._call("select", [], (t: RangeTarget) => selectOn(t.sheet, [t.rect]));
  }
  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
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

/**
 * After an insert/delete that shifted cells, what refers to cells follows them as in Excel: tables, conditional
 * formats (model/conditionalFormats.ts), defined names and every formula on every sheet (their references to the
 * moved cells shift; references to deleted cells become #REF!). Charts keep their source.
 */
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
  const shift: Shift = { sheet: sheet.name, rect, vertical: dir === "up" || dir === "down", inserting };
  shiftRules(sheet, shift);
  for (const name of sheet.wb.names)
    name.formula = shiftFormula(name.formula, name.sheet?.name ?? sheet.name, shift);
  for (const s of sheet.wb.sheets) {
    s.formulas.forEach((row) => {
      if (!row) return;
      row.forEach((f, c) => {
        if (f !== undefined) row[c] = shiftFormula(f, s.name, shift);
      });
    });
  }
}
installProxies({ Range });
