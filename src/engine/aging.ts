/**
 * Aging: days past due and aging buckets.
 *
 * Buckets for edges `[e1, …, ek]` (ascending positive integers): `Current` (≤ 0 days), `1-e1`, `e1+1 - e2`, …,
 * `ek+1` and beyond (`91+` for the default edges 30/60/90) — k + 2 buckets in all.
 */
import type { Serial } from "./serial";

export const DEFAULT_AGING_EDGES: readonly number[] = Object.freeze([30, 60, 90]);

/** Label of the not-yet-overdue bucket. */
export const CURRENT_LABEL = "Current";

/** `[30,60,90]` -> `["Current","1-30","31-60","61-90","91+"]`; a one-day bucket is labelled by its day alone. */
export function bucketLabels(edges: readonly number[]): string[] {
  const labels = [CURRENT_LABEL];
  let low = 1;
  for (const edge of edges) {
    labels.push(edge === low ? String(low) : `${low}-${edge}`);
    low = edge + 1;
  }
  labels.push(`${low}+`);
  return labels;
}

/**
 * The Chinese label set for the same buckets, as Chinese aging reports write them:
 * `[30,60,90]` -> `["未到期","1-30天","31-60天","61-90天","90天以上"]` (the last bucket is "more than the last edge").
 */
export function bucketLabelsZh(edges: readonly number[]): string[] {
  const labels = ["未到期"];
  let low = 1;
  for (const edge of edges) {
    labels.push(edge === low ? `${low}天` : `${low}-${edge}天`);
    low = edge + 1;
  }
  labels.push(`${low - 1}天以上`);
  return labels;
}

/**
 * Index into {@link bucketLabels}: 0 = Current (days ≤ 0), i = the bucket whose upper edge is `edges[i-1]`,
 * `edges.length + 1` = beyond the last edge. Fractional days compare as they are (30.5 is past an edge of 30).
 */
export function bucketIndex(daysPastDue: number, edges: readonly number[]): number {
  if (!(daysPastDue > 0)) return 0;
  for (let i = 0; i < edges.length; i++) {
    if (daysPastDue <= edges[i]) return i + 1;
  }
  return edges.length + 1;
}

/** Problems with bucket edges: must be ascending positive integers, at least one. Empty array = valid. */
export function edgeProblems(edges: readonly number[]): string[] {
  const problems: string[] = [];
  if (edges.length === 0) problems.push("no bucket edges");
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!Number.isInteger(e) || e < 1) problems.push(`edge ${e} is not a positive whole number of days`);
    else if (i > 0 && e <= edges[i - 1]) problems.push(`edges must be ascending (${edges[i - 1]} then ${e})`);
  }
  return problems;
}

/**
 * Whole days past due, never negative: `max(0, end - due)` where `end` is `asOf`, or `paid` when that is given and
 * not after `asOf` (a payment after the report date is not known yet on that date).
 */
export function daysPastDue(due: Serial, asOf: Serial, paid?: Serial | null): number {
  const end = paid != null && paid >= 1 && Math.floor(paid) <= Math.floor(asOf) ? paid : asOf;
  return Math.max(0, Math.floor(end) - Math.floor(due));
}
