import {
  columnIndex,
  columnLetters,
  evaluateFormula,
  formatRect,
  formatValue,
  parseAddress,
} from "../../src/workbook";
import { isTruthy } from "../../src/workbook/formula";

describe("number formats", () => {
  test.each([
    [1234.5, "General", "1234.5"],
    [0.1 + 0.2, "General", "0.3"],
    [1e12, "General", "1E+12"],
    [1234.5, "0", "1235"],
    [1234.567, "0.00", "1234.57"],
    [1234567.891, "#,##0", "1,234,568"],
    [-1234567.891, "#,##0.00", "-1,234,567.89"],
    [0.256, "0%", "26%"],
    [0.2567, "0.0%", "25.7%"],
    [45672, "yyyy-mm-dd", "2025-01-15"],
    [45672, "yyyy/m/d", "2025/1/15"],
    [45672, "dd/mm/yyyy", "15/01/2025"],
    [45672, "mm/dd/yyyy", "01/15/2025"],
    [45672, "m/d/yyyy", "1/15/2025"],
    [45672, "d-mmm-yy", "15-Jan-25"],
    [61, "yyyy-mm-dd", "1900-03-01"],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [-1234.5, "$#,##0.00;($#,##0.00)", "($1,234.50)"],
    [0, '#,##0;-#,##0;"-"', "-"],
    [1200, "[$¥-804]#,##0", "¥1,200"],
    ["text", "@", "text"],
    [12, "@", "12"],
    [true, "0.00", "TRUE"],
    ["", "0.00", ""],
  ])("%p with %p -> %p", (value, fmt, text) => {
    expect(formatValue(value, fmt)).toBe(text);
  });
});

describe("addresses", () => {
  test("letters round-trip", () => {
    for (const c of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(c))).toBe(c);
    expect(columnLetters(27)).toBe("AB");
  });
  test("parse and format", () => {
    expect(parseAddress("'My Sheet'!B2:C3")).toEqual({ sheet: "My Sheet", r0: 1, c0: 1, r1: 2, c1: 2 });
    expect(parseAddress("C3:A1")).toEqual({ r0: 0, c0: 0, r1: 2, c1: 2 });
    expect(formatRect(parseAddress("A:A"))).toBe("A:A");
    expect(formatRect(parseAddress("3:3"))).toBe("3:3");
    expect(formatRect(parseAddress("B2"), true)).toBe("$B$2");
    expect(() => parseAddress("A")).toThrow();
    expect(() => parseAddress("1A")).toThrow();
  });
});

describe("conditional-format formula evaluator", () => {
  const grid: Record<string, string | number | boolean> = { A1: 5, B1: "x", A2: 95, B2: "91+", C2: "" };
  const read = (r: number, c: number): string | number | boolean => grid[`${columnLetters(c)}${r + 1}`] ?? "";
  test.each([
    ["=A1>3", 0, true],
    ["=$A1>90", 1, true],
    ['=$B1="91+"', 1, true],
    ['=b1="X"', 0, true],
    ["=LEN($C1)>0", 1, false],
    ["=LEN($B1)>0", 1, true],
    ['=AND($A1>=90,$B1<>"x")', 1, true],
    ['=OR($A1<0,$B1="nope")', 0, false],
    ["=NOT(ISBLANK(A1))", 0, true],
    ["=A1*2+1=11", 0, true],
    ["=$A$1=5", 1, true],
    ['="a"&"b"="AB"', 0, true],
    ["=C2=0", 0, true],
    ["=A1/0", 0, "#DIV/0!"],
  ])("%s (row offset %d)", (f, dr, expected) => {
    expect(evaluateFormula(f, read, dr, 0)).toBe(expected);
  });
  test("unknown functions throw", () => {
    expect(() => evaluateFormula("=XLOOKUP(A1,B1,C1)", read)).toThrow();
  });
  test("errors propagate (an error cell never paints), overflow is #NUM!, % divides by 100", () => {
    const withError = (r: number, c: number) => (r === 0 && c === 3 ? "#N/A" : read(r, c));
    expect(evaluateFormula("=LEN(D1)>0", withError)).toBe("#N/A");
    expect(isTruthy(evaluateFormula("=LEN(D1)>0", withError))).toBe(false);
    expect(evaluateFormula("=10^400", read)).toBe("#NUM!");
    expect(evaluateFormula("=A1*10%", read)).toBe(0.5);
  });
});
