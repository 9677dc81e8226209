/**
 * An independent re-computation of the golden workbooks, written from the specs (spec/score-sheet.md v2,
 * spec/functions.md) and the decisions recorded in the README ("How the score works") — NOT from src/: this file
 * imports nothing from src/ (test/golden/reference.test.ts checks that), and has its own cell parsing, payment
 * terms, dates, PAYINDEX, CREDITSCORE, Altman Z, caps, reasons, breaches, currencies, DSO and provision.
 *
 * It understands what the golden inputs contain (not every format the add-in reads): serial and text dates (ISO,
 * yyyy/m/d, yyyy年m月d日, "Mon d yyyy", d/m/yyyy by the date order), amounts as numbers or text with $ £ € ¥ ￥ 元,
 * thousands commas and (brackets); the golden sheets' English and Chinese headers and payment terms.
 *
 * reference.test.ts compares its figures with every golden expected.json: the added columns of every row and the
 * summary sheet's KPIs, buckets, provision and customer table — and, since spec v2 §4, what the cells say in the
 * display language (bucket and breach labels, the legend) and the number format of every figure (DISPLAY below).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

// ───────────────────────────── input ─────────────────────────────

export interface RefInput {
  options: {
    asOf: number;
    lang: "en" | "zh";
    mapping?: Record<string, number>;
    sheet?: string;
    policy?: { dateOrder?: "DMY" | "MDY" };
  };
  sheets: { name: string; values: unknown[][] }[];
  tables?: { sheet: string; address: string }[];
}

export function loadRefInput(dir: string, name: string): RefInput {
  return JSON.parse(readFileSync(join(dir, name, "input.json"), "utf8")) as RefInput;
}

// ───────────────────────────── numbers and dates ─────────────────────────────

/** Half up on the value's size (1e-9 absorbs binary noise such as 2.675 → 2.67499…). */
export const roundHalfUp = (x: number) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5 + 1e-9);
export const cents = (x: number) => {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
  return r === 0 ? 0 : r;
};

/** Excel serial of a calendar date (1900 system; all golden dates are after 1 March 1900). UTC arithmetic only. */
export function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}
function ymd(s: number): [number, number, number] {
  const dt = new Date((s - 25569) * 86400000);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A date cell as a serial, or null when it cannot be read (ambiguous d/m text without a date order included). */
export function parseDate(v: unknown, order: "DMY" | "MDY" | null): number | null {
  if (typeof v === "number") return Math.floor(v);
  if (typeof v !== "string") return null;
  const t = v.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) return serial(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t))) return serial(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(t))) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return month > 0 ? serial(+m[3]!, month, +m[2]!) : null;
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    const dmy = serial(y, b, a);
    const mdy = serial(y, a, b);
    if (order === "DMY") return dmy;
    if (order === "MDY") return mdy;
    if (dmy !== null && mdy !== null && dmy !== mdy) return null;
    return dmy ?? mdy;
  }
  return null;
}

const TOKEN_CURRENCY: Record<string, string> = {
  $: "USD",
  "£": "GBP",
  "€": "EUR",
  "¥": "CNY",
  "￥": "CNY",
  元: "CNY",
};

/** An amount cell: value and the currency its text names; null when it cannot be read. */
export function parseAmount(v: unknown): { value: number; currency: string | null } | null {
  if (typeof v === "number") return { value: v, currency: null };
  if (typeof v !== "string") return null;
  let t = v.trim();
  let negative = false;
  let currency: string | null = null;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!.trim();
  }
  const pre = /^([$£€¥￥])\s*/.exec(t);
  if (pre) {
    currency = TOKEN_CURRENCY[pre[1]!]!;
    t = t.slice(pre[0].length);
  }
  const post = /\s*(元)$/.exec(t);
  if (post) {
    currency = "CNY";
    t = t.slice(0, -post[0].length);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return { value: negative ? -n : n, currency };
}

// ───────────────────────────── payment terms (the golden sheets' terms) ─────────────────────────────

/** Last day of the month of `s`. */
function monthEnd(s: number): number {
  const [y, m] = ymd(s);
  return m === 12 ? serial(y, 12, 31)! : serial(y, m + 1, 1)! - 1;
}

/** Due date from invoice date and terms (Net N, N, COD, EOM, Net N EOM, Nth prox, d/D Net N, 月结, 票到N天, N天). */
export function dueFromTerms(inv: number, terms: string): number | null {
  const t = terms.trim().toLowerCase();
  let m: RegExpExecArray | null;
  if (t === "cod" || t === "货到付款") return inv;
  if (t === "eom" || t === "月结") return monthEnd(inv);
  if ((m = /^net (\d+) eom$/.exec(t)) || (m = /^月结(\d+)天?$/.exec(t))) return monthEnd(inv) + Number(m[1]);
  if ((m = /^(\d+)(?:st|nd|rd|th)? prox$/.exec(t))) {
    const [y, mo] = ymd(inv);
    const ny = mo === 12 ? y + 1 : y;
    const nm = mo === 12 ? 1 : mo + 1;
    const last = monthEnd(serial(ny, nm, 1)!);
    return Math.min(serial(ny, nm, 1)! + Number(m[1]) - 1, last);
  }
  if ((m = /^[\d.]+\/\d+ net (\d+)$/.exec(t))) return inv + Number(m[1]);
  if ((m = /^net (\d+)$/.exec(t)) || (m = /^(\d+)$/.exec(t)) || (m = /^(?:票到)?(\d+)天$/.exec(t)))
    return inv + Number(m[1]);
  return null;
}

