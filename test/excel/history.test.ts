/**
 * The hidden history sheet across versions: a history written by v1 (8 columns) gets the header cells v2 adds
 * (Overdue, Dunned Invoices) when a v2 run appends its 10-column rows, and a run that fails afterwards takes those
 * header cells away again with the rows it appended (the workbook is left as before the run).
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { scoreActiveSheet } from "../../src/excel/scoreActiveSheet";
import { HISTORY_SHEET } from "../../src/excel/runRecord";
import { setup } from "./helpers";

const AS_OF = 45838;
const rows: unknown[][] = [
  ["Customer", "Invoice No", "Due Date", "Amount"],
  ["Acme", "A-1", AS_OF - 100, 610.2],
  ["Bolt", "B-1", AS_OF - 40, 1000],
];
const mapping = { customer: 0, invoiceNo: 1, dueDate: 2, amount: 3 };
const V1_HEADER = [
  "Run Date",
  "As Of",
  "Sheet",
  "Customer",
  "Exposure",
  "Days Beyond Terms",
  "Score",
  "Grade",
];
const v1History = {
  name: HISTORY_SHEET,
  values: [V1_HEADER, [AS_OF - 30, AS_OF - 30, "Invoices", "Acme", 610.2, 70, 41, "D"]],
};
const run = () => scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping });

test("a v1 history gets the v2 header cells when v2 rows are appended", async () => {
  const wb = setup(rows, {}, [v1History]);
  expect((await run()).status).toBe("done");
  const h = wb.getValues(HISTORY_SHEET);
  expect(h[0]).toEqual([...V1_HEADER, "Overdue", "Dunned Invoices"]);
  expect(h).toHaveLength(4); // header, the v1 row, Acme and Bolt
  expect(h[1]!.slice(0, 8)).toEqual(v1History.values[1]);
  expect(h.slice(2).every((r) => r.length === 10)).toBe(true);
});

test("a run that fails after the history sync leaves the v1 history as it was, header included", async () => {
  const counting = setup(rows, {}, [v1History]);
  expect((await run()).status).toBe("done");
  const lastSync = counting.stats().syncs; // the summary sheet's sync comes after the history's

  const wb = setup(rows, {}, [v1History]);
  const before = wb.getValues(HISTORY_SHEET);
  wb.failSyncs({ at: lastSync, code: "GeneralException" });
  const res = await run();
  expect(res.status).toBe("failed");
  const after = wb.getValues(HISTORY_SHEET);
  expect(after).toEqual(before);
  expect(after[0]).toEqual(V1_HEADER);
});

test("a customer with thousands of overdue invoices: scores in Excel's cell limits, its letter and history name the 50 most overdue", async () => {
  // 4,000 overdue invoices of one customer with 15-character numbers: all their numbers in one cell would be
  // 4,000 × 17 = 68,000 characters, past the 32,767 a cell holds (the simulator refuses such a write, as Excel does).
  const big: unknown[][] = [["Customer", "Invoice No", "Due Date", "Amount"]];
  for (let k = 0; k < 4000; k++)
    big.push(["Big Co", `INV-2025-${String(k + 1).padStart(6, "0")}`, AS_OF - 4000 + k, 100]);
  const wb = setup(big);
  const res = await scoreActiveSheet({
    policy: DEFAULT_POLICY,
    asOf: AS_OF,
    lang: "en",
    mapping: { customer: 0, invoiceNo: 1, dueDate: 2, amount: 3 },
  });
  expect(res.status).toBe("done");
  const h = wb.getValues(HISTORY_SHEET);
  const dunned = String(h[1]![9]).split(", ");
  // The most overdue first: INV-2025-000001 (due 4,000 days ago) … INV-2025-000050.
  expect(dunned).toEqual(Array.from({ length: 50 }, (_, k) => `INV-2025-${String(k + 1).padStart(6, "0")}`));
  if (res.status !== "done") return;
  const letter = res.summary.collections.cases[0]!;
  expect(letter.invoices).toHaveLength(4000);
});
