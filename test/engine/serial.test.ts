import fc from "fast-check";
import {
  MAX_SERIAL,
  dayOfMonthAfter,
  endOfMonth,
  isoFromSerial,
  serialFromYmd,
  weekday,
  ymdFromSerial,
} from "../../src/engine/serial";

describe("serial (1900 date system)", () => {
  it("matches Excel's anchors, including the phantom 1900-02-29", () => {
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
    expect(serialFromYmd(1900, 2, 29)).toBe(60);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(2025, 1, 15)).toBe(45672);
    expect(serialFromYmd(9999, 12, 31)).toBe(MAX_SERIAL);
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(isoFromSerial(61)).toBe("1900-03-01");
  });

  it("rejects dates that do not exist", () => {
    expect(serialFromYmd(2025, 2, 29)).toBeNull();
    expect(serialFromYmd(1899, 12, 31)).toBeNull();
    expect(serialFromYmd(2024, 13, 1)).toBeNull();
  });

  it("weekday follows Excel (serial 1 is a Sunday, 2025-01-15 a Wednesday)", () => {
    expect(weekday(1)).toBe(0);
    expect(weekday(45672)).toBe(3);
  });

  it("end of month handles leap years and 1900", () => {
    expect(isoFromSerial(endOfMonth(serialFromYmd(2024, 2, 10)!))).toBe("2024-02-29");
    expect(isoFromSerial(endOfMonth(serialFromYmd(2023, 2, 10)!))).toBe("2023-02-28");
    expect(endOfMonth(59)).toBe(60);
    expect(isoFromSerial(dayOfMonthAfter(serialFromYmd(2025, 12, 31)!, 1, 31)!)).toBe("2026-01-31");
  });

  it("round-trips every serial through y/m/d", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (s) => {
        const { year, month, day } = ymdFromSerial(s);
        expect(serialFromYmd(year, month, day)).toBe(s);
      }),
    );
  });
});
