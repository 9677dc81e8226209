/**
 * Score-sheet spec v2 §4: every text the add-in writes stays the text it meant. Excel parses strings written
 * through Range.values as if typed ("1-30" becomes 30-Jan, "5%" 0.05, "(40)" −40, "-x" a formula …); the strict
 * simulator does the same (src/workbook/entry.ts). Every label the engine produces and every risky string go
 * through the add-in's writer — output columns, headers, summary blocks and the history sheet — and must read back
 * as the same text.
 */
import { bucketLabels, DEFAULT_AGING_EDGES } from "../../src/engine/aging";
import { BREACH_NAMES } from "../../src/engine/pipeline/breaches";
import { OUTPUT_HEADERS } from "../../src/engine/pipeline/output";
import { HISTORY_SHEET } from "../../src/excel/runRecord";
import { runScore, type Compute } from "../../src/excel/scoreSheet";
import type { WritePlan } from "../../src/excel/writePlan";
import { expectNoApiRefusals } from "../profile";
import { AS_OF, baseOptions, setup } from "./helpers";

expectNoApiRefusals();

/** Strings Excel would turn into something else on entry (or that carry its text prefix). */
const RISKY = [
  "1-30",
  "1/30",
  "12-31",
  "2-30",
  "2025-01-15",
  "2025/1/15",
  "1/15/2025",
  "2025年1月15日",
  "1月15日",
  "15-Jan",
  "Jan 15",
  "Jan-25",
  "10:30",
  "5%",
  "5.5%",
  "(40)",
  "1E5",
  "1e-3",
  "$1,200",
  "¥1,200",
  "-$40",
  "1,200.50",
  "007",
  " 12 ",
  "1",
  "TRUE",
  "false",
  "#N/A",
  "=Evil",
  '=HYPERLINK("http://evil.example","x")',
  "+1",
  "+44 20 7946 0000",
  "-x",
  "- note",
  "@SUM(A1)",
  "@mention",
  "'quoted",
  "''double",
];

const LABELS = [
  ...bucketLabels(DEFAULT_AGING_EDGES),
  ...bucketLabels([1, 2, 7]), // one-day buckets are labelled "1", "2"
  ...bucketLabels([15, 45]),
  // zh-CN labels of the default edges (score-sheet spec v2 §4)
  "未到期",
  "1-30天",
  "31-60天",
  "61-90天",
  "90天以上",
  ...Object.keys(BREACH_NAMES),
  ...Object.values(BREACH_NAMES).flatMap((m) => [m.en, m.zh]),
  ...Object.values(OUTPUT_HEADERS).flatMap((m) => [m.en, m.zh]),
  "A",
  "B",
  "C",
  "D",
  "E",
  "SEVERELY_OVERDUE, NOTIFY_INSURER",
];

const TEXTS = [...new Set([...RISKY, ...LABELS])];

/** An engine step that writes every text: as column values, as a header, in the summary and in the history. */
const textCompute: Compute<{ rows: number }> = (read) => {
  const n = read.source.values.length - 1;
  const column = (key: string, header: string, at: (i: number) => string) => ({
    key,
    header: { en: header, zh: header },
    values: Array.from({ length: n }, (_, i) => at(i)),
  });
  const plan: WritePlan = {
    columns: [
      column("agingBucket", "1-30", (i) => TEXTS[i % TEXTS.length]!),
      column("breaches", "5%", (i) => TEXTS[(i + 7) % TEXTS.length]!),
    ],
    headerStyle: { fill: "#1F4E5F", fontColor: "#FFFFFF", bold: true },
    rules: [],
    summary: {
      name: { en: "Credit Risk Summary", zh: "信用风险汇总" },
      blocks: [
        {
          id: "labels",
          row: 0,
          col: 0,
          header: true,
          values: [["(40)", "1E5"], ...TEXTS.map((t, i) => [t, i])],
        },
      ],
      chart: { type: "columnClustered", block: "labels", title: "By label" },
    },
    history: { header: ["Run Date", "2025-01-15", "Customer"], rows: TEXTS.map((t) => [AS_OF, AS_OF, t]) },
  };
  return { status: "plan", plan, headerRowOffset: 0, summary: { rows: n } };
};

test("every label and risky string the writer writes reads back as the same text", async () => {
  const rows: unknown[][] = [["Customer", "Amount"], ...TEXTS.map((_, i) => [`Cust ${i}`, i])];
  const wb = setup(rows);
  const res = await runScore(baseOptions, textCompute);
  expect(res.status).toBe("done");

  const out = wb.getValues("Invoices");
  expect(out[0]!.slice(2)).toEqual(["1-30", "5%"]);
  TEXTS.forEach((t, i) => {
    expect([i, out[i + 1]![2]]).toEqual([i, t]);
    expect([i, out[i + 1]![3]]).toEqual([i, TEXTS[(i + 7) % TEXTS.length]]);
  });
  const sheet = wb.model.sheet("Invoices")!;
  const formulaCells = out.flatMap((row, r) => row.map((_, c) => sheet.hasFormula(r, c)).filter(Boolean));
  expect(formulaCells).toEqual([]);

  const summary = wb.getValues("Credit Risk Summary");
  expect(summary[0]!.slice(0, 2)).toEqual(["(40)", "1E5"]);
  expect(summary.slice(1, TEXTS.length + 1).map((r) => r[0])).toEqual(TEXTS);
  // The chart's categories (first column of its source) are those texts, not dates or numbers.
  const [chart] = wb.getCharts("Credit Risk Summary");
  expect(chart!.source).toBe(`A1:B${TEXTS.length + 1}`);
  const types = await Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Credit Risk Summary").getRange(`A2:A${TEXTS.length + 1}`);
    r.load("valueTypes");
    await ctx.sync();
    // The simulator keeps error values as their text, so a text "#N/A" reads as an error type here (README: Known
    // host differences); every other label must be a string.
    return new Set(r.valueTypes.flat().filter((_, i) => !TEXTS[i]!.startsWith("#")));
  });
  expect([...types]).toEqual(["String"]);

  const history = wb.getValues(HISTORY_SHEET);
  expect(history[0]!.slice(0, 3)).toEqual(["Run Date", "2025-01-15", "Customer"]);
  expect(history.slice(1).map((r) => r[2])).toEqual(TEXTS);
});

test("a re-run finds its output again and a cancelled re-run restores the texts exactly", async () => {
  const rows: unknown[][] = [["Customer", "Amount"], ...TEXTS.map((_, i) => [`Cust ${i}`, i])];
  const wb = setup(rows);
  expect((await runScore(baseOptions, textCompute)).status).toBe("done");
  const scored = wb.snapshot("Invoices");
  expect((await runScore(baseOptions, textCompute)).status).toBe("done");
  expect(wb.getValues("Invoices")[0]).toHaveLength(4); // in place: no second set of columns
  const ac = new AbortController();
  const res = await runScore(
    {
      ...baseOptions,
      chunkCells: 20,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.phase === "write" && p.done >= 10) ac.abort();
      },
    },
    textCompute,
  );
  expect(res.status).toBe("cancelled");
  expect(wb.snapshot("Invoices")).toEqual(scored);
});
