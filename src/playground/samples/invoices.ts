/**
 * The shared invoice-ledger generator behind the English, Chinese and large samples.
 *
 * Everything is derived from a seeded PRNG and integer serial arithmetic (src/engine/serial.ts), so the same
 * call always yields the same workbook, in any time zone.
 */
import { dayOfMonthAfter, endOfMonth, serialFromYmd } from "../../engine/serial";
import { createRng, type Rng } from "./prng";

/** How a customer pays: average days beyond terms, its spread, and how often invoices stay open. */
export interface PayingHabit {
  lateDays: number;
  spread: number;
}

export interface CustomerProfile {
  name: string;
  habit: PayingHabit;
  /** Relative size: scales invoice amounts. */
  size: number;
  /** Usual payment terms text; other terms appear occasionally. */
  terms: string;
  currency: string;
  /** Credit limit set below the customer's exposure. */
  overLimit?: boolean;
  /** Insured limit set below the customer's exposure. */
  overInsured?: boolean;
}

export interface LedgerOptions {
  seed: number;
  customers: readonly CustomerProfile[];
  /** Occasional alternative terms (the mix). */
  otherTerms: readonly string[];
  invoiceCount: number;
  firstSerial: number;
  lastSerial: number;
  asOfSerial: number;
  invoicePrefix: string;
  creditNotePrefix: string;
  status: { paid: string; open: string; disputed: string };
}

/** One generated invoice row, before localisation into a sheet. */
export interface InvoiceRow {
  customer: string;
  invoiceNo: string;
  invoiceDate: number;
  terms: string;
  amount: number;
  paidAmount: number;
  paidDate: number | "";
  status: string;
  currency: string;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/**
 * Approximate due date of the sample's own terms texts (only to make paid dates plausible; the add-in's
 * real terms parser lives in the engine). Unknown text counts as net 30.
 */
export function sampleDueDate(invoiceDate: number, terms: string): number {
  const t = terms.trim().toLowerCase();
  if (t === "cod" || t === "货到付款") return invoiceDate;
  if (t === "eom") return endOfMonth(invoiceDate);
  if (t === "10th prox") return dayOfMonthAfter(invoiceDate, 1, 10) ?? invoiceDate + 30;
  const eom = /^(?:net\s*)?(\d+)\s*eom$/.exec(t) ?? /^月结(\d+)天?$/.exec(t);
  if (eom) return endOfMonth(invoiceDate) + Number(eom[1]);
  const days = /(\d+)\s*(?:天)?$/.exec(t);
  return invoiceDate + (days ? Number(days[1]) : 30);
}

function invoiceAmount(rng: Rng, size: number): number {
  // Skewed amounts: most invoices small, a few large.
  const base = 400 + rng.next() * rng.next() * 24000;
  return cents(base * size);
}

function paidOutcome(
  rng: Rng,
  row: InvoiceRow,
  habit: PayingHabit,
  asOf: number,
  status: LedgerOptions["status"],
): void {
  const due = sampleDueDate(row.invoiceDate, row.terms);
  const delay = Math.max(-5, Math.round(habit.lateDays + (rng.next() * 2 - 1) * habit.spread));
  const paidOn = Math.max(row.invoiceDate, due + delay); // never paid before it was invoiced
  if (paidOn <= asOf) {
    row.paidAmount = row.amount;
    row.paidDate = paidOn;
    row.status = status.paid;
    return;
  }
  // Still open; some open invoices have received a part payment.
  if (rng.chance(0.18) && row.invoiceDate + 20 <= asOf) {
    row.paidAmount = cents(row.amount * (0.2 + 0.6 * rng.next()));
    row.paidDate = Math.min(asOf, row.invoiceDate + rng.int(10, 40));
  }
  row.status = status.open;
}

/** Generates the invoice rows, sorted by invoice date, numbered in that order. */
export function generateInvoices(options: LedgerOptions): InvoiceRow[] {
  const rng = createRng(options.seed);
  const { customers, firstSerial, lastSerial, asOfSerial, status } = options;
  const dated: { customer: CustomerProfile; date: number }[] = [];
  for (let i = 0; i < options.invoiceCount; i++) {
    // Every customer gets at least a few invoices: the first rounds go round-robin.
    const customer = i < customers.length * 3 ? customers[i % customers.length] : rng.pick(customers);
    dated.push({ customer, date: rng.int(firstSerial, lastSerial) });
  }
  dated.sort((a, b) => a.date - b.date);
  const rows: InvoiceRow[] = dated.map(({ customer, date }, i) => {
    const terms = rng.chance(0.12) ? rng.pick(options.otherTerms) : customer.terms;
    const row: InvoiceRow = {
      customer: customer.name,
      invoiceNo: `${options.invoicePrefix}${String(i + 1).padStart(5, "0")}`,
      invoiceDate: date,
      terms,
      amount: invoiceAmount(rng, customer.size),
      paidAmount: 0,
      paidDate: "",
      status: status.open,
      currency: customer.currency,
    };
    paidOutcome(rng, row, customer.habit, asOfSerial, status);
    return row;
  });
  markDisputes(rng, rows, status);
  addCreditNotes(rows, options);
  return rows;
}

/** A handful of open invoices become disputed (some old, some recent). */
function markDisputes(rng: Rng, rows: InvoiceRow[], status: LedgerOptions["status"]): void {
  const open = rows.filter((r) => r.status === status.open && r.paidAmount === 0);
  const wanted = Math.max(3, Math.round(rows.length / 60));
  for (let k = 0; k < wanted && open.length > 0; k++) {
    const index = rng.int(0, open.length - 1);
    open[index].status = status.disputed;
    open.splice(index, 1);
  }
}

/** Two credit notes (negative amounts) against existing customers, dated after an invoice of theirs. */
function addCreditNotes(rows: InvoiceRow[], options: LedgerOptions): void {
  const picks = [rows[Math.floor(rows.length / 3)], rows[Math.floor((rows.length * 2) / 3)]];
  picks.forEach((source, k) => {
    const note: InvoiceRow = {
      customer: source.customer,
      invoiceNo: `${options.creditNotePrefix}${String(k + 1).padStart(4, "0")}`,
      invoiceDate: source.invoiceDate + 7,
      terms: source.terms,
      amount: -cents(Math.min(Math.abs(source.amount), 2500) / 2),
      paidAmount: 0,
      paidDate: "",
      status: options.status.open,
      currency: source.currency,
    };
    const at = rows.findIndex((r) => r.invoiceDate > note.invoiceDate);
    rows.splice(at < 0 ? rows.length : at, 0, note);
  });
}

/** Open balance per customer (amount − paid of every row not marked paid). */
export function exposureByCustomer(rows: readonly InvoiceRow[], paidStatus: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const open = r.status === paidStatus ? 0 : r.amount - r.paidAmount;
    out.set(r.customer, cents((out.get(r.customer) ?? 0) + open));
  }
  return out;
}

