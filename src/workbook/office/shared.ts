/**
 * Helpers the Office.js object proxies share: the resolved-range target, liveness and protection checks, 2-D write
 * validation and grid reads.
 */
import { MAX_COLS, MAX_ROWS, type Rect, rectCols, rectRows } from "../address";
import { SimError, SimErrorCodes, invalidArg, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { Style } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import type { SimObject } from "./proxy";
import type { Range } from "./range";

/** A resolved range: a sheet and a rectangle. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export const model = (o: SimObject): WorkbookModel => o._ctx.host.model;

export function alive(sheet: SheetModel): SheetModel {
  if (!sheet.wb.sheets.includes(sheet)) throw notFound(`Worksheet '${sheet.name}'`);
  return sheet;
}

/** `Range.select()` / `RangeAreas.select()`: a hidden sheet cannot be selected on (InvalidOperation). */
export function selectOn(sheet: SheetModel, rects: Rect[]): void {
  const wb = alive(sheet).wb;
  if (sheet.visibility !== "Visible")
    throw new SimError(SimErrorCodes.invalidOperation, "Cannot select on a hidden sheet.");
  wb.select(sheet, rects);
}

export function writable(sheet: SheetModel): SheetModel {
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
export function matrix(value: unknown, rect: Rect, prop: string): unknown[][] {
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
export function readGrid<T>(t: RangeTarget, fn: (r: number, c: number) => T): T[][] {
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
export function uniformStyle(t: RangeTarget, pick: (s: Style) => unknown, dflt: unknown): unknown {
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

export const rangeOf = (t: RangeTarget, rect: Rect): RangeTarget => {
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

export function addrArg(r: Range | string): unknown {
  return typeof r === "string" ? r : r._path;
}
