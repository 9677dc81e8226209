/**
 * The functions analysts combine with AR.* results: VLOOKUP, IF, SUMIFS, COUNTIFS, INDEX, MATCH, ROUND, EOMONTH,
 * EDATE, NETWORKDAYS (and COUNTIF/SUMIF, which share the criteria rules), evaluated by the workbook model itself.
 * Every expected value is worked by hand from the Microsoft support page cited in
 * src/workbook/formula/functions/*.ts; date serials were counted from 1899-12-30 (1900 date system) by hand and
 * checked with Python's datetime, e.g. 2025-01-01 = 45658 (a Wednesday), 2024-02-29 = 45351.
 */
import { SimWorkbook } from "../../src/workbook";

/** Data: a customer table (A1:C5), score bands with a header (E1:F6), a descending list (H2:H5). */
const DATA: unknown[][] = [
  ["Customer", "Limit", "Grade", "", "Score", "Grade", "", "Desc"],
  ["Acme Ltd", 50000, "B", "", 0, "E", "", 100],
  ["Beta GmbH", 20000, "C", "", 40, "D", "", 75],
  ["Contoso", 75000, "A", "", 60, "C", "", 50],
  ["Delta*Co", 10000, "D", "", 75, "B", "", 25],
  ["", "", "", "", 90, "A"],
];

/** Invoices: customer, amount, due date (serial), status. Row 6 holds text in Amount, row 8 a number as text. */
const INVOICES: unknown[][] = [
  ["Customer", "Amount", "Due", "Status"],
  ["Acme Ltd", 45000, 45658, "Open"],
  ["acme ltd", 12000, 45688, "Paid"],
  ["Beta GmbH", 50000, 45702, "Open"],
  ["Contoso", 45000, 45351, "Open"],
  ["Contoso", "n/a", 45716, "Open"],
  ["", 7000, "", "Open"],
  ["Acme Ltd", "30000", 45657, "Open"],
];

/** Holidays for NETWORKDAYS: 2025-01-01 (Wed), 2025-01-20 (Mon), 2025-01-04 (Sat), 2025-01-01 again. */
const HOLIDAYS: unknown[][] = [[45658], [45677], [45661], [45658]];

/** Evaluates formulas in a row of sheet F next to the data sheets; returns the computed values. */
function compute(formulas: string[]): unknown[] {
  const wb = new SimWorkbook();
  wb.loadWorkbook([
    { name: "F", values: [formulas] },
    { name: "D", values: DATA },
    { name: "I", values: INVOICES },
    { name: "H", values: HOLIDAYS },
  ]);
  return wb.getValues("F")[0]!;
}

describe("VLOOKUP", () => {
  it("approximate match (TRUE or omitted): the largest first-column value ≤ the lookup value", () => {
    expect(
      compute([
        "=VLOOKUP(72,D!E2:F6,2)",
        "=VLOOKUP(72,D!E2:F6,2,TRUE)",
        "=VLOOKUP(90,D!E2:F6,2)",
        "=VLOOKUP(1000,D!E2:F6,2)",
        "=VLOOKUP(0,D!E2:F6,2)",
        "=VLOOKUP(-1,D!E2:F6,2)",
        // The text header above the numbers is passed over.
        "=VLOOKUP(72,D!E1:F6,2)",
      ]),
    ).toEqual(["C", "C", "A", "A", "E", "#N/A", "C"]);
  });

  it("exact match (FALSE): first equal value, text without regard to case, wildcards * ? and ~", () => {
    expect(
      compute([
        '=VLOOKUP("contoso",D!A2:C5,2,FALSE)',
        '=VLOOKUP("Con*",D!A2:C5,3,FALSE)',
        '=VLOOKUP("?eta*",D!A2:C5,1,FALSE)',
        '=VLOOKUP("Delta~*Co",D!A2:C5,2,FALSE)',
        '=VLOOKUP("Zeta",D!A2:C5,2,FALSE)',
        "=VLOOKUP(50000,D!B2:C5,2,FALSE)",
        // Text "50000" is not the number 50000.
        '=VLOOKUP("50000",D!B2:C5,2,FALSE)',
        "=VLOOKUP(72,D!E2:F6,2,0)",
      ]),
    ).toEqual([75000, "A", "Beta GmbH", 10000, "#N/A", "B", "#N/A", "#N/A"]);
  });

  it("errors: column < 1 is #VALUE!, beyond the table #REF!, an error lookup value passes on", () => {
    expect(
      compute([
        '=VLOOKUP("Acme Ltd",D!A2:C5,0,FALSE)',
        '=VLOOKUP("Acme Ltd",D!A2:C5,4,FALSE)',
        "=VLOOKUP(#N/A,D!A2:C5,2,FALSE)",
        '=VLOOKUP("Acme Ltd",D!A2:C5,"two",FALSE)',
      ]),
    ).toEqual(["#VALUE!", "#REF!", "#N/A", "#VALUE!"]);
  });

  it("a matched empty cell reads 0", () => {
    expect(compute(['=VLOOKUP("Acme Ltd",D!A2:D5,4,FALSE)'])).toEqual([0]);
  });
});

