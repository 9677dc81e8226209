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
