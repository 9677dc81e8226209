/** End to end with the real engine: needsMapping → confirmed mapping → scored columns, summary, history. */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { clearResults } from "../../src/excel/clearResults";
import { scoreActiveSheet, type DetectedMapping } from "../../src/excel/scoreActiveSheet";
import { loadMapping } from "../../src/excel/settings";
import { setup } from "./helpers";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

const AS_OF = 45700;
const rows: unknown[][] = [
  ["Aging report"],
  ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount", "Paid"],
  ["Acme", "INV-1", AS_OF - 150, AS_OF - 120, 1000, 0],
  ["Acme", "INV-2", AS_OF - 20, AS_OF + 10, 500, 0],
  ["=Bad Co", "INV-3", AS_OF - 60, AS_OF - 30, 300, 100],
];

test("detect, confirm, score, clear", async () => {
  const wb = setup(rows);
  const before = wb.snapshot("Invoices");
  const first = await scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" });
  expect(first.status).toBe("needsMapping");
  const detected = (first as { detected: DetectedMapping }).detected;
  expect(detected.headerRowIndex).toBe(1);
  expect(detected.mapping).toMatchObject({ customer: 0, dueDate: 3, amount: 4 });
  expect(wb.sheetNames()).toEqual(["Invoices"]);

  const res = await scoreActiveSheet({
    policy: DEFAULT_POLICY,
    asOf: AS_OF,
    lang: "en",
    mapping: detected.mapping,
  });
  expect(res.status).toBe("done");
  expect(loadMapping("Invoices")).toEqual(detected.mapping);
  const v = wb.getValues("Invoices");
  expect(v[1].slice(6)).toEqual([
    "Open Balance",
    "Days Past Due",
    "Aging Bucket",
    "Customer Score",
    "Risk Grade",
    "Breaches",
  ]);
  expect(v[2].slice(6, 9)).toEqual([1000, 120, "91+"]);
  // Breaches are written as labels in the display language (the summary's legend maps them to their codes).
  expect(String(v[2][11])).toContain("Severely overdue");
  expect(String(v[2][11])).not.toMatch(/[A-Z]{2,}_/);
  expect(v[3].slice(6, 9)).toEqual([500, 0, "Current"]);
  expect(v[0].slice(6).every((x) => x === "")).toBe(true);
  expect(wb.sheetNames()).toContain("Credit Risk Summary");
  expect(wb.getCharts("Credit Risk Summary")[0].type).toMatch(/ColumnClustered/i);
  expect(wb.getValues("CRT_History").length).toBeGreaterThan(1);

  // Second run uses the saved mapping and updates in place.
  const again = await scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "zh" });
  expect(again.status).toBe("done");
  expect(wb.getValues("Invoices")[1].slice(6)).toEqual([
    "未收余额",
    "逾期天数",
    "账龄区间",
    "客户评分",
    "风险等级",
    "预警",
  ]);
  // In Chinese the bucket and breach texts are Chinese too.
  expect(wb.getValues("Invoices")[2].slice(8, 9)).toEqual(["90天以上"]);
  expect(wb.getValues("Invoices")[3].slice(8, 9)).toEqual(["未到期"]);
  expect(String(wb.getValues("Invoices")[2][11])).toContain("严重逾期");
  expect(wb.getValues("Invoices")[1]).toHaveLength(12);
  expect(wb.sheetNames()).toContain("信用风险汇总");
  expect(wb.sheetNames()).not.toContain("Credit Risk Summary");

  await clearResults();
  expect(wb.snapshot("Invoices")).toEqual(before);
});

test("a user sheet named like the summary is never touched", async () => {
  const wb = setup(rows, {}, [{ name: "Credit Risk Summary", values: [["my notes"]] }]);
  const mine = wb.snapshot("Credit Risk Summary");
  const res = await scoreActiveSheet({
    policy: DEFAULT_POLICY,
    asOf: AS_OF,
    lang: "en",
    mapping: { customer: 0, invoiceNo: 1, invoiceDate: 2, dueDate: 3, amount: 4, paid: 5 },
  });
  expect(res.status).toBe("done");
  if (res.status === "done") {
    expect(res.summarySheet).toBe("Credit Risk Summary (2)");
    expect(res.notes[0].en).toContain("Credit Risk Summary (2)");
  }
  await clearResults();
  expect(wb.snapshot("Credit Risk Summary")).toEqual(mine);
  expect(wb.sheetNames()).not.toContain("Credit Risk Summary (2)");
});
