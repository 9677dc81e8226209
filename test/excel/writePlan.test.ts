/** Pure helpers of the write plan and the error mapping. */
import { SUSPECT_PAYLOAD_BYTES, isPayloadTooLarge, mapOfficeError } from "../../src/excel/errors";
import { bucketColor } from "../../src/excel/planFromScore";
import { locateHeaders } from "../../src/excel/readSource";
import {
  chunkEnd,
  columnLetter,
  joinWithinCell,
  MAX_CELL_TEXT,
  parseAddress,
  rectDifference,
  resolveFormula,
  safeText,
} from "../../src/excel/writePlan";

test("safeText prefixes formula-looking text with Excel's text prefix only", () => {
  expect(["=A1", "+1", "-x", "@sum", "ok", "", "1-30"].map(safeText)).toEqual([
    "'=A1",
    "'+1",
    "'-x",
    "'@sum",
    "ok",
    "",
    "1-30",
  ]);
});

test("addresses", () => {
  expect(columnLetter(0)).toBe("A");
  expect(columnLetter(26)).toBe("AA");
  expect(columnLetter(16383)).toBe("XFD");
  expect(parseAddress("'My sheet'!$B$2:D9")).toEqual({ row: 1, col: 1, rowCount: 8, colCount: 3 });
  expect(parseAddress("A:A")).toBeNull();
});

test("rectDifference covers exactly the cells of a outside b", () => {
  const a = { row: 0, col: 0, rowCount: 10, colCount: 5 };
  const b = { row: 2, col: 1, rowCount: 3, colCount: 2 };
  const parts = rectDifference(a, b);
  const area = parts.reduce((n, r) => n + r.rowCount * r.colCount, 0);
  expect(area).toBe(50 - 6);
  expect(rectDifference(a, null)).toEqual([a]);
  expect(rectDifference(a, a)).toEqual([]);
});

test("chunkEnd respects bytes and cells, always advances", () => {
  const bytes = [10, 10, 10, 10, 10];
  expect(chunkEnd(bytes, 0, 2, 25, 100)).toBe(2);
  expect(chunkEnd(bytes, 0, 2, 1000, 6)).toBe(3);
  expect(chunkEnd(bytes, 4, 2, 1, 1)).toBe(5);
});

test("resolveFormula adds our marker and resolves placeholders", () => {
  expect(resolveFormula({ id: "b", formula: "=LEN({col:x}{row})>0" }, () => 7, 1)).toBe(
    '=AND(N("crt:b")=0,LEN($H2)>0)',
  );
  expect(() => resolveFormula({ id: "b", formula: "{col:y}" }, () => undefined, 1)).toThrow();
});

test("bucket colours run green to red", () => {
  expect(bucketColor(0, 5)).toBe("#C6EFCE");
  expect(bucketColor(4, 5)).toBe("#FFC7CE");
});

test("locateHeaders finds our headers when a column was inserted before them", () => {
  const named = { row: 0, col: 4, rowCount: 3, colCount: 2 };
  expect(locateHeaders(["a", "b", "c", "d", "X", "Y"], 0, named, ["X", "Y"])).toEqual(named);
  expect(locateHeaders(["a", "b", "c", "d", "", "X", "Y"], 0, named, ["X", "Y"])).toEqual({
    ...named,
    col: 5,
  });
  expect(locateHeaders(["a", "b"], 0, named, ["X", "Y"])).toBeNull();
});

test("Office errors map to bilingual, actionable messages", () => {
  expect(mapOfficeError({ code: "AccessDenied" }).message.en).toMatch(/protected/);
  expect(mapOfficeError({ code: "InvalidOperation" }).message.en).toMatch(/busy/);
  expect(mapOfficeError({ code: "ActivityLimitReached" }).message.zh).toMatch(/正忙/);
  expect(mapOfficeError({ code: "ItemNotFound" }).code).toBe("ItemNotFound");
  expect(mapOfficeError(new Error("boom")).code).toBe("Unknown");
});

describe("payload refusals", () => {
  const err = (code: string) => Object.assign(new Error("x"), { code });
  test("both payload codes always mean 'retry smaller'", () => {
    expect(isPayloadTooLarge(err("RequestPayloadSizeLimitExceeded"))).toBe(true);
    expect(isPayloadTooLarge(err("ResponsePayloadSizeLimitExceeded"))).toBe(true);
  });
  test("GeneralException only on a payload large enough to be Excel on the web's refusal", () => {
    expect(isPayloadTooLarge(err("GeneralException"), SUSPECT_PAYLOAD_BYTES)).toBe(true);
    expect(isPayloadTooLarge(err("GeneralException"), SUSPECT_PAYLOAD_BYTES - 1)).toBe(false);
    expect(isPayloadTooLarge(err("GeneralException"))).toBe(false);
    expect(isPayloadTooLarge(err("AccessDenied"), 10_000_000)).toBe(false);
  });
});

test("joinWithinCell keeps whole items within the 32,767 characters a cell holds", () => {
  const refs = Array.from({ length: 3000 }, (_, k) => `REF-${String(k).padStart(8, "0")}`); // 12 chars each
  const text = joinWithinCell(refs, ", ");
  expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  // 12 + 14 × (n − 1) ≤ 32,767 → n = 2,340 items.
  expect(text.split(", ")).toEqual(refs.slice(0, 2340));
  expect(joinWithinCell(["a", "b"], "、")).toBe("a、b");
});
