/**
 * The workbook model evaluates formula cells itself (no playground needed), with Excel's information functions and
 * every function the add-in's rules use; an unknown function reads #NAME?, as in Excel. Expected values follow the
 * Microsoft function reference pages cited in src/workbook/formula/functions/.
 */
import { serialFromYmd } from "../../src/engine/serial";
import { SimWorkbook } from "../../src/workbook";

/** Evaluates each formula in a sheet whose A1:C3 hold fixed values; returns the computed values. */
function compute(formulas: string[]): unknown[] {
  const wb = new SimWorkbook();
  wb.loadWorkbook([
    {
      name: "S",
      values: [[5, "text", true], ["", "#N/A", 45672], ["#DIV/0!", "12", false], formulas],
    },
  ]);
  return wb.getValues("S")[3]!;
}

test("N and T (information functions)", () => {
  expect(compute(['=N("crt:breach")', "=N(A1)", "=N(C1)", "=N(C3)", "=N(C2)", "=N(B2)", "=N(A2)"])).toEqual([
    0,
    5,
    1,
    0,
    45672,
    "#N/A",
    0,
  ]);
  expect(compute(['=T("x")', "=T(A1)", "=T(B1)", "=T(B2)"])).toEqual(["x", "", "text", "#N/A"]);
});

test("IS functions answer for any value and never pass errors on", () => {
  expect(
    compute([
      "=ISNUMBER(A1)",
      "=ISNUMBER(B3)",
      "=ISTEXT(B1)",
      "=ISTEXT(A1)",
      "=ISBLANK(A2)",
      "=ISBLANK(A1)",
      "=ISERROR(B2)",
      "=ISERROR(A1)",
      "=ISNA(B2)",
      "=ISNA(A3)",
      "=ISERR(A3)",
      "=ISERR(B2)",
      "=ISLOGICAL(C1)",
      "=ISNONTEXT(A1)",
    ]),
  ).toEqual([true, false, true, false, true, false, true, false, true, false, true, false, true, true]);
});

test("the add-in's own rule shape evaluates (marker, LEN, comparisons)", () => {
  expect(
    compute([
      '=AND(N("crt:breach")=0,LEN(B1)>0)',
      '=AND(N("crt:bucket1")=0,B1="TEXT")',
      '=AND(N("x")=0,LEN(A2)>0)',
    ]),
  ).toEqual([true, true, false]);
});

test("logical, math, text and date functions", () => {
  expect(
    compute([
      '=IFERROR(A3,"fallback")',
      '=IFNA(B2,"none")',
      "=SUM(A1,C2,B3)",
      "=ROUND(2.345,2)",
      "=AVERAGE(A1,15)",
      "=COUNT(A1:C3)",
      "=COUNTA(A1:C2)",
      '=COUNTIF(A1:C1,">4")',
      '=SUMIF(A1:C1,">4")',
      '=LEFT("1-30",1)&MID("abc",2,1)&RIGHT("xyz",2)',
      "=YEAR(C2)*100+MONTH(C2)",
      "=EOMONTH(C2,1)",
    ]),
  ).toEqual([
    "fallback",
    "none",
    45677, // text "12" in a direct reference is skipped by SUM, as in Excel ranges
    2.35,
    10,
    2,
    5,
    1,
    5,
    "1byz",
    202501,
    serialFromYmd(2025, 2, 28),
  ]);
});

test("an unknown function or name reads #NAME?, a broken formula too; errors propagate", () => {
  expect(compute(["=NOSUCH(1)", "=nosuchname", "=1+", "=A3+1", "=1/0"])).toEqual([
    "#NAME?",
    "#NAME?",
    "#NAME?",
    "#DIV/0!",
    "#DIV/0!",
  ]);
});
