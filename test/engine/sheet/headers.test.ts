import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";
import {
  detectHeaderRow,
  detectMapping,
  guessRole,
  mappingCertainty,
  validateMapping,
} from "../../../src/engine/sheet/headers";
import { headerKey } from "../../../src/engine/sheet/normalize";

describe("guessRole", () => {
  test.each([
    ["Customer Name", "customer"],
    ["Client", "customer"],
    ["Account Name", "customer"],
    ["Sold-to", "customer"],
    ["BILL-TO", "customer"],
    ["购买方名称", "customer"],
    ["客户", "customer"],
    ["Doc No", "invoiceNo"],
    ["Document Number", "invoiceNo"],
    ["Inv #", "invoiceNo"],
    ["发票号码", "invoiceNo"],
    ["单据编号", "invoiceNo"],
    ["Inv. Date", "invoiceDate"],
    ["Posting Date", "invoiceDate"],
    ["Doc Date", "invoiceDate"],
    ["开票日期", "invoiceDate"],
    ["Due", "dueDate"],
    ["Net Due Date", "dueDate"],
    ["到期日", "dueDate"],
    ["Payment Terms", "terms"],
    ["账期", "terms"],
    ["Amount", "amount"],
    ["Invoice Amount", "amount"],
    ["Gross Amount", "amount"],
    ["Total", "amount"],
    ["价税合计", "amount"],
    ["Amount Due", "balance"],
    ["Paid", "paid"],
    ["Amount Paid", "paid"],
    ["Receipts", "paid"],
    ["已收金额", "paid"],
    ["Balance", "balance"],
    ["Open Amount", "balance"],
    ["Outstanding", "balance"],
    ["未核销金额", "balance"],
    ["Paid Date", "paidDate"],
    ["Clearing Date", "paidDate"],
    ["回款日期", "paidDate"],
    ["Status", "status"],
    ["状态", "status"],
    ["Currency", "currency"],
    ["Curr", "currency"],
    ["币别", "currency"],
    ["Credit Limit", "creditLimit"],
    ["授信额度", "creditLimit"],
    ["Insured Limit", "insuredLimit"],
    ["承保额度", "insuredLimit"],
    ["Years Trading", "yearsTrading"],
    ["ＤＵＥ　ＤＡＴＥ", "dueDate"],
    ["  customer_name  ", "customer"],
  ])("%p → %s (exact)", (text, role) => {
    expect(guessRole(text)).toEqual({ role, confidence: 1 });
  });

  test("partial matches take the most specific synonym", () => {
    expect(guessRole("Invoice Amount (USD)")).toEqual({ role: "amount", confidence: 0.6 });
    expect(guessRole("客户名称（全称）")).toEqual({ role: "customer", confidence: 0.6 });
    expect(guessRole("Customer Name / Sold-to")?.role).toBe("customer");
  });

  test("generic single words only match exactly", () => {
    expect(guessRole("Payment Method")).toBeNull();
    expect(guessRole("Account Manager")).toBeNull();
    expect(guessRole("Notes")).toBeNull();
    expect(guessRole(42)).toBeNull();
    expect(guessRole("")).toBeNull();
  });

  test("header keys ignore case, spaces, punctuation and full width", () => {
    expect(headerKey("Inv. #")).toBe("invno");
    expect(headerKey("Ｃｕｓｔｏｍｅｒ　Ｎａｍｅ")).toBe("customername");
  });
});

