/**
 * Maps the pipeline's ScoreResult (src/engine/pipeline) to the pane's view model ({@link PaneResult}): KPIs (in the
 * base currency, or per currency when a rate is missing), bucket totals, customers (with unapplied credit and
 * currency), breaches (customer-level breaches select the customer's rows), issues and data-quality warnings with
 * cell addresses, the result's collections cases with ready messages in both languages (src/engine/collections),
 * movers, and the policy the result was computed with.
 */
import { caseMessage } from "../engine/collections/messages";
import { lateInterest, recoveryFee } from "../engine/finance";
import type { ScoreResult } from "../engine/pipeline/types";
import type { Policy } from "../engine/policy";
import type { Serial } from "../engine/serial";
import type { Issue } from "../engine/sheet/types";
import type { CollectionCase, PaneIssue, PaneKpiSet, PaneResult } from "./services";

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

function paneIssue(i: Issue, sheet: string): PaneIssue {
  return {
    row: i.row,
    column: i.column,
    header: i.header,
    value: i.value,
    reason: i.reason,
    severity: i.severity,
    code: i.code,
    address: issueAddress(i, sheet),
  };
}

/** The KPI sets: the base currency when every currency converts, else one per currency. */
function kpiSets(result: ScoreResult): PaneKpiSet[] {
  const p = result.portfolio;
  if (p.missingRates.length === 0) {
    return [
      {
        currency: p.baseCurrency,
        totalExposure: p.totalExposure ?? 0,
        unappliedCredit: p.unappliedCredit ?? 0,
        overdue: p.overdue ?? 0,
        pctOver90: p.pctOver90,
        dso: p.dso,
        averageDaysDelinquent: p.averageDaysDelinquent,
        expectedCreditLoss: p.expectedCreditLoss ?? 0,
        buckets: (p.buckets ?? []).map((b) => ({ label: b.label, amount: b.amount })),
      },
    ];
  }
  return p.byCurrency.map((x) => ({
    currency: x.currency,
    totalExposure: x.exposure,
    unappliedCredit: x.unappliedCredit,
    overdue: x.overdue,
    pctOver90: x.pctOver90,
    dso: x.dso,
    averageDaysDelinquent: x.averageDaysDelinquent,
    expectedCreditLoss: x.expectedCreditLoss,
    buckets: x.buckets.map((b) => ({ label: b.label, amount: b.amount })),
  }));
}

/** The pane's view of a pipeline result on sheet `sheet`, computed with `policy`. */
export function toPaneResult(result: ScoreResult, policy: Policy, sheet: string): PaneResult {
  const k = result.portfolio;
  const rowsByCustomer = new Map(result.customers.map((c) => [c.key, c.rows]));
  const collections: CollectionCase[] = result.collections.cases.map((c) => {
    const options = c.currency ? { currency: c.currency } : {};
    return {
      customer: c.customer,
      stage: c.stage,
      overdue: c.overdueAmount,
      amounts: c.amounts,
      disputedAmounts: c.disputedAmounts,
      overLimit: c.overLimit,
      maxDaysOverdue: c.maxDaysPastDue,
      invoices: c.invoices.map((i) => ({
        invoiceNo: i.invoiceNo ?? `#${i.row}`,
        amount: i.openBalance,
        daysOverdue: i.daysPastDue ?? 0,
      })),
      interestAndFees: interestAndFees(c.invoices, policy, result.asOf),
      messages: {
        en: caseMessage(c, "en", policy, result.asOf, options),
        zh: caseMessage(c, "zh-CN", policy, result.asOf, options),
      },
    };
  });
  const previous =
    result.movers[0]?.previous.asOf ?? result.customers.find((c) => c.trend)?.trend?.previousAsOf ?? null;
  const sets = kpiSets(result);
  return {
    sheet,
    asOf: result.asOf,
    policy,
    kpis: {
      sets,
      perCurrency: k.missingRates.length > 0,
      baseCurrency: k.baseCurrency,
      missingRates: k.missingRates,
      rowsScored: k.rowsScored,
      rowsWithData: k.rowsWithData,
      eclMethod: result.provision.note,
      ...(k.dsoNote ? { dsoNote: k.dsoNote } : {}),
    },
    buckets: sets[0]?.buckets ?? [],
    customers: result.customers.map((c) => ({
      key: c.key,
      name: c.name,
      currency: c.currency,
      exposure: c.exposure,
      unappliedCredit: c.unappliedCredit,
      overdue: c.overdue,
      byCurrency: c.byCurrency.map((x) => ({
        currency: x.currency,
        exposure: x.exposure,
        unappliedCredit: x.unappliedCredit,
        overdue: x.overdue,
      })),
      altmanModel: c.altmanModel,
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
      ...(b.invoiceNos.some((x) => x !== null)
        ? { invoiceNos: b.invoiceNos.filter((x): x is string => x !== null) }
        : {}),
    })),
    issues: result.issues.map((i) => paneIssue(i, sheet)),
    warnings: result.warnings.map((i) => paneIssue(i, sheet)),
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