describe("MATCH", () => {
  it("1 / omitted: ascending, largest ≤; 0: exact with wildcards; -1: descending, smallest ≥", () => {
    expect(
      compute([
        "=MATCH(72,D!E2:E6)",
        "=MATCH(72,D!E2:E6,1)",
        "=MATCH(60,D!E2:E6,0)",
        "=MATCH(61,D!E2:E6,0)",
        "=MATCH(-5,D!E2:E6)",
        '=MATCH("b*",D!A2:A5,0)',
        '=MATCH("BETA GMBH",D!A2:A5,0)',
        "=MATCH(60,D!H2:H5,-1)",
        "=MATCH(100,D!H2:H5,-1)",
        "=MATCH(101,D!H2:H5,-1)",
        '=MATCH("Limit",D!A1:C1,0)',
      ]),
    ).toEqual([3, 3, 3, "#N/A", "#N/A", 2, 2, 2, 1, "#N/A", 2]);
  });

  it("a two-dimensional lookup_array is #N/A", () => {
    expect(compute(["=MATCH(20000,D!A2:C5,0)"])).toEqual(["#N/A"]);
  });
});

describe("INDEX", () => {
  it("picks by row and column; one row or column takes a single index; 0 gives a whole column", () => {
    expect(
      compute([
        "=INDEX(D!A2:C5,3,2)",
        "=INDEX(D!A1:C1,2)",
        "=INDEX(D!A2:A5,4)",
        "=INDEX({1,2,3},2)",
        "=SUM(INDEX(D!B2:C5,0,1))",
        "=INDEX(D!A2:C5,1.9,2.2)",
        '=INDEX(D!B2:B5,MATCH("Contoso",D!A2:A5,0))',
      ]),
    ).toEqual([75000, "Limit", "Delta*Co", 2, 155000, 50000, 75000]);
  });

  it("an index outside the array is #REF!, a negative one #VALUE!", () => {
    expect(compute(["=INDEX(D!A2:C5,5,1)", "=INDEX(D!A2:C5,2,4)", "=INDEX(D!A2:C5,-1,1)"])).toEqual([
      "#REF!",
      "#REF!",
      "#VALUE!",
    ]);
  });
});

describe("IF", () => {
  it("chooses a branch, evaluates only that one, and passes errors in the condition on", () => {
    expect(
      compute([
        '=IF(D!B2>30000,"big","small")',
        '=IF(D!B3>30000,"big","small")',
        "=IF(FALSE,1)",
        "=IF(TRUE,)",
        '=IF("maybe",1,2)',
        "=IF(#N/A,1,2)",
        '=IF(1,"y","n")',
        '=IF(0,"y","n")',
        "=IF(TRUE,1,1/0)",
      ]),
    ).toEqual(["big", "small", false, 0, "#VALUE!", "#N/A", "y", "n", 1]);
  });
});