describe("detectHeaderRow", () => {
  test("English header in the first row", () => {
    const d = detectHeaderRow([
      ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount"],
      ["Acme", "A1", 45000, 45030, 100],
    ]);
    expect(d).not.toBeNull();
    expect(d!.index).toBe(0);
    expect(d!.confidence).toBe(1);
    expect(d!.ambiguous).toBe(false);
    expect(d!.columns.map((c) => c.role)).toEqual([
      "customer",
      "invoiceNo",
      "invoiceDate",
      "dueDate",
      "amount",
    ]);
  });

  test("Chinese header below a merged title row and a blank row", () => {
    const d = detectHeaderRow([
      ["2025年应收账款明细表", "", "", ""],
      [],
      ["客户名称", "发票号码", "开票日期", "价税合计", "备注"],
      ["上海甲公司", "001", 45000, 1000, ""],
    ]);
    expect(d!.index).toBe(2);
    expect(d!.columns.map((c) => c.role)).toEqual(["customer", "invoiceNo", "invoiceDate", "amount", null]);
    expect(d!.confidence).toBeCloseTo(0.8);
  });

  test("two candidate rows: the first is used and the ambiguity reported", () => {
    const d = detectHeaderRow([
      ["Customer", "Invoice Date", "Due Date", "Amount"],
      ["客户", "开票日期", "到期日", "金额"],
      ["Acme", 45000, 45030, 100],
    ]);
    expect(d!.index).toBe(0);
    expect(d!.candidates).toEqual([1]);
    expect(d!.ambiguous).toBe(true);
  });

  test("no headers → null; only rows within maxScan count", () => {
    expect(
      detectHeaderRow([
        ["a", "b", "c"],
        [1, 2, 3],
      ]),
    ).toBeNull();
    expect(detectHeaderRow([])).toBeNull();
    const rows: unknown[][] = Array.from({ length: 25 }, () => ["x"]);
    rows.push(["Customer", "Due Date", "Amount"]);
    expect(detectHeaderRow(rows)).toBeNull();
    expect(detectHeaderRow(rows, 30)!.index).toBe(25);
  });

  test("numbers never count as headers", () => {
    expect(detectHeaderRow([[1, 2, 3, 4]])).toBeNull();
  });
});

describe("detectMapping", () => {
  test("duplicate roles: first wins, the other is noted", () => {
    const m = detectMapping(["Customer", "Client", "Due Date", "Amount"]);
    expect(m.mapping).toEqual({ customer: 0, dueDate: 2, amount: 3 });
    expect(m.notes).toHaveLength(1);
    expect(m.notes[0]!.column).toBe(1);
    expect(m.notes[0]!.message.en).toContain('"Client"');
    expect(m.notes[0]!.message.zh).toContain("客户");
  });

  test("an exact header beats an earlier partial one", () => {
    const m = detectMapping(["Invoice Amount (USD)", "Amount", "Customer"]);
    expect(m.mapping.amount).toBe(1);
    expect(m.notes[0]!.column).toBe(0);
  });

  test("two exact headers: the synonym listed first wins, not the leftmost column (ERP exports)", () => {
    // Odoo's Aged Partner Balance detail rows: "Account" is the ledger account code, "Partner" the customer.
    const odoo = detectMapping([
      "Date",
      "Entry",
      "Journal",
      "Account",
      "Partner",
      "Ref - Label",
      "Due date",
      "Residual",
    ]);
    expect(odoo.mapping.customer).toBe(4);
    expect(odoo.notes.map((n) => [n.column, n.role])).toEqual([[3, "customer"]]);
    // ERPNext's Accounts Receivable: "Party" (an id) and "Customer Name" — the name wins.
    const erpnext = detectMapping([
      "Posting Date",
      "Party Type",
      "Party",
      "Customer Name",
      "Due Date",
      "Invoiced Amount",
    ]);
    expect(erpnext.mapping.customer).toBe(3);
  });

  test("Customers-sheet roles are ignored on an invoice sheet", () => {
    expect(detectMapping(["Customer", "Sales", "Total Assets"]).mapping).toEqual({ customer: 0 });
  });
});

describe("validateMapping", () => {
  test("complete mappings pass", () => {
    expect(validateMapping({ customer: 0, amount: 1, dueDate: 2 }, DEFAULT_POLICY)).toEqual([]);
    expect(validateMapping({ customer: 0, balance: 1, invoiceDate: 2, terms: 3 }, DEFAULT_POLICY)).toEqual(
      [],
    );
    expect(
      validateMapping({ customer: 0, amount: 1, invoiceDate: 2 }, mergePolicy({ defaultTerms: "Net 30" })),
    ).toEqual([]);
  });

  test("each missing role is named", () => {
    const p = validateMapping({}, DEFAULT_POLICY);
    expect(p.map((x) => x.field)).toEqual(["customer", "amount|balance", "dueDate|invoiceDate"]);
    expect(p[0]!.message.en).toMatch(/customer/i);
    expect(p[0]!.message.zh).toContain("客户");
    expect(p[2]!.message.en).toMatch(/due date/i);
  });

  test("invoice date without terms asks for terms", () => {
    const p = validateMapping({ customer: 0, amount: 1, invoiceDate: 2 }, DEFAULT_POLICY);
    expect(p).toHaveLength(1);
    expect(p[0]!.field).toBe("terms");
    expect(p[0]!.message.en).toMatch(/default terms/);
    expect(p[0]!.message.zh).toContain("默认付款条件");
  });

  test("unreadable default terms and shared columns are reported", () => {
    const p = validateMapping(
      { customer: 0, amount: 0, invoiceDate: 2 },
      mergePolicy({ defaultTerms: "whenever" }),
    );
    expect(p.map((x) => x.field)).toEqual(["amount", "defaultTerms", "terms"]);
  });
});

