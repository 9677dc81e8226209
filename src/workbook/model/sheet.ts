/**
 * One worksheet of the model: row-array cell storage (sparse outside the used area), sparse formats, styles,
 * merges, conditional formats and charts. Everything is synchronous and direct.
 */
import { MAX_COLS, MAX_ROWS, type Rect, intersect, rectCols, rectRows } from "../address";
import { enterValue } from "../entry";
import { clearRules } from "./conditionalFormats";
import { type Grid, gridGet, gridSet } from "./grid";
import {
  type CellValue,
  type CfModel,
  type ChartModel,
  type Style,
  type StyleKey,
  DRAWN_STYLE_KEYS,
  newId,
} from "./types";
import type { WorkbookModel } from "./workbook";

export class SheetModel {
  id = newId("sheet");
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  tabColor = "";
  values: Grid<CellValue> = [];
  formulas: Grid<string> = [];
  /**
   * Results a file stored with its formula cells (an opened .xlsx): a formula cell shows the model's own result,
   * or this one when the model cannot compute the formula (#NAME?: a function or reference it does not know), as
   * Excel shows the saved result until it recalculates. Dropped when the cell is written or cleared.
   */
  cached: Grid<CellValue> = [];
  numFmt: Grid<string> = [];
  styles: Grid<Style> = [];
  colStyles = new Map<number, Style>();
  rowStyles = new Map<number, Style>();
  colNumFmt = new Map<number, string>();
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenCols = new Set<number>();
  hiddenRows = new Set<number>();
  merges: Rect[] = [];
  cfs: CfModel[] = []; // priority order: index 0 = priority 0 (evaluated first)
  charts: ChartModel[] = [];
  /** Frozen panes of the sheet's view: the top rows and left columns that stay in place (0 = none). */
  frozenRows = 0;
  frozenCols = 0;
  private usedCache: { version: number; valuesOnly: boolean; rect: Rect | null }[] = [];
  version = 0;

  /** The host's local calendar year (dates typed without a year), read only when such a date is entered. */
  private readonly thisYear = (): number => this.wb.today().year;

  constructor(
    public name: string,
    public readonly wb: WorkbookModel,
  ) {}

  touch(): void {
    this.version++;
    this.wb.version++;
  }

  /** Stored value (formula cells: evaluated through the workbook's evaluator, else ""). */
  getValue(r: number, c: number): CellValue {
    const f = gridGet(this.formulas, r, c);
    if (f !== undefined) {
      const v = this.wb.evaluate(f, this.name, r, c);
      if (v !== "#NAME?" || this.cached.length === 0) return v;
      return gridGet(this.cached, r, c) ?? v;
    }
    const v = gridGet(this.values, r, c);
    return v === undefined ? "" : v;
  }

  /** Forgets a file's cached formula result (the cell was written). */
  private dropCached(r: number, c: number): void {
    if (this.cached.length > r) gridSet(this.cached, r, c, undefined);
  }

  getFormula(r: number, c: number): CellValue {
    const f = gridGet(this.formulas, r, c);
    if (f !== undefined) return f;
    const v = gridGet(this.values, r, c);
    return v === undefined ? "" : v;
  }

  hasFormula(r: number, c: number): boolean {
    return gridGet(this.formulas, r, c) !== undefined;
  }

  getNumberFormat(r: number, c: number): string {
    return gridGet(this.numFmt, r, c) ?? this.colNumFmt.get(c) ?? "General";
  }

  setNumberFormat(r: number, c: number, f: string): void {
    gridSet(this.numFmt, r, c, f === "General" && !this.colNumFmt.has(c) ? undefined : f);
  }

  /**
   * Writes one cell from a `values`/`formulas` input or typing, with Excel's value entry (../entry.ts): strings are
   * parsed as typed unless the cell is formatted as text; a date, percentage, currency … entry gives a General
   * cell its number format. `null`/`undefined` leave the cell unchanged (like Excel).
   */
  writeInput(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    this.dropCached(r, c);
    if (typeof v === "number" || typeof v === "boolean") {
      // The common case (every written number): stored as it is, no entry parsing, no format change.
      gridSet(this.formulas, r, c, undefined);
      gridSet(this.values, r, c, typeof v === "number" && !Number.isFinite(v) ? "#NUM!" : v);
      return;
    }
    const own = gridGet(this.numFmt, r, c);
    const fmt = own ?? (this.colNumFmt.size ? this.colNumFmt.get(c) : undefined);
    const e = enterValue(v, fmt, this.thisYear);
    if (e.formula !== undefined) {
      gridSet(this.formulas, r, c, e.formula);
      gridSet(this.values, r, c, undefined);
    } else {
      gridSet(this.formulas, r, c, undefined);
      gridSet(this.values, r, c, e.value === "" ? undefined : e.value);
    }
    if (e.format && this.getNumberFormat(r, c) === "General") gridSet(this.numFmt, r, c, e.format);
  }

