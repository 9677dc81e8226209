/**
 * Shared by the hostile corpus and the fault tests: build a simulated workbook from a case, score it the way the
 * analyst does (detect → confirm the mapping), and prove the analyst's cells are untouched.
 *
 * "Unchanged" is checked two ways:
 * - small sheets: `SimWorkbook.snapshot` (every cell's value, formula, number format and style, plus hidden rows,
 *   merges, widths and conditional formats) compared cell by cell;
 * - 5 million-cell sheets: a copy of the stored cell grids compared element by element (a JSON snapshot of 5M
 *   cells would not fit comfortably in memory); the first difference is named by its address.
 */
import { mergePolicy, type Policy, type PolicyInput } from "../../src/engine/policy";
import type { ScoreResult } from "../../src/engine/pipeline";
import { clearResults, type ClearOutcome } from "../../src/excel/clearResults";
import { OUTPUT_HEADERS } from "../../src/engine/pipeline/output";
import { scoreActiveSheet, type DetectedMapping } from "../../src/excel/scoreActiveSheet";
import type { ScoreOutcome } from "../../src/excel/scoreSheet";
import { columnLetters, installSimulator, SimWorkbook, type SheetData } from "../../src/workbook";
import { profileOptions, track } from "../profile";
import { AS_OF } from "../fixtures/hostile/generate";

export type Outcome = ScoreOutcome<ScoreResult>;

interface Snap {
  name: string;
  visibility: string;
  cells: Record<string, unknown>;
  conditionalFormats: { id: string }[];
  [k: string]: unknown;
}

/** Our own artefacts on the workbook (besides cells): these must be all there or all gone. */
export const OUR_SHEETS = ["Credit Risk Summary", "信用风险汇总", "CRT_History"];

/** A fresh simulated workbook installed as the global Excel/Office. */
export function makeWorkbook(sheets: SheetData[]): SimWorkbook {
  const wb = track(new SimWorkbook(profileOptions()));
  wb.loadWorkbook(sheets);
  installSimulator(wb, globalThis);
  return wb;
}

/** Runs "Score this sheet" as the analyst does: a first run, then (if asked to) the run with the confirmed mapping. */
export async function scoreAsAnalyst(
  policy: Policy,
  lang: "en" | "zh" = "en",
): Promise<{ first: Outcome; final: Outcome }> {
  const first = await scoreActiveSheet({ policy, asOf: AS_OF, lang });
  if (first.status !== "needsMapping") return { first, final: first };
  const d = first.detected as DetectedMapping;
  if (d.headerRowIndex < 0 || d.problems.length > 0) return { first, final: first };
  const final = await scoreActiveSheet({ policy, asOf: AS_OF, lang, mapping: d.mapping });
  return { first, final };
}

/** Re-runs with the mapping saved by the confirmed run. */
export function rescore(policy: Policy, lang: "en" | "zh" = "en"): Promise<Outcome> {
  return scoreActiveSheet({ policy, asOf: AS_OF, lang });
}

export function clear(): Promise<ClearOutcome> {
  return clearResults({ includeHistory: true });
}

export function policyOf(input?: PolicyInput): Policy {
  return mergePolicy(input ?? {});
}

// ─────────────────────────── state capture ───────────────────────────

type Grids = readonly (readonly (unknown[] | undefined)[])[];

/** A copy of a sheet's stored cell grids (values, formulas, number formats, styles), row arrays sliced. */
export function copyGrids(wb: SimWorkbook, sheet: string): Grids {
  const s = wb.model.sheet(sheet)!;
  return [s.values, s.formulas, s.numFmt, s.styles].map((g) =>
    (g as (unknown[] | undefined)[]).map((row) => row?.slice()),
  );
}

const sameCell = (a: unknown, b: unknown) =>
  a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

/**
 * Compares a sheet's grids now with a copy: columns < maxCol only (Infinity = all). Returns the first
 * difference as "A1: grid before → now", or null, and the number of stored cells compared.
 */
export function diffGrids(
  wb: SimWorkbook,
  sheet: string,
  before: Grids,
  maxCol = Infinity,
): { diff: string | null; cells: number } {
  const now = copyGrids(wb, sheet);
  const names = ["value", "formula", "numberFormat", "style"];
  let cells = 0;
  for (let g = 0; g < 4; g++) {
    const a = before[g]!;
    const b = now[g]!;
    const rows = Math.max(a.length, b.length);
    for (let r = 0; r < rows; r++) {
      const ra = a[r];
      const rb = b[r];
      const width = Math.min(maxCol, Math.max(ra?.length ?? 0, rb?.length ?? 0));
      for (let c = 0; c < width; c++) {
        const va = ra?.[c];
        const vb = rb?.[c];
        if (va !== undefined && g === 0) cells++;
        if (!sameCell(va, vb))
          return { diff: `${columnLetters(c)}${r + 1} ${names[g]}: ${String(va)} → ${String(vb)}`, cells };
      }
    }
  }
  return { diff: null, cells };
}

