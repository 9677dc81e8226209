/** Metadata-driven coercion (coerce.ts) with Excel-shaped inputs. */
import { makeCoercer, numberFromText } from "../../src/functions/coerce";
import { ArgError } from "../../src/functions/errors";
import type { ParamSpec } from "../../src/functions/types";

const base = {
  type: "any",
  dimensionality: "scalar",
  optional: true,
  description: { en: "x", zh: "x" },
} as const;
const p = (kind: ParamSpec["kind"], extra: Partial<ParamSpec> = {}): ParamSpec => ({
  ...base,
  name: "arg",
  kind,
  ...extra,
});

function err(fn: () => unknown): ArgError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArgError) return e;
    throw e;
  }
  throw new Error("expected an ArgError");
}

describe("numbers", () => {
  const c = makeCoercer(p("number"));
  it("reads numbers, number text and 1x1 ranges; empties are not given", () => {
    expect(c(12.5)).toBe(12.5);
    expect(c(" 1,200.50 ")).toBe(1200.5);
    expect(c("5%")).toBe(0.05);
    expect(c("-3e2")).toBe(-300);
    expect(c([[7]])).toBe(7);
    expect(c([7])).toBe(7);
    expect(c("")).toBeNull();
    expect(c(null)).toBeNull();
    expect(c(undefined)).toBeNull();
    expect(c([[""]])).toBeNull();
  });
  it("rejects text, booleans, ranges, non-finite values", () => {
    expect(err(() => c("abc")).code).toBe("invalidValue");
    expect(err(() => c("abc")).en).toBe('arg: expected a number, got "abc"');
    expect(err(() => c(true)).code).toBe("invalidValue");
    expect(err(() => c([[1], [2]])).en).toContain("single cell");
    expect(err(() => c(NaN)).code).toBe("invalidNumber");
    expect(err(() => c(Infinity)).code).toBe("invalidNumber");
  });
  it("applies empty-as-zero, zero-is-empty, integer and range rules", () => {
    expect(makeCoercer(p("number", { emptyAsZero: true }))("")).toBe(0);
    expect(makeCoercer(p("number", { zeroIsEmpty: true }))(0)).toBeNull();
    expect(err(() => makeCoercer(p("number", { integer: true }))(1.5)).code).toBe("invalidValue");
    expect(err(() => makeCoercer(p("number", { min: 0, max: 1 }))(2)).code).toBe("invalidNumber");
  });
  it("a required parameter that is empty is #N/A naming it", () => {
    const e = err(() => makeCoercer(p("number", { optional: false }))(""));
    expect(e.code).toBe("notAvailable");
    expect(e.en).toBe("arg is empty");
    expect(makeCoercer(p("number", { optional: false, allowEmpty: true }))("")).toBeNull();
  });
  it("numberFromText", () => {
    expect(numberFromText("1,234,567")).toBe(1234567);
    expect(numberFromText("12,34")).toBeNull();
    expect(numberFromText("$5")).toBeNull();
    expect(numberFromText(".5")).toBe(0.5);
  });
});

describe("dates", () => {
  const c = makeCoercer(p("date"));
  it("serials (fractions dropped), text, no-date values", () => {
    expect(c(45672.9)).toBe(45672);
    expect(c("2025-01-15")).toBe(45672);
    expect(c("2025年1月15日")).toBe(45672);
    expect(c(0)).toBeNull();
    expect(c(0.5)).toBeNull();
    expect(c(-1)).toBeNull();
    expect(c("")).toBeNull();
    expect(c([[45672]])).toBe(45672);
  });
  it("bad text is #VALUE!, beyond 9999 is #NUM!", () => {
    expect(err(() => c("01/15/2025")).en).toContain('"01/15/2025" is not a date');
    expect(err(() => c(3e6)).code).toBe("invalidNumber");
    expect(err(() => c(false)).code).toBe("invalidValue");
  });
});

describe("terms, booleans, strings, lists", () => {
  it("terms: text, numbers as net days, empties", () => {
    const c = makeCoercer(p("terms"));
    expect(c("Net 30")).toMatchObject({ kind: "net", netDays: 30 });
    expect(c(60)).toMatchObject({ kind: "net", netDays: 60 });
    expect(c(0)).toBeNull();
    expect(c(" ")).toBeNull();
    expect(err(() => c("Net thirty")).en).toBe('unrecognised payment terms: "Net thirty"');
    expect(err(() => c("Net thirty")).zh).toContain("无法识别的付款条件");
  });
  it("booleans", () => {
    const c = makeCoercer(p("boolean"));
    expect(c(true)).toBe(true);
    expect(c(0)).toBe(false);
    expect(c("TRUE")).toBe(true);
    expect(c("否")).toBe(false);
    expect(c("")).toBeNull();
    expect(err(() => c("perhaps")).code).toBe("invalidValue");
  });
  it("strings with choices", () => {
    const c = makeCoercer(p("string", { choices: { public: "public", nonmfg: "nonmfg" } }));
    expect(c(" Public ")).toBe("public");
    expect(c("NON-MFG")).toBe("nonmfg");
    expect(c("")).toBeNull();
    expect(err(() => c("bank")).en).toBe('arg: "bank" is not one of "public", "nonmfg"');
  });
  it("lists take rows, columns and blocks, skipping empty cells", () => {
    const c = makeCoercer(p("numberList", { dimensionality: "matrix" }));
    expect(c([[1, "", 2]])).toEqual([1, 2]);
    expect(c([[1], [null], [3]])).toEqual([1, 3]);
    expect(
      c([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([1, 2, 3, 4]);
    expect(c(5)).toEqual([5]);
    expect(c([[""]])).toBeNull();
    expect(err(() => c([[1, "x"]])).en).toContain('"x"');
    const cells = makeCoercer(p("numberCells", { dimensionality: "matrix" }));
    expect(
      cells([
        [1, ""],
        [3, 4],
      ]),
    ).toEqual([1, null, 3, 4]);
    const strings = makeCoercer(p("stringList", { dimensionality: "matrix" }));
    expect(strings([[" a ", "", 3]])).toEqual(["a", "3"]);
  });
  it("holidays: a range of dates (possibly empty), TRUE / FALSE", () => {
    const c = makeCoercer(p("holidays", { dimensionality: "matrix" }));
    expect(c(null)).toBeNull();
    expect(c([[""]])).toEqual(new Set());
    expect(c([[45672, "2025-01-16", 0, ""]])).toEqual(new Set([45672, 45673]));
    expect(c([[true]])).toEqual(new Set());
    expect(c(false)).toBeNull();
  });
  it("a cell error argument is rethrown as is", () => {
    const cellError = { code: "#REF!", message: "gone" };
    expect(() => makeCoercer(p("number"))(cellError)).toThrow(expect.objectContaining({ code: "#REF!" }));
    expect(() => makeCoercer(p("numberList"))([[1, cellError]])).toThrow(
      expect.objectContaining({ code: "#REF!" }),
    );
  });
});
