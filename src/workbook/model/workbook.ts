/** The workbook model: sheets, tables, names, the active sheet and selection, and formula evaluation. */
import type { Rect } from "../address";
import {
  BUILTINS,
  DATE_RESULT_FUNCTIONS,
  evaluateNode,
  type FormulaFunction,
  parseFormula,
  resultOf,
} from "../formula";
import { serialFromYmd } from "../../engine/serial";
import { isErrorValue } from "../numberFormat";
import { SheetModel } from "./sheet";
import type { CellValue, FormulaEvaluator, NameModel, TableModel } from "./types";

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  activeSheet: SheetModel | null = null;
  /**
   * The selection: `rect` is the active area (where the active cell is, its top-left cell); `areas`, when present,
   * lists every area of a multi-area selection (Ctrl+click, or `RangeAreas.select()`), `rect` among them.
   */
  selection: { sheet: SheetModel; rect: Rect; areas?: Rect[] } | null = null;
  /** Replaces the model's own formula evaluation (the playground plugs in custom functions this way). */
  evaluator: FormulaEvaluator | null = null;
  /** Functions beyond the built-ins for the model's own evaluation (e.g. an add-in's custom functions). */
  functions: ((name: string) => FormulaFunction | undefined) | null = null;
  /**
   * Functions (upper-case names as written) whose result is a date: a formula typed into a General cell and led by
   * one takes {@link shortDateFormat} (../formula/autoformat.ts). The built-ins' list; a host adds its own.
   */
  dateResultFunctions = new Set<string>(DATE_RESULT_FUNCTIONS);
  /** The display language's short date format ("m/d/yyyy" en-US, "yyyy/m/d" zh-CN), for that autoformat. */
  shortDateFormat = "m/d/yyyy";
  /** The host's clock: its local calendar date is "today" for TODAY() and for dates typed without a year. */
  clock: () => Date = () => new Date();
  version = 0;
  private evaluating = 0;

  /**
   * Value of a formula cell, as Excel computes it: through the plugged-in evaluator when there is one, else with the
   * model's own engine (../formula: built-ins, plus `functions`). An unknown function or name is #NAME?, a formula
   * the engine cannot parse #NAME? too; a reference cycle deeper than 64 levels reads "" (Excel warns instead).
   */
  evaluate(formula: string, sheet: string, row: number, col: number): CellValue {
    if (this.evaluating > 64) return "";
    this.evaluating++;
    try {
      const v = this.evaluator ? this.evaluator(formula, { sheet, row, col }) : this.compute(formula, sheet);
      return v === null || v === undefined ? "" : v;
    } catch {
      return "#VALUE!";
    } finally {
      this.evaluating--;
    }
  }

  private compute(formula: string, home: string): CellValue {
    let node;
    try {
      node = parseFormula(formula);
    } catch {
      return "#NAME?";
    }
    return resultOf(
      evaluateNode(node, {
        read: (row, col, other) => {
          const s = this.sheet(other ?? home);
          return s && row >= 0 && col >= 0 ? s.getValue(row, col) : "#REF!";
        },
        fn: (name) => BUILTINS[name] ?? this.functions?.(name),
        today: () => this.todaySerial(),
      }),
    );
  }

  /** TODAY(): the serial of the host's local date. */
  todaySerial(): number {
    const t = this.today();
    return serialFromYmd(t.year, t.month, t.day) ?? 0;
  }

  /** Today's date in the host's local time zone, as Excel takes it. */
  today(): { year: number; month: number; day: number } {
    const now = this.clock();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }

  /** Activates `sheet` and selects `areas` (the first holds the active cell). */
  select(sheet: SheetModel, areas: Rect[]): void {
    const copies = areas.map((r) => ({ ...r }));
    this.activeSheet = sheet;
    this.selection = { sheet, rect: copies[0]!, ...(copies.length > 1 ? { areas: copies } : {}) };
    this.version++;
  }

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  table(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key || t.id === name);
  }

  name(name: string, scope?: SheetModel): NameModel | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key && n.sheet === scope);
  }

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name, this);
    this.sheets.push(s);
    this.version++;
    return s;
  }

  removeSheet(s: SheetModel): void {
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.names = this.names.filter((n) => n.sheet !== s);
    if (this.activeSheet === s)
      this.activeSheet = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    if (this.selection?.sheet === s) this.selection = null;
    this.version++;
  }

  nextSheetName(): string {
    for (let i = 1; ; i++) if (!this.sheet(`Sheet${i}`)) return `Sheet${i}`;
  }

  nextTableName(): string {
    for (let i = 1; ; i++) if (!this.table(`Table${i}`)) return `Table${i}`;
  }
}

/** Excel value type of a stored value, as in `Range.valueTypes`. */
export function valueType(v: CellValue): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (isErrorValue(v)) return "Error";
  return "String";
}
