/**
 * Open balance and gross amount of one invoice row (spec score-sheet §2): open balance = status paid → 0; else the
 * balance column; else amount − paid; else, with a paid date on or before the as-of date and no paid amount, 0; else
 * the amount — a payment dated after the as-of date is not known yet, so the amount is open.
 */
import type { Serial } from "../serial";
import type { Invoice } from "../sheet/types";

/** Open balance as of `asOf` (see module comment). Tiny float noise (< 1e-9) becomes 0. */
export function openBalanceOf(inv: Invoice, asOf: Serial): number {
  let open: number;
  const paidLater = inv.paidDate !== undefined && inv.paidDate > asOf;
  if (paidLater && inv.amount !== undefined) open = inv.amount;
  else if (inv.status === "paid") open = 0;
  else if (inv.balance !== undefined) open = inv.balance;
  else if (inv.amount === undefined) open = 0;
  else if (inv.paid !== undefined) open = inv.amount - inv.paid;
  else if (inv.paidDate !== undefined) open = 0;
  else open = inv.amount;
  return Math.abs(open) < 1e-9 ? 0 : open;
}

/** Gross invoice amount: the amount column, else balance + paid. */
export function grossOf(inv: Invoice): number {
  return inv.amount ?? (inv.balance ?? 0) + (inv.paid ?? 0);
}
