import fc from "fast-check";
import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import { readTable } from "../../../src/engine/sheet/table";
import { isBlank } from "../../../src/engine/sheet/normalize";
import type { ScoreResult } from "../../../src/engine/pipeline/types";
import type { ReadTableResult } from "../../../src/engine/sheet/table";
import { d } from "./fixture";

const AS_OF = d(2025, 6, 30);

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 3000000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(""),
  fc.constantFrom("Acme", "Beta", "客户甲", "Total", "合计", "Paid", "Disputed", "Open", "已付"),
  fc.constantFrom(
    "$1,200.50",
    "(300)",
    "1,200-",
    "¥1,200",
    "#N/A",
    "12%",
    "1.200,50",
    "Net 30",
    "2/10 Net 30",
    "EOM",
  ),
  fc.constantFrom("2025-01-15", "03/04/2025", "25/04/2025", "2025年1月15日", "15-Jan-2025", "31/02/2025"),
  fc.integer({ min: 44000, max: 46000 }),
);

const HEADER = [
  "Customer",
  "Invoice No",
  "Invoice Date",
  "Due Date",
  "Terms",
  "Amount",
  "Paid",
  "Balance",
  "Paid Date",
  "Status",
  "Credit Limit",
  "Insured Limit",
];

const randomTable = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 });
const headedTable = fc
  .array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 40 })
  .map((rows) => [HEADER, ...rows]);

function checkInvariants(t: ReadTableResult, r: ScoreResult, rows: unknown[][]): void {
  let sumOpen = 0;
  for (const s of r.invoices) sumOpen += s.openBalance;
  const tol = 1e-6 * (1 + Math.abs(sumOpen));
  expect(Math.abs(r.portfolio.totalExposure - sumOpen)).toBeLessThanOrEqual(tol);
  const bucketSum = r.portfolio.buckets.reduce((s, b) => s + b.amount, 0);
  expect(Math.abs(bucketSum - r.portfolio.totalExposure)).toBeLessThanOrEqual(tol);
  const custSum = r.customers.reduce((s, c) => s + c.exposure, 0);
  expect(Math.abs(custSum - r.portfolio.totalExposure)).toBeLessThanOrEqual(tol);
  for (const c of r.customers) {
    const b = c.buckets.reduce((s, x) => s + x, 0);
    expect(Math.abs(b - c.exposure)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(c.exposure)));
    if (c.score !== null) expect(c.score).toBeGreaterThanOrEqual(0);
  }
  // Every non-blank data row is scored or has an error/totals issue on its row.
  if (t.mappingProblems.length === 0 && t.headerRowIndex >= 0) {
    const issueRows = new Set(
      t.issues.filter((i) => i.severity === "error" || i.code === "TOTALS_ROW").map((i) => i.row),
    );
    const mapped = Object.values(t.mapping) as number[];
    for (let i = t.firstDataIndex; i < rows.length; i++) {
      const row = Array.isArray(rows[i]) ? rows[i]! : [];
      const blank = mapped.every((c) => isBlank(row[c]));
      const scored = r.rows[i - t.firstDataIndex] !== null;
      if (!blank) expect(scored || issueRows.has(i + 1)).toBe(true);
      if (scored) expect(issueRows.has(i + 1)).toBe(false);
    }
    expect(t.invoices.length + t.blankRows + t.totalRowsSkipped + t.errorRowsSkipped).toBe(t.rowCount);
  }
}

describe("properties", () => {
  test("readTable and scoreTable never throw on random tables", () => {
    fc.assert(
      fc.property(randomTable, (rows) => {
        const t = readTable(rows);
        const r = scoreTable(t, undefined, DEFAULT_POLICY, AS_OF);
        checkInvariants(t, r, rows);
      }),
      { numRuns: 300 },
    );
  });

  test("invariants on random rows under a full header, with either date order", () => {
    fc.assert(
      fc.property(headedTable, fc.constantFrom(null, "DMY", "MDY"), fc.boolean(), (rows, order, comma) => {
        const policy = mergePolicy({
          dateOrder: order as "DMY" | "MDY" | null,
          decimalComma: comma,
          defaultTerms: "Net 30",
        });
        const t = readTable(rows, { policy });
        const r = scoreTable(t, undefined, policy, AS_OF);
        checkInvariants(t, r, rows);
        expect(r.rows).toHaveLength(rows.length - 1);
      }),
      { numRuns: 300 },
    );
  });

  test("100,000 generated rows score and the totals add up", () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows: unknown[][] = [
      [
        "Customer",
        "Invoice No",
        "Invoice Date",
        "Due Date",
        "Amount",
        "Paid",
        "Paid Date",
        "Status",
        "Credit Limit",
      ],
    ];
    let expectedOpen = 0;
    for (let i = 0; i < 100000; i++) {
      const inv = AS_OF - Math.floor(rand() * 400);
      const due = inv + 30;
      const amount = Math.round(rand() * 100000) / 100;
      const paid = rand() < 0.6;
      const paidDate = paid ? Math.min(AS_OF, due + Math.floor(rand() * 60) - 10) : "";
      if (!paid) expectedOpen += amount;
      rows.push([
        `Customer ${i % 997}`,
        `INV${i}`,
        inv,
        due,
        amount,
        paid ? amount : "",
        paidDate,
        paid ? "Paid" : "Open",
        50000,
      ]);
    }
    const r = scoreTable(rows, undefined, DEFAULT_POLICY, AS_OF);
    expect(r.invoices).toHaveLength(100000);
    expect(r.customers).toHaveLength(997);
    expect(r.portfolio.totalExposure).toBeCloseTo(expectedOpen, 2);
    const bucketSum = r.portfolio.buckets.reduce((s, b) => s + b.amount, 0);
    expect(bucketSum).toBeCloseTo(expectedOpen, 2);
    expect(r.customers.reduce((s, c) => s + c.exposure, 0)).toBeCloseTo(expectedOpen, 2);
    expect(r.provision.method).toBe("rollRate");
  });
});
