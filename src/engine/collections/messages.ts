/**
 * Dunning message drafts (spec score-sheet §6): English or Chinese templates listing the overdue invoices (number,
 * due date, amount with thousands separators and currency when known, days overdue), totals, and — when the
 * policy enables it — statutory late interest (finance.lateInterest, simple interest to the as-of date) and the
 * fixed recovery fee per invoice (finance.recoveryFee). The tone follows the stage: friendly reminder → second
 * notice → final notice → credit hold notice.
 *
 * v2 (spec §6): a letter claims earlier contact ("despite our earlier reminders", "we wrote to you earlier") only
 * when every listed invoice was in a letter of an earlier run (`remindedBefore`, from the history sheet); when only
 * some were, it names those ("We have already written to you about A1 and A2."); otherwise the wording makes no
 * claim. Over-limit customers are told their balance against the limit. Past-due disputed invoices are named as not
 * requested, and unapplied credit is mentioned as credit available — never as debt. Counts agree in number
 * ("1 day", "2 days"; Chinese uses measure words and needs none).
 *
 * Pure text. No line of the subject or body starts with `=`, `+`, `-` or `@` (such lines get a leading `'`), so
 * pasting the text into a cell can never create a formula.
 */
import { lateInterest, recoveryFee } from "../finance";
import type { DunningStageId, Policy } from "../policy";
import { formatAmount, formatDate } from "../pipeline/format";
import type { CollectionCase } from "../pipeline/types";
import type { Serial } from "../serial";

/** What a message needs to know about an invoice (a ScoredInvoice fits). */
export interface DunningInvoice {
  readonly invoiceNo?: string | undefined;
  readonly row?: number;
  readonly dueDate: Serial;
  readonly openBalance: number;
  readonly daysPastDue: number | null;
  readonly currency?: string;
}

export type MessageLang = "en" | "zh-CN";

export interface DraftOptions {
  /** Sender's company name for the signature. */
  readonly company?: string;
  /** Currency for invoices that carry none. */
  readonly currency?: string;
  /** Refs (invoice numbers, or `row N`) of listed invoices an earlier run's letter already listed. */
  readonly remindedBefore?: readonly string[];
  /** Past-due disputed invoices: named as not requested. */
  readonly disputed?: readonly DunningInvoice[];
  /** Unapplied credit items (negative open balances): mentioned as credit available. */
  readonly credits?: readonly DunningInvoice[];
  /** When the customer is over its credit limit: its exposure and limit (limit currency). */
  readonly limit?: { readonly exposure: number; readonly creditLimit: number; readonly currency: string };
}

export interface DraftMessage {
  readonly subject: string;
  readonly body: string;
}

/** Prefixes `'` to a line Excel would read as a formula. */
export function sanitizeLine(line: string): string {
  return /^[=+\-@]/.test(line) ? `'${line}` : line;
}

function money(value: number, currency: string): string {
  const text = formatAmount(value);
  return currency ? `${currency} ${text}` : text;
}

interface Line {
  readonly ref: string;
  readonly due: string;
  readonly amount: string;
  readonly days: number;
  readonly interest: number;
  readonly fee: number;
  readonly currency: string;
  readonly open: number;
}

type Claim = "none" | "some" | "all";

