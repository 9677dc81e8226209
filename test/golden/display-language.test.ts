/**
 * Spec §4 v2 in Chinese: "every text the add-in writes is in the display language" and "number formats on every
 * written number". Every golden workbook is scored again with the display language zh-CN, through the real engine
 * and writer, and every cell the run wrote is walked — the added columns (header and every data row) and every cell
 * of the summary sheet:
 * - a number must carry a number format (no General: no `235382.23`, no `-0.01062…`, no `42.47136…` days);
 * - a text must not contain a Latin word unless it is a code (a breach code on the legend, a grade A–E), a currency
 *   code, a sheet column letter, a proper name the reasons use (Altman Z), or data of the analyst's own (a word that occurs in the input
 *   workbook: customer names, invoice numbers, sheet names, the analyst's headers and statuses).
 * The hidden history sheet is the add-in's own store for trends (very hidden, never shown) and is not walked.
 */
import { DISPLAY } from "./reference";
import { caseNames, loadInput, scoreCase, setupCase } from "./harness";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

const CODES = new Set(Object.keys(DISPLAY.breaches));
const GRADES = new Set(["A", "B", "C", "D", "E"]);
/** Proper names in the reasons' Altman factor ("Altman Z 2.83（非上市公司模型，灰色区）"). */
const PROPER = new Set(["Altman", "Z"]);

/** Every Latin word of the input workbook: the analyst's own data may appear in what we write. */
function inputWords(input: ReturnType<typeof loadInput>): Set<string> {
  const words = new Set<string>();
  const add = (v: unknown) => {
    for (const w of String(v ?? "").match(/[A-Za-z]+/g) ?? []) words.add(w);
  };
  for (const s of input.sheets) {
    add(s.name);
    s.values.forEach((row) => row.forEach(add));
  }
  return words;
}

/** What is wrong with one written cell, or null. */
function problem(value: unknown, format: string, allowed: Set<string>): string | null {
  if (typeof value === "number") return format === "General" ? `number ${value} in General format` : null;
  if (typeof value !== "string") return null;
  // A sheet column letter (the warnings' Column), a currency code or a grade: a reference, not a word.
  if (/^[A-Z]{1,3}$/.test(value)) return null;
  const foreign = (value.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter(
    (w) => !CODES.has(w) && !GRADES.has(w) && !PROPER.has(w) && !/^[A-Z]{3}$/.test(w) && !allowed.has(w),
  );
  return foreign.length > 0 ? `untranslated "${foreign.join(" ")}" in "${value}"` : null;
}

describe.each(caseNames())("golden %s scored in Chinese", (name) => {
  test("every written cell: no General-format number, no untranslated text", async () => {
    const input = loadInput(name);
    const wb = await setupCase(input);
    const scored = await scoreCase({ ...input.options, lang: "zh" });
    expect(scored.outcome.status).toBe("done");
    if (scored.outcome.status !== "done") return;
    const allowed = inputWords(input);
    const problems: string[] = [];
    const walk = (sheet: string, r0: number, c0: number, rows: number, cols: number) => {
      const values = wb.getValues(sheet);
      const formats = wb.getNumberFormats(sheet);
      let cells = 0;
      for (let r = r0; r < r0 + rows; r++)
        for (let c = c0; c < c0 + cols; c++) {
          const v = values[r]?.[c] ?? "";
          if (v === "") continue;
          cells++;
          const p = problem(v, formats[r]?.[c] ?? "General", allowed);
          if (p) problems.push(`${sheet}!R${r + 1}C${c + 1}: ${p}`);
        }
      return cells;
    };
    // The added columns: our output block, header row and every data row.
    const out = scored.outcome.output;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(out.address)!;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const dataSheet = input.options.sheet ?? input.sheets[0]!.name;
    const written = walk(
      dataSheet,
      Number(m[2]) - 1,
      col(m[1]!),
      Number(m[4]) - Number(m[2]) + 1,
      col(m[3]!) - col(m[1]!) + 1,
    );
    expect(written).toBeGreaterThan(out.dataRows);
    // The summary sheet: every cell.
    const summary = scored.outcome.summarySheet!;
    expect(summary).toBe("信用风险汇总");
    const values = wb.getValues(summary);
    const cells = walk(summary, 0, 0, values.length, Math.max(...values.map((r) => r.length)));
    expect(cells).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});

test("the walk would catch an English word and a General number", () => {
  const allowed = new Set(["Acme"]);
  expect(problem("Current", "General", allowed)).toMatch(/untranslated "Current"/);
  expect(problem("OVER_LIMIT、LOW_GRADE", "General", allowed)).toBeNull();
  expect(problem("Acme 欠款", "General", allowed)).toBeNull();
  expect(problem("Portfolio KPI", "General", allowed)).toMatch(/Portfolio KPI/);
  expect(problem("F", "General", allowed)).toBeNull();
  expect(problem("Paid", "General", allowed)).toMatch(/Paid/);
  expect(problem(42.47136, "General", allowed)).toMatch(/General/);
  expect(problem(42.47136, "0", allowed)).toBeNull();
});
