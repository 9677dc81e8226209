/**
 * scoreTable — the pure engine behind "Score this sheet" (spec score-sheet §2, §3, §5).
 *
 * Per invoice: open balance (status paid → 0; else the balance column; else amount − paid; else, with a paid date on
 * or before the as-of date and no paid amount, 0; else the amount — a payment dated after the as-of date is not
 * known yet, so the amount is open), days past due (DAYSPASTDUE), aging bucket (open items only), days beyond terms
 * (settled items: paid date − due date).
 * Per customer: exposure, overdue (exposure outside Current), bucket totals, amount-weighted days beyond terms over
 * invoices paid in the last `paymentHistoryDays` (falls back to the open invoices' days past due when there is no
 * paid history), PAYINDEX over the same invoices, utilisation, CREDITSCORE / RISKGRADE / SCOREREASONS (score.ts) with
 * Altman Z and years trading from the Customers sheet and the dispute rate, breaches, uninsured exposure, trend.
 * Portfolio: totals, % over 90, DSO over the last 90 days, best possible DSO, average days delinquent, expected
 * credit loss by the provision matrix (provision.ts).
 *
 * Decisions: credit notes (negative open balances) are aged like any item (they reduce their bucket and the
 * customer's exposure) but never raise invoice breaches or count as overdue items; a credit limit or insured limit
 * ≤ 0 means "not given"; NEAR_LIMIT is not raised when OVER_LIMIT is; NOTIFY_INSURER is raised whatever the
 * customer's insurance (the sheet cannot tell who is insured); DISPUTE_AGED measures age from the invoice date
 * (due date when there is none); the dispute rate is only a score factor when the sheet has a status column.
 *
 * Single pass over the invoices with Maps; 100,000 rows score in well under a second.
 */
import { bucketIndex, daysPastDue } from "../aging";
import { dso } from "../finance";
import { weightedPayIndex } from "../payindex";
import { validatePolicy, policyBucketLabels, type Policy } from "../policy";
import { creditScore, riskGrade, scoreReasons, type RiskGrade, type ScoreFactors } from "../score";
import type { Serial } from "../serial";
import { joinCustomers, type CustomerRecord, type ReadCustomersResult } from "../sheet/customers";
import { readTable, type ReadTableResult } from "../sheet/table";
import type { ColumnMapping, Invoice, Issue } from "../sheet/types";
import { breachMessage } from "./breaches";
import { emptyHistoryColumns, provisionMatrix, rollRates } from "./provision";
import { compareSnapshots, isDeteriorating, latestByCustomer, snapshotRow } from "./snapshot";
import {
  BREACH_CODES,
  INVOICE_BREACH_CODES,
  type Breach,
  type BreachCode,
  type CustomerResult,
  type ScoreResult,
  type ScoredInvoice,
  type SnapshotRow,
  type Trend,
} from "./types";

export interface ScoreExtras {
  /** The Customers sheet, read with readCustomers (or its records). */
  readonly customers?: ReadCustomersResult | readonly CustomerRecord[];
  /** Snapshot rows of previous runs (all history is fine: the latest row per customer is used). */
  readonly previousSnapshot?: readonly SnapshotRow[];
  /** Only for raw input: passed to readTable. */
  readonly sheetName?: string;
  readonly rowOffset?: number;
  readonly columnOffset?: number;
}

/** Open balance as of `asOf` (see module comment). Tiny float noise (< 1e-9) becomes 0. */
export function openBalanceOf(inv: Invoice, asOf: Serial): number {
  let open: number;
  const paidLater = inv.paidDate !== undefined && inv.paidDate > asOf;
  if (paidLater && inv.amount !== undefined) open = inv.amount;
  else if (inv.status === "paid") open = 0;
  else if (inv.balance !== undefined) open = inv.balance;
  else if (inv.amount === undefined) open = 0;
  else if (inv.paid !== undefined) open = inv.amount - inv.paid;
  else if (inv.paidDate !== undefined) open = 0;
  else open = inv.amount;
  return Math.abs(open) < 1e-9 ? 0 : open;
}

/** Gross invoice amount: the amount column, else balance + paid. */
function grossOf(inv: Invoice): number {
  return inv.amount ?? (inv.balance ?? 0) + (inv.paid ?? 0);
}

