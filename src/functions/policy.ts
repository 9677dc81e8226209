/**
 * The function policy: module-level settings the AR.* functions read at call time. The task pane sets it from the
 * policy saved in the workbook (shared runtime); without the pane the defaults apply (aging edges 30/60/90,
 * built labels, English messages).
 */
import { DEFAULT_AGING_EDGES, bucketLabels, edgeProblems } from "../engine/aging";

export type PolicyLang = "en" | "zh-CN";

export interface FunctionPolicy {
  /** Aging bucket edges used by AGINGBUCKET when its `edges` argument is omitted. */
  readonly agingEdges: readonly number[];
  /** Labels for those buckets (edges + 2, or edges + 1 keeping "Current"); `null` = built from the edges. */
  readonly agingLabels: readonly string[] | null;
  /** Language of error messages and SCOREREASONS text. */
  readonly lang: PolicyLang;
}

export interface FunctionPolicyInput {
  agingEdges?: readonly number[] | null;
  agingLabels?: readonly string[] | null;
  lang?: PolicyLang;
}

const DEFAULT_POLICY: FunctionPolicy = Object.freeze({
  agingEdges: DEFAULT_AGING_EDGES,
  agingLabels: null,
  lang: "en",
});

let policy: FunctionPolicy = DEFAULT_POLICY;
let resolvedLabels: readonly string[] = bucketLabels(DEFAULT_AGING_EDGES);

/**
 * Bucket labels for `edges` from user labels: `edges + 2` labels name every bucket (Current first); `edges + 1`
 * labels name the overdue buckets and keep "Current" for days ≤ 0 (the spec's "one more than edges"). `null` when
 * the count fits neither.
 */
export function resolveLabels(edges: readonly number[], labels: readonly string[] | null): string[] | null {
  const built = bucketLabels(edges);
  if (labels === null) return built;
  if (labels.length === edges.length + 2) return labels.slice();
  if (labels.length === edges.length + 1) return [built[0], ...labels];
  return null;
}

/**
 * Apply the given fields (omitted fields keep their value; `null` edges/labels restore the defaults). Invalid fields
 * are not applied; the returned list names each problem (empty = everything applied). Never throws.
 */
export function setFunctionPolicy(input: FunctionPolicyInput): string[] {
  const problems: string[] = [];
  let edges = policy.agingEdges;
  let labels = policy.agingLabels;
  let lang = policy.lang;
  if (input.agingEdges !== undefined) {
    const candidate =
      input.agingEdges === null ? DEFAULT_AGING_EDGES : Object.freeze(input.agingEdges.slice());
    const edgeIssues = edgeProblems(candidate);
    if (edgeIssues.length === 0) edges = candidate;
    else problems.push(...edgeIssues.map((p) => `agingEdges: ${p}`));
  }
  if (input.agingLabels !== undefined) {
    labels = input.agingLabels === null ? null : Object.freeze(input.agingLabels.map(String));
  }
  if (labels !== null && resolveLabels(edges, labels) === null) {
    problems.push(
      `agingLabels: expected ${edges.length + 2} (or ${edges.length + 1}) labels, got ${labels.length}`,
    );
    labels = input.agingLabels !== undefined ? policy.agingLabels : null;
    if (labels !== null && resolveLabels(edges, labels) === null) labels = null;
  }
  if (input.lang !== undefined) {
    if (input.lang === "en" || input.lang === "zh-CN") lang = input.lang;
    else problems.push(`lang: expected "en" or "zh-CN", got ${String(input.lang)}`);
  }
  policy = Object.freeze({ agingEdges: edges, agingLabels: labels, lang });
  resolvedLabels = Object.freeze(resolveLabels(edges, labels) ?? bucketLabels(edges));
  return problems;
}

/** The current policy (frozen). */
export function getFunctionPolicy(): FunctionPolicy {
  return policy;
}

/** Labels for the policy's edges, precomputed (AGINGBUCKET's hot path). */
export function policyBucketLabels(): readonly string[] {
  return resolvedLabels;
}

/** Back to the defaults (tests). */
export function resetFunctionPolicy(): void {
  policy = DEFAULT_POLICY;
  resolvedLabels = bucketLabels(DEFAULT_AGING_EDGES);
}
