/**
 * Payment terms: parsing the way analysts write them (English and Chinese) and the dates they imply.
 *
 * Grammar (spec/functions.md): case-insensitive; spaces, commas and hyphens between parts are optional; full-width
 * digits, letters, `％` and `／` are normalised (NFKC). A plain number is net days. Negative or fractional day
 * counts, a discount without a net period, contradictory or unknown text give `null` — never an exception.
 *
 * EOM convention: `N EOM` means N days after the end of the invoice month (ERPNext/Odoo); UK usage sometimes means
 * "end of the following month" — not what this parser does.
 */
import { MAX_SERIAL, daysInMonth, endOfMonth, serialFromYmd, ymdFromSerial, type Serial } from "./serial";

export interface PaymentTerms {
  /** Original text. */
  readonly text: string;
  readonly kind: "net" | "immediate" | "eom" | "prox";
  /** net: N; immediate: 0; eom: N after end of month (0 for plain EOM); prox: 0. */
  readonly netDays: number;
  /** prox: day of the following month (1-31). */
  readonly proxDay?: number;
  /** `2/10` -> { rate: 0.02, days: 10 }; counted from the invoice date, or from month end for EOM terms. */
  readonly discount?: { readonly rate: number; readonly days: number };
}

type Kind = PaymentTerms["kind"];

function make(
  text: string,
  kind: Kind,
  netDays: number,
  proxDay?: number,
  rate?: number,
  days?: number,
): PaymentTerms {
  const t: { -readonly [K in keyof PaymentTerms]: PaymentTerms[K] } = { text, kind, netDays };
  if (proxDay !== undefined) t.proxDay = proxDay;
  if (rate !== undefined && days !== undefined) t.discount = Object.freeze({ rate, days });
  return Object.freeze(t);
}

/** Written forms of cash / immediate terms, compared with spaces and dots removed. */
const IMMEDIATE = new Set([
  "dueonreceipt",
  "dueuponreceipt",
  "payableonreceipt",
  "payableuponreceipt",
  "uponreceipt",
  "onreceipt",
  "immediate",
  "immediately",
  "dueimmediately",
  "payableimmediately",
  "cod",
  "cashondelivery",
  "cia",
  "cashinadvance",
  "cwo",
  "cashwithorder",
  "cbs",
  "cashbeforeshipment",
  "cnd",
  "cashnextdelivery",
  "pia",
  "paymentinadvance",
  "prepaid",
  "prepayment",
  "货到付款",
  "款到发货",
  "预付",
  "预付款",
  "现结",
  "现款",
]);

const DAYS = "(?: ?(?:days?|d))?";
const EOM = "(?:eom|end ?of ?(?:the ?)?month)";
const N = "(\\d{1,9})";

const RE_NET = new RegExp(`^(?:net ?|n ?\\/? ?)?${N}${DAYS}(?: ?net)?$`);
const RE_EOM = new RegExp(`^(?:net ?|n ?\\/? ?)?${EOM}$`);
const RE_N_EOM = new RegExp(`^(?:net ?|n ?\\/? ?)?${N}${DAYS} ?(?:after ?)?${EOM}$`);
const RE_EOM_PLUS = new RegExp(`^(?:net ?)?${EOM} ?\\+? ?${N}${DAYS}$`);
const RE_PROX = new RegExp(`^(?:net ?)?${N}(?:st|nd|rd|th)? ?(?:prox|proximo|mfi)\\.?$`);
const RE_DISCOUNT = new RegExp(
  `^(\\d{1,2}(?:\\.\\d+)?) ?(?:% ?\\/?|\\/) ?${N}${DAYS} ?(?:net ?|n ?\\/? ?)${N}${DAYS}(?: ?(${EOM}))?$`,
);
const RE_CN_NET = /^(?:(?:票到|见票|开票后|发票后|票后|账期|帐期) ?)?(\d{1,9}) ?天$/;
const RE_CN_NET_BARE = /^(?:账期|帐期|票到|见票) ?(\d{1,9})$/;
const RE_CN_EOM = /^月结$/;
const RE_CN_N_EOM = /^月结 ?(\d{1,9})(?: ?天)?$/;
const RE_CN_PROX = /^次月 ?(\d{1,2}) ?[日号]$/;

