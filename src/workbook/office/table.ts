/** Table proxies: tables, their columns and rows (add, header, data body, delete, convert to range). */
import { type Rect, intersect, parseAddress, rectCols, rectRows } from "../address";
import { SimError, SimErrorCodes, invalidArg, notFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import { type TableModel, newId } from "../model/types";
import type { WorkbookModel } from "../model/workbook";
import { ClientResult, type PropDef, SimCollection, SimObject, installProxies } from "./proxy";
import { Range } from "./range";
import { type RangeTarget, addrArg, matrix, model, readGrid, writable } from "./shared";
import { Worksheet } from "./worksheet";

export interface TableScope {
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
      t.sheet.storeText(t.rect.r0, t.rect.c0 + j, name);
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
        writable(c.table.sheet).storeText(c.table.rect.r0, c.table.rect.c0 + c.index, String(v));
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
      if (name !== undefined && name !== null) sheet.storeText(colR.r0, colR.c0, String(name));
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
installProxies({
  Table,
  TableCollection,
  TableScopedCollection,
  TableColumn,
  TableColumnCollection,
  TableRow,
  TableRowCollection,
});
