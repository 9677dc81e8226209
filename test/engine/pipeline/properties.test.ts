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
  // Per currency: Σ open balances = exposure = open debit − unapplied credit; buckets hold debit only.
  const open = new Map<string, { net: number; debit: number; scale: number }>();
  for (const s of r.invoices) {
    const e = open.get(s.currency) ?? { net: 0, debit: 0, scale: 0 };
    e.net += s.openBalance;
    if (s.openBalance > 0) e.debit += s.openBalance;
    e.scale += Math.abs(s.openBalance);
    open.set(s.currency, e);
    // v2: only open debit rows are aged, carry days past due or breaches.
    if (s.kind !== "debit") {
      expect([s.daysPastDue, s.bucketIndex, s.breaches.length]).toEqual([null, null, 0]);
    } else expect(s.openBalance).toBeGreaterThan(0);
  }
  for (const x of r.portfolio.byCurrency) {
    const e = open.get(x.currency) ?? { net: 0, debit: 0, scale: 0 };
    const tol = 1e-6 * (1 + e.scale);
    expect(Math.abs(x.exposure - e.net)).toBeLessThanOrEqual(tol);
    expect(Math.abs(x.openDebit - e.debit)).toBeLessThanOrEqual(tol);
    expect(Math.abs(x.exposure - (x.openDebit - x.unappliedCredit))).toBeLessThanOrEqual(tol);
    const bucketSum = x.buckets.reduce((s, b) => s + b.amount, 0);
    expect(Math.abs(bucketSum - x.openDebit)).toBeLessThanOrEqual(tol);
    for (const b of x.buckets) expect(b.amount).toBeGreaterThanOrEqual(0);
    expect(x.overdue).toBeGreaterThanOrEqual(0);
    if (x.pctOver90 !== null) expect(x.pctOver90 >= 0 && x.pctOver90 <= 1 + 1e-12).toBe(true);
    const custSum = r.customers.reduce(
      (s, c) => s + (c.byCurrency.find((y) => y.currency === x.currency)?.exposure ?? 0),
      0,
    );
    expect(Math.abs(custSum - x.exposure)).toBeLessThanOrEqual(tol);
  }
  // Base-currency figures exist exactly when no rate is missing.
  expect(r.portfolio.totalExposure === null).toBe(r.portfolio.missingRates.length > 0);
  for (const c of r.customers) {
    if (c.buckets !== null && c.openDebit !== null) {
      const b = c.buckets.reduce((s, x) => s + x, 0);
      expect(Math.abs(b - c.openDebit)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(c.openDebit)));
    }
    if (c.score !== null) expect(c.score).toBeGreaterThanOrEqual(0);
    // A cap can only lower the grade.
    if (c.grade !== null && c.scoreGrade !== null) expect(c.grade >= c.scoreGrade).toBe(true);
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
    const bucketSum = r.portfolio.buckets!.reduce((s, b) => s + b.amount, 0);
    expect(bucketSum).toBeCloseTo(expectedOpen, 2);
    expect(r.customers.reduce((s, c) => s + c.exposure!, 0)).toBeCloseTo(expectedOpen, 2);
    // The default method is the policy's rates (roll rates only when the analyst chooses them).
    expect(r.provision.method).toBe("policy");
  });
});
