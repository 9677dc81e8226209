/**
 * Short fuzz runs for `npm test` (2,000 cases per target, fixed seed so CI is deterministic). The long run is
 * `npm run fuzz` (scripts/fuzz.ts, ≥ 100,000 cases, random seed printed).
 */
import fc from "fast-check";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { readTable } from "../../src/engine/sheet/table";
import { checkPipeline, tableArb, TARGETS } from "./targets";

jest.setTimeout(60_000);

const SEED = 20250212;

test.each(TARGETS.map((t) => [t.name, t] as const))("%s: 2,000 hostile cases, invariants hold", (_n, t) => {
  fc.assert(t.property() as fc.IProperty<unknown>, { numRuns: 2000, seed: SEED });
});

test("the table generator reaches the interesting paths (scored rows, skipped rows, missing headers)", () => {
  let scored = 0;
  let skipped = 0;
  let noHeader = 0;
  for (const rows of fc.sample(tableArb, { numRuns: 500, seed: SEED })) {
    const r = readTable(rows);
    if (r.invoices.length > 0) scored++;
    if (r.issues.some((i) => i.severity === "error" && i.row > 0)) skipped++;
    if (r.headerRowIndex < 0) noHeader++;
  }
  expect(scored).toBeGreaterThan(150);
  expect(skipped).toBeGreaterThan(100);
  expect(noHeader).toBeGreaterThan(10);
});

test("the pipeline checker accepts a reported skipped row and surfaces caller errors", () => {
  // Sanity of the oracle: with a header-only table nothing is checked; with an unreadable amount the row is
  // skipped and its BAD_NUMBER issue satisfies the check; an invalid as-of date is an error the caller sees.
  const rows = [
    ["Customer", "Due Date", "Amount"],
    ["Acme", 45_000, "lots"],
    ["Acme", 45_000, 10],
  ];
  expect(() => checkPipeline(rows, DEFAULT_POLICY, 45_100)).not.toThrow();
  expect(() => checkPipeline(rows, DEFAULT_POLICY, 0)).toThrow(RangeError);
});
