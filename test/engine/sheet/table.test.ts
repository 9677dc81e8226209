import { mergePolicy } from "../../../src/engine/policy";
import { serialFromYmd } from "../../../src/engine/serial";
import { isTotalsLabel, readTable } from "../../../src/engine/sheet/table";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

const HEADER = ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount", "Paid", "Status"];

describe("readTable", () => {
  test("reads rows, ignores blank rows, skips the totals row with a note, keeps credit notes", () => {
    const rows = [
      ["Aged receivables", "", "", "", "", "", ""],
      HEADER,
      [" Acme Ltd ", "A-1", d(2025, 1, 1), d(2025, 1, 31), "$1,200.00", 200, "Open"],
      ["", "", "", "", "", "", ""],
      ["上海甲公司", "B-1", "2025年1月5日", "2025-02-04", 500, "", "已付"],
      ["Acme Ltd", "CN-1", d(2025, 1, 10), d(2025, 1, 10), "(100)", "", ""],
      [],
      ["Total", "", "", "", 1600, 200, ""],
    ];
    const t = readTable(rows, { rowOffset: 2, columnOffset: 1, sheetName: "AR" });
    expect(t.headerRowIndex).toBe(1);
    expect(t.firstDataIndex).toBe(2);
    expect(t.rowCount).toBe(6);
    expect(t.mapping).toEqual({
      customer: 0,
      invoiceNo: 1,
      invoiceDate: 2,
      dueDate: 3,
      amount: 4,
      paid: 5,
      status: 6,
    });
    expect(t.blankRows).toBe(2);
    expect(t.totalRowsSkipped).toBe(1);
    expect(t.errorRowsSkipped).toBe(0);
    expect(t.invoices).toHaveLength(3);
    const [a, b, c] = t.invoices;
    expect(a).toMatchObject({
      index: 2,
      row: 5,
      customer: "Acme Ltd",
      customerKey: "acme ltd",
      invoiceNo: "A-1",
      amount: 1200,
      paid: 200,
      status: "open",
    });
    expect(a!.dueDateComputed).toBe(false);
    expect(b).toMatchObject({
      customer: "上海甲公司",
      invoiceDate: d(2025, 1, 5),
      dueDate: d(2025, 2, 4),
      status: "paid",
    });
    expect(c).toMatchObject({ amount: -100 });
    const totals = t.issues.filter((i) => i.code === "TOTALS_ROW");
    expect(totals).toEqual([
      expect.objectContaining({
        row: 10,
        column: "B",
        header: "Customer",
        value: "Total",
        severity: "note",
        sheet: "AR",
      }),
    ]);
  });

  test("an unreadable required cell skips the row and names row, column, value and why", () => {
    const rows = [
      HEADER,
      ["Acme", "A-1", d(2025, 1, 1), "#N/A", 100, "", ""],
      ["Acme", "A-2", d(2025, 1, 1), "03/04/2025", 100, "", ""],
      ["", "A-3", d(2025, 1, 1), d(2025, 2, 1), 100, "", ""],
      ["Acme", "A-4", d(2025, 1, 1), d(2025, 2, 1), "lots", "", ""],
      ["Acme", "A-5", d(2025, 1, 1), d(2025, 2, 1), "", "", ""],
      ["Acme", "A-6", d(2025, 1, 1), d(2025, 2, 1), 100, "", "Weird"],
      ["Beta", "B-1", d(2025, 1, 1), d(2025, 2, 1), 100, "", ""],
    ];
    const t = readTable(rows);
    expect(t.errorRowsSkipped).toBe(5);
    expect(t.invoices.map((i) => i.invoiceNo)).toEqual(["A-6", "B-1"]);
    const errors = t.issues.filter((i) => i.severity === "error");
    expect(errors.map((e) => [e.row, e.column, e.header, e.value, e.code])).toEqual([
      [2, "D", "Due Date", "#N/A", "EXCEL_ERROR"],
      [3, "D", "Due Date", "03/04/2025", "AMBIGUOUS_DATE"],
      [4, "A", "Customer", "", "MISSING_CUSTOMER"],
      [5, "E", "Amount", "lots", "BAD_NUMBER"],
      [6, "E", "Amount", "", "MISSING_AMOUNT"],
    ]);
    for (const e of errors) {
      expect(e.reason.en.length).toBeGreaterThan(0);
      expect(e.reason.zh.length).toBeGreaterThan(0);
    }
    const warning = t.issues.find((i) => i.code === "UNKNOWN_STATUS");
    expect(warning).toMatchObject({ row: 7, column: "G", value: "Weird", severity: "warning" });
    expect(t.invoices[0]!.status).toBe("open");
  });

  test("the date order from the policy reads day/month text; a hint is given when unknown", () => {
    const rows = [
      ["Customer", "Due Date", "Amount"],
      ["Acme", "03/04/2025", 1],
      ["Acme", "25/04/2025", 1],
    ];
    const unknown = readTable(rows);
    expect(unknown.invoices).toHaveLength(1);
    expect(unknown.dateOrderHint).toBe("DMY");
    expect(unknown.issues.some((i) => i.code === "DATE_ORDER_HINT")).toBe(true);
    const dmy = readTable(rows, { policy: mergePolicy({ dateOrder: "DMY" }) });
    expect(dmy.invoices.map((i) => i.dueDate)).toEqual([d(2025, 4, 3), d(2025, 4, 25)]);
  });

  test("due dates are computed from invoice date + terms, or the policy's default terms", () => {
    const rows = [
      ["Customer", "Invoice Date", "Terms", "Amount"],
      ["Acme", "2025-01-15", "Net 30", 100],
      ["Acme", "2025-01-15", "", 100],
      ["Acme", "2025-01-15", "sometime", 100],
      ["Acme", "2025-01-15", "EOM", 100],
    ];
    const noDefault = readTable(rows);
    expect(noDefault.invoices.map((i) => i.dueDate)).toEqual([d(2025, 2, 14), d(2025, 1, 31)]);
    expect(noDefault.invoices[0]!.dueDateComputed).toBe(true);
    expect(noDefault.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "MISSING_DUE_DATE",
      "BAD_TERMS",
    ]);
    const withDefault = readTable(rows, { policy: mergePolicy({ defaultTerms: "Net 60" }) });
    expect(withDefault.invoices.map((i) => i.dueDate)).toEqual([
      d(2025, 2, 14),
      d(2025, 3, 16),
      d(2025, 1, 31),
    ]);
    expect(withDefault.invoices[1]!.terms).toBe("Net 60");
  });

  test("missing required columns: no rows read, messages say which", () => {
    const t = readTable([
      ["Customer", "Invoice No", "Invoice Date", "Notes"],
      ["Acme", "1", 45000, ""],
    ]);
    expect(t.invoices).toEqual([]);
    expect(t.mappingProblems.map((p) => p.field)).toEqual(["amount|balance", "terms"]);
    expect(t.issues.filter((i) => i.code === "MAPPING")).toHaveLength(2);
  });

  test("no header row found", () => {
    const t = readTable([
      ["x", 1],
      ["y", 2],
    ]);
    expect(t.headerRowIndex).toBe(-1);
    expect(t.issues[0]).toMatchObject({ code: "NO_HEADER", severity: "error" });
  });

  test("headerless data with an explicit mapping", () => {
    const t = readTable(
      [
        ["Acme", 45000, 10],
        ["Beta", 45001, 20],
      ],
      { headerRowIndex: -1, mapping: { customer: 0, dueDate: 1, amount: 2 } },
    );
    expect(t.firstDataIndex).toBe(0);
    expect(t.invoices.map((i) => i.row)).toEqual([1, 2]);
  });

  test("a blank-customer row with a number after the last customer is a totals row; in the middle it is an error", () => {
    const t = readTable([
      ["Customer", "Due Date", "Amount"],
      ["Acme", 45000, 10],
      ["", 45000, 5],
      ["Beta", 45001, 20],
      ["", "", 35],
    ]);
    expect(t.totalRowsSkipped).toBe(1);
    expect(t.errorRowsSkipped).toBe(1);
    expect(t.invoices).toHaveLength(2);
  });

  test("paid flags, balance column, currencies (the currency notes come from scoreTable)", () => {
    const t = readTable([
      ["Customer", "Due Date", "Amount", "Paid", "Open Amount", "Currency"],
      ["Acme", 45000, 10, "Y", "", "usd"],
      ["Acme", 45000, 10, "N", 10, "EUR"],
    ]);
    expect(t.invoices.map((i) => i.status)).toEqual(["paid", "open"]);
    expect(t.invoices[1]!.balance).toBe(10);
    expect(t.currencies).toEqual(["EUR", "USD"]);
    // v2: mixed currencies are handled (never summed) by scoreTable, which reports base currency and rates.
    expect(t.issues.some((i) => i.code === "MIXED_CURRENCY")).toBe(false);
  });

  test("an Excel error as customer skips the row (EXCEL_ERROR); as currency the invoice is kept without one", () => {
    const t = readTable([
      ["Customer", "Due Date", "Amount", "Currency"],
      ["#N/A", 45000, 10, "USD"],
      ["Acme", 45000, 20, "#DIV/0!"],
      ["Acme", 45000, 30, "USD"],
    ]);
    expect(t.invoices.map((i) => [i.customer, i.amount, i.currency])).toEqual([
      ["Acme", 20, undefined],
      ["Acme", 30, "USD"],
    ]);
    expect(t.errorRowsSkipped).toBe(1);
    expect(t.totalRowsSkipped).toBe(0);
    expect(t.currencies).toEqual(["USD"]);
    expect(t.issues).toEqual([
      expect.objectContaining({ row: 2, column: "A", value: "#N/A", severity: "error", code: "EXCEL_ERROR" }),
      expect.objectContaining({
        row: 3,
        column: "D",
        value: "#DIV/0!",
        severity: "warning",
        code: "EXCEL_ERROR",
      }),
    ]);
    expect(t.issues[0]!.reason.en).toMatch(/#N\/A/);
    expect(t.issues[0]!.reason.zh).toMatch(/错误/);
    expect(t.issues[1]!.reason.en).toMatch(/without a currency/);
    expect(t.issues[1]!.reason.zh).toMatch(/无币种/);
  });

  test("an Excel error in the last customer cell does not turn the rows before it into totals", () => {
    const t = readTable([
      ["Customer", "Due Date", "Amount"],
      ["Acme", 45000, 10],
      ["#REF!", 45000, 20],
    ]);
    expect(t.invoices.map((i) => i.amount)).toEqual([10]);
    expect(t.issues.map((i) => i.code)).toEqual(["EXCEL_ERROR"]);
  });

  test("duplicate header role is a note", () => {
    const t = readTable([
      ["Customer", "Client", "Due Date", "Amount"],
      ["Acme", "x", 45000, 1],
    ]);
    expect(t.issues).toEqual([
      expect.objectContaining({ code: "DUPLICATE_ROLE", severity: "note", row: 1, column: "B" }),
    ]);
  });

  test("never throws on junk", () => {
    expect(() => readTable(null as unknown as unknown[][])).not.toThrow();
    expect(() => readTable([null, 5, "x"] as unknown as unknown[][])).not.toThrow();
  });

  test("totals labels", () => {
    for (const s of ["Total", "TOTAL:", "Grand Total", "合计", "总计", "小计", "Subtotal", "Total AR"])
      expect(isTotalsLabel(s)).toBe(true);
    for (const s of ["Totally Ltd", "Acme"]) expect(isTotalsLabel(s)).toBe(false);
  });
});