// ───────────────────────────── headers ─────────────────────────────

const HEADERS: Record<string, string[]> = {
  customer: ["customer", "client", "客户名称", "客户"],
  invoiceNo: ["invoice no", "inv #", "document", "发票号码"],
  invoiceDate: ["invoice date", "doc date", "posting date", "开票日期"],
  dueDate: ["due date", "due", "到期日"],
  terms: ["terms", "付款条件"],
  amount: ["amount", "invoice amount", "价税合计"],
  paid: ["paid amount", "paid", "已收金额"],
  balance: ["balance"],
  paidDate: ["paid date", "收款日期"],
  status: ["status", "状态"],
  currency: ["currency"],
  creditLimit: ["credit limit", "信用额度"],
  insuredLimit: ["insured limit", "保险限额"],
  yearsTrading: ["years trading", "经营年限"],
  workingCapital: ["working capital"],
  retainedEarnings: ["retained earnings"],
  ebit: ["ebit"],
  equity: ["equity"],
  sales: ["sales"],
  totalAssets: ["total assets"],
  totalLiabilities: ["total liabilities"],
  model: ["z model", "altman model", "model"],
  rate: ["rate"],
};

function mapHeader(row: readonly unknown[]): Record<string, number> {
  const out: Record<string, number> = {};
  row.forEach((h, c) => {
    const key = String(h ?? "")
      .trim()
      .toLowerCase();
    for (const [role, names] of Object.entries(HEADERS))
      if (names.includes(key) && out[role] === undefined) out[role] = c;
  });
  return out;
}

// ───────────────────────────── scoring primitives (spec/functions.md) ─────────────────────────────

