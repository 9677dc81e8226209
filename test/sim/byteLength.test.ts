/** The simulator's request/response byte counter equals TextEncoder's UTF-8 length, without encoding. */
import fc from "fast-check";
import { byteLength } from "../../src/workbook/office/jsonSize";

const encoder = new TextEncoder();

test("byteLength is the UTF-8 length TextEncoder produces, for any text (lone surrogates included)", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => {
      expect(byteLength(s)).toBe(encoder.encode(s).length);
    }),
    { numRuns: 2000 },
  );
  for (const s of [
    "",
    "abc",
    "a long ASCII prefix, then 月结30天",
    `${"x".repeat(5000)}😀`,
    "é",
    "月结30天",
    "😀",
    "\ud83d",
    "\ude00x",
    "a\ud83d\ude00b",
  ])
    expect([s, byteLength(s)]).toEqual([s, encoder.encode(s).length]);
});
