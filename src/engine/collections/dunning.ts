/**
 * Collections (spec score-sheet §6): overdue customers grouped by dunning stage.
 *
 * - A customer gets a case when its oldest undisputed past-due open debit invoice has reached the first policy
 *   level (default day 1). The case lists **every** undisputed past-due debit invoice of the customer (so the
 *   letter's total is the customer's overdue amount less what is disputed), names its past-due disputed invoices as
 *   not requested, and mentions its unapplied credit (credit notes, overpayments) — credit is never debt.
 * - The stage is the highest level whose start day the oldest of those invoices has reached (defaults: reminder
 *   from day 1, second notice from 15, final notice from 30, credit hold from 60); a customer over its credit limit
 *   gets at least "second notice" (spec §6 v2; the second level when the policy has no second notice).
 * - `remindedBefore`: the case's invoices that a letter of an earlier run (history with an earlier as-of date)
 *   already listed — the only ground for "our earlier reminders" in the letter (messages.ts).
 */
import type { DunningStageId, Policy } from "../policy";
import { invoiceRef } from "../pipeline/format";
import type {
  CollectionCase,
  CollectionsPlan,
  CollectionStageGroup,
  CustomerResult,
  ScoredInvoice,
} from "../pipeline/types";
import type { Msg } from "../sheet/types";

export type { CollectionCase, CollectionsPlan, CollectionStageGroup };

export const DUNNING_STAGE_NAMES: Readonly<Record<DunningStageId, Msg>> = {
  reminder: { en: "Reminder", zh: "付款提醒" },
  secondNotice: { en: "Second notice", zh: "二次催款" },
  finalNotice: { en: "Final notice", zh: "最终催款" },
  creditHold: { en: "Credit hold", zh: "暂停赊销" },
};

/** The stage for a number of days overdue, or null when below the first level. */
export function dunningStage(daysOverdue: number, policy: Pick<Policy, "dunning">): DunningStageId | null {
  let stage: DunningStageId | null = null;
  for (const level of policy.dunning.levels) if (daysOverdue >= level.fromDays) stage = level.id;
  return stage;
}

/** Position of a stage in the policy's levels (higher = more severe); -1 when absent. */
export function stageRank(stage: DunningStageId, policy: Pick<Policy, "dunning">): number {
  return policy.dunning.levels.findIndex((l) => l.id === stage);
}

/** The least stage for a customer over its credit limit: "second notice", else the policy's second level. */
function overLimitFloor(policy: Pick<Policy, "dunning">): DunningStageId | null {
  const levels = policy.dunning.levels;
  if (levels.some((l) => l.id === "secondNotice")) return "secondNotice";
  return levels[Math.min(1, levels.length - 1)]?.id ?? null;
}

function sums(items: readonly ScoredInvoice[]): { currency: string; amount: number }[] {
  const m = new Map<string, number>();
  for (const i of items) m.set(i.currency, (m.get(i.currency) ?? 0) + i.openBalance);
  return [...m.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([currency, amount]) => ({ currency, amount }));
}

export interface CollectionsInput {
  readonly invoices: readonly ScoredInvoice[];
  /**
   * An amount in `currency` in the base currency, or null without a rate (the pipeline's exchange rates). Used to
   * order cases within a stage by what is overdue; omitted, every case is taken to be in one currency.
   */
  readonly toBase?: (amount: number, currency: string) => number | null;
  readonly customers: readonly Pick<
    CustomerResult,
    "key" | "breaches" | "exposure" | "creditLimit" | "limitCurrency" | "utilization" | "currency"
  >[];
}

/**
 * Collection cases for a scored sheet. `reminded` maps customer keys to invoice refs earlier letters listed
 * (snapshot.ts remindedBefore); without it no letter claims earlier reminders.
 */