describe("repeated header rows (ERP detail reports)", () => {
  test("a row repeating the header is skipped with a note; a customer merely named like a header is data", () => {
    const t = readTable(
      [
        ["Customer", "Due Date", "Amount"],
        ["Acme", 45000, 100],
        ["Customer", "Due Date", "Amount"],
        [" Customer ", "", "Amount"],
        ["Customer", 45001, 50],
      ],
      { policy: mergePolicy({}) },
    );
    expect(t.invoices.map((i) => [i.customer, i.amount])).toEqual([
      ["Acme", 100],
      ["Customer", 50],
    ]);
    // (Row 1 also draws the detector's note that the header could be read more than one way.)
    expect(t.issues.filter((i) => i.row > 1).map((i) => [i.row, i.code, i.severity])).toEqual([
      [3, "REPEATED_HEADER", "note"],
      [4, "REPEATED_HEADER", "note"],
    ]);
    expect(t.totalRowsSkipped).toBe(2);
    expect(t.errorRowsSkipped).toBe(0);
  });
});

describe("currency column written as a name (Chinese ERP exports)", () => {
  test("人民币, 美元, 欧元, 港币 and RMB read as their ISO codes, and meet rates written as codes", () => {
    const t = readTable(
      [
        ["客户名称", "到期日", "金额", "币别"],
        ["甲", 45000, 100, "人民币"],
        ["乙", 45000, 200, "美元"],
        ["丙", 45000, 300, " 欧元 "],
        ["丁", 45000, 400, "港币"],
        ["戊", 45000, 500, "rmb"],
        ["己", 45000, 600, "usd"],
      ],
      { policy: mergePolicy({}) },
    );
    expect(t.invoices.map((i) => i.currency)).toEqual(["CNY", "USD", "EUR", "HKD", "CNY", "USD"]);
    expect(t.issues.filter((i) => i.code === "CURRENCY_CONFLICT")).toEqual([]);
    // The policy's rates are keyed the same way: a rate entered for 美元 is the USD rate.
    expect(mergePolicy({ baseCurrency: "人民币", rates: { 美元: 7.1 } })).toMatchObject({
      baseCurrency: "CNY",
      rates: { USD: 7.1 },
    });
  });
  test("a name and a matching symbol in the amount agree (no conflict warning)", () => {
    const t = readTable(
      [
        ["客户名称", "到期日", "金额", "币别"],
        ["甲", 45000, "¥1,000", "人民币"],
      ],
      { policy: mergePolicy({}) },
    );
    expect(t.invoices.map((i) => i.currency)).toEqual(["CNY"]);
    expect(t.issues.filter((i) => i.code === "CURRENCY_CONFLICT")).toEqual([]);
  });
});

