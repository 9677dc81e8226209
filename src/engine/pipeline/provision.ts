/**
 * Provision matrix (spec score-sheet §2): expected credit loss = Σ bucket balance × loss rate.
 *
 * Loss rates come from the policy (IFRS 9 illustrative defaults 0.3 %, 1.6 %, 3.6 %, 6.6 %, 10.6 %) or, when the
 * workbook holds enough history, from its own invoices by roll rates:
 * - mature invoices: gross amount > 0 and due at least `lossDays` (default 180) before the as-of date, so each
 *   has had time to be paid or to become a loss;
 * - an invoice "reached" bucket k when its final lateness (paid date − due date when settled, as-of − due date
 *   when still open) falls in bucket k or beyond; reached[k] sums gross amounts;
 * - a loss is the open balance still unpaid ≥ `lossDays` past due; losses[k] sums those of invoices that reached k;
 * - loss rate k = losses[k] / reached[k] (the product of the roll rates from k onwards times the final loss rate,
 *   which telescopes to this ratio); roll rate k→k+1 = reached[k+1] / reached[k];
 * - enough history = ≥ `minCohorts` distinct invoice months (invoice date, else due date) among mature invoices and
 *   ≥ `minPaidInvoices` settled ones with a paid date. Settled invoices without a paid date are left out.
 * A bucket no mature invoice reached keeps the policy rate. Balances below 0 (credits) provide nothing.
 */
import { bucketIndex } from "../aging";
import type { Policy } from "../policy";
import { ymdFromSerial, type Serial } from "../serial";
import type { Msg } from "../sheet/types";
import type { ProvisionMatrix, RollRateInfo } from "./types";

/** What the roll-rate method needs from each invoice. */
export interface HistoryItem {
  readonly amount: number;
  readonly dueDate: Serial;
  readonly invoiceDate?: Serial | undefined;
  readonly openBalance: number;
  /** Paid date when settled; undefined when open or unknown. */
  readonly paidDate?: Serial | undefined;
  readonly settled: boolean;
}

/** The same history in columns (NaN = no date): what scoreTable builds, without one object per invoice. */
export interface HistoryColumns {
  readonly length: number;
  readonly amount: Float64Array;
  readonly dueDate: Float64Array;
  readonly invoiceDate: Float64Array;
  readonly openBalance: Float64Array;
  readonly paidDate: Float64Array;
  readonly settled: Uint8Array;
}

/** Zero-filled history columns for `n` invoices (the caller fills them). */
export function emptyHistoryColumns(n: number): HistoryColumns {
  return {
    length: n,
    amount: new Float64Array(n),
    dueDate: new Float64Array(n),
    invoiceDate: new Float64Array(n),
    openBalance: new Float64Array(n),
    paidDate: new Float64Array(n),
    settled: new Uint8Array(n),
  };
}

/** Columns from items (for callers and tests that have objects). */
export function historyColumns(items: readonly HistoryItem[]): HistoryColumns {
  const h = emptyHistoryColumns(items.length);
  items.forEach((it, i) => {
    h.amount[i] = it.amount;
    h.dueDate[i] = it.dueDate;
    h.invoiceDate[i] = it.invoiceDate ?? NaN;
    h.openBalance[i] = it.openBalance;
    h.paidDate[i] = it.paidDate ?? NaN;
    h.settled[i] = it.settled ? 1 : 0;
  });
  return h;
}

/** Roll-rate statistics of the history (see module comment). */
export function rollRates(
  history: HistoryColumns | readonly HistoryItem[],
  policy: Policy,
  asOf: Serial,
): RollRateInfo {
  const h = Array.isArray(history)
    ? historyColumns(history as readonly HistoryItem[])
    : (history as HistoryColumns);
  const edges = policy.aging.edges;
  const n = edges.length + 2;
  const lossDays = policy.rollRate.lossDays;
  const reached = new Array<number>(n).fill(0);
  const losses = new Array<number>(n).fill(0);
  const months = new Set<number>();
  let mature = 0;
  let paid = 0;
  for (let i = 0; i < h.length; i++) {
    const amount = h.amount[i]!;
    const due = h.dueDate[i]!;
    if (!(amount > 0) || due > asOf - lossDays) continue;
    let late: number;
    let loss = 0;
    if (h.settled[i]) {
      const paidDate = h.paidDate[i]!;
      if (!(paidDate <= asOf)) continue; // NaN (unknown) or after the as-of date
      late = paidDate - due;
      paid++;
    } else {
      late = asOf - due;
      const open = h.openBalance[i]!;
      if (open > 0 && late >= lossDays) loss = Math.min(open, amount);
    }
    mature++;
    const invoiceDate = h.invoiceDate[i]!;
    const { year, month } = ymdFromSerial(Number.isNaN(invoiceDate) ? due : invoiceDate);
    months.add(year * 12 + month);
    const top = bucketIndex(late, edges);
    for (let k = 0; k <= top; k++) {
      reached[k]! += amount;
      losses[k]! += loss;
    }
  }
  const rates = reached.map((r, k) => (r > 0 ? losses[k]! / r : null));
  const roll = reached.slice(0, -1).map((r, k) => (r > 0 ? reached[k + 1]! / r : null));
  const enough = months.size >= policy.rollRate.minCohorts && paid >= policy.rollRate.minPaidInvoices;
  return {
    cohorts: months.size,
    matureInvoices: mature,
    paidInvoices: paid,
    lossDays,
    reached,
    losses,
    rollRates: roll,
    rates,
    enough,
  };
}

/** The provision matrix for the given bucket balances. */
export function provisionMatrix(
  balances: readonly number[],
  labels: readonly string[],
  policy: Policy,
  history: RollRateInfo,
): ProvisionMatrix {
  const requested = policy.lossRateMethod;
  const useRoll = requested !== "policy" && history.enough;
  const rates = balances.map((_, k) => {
    const derived = history.rates[k];
    return useRoll && derived !== null && derived !== undefined ? derived : (policy.lossRates[k] ?? 0);
  });
  const rows = balances.map((balance, k) => ({
    label: labels[k] ?? String(k),
    balance,
    rate: rates[k]!,
    provision: Math.max(0, balance) * rates[k]!,
  }));
  const total = rows.reduce((s, r) => s + r.provision, 0);
  let note: Msg;
  if (useRoll) {
    note = {
      en: `Loss rates derived from this workbook's history by roll rates (${history.cohorts} monthly cohorts, ${history.paidInvoices} paid invoices, loss = unpaid ${history.lossDays}+ days past due).`,
      zh: `损失率由本工作簿的历史数据按迁徙率推算（${history.cohorts}个月度批次，${history.paidInvoices}张已付发票，损失定义为逾期${history.lossDays}天以上仍未收回）。`,
    };
  } else if (requested === "policy") {
    note = { en: "Loss rates from the policy settings.", zh: "损失率来自政策设置。" };
  } else {
    note = {
      en: `Loss rates from the policy settings: not enough history for roll rates (${history.cohorts} of ${policy.rollRate.minCohorts} monthly cohorts, ${history.paidInvoices} of ${policy.rollRate.minPaidInvoices} paid invoices).`,
      zh: `损失率来自政策设置：历史数据不足以计算迁徙率（月度批次${history.cohorts}/${policy.rollRate.minCohorts}，已付发票${history.paidInvoices}/${policy.rollRate.minPaidInvoices}）。`,
    };
  }
  return { method: useRoll ? "rollRate" : "policy", requested, rows, total, rollRate: history, note };
}