interface Acc {
  key: string;
  name: string;
  firstRow: number;
  rows: number[];
  invoiceCount: number;
  openCount: number;
  exposure: number;
  buckets: number[];
  maxDpd: number;
  paidDays: number[];
  paidWeights: number[];
  openDays: number[];
  openWeights: number[];
  disputed: number;
  creditLimit?: number;
  insuredLimit?: number;
  /** First row whose credit/insured limit differs from the customer's first one. */
  limitConflictRow?: number;
  yearsTrading?: number;
  currencies: Set<string>;
  severe: { rows: number[]; amount: number; max: number };
  notify: { rows: number[]; amount: number; max: number };
  dispute: { rows: number[]; amount: number; oldest: number };
}

const SEVERE = 1;
const NOTIFY = 2;
const DISPUTE = 4;

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sw = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    sw += weights[i]!;
    s += weights[i]! * values[i]!;
  }
  if (sw > 0) return s / sw;
  let t = 0;
  for (const v of values) t += v;
  return t / values.length;
}

function payIndexOf(days: readonly number[], weights: readonly number[]): number {
  return weights.some((w) => w > 0) ? weightedPayIndex(days, weights) : weightedPayIndex(days);
}

function isCustomersResult(x: ReadCustomersResult | readonly CustomerRecord[]): x is ReadCustomersResult {
  return !Array.isArray(x);
}

/**
 * Scores a table. `table` is a readTable result, or raw rows (then read here with `mapping`, or a detected mapping
 * when `mapping` is undefined). With a readTable result, `mapping` is ignored (the table was read with its own).
 * @throws RangeError when `asOf` is not a serial ≥ 1 or the policy is invalid (validatePolicy) — the pane checks both
 *   first. Any table content is accepted.
 */
