/** The duplicate finder of the data-quality check agrees with the obvious Map of Maps, for any groups and keys. */
import fc from "fast-check";
import { firstOccurrences } from "../../../src/engine/pipeline/firstOccurrence";

/** The definition, written plainly: first index per (group, key); -1 without a key. */
function reference(items: readonly { g: string; k: string | undefined }[]): number[] {
  const seen = new Map<string, Map<string, number>>();
  return items.map(({ g, k }, i) => {
    if (k === undefined) return -1;
    let byKey = seen.get(g);
    if (!byKey) seen.set(g, (byKey = new Map()));
    const first = byKey.get(k);
    if (first !== undefined) return first;
    byKey.set(k, i);
    return i;
  });
}

const run = (items: readonly { g: string; k: string | undefined }[]) =>
  Array.from(
    firstOccurrences(
      items.length,
      (i) => items[i].g,
      (i) => items[i].k,
    ),
  );

test("first occurrence per group and key, as a Map of Maps finds it (few distinct values: many repeats)", () => {
  const item = fc.record({
    g: fc.constantFrom("", "a", "b", "ab", "月结"),
    k: fc.option(fc.constantFrom("", "1", "a", "b", "ab", "INV-1", "INV-1 ", "\ud83d"), { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 200 }), (items) => expect(run(items)).toEqual(reference(items))),
  );
});

test("any strings, and a large table with keys repeated across groups", () => {
  const item = fc.record({ g: fc.string(), k: fc.option(fc.string({ unit: "binary" }), { nil: undefined }) });
  fc.assert(fc.property(fc.array(item), (items) => expect(run(items)).toEqual(reference(items))));
  const big = Array.from({ length: 50_000 }, (_, i) => ({ g: `C${i % 7}`, k: `L-${i % 20_011}` }));
  expect(run(big)).toEqual(reference(big));
});