const TEXT = {
  en: {
    subject: {
      reminder: (c: string) => `Friendly reminder: overdue invoices – ${c}`,
      secondNotice: (c: string) => `Second notice: payment overdue – ${c}`,
      finalNotice: (c: string) => `Final notice: overdue balance – ${c}`,
      creditHold: (c: string) => `Account on credit hold – ${c}`,
    } as Record<DunningStageId, (c: string) => string>,
    greeting: (c: string) => `Dear ${c},`,
    /** Intro by stage, without (none/some) and with (all) earlier letters about every listed invoice. */
    intro: {
      reminder: {
        none: "We hope all is well. Our records show that the following invoices are now past due:",
        all: "As mentioned in our earlier reminder, the following invoices are still past due:",
      },
      secondNotice: {
        none: "Our records show that the following invoices are overdue, and we have not yet received payment:",
        all: "We wrote to you earlier about the invoices below, and we have not yet received payment:",
      },
      finalNotice: {
        none: "The following invoices are seriously overdue and remain unpaid:",
        all: "Despite our earlier reminders, the following invoices remain unpaid:",
      },
      creditHold: {
        none: "Because the following invoices remain unpaid, your account has been placed on credit hold:",
        all: "Despite our earlier reminders, the following invoices remain unpaid, and your account has been placed on credit hold:",
      },
    } as Record<DunningStageId, Record<"none" | "all", string>>,
    some: (refs: string) => `We have already written to you about ${refs}.`,
    close: {
      reminder:
        "If you have already paid, please disregard this message and accept our thanks. Otherwise we would be grateful for payment at your earliest convenience.",
      secondNotice:
        "Please arrange payment within 7 days, or let us know straight away if there is a problem with any of these invoices.",
      finalNotice:
        "Unless we receive payment within 7 days, we will place your account on hold and take further steps to recover the debt, including statutory interest and costs.",
      creditHold:
        "No further orders can be supplied on credit until the overdue balance is paid in full. Please contact us to settle the account.",
    } as Record<DunningStageId, string>,
    line: (l: Line) =>
      `• ${l.ref} – due ${l.due} – ${l.amount} – ${l.days} day${l.days === 1 ? "" : "s"} overdue` +
      (l.interest > 0 || l.fee > 0
        ? ` (${[l.interest > 0 ? `interest ${money(l.interest, l.currency)}` : "", l.fee > 0 ? `fee ${money(l.fee, l.currency)}` : ""].filter(Boolean).join(", ")})`
        : ""),
    more: (n: number, total: string) =>
      `• … and ${n} more overdue invoice${n === 1 ? "" : "s"} (${total}); a full statement is available on request.`,
    moreRefs: (n: number) => ` and ${n} more`,
    total: (t: string) => `Total overdue: ${t}`,
    interestTotal: (t: string, rate: string, date: string) =>
      `Statutory interest at ${rate} a year to ${date}: ${t}`,
    feeTotal: (t: string) => `Fixed recovery compensation: ${t}`,
    grandTotal: (t: string) => `Total now due: ${t}`,
    overLimit: (exposure: string, limit: string) =>
      `Your balance of ${exposure} is above your credit limit of ${limit}.`,
    disputed: (n: number, list: string, total: string) =>
      n === 1
        ? `Not included above: invoice ${list}, which is under dispute; we will resolve it with you separately.`
        : `Not included above: ${n} invoices under dispute (${list}; ${total}); we will resolve them with you separately.`,
    credit: (list: string, total: string) =>
      `Your account also holds unapplied credit of ${total} (${list}). Please let us know which invoices it should be applied to.`,
    regards: "Kind regards,",
    signature: "Credit Control",
    invoice: (row?: number) => (row !== undefined ? `Invoice (row ${row})` : "Invoice"),
    listSep: ", ",
    and: " and ",
  },
  zh: {
    subject: {
      reminder: (c: string) => `付款提醒：发票已逾期 – ${c}`,
      secondNotice: (c: string) => `二次催款通知：款项逾期 – ${c}`,
      finalNotice: (c: string) => `最终催款通知：逾期欠款 – ${c}`,
      creditHold: (c: string) => `账户已暂停赊销 – ${c}`,
    } as Record<DunningStageId, (c: string) => string>,
    greeting: (c: string) => `尊敬的${c}：`,
    intro: {
      reminder: {
        none: "您好！根据我们的记录，以下发票已超过付款期限：",
        all: "如我们此前的提醒所述，以下发票仍已逾期：",
      },
      secondNotice: {
        none: "根据我们的记录，以下发票已逾期，我们尚未收到付款：",
        all: "我们此前已就以下发票与您联系，但尚未收到付款：",
      },
      finalNotice: {
        none: "以下发票已严重逾期，仍未支付：",
        all: "尽管我们此前已多次提醒，以下发票仍未支付：",
      },
      creditHold: {
        none: "由于以下发票仍未支付，贵方账户已被暂停赊销：",
        all: "尽管我们此前已多次提醒，以下发票仍未支付，贵方账户已被暂停赊销：",
      },
    } as Record<DunningStageId, Record<"none" | "all", string>>,
    some: (refs: string) => `我们此前已就${refs}与您联系。`,
    close: {
      reminder: "如您已付款，请忽略本提醒，并感谢您的支持；如尚未付款，烦请尽早安排。",
      secondNotice: "请于7日内安排付款；如对上述发票有任何疑问，请立即与我们联系。",
      finalNotice:
        "如7日内仍未收到付款，我们将暂停贵方账户，并采取进一步措施追收欠款，包括主张法定利息及费用。",
      creditHold: "在逾期款项全部付清之前，我们将无法以赊销方式供货。请与我们联系结清账款。",
    } as Record<DunningStageId, string>,
    line: (l: Line) =>
      `• ${l.ref}，到期日${l.due}，金额${l.amount}，已逾期${l.days}天` +
      (l.interest > 0 || l.fee > 0
        ? `（${[l.interest > 0 ? `利息${money(l.interest, l.currency)}` : "", l.fee > 0 ? `费用${money(l.fee, l.currency)}` : ""].filter(Boolean).join("，")}）`
        : ""),
    more: (n: number, total: string) => `• ……另有${n}张逾期发票（${total}），如需完整对账单请告知。`,
    moreRefs: (n: number) => `等另外${n}张`,
    total: (t: string) => `逾期合计：${t}`,
    interestTotal: (t: string, rate: string, date: string) => `按年利率${rate}计至${date}的法定利息：${t}`,
    feeTotal: (t: string) => `固定追偿补偿费：${t}`,
    grandTotal: (t: string) => `现应付合计：${t}`,
    overLimit: (exposure: string, limit: string) => `贵方应付余额${exposure}已超出信用额度${limit}。`,
    disputed: (n: number, list: string, total: string) =>
      n === 1
        ? `以上未包括发票${list}：该发票存在争议，我们将另行与您协商解决。`
        : `以上未包括${n}张存在争议的发票（${list}；${total}），我们将另行与您协商解决。`,
    credit: (list: string, total: string) =>
      `贵方账户另有未核销的贷项${total}（${list}），请告知应冲抵哪些发票。`,
    regards: "此致\n敬礼",
    signature: "信用管理部",
    invoice: (row?: number) => (row !== undefined ? `发票（第${row}行）` : "发票"),
    listSep: "、",
    and: "和",
  },
};

