/**
 * Maps the pipeline's ScoreResult (src/engine/pipeline) to the pane's view model ({@link PaneResult}): KPIs,
 * bucket totals, customers, breaches (customer-level breaches select the customer's rows), issues with cell
 * addresses, collections cases with ready messages in both languages (src/engine/collections), and movers.
 */
import { collectionsPlan, draftMessage } from "../engine/collections";
import { lateInterest, recoveryFee } from "../engine/finance";
import type { ScoreResult } from "../engine/pipeline/types";
import type { Policy } from "../engine/policy";
import type { Serial } from "../engine/serial";
import type { Issue } from "../engine/sheet/types";
import type { CollectionCase, PaneIssue, PaneResult } from "./services";

/** `Sheet1!C7` (quoted when the sheet name needs it); null when the issue has no row or column. */
export function issueAddress(issue: Issue, sheet: string): string | null {
  if (!(issue.row > 0)) return null;
  const name = issue.sheet ?? sheet;
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  const cell = issue.column ? `${issue.column}${issue.row}` : `${issue.row}:${issue.row}`;
  return `${quoted}!${cell}`;
}

function interestAndFees(
  invoices: readonly { openBalance: number; dueDate: Serial }[],
  policy: Policy,
  asOf: Serial,
): number {
  const li = policy.lateInterest;
  if (!li.enabled) return 0;
  let total = 0;
  for (const inv of invoices) {
    try {
      total += lateInterest(inv.openBalance, inv.dueDate, asOf, li.annualRate, li.dayBasis);
      if (li.recoveryFeeRegime) total += recoveryFee(inv.openBalance, li.recoveryFeeRegime);
    } catch {
      // an invoice the finance functions reject adds nothing
    }
  }
  return total;
}

/** The pane's view of a pipeline result on sheet `sheet`. */
export function toPaneResult(result: ScoreResult, policy: Policy, sheet: string): PaneResult {
  const k = result.portfolio;
  const rowsByCustomer = new Map(result.customers.map((c) => [c.key, c.rows]));
  const plan = collectionsPlan(result, policy);
  const collections: CollectionCase[] = plan.cases.map((c) => {
    const options = c.currency ? { currency: c.currency } : {};
    return {
      customer: c.customer,
      stage: c.stage,
      overdue: c.overdueAmount,
      maxDaysOverdue: c.maxDaysPastDue,
      invoices: c.invoices.map((i) => ({
        invoiceNo: i.invoiceNo ?? `#${i.row}`,
        amount: i.openBalance,
        daysOverdue: i.daysPastDue ?? 0,
      })),
      interestAndFees: interestAndFees(c.invoices, policy, result.asOf),
      messages: {
        en: draftMessage(c.customer, c.invoices, c.stage, "en", policy, result.asOf, options),
        zh: draftMessage(c.customer, c.invoices, c.stage, "zh-CN", policy, result.asOf, options),
      },
    };
  });
  const issues: PaneIssue[] = result.issues.map((i) => ({
    row: i.row,
    column: i.column,
    header: i.header,
    value: i.value,
    reason: i.reason,
    severity: i.severity,
    address: issueAddress(i, sheet),
  }));
  const previous =
    result.movers[0]?.previous.asOf ?? result.customers.find((c) => c.trend)?.trend?.previousAsOf ?? null;
  return {
    sheet,
    asOf: result.asOf,
    kpis: {
      totalExposure: k.totalExposure,
      overdue: k.overdue,
      pctOver90: k.pctOver90 ?? 0,
      dso: k.dso,
      averageDaysDelinquent: k.averageDaysDelinquent,
      expectedCreditLoss: k.expectedCreditLoss,
      eclMethod: result.provision.note,
    },
    buckets: k.buckets.map((b) => ({ label: b.label, amount: b.amount })),
    customers: result.customers.map((c) => ({
      key: c.key,
      name: c.name,
      exposure: c.exposure,
      overdue: c.overdue,
      creditLimit: c.creditLimit,
      utilisation: c.utilization,
      payIndex: c.payIndex,
      score: c.score,
      grade: c.grade,
      reasons: c.reasons,
      breaches: c.breaches,
      rows: c.rows,
    })),
    breaches: result.breaches.map((b) => ({
      code: b.code,
      customer: b.customer,
      message: b.message,
      rows: b.rows.length > 0 ? b.rows : (rowsByCustomer.get(b.customerKey) ?? []),
    })),
    issues,
    collections,
    movers: result.movers.map((m) => ({
      customer: m.customer,
      scoreBefore: m.previous.score,
      scoreAfter: m.current.score,
      daysBeyondTermsBefore: m.previous.daysBeyondTerms,
      daysBeyondTermsAfter: m.current.daysBeyondTerms,
      exposureBefore: m.previous.exposure,
      exposureAfter: m.current.exposure,
      deteriorating: m.deteriorating,
    })),
    previousAsOf: previous,
  };
}
