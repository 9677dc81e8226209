/** Shared fixtures for the Excel adapter tests: a simulated workbook and a small hand-made engine step. */
import { installSimulator, SimWorkbook, type SimOptions } from "../../src/workbook";
import type { Compute, ComputeOutcome } from "../../src/excel/scoreSheet";
import { profileOptions, track } from "../profile";
import type { WritePlan } from "../../src/excel/writePlan";

export const AS_OF = 45700;
export const LABELS = ["Current", "1-30", "31-60", "61-90", "91+"];

/** An invoice sheet: header row + n rows (customer, amount, due date serial, note). */
export function invoiceRows(n: number): unknown[][] {
  const rows: unknown[][] = [["Customer", "Amount", "Due Date", "Note"]];
  for (let i = 0; i < n; i++) {
    rows.push([`Cust ${i % 50}`, 100 + (i % 997), AS_OF - (i % 130), i % 7 === 0 ? "=1+1" : `note ${i}`]);
  }
  return rows;
}

export function setup(
  rows: unknown[][],
  options: SimOptions = {},
  extraSheets: { name: string; values: unknown[][] }[] = [],
) {
  const wb = track(new SimWorkbook(profileOptions(options)));
  wb.loadWorkbook([
    {
      name: "Invoices",
      values: rows,
      numberFormats: rows.map((r, i) => r.map((_, c) => (i > 0 && c === 2 ? "yyyy-mm-dd" : null))),
    },
    ...extraSheets,
  ]);
  installSimulator(wb, globalThis);
  return wb;
}

function bucketOf(dpd: number): string {
  if (dpd <= 0) return LABELS[0];
  if (dpd <= 30) return LABELS[1];
  if (dpd <= 60) return LABELS[2];
  if (dpd <= 90) return LABELS[3];
  return LABELS[4];
}

/** A synchronous engine step (so tests can also call it directly). */
type SyncCompute<S> = (...args: Parameters<Compute<S>>) => ComputeOutcome<S>;

/** A tiny stand-in for the engine: header on the first row, columns Customer/Amount/Due Date. */
export const testCompute: SyncCompute<{ rows: number }> = (read, options) => {
  const values = read.source.values;
  const data = values.slice(1);
  const dpd = data.map((r) => (typeof r[2] === "number" ? options.asOf - r[2] : ""));
  const plan: WritePlan = {
    columns: [
      {
        key: "openBalance",
        header: { en: "Open Balance", zh: "未收余额" },
        values: data.map((r) => (typeof r[1] === "number" ? r[1] : "")),
        numberFormat: "#,##0.00",
      },
      { key: "daysPastDue", header: { en: "Days Past Due", zh: "逾期天数" }, values: dpd, numberFormat: "0" },
      {
        key: "agingBucket",
        header: { en: "Aging Bucket", zh: "账龄区间" },
        values: dpd.map((d) => (typeof d === "number" ? bucketOf(d) : "")),
      },
      {
        key: "breaches",
        header: { en: "Breaches", zh: "违规提示" },
        values: dpd.map((d) => (typeof d === "number" && d > 90 ? "SEVERELY_OVERDUE" : "")),
      },
    ],
    headerStyle: { fill: "#1F4E5F", fontColor: "#FFFFFF", bold: true },
    rules: [
      {
        kind: "custom",
        id: "breach",
        target: "sourceRows",
        formula: "LEN({col:breaches}{row})>0",
        fill: "#FDE2E1",
      },
      ...LABELS.map((l, i) => ({
        kind: "custom" as const,
        id: `bucket${i}`,
        target: "agingBucket",
        formula: `{col:agingBucket}{row}="${l}"`,
        fill: "#C6EFCE",
      })),
    ],
    summary: {
      name: { en: "Credit Risk Summary", zh: "信用风险汇总" },
      blocks: [
        {
          id: "buckets",
          row: 0,
          col: 0,
          header: true,
          values: [["Bucket", "Exposure"], ...LABELS.map((l) => [l, 1])],
          columnFormats: [null, "#,##0.00"],
        },
        {
          id: "customers",
          row: 8,
          col: 0,
          header: true,
          values: [
            ["Customer", "Utilisation"],
            ["=Evil", 0.5],
            ["Good", 0.2],
          ],
          dataBarColumn: 1,
        },
      ],
      chart: { type: "columnClustered", block: "buckets", title: "Exposure by aging bucket" },
    },
    history: { header: ["Run", "As Of", "Customer"], rows: [[AS_OF, AS_OF, "Cust 0"]] },
  };
  return { status: "plan", plan, headerRowOffset: 0, summary: { rows: data.length } };
};

export const baseOptions = { policy: {}, asOf: AS_OF, lang: "en" as const };

/**
 * Everything a run may touch, as plain data: every sheet (cells with values, formulas, formats and styles, widths,
 * frozen panes, conditional formats with their ids, charts with their places), its order and visibility, the
 * workbook names and tables, and the document settings the add-in keeps (run records, mappings, policy). Two equal
 * states are the same workbook as far as the add-in is concerned.
 */
export function workbookState(wb: ReturnType<typeof setup>): unknown {
  return {
    sheets: wb.sheetNames().map((name) => ({
      snapshot: wb.snapshot(name),
      visibility: wb.getVisibility(name),
      charts: wb.model.sheet(name)!.charts.map((c) => ({ ...c, sheet: c.sheet.name })),
    })),
    names: wb.getNames(),
    tables: wb.getTables(),
    settings: Object.fromEntries(
      ["crt.runs", "crt.policy", ...wb.sheetNames().map((n) => `crt.mapping.${n}`)].map((k) => [
        k,
        wb.settings.get(k) ?? null,
      ]),
    ),
  };
}