export function collectionsPlan(
  result: CollectionsInput,
  policy: Pick<Policy, "dunning">,
  reminded: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): CollectionsPlan {
  const first = policy.dunning.levels[0]?.fromDays ?? 1;
  type Entry = {
    name: string;
    invoices: ScoredInvoice[];
    disputed: ScoredInvoice[];
    credits: ScoredInvoice[];
  };
  const byCustomer = new Map<string, Entry>();
  const entry = (s: ScoredInvoice) => {
    let e = byCustomer.get(s.customerKey);
    if (!e)
      byCustomer.set(s.customerKey, (e = { name: s.customer, invoices: [], disputed: [], credits: [] }));
    return e;
  };
  for (const s of result.invoices) {
    if (s.kind === "credit") entry(s).credits.push(s);
    else if (s.kind === "debit" && s.daysPastDue !== null && s.daysPastDue > 0) {
      if (s.status === "disputed") entry(s).disputed.push(s);
      else entry(s).invoices.push(s);
    }
  }
  const customers = new Map(result.customers.map((c) => [c.key, c]));
  const floor = overLimitFloor(policy);
  const cases: CollectionCase[] = [];
  for (const [key, e] of byCustomer) {
    if (e.invoices.length === 0) continue;
    const invoices = [...e.invoices].sort((a, b) => b.daysPastDue! - a.daysPastDue! || a.row - b.row);
    const maxDays = invoices[0]!.daysPastDue!;
    if (maxDays < first) continue;
    const byDays = dunningStage(maxDays, policy);
    const c = customers.get(key);
    const overLimit = !!c && c.breaches.includes("OVER_LIMIT");
    let stage = byDays;
    if (overLimit && floor && (stage === null || stageRank(stage, policy) < stageRank(floor, policy)))
      stage = floor;
    if (!stage) continue;
    const amounts = sums(invoices);
    const earlier = reminded.get(key);
    const remindedRefs = earlier
      ? invoices.map((i) => invoiceRef(i.invoiceNo, i.row, "en")).filter((r) => earlier.has(r))
      : [];
    const disputed = [...e.disputed].sort((a, b) => b.daysPastDue! - a.daysPastDue! || a.row - b.row);
    cases.push({
      customer: e.name,
      customerKey: key,
      stage,
      stageByDays: byDays,
      overLimit,
      maxDaysPastDue: maxDays,
      invoices,
      disputed,
      credits: [...e.credits].sort((a, b) => a.row - b.row),
      amounts,
      disputedAmounts: sums(disputed),
      overdueAmount: amounts.length === 1 ? amounts[0]!.amount : null,
      currency: amounts.length === 1 ? amounts[0]!.currency : null,
      remindedBefore: remindedRefs,
      disputedExcluded: disputed.length,
      ...(overLimit && c && c.creditLimit !== null && c.utilization !== null
        ? {
            limit: {
              exposure: c.utilization * c.creditLimit,
              creditLimit: c.creditLimit,
              currency: c.limitCurrency,
            },
          }
        : {}),
    });
  }
  // Within a stage: the largest overdue first, compared in the base currency. Amounts that cannot be converted
  // (a rate is missing) are never compared with other currencies: those cases follow, oldest item first.
  const toBase = result.toBase ?? ((amount: number) => amount);
  const baseOverdue = new Map<CollectionCase, number | null>();
  for (const c of cases) {
    let total: number | null = 0;
    for (const a of c.amounts) {
      const v = toBase(a.amount, a.currency);
      total = v === null || total === null ? null : total + v;
    }
    baseOverdue.set(c, total);
  }
  cases.sort((a, b) => {
    const byStage = stageRank(b.stage, policy) - stageRank(a.stage, policy);
    if (byStage !== 0) return byStage;
    const x = baseOverdue.get(a)!;
    const y = baseOverdue.get(b)!;
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    const byAmount = x !== null && y !== null ? y - x : b.maxDaysPastDue - a.maxDaysPastDue;
    return byAmount || (a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0);
  });
  const groups = [...policy.dunning.levels]
    .reverse()
    .map((l) => ({ stage: l.id, cases: cases.filter((c) => c.stage === l.id) }));
  return { cases, groups };
}
