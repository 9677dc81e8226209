/**
 * scoreTable — the pure engine behind "Score this sheet" (spec score-sheet §2, §3, §5; v2 lines win over v1).
 *
 * Per invoice: open balance (balance.ts), then what the row is as of the as-of date:
 * - **open debit** (open balance > 0): days past due (DAYSPASTDUE), aging bucket, invoice breaches;
 * - **unapplied credit** (open balance < 0: credit notes, overpayments): reduces exposure; never aged, never
 *   overdue, no Days Past Due, no bucket, no breaches, never dunned as debt;
 * - **closed** (open balance 0): no Days Past Due, bucket or breaches; paid date − due date (days beyond terms)
 *   feeds the payment factor and the history.
 *
 * Currencies (spec §1 v2): each row's currency (readTable), else the base currency (policy, else the most common
 * currency on the sheet — by rows, ties to the one seen first). Rates (base units per one unit) come from the Rates
 * sheet (`extras.rates`, which wins) and the policy. Amounts in different currencies are never added without a
 * rate: every money figure exists per currency (`byCurrency`), and the base-currency figures are null when a rate
 * is missing (an issue names the missing rates). A customer's money figures are in its own currency when it has
 * one; with several, in the base currency when convertible, else null (per currency only).
 *
 * Per customer: exposure = open debit − unapplied credit; overdue = positive balances past due; buckets hold debit
 * balances only. Payment factor (spec §2 v2): days beyond terms = amount-weighted mean over invoices paid in the
 * last `paymentHistoryDays` (paid date − due date, weight = gross amount) and open debit items past due (as-of − due
 * date, weight = open balance); open items not yet due are not in it. Weights are in the customer's currency; for a
 * customer whose currencies cannot be converted, each invoice weighs the same (amounts in different currencies
 * cannot weigh against each other). PAYINDEX over the same invoices. CREDITSCORE / RISKGRADE with the same code as
 * the custom functions; then the grade caps of the policy (on by default): an open debit item more than 60 days past
 * due → at most C, more than 90 → at most D; "stopped paying" (an open debit item more than 30 days past due and no
 * payment dated in the last 60 days) → at most C, so such a customer is never A or B. Caps count every open debit
 * item, disputed ones included. The reasons (reasons.ts) say when and why a cap lowered the grade.
 * Utilisation = exposure (in the limit currency) / credit limit; limits are in the base currency unless the
 * Customers sheet gives a currency; a limit that cannot be compared (missing rate) gives no utilisation and no
 * limit breach, with a warning.
 *
 * Breaches (breaches.ts messages name the customer and the invoices): NOTIFY_INSURER only for customers with an
 * insured limit when the sheets have an insured-limit column (every overdue customer otherwise, "if insured");
 * NEAR_LIMIT is not raised when OVER_LIMIT is; a credit limit or insured limit ≤ 0 means "not given"; DISPUTE_AGED
 * counts age from the invoice date (due date when there is none); the dispute rate is a score factor only when the
 * sheet has a status column. Only open debit rows carry breach codes.
 *
 * Portfolio: per currency and (when convertible) in the base currency: exposure, open debit, unapplied credit,
 * overdue, buckets, % over 90 (91+ debit / all open debit, never negative), DSO over the last 90 days, best possible
 * DSO, average days delinquent, expected credit loss (provision.ts). Data-quality warnings (quality.ts), the
 * collections plan (collections/dunning.ts) and the movers against the previous snapshot complete the result.
 *
 * Single pass over the invoices with Maps; 100,000 rows score in well under a second.
 */
import { bucketIndex, daysPastDue } from "../aging";
import { publicScaleZ, type AltmanModel } from "../altman";
import { collectionsPlan } from "../collections/dunning";
import { dso } from "../finance";
import { weightedPayIndex } from "../payindex";
import { validatePolicy, policyBucketLabels, type Grade, type Policy } from "../policy";
import { creditScore, riskGrade, type RiskGrade, type ScoreFactors } from "../score";
import type { Serial } from "../serial";
import { joinCustomers, type CustomerRecord, type ReadCustomersResult } from "../sheet/customers";
import type { ReadRatesResult } from "../sheet/rates";
import { readTable, type ReadTableResult } from "../sheet/table";
import type { ColumnMapping, Issue, Msg } from "../sheet/types";
import { grossOf, openBalanceOf } from "./balance";
import { breachMessage, type BreachFacts } from "./breaches";
import { invoiceRef } from "./format";
import { emptyHistoryColumns, provisionMatrix, rollRates } from "./provision";
import { dataQualityIssues } from "./quality";
import { customerReasons } from "./reasons";
import { compareSnapshots, isDeteriorating, latestByCustomer, remindedBefore, snapshotRow } from "./snapshot";
import {
  BREACH_CODES,
  INVOICE_BREACH_CODES,
  type AppliedCap,
  type Breach,
  type BreachCode,
  type CurrencyAmounts,
  type CurrencyKpis,
  type CustomerResult,
  type InvoiceKind,
  type ScoreResult,
  type ScoredInvoice,
  type SnapshotRow,
  type Trend,
} from "./types";

export { openBalanceOf } from "./balance";

