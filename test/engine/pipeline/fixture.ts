/** A small hand-built invoice sheet with hand-computed expectations (see score-table.test.ts). */
import { serialFromYmd } from "../../../src/engine/serial";

export const d = (y: number, m: number, day: number): number => serialFromYmd(y, m, day)!;

export const AS_OF = d(2025, 3, 31);

export const INVOICE_ROWS: unknown[][] = [
  ["Receivables ledger — March 2025", "", "", "", "", "", "", "", ""],
  ["Customer", "Invoice No", "Invoice Date", "Due Date", "Terms", "Amount", "Paid", "Paid Date", "Status"],
  ["Acme Ltd", "A1", d(2024, 12, 1), d(2024, 12, 31), "", 5000, "", "", "Open"],
  ["Acme Ltd", "A2", d(2025, 1, 20), d(2025, 2, 19), "", 4000, "", "", "Open"],
  ["Acme Ltd", "A3", d(2025, 3, 1), d(2025, 3, 31), "", "1,500.00", "", "", "Open"],
  ["ACME LTD", "A4", d(2024, 11, 1), d(2024, 12, 1), "", 2000, 2000, d(2024, 12, 11), "Paid"],
  ["", "", "", "", "", "", "", "", ""],
  ["Acme Ltd", "A5", "2025-01-01", "2025-01-31", "", 1000, "", "2025-02-20", "已付"],
  ["Beta GmbH", "B1", d(2024, 11, 15), d(2024, 12, 15), "", 800, "", "", "Disputed"],
  ["Beta GmbH", "B2", d(2025, 3, 10), d(2025, 4, 9), "", 150, "", "", ""],
  ["Beta GmbH", "B3", d(2025, 3, 15), d(2025, 3, 15), "", "(50)", "", "", ""],
  ["上海甲公司", "C1", "2025年2月1日", "", "Net 30", 2000, 500, "", "部分付款"],
  ["Total", "", "", "", "", 15400, 2500, "", ""],
];

export const CUSTOMER_ROWS: unknown[][] = [
  ["Customer", "Credit Limit", "Insured Limit", "Years Trading"],
  ["acme ltd", 10000, 8000, 10],
  ["Beta GmbH", 1000, "", ""],
  ["Zeta", 500, "", ""],
];