export function scoreTable(
  table: ReadTableResult | readonly (readonly unknown[])[],
  mapping: ColumnMapping | undefined,
  policy: Policy,
  asOf: Serial,
  extras: ScoreExtras = {},
): ScoreResult {
  if (typeof asOf !== "number" || !Number.isFinite(asOf) || asOf < 1) {
    throw new RangeError(`as-of date must be a serial ≥ 1, got ${String(asOf)}`);
  }
  const problems = validatePolicy(policy);
  if (problems.length > 0)
    throw new RangeError(`invalid policy: ${problems.map((p) => `${p.field}: ${p.message.en}`).join("; ")}`);
  asOf = Math.floor(asOf);

  const read: ReadTableResult = Array.isArray(table)
    ? readTable(table as readonly (readonly unknown[])[], {
        ...(mapping ? { mapping } : {}),
        policy,
        ...(extras.sheetName !== undefined ? { sheetName: extras.sheetName } : {}),
        ...(extras.rowOffset !== undefined ? { rowOffset: extras.rowOffset } : {}),
        ...(extras.columnOffset !== undefined ? { columnOffset: extras.columnOffset } : {}),
      })
    : (table as ReadTableResult);

  const edges = policy.aging.edges;
  const labels = policyBucketLabels(policy);
  const nb = labels.length;
  const b = policy.breaches;
  const historyStart = asOf - policy.paymentHistoryDays;
  const invoices = read.invoices;
  const issues: Issue[] = [...read.issues];

  const accs = new Map<string, Acc>();
  const open = new Float64Array(invoices.length);
  const dpds: (number | null)[] = new Array<number | null>(invoices.length).fill(null);
  const bucketOf = new Int16Array(invoices.length).fill(-1);
  const dbt: (number | null)[] = new Array<number | null>(invoices.length).fill(null);
  const flags = new Uint8Array(invoices.length);
  const portfolioBuckets = new Array<number>(nb).fill(0);
  const n = invoices.length;
  const history = emptyHistoryColumns(n);
  let totalExposure = 0;
  let over90 = 0;
  let openInvoices = 0;
  let sales90 = 0;
  let anyInvoiceDate = false;

  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    let acc = accs.get(inv.customerKey);
    if (!acc) {
      acc = {
        key: inv.customerKey,
        name: inv.customer,
        firstRow: inv.row,
        rows: [],
        invoiceCount: 0,
        openCount: 0,
        exposure: 0,
        buckets: new Array<number>(nb).fill(0),
        maxDpd: 0,
        paidDays: [],
        paidWeights: [],
        openDays: [],
        openWeights: [],
        disputed: 0,
        currencies: new Set(),
        severe: { rows: [], amount: 0, max: 0 },
        notify: { rows: [], amount: 0, max: 0 },
        dispute: { rows: [], amount: 0, oldest: 0 },
      };
      accs.set(inv.customerKey, acc);
    }
    acc.rows.push(inv.row);
    acc.invoiceCount++;
    if (inv.currency) acc.currencies.add(inv.currency);
    if (inv.creditLimit !== undefined && inv.creditLimit > 0) {
      if (acc.creditLimit === undefined) acc.creditLimit = inv.creditLimit;
      else if (acc.creditLimit !== inv.creditLimit && acc.limitConflictRow === undefined)
        acc.limitConflictRow = inv.row;
    }
    if (inv.insuredLimit !== undefined && inv.insuredLimit > 0) {
      if (acc.insuredLimit === undefined) acc.insuredLimit = inv.insuredLimit;
      else if (acc.insuredLimit !== inv.insuredLimit && acc.limitConflictRow === undefined)
        acc.limitConflictRow = inv.row;
    }
    if (acc.yearsTrading === undefined && inv.yearsTrading !== undefined && inv.yearsTrading >= 0)
      acc.yearsTrading = inv.yearsTrading;
    if (inv.status === "disputed") acc.disputed++;

    const ob = openBalanceOf(inv, asOf);
    open[i] = ob;
    const gross = grossOf(inv);
    if (inv.invoiceDate !== undefined) {
      anyInvoiceDate = true;
      if (inv.invoiceDate > asOf - 90 && inv.invoiceDate <= asOf) sales90 += gross;
    }
    const settled = ob === 0;
    history.amount[i] = gross;
    history.dueDate[i] = inv.dueDate;
    history.invoiceDate[i] = inv.invoiceDate ?? NaN;
    history.openBalance[i] = ob;
    history.paidDate[i] = inv.paidDate ?? NaN;
    history.settled[i] = settled ? 1 : 0;

    if (!settled) {
      const d = daysPastDue(inv.dueDate, asOf);
      const k = bucketIndex(d, edges);
      dpds[i] = d;
      bucketOf[i] = k;
      dbt[i] = null;
      acc.exposure += ob;
      acc.buckets[k]! += ob;
      portfolioBuckets[k]! += ob;
      totalExposure += ob;
      if (d > 90) over90 += ob;
      openInvoices++;
      acc.openCount++;
      if (ob > 0) {
        if (d > acc.maxDpd) acc.maxDpd = d;
        acc.openDays.push(d);
        acc.openWeights.push(ob);
        if (d > b.severelyOverdueDays) {
          flags[i]! |= SEVERE;
          acc.severe.rows.push(inv.row);
          acc.severe.amount += ob;
          acc.severe.max = Math.max(acc.severe.max, d);
        }
        if (d >= b.insurerMaxExtensionDays && d > 0) {
          flags[i]! |= NOTIFY;
          acc.notify.rows.push(inv.row);
          acc.notify.amount += ob;
          acc.notify.max = Math.max(acc.notify.max, d);
        }
        if (inv.status === "disputed") {
          const age = asOf - (inv.invoiceDate ?? inv.dueDate);
          if (age > b.disputeAgedDays) {
            flags[i]! |= DISPUTE;
            acc.dispute.rows.push(inv.row);
            acc.dispute.amount += ob;
            acc.dispute.oldest = Math.max(acc.dispute.oldest, age);
          }
        }
      }
    } else {
      const paidKnown = inv.paidDate !== undefined && inv.paidDate <= asOf;
      dpds[i] = paidKnown ? daysPastDue(inv.dueDate, asOf, inv.paidDate) : null;
      dbt[i] = paidKnown ? inv.paidDate! - inv.dueDate : null;
      if (paidKnown && inv.paidDate! > historyStart && gross >= 0) {
        acc.paidDays.push(inv.paidDate! - inv.dueDate);
        acc.paidWeights.push(gross > 0 ? gross : inv.paid !== undefined && inv.paid > 0 ? inv.paid : 0);
      }
    }
  }

  // Customers sheet.
  let records: readonly CustomerRecord[] = [];
  if (extras.customers) {
    if (isCustomersResult(extras.customers)) {
      records = extras.customers.customers;
      issues.push(...extras.customers.issues);
    } else records = extras.customers;
  }
  const join = joinCustomers(
    [...accs.values()].map((a) => ({ customerKey: a.key, customer: a.name })),
    records,
  );
  if (records.length > 0) issues.push(...join.issues);
  const previous = extras.previousSnapshot ? latestByCustomer(extras.previousSnapshot) : null;
  const hasStatus = read.mapping.status !== undefined;

  const customers: CustomerResult[] = [];
  const customerCodes = new Map<string, BreachCode[]>();
  const customerScore = new Map<string, { score: number | null; grade: RiskGrade | null }>();
  const breachesByCustomer = new Map<string, Breach[]>();
  for (const acc of accs.values()) {
    const rec = join.byKey.get(acc.key);
    if (acc.limitConflictRow !== undefined) {
      issues.push({
        row: acc.limitConflictRow,
        column: "",
        header: "",
        value: acc.name,
        reason: {
          en: `${acc.name}: rows give different credit or insured limits; the first row's limit is used.`,
          zh: `${acc.name}：各行的信用额度或保险限额不一致；采用第一行的额度。`,
        },
        severity: "warning",
        code: "CONFLICTING_LIMIT",
      });
    }
    const creditLimit =
      rec?.creditLimit !== undefined && rec.creditLimit > 0 ? rec.creditLimit : (acc.creditLimit ?? null);
    const insuredLimit =
      rec?.insuredLimit !== undefined && rec.insuredLimit > 0 ? rec.insuredLimit : (acc.insuredLimit ?? null);
    const yearsTrading =
      rec?.yearsTrading !== undefined && rec.yearsTrading >= 0
        ? rec.yearsTrading
        : (acc.yearsTrading ?? null);
    const altmanZ = rec?.altmanZ ?? null;

    let basis: CustomerResult["daysBeyondTermsBasis"] = "none";
    let days: number | null = null;
    let payIdx: number | null = null;
    let sample = 0;
    if (acc.paidDays.length > 0) {
      basis = "paid";
      days = weightedMean(acc.paidDays, acc.paidWeights);
      payIdx = payIndexOf(acc.paidDays, acc.paidWeights);
      sample = acc.paidDays.length;
    } else if (acc.openDays.length > 0) {
      basis = "open";
      days = weightedMean(acc.openDays, acc.openWeights);
      payIdx = payIndexOf(acc.openDays, acc.openWeights);
      sample = acc.openDays.length;
    }
    const utilization = creditLimit !== null ? acc.exposure / creditLimit : null;
    const disputeRate = hasStatus ? acc.disputed / acc.invoiceCount : null;
    const factors: ScoreFactors = {
      ...(days !== null ? { daysBeyondTerms: days } : {}),
      ...(utilization !== null ? { utilization } : {}),
      ...(altmanZ !== null ? { altmanZ } : {}),
      ...(yearsTrading !== null ? { yearsTrading } : {}),
      ...(disputeRate !== null ? { disputeRate } : {}),
    };
    const score = creditScore(factors, policy.weights);
    const grade = score !== null ? riskGrade(score) : null;
    const reasons = {
      en: scoreReasons(factors, "en", policy.weights),
      zh: scoreReasons(factors, "zh-CN", policy.weights),
    };
    const uninsured = insuredLimit !== null ? Math.max(0, acc.exposure - insuredLimit) : null;

    let trend: Trend | null = null;
    const prev = previous?.get(acc.key);
    if (prev) {
      trend = {
        previousRunDate: prev.runDate,
        previousAsOf: prev.asOf,
        previousScore: prev.score,
        scoreChange: score !== null && prev.score !== null ? score - prev.score : null,
        previousDaysBeyondTerms: prev.daysBeyondTerms,
        daysBeyondTermsChange:
          days !== null && prev.daysBeyondTerms !== null ? days - prev.daysBeyondTerms : null,
        previousExposure: prev.exposure,
        exposureChange: acc.exposure - prev.exposure,
      };
    }

    const list: Breach[] = [];
    const add = (code: BreachCode, rows: readonly number[], numbers: Record<string, number>) =>
      list.push({
        code,
        customer: acc.name,
        customerKey: acc.key,
        rows,
        numbers,
        message: breachMessage(code, acc.name, numbers),
      });
    if (creditLimit !== null && acc.exposure > creditLimit) {
      add("OVER_LIMIT", [], {
        exposure: acc.exposure,
        creditLimit,
        excess: acc.exposure - creditLimit,
        utilization: utilization!,
      });
    } else if (creditLimit !== null && acc.exposure >= b.nearLimitRatio * creditLimit) {
      add("NEAR_LIMIT", [], {
        exposure: acc.exposure,
        creditLimit,
        utilization: utilization!,
        threshold: b.nearLimitRatio,
      });
    }
    if (acc.severe.rows.length > 0) {
      add("SEVERELY_OVERDUE", acc.severe.rows, {
        invoices: acc.severe.rows.length,
        amount: acc.severe.amount,
        maxDaysPastDue: acc.severe.max,
        thresholdDays: b.severelyOverdueDays,
      });
    }
    if (insuredLimit !== null && acc.exposure > insuredLimit) {
      add("INSURED_LIMIT_EXCEEDED", [], { exposure: acc.exposure, insuredLimit, uninsured: uninsured! });
    }
    if (acc.notify.rows.length > 0) {
      add("NOTIFY_INSURER", acc.notify.rows, {
        invoices: acc.notify.rows.length,
        amount: acc.notify.amount,
        maxDaysPastDue: acc.notify.max,
        thresholdDays: b.insurerMaxExtensionDays,
      });
    }
    if (grade !== null && (b.lowGrades as readonly string[]).includes(grade))
      add("LOW_GRADE", [], { score: score! });
    if (acc.dispute.rows.length > 0) {
      add("DISPUTE_AGED", acc.dispute.rows, {
        invoices: acc.dispute.rows.length,
        amount: acc.dispute.amount,
        oldestDays: acc.dispute.oldest,
        thresholdDays: b.disputeAgedDays,
      });
    }
    if (trend && isDeteriorating(trend.scoreChange, trend.daysBeyondTermsChange, policy)) {
      const numbers: Record<string, number> = {};
      if (trend.scoreChange !== null)
        Object.assign(numbers, {
          previousScore: trend.previousScore!,
          score: score!,
          scoreChange: trend.scoreChange,
        });
      if (trend.daysBeyondTermsChange !== null) {
        Object.assign(numbers, {
          previousDaysBeyondTerms: trend.previousDaysBeyondTerms!,
          daysBeyondTerms: days!,
          daysBeyondTermsChange: trend.daysBeyondTermsChange,
        });
      }
      add("DETERIORATING", [], numbers);
    }
    breachesByCustomer.set(acc.key, list);
    customerCodes.set(
      acc.key,
      list.filter((x) => !INVOICE_BREACH_CODES.has(x.code)).map((x) => x.code),
    );
    customerScore.set(acc.key, { score, grade });

    let overdue = 0;
    for (let k = 1; k < nb; k++) overdue += acc.buckets[k]!;
    customers.push({
      key: acc.key,
      name: acc.name,
      rows: acc.rows,
      invoiceCount: acc.invoiceCount,
      openInvoiceCount: acc.openCount,
      exposure: acc.exposure,
      overdue,
      buckets: acc.buckets,
      maxDaysPastDue: acc.maxDpd,
      daysBeyondTerms: days,
      daysBeyondTermsBasis: basis,
      paymentSample: sample,
      payIndex: payIdx,
      creditLimit,
      insuredLimit,
      utilization,
      uninsuredExposure: uninsured,
      altmanZ,
      yearsTrading,
      disputedCount: acc.disputed,
      disputeRate,
      score,
      grade,
      reasons,
      breaches: list.map((x) => x.code),
      currencies: [...acc.currencies].sort(),
      trend,
    });
  }
  const firstRow = new Map<string, number>();
  for (const a of accs.values()) firstRow.set(a.key, a.firstRow);
  customers.sort((x, y) => y.exposure - x.exposure || firstRow.get(x.key)! - firstRow.get(y.key)!);
  const breaches: Breach[] = [];
  for (const c of customers) breaches.push(...breachesByCustomer.get(c.key)!);

  // Per-invoice output, aligned to source rows.
  const scored: ScoredInvoice[] = new Array(invoices.length);
  const rowsOut: (ScoredInvoice | null)[] = new Array(read.rowCount).fill(null);
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    const cs = customerScore.get(inv.customerKey)!;
    const codes = customerCodes.get(inv.customerKey)!;
    const f = flags[i]!;
    let rowCodes: BreachCode[];
    if (f === 0) rowCodes = codes;
    else {
      const set = new Set<BreachCode>(codes);
      if (f & SEVERE) set.add("SEVERELY_OVERDUE");
      if (f & NOTIFY) set.add("NOTIFY_INSURER");
      if (f & DISPUTE) set.add("DISPUTE_AGED");
      rowCodes = BREACH_CODES.filter((c) => set.has(c));
    }
    const k = bucketOf[i]!;
    // Fixed shape (optional fields may be undefined) keeps 100k-row runs fast; JSON drops the undefined ones.
    const s: ScoredInvoice = {
      index: inv.index,
      row: inv.row,
      customer: inv.customer,
      customerKey: inv.customerKey,
      invoiceNo: inv.invoiceNo,
      invoiceDate: inv.invoiceDate,
      dueDate: inv.dueDate,
      dueDateComputed: inv.dueDateComputed,
      amount: inv.amount,
      paidDate: inv.paidDate,
      status: inv.status,
      currency: inv.currency,
      openBalance: open[i]!,
      daysPastDue: dpds[i] ?? null,
      bucketIndex: k >= 0 ? k : null,
      agingBucket: k >= 0 ? labels[k]! : null,
      daysBeyondTerms: dbt[i] ?? null,
      score: cs.score,
      grade: cs.grade,
      breaches: rowCodes,
    };
    scored[i] = s;
    const slot = inv.index - read.firstDataIndex;
    if (slot >= 0 && slot < rowsOut.length) rowsOut[slot] = s;
  }

  // Portfolio.
  const overdue = totalExposure - portfolioBuckets[0]!;
  const salesLast90 = anyInvoiceDate ? sales90 : null;
  const dsoValue = salesLast90 !== null && salesLast90 > 0 ? dso(totalExposure, salesLast90, 90) : null;
  const bestDso = salesLast90 !== null && salesLast90 > 0 ? dso(portfolioBuckets[0]!, salesLast90, 90) : null;
  const provision = provisionMatrix(portfolioBuckets, labels, policy, rollRates(history, policy, asOf));
  const breachCounts: Partial<Record<BreachCode, number>> = {};
  for (const x of breaches) breachCounts[x.code] = (breachCounts[x.code] ?? 0) + 1;
  let uninsuredTotal = 0;
  for (const c of customers) uninsuredTotal += c.uninsuredExposure ?? 0;

  const currentRows = customers.map((c) => snapshotRow(c, asOf, asOf));
  const movers = extras.previousSnapshot
    ? compareSnapshots(extras.previousSnapshot, currentRows, policy)
    : [];

  return {
    asOf,
    table: {
      headers: read.headers,
      rowCount: read.rowCount,
      invoices: invoices.length,
      blankRows: read.blankRows,
      totalRowsSkipped: read.totalRowsSkipped,
      errorRowsSkipped: read.errorRowsSkipped,
      dateOrderHint: read.dateOrderHint,
      currencies: read.currencies,
      mappingProblems: read.mappingProblems,
    },
    headerRowIndex: read.headerRowIndex,
    mapping: read.mapping,
    bucketLabels: labels,
    invoices: scored,
    rows: rowsOut,
    firstDataIndex: read.firstDataIndex,
    customers,
    portfolio: {
      customers: customers.length,
      invoices: invoices.length,
      openInvoices,
      totalExposure,
      overdue,
      buckets: labels.map((label, k) => ({ label, amount: portfolioBuckets[k]! })),
      over90,
      pctOver90: totalExposure > 0 ? over90 / totalExposure : null,
      salesLast90,
      dso: dsoValue,
      bestDso,
      averageDaysDelinquent: dsoValue !== null && bestDso !== null ? dsoValue - bestDso : null,
      expectedCreditLoss: provision.total,
      uninsuredExposure: uninsuredTotal,
      breachCounts,
    },
    provision,
    breaches,
    movers,
    issues,
  };
}
