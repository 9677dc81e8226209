/**
 * Monitoring (spec score-sheet §5): each run appends one snapshot row per customer (run date, as-of date, customer,
 * exposure, days beyond terms, score, grade) to a hidden sheet; the next run compares against the latest row per
 * customer to show trends, raise DETERIORATING and list the top movers. v2 adds the overdue amount and the invoices
 * each customer's dunning letter listed, so a later letter claims "earlier reminders" only when history shows them.
 */
import { DEFAULT_POLICY, type Policy } from "../policy";
import type { Serial } from "../serial";
import { customerKey } from "../sheet/normalize";
import { invoiceRef } from "./format";
import { listedInvoices } from "../collections/messages";
import type { CustomerResult, Mover, ScoreResult, SnapshotRow } from "./types";

/** One customer's snapshot row; `dunned` = the invoices (refs) of its dunning letter in this run. */
export function snapshotRow(
  c: CustomerResult,
  runDate: Serial,
  asOf: Serial,
  dunned: readonly string[] = [],
): SnapshotRow {
  return {
    runDate,
    asOf,
    customer: c.name,
    exposure: c.exposure,
    daysBeyondTerms: c.daysBeyondTerms,
    score: c.score,
    grade: c.grade,
    overdue: c.overdue,
    dunned,
  };
}

/**
 * Refs of the invoices each customer's dunning letter names one by one (customer key → refs): the letter's first
 * LETTER_LINES invoices; the ones it only counts ("… and 73 more") are not recorded as dunned.
 */
export function dunnedRefs(result: Pick<ScoreResult, "collections">): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of result.collections.cases)
    out.set(
      c.customerKey,
      listedInvoices(c.invoices).map((i) => invoiceRef(i.invoiceNo, i.row, "en")),
    );
  return out;
}

/** Snapshot rows of a result, in the result's customer order. `asOf` defaults to the result's as-of date. */
export function makeSnapshot(
  result: ScoreResult,
  runDate: Serial,
  asOf: Serial = result.asOf,
): SnapshotRow[] {
  const dunned = dunnedRefs(result);
  return result.customers.map((c) => snapshotRow(c, runDate, asOf, dunned.get(c.key) ?? []));
}

/**
 * Invoices (refs) a customer's letters listed in runs with an as-of date before `asOf` (customer key → refs): what
 * "history shows" means for a letter's "earlier reminders" (spec §6 v2). Rows of older versions without the column
 * show nothing.
 */
export function remindedBefore(history: readonly SnapshotRow[], asOf: Serial): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const row of history) {
    if (!row || typeof row.customer !== "string" || typeof row.asOf !== "number" || !(row.asOf < asOf))
      continue;
    if (!Array.isArray(row.dunned) || row.dunned.length === 0) continue;
    const key = customerKey(row.customer);
    let set = out.get(key);
    if (!set) out.set(key, (set = new Set()));
    for (const r of row.dunned) set.add(r);
  }
  return out;
}

/**
 * The latest snapshot row per customer key (latest run date, then latest as-of date, then the later row) from a
 * history that may hold many runs. Rows with an empty customer or non-numeric dates are ignored.
 */
export function latestByCustomer(history: readonly SnapshotRow[]): Map<string, SnapshotRow> {
  const out = new Map<string, SnapshotRow>();
  for (const row of history) {
    if (!row || typeof row.customer !== "string" || !row.customer.trim()) continue;
    if (typeof row.runDate !== "number" || typeof row.asOf !== "number") continue;
    const key = customerKey(row.customer);
    const prev = out.get(key);
    if (!prev || row.runDate > prev.runDate || (row.runDate === prev.runDate && row.asOf >= prev.asOf))
      out.set(key, row);
  }
  return out;
}

/**
 * True when the change from `prev` to `current` is a deterioration under the policy: the score fell by at least
 * `deteriorationScorePoints`, or days beyond terms rose by at least `deteriorationDaysBeyondTerms`.
 */
export function isDeteriorating(
  scoreChange: number | null,
  daysBeyondTermsChange: number | null,
  policy: Policy = DEFAULT_POLICY,
): boolean {
  return (
    (scoreChange !== null && scoreChange <= -policy.breaches.deteriorationScorePoints) ||
    (daysBeyondTermsChange !== null && daysBeyondTermsChange >= policy.breaches.deteriorationDaysBeyondTerms)
  );
}

const diff = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

/**
 * Top movers between two snapshots (each may hold several runs; the latest row per customer is used). Only customers
 * in both, with some change, are listed: DETERIORATING first, then by the size of the score change, the days-beyond-
 * terms change, the exposure change, then name. `limit` caps the list (default: all).
 */
export function compareSnapshots(
  prev: readonly SnapshotRow[],
  current: readonly SnapshotRow[],
  policy: Policy = DEFAULT_POLICY,
  limit = Infinity,
): Mover[] {
  const before = latestByCustomer(prev);
  const now = latestByCustomer(current);
  const movers: Mover[] = [];
  for (const [key, cur] of now) {
    const p = before.get(key);
    if (!p) continue;
    const scoreChange = diff(cur.score, p.score);
    const daysBeyondTermsChange = diff(cur.daysBeyondTerms, p.daysBeyondTerms);
    const exposureChange = diff(cur.exposure, p.exposure);
    if (!scoreChange && !daysBeyondTermsChange && !exposureChange && cur.grade === p.grade) continue;
    movers.push({
      customer: cur.customer,
      customerKey: key,
      previous: p,
      current: cur,
      scoreChange,
      daysBeyondTermsChange,
      exposureChange,
      deteriorating: isDeteriorating(scoreChange, daysBeyondTermsChange, policy),
    });
  }
  movers.sort(
    (a, b) =>
      Number(b.deteriorating) - Number(a.deteriorating) ||
      Math.abs(b.scoreChange ?? 0) - Math.abs(a.scoreChange ?? 0) ||
      Math.abs(b.daysBeyondTermsChange ?? 0) - Math.abs(a.daysBeyondTermsChange ?? 0) ||
      Math.abs(b.exposureChange ?? 0) - Math.abs(a.exposureChange ?? 0) ||
      (a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0),
  );
  return movers.slice(0, Math.max(0, limit));
}
