/**
 * Monitoring (spec score-sheet §5): each run appends one snapshot row per customer (run date, as-of date, customer,
 * exposure, days beyond terms, score, grade) to a hidden sheet; the next run compares against the latest row per
 * customer to show trends, raise DETERIORATING and list the top movers.
 */
import { DEFAULT_POLICY, type Policy } from "../policy";
import type { Serial } from "../serial";
import { customerKey } from "../sheet/normalize";
import type { CustomerResult, Mover, ScoreResult, SnapshotRow } from "./types";

/** One customer's snapshot row. */
export function snapshotRow(c: CustomerResult, runDate: Serial, asOf: Serial): SnapshotRow {
  return {
    runDate,
    asOf,
    customer: c.name,
    exposure: c.exposure,
    daysBeyondTerms: c.daysBeyondTerms,
    score: c.score,
    grade: c.grade,
  };
}

/** Snapshot rows of a result, in the result's customer order. `asOf` defaults to the result's as-of date. */
export function makeSnapshot(
  result: ScoreResult,
  runDate: Serial,
  asOf: Serial = result.asOf,
): SnapshotRow[] {
  return result.customers.map((c) => snapshotRow(c, runDate, asOf));
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

const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

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
    const exposureChange = cur.exposure - p.exposure;
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
      Math.abs(b.exposureChange) - Math.abs(a.exposureChange) ||
      (a.customerKey < b.customerKey ? -1 : a.customerKey > b.customerKey ? 1 : 0),
  );
  return movers.slice(0, Math.max(0, limit));
}