describe("COUNTIFS, SUMIFS and the criteria of COUNTIF / SUMIF", () => {
  it("operators on numbers: >=45000 counts numbers only; a number criterion also matches text that reads as it", () => {
    expect(
      compute([
        '=COUNTIFS(I!B2:B8,">=45000")',
        '=COUNTIF(I!B2:B8,">=45000")',
        '=COUNTIFS(I!B2:B8,">40000",I!B2:B8,"<50000")',
        "=COUNTIF(I!B2:B8,30000)",
        '=COUNTIF(I!B2:B8,"45000")',
      ]),
    ).toEqual([3, 3, 2, 1, 2]);
  });

  it("text criteria: case-insensitive, wildcards, <> counts blanks too, blank and non-blank criteria", () => {
    expect(
      compute([
        '=COUNTIFS(I!A2:A8,"acme*",I!D2:D8,"Open")',
        '=COUNTIF(I!A2:A8,"C?ntoso")',
        '=COUNTIF(I!A2:A8,"*GmbH")',
        '=COUNTIF(I!A2:A8,"*")',
        '=COUNTIF(I!A2:A8,"<>Contoso")',
        '=COUNTIFS(I!A2:A8,"")',
        '=COUNTIFS(I!A2:A8,"<>")',
        '=COUNTIF(I!D2:D8,"<>Open")',
        '=COUNTIF(I!D2:D8,">O")',
        '=COUNTIF(D!A2:A5,"Delta~*Co")',
        '=COUNTIF(D!A2:A5,"*~*Co")',
      ]),
    ).toEqual([2, 2, 1, 6, 5, 1, 6, 1, 7, 1, 1]);
  });

  it('a criterion referencing an empty cell means 0; the text "" means blank cells', () => {
    expect(
      compute([
        "=COUNTIF(D!E2:E6,I!A7)",
        '=COUNTIF(D!E2:E6,"")',
        "=COUNTIF(I!A2:A8,I!A7)",
        '=COUNTIF(I!A2:A8,"")',
      ]),
    ).toEqual([1, 0, 0, 1]);
  });

  it("SUMIFS adds the numbers of sum_range where every criterion holds (dates as serials or typed text)", () => {
    expect(
      compute([
        '=SUMIFS(I!B2:B8,I!A2:A8,"Acme Ltd")',
        '=SUMIFS(I!B2:B8,I!C2:C8,">="&DATE(2025,1,1),I!D2:D8,"Open")',
        '=SUMIFS(I!B2:B8,I!C2:C8,">=1/1/2025",I!D2:D8,"Open")',
        '=SUMIFS(I!B2:B8,I!C2:C8,"<45658")',
        '=SUMIF(I!A2:A8,"Contoso",I!B2:B8)',
        '=SUMIF(I!B2:B8,">=45000")',
      ]),
    ).toEqual([57000, 95000, 95000, 45000, 45000, 140000]);
  });

  it("ranges of different shapes, a missing criterion, and errors in the summed cells", () => {
    expect(
      compute([
        '=COUNTIFS(I!A2:A8,"Contoso",I!B2:B7,">0")',
        '=SUMIFS(I!B2:B8,I!A2:A8,"x",I!D2:D7,"Open")',
        "=SUMIFS(I!B2:B8,I!A2:A8)",
        '=SUMIFS({1;#N/A},{"x";"x"},"x")',
        '=SUMIFS({1;#N/A},{"x";"y"},"x")',
        '=COUNTIF({0.5,0.25},">=50%")',
        '=COUNTIF({"#N/A",1},"#N/A")',
      ]),
    ).toEqual(["#VALUE!", "#VALUE!", "#VALUE!", "#N/A", 1, 1, 0]);
  });
});

