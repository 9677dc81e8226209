import fc from "fast-check";
import { addBusinessDays, isNonBusinessDay, nextBusinessDay, parseDateText } from "../../src/engine/dates";
import { isoFromSerial, serialFromYmd, weekday } from "../../src/engine/serial";

const s = (y: number, m: number, d: number): number => serialFromYmd(y, m, d)!;

describe("parseDateText", () => {
  it.each([
    ["2025-01-15", s(2025, 1, 15)],
    ["2025-1-5", s(2025, 1, 5)],
    [" 2024-02-29 ", s(2024, 2, 29)],
    ["2025-01-15T10:30", s(2025, 1, 15)],
    ["2025-01-15 23:59:59", s(2025, 1, 15)],
    ["2025年1月15日", s(2025, 1, 15)],
    ["2025 年 12 月 31 日", s(2025, 12, 31)],
    ["2025年1月15号", s(2025, 1, 15)],
    ["２０２５年１月１５日", s(2025, 1, 15)],
    ["２０２５－０１－１５", s(2025, 1, 15)],
    ["1900-02-29", 60],
    ["1900-03-01", 61],
  ])("reads %j", (text, serial) => {
    expect(parseDateText(text)).toBe(serial);
  });

  it.each([
    "",
    "abc",
    "2025/01/15",
    "15/01/2025",
    "2025-02-29",
    "2025-13-01",
    "1899-12-31",
    "10000-01-01",
    "2025-01-15x",
    "2025年1月",
  ])("rejects %j", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it("never throws, on any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string()),
        (text) => {
          const r = parseDateText(text);
          expect(r === null || (Number.isInteger(r) && r >= 1)).toBe(true);
        },
      ),
    );
  });
});

describe("business days", () => {
  const none = new Set<number>();
  it("keeps a business day and moves weekends to Monday", () => {
    expect(nextBusinessDay(s(2025, 1, 15), none)).toBe(s(2025, 1, 15));
    expect(isoFromSerial(nextBusinessDay(s(2025, 1, 18), none))).toBe("2025-01-20");
    expect(isoFromSerial(nextBusinessDay(s(2025, 1, 19), none))).toBe("2025-01-20");
  });

  it("skips holidays, including runs of them across a weekend", () => {
    const holidays = new Set([s(2025, 1, 20), s(2025, 1, 21)]);
    expect(isoFromSerial(nextBusinessDay(s(2025, 1, 18), holidays))).toBe("2025-01-22");
    expect(isNonBusinessDay(s(2025, 1, 21), holidays)).toBe(true);
  });

  it("adds business days like WORKDAY", () => {
    expect(isoFromSerial(addBusinessDays(s(2025, 1, 17), 1, none))).toBe("2025-01-20");
    expect(isoFromSerial(addBusinessDays(s(2025, 1, 20), -1, none))).toBe("2025-01-17");
    expect(isoFromSerial(addBusinessDays(s(2025, 1, 15), 10, new Set([s(2025, 1, 20)])))).toBe("2025-01-30");
    expect(addBusinessDays(s(2025, 1, 15), 0, none)).toBe(s(2025, 1, 15));
  });

  it("always lands on a business day on or after the start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 2_900_000 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 20 })),
        (start, offsets) => {
          const holidays = new Set(offsets.map((o) => start + o));
          const r = nextBusinessDay(start, holidays);
          expect(r).toBeGreaterThanOrEqual(start);
          expect(holidays.has(r)).toBe(false);
          expect([0, 6]).not.toContain(weekday(r));
        },
      ),
    );
  });
});