/**
 * Invoices a letter lists one by one (most overdue first); the rest are counted and totalled in one line, so a
 * customer with thousands of open invoices gets a letter a person can read and send, and the totals still cover
 * every invoice. Lists of references (earlier letters, disputes, credits) stop at the same number.
 */
export const LETTER_LINES = 50;

/** The invoices a letter is about, in its order: positive open balance, most overdue first, then by sheet row. */
function letterOrder<T extends DunningInvoice>(invoices: readonly T[]): T[] {
  return invoices
    .filter((i) => i.openBalance > 0)
    .sort((a, b) => (b.daysPastDue ?? 0) - (a.daysPastDue ?? 0) || (a.row ?? 0) - (b.row ?? 0));
}

/**
 * The invoices a letter names one by one (the first {@link LETTER_LINES} in its order): what the history records as
 * dunned, so a later letter claims earlier reminders only about invoices a letter named.
 */
export function listedInvoices<T extends DunningInvoice>(invoices: readonly T[]): T[] {
  return letterOrder(invoices).slice(0, LETTER_LINES);
}

/** "A1", "A1 and A2", "A1, A2 and A3" / "A1和A2"、…; beyond {@link LETTER_LINES}: "A1, …, A50 and 7 more". */
function joinRefs(
  refs: readonly string[],
  t: { listSep: string; and: string; moreRefs: (n: number) => string },
): string {
  if (refs.length > LETTER_LINES)
    return `${refs.slice(0, LETTER_LINES).join(t.listSep)}${t.moreRefs(refs.length - LETTER_LINES)}`;
  if (refs.length <= 1) return refs.join("");
  return `${refs.slice(0, -1).join(t.listSep)}${t.and}${refs[refs.length - 1]}`;
}

function totalsText(totals: Map<string, number>, join: string): string {
  return [...totals.entries()].map(([cur, v]) => money(v, cur)).join(join);
}

/**
 * A ready message for one customer at one stage. `invoices` are listed oldest first; those without a positive
 * open balance are left out. Interest/fees appear only when `policy.lateInterest.enabled` (fee only with a regime).
 */