describe("ROUND", () => {
  it("rounds halves away from zero, to the left of the point for negative digits, at Excel's 15 digits", () => {
    expect(
      compute([
        "=ROUND(2.5,0)",
        "=ROUND(-2.5,0)",
        "=ROUND(1.005,2)",
        "=ROUND(-1.005,2)",
        "=ROUND(2.345,2)",
        "=ROUND(0.285,2)",
        "=ROUND(1234.5678,-2)",
        "=ROUND(1250,-2)",
        "=ROUND(-1250,-2)",
        "=ROUND(21.5,-1)",
        "=ROUND(3.14159,3)",
        "=ROUND(1.4999999,0)",
        "=ROUND(3.7,0.9)",
        '=ROUND("x",1)',
      ]),
    ).toEqual([3, -3, 1.01, -1.01, 2.35, 0.29, 1200, 1300, -1300, 20, 3.142, 1, 4, "#VALUE!"]);
  });
});

describe("EOMONTH and EDATE", () => {
  it("EOMONTH: the month's last day, months truncated, negative months back, leap years", () => {
    expect(
      compute([
        "=EOMONTH(45322,1)", // 2024-01-31 + 1 → 2024-02-29
        "=EOMONTH(45382,-1)", // 2024-03-31 - 1 → 2024-02-29
        "=EOMONTH(45672,0)", // 2025-01-15 → 2025-01-31
        "=EOMONTH(45672,-13)", // → 2023-12-31
        "=EOMONTH(45672,1.9)", // 1 month → 2025-02-28
        '=EOMONTH("2025-01-15",0)',
        "=EOMONTH(-1,0)",
        '=EOMONTH("soon",0)',
      ]),
    ).toEqual([45351, 45351, 45688, 45291, 45716, 45688, "#NUM!", "#VALUE!"]);
  });

  it("EDATE: the same day n months on, clamped to shorter months", () => {
    expect(
      compute([
        "=EDATE(45322,1)", // 2024-01-31 → 2024-02-29
        "=EDATE(45382,-1)", // 2024-03-31 → 2024-02-29
        "=EDATE(45351,12)", // 2024-02-29 → 2025-02-28
        "=EDATE(45672,-1.5)", // -1 → 2024-12-15
        "=EDATE(45016,-1)", // 2023-03-31 → 2023-02-28
        "=EDATE(45672,0)",
        '=EDATE("abc",1)',
      ]),
    ).toEqual([45351, 45351, 45716, 45641, 44985, 45672, "#VALUE!"]);
  });
});

describe("NETWORKDAYS", () => {
  it("counts Monday–Friday both ends included; holidays once each, none on weekends; reversed is negative", () => {
    expect(
      compute([
        "=NETWORKDAYS(45658,45688)", // January 2025: 3 + 4×5 = 23
        "=NETWORKDAYS(45658,45688,H!A1:A2)", // minus New Year and 2025-01-20
        "=NETWORKDAYS(45658,45688,H!A3)", // a Saturday holiday changes nothing
        "=NETWORKDAYS(45658,45688,H!A1:A4)", // the repeated 2025-01-01 counts once
        "=NETWORKDAYS(45688,45658)",
        "=NETWORKDAYS(45661,45662)", // Saturday to Sunday
        "=NETWORKDAYS(45663,45663)", // one Monday
        "=NETWORKDAYS(45992,46022,{46016,46017})", // December 2025 minus Christmas and Boxing Day: 23 - 2
        '=NETWORKDAYS("2025-01-01","2025-01-31")',
      ]),
    ).toEqual([23, 21, 23, 21, -23, 0, 1, 21, 23]);
  });

  it("an argument that is not a date is #VALUE!", () => {
    expect(
      compute(['=NETWORKDAYS("soon",45688)', '=NETWORKDAYS(45658,45688,{"x"})', "=NETWORKDAYS(TRUE,45688)"]),
    ).toEqual(["#VALUE!", "#VALUE!", "#VALUE!"]);
  });
});