  /** Stores text as it is (table header names: Excel keeps a table's headers as text). */
  storeText(r: number, c: number, s: string): void {
    this.dropCached(r, c);
    gridSet(this.formulas, r, c, undefined);
    gridSet(this.values, r, c, s === "" ? undefined : s);
  }

  /**
   * Stores a cell as a file holds it (opening a workbook, `loadWorkbook`): strings stay strings, only a leading "="
   * makes a formula; no parsing, no formats. `null`/`undefined` leave the cell unchanged.
   */
  storeVerbatim(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    this.dropCached(r, c);
    if (typeof v === "string" && v.length > 1 && v.startsWith("=")) {
      gridSet(this.formulas, r, c, v);
      gridSet(this.values, r, c, undefined);
      return;
    }
    gridSet(this.formulas, r, c, undefined);
    const value: CellValue =
      typeof v === "number" ? (Number.isFinite(v) ? v : "#NUM!") : typeof v === "boolean" ? v : String(v);
    gridSet(this.values, r, c, value === "" ? undefined : value);
  }

  /** Effective style of a cell: cell over row over column styles, per property. */
  getStyle(r: number, c: number): Style {
    const cell = gridGet(this.styles, r, c);
    const row = this.rowStyles.get(r);
    const col = this.colStyles.get(c);
    if (!row && !col) return cell ?? {};
    return { ...col, ...row, ...cell };
  }