describe("currency from the money text (spec §1 v2)", () => {
  test("codes and symbols in the amount give the row's currency; the currency column wins", () => {
    const t = readTable(
      [
        ["Customer", "Due Date", "Amount", "Currency"],
        ["A", 45000, "$1,200.50", ""],
        ["B", 45000, "EUR 1.200,00", ""],
        ["C", 45000, "¥8,800", ""],
        ["D", 45000, "US$ 5", ""],
        ["E", 45000, "£40", "EUR"],
        ["F", 45000, 100, ""],
        ["G", 45000, "1,000 元", ""],
      ],
      { policy: mergePolicy({ decimalComma: false }) },
    );
    expect(t.invoices.map((i) => [i.customer, i.amount, i.currency])).toEqual([
      ["A", 1200.5, "USD"],
      ["C", 8800, "CNY"],
      ["D", 5, "USD"],
      ["E", 40, "EUR"],
      ["F", 100, undefined],
      ["G", 1000, "CNY"],
    ]);
    // B needs the decimal-comma setting; E's text says GBP but the column says EUR: a warning, EUR is used.
    expect(t.issues.find((i) => i.row === 3)!.code).toBe("DECIMAL_COMMA");
    expect(t.issues.find((i) => i.code === "CURRENCY_CONFLICT")).toMatchObject({
      row: 6,
      column: "C",
      value: "£40",
      severity: "warning",
    });
    const comma = readTable(
      [
        ["Customer", "Due Date", "Amount"],
        ["B", 45000, "EUR 1.200,00"],
      ],
      {
        policy: mergePolicy({ decimalComma: true }),
      },
    );
    expect(comma.invoices.map((i) => [i.amount, i.currency])).toEqual([[1200, "EUR"]]);
  });
});