/** Sheet-level state outside the cells (hidden rows/columns, merges, widths, visibility). */
function sheetLevel(wb: SimWorkbook, sheet: string): unknown {
  const s = wb.model.sheet(sheet)!;
  return JSON.parse(
    JSON.stringify({
      visibility: s.visibility,
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
      merges: s.merges,
      colWidths: [...s.colWidths],
      protected: s.protected,
    }),
  );
}

export interface UserState {
  sheets: string[];
  small: Map<string, Snap>;
  big: Map<string, { grids: Grids; width: number; level: unknown; cfs: unknown }>;
  tables: unknown;
}

function usedWidth(wb: SimWorkbook, sheet: string): number {
  const u = wb.model.sheet(sheet)!.usedRect(false);
  return u ? u.c1 + 1 : 0;
}

/** Captures every user sheet (all sheets present now). */
export function captureUserState(wb: SimWorkbook, big = false): UserState {
  const sheets = wb.sheetNames();
  const state: UserState = { sheets, small: new Map(), big: new Map(), tables: wb.getTables() };
  for (const name of sheets) {
    if (big) {
      state.big.set(name, {
        grids: copyGrids(wb, name),
        width: usedWidth(wb, name),
        level: sheetLevel(wb, name),
        cfs: wb.getConditionalFormats(name),
      });
    } else state.small.set(name, wb.snapshot(name) as Snap);
  }
  return state;
}

const stripCfIds = (cfs: unknown) =>
  (cfs as { id: string; priority: number }[]).map(({ id: _id, priority: _p, ...rest }) => rest);

/**
 * Asserts every captured user cell is identical now (added cells elsewhere are allowed) and returns how many
 * cells were compared. `exact` = nothing may have been added either (after Clear / after a blocked run).
 */
export function expectUserCellsUnchanged(wb: SimWorkbook, before: UserState, exact: boolean): number {
  let cells = 0;
  for (const name of before.sheets) {
    expect(wb.sheetNames()).toContain(name);
    const snap = before.small.get(name);
    if (snap) {
      const now = wb.snapshot(name) as Snap;
      if (exact) expect(now).toEqual(snap);
      else {
        for (const [addr, cell] of Object.entries(snap.cells)) {
          if (now.cells[addr] === undefined || JSON.stringify(now.cells[addr]) !== JSON.stringify(cell))
            expect({ [addr]: now.cells[addr] }).toEqual({ [addr]: cell });
        }
        const { cells: _a, conditionalFormats: cfA, ...levelA } = snap;
        const { cells: _b, conditionalFormats: cfB, ...levelB } = now;
        expect(levelB).toEqual(levelA);
        // The analyst's own conditional formats are all still there, unchanged.
        expect(stripCfIds(cfB)).toEqual(expect.arrayContaining(stripCfIds(cfA)));
      }
      cells += Object.keys(snap.cells).length;
      continue;
    }
    const big = before.big.get(name)!;
    const { diff, cells: n } = diffGrids(wb, name, big.grids, exact ? Infinity : big.width);
    expect(diff).toBeNull();
    expect(sheetLevel(wb, name)).toEqual(big.level);
    if (exact) expect(wb.getConditionalFormats(name)).toEqual(big.cfs);
    cells += n;
  }
  if (exact) {
    expect(wb.sheetNames()).toEqual(before.sheets);
    expect(wb.getNames()).toEqual([]);
    expect(wb.getTables()).toEqual(before.tables);
  }
  return cells;
}

// ─────────────────────────── output checks ───────────────────────────

/** Our header texts in both languages (the pipeline's OUTPUT_HEADERS, which the writer uses). */
export const OUR_HEADER_TEXTS = new Set(Object.values(OUTPUT_HEADERS).flatMap((m) => [m.en, m.zh]));

const CJK = /[\u3400-\u9fff]/;

/** A bilingual message that says something in both languages. */
export function expectBilingual(m: { en: string; zh: string } | undefined, en?: RegExp, zh?: RegExp): void {
  expect(m).toBeDefined();
  expect(m!.en.trim().length).toBeGreaterThan(10);
  expect(m!.zh).toMatch(CJK);
  if (en) expect(m!.en).toMatch(en);
  if (zh) expect(m!.zh).toMatch(zh);
}

/** Formula cells of a sheet (the model's formula grid). */
export function formulaCells(wb: SimWorkbook, sheet: string): string[] {
  const s = wb.model.sheet(sheet);
  if (!s) return [];
  const out: string[] = [];
  s.formulas.forEach((row, r) => row?.forEach((f, c) => f !== undefined && out.push(`${r}:${c}:${f}`)));
  return out;
}

/** Values of a sheet, or null when it does not exist. */
export function valuesOf(wb: SimWorkbook, sheet: string): unknown[][] | null {
  return wb.sheetNames().includes(sheet) ? wb.getValues(sheet) : null;
}