describe("mappingCertainty (spec §1 v2: score at once only when detection is certain)", () => {
  const certainty = (row: string[], policy = mergePolicy()) => {
    const header = detectHeaderRow([row]);
    return mappingCertainty(row, detectMapping(row), policy, header);
  };

  test("every required role by an exact synonym, nothing claimed twice: certain", () => {
    expect(certainty(["Customer", "Invoice No", "Due Date", "Amount", "Notes"])).toEqual({
      certain: true,
      reasons: [],
    });
    expect(certainty(["客户名称", "发票号码", "开票日期", "付款条件", "价税合计"]).certain).toBe(true);
  });

  test("a required role guessed from a longer header: unsure, and says which", () => {
    const c = certainty(["Customer", "Due Date", "Invoice Amount (USD)"]);
    expect(c.certain).toBe(false);
    expect(c.reasons.map((r) => r.en)).toEqual([
      'Amount was guessed from the header "Invoice Amount (USD)": check it.',
    ]);
    expect(c.reasons[0]!.zh).toContain("Invoice Amount (USD)");
  });

  test("a guessed optional column does not make it ask", () => {
    expect(certainty(["Customer", "Due Date", "Amount", "Paid amount (USD)"]).certain).toBe(true);
  });

  test("a required role missing: unsure, with the missing role named", () => {
    const c = certainty(["Customer", "Invoice No", "Amount", "Notes"]);
    expect(c.certain).toBe(false);
    expect(c.reasons[0]!.en).toMatch(/No due date/);
  });

  test("two columns claiming one role: unsure, naming both", () => {
    const c = certainty(["Customer", "Client", "Due Date", "Amount"]);
    expect(c.certain).toBe(false);
    expect(c.reasons.map((r) => r.en)).toEqual([
      'Column "Client" also looks like Customer; using "Customer" instead.',
    ]);
  });

  test("a partial header losing to an exact synonym is a note, not a claim: still certain", () => {
    const row = ["Customer", "Customer Group", "Due Date", "Amount"];
    const detected = detectMapping(row);
    expect(detected.mapping.customer).toBe(0);
    expect(detected.notes.map((n) => [n.message.en, n.contested])).toEqual([
      ['Column "Customer Group" also looks like Customer; using "Customer" instead.', false],
    ]);
    expect(certainty(row)).toEqual({ certain: true, reasons: [] });
  });

  test("ERPNext's receivables header: only the real contest (Party and Customer Name, both exact) is a reason", () => {
    const row = [
      "Posting Date",
      "Party Type",
      "Party",
      "Receivable Account",
      "Customer Contact",
      "Customer Name",
      "Cost Center",
      "Voucher Type",
      "Voucher No",
      "Due Date",
      "Invoiced Amount",
      "Paid Amount",
      "Credit Note",
      "Outstanding Amount",
      "Age (Days)",
      "Currency",
      "Customer LPO",
      "Territory",
      "Customer Group",
    ];
    const c = certainty(row);
    expect(c.certain).toBe(false);
    expect(c.reasons.map((r) => r.en)).toEqual([
      expect.stringMatching(/^Column "(Party|Customer Name)" also looks like Customer/),
    ]);
    expect(detectMapping(row).notes.length).toBeGreaterThan(1);
  });

  test("two header rows at the top: unsure, naming the sheet rows", () => {
    const rows = [
      ["Customer", "Due Date", "Amount"],
      ["客户", "到期日", "金额"],
    ];
    const c = mappingCertainty(rows[0]!, detectMapping(rows[0]!), mergePolicy(), detectHeaderRow(rows), 4);
    expect(c.certain).toBe(false);
    expect(c.reasons.map((r) => r.en)).toEqual([
      "Rows 5, 6 all look like header rows: check that row 5 is the header.",
    ]);
  });
});
