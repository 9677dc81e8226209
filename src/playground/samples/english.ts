/**
 * The English sample workbook: an AR ledger ("Invoices"), a "Customers" sheet and a "Rates" sheet (the ledger's EUR
 * and GBP invoices against the base currency USD, so the pane shows converted totals).
 */
import {
  SAMPLE_PERIOD,
  customerRows,
  exposureByCustomer,
  customerFormats,
  CUSTOMER_WIDTHS,
  generateInvoices,
  invoiceFormats,
  INVOICE_WIDTHS,
  invoiceTable,
  type CustomerProfile,
} from "./invoices";
import type { SheetData } from "./types";

const prompt = { lateDays: -2, spread: 4 };
const normal = { lateDays: 6, spread: 8 };
const slow = { lateDays: 24, spread: 12 };
const late = { lateDays: 70, spread: 30 };

/** Fictional companies; a few pay late and a few are over their credit or insured limit. */
export const ENGLISH_CUSTOMERS: readonly CustomerProfile[] = [
  { name: "Northwind Traders Ltd", habit: normal, size: 1.2, terms: "Net 30", currency: "USD" },
  { name: "Contoso Manufacturing Inc", habit: prompt, size: 2, terms: "2/10 Net 30", currency: "USD" },
  { name: "Fabrikam Industries", habit: slow, size: 1.5, terms: "Net 60", currency: "USD" },
  { name: "Adventure Works Cycles", habit: normal, size: 0.8, terms: "Net 30", currency: "USD" },
  {
    name: "Tailspin Toys",
    habit: late,
    size: 0.7,
    terms: "Net 30",
    currency: "USD",
    overLimit: true,
  },
  { name: "Wide World Importers", habit: normal, size: 1.6, terms: "Net 30 EOM", currency: "USD" },
  { name: "Litware Inc", habit: prompt, size: 0.5, terms: "EOM", currency: "USD" },
  { name: "Proseware Inc", habit: slow, size: 0.9, terms: "Net 30", currency: "USD", overInsured: true },
  { name: "Alpine Ski House", habit: normal, size: 0.6, terms: "10th prox", currency: "EUR" },
  { name: "Coho Winery", habit: prompt, size: 0.4, terms: "COD", currency: "USD" },
  { name: "Blue Yonder Airlines", habit: late, size: 2.2, terms: "Net 60", currency: "USD", overLimit: true },
  { name: "Fourth Coffee", habit: normal, size: 0.3, terms: "Net 30", currency: "USD" },
  { name: "Lucerne Publishing", habit: normal, size: 0.7, terms: "Net 30", currency: "EUR" },
  { name: "Greenfield Packaging Ltd", habit: prompt, size: 1, terms: "2/10 Net 30", currency: "GBP" },
  { name: "Summit Steel Fabricators", habit: slow, size: 2.5, terms: "Net 60", currency: "USD" },
  { name: "Redwood Furniture Co", habit: late, size: 0.9, terms: "Net 30", currency: "USD" },
  { name: "Bayside Electrical Supplies", habit: normal, size: 1.1, terms: "Net 30 EOM", currency: "USD" },
  { name: "Meridian Foods plc", habit: prompt, size: 1.8, terms: "Net 30", currency: "GBP" },
  { name: "Atlas Hydraulics GmbH", habit: normal, size: 1.3, terms: "Net 60", currency: "EUR" },
  { name: "Silverline Plastics BV", habit: slow, size: 0.8, terms: "EOM", currency: "EUR" },
  { name: "Keystone Building Materials", habit: normal, size: 1.4, terms: "10th prox", currency: "USD" },
  { name: "Harbourview Shanghai Trading", habit: normal, size: 1, terms: "月结30天", currency: "USD" },
];

export const ENGLISH_INVOICE_HEADER = [
  "Customer",
  "Invoice No",
  "Invoice Date",
  "Terms",
  "Amount",
  "Paid Amount",
  "Paid Date",
  "Status",
  "Currency",
] as const;

export const ENGLISH_CUSTOMER_HEADER = [
  "Customer",
  "Credit Limit",
  "Insured Limit",
  "Years Trading",
  "Working Capital",
  "Retained Earnings",
  "EBIT",
  "Equity",
  "Sales",
  "Total Assets",
  "Total Liabilities",
] as const;

export const ENGLISH_STATUS = { paid: "Paid", open: "Open", disputed: "Disputed" };

const SEED = 20261128;

/** The English sample: "Invoices" (≈ 340 rows) and "Customers" (22 rows). Deterministic. */
export function englishSample(): SheetData[] {
  const rows = generateInvoices({
    seed: SEED,
    customers: ENGLISH_CUSTOMERS,
    otherTerms: ["Net 30", "Net 60", "2/10 Net 30", "EOM", "Net 30 EOM", "10th prox", "COD", "月结30天"],
    invoiceCount: 340,
    ...SAMPLE_PERIOD,
    invoicePrefix: "INV-",
    creditNotePrefix: "CN-",
    status: ENGLISH_STATUS,
  });
  const exposure = exposureByCustomer(rows, ENGLISH_STATUS.paid);
  return [
    {
      name: "Invoices",
      values: invoiceTable(ENGLISH_INVOICE_HEADER, rows),
      numberFormats: invoiceFormats(rows.length),
      columnWidths: INVOICE_WIDTHS,
    },
    {
      name: "Customers",
      values: [[...ENGLISH_CUSTOMER_HEADER], ...customerRows(SEED, ENGLISH_CUSTOMERS, exposure)],
      numberFormats: customerFormats(ENGLISH_CUSTOMERS.length),
      columnWidths: CUSTOMER_WIDTHS,
    },
    {
      name: "Rates",
      values: [
        ["Currency", "Rate (USD per unit)"],
        ["EUR", 1.08],
        ["GBP", 1.27],
      ],
      columnWidths: [90, 150],
    },
  ];
}
