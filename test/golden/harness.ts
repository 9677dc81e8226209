/**
 * Golden-workbook harness (Script Lab style: one folder per case with input.json + expected.json).
 * Loads a case into a fresh simulated workbook (tables, merges, the analyst's formats and rules applied through
 * Excel.run, selection set), scores it with the real `scoreActiveSheet`, and captures what the add-in wrote as
 * plain JSON for comparison with expected.json.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ScoreResult } from "../../src/engine/pipeline";
import { DEFAULT_POLICY, mergePolicy, type Policy } from "../../src/engine/policy";
import type { ColumnMapping } from "../../src/engine/sheet/types";
import { scoreActiveSheet, type DetectedMapping } from "../../src/excel/scoreActiveSheet";
import type { ScoreOutcome } from "../../src/excel/scoreSheet";
import { HISTORY_SHEET, NAME_PREFIX } from "../../src/excel/runRecord";
import { columnLetters, installSimulator, parseAddress, SimWorkbook } from "../../src/workbook";
import { profileOptions, track } from "../profile";

export const GOLDEN_DIR = join(__dirname, "..", "fixtures", "golden");

/** One golden workbook's input.json. */
export interface GoldenInput {
  description: string;
  options: {
    /** As-of date (Excel serial); `asOfIso` is the same date for readers. */
    asOf: number;
    asOfIso: string;
    lang: "en" | "zh";
    /** Confirmed mapping (role → column index within the source block); detected when absent. */
    mapping?: ColumnMapping;
    /** Sheet to activate (default: the first sheet). */
    sheet?: string;
    /** Cell(s) to select on the active sheet before scoring (e.g. inside a table). */
    select?: string;
    /** The workbook's saved policy as partial JSON (e.g. `{ "dateOrder": "DMY" }`); default policy otherwise. */
    policy?: Record<string, unknown>;
  };
  /** Sheets placed from A1; strings starting with "=" are formulas. */
  sheets: { name: string; values: unknown[][]; numberFormats?: (string | null)[][] }[];
  /** Excel tables created (with headers) before scoring. */
  tables?: { sheet: string; address: string; name: string }[];
  merges?: { sheet: string; address: string }[];
  /** The analyst's own cell formats. */
  formats?: { sheet: string; address: string; fill?: string; fontColor?: string; bold?: boolean }[];
  /** The analyst's own custom conditional formats. */
  userRules?: { sheet: string; address: string; formula: string; fill: string }[];
}

/** What a golden run is compared on (expected.json). */
export interface GoldenCapture {
  detected: { headerRowIndex: number; mapping: ColumnMapping } | "given";
  outcome: {
    status: string;
    output?: { sheetName: string; address: string; columns: string[]; dataRows: number };
    summarySheet?: string;
    chunks?: number;
    notes?: { en: string; zh: string }[];
  };
  sheets: string[];
  tables: { name: string; sheet: string; address: string; columns: string[] }[];
  /** Values of the data sheet from the first output column to the right, every row (headers included). */
  output: { firstColumn: string; rows: unknown[][]; numberFormats: string[] };
  dataRules: unknown[];
  summary: {
    name: string;
    values: unknown[][];
    /** Number format of every cell that has one (address → format); the rest are General. */
    formats: Record<string, string>;
    /** Rows frozen at the top. */
    frozenRows: number;
    rules: unknown[];
    charts: unknown[];
  } | null;
  /** History rows without the run date (which is the machine's today). */
  history: unknown[][];
  issues: { row: number; column: string; value: string; code: string; severity: string }[];
  names: { name: string; formula: string; visible: boolean }[];
}

/** Case folder names (each has input.json), sorted. */
export function caseNames(): string[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(GOLDEN_DIR, e.name, "input.json")))
    .map((e) => e.name)
    .sort();
}

export function loadInput(name: string): GoldenInput {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, name, "input.json"), "utf8")) as GoldenInput;
}

export function expectedPath(name: string): string {
  return join(GOLDEN_DIR, name, "expected.json");
}

/** A fresh simulated workbook holding the case, installed as the global Excel/Office. */
export async function setupCase(input: GoldenInput): Promise<SimWorkbook> {
  const wb = track(new SimWorkbook(profileOptions()));
  wb.loadWorkbook(input.sheets.map((s) => ({ ...s })));
  installSimulator(wb, globalThis);
  await Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    for (const m of input.merges ?? []) sheets.getItem(m.sheet).getRange(m.address).merge(false);
    for (const f of input.formats ?? []) {
      const r = sheets.getItem(f.sheet).getRange(f.address);
      if (f.fill) r.format.fill.color = f.fill;
      if (f.fontColor) r.format.font.color = f.fontColor;
      if (f.bold !== undefined) r.format.font.bold = f.bold;
    }
    for (const u of input.userRules ?? []) {
      const cf = sheets
        .getItem(u.sheet)
        .getRange(u.address)
        .conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = u.formula;
      cf.custom.format.fill.color = u.fill;
    }
    for (const t of input.tables ?? []) sheets.getItem(t.sheet).tables.add(t.address, true).name = t.name;
    const active = sheets.getItem(input.options.sheet ?? input.sheets[0]!.name);
    active.activate();
    if (input.options.select) active.getRange(input.options.select).select();
    await ctx.sync();
  });
  return wb;
}