/** Minus sign directly before a number at the start or after a space/bracket: a negative day count. */
const RE_NEGATIVE = /(?:^|[\s(:])[-\u2212\u2012\u2013\u2014]\s*\d/;

function normalise(text: string): string {
  let s = text;
  if (!/^[\x20-\x7e]*$/.test(s)) s = s.normalize("NFKC");
  return s.toLowerCase().trim();
}

function parseUncached(text: string): PaymentTerms | null {
  if (text.length === 0 || text.length > 120) return null;
  let s: string;
  try {
    s = normalise(text);
  } catch {
    return null;
  }
  if (RE_NEGATIVE.test(s)) return null;
  s = s.replace(/[\s,;:_、\-\u2010-\u2015]+/g, " ").trim();
  if (s.length === 0) return null;
  if (IMMEDIATE.has(s.replace(/[ .]/g, ""))) return make(text, "immediate", 0);

  let m: RegExpExecArray | null;
  if ((m = RE_NET.exec(s)) || (m = RE_CN_NET.exec(s)) || (m = RE_CN_NET_BARE.exec(s))) {
    return make(text, "net", Number(m[1]));
  }
  if (RE_EOM.test(s) || RE_CN_EOM.test(s)) return make(text, "eom", 0);
  if ((m = RE_N_EOM.exec(s)) || (m = RE_EOM_PLUS.exec(s)) || (m = RE_CN_N_EOM.exec(s))) {
    return make(text, "eom", Number(m[1]));
  }
  if ((m = RE_PROX.exec(s)) || (m = RE_CN_PROX.exec(s))) {
    const day = Number(m[1]);
    return day >= 1 && day <= 31 ? make(text, "prox", 0, day) : null;
  }
  if ((m = RE_DISCOUNT.exec(s))) {
    const percent = Number(m[1]);
    const days = Number(m[2]);
    const net = Number(m[3]);
    if (!(percent > 0 && percent < 100) || days > net) return null;
    return make(text, m[4] ? "eom" : "net", net, undefined, Math.round(percent * 1e6) / 1e8, days);
  }
  return null;
}

const CACHE_LIMIT = 20000;
const cache = new Map<string, PaymentTerms | null>();

/**
 * Parsed terms, or `null` when the text is not recognised (never throws, any input). Results are cached per exact
 * text, because the same terms repeat on every row of an invoice sheet.
 */
export function parseTerms(text: string): PaymentTerms | null {
  if (typeof text !== "string") return null;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

const netCache: PaymentTerms[] = [];

/** Net-N terms for a plain number of days (non-negative integer), shared objects for 0…1000. */
export function netTerms(days: number): PaymentTerms {
  if (days >= 0 && days <= 1000 && Number.isInteger(days)) {
    return (netCache[days] ??= make(String(days), "net", days));
  }
  return make(String(days), "net", days);
}

/** Day `day` of the month after the month of `serial`, clamped to that month's last day (Excel's 1900-02-29 kept). */
function proxDate(serial: Serial, day: number): Serial {
  const { year, month } = ymdFromSerial(serial);
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 1 : month + 1;
  const last = y === 1900 && m === 2 ? 29 : daysInMonth(y, m);
  const s = serialFromYmd(y, m, Math.min(day, last));
  // Beyond 9999-12-31: January of year 10000 follows the end of December directly.
  return s ?? endOfMonth(serial) + Math.min(day, 31);
}

/** Due date: invoice + N (net), the invoice date (immediate), month end + N (EOM), day N of next month (prox). */
export function dueDate(invoice: Serial, terms: PaymentTerms): Serial {
  const inv = Math.floor(invoice);
  switch (terms.kind) {
    case "net":
      return inv + terms.netDays;
    case "immediate":
      return inv;
    case "eom":
      return endOfMonth(inv) + terms.netDays;
    case "prox":
      return proxDate(inv, terms.proxDay ?? 1);
  }
}

/** Last day the discount applies (invoice + D, or month end + D for EOM terms); `null` without a discount. */
export function discountDate(invoice: Serial, terms: PaymentTerms): Serial | null {
  if (!terms.discount) return null;
  const inv = Math.floor(invoice);
  return (terms.kind === "eom" ? endOfMonth(inv) : inv) + terms.discount.days;
}

/**
 * Annual cost of not taking the discount: simple `d/(1-d) * 365/(N-D)`, or compound `(1+d/(1-d))^(365/(N-D)) - 1`.
 * `null` without a discount; `Infinity` when the discount and net periods are equal (division by zero).
 */
export function discountCost(terms: PaymentTerms, compound = false): number | null {
  if (!terms.discount) return null;
  const { rate, days } = terms.discount;
  const span = terms.netDays - days;
  if (span <= 0) return Infinity;
  const periodic = rate / (1 - rate);
  return compound ? Math.pow(1 + periodic, 365 / span) - 1 : (periodic * 365) / span;
}

/** Typical days of credit: net N; immediate 0; EOM N + 15 (half a month on average); prox day + 15. */
export function nominalTermsDays(terms: PaymentTerms): number {
  switch (terms.kind) {
    case "net":
      return terms.netDays;
    case "immediate":
      return 0;
    case "eom":
      return terms.netDays + 15;
    case "prox":
      return (terms.proxDay ?? 0) + 15;
  }
}

/** True when a due date is a valid Excel serial (not beyond 9999-12-31). */
export function isSerialInRange(serial: Serial): boolean {
  return serial >= 1 && serial <= MAX_SERIAL;
}