const roundTo = (x: number, step: number): number => Math.max(step, Math.round(x / step) * step);

/**
 * Customers-sheet rows: credit and insured limits derived from each customer's exposure (below it for
 * over-limit customers), plus Altman-style financials in proportion to the customer's size.
 */
export function customerRows(
  seed: number,
  customers: readonly CustomerProfile[],
  exposure: Map<string, number>,
): unknown[][] {
  const rng = createRng(seed ^ 0x5eed);
  return customers.map((c) => {
    const e = exposure.get(c.name) ?? 0;
    const limit = c.overLimit ? roundTo(e * 0.75, 5000) : roundTo(e * (1.4 + rng.next()) + 10000, 5000);
    const insured = c.overInsured || c.overLimit ? roundTo(e * 0.5, 5000) : roundTo(limit * 0.8, 5000);
    const sales = roundTo(c.size * (2 + rng.next() * 6) * 1_000_000, 1000);
    const assets = roundTo(sales * (0.5 + rng.next() * 0.6), 1000);
    const weak = c.habit.lateDays > 30;
    const liabilities = roundTo(assets * (weak ? 0.75 + rng.next() * 0.2 : 0.3 + rng.next() * 0.3), 1000);
    const equity = assets - liabilities;
    const workingCapital = roundTo(
      assets * (weak ? -0.05 + rng.next() * 0.1 : 0.1 + rng.next() * 0.25),
      1000,
    );
    const retained = roundTo(equity * (weak ? 0.1 : 0.4 + rng.next() * 0.4), 1000);
    const ebit = roundTo(sales * (weak ? -0.02 + rng.next() * 0.04 : 0.05 + rng.next() * 0.1), 1000);
    const years = weak ? rng.int(1, 6) : rng.int(4, 40);
    return [
      c.name,
      limit,
      insured,
      years,
      workingCapital,
      retained,
      ebit,
      equity,
      sales,
      assets,
      liabilities,
    ];
  });
}

/** Sheet rows of invoices in the fixed column order of both samples. */
export function invoiceTable(header: readonly string[], rows: readonly InvoiceRow[]): unknown[][] {
  return [
    [...header],
    ...rows.map((r) => [
      r.customer,
      r.invoiceNo,
      r.invoiceDate,
      r.terms,
      r.amount,
      r.paidAmount,
      r.paidDate,
      r.status,
      r.currency,
    ]),
  ];
}

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONEY_FORMAT = "#,##0.00";
export const WHOLE_FORMAT = "#,##0";

/** Number formats of an invoice table (dates in columns C and G, money in E and F); the header row has none. */
export function invoiceFormats(rowCount: number): (string | null)[][] {
  const header = new Array<string | null>(9).fill(null);
  const row = [null, null, DATE_FORMAT, null, MONEY_FORMAT, MONEY_FORMAT, DATE_FORMAT, null, null];
  const out: (string | null)[][] = [header];
  for (let i = 0; i < rowCount; i++) out.push(row);
  return out;
}

/** Number formats of a customers table: whole numbers except column A (names) and D (years). */
export function customerFormats(rowCount: number): (string | null)[][] {
  const row = [null, WHOLE_FORMAT, WHOLE_FORMAT, null, ...new Array<string>(7).fill(WHOLE_FORMAT)];
  const out: (string | null)[][] = [new Array<string | null>(11).fill(null)];
  for (let i = 0; i < rowCount; i++) out.push(row);
  return out;
}

/** Column widths (points) of the invoice and customers tables. */
export const INVOICE_WIDTHS = [150, 72, 82, 78, 76, 86, 76, 60, 62];
export const CUSTOMER_WIDTHS = [150, 70, 70, 62, 80, 80, 70, 70, 80, 80, 80];

/** Sample period: ~14 months of invoices ending late November 2026, as of 2026-11-28. */
export const SAMPLE_PERIOD = {
  firstSerial: serialFromYmd(2025, 9, 20) as number,
  lastSerial: serialFromYmd(2026, 11, 20) as number,
  asOfSerial: serialFromYmd(2026, 11, 28) as number,
};