export function draftMessage(
  customer: string,
  invoices: readonly DunningInvoice[],
  stage: DunningStageId,
  lang: MessageLang,
  policy: Pick<Policy, "lateInterest">,
  asOf: Serial,
  options: DraftOptions = {},
): DraftMessage {
  const t = lang === "en" ? TEXT.en : TEXT.zh;
  const li = policy.lateInterest;
  const ref = (i: DunningInvoice) => i.invoiceNo ?? t.invoice(i.row);
  const cur = (i: DunningInvoice) => i.currency || options.currency || "";
  const items = letterOrder(invoices);
  const owed = new Map<string, number>();
  const interest = new Map<string, number>();
  const fees = new Map<string, number>();
  const lines: Line[] = items.map((i, k) => {
    const currency = cur(i);
    const int = li.enabled ? lateInterest(i.openBalance, i.dueDate, asOf, li.annualRate, li.dayBasis) : 0;
    const fee = li.enabled && li.recoveryFeeRegime ? recoveryFee(i.openBalance, li.recoveryFeeRegime) : 0;
    owed.set(currency, (owed.get(currency) ?? 0) + i.openBalance);
    if (int > 0) interest.set(currency, (interest.get(currency) ?? 0) + int);
    if (fee > 0) fees.set(currency, (fees.get(currency) ?? 0) + fee);
    return {
      ref: ref(i),
      // Written out only for the lines the letter lists (LETTER_LINES); the rest are summed.
      due: k < LETTER_LINES ? formatDate(i.dueDate, lang) : "",
      amount: k < LETTER_LINES ? money(i.openBalance, currency) : "",
      days: i.daysPastDue ?? Math.max(0, Math.floor(asOf) - Math.floor(i.dueDate)),
      interest: int,
      fee,
      currency,
      open: i.openBalance,
    };
  });
  // Earlier contact: claimed only for invoices an earlier run's letter listed (history), in full or by name.
  const earlier = new Set(options.remindedBefore ?? []);
  const listedRefs = items.map((i) => i.invoiceNo ?? (i.row !== undefined ? `row ${i.row}` : ""));
  const remindedIdx = listedRefs.map((r, k) => (earlier.has(r) ? k : -1)).filter((k) => k >= 0);
  const claim: Claim =
    remindedIdx.length === 0 ? "none" : remindedIdx.length === items.length ? "all" : "some";
  const sep = lang === "en" ? ", " : "、";
  const restText = () => {
    const rest = new Map<string, number>();
    for (const l of lines.slice(LETTER_LINES)) rest.set(l.currency, (rest.get(l.currency) ?? 0) + l.open);
    return totalsText(rest, sep);
  };
  const body: string[] = [
    t.greeting(customer),
    "",
    t.intro[stage][claim === "all" ? "all" : "none"],
    "",
    ...lines.slice(0, LETTER_LINES).map(t.line),
    ...(lines.length > LETTER_LINES ? [t.more(lines.length - LETTER_LINES, restText())] : []),
    "",
    t.total(totalsText(owed, sep)),
  ];
  if (interest.size > 0 || fees.size > 0) {
    const rate = `${formatAmount(li.annualRate * 100, 2)}%`;
    if (interest.size > 0)
      body.push(t.interestTotal(totalsText(interest, sep), rate, formatDate(asOf, lang)));
    if (fees.size > 0) body.push(t.feeTotal(totalsText(fees, sep)));
    const grand = new Map(owed);
    for (const [c, v] of interest) grand.set(c, (grand.get(c) ?? 0) + v);
    for (const [c, v] of fees) grand.set(c, (grand.get(c) ?? 0) + v);
    body.push(t.grandTotal(totalsText(grand, sep)));
  }
  const extra: string[] = [];
  if (claim === "some")
    extra.push(
      t.some(
        joinRefs(
          remindedIdx.map((k) => lines[k]!.ref),
          t,
        ),
      ),
    );
  if (options.limit) {
    const l = options.limit;
    extra.push(t.overLimit(money(l.exposure, l.currency), money(l.creditLimit, l.currency)));
  }
  const disputed = (options.disputed ?? []).filter((i) => i.openBalance > 0);
  if (disputed.length > 0) {
    const sumsD = new Map<string, number>();
    for (const i of disputed) sumsD.set(cur(i), (sumsD.get(cur(i)) ?? 0) + i.openBalance);
    const list =
      disputed.length === 1
        ? `${ref(disputed[0]!)} (${money(disputed[0]!.openBalance, cur(disputed[0]!))})`
        : joinRefs(disputed.map(ref), { ...t, and: sep });
    const listZh =
      disputed.length === 1 && lang !== "en"
        ? `${ref(disputed[0]!)}（${money(disputed[0]!.openBalance, cur(disputed[0]!))}）`
        : list;
    extra.push(t.disputed(disputed.length, listZh, totalsText(sumsD, sep)));
  }
  const credits = (options.credits ?? []).filter((i) => i.openBalance < 0);
  if (credits.length > 0) {
    const sumsC = new Map<string, number>();
    for (const i of credits) sumsC.set(cur(i), (sumsC.get(cur(i)) ?? 0) - i.openBalance);
    extra.push(t.credit(joinRefs(credits.map(ref), { ...t, and: sep }), totalsText(sumsC, sep)));
  }
  if (extra.length > 0) body.push("", ...extra);
  body.push("", t.close[stage], "", t.regards, options.company?.trim() || t.signature);
  return {
    subject: sanitizeLine(
      t.subject[stage](customer)
        .replace(/[\r\n]+/g, " ")
        .trim(),
    ),
    body: body.join("\n").split("\n").map(sanitizeLine).join("\n"),
  };
}

/** The ready message for a collection case (its invoices, disputed items, credit, history and limit). */
export function caseMessage(
  c: CollectionCase,
  lang: MessageLang,
  policy: Pick<Policy, "lateInterest">,
  asOf: Serial,
  options: Pick<DraftOptions, "company" | "currency"> = {},
): DraftMessage {
  return draftMessage(c.customer, c.invoices, c.stage, lang, policy, asOf, {
    ...options,
    remindedBefore: c.remindedBefore,
    disputed: c.disputed,
    credits: c.credits,
    ...(c.limit ? { limit: c.limit } : {}),
  });
}
