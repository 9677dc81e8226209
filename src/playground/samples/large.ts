/** The grid-speed / scale sample: an "Invoices" sheet with any number of rows (100,000 in the playground). */
import { ENGLISH_CUSTOMERS, ENGLISH_INVOICE_HEADER } from "./english";
import { INVOICE_WIDTHS, SAMPLE_PERIOD, invoiceFormats, sampleDueDate } from "./invoices";
import { createRng } from "./prng";
import type { SheetData } from "./types";

const TERMS = ["Net 30", "Net 60", "2/10 Net 30", "EOM", "Net 30 EOM", "10th prox", "COD", "月结30天"];

/**
 * `rows` invoices (plus the header) over the sample period, cycling through the English customers, with a
 * "Customers" sheet. Linear time, deterministic; the invoice number of data row i is `L-` + i (1-based).
 */
export function largeSample(rows: number): SheetData[] {
  const rng = createRng(0x1a46e);
  const { firstSerial, lastSerial, asOfSerial } = SAMPLE_PERIOD;
  const span = lastSerial - firstSerial;
  const values: unknown[][] = new Array(rows + 1);
  values[0] = [...ENGLISH_INVOICE_HEADER];
  for (let i = 1; i <= rows; i++) {
    const customer = ENGLISH_CUSTOMERS[(i * 7 + rng.int(0, 3)) % ENGLISH_CUSTOMERS.length];
    const date = firstSerial + Math.floor((span * (i - 1)) / Math.max(1, rows));
    const terms = rng.chance(0.8) ? customer.terms : TERMS[rng.int(0, TERMS.length - 1)];
    const amount = Math.round((300 + rng.next() * 15000) * 100) / 100;
    const paidOn = Math.max(
      date,
      sampleDueDate(date, terms) + Math.round(customer.habit.lateDays + rng.next() * 10 - 5),
    );
    const paid = paidOn <= asOfSerial;
    const disputed = !paid && rng.chance(0.02);
    values[i] = [
      customer.name,
      `L-${i}`,
      date,
      terms,
      amount,
      paid ? amount : 0,
      paid ? paidOn : "",
      paid ? "Paid" : disputed ? "Disputed" : "Open",
      customer.currency,
    ];
  }
  const customers = [
    ["Customer", "Credit Limit", "Insured Limit"],
    ...ENGLISH_CUSTOMERS.map((c, k) => [c.name, 50000 * (k + 2), 40000 * (k + 2)]),
  ];
  return [
    { name: "Invoices", values, numberFormats: invoiceFormats(rows), columnWidths: INVOICE_WIDTHS },
    { name: "Customers", values: customers, columnWidths: [150, 80, 80] },
  ];
}