  /** Sets one style property over a rect (undefined removes it). Whole rows/columns are stored once. */
  setStyle(rect: Rect, key: StyleKey, value: Style[StyleKey] | undefined): void {
    const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
    const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
    const apply = (s: Style | undefined): Style | undefined => {
      const next: Style = { ...s };
      if (value === undefined) delete next[key];
      else (next as Record<string, unknown>)[key] = value;
      return Object.keys(next).length ? next : undefined;
    };
    if (wholeCols) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const s = apply(this.colStyles.get(c));
        if (s) this.colStyles.set(c, s);
        else this.colStyles.delete(c);
      }
    } else if (wholeRows) {
      if (value === undefined) {
        for (const r of [...this.rowStyles.keys()]) {
          if (r < rect.r0 || r > rect.r1) continue;
          const s = apply(this.rowStyles.get(r));
          if (s) this.rowStyles.set(r, s);
          else this.rowStyles.delete(r);
        }
      } else {
        for (let r = rect.r0; r <= rect.r1; r++) this.rowStyles.set(r, apply(this.rowStyles.get(r))!);
      }
    }
    const r1 = Math.min(rect.r1, wholeCols || wholeRows ? this.styles.length - 1 : rect.r1);
    for (let r = rect.r0; r <= r1; r++) {
      if (wholeCols || wholeRows) {
        const row = this.styles[r];
        if (!row) continue;
        for (let c = rect.c0; c <= Math.min(rect.c1, row.length - 1); c++) {
          if (row[c]) row[c] = apply(row[c]) as Style;
        }
      } else {
        for (let c = rect.c0; c <= rect.c1; c++)
          gridSet(this.styles, r, c, apply(gridGet(this.styles, r, c)));
      }
    }
  }

  /** Clears contents and/or formats of a rect, like `Range.clear(applyTo)`. */
  clear(rect: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const r1 = Math.min(
      rect.r1,
      Math.max(this.values.length, this.formulas.length, this.styles.length, this.numFmt.length),
    );
    for (let r = rect.r0; r <= r1; r++) {
      for (const g of [
        contents ? this.values : null,
        contents ? this.formulas : null,
        contents ? this.cached : null,
        formats ? this.numFmt : null,
        formats ? this.styles : null,
      ]) {
        const row = g?.[r];
        if (!row) continue;
        const c1 = Math.min(rect.c1, row.length - 1);
        for (let c = rect.c0; c <= c1; c++) row[c] = undefined as never;
      }
    }
    if (formats) {
      const keys: StyleKey[] = [...DRAWN_STYLE_KEYS, "file"];
      const whole =
        (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) || (rect.c0 === 0 && rect.c1 === MAX_COLS - 1);
      if (whole) for (const k of keys) this.setStyle(rect, k, undefined);
      if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1)
        for (let c = rect.c0; c <= Math.min(rect.c1, 2000); c++) this.colNumFmt.delete(c);
      this.merges = this.merges.filter((m) => !intersect(m, rect));
      clearRules(this, rect);
    }
  }

  /** Bounding rect of non-empty cells (values/formulas; plus formatted cells unless valuesOnly). */
  usedRect(valuesOnly = false): Rect | null {
    const hit = this.usedCache.find((u) => u.valuesOnly === valuesOnly && u.version === this.version);
    if (hit) return hit.rect;
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const empty = (v: unknown): boolean => v === undefined || v === "";
    const filled = (row: unknown[] | undefined): boolean => !!row && row.some((v) => !empty(v));
    // The playground's grid asks after every write of a run (a full sheet: dozens of times over a million rows), so
    // a scan does the least per row: the first and last filled rows are found from each end, and a row between them
    // is read only beyond the columns already known to be used (usually not at all: a length compare).
    const scan = (g: Grid<unknown>): void => {
      let top = 0;
      while (top < g.length && !filled(g[top])) top++;
      if (top === g.length) return;
      let bottom = g.length - 1;
      while (!filled(g[bottom])) bottom--;
      if (top < r0) r0 = top;
      if (bottom > r1) r1 = bottom;
      for (let r = top; r <= bottom; r++) {
        const row = g[r];
        if (!row) continue;
        for (let c = row.length - 1; c > c1; c--)
          if (!empty(row[c])) {
            c1 = c;
            break;
          }
        const end = Math.min(c0, row.length);
        for (let c = 0; c < end; c++)
          if (!empty(row[c])) {
            c0 = c;
            break;
          }
      }
    };
    scan(this.values);
    scan(this.formulas);
    if (!valuesOnly) {
      scan(this.numFmt);
      scan(this.styles);
    }
    const rect = r1 < 0 ? null : { r0, r1, c0, c1 };
    this.usedCache = this.usedCache.filter((u) => u.valuesOnly !== valuesOnly);
    this.usedCache.push({ version: this.version, valuesOnly, rect });
    return rect;
  }

  /** Number of rows any grid stores (upper bound for scans). */
  extentRows(): number {
    return Math.max(this.values.length, this.formulas.length, this.numFmt.length, this.styles.length);
  }

  /** Moves cells for insert/delete: rows [from..] in columns c0..c1 shift by dr (vertical) or columns by dc. */
  shiftCells(rect: Rect, direction: "up" | "down" | "left" | "right", inserting: boolean): void {
    const grids: Grid<unknown>[] = [this.values, this.formulas, this.cached, this.numFmt, this.styles];
    const nRows = rectRows(rect);
    const nCols = rectCols(rect);
    const extent = this.extentRows();
    for (const g of grids) {
      if (direction === "up" || direction === "down") {
        const cEnd = rect.c1;
        if (inserting) {
          for (let r = extent - 1; r >= rect.r0; r--) {
            for (let c = rect.c0; c <= cEnd; c++) gridSet(g, r + nRows, c, gridGet(g, r, c));
          }
          for (let r = rect.r0; r <= rect.r1; r++)
            for (let c = rect.c0; c <= cEnd; c++) gridSet(g, r, c, undefined);
        } else {
          for (let r = rect.r0; r < extent; r++) {
            for (let c = rect.c0; c <= cEnd; c++) gridSet(g, r, c, gridGet(g, r + nRows, c));
          }
        }
      } else {
        const rEnd = Math.min(rect.r1, extent - 1);
        for (let r = rect.r0; r <= rEnd; r++) {
          const row = g[r];
          if (!row) continue;
          if (inserting) {
            const moved = row.slice(rect.c0);
            row.length = rect.c0;
            for (let i = 0; i < nCols; i++) row.push(undefined);
            row.push(...moved);
          } else {
            row.splice(rect.c0, nCols);
          }
        }
      }
    }
  }
}
