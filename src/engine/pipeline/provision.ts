/**
 * Provision matrix (spec score-sheet §2): expected credit loss = Σ bucket balance × loss rate, balances being the
 * positive (debit) open balances per aging bucket — unapplied credit provides nothing.
 *
 * Loss rates are the policy's (default method; IFRS 9 illustrative defaults 0.3 %, 1.6 %, 3.6 %, 6.6 %, 10.6 %) or,
 * only when the analyst chose "rollRate" in the Policy view *and* the workbook holds enough mature history, derived
 * from the workbook's own invoices by roll rates:
 * - a cohort is an invoice month (invoice date, else due date); it is **mature** when every invoice of the month
 *   fell due at least `lossDays` (default 180) before the as-of date, so every outcome is known: paid (and how
 *   late) or still unpaid `lossDays`+ past due (a loss). Only invoices of mature cohorts enter the statistics;
 * - an invoice "reached" bucket k when its final lateness (paid date − due date when settled, as-of − due date
 *   when still open) falls in bucket k or beyond; reached[k] sums gross amounts (base currency);
 * - a loss is the open balance still unpaid ≥ `lossDays` past due; losses[k] sums those of invoices that reached k;
 * - derived loss rate k = losses[k] / reached[k] (the product of the roll rates from k onwards times the final loss
 *   rate, which telescopes to this ratio); roll rate k→k+1 = reached[k+1] / reached[k];
 * - enough history = ≥ `minCohorts` mature cohorts and ≥ `minPaidInvoices` settled invoices with a paid date among
 *   them (settled invoices without a paid date are left out; so are invoices in a currency without a rate);
 * - a derived rate is never below its floor, `floorShare` (default 0.5) × the policy rate of that bucket, so a
 *   loss-free history cannot make the provision zero against an overdue book; a bucket no mature invoice reached
 *   keeps the policy rate.
 * Without a rate for some currency the matrix is given per currency (own units) and the base total is null.
 */
import { bucketIndex } from "../aging";
import type { Policy } from "../policy";
import { ymdFromSerial, type Serial } from "../serial";
import type { Msg } from "../sheet/types";
import { formatAmount } from "./format";
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

/** Roll-rate statistics of the history over mature cohorts (see module comment). Amounts NaN = unconverted. */
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
  const matureBy = asOf - lossDays;
  // Pass 1: each cohort's latest due date (a cohort is mature when even that is old enough).
  const monthOf = new Int32Array(h.length);
  const latestDue = new Map<number, number>();
  const monthCache = new Map<number, number>();
  for (let i = 0; i < h.length; i++) {
    const amount = h.amount[i]!;
    if (!(amount > 0) && !Number.isNaN(amount)) {
      monthOf[i] = -1;
      continue;
    }
    const due = h.dueDate[i]!;
    const invoiceDate = h.invoiceDate[i]!;
    const day = Number.isNaN(invoiceDate) ? due : invoiceDate;
    // Dates repeat across invoices: one calendar conversion per distinct day.
    let key = monthCache.get(day);
    if (key === undefined) {
      const { year, month } = ymdFromSerial(day);
      key = year * 12 + month;
      monthCache.set(day, key);
    }
    monthOf[i] = key;
    const prev = latestDue.get(key);
    if (prev === undefined || due > prev) latestDue.set(key, due);
  }
  const reached = new Array<number>(n).fill(0);
  const losses = new Array<number>(n).fill(0);
  const months = new Set<number>();
  let mature = 0;
  let paid = 0;
  let unconverted = 0;
  for (let i = 0; i < h.length; i++) {
    const key = monthOf[i]!;
    if (key < 0 || !(latestDue.get(key)! <= matureBy)) continue;
    const amount = h.amount[i]!;
    if (Number.isNaN(amount)) {
      unconverted++;
      continue;
    }
    const due = h.dueDate[i]!;
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
    months.add(key);
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
    unconverted,
    reached,
    losses,
    rollRates: roll,
    rates,
    enough,
  };
}

/** Bucket balances of one currency, with its rate to the base currency (null = missing). */
export interface BalanceSection {
  readonly currency: string;
  readonly balances: readonly number[];
  readonly rate: number | null;
}