export interface ScoreExtras {
  /** The Customers sheet, read with readCustomers (or its records). */
  readonly customers?: ReadCustomersResult | readonly CustomerRecord[];
  /** The Rates / 汇率 sheet, read with readRates (or plain rates: code → base units per one unit). */
  readonly rates?: ReadRatesResult | Readonly<Record<string, number>>;
  /** Snapshot rows of previous runs (all history is fine: the latest row per customer is used). */
  readonly previousSnapshot?: readonly SnapshotRow[];
  /** Only for raw input: passed to readTable. */
  readonly sheetName?: string;
  readonly rowOffset?: number;
  readonly columnOffset?: number;
}

/** Money of one currency being summed. */
interface Money {
  debit: number;
  credit: number;
  buckets: number[];
  over90: number;
}

/** Invoices behind an invoice-level breach. */
interface Flagged {
  rows: number[];
  nos: (string | null)[];
  amounts: Map<string, number>;
  max: number;
}

interface Acc {
  key: string;
  name: string;
  firstRow: number;
  rows: number[];
  invoiceCount: number;
  openCount: number;
  /** Currencies of all the customer's invoices (and the last one added, to skip repeats). */
  curs: Set<string>;
  lastCurAll: string | null;
  money: Map<string, Money>;
  lastCur: string | null;
  lastMoney: Money | null;
  maxDpd: number;
  oldestNo: string | null;
  oldestRow: number;
  /** Latest paid date on or before the as-of date (any row), -Infinity when none. */
  lastPaid: number;
  /** Payment factor items: days, amount (own currency) and currency; paid part first, then open part. */
  paidDays: number[];
  paidAmounts: number[];
  paidCur: string[];
  openDays: number[];
  openAmounts: number[];
  openCur: string[];
  disputed: number;
  creditLimit?: number;
  insuredLimit?: number;
  /** First row whose credit/insured limit differs from the customer's first one. */
  limitConflictRow?: number;
  yearsTrading?: number;
  severe: Flagged;
  notify: Flagged;
  dispute: Flagged & { oldest: number };
}

const NO_CODES: readonly BreachCode[] = Object.freeze([]);
const SEVERE = 1;
const NOTIFY = 2;
const DISPUTE = 4;
const GRADE_ORDER: readonly Grade[] = ["A", "B", "C", "D", "E"];
const worse = (a: RiskGrade, b: RiskGrade): RiskGrade =>
  GRADE_ORDER.indexOf(a) >= GRADE_ORDER.indexOf(b) ? a : b;

const flagged = (): Flagged => ({ rows: [], nos: [], amounts: new Map(), max: 0 });

/** Adds one invoice to an invoice-level breach. */
function mark(
  f: Flagged,
  row: number,
  invoiceNo: string | undefined,
  currency: string,
  open: number,
  days: number,
): void {
  f.rows.push(row);
  f.nos.push(invoiceNo ?? null);
  f.amounts.set(currency, (f.amounts.get(currency) ?? 0) + open);
  if (days > f.max) f.max = days;
}

/** Per-currency counters of the whole sheet. */
interface CurStats {
  invoices: number;
  sales90: number;
}

function newMoney(nb: number): Money {
  return { debit: 0, credit: 0, buckets: new Array<number>(nb).fill(0), over90: 0 };
}

function moneyOf(acc: Acc, currency: string, nb: number): Money {
  if (acc.lastCur === currency) return acc.lastMoney!;
  let m = acc.money.get(currency);
  if (!m) acc.money.set(currency, (m = newMoney(nb)));
  acc.lastCur = currency;
  acc.lastMoney = m;
  return m;
}

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

function isRatesResult(x: ReadRatesResult | Readonly<Record<string, number>>): x is ReadRatesResult {
  return typeof (x as ReadRatesResult).rates === "object" && Array.isArray((x as ReadRatesResult).issues);
}

