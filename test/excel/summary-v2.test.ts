/**
 * The summary sheet's v2 data (spec §4 v2), written through the real writer on the simulator: the Rates sheet is
 * read, KPIs carry number formats per row (counts, money, %, days), per-currency sections use the currency in the
 * money format, money is rounded to cents, and the data-quality warnings get their own block.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { scoreActiveSheet } from "../../src/excel/scoreActiveSheet";
import { setup } from "./helpers";

const AS_OF = 45838;
const rows: unknown[][] = [
  ["Customer", "Invoice No", "Due Date", "Amount", "Currency"],
  ["Acme", "A-1", AS_OF - 100, 610.2, "EUR"],
  ["Acme", "A-1", AS_OF - 10, 0.1 + 0.2, "EUR"],
  ["Bolt", "B-1", AS_OF - 40, 1000, "USD"],
  ["Acme", "CN-1", AS_OF - 5, -100, "EUR"],
];
const mapping = { customer: 0, invoiceNo: 1, dueDate: 2, amount: 3, currency: 4 };

function block(values: unknown[][], formats: string[][], label: string) {
  const r = values.findIndex((row) => row[0] === label);
  return { row: values[r]!, format: formats[r]! };
}

test("with a Rates sheet: one base-currency section, row formats, cents, warnings block", async () => {
  const wb = setup(rows, {}, [
    {
      name: "Rates",
      values: [
        ["Currency", "Rate"],
        ["USD", 0.9],
      ],
    },
  ]);
  const res = await scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping });
  expect(res.status).toBe("done");
  if (res.status !== "done") return;
  expect(res.summary.portfolio.missingRates).toEqual([]);
  const v = wb.getValues("Credit Risk Summary");
  const f = wb.getNumberFormats("Credit Risk Summary");
  expect(v[3]!.slice(0, 2)).toEqual(["Portfolio KPI", "Value (EUR)"]);
  // EUR 610.20 + 0.30 − 100 + USD 1,000 × 0.9 = 1,410.50.
  expect(block(v, f, "Total exposure").row[1]).toBe(1410.5);
  expect(block(v, f, "Total exposure").format[1]).toBe("#,##0.00");
  expect(block(v, f, "Unapplied credit").row[1]).toBe(100);
  expect(block(v, f, "Customers").format[1]).toBe("0");
  expect(block(v, f, "% over 90 days").format[1]).toBe("0.0%");
  expect(block(v, f, "DSO (days)").format[1]).toBe("0.0");
  expect(block(v, f, "Base currency").row[1]).toBe("EUR");
  // Open balances are rounded to cents (0.1 + 0.2 → 0.3).
  expect(wb.getValues("Invoices")[2]![5]).toBe(0.3);
  const warn = v.findIndex((r) => r[3] === "Data-quality warning (the row was scored)");
  expect(v[warn + 1]!.slice(0, 3)).toEqual([3, "B", "A-1"]);
  expect(String(v[warn + 1]![3])).toContain("Invoice A-1 of Acme is also on row 2");
});

test("without rates: one column per currency with the currency in the money format", async () => {
  const wb = setup(rows);
  const res = await scoreActiveSheet({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en", mapping });
  expect(res.status).toBe("done");
  const v = wb.getValues("Credit Risk Summary");
  const f = wb.getNumberFormats("Credit Risk Summary");
  expect(v[3]!.slice(0, 3)).toEqual(["Portfolio KPI", "EUR", "USD"]);
  const exposure = block(v, f, "Total exposure");
  expect(exposure.row.slice(1, 3)).toEqual([510.5, 1000]);
  expect(exposure.format.slice(1, 3)).toEqual(['"EUR "#,##0.00', '"USD "#,##0.00']);
  expect(block(v, f, "Missing exchange rates").row[1]).toBe("USD");
  // The customer table names each customer's currency.
  const hr = v.findIndex((r) => r[0] === "Customer" && r[1] === "Currency");
  expect(v.slice(hr + 1, hr + 3).map((r) => r.slice(0, 4))).toEqual([
    ["Acme", "EUR", 510.5, 100],
    ["Bolt", "USD", 1000, 0],
  ]);
});