export interface ScoredCase {
  outcome: ScoreOutcome<ScoreResult>;
  detected: DetectedMapping | null;
  mapping: ColumnMapping | undefined;
}

/**
 * Scores the active sheet as the pane does: with the given mapping, else a first run that returns the detected
 * mapping (`needsMapping`) and a second run with that mapping confirmed.
 */
export async function scoreCase(
  options: {
    asOf: number;
    lang: "en" | "zh";
    mapping?: ColumnMapping | undefined;
    policy?: Record<string, unknown> | undefined;
  },
  extra: { chunkCells?: number; chunkBytes?: number } = {},
): Promise<ScoredCase> {
  const base = { policy: casePolicy(options), asOf: options.asOf, lang: options.lang, ...extra };
  if (options.mapping) {
    const outcome = await scoreActiveSheet({ ...base, mapping: options.mapping });
    return { outcome, detected: null, mapping: options.mapping };
  }
  const first = await scoreActiveSheet(base);
  if (first.status !== "needsMapping") return { outcome: first, detected: null, mapping: undefined };
  const detected = first.detected as DetectedMapping;
  const outcome = await scoreActiveSheet({ ...base, mapping: detected.mapping });
  return { outcome, detected, mapping: detected.mapping };
}

/** The policy a case is scored with: the default, overlaid with the case's saved policy. */
export function casePolicy(options: { policy?: Record<string, unknown> | undefined }): Policy {
  return options.policy ? mergePolicy(options.policy) : DEFAULT_POLICY;
}

/** JSON of conditional formats without the simulator's ids (new rules get new ids). */
export function rulesOf(wb: SimWorkbook, sheet: string): unknown[] {
  return wb.getConditionalFormats(sheet).map(({ id: _id, ...rest }) => rest);
}

/** The number formats of a sheet's cells that are not General, by address ("B5": "0.0%"). */
export function formatsOf(wb: SimWorkbook, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  wb.getNumberFormats(sheet).forEach((row, r) =>
    row.forEach((f, c) => {
      if (f !== "General") out[`${columnLetters(c)}${r + 1}`] = f;
    }),
  );
  return out;
}

/** Names with the sheet-id part of our output name made stable (`CRT_Output_<sheet>`). */
export function stableNames(wb: SimWorkbook): { name: string; formula: string; visible: boolean }[] {
  return wb.getNames().map((n) => ({
    name: n.name.startsWith(NAME_PREFIX) ? `${NAME_PREFIX}<sheet>` : n.name,
    formula: n.formula,
    visible: n.visible,
  }));
}

/** Captures everything the golden comparison looks at. */
export function capture(wb: SimWorkbook, input: GoldenInput, scored: ScoredCase): GoldenCapture {
  const { outcome } = scored;
  const dataSheet = input.options.sheet ?? input.sheets[0]!.name;
  const done = outcome.status === "done" ? outcome : null;
  const firstCol = done ? parseAddress(done.output.address).c0 : 0;
  const values = wb.getValues(dataSheet);
  const fmts = wb.getNumberFormats(dataSheet);
  const headerRow = done ? parseAddress(done.output.address).r0 : 0;
  const summaryName = done?.summarySheet ?? null;
  const history = wb.sheetNames().includes(HISTORY_SHEET) ? wb.getValues(HISTORY_SHEET) : [];
  return {
    detected: scored.detected
      ? { headerRowIndex: scored.detected.headerRowIndex, mapping: scored.detected.mapping }
      : "given",
    outcome: done
      ? {
          status: done.status,
          output: done.output,
          ...(done.summarySheet ? { summarySheet: done.summarySheet } : {}),
          chunks: done.chunks,
          notes: done.notes,
        }
      : { status: outcome.status },
    sheets: wb.sheetNames(),
    tables: wb.getTables(),
    output: {
      firstColumn: done ? done.output.address.replace(/\d.*$/, "") : "",
      rows: done ? values.map((r) => r.slice(firstCol)) : [],
      numberFormats: done ? (fmts[headerRow + 1] ?? []).slice(firstCol) : [],
    },
    dataRules: rulesOf(wb, dataSheet),
    summary: summaryName
      ? {
          name: summaryName,
          values: wb.getValues(summaryName),
          formats: formatsOf(wb, summaryName),
          frozenRows: wb.model.sheet(summaryName)!.frozenRows,
          rules: rulesOf(wb, summaryName),
          charts: wb.getCharts(summaryName),
        }
      : null,
    history: history.map((r, i) => (i === 0 ? r : r.slice(1))),
    issues: done
      ? done.summary.issues.map((i) => ({
          row: i.row,
          column: i.column,
          value: i.value,
          code: i.code,
          severity: i.severity,
        }))
      : [],
    names: stableNames(wb),
  };
}

/** JSON with arrays of scalars kept on one line (reviewable expected files: one sheet row per line). */
export function stringifyGolden(value: unknown, indent = ""): string {
  const scalar = (v: unknown) => v === null || typeof v !== "object";
  if (Array.isArray(value)) {
    if (value.every(scalar)) return JSON.stringify(value);
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + stringifyGolden(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyGolden(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function writeExpected(name: string, data: GoldenCapture): void {
  writeFileSync(expectedPath(name), `${stringifyGolden(data)}\n`);
}

export function readExpected(name: string): GoldenCapture | null {
  const p = expectedPath(name);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as GoldenCapture) : null;
}