const sortedEntries = <T>(m: Map<string, T>): [string, T][] =>
  [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** DSO's caveat on a sheet without paid invoices (see PortfolioKpis.dsoNote). */
const OPEN_ITEMS_DSO: Msg = {
  en: "The sheet lists no paid invoices (open items only), so DSO counts only the unpaid sales of the last 90 days and reads high.",
  zh: "表中没有已付发票（仅含未结项目），DSO 只计入最近 90 天未付的销售额，因此偏高。",
};

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

  // Customers sheet (read first: its limit currencies take part in the rates check).
  let records: readonly CustomerRecord[] = [];
  let insuredColumn = read.mapping.insuredLimit !== undefined;
  if (extras.customers) {
    if (isCustomersResult(extras.customers)) {
      records = extras.customers.customers;
      issues.push(...extras.customers.issues);
      if (extras.customers.mapping.insuredLimit !== undefined) insuredColumn = true;
    } else {
      records = extras.customers;
      if (records.some((r) => r.insuredLimit !== undefined)) insuredColumn = true;
    }
  }

  // ── Currencies: base and rates ──
  const counts = new Map<string, number>();
  for (const inv of invoices) if (inv.currency) counts.set(inv.currency, (counts.get(inv.currency) ?? 0) + 1);
  let base = policy.baseCurrency ?? "";
  if (!base && counts.size > 0) {
    let best = 0;
    for (const [c, n] of counts) {
      if (n > best) {
        best = n;
        base = c;
      }
    }
  }
  const rates = new Map<string, number>(Object.entries(policy.rates));
  if (extras.rates) {
    const sheet = isRatesResult(extras.rates) ? extras.rates.rates : extras.rates;
    if (isRatesResult(extras.rates)) issues.push(...extras.rates.issues);
    for (const [c, r] of Object.entries(sheet)) {
      const p = rates.get(c);
      if (p !== undefined && p !== r) {
        issues.push({
          row: isRatesResult(extras.rates) ? (extras.rates.rows[c] ?? 0) : 0,
          column: "",
          header: "",
          value: c,
          reason: {
            en: `The Rates sheet gives ${c} ${r}, the policy ${p}; the Rates sheet's rate is used.`,
            zh: `汇率表中${c}为${r}，政策中为${p}；采用汇率表中的汇率。`,
          },
          severity: "note",
          code: "RATE_OVERRIDDEN",
        });
      }
      rates.set(c, r);
    }
  }
  if (base && rates.has(base) && rates.get(base) !== 1) {
    issues.push({
      row: 0,
      column: "",
      header: "",
      value: base,
      reason: {
        en: `A rate of ${rates.get(base)} is given for the base currency ${base}; the base currency's rate is always 1.`,
        zh: `为本位币${base}给出了汇率${rates.get(base)}；本位币的汇率始终为1。`,
      },
      severity: "warning",
      code: "BASE_RATE",
    });
  }
  rates.set(base, 1);
  const rateOf = (c: string): number | null => rates.get(c) ?? null;
  /** `amount` in `from` expressed in `to`, or null when a rate is missing. */
  const convert = (amount: number, from: string, to: string): number | null => {
    if (from === to) return amount;
    const rf = rateOf(from);
    const rt = rateOf(to);
    return rf === null || rt === null ? null : (amount * rf) / rt;
  };

  const accs = new Map<string, Acc>();
  const n = invoices.length;
  const open = new Float64Array(n);
  const kinds = new Uint8Array(n); // 0 closed, 1 debit, 2 credit
  const dpds: (number | null)[] = new Array<number | null>(n).fill(null);
  const bucketOf = new Int16Array(n).fill(-1);
  const dbt: (number | null)[] = new Array<number | null>(n).fill(null);
  const flags = new Uint8Array(n);
  const rowCurrency: string[] = new Array<string>(n);
  // Per-invoice history for roll rates, only when the policy uses them: six columns of a million entries are
  // ~40 MB outside the JavaScript heap, enough to make V8 run an immediate full collection of a full sheet's heap.
  const history = policy.lossRateMethod === "rollRate" ? emptyHistoryColumns(n) : null;
  const portfolio = new Map<string, Money>();
  const curStats = new Map<string, CurStats>();
  let lastStatsCur: string | null = null;
  let lastStats: CurStats | null = null;
  let openInvoices = 0;
  let anyInvoiceDate = false;
  let lastPCur: string | null = null;
  let lastPMoney: Money | null = null;

  for (let i = 0; i < n; i++) {
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
        curs: new Set(),
        lastCurAll: null,
        money: new Map(),
        lastCur: null,
        lastMoney: null,
        maxDpd: 0,
        oldestNo: null,
        oldestRow: 0,
        lastPaid: -Infinity,
        paidDays: [],
        paidAmounts: [],
        paidCur: [],
        openDays: [],
        openAmounts: [],
        openCur: [],
        disputed: 0,
        severe: flagged(),
        notify: flagged(),
        dispute: { ...flagged(), oldest: 0 },
      };
      accs.set(inv.customerKey, acc);
    }
    acc.rows.push(inv.row);
    acc.invoiceCount++;
    const currency = inv.currency ?? base;
    rowCurrency[i] = currency;
    if (acc.lastCurAll !== currency) {
      acc.curs.add(currency);
      acc.lastCurAll = currency;
    }
    let stats: CurStats;
    if (lastStatsCur === currency) stats = lastStats!;
    else {
      stats = curStats.get(currency) ?? { invoices: 0, sales90: 0 };
      curStats.set(currency, stats);
      lastStatsCur = currency;
      lastStats = stats;
    }
    stats.invoices++;
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
    if (inv.paidDate !== undefined && inv.paidDate <= asOf && inv.paidDate > acc.lastPaid)
      acc.lastPaid = inv.paidDate;

    const ob = openBalanceOf(inv, asOf);
    open[i] = ob;
    const gross = grossOf(inv);
    if (inv.invoiceDate !== undefined) {
      anyInvoiceDate = true;
      if (inv.invoiceDate > asOf - 90 && inv.invoiceDate <= asOf) stats.sales90 += gross;
    }
    if (history) {
      const rate = rateOf(currency);
      history.amount[i] = rate === null ? NaN : gross * rate;
      history.dueDate[i] = inv.dueDate;
      history.invoiceDate[i] = inv.invoiceDate ?? NaN;
      history.openBalance[i] = rate === null ? NaN : ob * rate;
      history.paidDate[i] = inv.paidDate ?? NaN;
      history.settled[i] = ob === 0 ? 1 : 0;
    }

    if (ob === 0) {
      // Closed: no Days Past Due, bucket or breaches; its lateness feeds the payment factor.
      const paidKnown = inv.paidDate !== undefined && inv.paidDate <= asOf;
      dbt[i] = paidKnown ? inv.paidDate! - inv.dueDate : null;
      if (paidKnown && inv.paidDate! > historyStart && gross >= 0) {
        acc.paidDays.push(inv.paidDate! - inv.dueDate);
        acc.paidAmounts.push(gross > 0 ? gross : inv.paid !== undefined && inv.paid > 0 ? inv.paid : 0);
        acc.paidCur.push(currency);
      }
      continue;
    }
    openInvoices++;
    acc.openCount++;
    const m = moneyOf(acc, currency, nb);
    let pm: Money;
    if (lastPCur === currency) pm = lastPMoney!;
    else {
      pm = portfolio.get(currency) ?? newMoney(nb);
      portfolio.set(currency, pm);
      lastPCur = currency;
      lastPMoney = pm;
    }
    if (ob < 0) {
      // Unapplied credit: reduces exposure, never aged, never overdue.
      kinds[i] = 2;
      m.credit -= ob;
      pm.credit -= ob;
      continue;
    }
    kinds[i] = 1;
    const d = daysPastDue(inv.dueDate, asOf);
    const k = bucketIndex(d, edges);
    dpds[i] = d;
    bucketOf[i] = k;
    m.debit += ob;
    m.buckets[k]! += ob;
    pm.debit += ob;
    pm.buckets[k]! += ob;
    if (d > 90) {
      m.over90 += ob;
      pm.over90 += ob;
    }
    if (d > 0) {
      acc.openDays.push(d);
      acc.openAmounts.push(ob);
      acc.openCur.push(currency);
    }
    if (d > acc.maxDpd) {
      acc.maxDpd = d;
      acc.oldestNo = inv.invoiceNo ?? null;
      acc.oldestRow = inv.row;
    }
    if (d > b.severelyOverdueDays) {
      flags[i]! |= SEVERE;
      mark(acc.severe, inv.row, inv.invoiceNo, currency, ob, d);
    }
    if (d >= b.insurerMaxExtensionDays && d > 0) {
      flags[i]! |= NOTIFY;
      mark(acc.notify, inv.row, inv.invoiceNo, currency, ob, d);
    }
    if (inv.status === "disputed") {
      const age = asOf - (inv.invoiceDate ?? inv.dueDate);
      if (age > b.disputeAgedDays) {
        flags[i]! |= DISPUTE;
        mark(acc.dispute, inv.row, inv.invoiceNo, currency, ob, d);
        acc.dispute.oldest = Math.max(acc.dispute.oldest, age);
      }
    }
  }

  const join = joinCustomers(
    [...accs.values()].map((a) => ({ customerKey: a.key, customer: a.name })),
    records,
  );
  if (records.length > 0) issues.push(...join.issues);
  const previous = extras.previousSnapshot ? latestByCustomer(extras.previousSnapshot) : null;
  const hasStatus = read.mapping.status !== undefined;
  /** Whether the sheet can show payments at all (a paid-date column): worded into the stopped-paying cap. */
  const paymentsVisible = read.mapping.paidDate !== undefined;

  // Missing rates: currencies of open items, sales or limits without a rate to the base currency.
  const needRate = new Set<string>([...portfolio.keys(), ...curStats.keys()]);
  for (const rec of join.byKey.values()) if (rec.limitCurrency) needRate.add(rec.limitCurrency);
  const missingRates = [...needRate].filter((c) => rateOf(c) === null).sort();
  const converted = missingRates.length === 0;
  if (missingRates.length > 0) {
    issues.push({
      row: 0,
      column: "",
      header: "",
      value: missingRates.join(", "),
      reason: {
        en: `No exchange rate for ${missingRates.join(", ")} (base currency ${base}): totals, KPIs, buckets, limits and the provision are shown per currency. Add the rates on a sheet named Rates (汇率) or in the Policy view.`,
        zh: `缺少${missingRates.join("、")}的汇率（本位币${base}）：合计、指标、账龄区间、额度和减值准备按币种分别列示。请在名为“汇率”（Rates）的工作表或“政策”视图中添加汇率。`,
      },
      severity: "warning",
      code: "MISSING_RATE",
    });
  }
  if (needRate.size > 1) {
    const fromSheet = policy.baseCurrency === null;
    issues.push({
      row: 0,
      column: "",
      header: "",
      value: base,
      reason: {
        en: `Base currency ${base}${fromSheet ? " (the sheet's most common currency)" : ""}; rows without a currency are taken as ${base}, and so are credit limits unless the Customers sheet gives a currency.`,
        zh: `本位币为${base}${fromSheet ? "（表中最常见的币种）" : ""}；未注明币种的行按${base}处理，信用额度亦然（除非客户表注明币种）。`,
      },
      severity: "note",
      code: "BASE_CURRENCY",
    });
  }

  const customers: CustomerResult[] = [];
  /** What each invoice row takes from its customer: score, grade, customer-level codes, NOTIFY allowed. */
  const perCustomer = new Map<
    string,
    { score: number | null; grade: RiskGrade | null; codes: BreachCode[]; notify: boolean }
  >();
  const breachesByCustomer = new Map<string, Breach[]>();
  const sortKey = new Map<string, { base: number | null; cur: string; exp: number; first: number }>();
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
    // Money: per currency, then in the reporting currency.
    const byCurrency: CurrencyAmounts[] = sortedEntries(acc.money).map(([currency, m]) => {
      let overdue = 0;
      for (let k = 1; k < nb; k++) overdue += m.buckets[k]!;
      return {
        currency,
        exposure: m.debit - m.credit,
        openDebit: m.debit,
        unappliedCredit: m.credit,
        overdue,
        buckets: m.buckets,
        over90: m.over90,
      };
    });
    const curList = [...acc.curs].sort();
    const reporting: string | null =
      curList.length <= 1 ? (curList[0] ?? base) : curList.every((c) => rateOf(c) !== null) ? base : null;
    const inReporting = (pick: (x: CurrencyAmounts) => number): number | null => {
      if (reporting === null) return null;
      let t = 0;
      for (const x of byCurrency) t += convert(pick(x), x.currency, reporting)!;
      return t;
    };
    const exposure = inReporting((x) => x.exposure);
    const openDebit = inReporting((x) => x.openDebit);
    const unappliedCredit = inReporting((x) => x.unappliedCredit);
    const overdue = inReporting((x) => x.overdue);
    const buckets =
      reporting === null
        ? null
        : labels.map((_, k) => {
            let t = 0;
            for (const x of byCurrency) t += convert(x.buckets[k]!, x.currency, reporting)!;
            return t;
          });
    let exposureBase: number | null = 0;
    for (const x of byCurrency) {
      const v = convert(x.exposure, x.currency, base);
      exposureBase = v === null || exposureBase === null ? null : exposureBase + v;
    }

    // Limits (base currency unless the Customers sheet names one).
    const recCredit = rec?.creditLimit !== undefined && rec.creditLimit > 0 ? rec.creditLimit : undefined;
    const recInsured = rec?.insuredLimit !== undefined && rec.insuredLimit > 0 ? rec.insuredLimit : undefined;
    const creditLimit = recCredit ?? acc.creditLimit ?? null;
    const insuredLimit = recInsured ?? acc.insuredLimit ?? null;
    const limitCurrency =
      (recCredit !== undefined || recInsured !== undefined) && rec?.limitCurrency ? rec.limitCurrency : base;
    const exposureInLimit =
      exposure !== null && reporting !== null
        ? convert(exposure, reporting, limitCurrency)
        : exposureBase !== null
          ? convert(exposureBase, base, limitCurrency)
          : null;
    if ((creditLimit !== null || insuredLimit !== null) && exposureInLimit === null) {
      issues.push({
        row: 0,
        column: "",
        header: "",
        value: acc.name,
        reason: {
          en: `${acc.name}: the exposure cannot be compared with the limit in ${limitCurrency} without exchange rates; no utilisation or limit breach is given.`,
          zh: `${acc.name}：缺少汇率，风险敞口无法与以${limitCurrency}计的额度比较；不计算额度使用率和额度预警。`,
        },
        severity: "warning",
        code: "LIMIT_NOT_COMPARABLE",
      });
    }
    const utilization =
      creditLimit !== null && exposureInLimit !== null ? exposureInLimit / creditLimit : null;
    const uninsured =
      insuredLimit !== null && exposureInLimit !== null ? Math.max(0, exposureInLimit - insuredLimit) : null;
    const yearsTrading =
      rec?.yearsTrading !== undefined && rec.yearsTrading >= 0
        ? rec.yearsTrading
        : (acc.yearsTrading ?? null);
    const altmanZ = rec?.altmanZ ?? null;
    const altmanModel: AltmanModel | null = altmanZ !== null ? rec!.altmanModel : null;

    // Payment factor: paid history and open past-due items together, weighted in the customer's currency.
    const weightOf = (amount: number, c: string) =>
      reporting === null ? 1 : (convert(amount, c, reporting) ?? 0);
    const paidW = acc.paidAmounts.map((a, j) => weightOf(a, acc.paidCur[j]!));
    const openW = acc.openAmounts.map((a, j) => weightOf(a, acc.openCur[j]!));
    const allDays = acc.paidDays.concat(acc.openDays);
    const allW = paidW.concat(openW);
    const paidPart = acc.paidDays.length > 0 ? weightedMean(acc.paidDays, paidW) : null;
    const openPart = acc.openDays.length > 0 ? weightedMean(acc.openDays, openW) : null;
    const basis: CustomerResult["daysBeyondTermsBasis"] =
      paidPart !== null && openPart !== null
        ? "paidAndOpen"
        : paidPart !== null
          ? "paid"
          : openPart !== null
            ? "open"
            : "none";
    const days = allDays.length > 0 ? weightedMean(allDays, allW) : null;
    const payIdx = allDays.length > 0 ? payIndexOf(allDays, allW) : null;
    const disputeRate = hasStatus ? acc.disputed / acc.invoiceCount : null;
    const factors: ScoreFactors = {
      ...(days !== null ? { daysBeyondTerms: days } : {}),
      ...(utilization !== null ? { utilization } : {}),
      // Scored on the public scale, so the customer's own model decides its zone (altman.ts publicScaleZ).
      ...(altmanZ !== null ? { altmanZ: publicScaleZ(altmanZ, altmanModel ?? "public") } : {}),
      ...(yearsTrading !== null ? { yearsTrading } : {}),
      ...(disputeRate !== null ? { disputeRate } : {}),
    };
    const score = creditScore(factors, policy.weights);
    const scoreGrade = score !== null ? riskGrade(score) : null;

    // Grade caps.
    let grade = scoreGrade;
    let cap: AppliedCap | null = null;
    if (grade !== null && policy.gradeCaps.enabled && acc.maxDpd > 0) {
      let capGrade: RiskGrade | null = null;
      let capKind: AppliedCap["kind"] = "delinquency";
      let capOver = 0;
      for (const rule of policy.gradeCaps.rules) {
        if (
          acc.maxDpd > rule.overDays &&
          (capGrade === null || worse(rule.maxGrade, capGrade) !== capGrade)
        ) {
          capGrade = rule.maxGrade;
          capOver = rule.overDays;
        }
      }
      const sp = policy.gradeCaps.stoppedPaying;
      const stopped = sp.enabled && acc.maxDpd > sp.overdueDays && !(acc.lastPaid > asOf - sp.noPaymentDays);
      if (stopped && (capGrade === null || worse(sp.maxGrade, capGrade) !== capGrade)) {
        capGrade = sp.maxGrade;
        capKind = "stoppedPaying";
        capOver = sp.overdueDays;
      }
      if (capGrade !== null && worse(grade, capGrade) !== grade) {
        grade = capGrade;
        const refEn = invoiceRef(acc.oldestNo, acc.oldestRow, "en");
        const refZh = acc.oldestNo !== null ? `发票${acc.oldestNo}` : `第${acc.oldestRow}行的发票`;
        const message: Msg =
          capKind === "delinquency"
            ? {
                en: `capped at ${capGrade}: ${acc.maxDpd} days past due on ${refEn}`,
                zh: `等级上限为${capGrade}：${refZh}逾期${acc.maxDpd}天`,
              }
            : paymentsVisible
              ? {
                  en: `capped at ${capGrade}: stopped paying (${refEn} ${acc.maxDpd} days past due, no payment in the last ${sp.noPaymentDays} days)`,
                  zh: `等级上限为${capGrade}：已停止付款（${refZh}逾期${acc.maxDpd}天，近${sp.noPaymentDays}天无付款）`,
                }
              : {
                  // Without a paid-date column the sheet cannot show a payment: say what is known, not "stopped".
                  en: `capped at ${capGrade}: ${refEn} ${acc.maxDpd} days past due and the sheet shows no payment dates`,
                  zh: `等级上限为${capGrade}：${refZh}逾期${acc.maxDpd}天，且表中没有收款日期`,
                };
        cap = {
          kind: capKind,
          maxGrade: capGrade,
          daysPastDue: acc.maxDpd,
          invoiceNo: acc.oldestNo,
          row: acc.oldestRow,
          overDays: capOver,
          ...(capKind === "stoppedPaying" ? { noPaymentDays: sp.noPaymentDays } : {}),
          message,
        };
      }
    }
    const reasons = customerReasons(factors, policy.weights, {
      basis,
      paidDays: paidPart,
      openDays: openPart,
      altmanModel,
      altmanZ,
      cap: cap?.message ?? null,
    });

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
        exposureChange: exposure !== null && prev.exposure !== null ? exposure - prev.exposure : null,
      };
    }

    // Breaches.
    const list: Breach[] = [];
    const add = (
      code: BreachCode,
      facts: Omit<BreachFacts, "customer">,
      rows: readonly number[] = [],
      nos: readonly (string | null)[] = [],
      currency: string | null = "",
    ) =>
      list.push({
        code,
        customer: acc.name,
        customerKey: acc.key,
        rows,
        invoiceNos: nos,
        numbers: facts.numbers,
        currency,
        message: breachMessage(code, { customer: acc.name, ...facts }),
      });
    const invoiceBreach = (
      code: BreachCode,
      f: Flagged,
      numbers: Record<string, number>,
      insured?: boolean | null,
    ) => {
      const amounts = sortedEntries(f.amounts).map(([currency, amount]) => ({ currency, amount }));
      let total: number | null = reporting === null ? null : 0;
      for (const a of amounts)
        total =
          total === null || reporting === null ? null : total + convert(a.amount, a.currency, reporting)!;
      add(
        code,
        {
          numbers: { invoices: f.rows.length, ...(total !== null ? { amount: total } : {}), ...numbers },
          currency: reporting ?? "",
          invoices: f.rows.map((row, j) => ({ invoiceNo: f.nos[j] ?? null, row })),
          amounts,
          ...(insured !== undefined ? { insured } : {}),
        },
        f.rows,
        f.nos,
        amounts.length === 1 ? amounts[0]!.currency : reporting,
      );
    };
    if (creditLimit !== null && exposureInLimit !== null && exposureInLimit > creditLimit) {
      add(
        "OVER_LIMIT",
        {
          numbers: {
            exposure: exposureInLimit,
            creditLimit,
            excess: exposureInLimit - creditLimit,
            utilization: utilization!,
          },
          currency: limitCurrency,
        },
        [],
        [],
        limitCurrency,
      );
    } else if (
      creditLimit !== null &&
      exposureInLimit !== null &&
      exposureInLimit >= b.nearLimitRatio * creditLimit
    ) {
      add(
        "NEAR_LIMIT",
        {
          numbers: {
            exposure: exposureInLimit,
            creditLimit,
            utilization: utilization!,
            threshold: b.nearLimitRatio,
          },
          currency: limitCurrency,
        },
        [],
        [],
        limitCurrency,
      );
    }
    if (acc.severe.rows.length > 0) {
      invoiceBreach("SEVERELY_OVERDUE", acc.severe, {
        maxDaysPastDue: acc.severe.max,
        thresholdDays: b.severelyOverdueDays,
      });
    }
    if (insuredLimit !== null && exposureInLimit !== null && exposureInLimit > insuredLimit) {
      add(
        "INSURED_LIMIT_EXCEEDED",
        {
          numbers: { exposure: exposureInLimit, insuredLimit, uninsured: uninsured! },
          currency: limitCurrency,
        },
        [],
        [],
        limitCurrency,
      );
    }
    const notifyAllowed = !insuredColumn || insuredLimit !== null;
    if (acc.notify.rows.length > 0 && notifyAllowed) {
      invoiceBreach(
        "NOTIFY_INSURER",
        acc.notify,
        { maxDaysPastDue: acc.notify.max, thresholdDays: b.insurerMaxExtensionDays },
        insuredColumn ? true : null,
      );
    }
    if (grade !== null && (b.lowGrades as readonly string[]).includes(grade))
      add("LOW_GRADE", { numbers: { score: score! }, grade, ...(cap ? { capped: cap.message } : {}) });
    if (acc.dispute.rows.length > 0) {
      invoiceBreach("DISPUTE_AGED", acc.dispute, {
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
      add("DETERIORATING", { numbers });
    }
    breachesByCustomer.set(acc.key, list);
    perCustomer.set(acc.key, {
      score,
      grade,
      codes: list.filter((x) => !INVOICE_BREACH_CODES.has(x.code)).map((x) => x.code),
      notify: notifyAllowed,
    });
    sortKey.set(acc.key, {
      base: exposureBase,
      cur: reporting ?? "\uffff",
      exp: exposure ?? 0,
      first: acc.firstRow,
    });

    customers.push({
      key: acc.key,
      name: acc.name,
      rows: acc.rows,
      invoiceCount: acc.invoiceCount,
      openInvoiceCount: acc.openCount,
      currency: reporting,
      exposure,
      openDebit,
      unappliedCredit,
      overdue,
      buckets,
      exposureBase,
      byCurrency,
      maxDaysPastDue: acc.maxDpd,
      daysBeyondTerms: days,
      daysBeyondTermsBasis: basis,
      paidDaysBeyondTerms: paidPart,
      openDaysPastDue: openPart,
      paymentSample: allDays.length,
      payIndex: payIdx,
      creditLimit,
      insuredLimit,
      limitCurrency,
      utilization,
      uninsuredExposure: uninsured,
      altmanZ,
      altmanModel,
      yearsTrading,
      disputedCount: acc.disputed,
      disputeRate,
      score,
      scoreGrade,
      grade,
      cap,
      reasons,
      breaches: list.map((x) => x.code),
      currencies: curList,
      trend,
    });
  }
  // Largest exposure first (in the base currency); customers that cannot be converted last, by currency.
  customers.sort((x, y) => {
    const a = sortKey.get(x.key)!;
    const c = sortKey.get(y.key)!;
    if (a.base !== null && c.base !== null) return c.base - a.base || a.first - c.first;
    if (a.base !== null) return -1;
    if (c.base !== null) return 1;
    return a.cur < c.cur ? -1 : a.cur > c.cur ? 1 : c.exp - a.exp || a.first - c.first;
  });
  const breaches: Breach[] = [];
  for (const c of customers) breaches.push(...breachesByCustomer.get(c.key)!);

  // Per-invoice output, aligned to source rows.
  const scored: ScoredInvoice[] = new Array(n);
  const rowsOut: (ScoredInvoice | null)[] = new Array(read.rowCount).fill(null);
  const KIND: readonly InvoiceKind[] = ["closed", "debit", "credit"];
  let lastKey = "";
  let cs = perCustomer.values().next().value!;
  for (let i = 0; i < n; i++) {
    const inv = invoices[i]!;
    if (inv.customerKey !== lastKey) {
      cs = perCustomer.get(inv.customerKey)!;
      lastKey = inv.customerKey;
    }
    const kind = KIND[kinds[i]!]!;
    let rowCodes: readonly BreachCode[] = NO_CODES;
    if (kind === "debit") {
      let f = flags[i]!;
      if (!cs.notify) f &= ~NOTIFY;
      if (f === 0) rowCodes = cs.codes;
      else {
        const set = new Set<BreachCode>(cs.codes);
        if (f & SEVERE) set.add("SEVERELY_OVERDUE");
        if (f & NOTIFY) set.add("NOTIFY_INSURER");
        if (f & DISPUTE) set.add("DISPUTE_AGED");
        rowCodes = BREACH_CODES.filter((c) => set.has(c));
      }
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
      currency: rowCurrency[i]!,
      kind,
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

  // Portfolio, per currency and in the base currency.
  const currencies = [...new Set([...portfolio.keys(), ...curStats.keys()])].sort();
  const customersByCur = new Map<string, number>();
  for (const c of customers)
    for (const x of c.currencies) customersByCur.set(x, (customersByCur.get(x) ?? 0) + 1);
  // The history statistics are needed only when the analyst chose roll rates (the default is the policy's rates).
  const history90 = rollRates(history ?? [], policy, asOf);
  const provision = provisionMatrix(
    currencies.map((c) => ({
      currency: c,
      balances: portfolio.get(c)?.buckets ?? new Array<number>(nb).fill(0),
      rate: rateOf(c),
    })),
    labels,
    policy,
    history90,
  );
  const dsoOf = (exposure: number, current: number, sales: number | null) => {
    const d = sales !== null && sales > 0 ? dso(exposure, sales, 90) : null;
    const best = sales !== null && sales > 0 ? dso(current, sales, 90) : null;
    return { dso: d, bestDso: best, add: d !== null && best !== null ? d - best : null };
  };
  const byCurrency: CurrencyKpis[] = currencies.map((c, j) => {
    const m = portfolio.get(c) ?? newMoney(nb);
    const overdue = m.buckets.reduce((t, x, k) => (k > 0 ? t + x : t), 0);
    const sales = anyInvoiceDate ? (curStats.get(c)?.sales90 ?? 0) : null;
    const exposure = m.debit - m.credit;
    const d = dsoOf(exposure, m.buckets[0]!, sales);
    return {
      currency: c,
      customers: customersByCur.get(c) ?? 0,
      invoices: curStats.get(c)?.invoices ?? 0,
      exposure,
      openDebit: m.debit,
      unappliedCredit: m.credit,
      overdue,
      buckets: labels.map((label, k) => ({ label, amount: m.buckets[k]! })),
      over90: m.over90,
      pctOver90: m.debit > 0 ? m.over90 / m.debit : null,
      salesLast90: sales,
      dso: d.dso,
      bestDso: d.bestDso,
      averageDaysDelinquent: d.add,
      expectedCreditLoss: provision.byCurrency[j]!.total,
      rate: rateOf(c),
    };
  });
  const sumBase = (pick: (x: CurrencyKpis) => number): number | null => {
    if (!converted) return null;
    let t = 0;
    for (const x of byCurrency) t += pick(x) * x.rate!;
    return t;
  };
  const totalExposure = sumBase((x) => x.exposure);
  const openDebitBase = sumBase((x) => x.openDebit);
  const over90Base = sumBase((x) => x.over90);
  const salesBase = anyInvoiceDate ? sumBase((x) => x.salesLast90 ?? 0) : null;
  const currentBase = sumBase((x) => x.buckets[0]!.amount);
  const dBase =
    totalExposure !== null && currentBase !== null ? dsoOf(totalExposure, currentBase, salesBase) : null;
  const breachCounts: Partial<Record<BreachCode, number>> = {};
  for (const x of breaches) breachCounts[x.code] = (breachCounts[x.code] ?? 0) + 1;
  let uninsuredTotal: number | null = 0;
  for (const c of customers) {
    if (c.uninsuredExposure === null) continue;
    const v = convert(c.uninsuredExposure, c.limitCurrency, base);
    uninsuredTotal = v === null || uninsuredTotal === null ? null : uninsuredTotal + v;
  }

  // Data-quality warnings, collections (with what earlier letters listed), movers.
  const warnings = dataQualityIssues(read, asOf);
  issues.push(...warnings);
  const reminded = extras.previousSnapshot ? remindedBefore(extras.previousSnapshot, asOf) : new Map();
  const collections = collectionsPlan(
    { invoices: scored, customers, toBase: (amount, currency) => convert(amount, currency, base) },
    policy,
    reminded,
  );
  const dunned = new Map(
    collections.cases.map((c) => [
      c.customerKey,
      c.invoices.map((i) => invoiceRef(i.invoiceNo, i.row, "en")),
    ]),
  );
  const currentRows = customers.map((c) => snapshotRow(c, asOf, asOf, dunned.get(c.key) ?? []));
  const movers = extras.previousSnapshot
    ? compareSnapshots(extras.previousSnapshot, currentRows, policy)
    : [];

  return {
    asOf,
    table: {
      headers: read.headers,
      rowCount: read.rowCount,
      invoices: n,
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
      invoices: n,
      openInvoices,
      rowsScored: n,
      rowsWithData: n + read.errorRowsSkipped,
      baseCurrency: base,
      missingRates,
      byCurrency,
      totalExposure,
      openDebit: openDebitBase,
      unappliedCredit: sumBase((x) => x.unappliedCredit),
      overdue: sumBase((x) => x.overdue),
      buckets: converted
        ? labels.map((label, k) => ({ label, amount: sumBase((x) => x.buckets[k]!.amount)! }))
        : null,
      over90: over90Base,
      pctOver90: openDebitBase !== null && openDebitBase > 0 ? over90Base! / openDebitBase : null,
      salesLast90: salesBase,
      dso: dBase?.dso ?? null,
      dsoNote: (dBase?.dso ?? null) !== null && n > 0 && !kinds.includes(0) ? OPEN_ITEMS_DSO : null,
      bestDso: dBase?.bestDso ?? null,
      averageDaysDelinquent: dBase?.add ?? null,
      expectedCreditLoss: provision.total,
      uninsuredExposure: uninsuredTotal,
      breachCounts,
    },
    provision,
    breaches,
    movers,
    collections,
    issues,
    warnings,
  };
}