function section(
  currency: string,
  balances: readonly number[],
  labels: readonly string[],
  rates: readonly number[],
) {
  const rows = balances.map((balance, k) => ({
    label: labels[k] ?? String(k),
    balance,
    rate: rates[k]!,
    provision: Math.max(0, balance) * rates[k]!,
  }));
  return { currency, rows, total: rows.reduce((t, r) => t + r.provision, 0) };
}

/** The provision matrix for bucket balances given per currency (one section when there is one currency). */
export function provisionMatrix(
  sections: readonly BalanceSection[] | readonly number[],
  labels: readonly string[],
  policy: Policy,
  history: RollRateInfo,
): ProvisionMatrix {
  const list: readonly BalanceSection[] =
    typeof sections[0] === "number" || sections.length === 0
      ? [{ currency: "", balances: sections as readonly number[], rate: 1 }]
      : (sections as readonly BalanceSection[]);
  const requested = policy.lossRateMethod;
  const useRoll = requested === "rollRate" && history.enough;
  const floors = labels.map((_, k) => policy.rollRate.floorShare * (policy.lossRates[k] ?? 0));
  const rates = labels.map((_, k) => {
    const derived = history.rates[k];
    const policyRate = policy.lossRates[k] ?? 0;
    if (!useRoll || derived === null || derived === undefined) return policyRate;
    return Math.max(derived, floors[k]!);
  });
  const byCurrency = list.map((sec) => section(sec.currency, sec.balances, labels, rates));
  const converted = list.every((sec) => sec.rate !== null);
  let rows: ProvisionMatrix["rows"] = null;
  let total: number | null = null;
  if (converted) {
    const base = labels.map((_, k) => list.reduce((t, sec) => t + (sec.balances[k] ?? 0) * sec.rate!, 0));
    const sec = section("", base, labels, rates);
    rows = sec.rows;
    total = sec.total;
  }
  const c = policy.rollRate;
  // Counts with thousands separators ("45,865 paid invoices").
  const n = (v: number) => formatAmount(v, 0);
  const mature = {
    en: `invoice months whose invoices all fell due at least ${history.lossDays} days before the as-of date`,
    zh: `即所有发票均已在截止日期前至少${history.lossDays}天到期的开票月份`,
  };
  let note: Msg;
  if (useRoll) {
    note = {
      en: `Loss rates derived by roll rates from ${n(history.cohorts)} mature cohorts (${mature.en}) with ${n(history.paidInvoices)} paid invoices; a loss is an invoice still unpaid ${history.lossDays}+ days past due; no rate is below ${formatAmount(c.floorShare * 100, 0)}% of the policy rate.`,
      zh: `损失率按滚动率由${n(history.cohorts)}个成熟批次（${mature.zh}）推算，含${n(history.paidInvoices)}张已付发票；损失指逾期${history.lossDays}天以上仍未收回的发票；各损失率不低于政策损失率的${formatAmount(c.floorShare * 100, 0)}%。`,
    };
  } else if (requested === "policy") {
    note = {
      en: "Loss rates from the policy (provision matrix). Roll rates from the workbook's history can be chosen in the Policy view.",
      zh: "损失率来自政策设置（减值矩阵）。可在“政策”视图中改用根据工作簿历史计算的滚动率。",
    };
  } else {
    note = {
      en: `Loss rates from the policy: roll rates were chosen, but the history has ${n(history.cohorts)} of ${n(c.minCohorts)} mature cohorts (${mature.en}) and ${n(history.paidInvoices)} of ${n(c.minPaidInvoices)} paid invoices.`,
      zh: `损失率来自政策设置：已选择滚动率，但历史数据只有${n(history.cohorts)}/${n(c.minCohorts)}个成熟批次（${mature.zh}）和${n(history.paidInvoices)}/${n(c.minPaidInvoices)}张已付发票。`,
    };
  }
  if (history.unconverted > 0 && requested === "rollRate") {
    note = {
      en: `${note.en} ${formatAmount(history.unconverted, 0)} mature invoice(s) in currencies without a rate were left out of the history.`.replace(
        "invoice(s)",
        history.unconverted === 1 ? "invoice" : "invoices",
      ),
      zh: `${note.zh}另有${formatAmount(history.unconverted, 0)}张成熟发票因币种缺少汇率未计入历史数据。`,
    };
  }
  return {
    method: useRoll ? "rollRate" : "policy",
    requested,
    rates,
    floors,
    rows,
    total,
    byCurrency,
    rollRate: history,
    note,
  };
}
