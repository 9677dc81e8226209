/** Packing rows into transferable typed arrays (src/taskpane/packedRows.ts): exact round trips. */
import fc from "fast-check";
import { columnPacker, packCells, packRows, transferables, unpackRows } from "../../src/taskpane/packedRows";

const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.string(),
  fc.constantFrom("", "1-30", "未到期", "=A1", "L-1"),
  fc.boolean(),
  fc.constant(null),
);

function roundTrip(rows: unknown[][], start?: number, end?: number): unknown[][] {
  const out: unknown[][] = [];
  unpackRows(structuredClone(packRows(rows, start, end)), (row) => out.push(row));
  return out;
}

test("rows of numbers, text, booleans and null come back exactly (-0 and NaN included)", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 40 }), (rows) => {
      expect(roundTrip(rows)).toEqual(rows);
    }),
  );
  expect(Object.is(roundTrip([[-0]])[0][0], -0)).toBe(true);
});

test("a slice, ragged rows padded with null, repeated strings stored once, other values cloned", () => {
  const rows: unknown[][] = [["a", 1], ["a", 2, true], ["b"], [{ x: 1 }, "a"]];
  expect(roundTrip(rows, 1, 3)).toEqual([
    ["a", 2, true],
    ["b", null, null],
  ]);
  const packed = packRows(rows);
  expect(packed.strings).toEqual(["a", "b"]);
  expect(roundTrip(rows)[3]).toEqual([{ x: 1 }, "a", null]);
  expect(transferables(packed)).toEqual([packed.kinds.buffer, packed.numbers.buffer]);
  const block = packCells(2, 2, (r, c) => r * 2 + c);
  const out: unknown[][] = [];
  unpackRows(block, (row) => out.push(row));
  expect(out).toEqual([
    [0, 1],
    [2, 3],
  ]);
});

test("a column of distinct strings (invoice numbers) beside repeated labels: exact, labels still stored once", () => {
  const labels = ["Current", "1-30", "31-60"];
  const rows: unknown[][] = Array.from({ length: 3000 }, (_, i) => [
    // distinct for the first 2,000 rows, then repeats of earlier ones (after the column was judged distinct)
    i < 2000 ? `L-${i}` : `L-${i % 7}`,
    labels[i % 3],
    i % 5 === 0 ? "" : i,
  ]);
  expect(roundTrip(rows)).toEqual(rows);
  const packed = packRows(rows);
  expect(packed.strings.filter((s) => labels.includes(s))).toEqual(labels);
  // A column judged distinct appends its strings: 2,000 distinct numbers + 1,000 later repeats + 3 labels.
  expect(packed.strings.length).toBe(3003);
});

test("columns packed with their rows' JSON sizes: exact cells and sizes over blocks, each distinct text made once", () => {
  const column = fc.array(
    fc.oneof(
      fc.double(),
      fc.integer(),
      fc.nat(),
      fc.string(),
      fc.constantFrom("", "1-30", "逾期超过90天", "=A1", '"q"', "\u0001"),
    ),
    { minLength: 0, maxLength: 30 },
  );
  fc.assert(
    fc.property(
      fc.array(column, { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 7 }),
      (columns, size) => {
        const count = Math.max(...columns.map((c) => c.length));
        const made = new Map<string, number>();
        const pack = columnPacker((s) => {
          made.set(s, (made.get(s) ?? 0) + 1);
          const text = s.startsWith("=") ? `'${s}` : s;
          return { text, bytes: new TextEncoder().encode(JSON.stringify(text)).length };
        });
        for (let start = 0; start < count; start += size) {
          const n = Math.min(size, count - start);
          const { packed, rowBytes } = pack(columns, start, n);
          const rows: unknown[][] = [];
          unpackRows(structuredClone(packed), (row) => rows.push(row));
          const expected = Array.from({ length: n }, (_, r) =>
            columns.map((c) => {
              const v = c[start + r];
              if (typeof v === "number") return Number.isFinite(v) ? v : "";
              return v === undefined ? "" : v.startsWith("=") ? `'${v}` : v;
            }),
          );
          expect(rows).toEqual(expected);
          expect(Array.from(rowBytes)).toEqual(
            expected.map((row) => new TextEncoder().encode(JSON.stringify(row)).length),
          );
        }
        for (const times of made.values()) expect(times).toBe(1);
      },
    ),
  );
});