function linear(x: number, pts: readonly [number, number][]): number {
  if (x <= pts[0]![0]) return pts[0]![1];
  for (let i = 1; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x0, y0] = pts[i - 1]!;
    if (x <= x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return pts[pts.length - 1]![1];
}
const PAYINDEX: [number, number][] = [
  [-30, 100],
  [-20, 90],
  [0, 80],
  [15, 70],
  [22, 60],
  [30, 50],
  [60, 40],
  [90, 30],
  [120, 20],
];
export const payIndex = (days: number) => linear(days, PAYINDEX);
const SUB = {
  payment: (d: number) => payIndex(d),
  utilization: (u: number) =>
    linear(u, [
      [0.5, 100],
      [1, 60],
      [1.5, 0],
    ]),
  altman: (z: number) =>
    linear(z, [
      [0, 0],
      [1.81, 40],
      [2.99, 100],
    ]),
  years: (y: number) =>
    linear(y, [
      [0, 20],
      [10, 100],
    ]),
  disputes: (r: number) =>
    linear(r, [
      [0, 100],
      [0.2, 0],
    ]),
};
const WEIGHTS = { payment: 40, utilization: 20, altman: 25, years: 10, disputes: 5 };
type Factor = keyof typeof WEIGHTS;
const FACTORS: Factor[] = ["payment", "utilization", "altman", "years", "disputes"];
export function grade(score: number): string {
  return score >= 80 ? "A" : score >= 65 ? "B" : score >= 50 ? "C" : score >= 35 ? "D" : "E";
}
const ALTMAN = {
  public: { c: [1.2, 1.4, 3.3, 0.6, 1.0], zones: [1.81, 2.99] },
  private: { c: [0.717, 0.847, 3.107, 0.42, 0.998], zones: [1.23, 2.9] },
  nonmfg: { c: [6.56, 3.26, 6.72, 1.05, 0], zones: [1.1, 2.6] },
} as const;
const BUCKETS = ["Current", "1-30", "31-60", "61-90", "91+"];
const bucketOf = (dpd: number) => (dpd <= 0 ? 0 : dpd <= 30 ? 1 : dpd <= 60 ? 2 : dpd <= 90 ? 3 : 4);
const LOSS_RATES = [0.003, 0.016, 0.036, 0.066, 0.106];
const BREACH_ORDER = [
  "OVER_LIMIT",
  "NEAR_LIMIT",
  "SEVERELY_OVERDUE",
  "INSURED_LIMIT_EXCEEDED",
  "NOTIFY_INSURER",
  "LOW_GRADE",
  "DISPUTE_AGED",
  "DETERIORATING",
];

// ───────────────────────────── what the cells say (spec §4 v2) ─────────────────────────────

/**
 * The texts and number formats the spec asks for, written from spec §4 v2 (not from src/): bucket labels for the
 * default edges in each language, a short label per breach code (the spec's example: 超出信用额度; the summary's legend
 * maps label → code → meaning), lists of labels joined as each language writes them, and the number formats —
 * money `#,##0.00` (with the currency when the summary is per currency), percentages `0.0%`, days, counts and scores
 * whole numbers, dates as dates.
 */
export const DISPLAY = {
  buckets: {
    en: BUCKETS,
    zh: ["未到期", "1-30天", "31-60天", "61-90天", "90天以上"],
  },
  breaches: {
    OVER_LIMIT: { en: "Over credit limit", zh: "超出信用额度" },
    NEAR_LIMIT: { en: "Near credit limit", zh: "接近信用额度" },
    SEVERELY_OVERDUE: { en: "Severely overdue", zh: "严重逾期" },
    INSURED_LIMIT_EXCEEDED: { en: "Insured limit exceeded", zh: "超出保险限额" },
    NOTIFY_INSURER: { en: "Notify the insurer", zh: "需通知保险人" },
    LOW_GRADE: { en: "Low grade", zh: "等级偏低" },
    DISPUTE_AGED: { en: "Aged dispute", zh: "争议久拖未决" },
    DETERIORATING: { en: "Deteriorating", zh: "信用恶化" },
  } as Record<string, { en: string; zh: string }>,
  models: {
    en: { public: "public", private: "private", nonmfg: "non-manufacturing" },
    zh: { public: "上市公司", private: "非上市公司", nonmfg: "非制造业" },
  } as Record<"en" | "zh", Record<string, string>>,
  formats: {
    money: "#,##0.00",
    moneyIn: (currency: string) => `"${currency} "#,##0.00`,
    percent: "0.0%",
    whole: "0",
    date: "yyyy-mm-dd",
  },
};

/** A bucket label in the display language. */
export function bucketText(bucket: string | null, lang: "en" | "zh"): string {
  return bucket === null ? "" : DISPLAY.buckets[lang][BUCKETS.indexOf(bucket)]!;
}

/** A row's breach codes as the cell shows them: labels joined with ", " (English) or "、" (Chinese). */
export function breachText(codes: readonly string[], lang: "en" | "zh"): string {
  return codes.map((c) => DISPLAY.breaches[c]![lang]).join(lang === "en" ? ", " : "、");
}

// ───────────────────────────── the computation ─────────────────────────────

export interface RefRow {
  row: number;
  customer: string;
  invoiceNo: string | null;
  dueDate: number;
  dueComputed: boolean;
  open: number;
  kind: "debit" | "credit" | "closed";
  dpd: number | null;
  bucket: string | null;
  currency: string;
  codes: string[];
  score: number | null;
  grade: string | null;
}

export interface RefMoney {
  currency: string;
  exposure: number;
  credit: number;
  debit: number;
  overdue: number;
  buckets: number[];
}

export interface RefCustomer {
  name: string;
  currency: string | null;
  exposure: number | null;
  credit: number | null;
  overdue: number | null;
  buckets: number[] | null;
  exposureBase: number | null;
  byCurrency: RefMoney[];
  payIndex: number | null;
  utilization: number | null;
  score: number | null;
  grade: string | null;
  model: string | null;
  reasons: { en: string; zh: string };
  codes: string[];
}

export interface RefKpis {
  currency: string;
  customers: number;
  invoices: number;
  exposure: number;
  credit: number;
  overdue: number;
  buckets: number[];
  pctOver90: number | null;
  dso: number | null;
  bestDso: number | null;
  add: number | null;
  ecl: number;
  provision: number[];
}

export interface RefResult {
  base: string;
  missing: string[];
  rows: RefRow[];
  customers: RefCustomer[];
  /** One entry in the base currency when every rate is known, else one per currency. */
  sections: RefKpis[];
  converted: boolean;
  uninsured: number | null;
  rowsScored: number;
  rowsWithData: number;
}

interface Inv {
  row: number;
  customer: string;
  key: string;
  invoiceNo: string | null;
  invoiceDate: number | null;
  dueDate: number;
  dueComputed: boolean;
  amount: number | null;
  paid: number | null;
  balance: number | null;
  paidDate: number | null;
  status: "open" | "paid" | "disputed";
  currency: string | null;
}

const keyOf = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function statusOf(v: unknown): Inv["status"] {
  const t = String(v ?? "")
    .trim()
    .toLowerCase();
  if (["paid", "closed", "已付"].includes(t)) return "paid";
  if (["disputed", "on hold", "争议"].includes(t)) return "disputed";
  return "open";
}

/** Reads the data sheet: the source block, header row, rows (skipping what cannot be read, blank and totals rows). */
function readInvoices(
  input: RefInput,
  order: "DMY" | "MDY" | null,
): { invoices: Inv[]; skipped: number; hasStatus: boolean; insuredCol: boolean; paidDateCol: boolean } {
  const sheet = input.sheets.find((s) => s.name === (input.options.sheet ?? input.sheets[0]!.name))!;
  const values = sheet.values;
  let headerRow = -1;
  let map: Record<string, number> = {};
  if (input.options.mapping) {
    map = input.options.mapping;
    headerRow = values.findIndex(
      (r) =>
        String(r[map.customer!] ?? "")
          .trim()
          .toLowerCase() === "client",
    );
  } else {
    for (let i = 0; i < Math.min(20, values.length) && headerRow < 0; i++) {
      const m = mapHeader(values[i]!);
      if (Object.keys(m).length >= 3 && m.customer !== undefined) {
        headerRow = i;
        map = m;
      }
    }
  }
  const col = (r: readonly unknown[], role: string) => (map[role] !== undefined ? r[map[role]!] : undefined);
  const invoices: Inv[] = [];
  let skipped = 0;
  const mapped = Object.values(map);
  for (let i = headerRow + 1; i < values.length; i++) {
    const r = values[i]!;
    if (mapped.every((c) => blank(r[c]))) continue;
    const name = col(r, "customer");
    if (typeof name === "string" && ["total", "合计"].includes(name.trim().toLowerCase())) continue;
    if (blank(name) || (typeof name === "string" && name.startsWith("#"))) {
      skipped++;
      continue;
    }
    const amount = blank(col(r, "amount")) ? null : parseAmount(col(r, "amount"));
    const paidCell = col(r, "paid");
    const paid = blank(paidCell) ? null : parseAmount(paidCell);
    const balance = blank(col(r, "balance")) ? null : parseAmount(col(r, "balance"));
    const invoiceDate = blank(col(r, "invoiceDate")) ? null : parseDate(col(r, "invoiceDate"), order);
    const dueCell = col(r, "dueDate");
    let due = blank(dueCell) ? null : parseDate(dueCell, order);
    const paidDate = blank(col(r, "paidDate")) ? null : parseDate(col(r, "paidDate"), order);
    const bad =
      (amount === null && !blank(col(r, "amount"))) ||
      (paid === null && !blank(paidCell)) ||
      (balance === null && !blank(col(r, "balance"))) ||
      (invoiceDate === null && !blank(col(r, "invoiceDate"))) ||
      (due === null && !blank(dueCell)) ||
      (paidDate === null && !blank(col(r, "paidDate")));
    let dueComputed = false;
    if (!bad && due === null && invoiceDate !== null && !blank(col(r, "terms"))) {
      due = dueFromTerms(invoiceDate, String(col(r, "terms")));
      dueComputed = true;
    }
    if (bad || due === null || (amount === null && balance === null)) {
      skipped++;
      continue;
    }
    const curCell = col(r, "currency");
    const currency = !blank(curCell)
      ? String(curCell).trim().toUpperCase()
      : (amount?.currency ?? balance?.currency ?? paid?.currency ?? null);
    const no = col(r, "invoiceNo");
    invoices.push({
      row: i + 1,
      customer: String(name).trim(),
      key: keyOf(String(name)),
      invoiceNo: blank(no) ? null : String(no).trim(),
      invoiceDate,
      dueDate: due,
      dueComputed,
      amount: amount?.value ?? null,
      paid: paid?.value ?? null,
      balance: balance?.value ?? null,
      paidDate,
      status: statusOf(col(r, "status")),
      currency,
    });
  }
  return {
    invoices,
    skipped,
    hasStatus: map.status !== undefined,
    paidDateCol: map.paidDate !== undefined,
    insuredCol: map.insuredLimit !== undefined,
  };
}

interface CustRec {
  credit: number | null;
  insured: number | null;
  currency: string | null;
  years: number | null;
  z: number | null;
  model: string;
}

function readCustomerSheet(input: RefInput): { byKey: Map<string, CustRec>; insuredCol: boolean } {
  const s = input.sheets.find((x) => x.name === "Customers" || x.name === "客户");
  const byKey = new Map<string, CustRec>();
  if (!s) return { byKey, insuredCol: false };
  const map = mapHeader(s.values[0]!);
  const num = (r: readonly unknown[], role: string) =>
    map[role] === undefined || blank(r[map[role]!]) ? null : Number(r[map[role]!]);
  for (const r of s.values.slice(1)) {
    const key = keyOf(String(r[map.customer!]));
    const model =
      map.model !== undefined && !blank(r[map.model]) ? String(r[map.model]).trim().toLowerCase() : "private";
    const ins = [
      "workingCapital",
      "retainedEarnings",
      "ebit",
      "equity",
      "sales",
      "totalAssets",
      "totalLiabilities",
    ].map((k) => num(r, k));
    let z: number | null = null;
    if (ins.every((x) => x !== null)) {
      const [wc, re, ebit, eq, sales, ta, tl] = ins as number[];
      const c = ALTMAN[model as keyof typeof ALTMAN].c;
      z =
        c[0] * (wc! / ta!) +
        c[1] * (re! / ta!) +
        c[2] * (ebit! / ta!) +
        c[3] * (eq! / tl!) +
        c[4] * (sales! / ta!);
    }
    const cur =
      map.currency !== undefined && !blank(r[map.currency])
        ? String(r[map.currency]).trim().toUpperCase()
        : null;
    byKey.set(key, {
      credit: num(r, "creditLimit"),
      insured: num(r, "insuredLimit"),
      currency: cur,
      years: num(r, "yearsTrading"),
      z,
      model,
    });
  }
  return { byKey, insuredCol: map.insuredLimit !== undefined };
}

function readRates(input: RefInput): Map<string, number> {
  const s = input.sheets.find((x) => x.name === "Rates");
  const out = new Map<string, number>();
  if (s) for (const r of s.values.slice(1)) out.set(String(r[0]).toUpperCase(), Number(r[1]));
  return out;
}

const ZONE_EN = ["distress zone", "grey zone", "safe zone"];
const ZONE_ZH = ["困境区", "灰色区", "安全区"];
const MODEL_WORDS: Record<string, [string, string]> = {
  public: ["public", "上市公司"],
  private: ["private", "非上市公司"],
  nonmfg: ["non-manufacturing", "非制造业"],
};
const oneDecimal = (x: number) => String(roundHalfUp(x * 10) / 10);

/** The whole golden workbook, recomputed. */
export function recompute(input: RefInput): RefResult {
  const asOf = input.options.asOf;
  const order = input.options.policy?.dateOrder ?? null;
  const {
    invoices,
    skipped,
    hasStatus,
    insuredCol: insuredOnSheet,
    paidDateCol,
  } = readInvoices(input, order);
  const cs = readCustomerSheet(input);
  const insuredCol = insuredOnSheet || cs.insuredCol;

  // Base currency: the most common among rows that name one (ties: first seen); rows without one take it.
  const counts = new Map<string, number>();
  for (const i of invoices) if (i.currency) counts.set(i.currency, (counts.get(i.currency) ?? 0) + 1);
  let base = "";
  let best = 0;
  for (const [c, n] of counts) if (n > best) [base, best] = [c, n];
  const rates = readRates(input);
  rates.set(base, 1);
  const conv = (x: number, from: string, to: string): number | null =>
    from === to ? x : rates.has(from) && rates.has(to) ? (x * rates.get(from)!) / rates.get(to)! : null;

  const rows: RefRow[] = [];
  const byCust = new Map<
    string,
    { name: string; items: (Inv & { open: number; cur: string; dpd: number | null })[] }
  >();
  for (const inv of invoices) {
    const cur = inv.currency ?? base;
    let open: number;
    if (inv.paidDate !== null && inv.paidDate > asOf && inv.amount !== null) open = inv.amount;
    else if (inv.status === "paid") open = 0;
    else if (inv.balance !== null) open = inv.balance;
    else if (inv.paid !== null) open = inv.amount! - inv.paid;
    else if (inv.paidDate !== null) open = 0;
    else open = inv.amount!;
    if (Math.abs(open) < 1e-9) open = 0;
    const dpd = open > 0 ? Math.max(0, asOf - inv.dueDate) : null;
    let e = byCust.get(inv.key);
    if (!e) byCust.set(inv.key, (e = { name: inv.customer, items: [] }));
    e.items.push({ ...inv, open, cur, dpd });
  }

  const customers: RefCustomer[] = [];
  const rowCodes = new Map<number, string[]>();
  const custScore = new Map<string, { score: number | null; grade: string | null }>();
  const needRate = new Set<string>(invoices.map((i) => i.currency ?? base));
  for (const [key] of byCust) {
    const rec = cs.byKey.get(key);
    if (rec?.currency && (rec.credit !== null || rec.insured !== null)) needRate.add(rec.currency);
  }
  const missing = [...needRate].filter((c) => !rates.has(c)).sort();
  const converted = missing.length === 0;

  for (const [key, { name, items }] of byCust) {
    const rec = cs.byKey.get(key);
    const curs = [...new Set(items.map((i) => i.cur))].sort();
    const money: RefMoney[] = [...new Set(items.filter((i) => i.open !== 0).map((i) => i.cur))]
      .sort()
      .map((c) => {
        const its = items.filter((i) => i.cur === c);
        const debit = its.filter((i) => i.open > 0).reduce((t, i) => t + i.open, 0);
        const credit = -its.filter((i) => i.open < 0).reduce((t, i) => t + i.open, 0);
        const buckets = [0, 0, 0, 0, 0];
        for (const i of its) if (i.open > 0) buckets[bucketOf(i.dpd!)]! += i.open;
        return {
          currency: c,
          exposure: debit - credit,
          credit,
          debit,
          overdue: debit - buckets[0]!,
          buckets,
        };
      });
    const reporting = curs.length === 1 ? curs[0]! : curs.every((c) => rates.has(c)) ? base : null;
    const sumIn = (pick: (m: RefMoney) => number) =>
      reporting === null ? null : money.reduce((t, m) => t + conv(pick(m), m.currency, reporting)!, 0);
    const exposure = sumIn((m) => m.exposure);
    let exposureBase: number | null = 0;
    for (const m of money) {
      const v = conv(m.exposure, m.currency, base);
      exposureBase = v === null || exposureBase === null ? null : exposureBase + v;
    }

    // Payment factor: paid in the last 365 days + open debit past due, weighted in the reporting currency.
    const w = (amount: number, c: string) => (reporting === null ? 1 : conv(amount, c, reporting)!);
    const paidItems = items.filter(
      (i) => i.open === 0 && i.paidDate !== null && i.paidDate <= asOf && i.paidDate > asOf - 365,
    );
    const openItems = items.filter((i) => i.open > 0 && i.dpd! > 0);
    const parts: [number, number][] = [
      ...paidItems.map((i): [number, number] => [i.paidDate! - i.dueDate, w(i.amount ?? 0, i.cur)]),
      ...openItems.map((i): [number, number] => [i.dpd!, w(i.open, i.cur)]),
    ];
    const mean = (xs: [number, number][]) =>
      xs.reduce((t, [d, wt]) => t + d * wt, 0) / xs.reduce((t, [, wt]) => t + wt, 0);
    const days = parts.length ? mean(parts) : null;
    const paidMean = paidItems.length ? mean(parts.slice(0, paidItems.length)) : null;
    const openMean = openItems.length ? mean(parts.slice(paidItems.length)) : null;
    const pi = parts.length ? roundHalfUp(mean(parts.map(([d, wt]) => [payIndex(d), wt]))) : null;

    const limitCur = rec?.currency && (rec.credit !== null || rec.insured !== null) ? rec.currency : base;
    const expInLimit =
      exposure !== null && reporting !== null
        ? conv(exposure, reporting, limitCur)
        : exposureBase !== null
          ? conv(exposureBase, base, limitCur)
          : null;
    const limit = rec?.credit ?? null;
    const insured = rec?.insured ?? null;
    const util = limit !== null && expInLimit !== null ? expInLimit / limit : null;
    const disputeRate = hasStatus ? items.filter((i) => i.status === "disputed").length / items.length : null;
    const values: Partial<Record<Factor, number>> = {};
    if (days !== null) values.payment = days;
    if (util !== null) values.utilization = util;
    if (rec?.z != null) values.altman = rec.z;
    if (rec?.years != null) values.years = rec.years;
    if (disputeRate !== null) values.disputes = disputeRate;
    const given = FACTORS.filter((f) => values[f] !== undefined);
    const total = given.reduce((t, f) => t + WEIGHTS[f], 0);
    // Altman: 0 → 0, the model's distress cut-off → 40, its safe cut-off → 100 (README "How the score works").
    const subOf = (f: Factor): number => {
      if (f !== "altman") return SUB[f](values[f]!);
      const [d, sf] = ALTMAN[rec!.model as keyof typeof ALTMAN].zones;
      return linear(values.altman!, [
        [0, 0],
        [d, 40],
        [sf, 100],
      ]);
    };
    const subs = given.map((f) => ({ f, sub: subOf(f), lost: (WEIGHTS[f] / total) * (100 - subOf(f)) }));
    const score = given.length
      ? roundHalfUp(subs.reduce((t, s) => t + WEIGHTS[s.f] * s.sub, 0) / total)
      : null;
    let g = score !== null ? grade(score) : null;

    // Caps: > 60 days → C, > 90 → D; stopped paying (> 30 days, no payment dated in 60 days) → C.
    const debit = items.filter((i) => i.open > 0);
    const oldest = [...debit].sort((a, b) => b.dpd! - a.dpd! || a.row - b.row)[0];
    const maxDpd = oldest?.dpd ?? 0;
    let cap: { en: string; zh: string } | null = null;
    if (g !== null && maxDpd > 0) {
      const lastPaid = Math.max(
        -Infinity,
        ...items.filter((i) => i.paidDate !== null && i.paidDate <= asOf).map((i) => i.paidDate!),
      );
      const stopped = maxDpd > 30 && !(lastPaid > asOf - 60);
      const capGrade = maxDpd > 90 ? "D" : maxDpd > 60 || stopped ? "C" : null;
      if (capGrade && capGrade > g) {
        g = capGrade;
        const ref = oldest!.invoiceNo ?? `row ${oldest!.row}`;
        const refZh = oldest!.invoiceNo ? `发票${oldest!.invoiceNo}` : `第${oldest!.row}行的发票`;
        cap =
          maxDpd > 60
            ? {
                en: `capped at ${g}: ${maxDpd} days past due on ${ref}`,
                zh: `等级上限为${g}：${refZh}逾期${maxDpd}天`,
              }
            : paidDateCol
              ? {
                  en: `capped at ${g}: stopped paying (${ref} ${maxDpd} days past due, no payment in the last 60 days)`,
                  zh: `等级上限为${g}：已停止付款（${refZh}逾期${maxDpd}天，近60天无付款）`,
                }
              : {
                  en: `capped at ${g}: ${ref} ${maxDpd} days past due and the sheet shows no payment dates`,
                  zh: `等级上限为${g}：${refZh}逾期${maxDpd}天，且表中没有收款日期`,
                };
      }
    }

    // Reasons: the cap, then the two factors costing the most points.
    const en: string[] = cap ? [cap.en] : [];
    const zh: string[] = cap ? [cap.zh] : [];
    for (const s of subs
      .filter((x) => x.lost > 1e-9)
      .sort((a, b) => b.lost - a.lost)
      .slice(0, 2)) {
      const v = values[s.f]!;
      if (s.f === "payment") {
        const pe: string[] = [];
        const pz: string[] = [];
        if (paidMean !== null) {
          const n = roundHalfUp(Math.abs(paidMean));
          pe.push(
            n === 0
              ? "pays on time"
              : `pays ${n} day${n === 1 ? "" : "s"} ${paidMean > 0 ? "late" : "early"}`,
          );
          pz.push(n === 0 ? "按期付款" : paidMean > 0 ? `平均逾期${n}天付款` : `平均提前${n}天付款`);
        }
        if (openMean !== null) {
          const n = roundHalfUp(openMean);
          pe.push(`open invoices ${n} day${n === 1 ? "" : "s"} past due`);
          pz.push(`未付发票平均逾期${n}天`);
        }
        en.push(pe.join(", "));
        zh.push(pz.join("，"));
      } else if (s.f === "utilization") {
        en.push(`${roundHalfUp(v * 100)}% of credit limit`);
        zh.push(`占信用额度${roundHalfUp(v * 100)}%`);
      } else if (s.f === "altman") {
        const zones = ALTMAN[rec!.model as keyof typeof ALTMAN].zones;
        const zi = v < zones[0] ? 0 : v <= zones[1] ? 1 : 2;
        const [me, mz] = MODEL_WORDS[rec!.model]!;
        en.push(`Altman Z ${v.toFixed(2)} (${me} model, ${ZONE_EN[zi]})`);
        zh.push(`Altman Z值${v.toFixed(2)}（${mz}模型，${ZONE_ZH[zi]}）`);
      } else if (s.f === "years") {
        const y = oneDecimal(v);
        en.push(`${y} year${y === "1" ? "" : "s"} trading`);
        zh.push(`经营${y}年`);
      } else {
        en.push(`${oneDecimal(v * 100)}% of invoices disputed`);
        zh.push(`${oneDecimal(v * 100)}%的发票有争议`);
      }
    }

    // Breaches.
    const codes = new Set<string>();
    if (limit !== null && expInLimit !== null && expInLimit > limit) codes.add("OVER_LIMIT");
    else if (limit !== null && expInLimit !== null && expInLimit >= 0.9 * limit) codes.add("NEAR_LIMIT");
    if (insured !== null && expInLimit !== null && expInLimit > insured) codes.add("INSURED_LIMIT_EXCEEDED");
    if (g === "D" || g === "E") codes.add("LOW_GRADE");
    const customerLevel = [...codes];
    const notifyAllowed = !insuredCol || insured !== null;
    for (const i of debit) {
      const own = new Set(customerLevel);
      if (i.dpd! > 90) own.add("SEVERELY_OVERDUE");
      if (i.dpd! >= 60 && notifyAllowed) own.add("NOTIFY_INSURER");
      if (i.status === "disputed" && asOf - (i.invoiceDate ?? i.dueDate) > 30) own.add("DISPUTE_AGED");
      for (const c of own) codes.add(c);
      rowCodes.set(
        i.row,
        BREACH_ORDER.filter((c) => own.has(c)),
      );
    }
    custScore.set(key, { score, grade: g });
    customers.push({
      name,
      currency: reporting,
      exposure,
      credit: sumIn((m) => m.credit),
      overdue: sumIn((m) => m.overdue),
      buckets:
        reporting === null
          ? null
          : BUCKETS.map((_, k) => money.reduce((t, m) => t + conv(m.buckets[k]!, m.currency, reporting)!, 0)),
      exposureBase,
      byCurrency: money,
      payIndex: pi,
      utilization: util,
      score,
      grade: g,
      model: rec?.z != null ? rec.model : null,
      reasons: { en: en.join("; ") || "no risk factors", zh: zh.join("; ") || "无风险因素" },
      codes: BREACH_ORDER.filter((c) => codes.has(c)),
    });
  }

  for (const [key, { items }] of byCust) {
    const cs2 = custScore.get(key)!;
    for (const i of items) {
      rows.push({
        row: i.row,
        customer: i.customer,
        invoiceNo: i.invoiceNo,
        dueDate: i.dueDate,
        dueComputed: i.dueComputed,
        open: i.open,
        kind: i.open > 0 ? "debit" : i.open < 0 ? "credit" : "closed",
        dpd: i.dpd,
        bucket: i.dpd !== null ? BUCKETS[bucketOf(i.dpd)]! : null,
        currency: i.cur,
        codes: rowCodes.get(i.row) ?? [],
        score: cs2.score,
        grade: cs2.grade,
      });
    }
  }
  rows.sort((a, b) => a.row - b.row);

  // Customers: largest base exposure first; those that cannot be converted after, by currency, then exposure.
  const firstRow = new Map(customers.map((c) => [c.name, rows.find((r) => r.customer === c.name)!.row]));
  customers.sort((a, b) => {
    if (a.exposureBase !== null && b.exposureBase !== null)
      return b.exposureBase - a.exposureBase || firstRow.get(a.name)! - firstRow.get(b.name)!;
    if (a.exposureBase !== null) return -1;
    if (b.exposureBase !== null) return 1;
    const ca = a.currency ?? "\uffff";
    const cb = b.currency ?? "\uffff";
    return ca < cb ? -1 : ca > cb ? 1 : (b.exposure ?? 0) - (a.exposure ?? 0);
  });

  // Portfolio per currency.
  const allCur = [...needRate].filter((c) => invoices.some((i) => (i.currency ?? base) === c)).sort();
  const perCur: RefKpis[] = allCur.map((c) => {
    const its = [...byCust.values()].flatMap((e) => e.items).filter((i) => i.cur === c);
    const debit = its.filter((i) => i.open > 0).reduce((t, i) => t + i.open, 0);
    const credit = -its.filter((i) => i.open < 0).reduce((t, i) => t + i.open, 0);
    const buckets = [0, 0, 0, 0, 0];
    for (const i of its) if (i.open > 0) buckets[bucketOf(i.dpd!)]! += i.open;
    const sales = its
      .filter((i) => i.invoiceDate !== null && i.invoiceDate > asOf - 90 && i.invoiceDate <= asOf)
      .reduce((t, i) => t + (i.amount ?? (i.balance ?? 0) + (i.paid ?? 0)), 0);
    const exposure = debit - credit;
    const dso = sales > 0 ? (exposure / sales) * 90 : null;
    const best = sales > 0 ? (buckets[0]! / sales) * 90 : null;
    const provision = buckets.map((b, k) => b * LOSS_RATES[k]!);
    return {
      currency: c,
      customers: [...byCust.values()].filter((e) => e.items.some((i) => i.cur === c)).length,
      invoices: its.length,
      exposure,
      credit,
      overdue: debit - buckets[0]!,
      buckets,
      pctOver90: debit > 0 ? buckets[4]! / debit : null,
      dso,
      bestDso: best,
      add: dso !== null && best !== null ? dso - best : null,
      ecl: provision.reduce((t, x) => t + x, 0),
      provision,
    };
  });
  let sections = perCur;
  if (converted) {
    const r = (c: string) => rates.get(c)!;
    const sum = (pick: (k: RefKpis) => number) => perCur.reduce((t, k) => t + pick(k) * r(k.currency), 0);
    const debit = sum((k) => k.buckets.reduce((t, b) => t + b, 0));
    const buckets = BUCKETS.map((_, i) => sum((k) => k.buckets[i]!));
    const exposure = sum((k) => k.exposure);
    const sales = allCur.reduce((t, c) => {
      const its = invoices.filter(
        (i) =>
          (i.currency ?? base) === c &&
          i.invoiceDate !== null &&
          i.invoiceDate > asOf - 90 &&
          i.invoiceDate <= asOf,
      );
      return t + its.reduce((u, i) => u + (i.amount ?? 0), 0) * r(c);
    }, 0);
    const dso = sales > 0 ? (exposure / sales) * 90 : null;
    const best = sales > 0 ? (buckets[0]! / sales) * 90 : null;
    const provision = buckets.map((b, k) => b * LOSS_RATES[k]!);
    sections = [
      {
        currency: base,
        customers: customers.length,
        invoices: invoices.length,
        exposure,
        credit: sum((k) => k.credit),
        overdue: sum((k) => k.overdue),
        buckets,
        pctOver90: debit > 0 ? buckets[4]! / debit : null,
        dso,
        bestDso: best,
        add: dso !== null && best !== null ? dso - best : null,
        ecl: provision.reduce((t, x) => t + x, 0),
        provision,
      },
    ];
  }
  let uninsured: number | null = converted ? 0 : null;
  if (converted)
    for (const [key, e] of byCust) {
      const rec = cs.byKey.get(key);
      const c = customers.find((x) => x.name === e.name)!;
      if (rec?.insured == null || c.exposureBase === null) continue;
      const lc = rec.currency ?? base;
      uninsured! += Math.max(0, conv(c.exposureBase, base, lc)! - rec.insured) * rates.get(lc)!;
    }
  return {
    base,
    missing,
    rows,
    customers,
    sections,
    converted,
    uninsured,
    rowsScored: invoices.length,
    rowsWithData: invoices.length + skipped,
  };
}
