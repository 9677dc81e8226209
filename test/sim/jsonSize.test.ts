/** The simulator sizes requests and responses without building their JSON: always exactly what the text would be. */
import fc from "fast-check";
import { byteLength, jsonByteLength, jsonStringBytes } from "../../src/workbook/office/jsonSize";

/** The definition: the UTF-8 length of JSON.stringify's text ("null" for what it leaves out). */
const expected = (v: unknown) => new TextEncoder().encode(JSON.stringify(v) ?? "null").length;

test("any JSON value, any text (lone surrogates, control characters, quotes) measures as its JSON text", () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      expect(jsonByteLength(v)).toBe(expected(v));
    }),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => {
      expect(jsonStringBytes(s)).toBe(expected(s));
      expect(jsonByteLength([[s, s], [s]])).toBe(expected([[s, s], [s]]));
    }),
    { numRuns: 3000 },
  );
});

test("cell grids as Range.values carries them: numbers of every size, non-finite numbers, holes, undefined", () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, 1e15, -1e15, 999999999999999, 1e21, 1e-7, 123.456, NaN, Infinity, -Infinity),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ unit: "grapheme" }),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell)), (grid) => {
      expect(jsonByteLength(grid)).toBe(expected(grid));
    }),
    { numRuns: 2000 },
  );
  // eslint-disable-next-line no-sparse-arrays
  const holes = [1, , 3];
  expect(jsonByteLength(holes)).toBe(expected(holes));
});

test("requests as the simulator queues them: objects with undefined or function members, toJSON, dates, classes", () => {
  class Proxyish {
    constructor(readonly path: string) {}
    toJSON() {
      return { path: this.path, loaded: ["values"] };
    }
  }
  class Plain {
    a = 1;
    b = "é";
  }
  const samples: unknown[] = [
    [
      { o: "wb.worksheets", a: "getItem", v: ["Sheet1"] },
      { o: "x", a: "load", p: undefined },
    ],
    { v: [new Proxyish("wb.names"), () => 1, Symbol("s")], f: () => 1, u: undefined, n: null },
    { d: new Date(Date.UTC(2025, 0, 15)), p: new Plain(), o: Object.create(null) as object },
    [new Number(3), new String("ab"), new Boolean(false)],
    undefined,
    () => 1,
    { 'key "quoted"\n': "月结30天", "\ud83d": "\ude00" },
  ];
  for (const v of samples) expect([v, jsonByteLength(v)]).toEqual([v, expected(v)]);
  let deep: unknown = "x";
  for (let i = 0; i < 200; i++) deep = i % 2 ? [1, deep] : { k: deep, é: 2 };
  expect(jsonByteLength(deep)).toBe(byteLength(JSON.stringify(deep)));
});

test("what JSON.stringify refuses is refused alike", () => {
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  expect(() => jsonByteLength(cyclic)).toThrow(TypeError);
  expect(() => jsonByteLength({ n: BigInt(1) })).toThrow(TypeError);
});

test("numbers as String() writes them: integers, amounts with cents, and the rest, at every magnitude", () => {
  const cents = fc.integer({ min: -1e15, max: 1e15 }).map((k) => k / 100);
  const scaled = fc
    .tuple(fc.double({ noNaN: true }), fc.integer({ min: -20, max: 20 }))
    .map(([d, e]) => d * 10 ** e);
  fc.assert(
    fc.property(fc.oneof(cents, scaled, fc.double(), fc.integer()), (x) => {
      expect(jsonByteLength([x])).toBe(expected([x]));
    }),
    { numRuns: 20000 },
  );
  for (const x of [
    0.01,
    0.1,
    0.3,
    0.1 + 0.2,
    1.005,
    9999999999999.99,
    1e13 - 0.01,
    1e13 + 0.5,
    99999.95,
    -0.05,
  ])
    expect([x, jsonByteLength(x)]).toEqual([x, expected(x)]);
  // A row shared by reference (the writer's number-format column) counts once per reference.
  const row = ["0.00%"];
  const shared = [row, row, row, [undefined], [undefined]];
  expect(jsonByteLength(shared)).toBe(expected(shared));
});
