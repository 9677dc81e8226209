/**
 * The summary sheet's v2 data (spec §4 v2), written through the real writer on the simulator: the Rates sheet is
 * read, KPIs carry number formats per row (counts, money, %, days), per-currency sections use the currency in the
 * money format, money is rounded to cents, and the data-quality warnings get their own block.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { scoreActiveSheet } from "../../src/excel/scoreActiveSheet";
import { setup } from "./helpers";

const AS_OF = 45838;
const rows: unknown[][] = [
  ["Customer", "Invoice No", "Due Date", "Amount", "Currency"],
  ["Acme", "A-1", AS_OF - 100, 610.2, "EUR"],
  ["Acme", "A-1", AS_OF - 10, 0.1 + 0.2, "EUR"],
  ["Bolt", "B-1", AS_OF - 40, 1000, "USD"],
  ["Acme", "CN-1", AS_OF - 5, -100, "EUR"],
];
const mapping = { customer: 0, invoiceNo: 1, dueDate: 2, amount: 3, currency: 4 };

function block(values: unknown[][], formats: string[][], label: string) {
  const r = values.findIndex((row) => row[0] === label);
  return { row: values[r]!, format: formats[r]! };
}

test("with a Rates sheet: one base-currency section, row formats, cents, warnings block", async () => {
  const wb = setup(rows, {}, [
    {
      name: "Rates",
      values: [
        ["Currency", "Rate"],
        ["USD", 0.9],
      ],
    },
  ]);
  const res = await scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping });
  expect(res.status).toBe("done");
  if (res.status !== "done") return;
  expect(res.summary.portfolio.missingRates).toEqual([]);
  const v = wb.getValues("Credit Risk Summary");
  const f = wb.getNumberFormats("Credit Risk Summary");
  expect(v[3]!.slice(0, 2)).toEqual(["Portfolio KPI", "Value (EUR)"]);
  expect(v[3]).toBe(v.find((r) => r[0] === "Portfolio KPI"));
  // EUR 610.20 + 0.30 − 100 + USD 1,000 × 0.9 = 1,410.50.
  expect(block(v, f, "Total exposure").row[1]).toBe(1410.5);
  expect(block(v, f, "Total exposure").format[1]).toBe("#,##0.00");
  expect(block(v, f, "Unapplied credit").row[1]).toBe(100);
  expect(block(v, f, "Customers").format[1]).toBe("0");
  expect(block(v, f, "% over 90 days").format[1]).toBe("0.0%");
  // Days are whole numbers (the value keeps its precision; the format shows 42, not 42.47136…).
  expect(block(v, f, "DSO (days)").format[1]).toBe("0");
  expect(block(v, f, "Base currency").row[1]).toBe("EUR");
  // Open balances are rounded to cents (0.1 + 0.2 → 0.3).
  expect(wb.getValues("Invoices")[2]![5]).toBe(0.3);
  const warn = v.findIndex((r) => r[3] === "Data-quality warning (the row was scored)");
  expect(v[warn + 1]!.slice(0, 3)).toEqual([3, "B", "A-1"]);
  expect(String(v[warn + 1]![3])).toContain("Invoice A-1 of Acme is also on row 2");
});

test("without rates: one column per currency with the currency in the money format", async () => {
  const wb = setup(rows);
  const res = await scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping });
  expect(res.status).toBe("done");
  const v = wb.getValues("Credit Risk Summary");
  const f = wb.getNumberFormats("Credit Risk Summary");
  expect(v[3]!.slice(0, 3)).toEqual(["Portfolio KPI", "EUR", "USD"]);
  const exposure = block(v, f, "Total exposure");
  expect(exposure.row.slice(1, 3)).toEqual([510.5, 1000]);
  expect(exposure.format.slice(1, 3)).toEqual(['"EUR "#,##0.00', '"USD "#,##0.00']);
  expect(block(v, f, "Missing exchange rates").row[1]).toBe("USD");
  // The customer table names each customer's currency.
  const hr = v.findIndex((r) => r[0] === "Customer" && r[1] === "Currency");
  expect(v.slice(hr + 1, hr + 3).map((r) => r.slice(0, 4))).toEqual([
    ["Acme", "EUR", 510.5, 100],
    ["Bolt", "USD", 1000, 0],
  ]);
});

describe("the summary an analyst can hand on (spec §4 v2)", () => {
  async function scored(lang: "en" | "zh", policyName?: { en: string; zh: string }) {
    const wb = setup(rows, {}, [
      {
        name: "Rates",
        values: [
          ["Currency", "Rate"],
          ["USD", 0.9],
        ],
      },
    ]);
    const res = await scoreActiveSheet({
      policy: DEFAULT_POLICY,
      asOf: AS_OF,
      lang,
      mapping,
      ...(policyName ? { policyName } : {}),
    });
    expect(res.status).toBe("done");
    const name = lang === "en" ? "Credit Risk Summary" : "信用风险汇总";
    return { wb, name, v: wb.getValues(name), f: wb.getNumberFormats(name), sheet: wb.model.sheet(name)! };
  }

  test("a bold title naming the sheet, the as-of date as a date and the policy used; the title rows frozen", async () => {
    const { wb, name, v, f, sheet } = await scored("en", { en: "Standard (30 / 60 / 90 days)", zh: "标准" });
    expect(v[0]![0]).toBe("Credit Risk Summary: Invoices");
    const style = (wb.snapshot(name) as { cells: Record<string, { style?: Record<string, unknown> }> }).cells
      .A1!.style;
    expect(style).toMatchObject({ bold: true, fontSize: 14 });
    expect(v[1]!.slice(0, 3)).toEqual(["As of", AS_OF, "Policy"]);
    expect(f[1]![1]).toBe("yyyy-mm-dd");
    expect(v[1]![3]).toBe(
      "Standard (30 / 60 / 90 days): aging edges 30, 60, 90 days; loss rates 0.3%, 1.6%, 3.6%, 6.6%, 10.6%; grade caps on",
    );
    expect(sheet.frozenRows).toBe(2);
  });

  test("Chinese: title, policy line, legend and labels in Chinese", async () => {
    const { v } = await scored("zh");
    expect(v[0]![0]).toBe("信用风险汇总：Invoices");
    expect(v[1]!.slice(0, 3)).toEqual(["截至日期", AS_OF, "政策"]);
    expect(v[1]![3]).toBe(
      "工作簿中的政策：账龄区间边界 30、60、90 天；损失率 0.3%、1.6%、3.6%、6.6%、10.6%；等级上限开启",
    );
    const legend = v.findIndex((r) => r[0] === "预警" && r[1] === "代码");
    expect(v[legend + 1]!.slice(0, 2)).toEqual(["超出信用额度", "OVER_LIMIT"]);
    expect(v.flat()).toContain("90天以上");
    expect(v.flat()).not.toContain("91+");
  });

  test("every number has a number format; the legend maps each label to its code and meaning", async () => {
    const { v, f } = await scored("en");
    v.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === "number") expect([r, c, cell, f[r]![c]]).not.toEqual([r, c, cell, "General"]);
      }),
    );
    const legend = v.findIndex((r) => r[0] === "Breach" && r[1] === "Code" && r[2] === "Meaning");
    expect(legend).toBeGreaterThan(0);
    const codes = v.slice(legend + 1, legend + 9).map((r) => r[1]);
    expect(codes).toEqual([
      "OVER_LIMIT",
      "NEAR_LIMIT",
      "SEVERELY_OVERDUE",
      "INSURED_LIMIT_EXCEEDED",
      "NOTIFY_INSURER",
      "LOW_GRADE",
      "DISPUTE_AGED",
      "DETERIORATING",
    ]);
    expect(v[legend + 3]!.slice(0, 3)).toEqual([
      "Severely overdue",
      "SEVERELY_OVERDUE",
      "An invoice is more than 90 days past due.",
    ]);
    const grades = v.findIndex((r) => r[0] === "Grade" && r[1] === "Score" && r[2] === "Meaning");
    expect(v[grades + 1]!.slice(0, 3)).toEqual(["A", "80–100", "Low risk"]);
  });

  test("no label is cut off: a column is wide enough for every text that cannot run on into empty cells", async () => {
    for (const lang of ["en", "zh"] as const) {
      const { v, sheet } = await scored(lang);
      // Default font: 7 px a digit, a CJK character two; 5 px padding; 0.75 pt a pixel.
      const chars = (col: number) => ((sheet.colWidths.get(col) ?? 48) / 0.75 - 5) / 7;
      const wide = (s: string) =>
        [...s].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
      v.forEach((row) => {
        const last = row.reduce((l, x, i) => (x !== "" ? i : l), -1);
        row.forEach((cell, c) => {
          if (typeof cell !== "string" || cell === "" || c === last) return;
          expect([lang, cell, wide(cell) <= chars(c)]).toEqual([lang, cell, true]);
        });
      });
      // "Portfolio KPI", "Average days delinquent" and the customers fit in column A.
      expect(chars(0)).toBeGreaterThanOrEqual(
        wide(lang === "en" ? "Average days delinquent" : "应收账款周转天数"),
      );
    }
  });

  test("the chart sits below the KPIs, above the customer table, with the display-language bucket labels", async () => {
    const { v, sheet } = await scored("zh");
    const chart = sheet.charts[0]!;
    const kpiEnd = v.findIndex((r, i) => i > 3 && r.every((x) => x === ""));
    const table = v.findIndex((r) => r[0] === "客户" && r[1] === "币种");
    const start = Number(/\d+/.exec(chart.position!.start)![0]) - 1;
    const end = Number(/\d+/.exec(chart.position!.end!)![0]) - 1;
    expect(start).toBeGreaterThanOrEqual(kpiEnd);
    expect(end).toBeLessThan(table);
    // Categories: the bucket block's first column.
    const col = chart.source.c0;
    expect(v.slice(chart.source.r0 + 1, chart.source.r1 + 1).map((r) => r[col])).toEqual([
      "未到期",
      "1-30天",
      "31-60天",
      "61-90天",
      "90天以上",
    ]);
  });
});
