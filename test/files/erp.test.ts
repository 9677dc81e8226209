/**
 * Real-world receivables exports built from documented ERP layouts (test/fixtures/erp/README.md), scored through the
 * command line's code path (runCli → open the file → the add-in's previewSource + scoreActiveSheet → save) with
 * --json, and compared with the figures worked out by hand in the README (as of 2025-06-30).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCliOnDisk } from "../cli/runCliOnDisk";

const DIR = path.join(__dirname, "..", "fixtures", "erp");

interface Scored {
  code: number;
  json: {
    mapping: Record<string, string>;
    rows: { scored: number; withData: number; skipped: number };
    kpis: {
      dsoNote: string | null;
      customers: number;
      invoices: number;
      totalExposure: number;
      unappliedCredit: number;
      overdue: number;
    };
    customers: { name: string; exposure: number; overdue: number; maxDaysPastDue: number }[];
    issues: { row: number; column: string; value: string; code: string; severity: string; message: string }[];
  };
}

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crt-erp-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function score(file: string): Promise<Scored> {
  const { code, stdout } = await runCliOnDisk([
    "score",
    path.join(DIR, file),
    "--out",
    path.join(tmp, `${file}.xlsx`),
    "--as-of",
    "2025-06-30",
    "--json",
  ]);
  return { code, json: JSON.parse(stdout) as Scored["json"] };
}

/** name → [exposure, overdue, max days past due], in the order of the file. */
const perCustomer = (s: Scored) =>
  Object.fromEntries(s.json.customers.map((c) => [c.name, [c.exposure, c.overdue, c.maxDaysPastDue]]));

test("ERPNext Accounts Receivable (.xlsx): the Total row is skipped, credit note reduces exposure", async () => {
  const s = await score("erpnext-accounts-receivable.xlsx");
  expect(s.code).toBe(0);
  expect(s.json.mapping.customer).toBe("Customer Name (F)");
  expect(s.json.mapping.balance).toBe("Outstanding Amount (N)");
  expect(s.json.rows).toEqual({ scored: 7, withData: 7, skipped: 0 });
  expect(s.json.kpis).toMatchObject({
    customers: 3,
    invoices: 7,
    totalExposure: 44850,
    unappliedCredit: 1200,
    overdue: 22450,
  });
  expect(perCustomer(s)).toEqual({
    "Brightline Retail Ltd": [15800, 17000, 60],
    "Kestrel Foods GmbH": [25000, 5000, 110],
    "Orchard Lane Co-op": [4050, 450, 59],
  });
  expect(s.json.issues.map((i) => [i.row, i.code])).toEqual([[9, "TOTALS_ROW"]]);
});

test("Odoo Aged Partner Balance (detail .xlsx): partner titles, repeated headers, cumul and footer rows are notes, never customers or errors", async () => {
  const s = await score("odoo-aged-partner-balance.xlsx");
  expect(s.code).toBe(0);
  expect(s.json.mapping.customer).toBe("Partner (E)");
  expect(s.json.mapping.balance).toBe("Residual (H)");
  // Odoo's move name is the invoice number (letters and duplicate checks name INV/2025/…, not sheet rows).
  expect(s.json.mapping.invoiceNo).toBe("Entry (B)");
  // An aged-balance report lists open items only: its DSO carries the caveat.
  expect(s.json.kpis.dsoNote).toMatch(/open items only/);
  expect(s.json.kpis).toMatchObject({
    customers: 3,
    invoices: 6,
    totalExposure: 25050,
    unappliedCredit: 500,
    overdue: 23450,
  });
  expect(perCustomer(s)).toEqual({
    "Alder Hardware Inc": [8500, 6400, 16],
    "Birchwood Builders Ltd": [12300, 12800, 131],
    "Cedar Point Marine": [4250, 4250, 74],
  });
  // Nothing but the six move lines is data: "based on 6 of 6 rows", and --strict has nothing to object to.
  expect(s.json.rows).toEqual({ scored: 6, withData: 6, skipped: 0 });
  // Every other row is named with its row, column and value, as a note (not data, not an error): partner titles
  // are section headings, the header repeated for the 2nd and 3rd partner, each partner's cumul row, the Total and
  // Percents footers (README, "odoo-aged-partner-balance.xlsx").
  expect(s.json.issues.map((i) => [i.row, i.code, i.severity, i.column, i.value])).toEqual([
    [8, "AMBIGUOUS_HEADER", "note", "", ""],
    [11, "TOTALS_ROW", "note", "A", "Partner cumul aged balance"],
    [13, "SECTION_HEADING", "note", "A", "Birchwood Builders Ltd"],
    [14, "REPEATED_HEADER", "note", "E", "Partner"],
    [18, "TOTALS_ROW", "note", "A", "Partner cumul aged balance"],
    [20, "SECTION_HEADING", "note", "A", "Cedar Point Marine"],
    [21, "REPEATED_HEADER", "note", "E", "Partner"],
    [23, "TOTALS_ROW", "note", "A", "Partner cumul aged balance"],
    [25, "TOTALS_ROW", "note", "A", "Total"],
    [26, "TOTALS_ROW", "note", "A", "Percents"],
  ]);
});

test("应收账款明细 GB18030 CSV (Kingdee-style): decoded, 合计 row skipped, paid invoice closed", async () => {
  const s = await score("应收账款明细-gb18030.csv");
  expect(s.code).toBe(0);
  // One invoice is fully received, so the sheet is a ledger, not open items only: no DSO caveat.
  expect(s.json.kpis.dsoNote).toBeNull();
  expect(s.json.mapping).toMatchObject({
    customer: "客户名称 (D)",
    invoiceDate: "单据日期 (A)",
    dueDate: "到期日 (J)",
    amount: "价税合计 (G)",
    paid: "已收金额 (H)",
    balance: "未收金额 (I)",
  });
  expect(s.json.rows).toEqual({ scored: 5, withData: 5, skipped: 0 });
  expect(s.json.kpis).toMatchObject({
    customers: 3,
    invoices: 5,
    totalExposure: 62490,
    unappliedCredit: 1130,
    overdue: 45540,
  });
  expect(perCustomer(s)).toEqual({
    上海恒通机电有限公司: [54580, 36500, 87],
    广州南方包装材料厂: [7910, 9040, 41],
    成都天府食品有限公司: [0, 0, 0],
  });
  expect(s.json.issues.map((i) => [i.row, i.value, i.code])).toEqual([[7, "合计", "TOTALS_ROW"]]);
});
