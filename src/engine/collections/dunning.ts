/**
 * Collections (spec score-sheet §6): overdue customers grouped by dunning stage. A customer's stage is the highest
 * policy level whose start day its oldest overdue invoice has reached (defaults: reminder from day 1, second notice
 * from 15, final notice from 30, credit hold from 60). Disputed invoices are excluded (they are chased through the
 * dispute, not by dunning), as are credit notes and settled items.
 */
import type { DunningStageId, Policy } from "../policy";
import type { ScoreResult, ScoredInvoice } from "../pipeline/types";
import type { Msg } from "../sheet/types";

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

export interface CollectionCase {
  readonly customer: string;
  readonly customerKey: string;
  readonly stage: DunningStageId;
  /** Oldest overdue (non-disputed) invoice's days past due. */
  readonly maxDaysPastDue: number;
  /** Sum of the invoices below. */
  readonly overdueAmount: number;
  /** Overdue, non-disputed invoices with a positive open balance, oldest first. */
  readonly invoices: readonly ScoredInvoice[];
  /** Overdue invoices left out because they are disputed. */
  readonly disputedExcluded: number;
  /** The single currency of the invoices, when there is exactly one. */
  readonly currency?: string;
}

export interface CollectionStageGroup {
  readonly stage: DunningStageId;
  readonly cases: readonly CollectionCase[];
}

export interface CollectionsPlan {
  /** Most severe stage first; within a stage, largest overdue amount first (ties by name). */
  readonly cases: readonly CollectionCase[];
  /** The same cases grouped by stage, in the policy's level order reversed (credit hold first). Empty groups kept. */
  readonly groups: readonly CollectionStageGroup[];
}

/** Collection cases for a scored sheet. */
export function collectionsPlan(result: ScoreResult, policy: Pick<Policy, "dunning">): CollectionsPlan {
  const first = policy.dunning.levels[0]?.fromDays ?? 1;
  const byCustomer = new Map<string, { name: string; invoices: ScoredInvoice[]; disputed: number }>();
  for (const s of result.invoices) {
    if (!(s.openBalance > 0) || s.bucketIndex === null || s.daysPastDue === null || s.daysPastDue < first)
      continue;
    let e = byCustomer.get(s.customerKey);
    if (!e) byCustomer.set(s.customerKey, (e = { name: s.customer, invoices: [], disputed: 0 }));
    if (s.status === "disputed") e.disputed++;
    else e.invoices.push(s);
  }
  const cases: CollectionCase[] = [];
  for (const [key, e] of byCustomer) {
    if (e.invoices.length === 0) continue;
    const invoices = [...e.invoices].sort((a, b) => b.daysPastDue! - a.daysPastDue! || a.row - b.row);
    const maxDays = invoices[0]!.daysPastDue!;
    const stage = dunningStage(maxDays, policy);
    if (!stage) continue;
    const currencies = new Set(invoices.map((i) => i.currency ?? ""));
    const only = currencies.size === 1 ? [...currencies][0] : "";
    cases.push({
      customer: e.name,
      customerKey: key,
      stage,
      maxDaysPastDue: maxDays,
      overdueAmount: invoices.reduce((t, i) => t + i.openBalance, 0),
      invoices,
      disputedExcluded: e.disputed,
      ...(only ? { currency: only } : {}),
    });
  }
  cases.sort(
    (a, b) =>
      stageRank(b.stage, policy) - stageRank(a.stage, policy) ||
      b.overdueAmount - a.overdueAmount ||
      (a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0),
  );
  const groups = [...policy.dunning.levels]
    .reverse()
    .map((l) => ({ stage: l.id, cases: cases.filter((c) => c.stage === l.id) }));
  return { cases, groups };
}
