/**
 * tableReader (the streaming readTable the pane's scoring worker feeds while the sheet is still being read): any
 * split of the same rows into slices gives exactly readTable's result on the whole input — invoices, issues in
 * order, counts — also when every row comes in one refilled array — including the one rule that looks ahead (a blank customer after the last customer row is a
 * totals row), preamble rows above the header, a header outside the first slice and inputs shorter than the scan.
 */
import fc from "fast-check";
import { readTable, tableReader, type ReadTableOptions } from "../../../src/engine/sheet/table";

const HEADER = ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount", "Paid", "Status"];

/** Cells chosen to hit every branch of a row: names, totals labels, blanks, errors, header text, bad values. */
const customer = fc.constantFrom("Acme", "Beta Ltd", "", "Total", "合计", "#N/A", "Customer", null, 42);
const date = fc.constantFrom(
  46000,
  46030,
  "2026-01-15",
  "15/02/2026",
  "02/15/2026",
  "",
  "soon",
  "Invoice Date",
);
const money = fc.constantFrom(1200.5, -250, 0, "$1,200.50", "EUR 5", "", "abc", "Amount");
const status = fc.constantFrom("Open", "Paid", "Disputed", "", "weird", "Status");
const dataRow = fc.tuple(
  customer,
  fc.constantFrom("INV-1", "INV-2", "", "Invoice No"),
  date,
  date,
  money,
  money,
  status,
);
const preamble = fc.array(fc.constantFrom(["Aged receivables"], [], ["As of", 46000]), { maxLength: 3 });

const table = fc
  .tuple(preamble, fc.array(dataRow, { maxLength: 60 }), fc.boolean())
  .map(([pre, rows, withHeader]) => [...pre, ...(withHeader ? [HEADER] : []), ...rows] as unknown[][]);

/** Cut points → slices in order (empty slices included: a chunk may carry no rows). */
function slices(rows: unknown[][], cuts: number[]): unknown[][][] {
  const points = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b);
  const out: unknown[][][] = [];
  let at = 0;
  for (const p of [...points, rows.length]) {
    out.push(rows.slice(at, p));
    at = p;
  }
  return out;
}

function streamed(rows: unknown[][], cuts: number[], options: ReadTableOptions) {
  const reader = tableReader(options);
  for (const s of slices(rows, cuts)) reader.push(s);
  return reader.finish();
}

/** Row by row through ONE array refilled for every row, as the scoring worker unpacks them. */
function reused(rows: unknown[][], options: ReadTableOptions) {
  const reader = tableReader(options);
  const shared: unknown[] = [];
  for (const row of rows) {
    shared.length = 0;
    shared.push(...row);
    reader.pushRow(shared);
  }
  return reader.finish();
}

describe("tableReader", () => {
  const optionSets: [string, ReadTableOptions][] = [
    ["detected header", { sheetName: "Invoices", rowOffset: 3, columnOffset: 2 }],
    [
      "given mapping",
      { mapping: { customer: 0, invoiceNo: 1, invoiceDate: 2, dueDate: 3, amount: 4, paid: 5, status: 6 } },
    ],
    ["given header row", { headerRowIndex: 1 }],
    ["no header row", { headerRowIndex: -1, mapping: { customer: 0, dueDate: 3, amount: 4 } }],
    ["short scan", { maxScan: 2 }],
  ];
  it.each(optionSets)("gives readTable's result for any slicing (%s)", (_, options) => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        const whole = readTable(rows, options);
        expect(streamed(rows, cuts, options)).toEqual(whole);
        // The reader keeps no reference to a row it was given: a refilled array reads the same.
        expect(reused(rows, options)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("holds a blank-customer row until it knows whether a customer row follows", () => {
    const rows = [
      HEADER,
      ["Acme", "INV-1", 46000, 46030, 100, 0, "Open"],
      ["", "INV-2", 46000, 46030, 50, 0, "Open"], // a customer follows: an error row, not totals
      ["Beta Ltd", "INV-3", 46000, 46030, 70, 0, "Open"],
      ["", "", "", "", 220, "", ""], // nothing follows: the totals row
    ];
    const codes = (r: ReturnType<typeof readTable>) => r.issues.map((i) => `${i.row}:${i.code}`);
    // One row per slice: the blank-customer rows arrive before the reader can know what follows them.
    const oneByOne = streamed(rows, [1, 2, 3, 4], {});
    expect(codes(oneByOne)).toEqual(["3:MISSING_CUSTOMER", "5:TOTALS_ROW"]);
    expect(oneByOne.invoices.map((i) => i.invoiceNo)).toEqual(["INV-1", "INV-3"]);
    expect(oneByOne).toEqual(readTable(rows));
  });

  it("finds a header below the first slice", () => {
    const rows = [["Report"], [], HEADER, ["Acme", "INV-1", 46000, 46030, 100, 0, "Open"]];
    const r = streamed(rows, [1, 2], {});
    expect(r.headerRowIndex).toBe(2);
    expect(r.invoices).toHaveLength(1);
    expect(r.rowCount).toBe(1);
  });
});