describe("ERP report layouts: section headings and subtotal rows are notes, not errors", () => {
  const row = (customer: string, no: string, amount: number | string, extra: unknown[] = []) => [
    customer,
    no,
    d(2025, 1, 1),
    d(2025, 1, 31),
    amount,
    "",
    "Open",
    ...extra,
  ];
  const codes = (rows: unknown[][]) =>
    readTable(rows).issues.map((i) => [i.row, i.code, i.severity, i.column, i.value]);

  test("a lone text outside the customer column is a section heading; a subtotal label opens a totals row", () => {
    const rows = [
      HEADER,
      ["", "", "Acme Ltd"], // partner title written in the Invoice Date column
      row("Acme Ltd", "A-1", 100),
      ["", "", "Subtotal Acme Ltd", "", 100], // label first, customer blank, customers follow
      ["", "", "Beta GmbH"],
      row("Beta GmbH", "B-1", 50),
      ["", "", "Percents", "", "", "", "", 42.5], // footer: after the last customer, a number no role reads
    ];
    expect(codes(rows)).toEqual([
      [2, "SECTION_HEADING", "note", "C", "Acme Ltd"],
      [4, "TOTALS_ROW", "note", "C", "Subtotal Acme Ltd"],
      [5, "SECTION_HEADING", "note", "C", "Beta GmbH"],
      [7, "TOTALS_ROW", "note", "C", "Percents"],
    ]);
    const t = readTable(rows);
    expect(t.invoices.map((i) => i.invoiceNo)).toEqual(["A-1", "B-1"]);
    expect([t.totalRowsSkipped, t.errorRowsSkipped]).toEqual([4, 0]);
  });

  test("rows that only look like them stay errors: a name alone, a lone number, a label that is not one", () => {
    const rows = [
      HEADER,
      ["Acme Ltd"], // the customer's name and nothing else: an invoice without amount, not a heading
      ["", "", "", "", 300], // a lone amount with no customer, customers follow
      ["", "Totally new range", d(2025, 1, 1), d(2025, 1, 31), 80], // "Totally" is not "Total"
      row("Beta GmbH", "B-1", 50),
    ];
    const t = readTable(rows);
    expect(t.errorRowsSkipped).toBe(3);
    expect(t.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["MISSING_AMOUNT", "MISSING_CUSTOMER"]),
    );
    expect(t.issues.some((i) => i.code === "SECTION_HEADING" || i.code === "TOTALS_ROW")).toBe(false);
  });
});
