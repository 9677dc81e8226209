/**
 * Data-quality warnings (spec score-sheet §1 v2): rows that are read and scored, but look wrong to a credit analyst.
 * Each warning names the row, column, value and what is odd, in English and Chinese (severity "warning"):
 * - `DUPLICATE_INVOICE`: the same invoice number twice for one customer (customers matched as everywhere — trimmed,
 *   case-insensitive —, invoice numbers as written; the second and later rows are flagged and name the first);
 * - `INVOICE_AFTER_AS_OF`: an invoice date after the as-of date (the invoice is still counted, as not yet due);
 * - `PAID_OVER_AMOUNT`: a paid amount above the invoice amount (the excess is unapplied credit unless the row is
 *   closed by its status or balance);
 * - `DUE_BEFORE_INVOICE`: a due date before the invoice date.
 */
import { isoFromSerial, type Serial } from "../serial";
import { makeIssue, type ReadTableResult } from "../sheet/table";
import type { Invoice, Issue, Role } from "../sheet/types";
import { openBalanceOf } from "./balance";
import { firstOccurrences } from "./firstOccurrence";
import { formatAmount } from "./format";

export const DATA_QUALITY_CODES: ReadonlySet<string> = new Set([
  "DUPLICATE_INVOICE",
  "INVOICE_AFTER_AS_OF",
  "PAID_OVER_AMOUNT",
  "DUE_BEFORE_INVOICE",
]);

/** The data-quality warnings of a read table as of `asOf`, in row order. */
export function dataQualityIssues(read: ReadTableResult, asOf: Serial): Issue[] {
  const ctx = {
    headers: read.headers,
    rowOffset: read.rowOffset,
    columnOffset: read.columnOffset,
    ...(read.sheetName !== undefined ? { sheetName: read.sheetName } : {}),
  };
  const col = (role: Role) => read.mapping[role] ?? -1;
  const out: Issue[] = [];
  const warn = (inv: Invoice, role: Role, value: string, en: string, zh: string, code: string) =>
    out.push(makeIssue(ctx, inv.index, col(role), value, { en, zh }, "warning", code));
  const invoices = read.invoices;
  // Customers matched by key, invoice numbers as written (the reader trims them): see firstOccurrence.ts.
  const firstOf = firstOccurrences(
    invoices.length,
    (i) => invoices[i].customerKey,
    (i) => invoices[i].invoiceNo,
  );
  const asOfText = isoFromSerial(asOf);
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i];
    const f = firstOf[i];
    if (f >= 0 && f !== i) {
      const first = invoices[f].row;
      warn(
        inv,
        "invoiceNo",
        inv.invoiceNo!,
        `Invoice ${inv.invoiceNo} of ${inv.customer} is also on row ${first}; both rows are scored — check that it is not counted twice.`,
        `${inv.customer}的发票${inv.invoiceNo}在第${first}行也出现；两行都已计入评分，请确认没有重复计算。`,
        "DUPLICATE_INVOICE",
      );
    }
    if (inv.invoiceDate !== undefined && inv.invoiceDate > asOf) {
      const date = isoFromSerial(inv.invoiceDate);
      warn(
        inv,
        "invoiceDate",
        date,
        `Invoice date ${date} is after the as-of date ${asOfText}; the invoice is still counted (as not yet due).`,
        `开票日期${date}晚于截止日期${asOfText}；该发票仍计入（按未到期处理）。`,
        "INVOICE_AFTER_AS_OF",
      );
    }
    if (inv.paid !== undefined && inv.amount !== undefined && inv.amount > 0 && inv.paid > inv.amount) {
      const excess = formatAmount(inv.paid - inv.amount);
      const credit = openBalanceOf(inv, asOf) < 0;
      warn(
        inv,
        "paid",
        formatAmount(inv.paid),
        `Paid ${formatAmount(inv.paid)} is more than the invoice amount ${formatAmount(inv.amount)}` +
          (credit ? `; the ${excess} overpaid counts as unapplied credit.` : "."),
        `已收金额${formatAmount(inv.paid)}超过发票金额${formatAmount(inv.amount)}` +
          (credit ? `；多收的${excess}按未核销贷项处理。` : "。"),
        "PAID_OVER_AMOUNT",
      );
    }
    if (inv.invoiceDate !== undefined && inv.dueDate < inv.invoiceDate) {
      const due = isoFromSerial(inv.dueDate);
      const issued = isoFromSerial(inv.invoiceDate);
      warn(
        inv,
        inv.dueDateComputed ? "terms" : "dueDate",
        due,
        `Due date ${due} is before the invoice date ${issued}.`,
        `到期日${due}早于开票日期${issued}。`,
        "DUE_BEFORE_INVOICE",
      );
    }
  }
  return out;
}
