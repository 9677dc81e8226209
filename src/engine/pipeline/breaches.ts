/**
 * Breach names and plain-words explanations (spec score-sheet §3), English and Simplified Chinese.
 *
 * Every message names the customer; invoice-level breaches (SEVERELY_OVERDUE, NOTIFY_INSURER, DISPUTE_AGED) also
 * name the invoices — their invoice numbers when the sheet has them, else their sheet rows (at most ten, then
 * "and N more"). Counts agree in number ("1 invoice is", "2 invoices are"). Money carries its currency code when the
 * sheet names one; amounts in several currencies are listed side by side, never added.
 */
import type { Msg } from "../sheet/types";
import {
  countNoun,
  formatAmount,
  formatMoney,
  formatPercent,
  invoiceRef,
  moneyList,
  refList,
} from "./format";
import type { BreachCode } from "./types";

export const BREACH_NAMES: Readonly<Record<BreachCode, Msg>> = {
  OVER_LIMIT: { en: "Over credit limit", zh: "超出信用额度" },
  NEAR_LIMIT: { en: "Near credit limit", zh: "接近信用额度" },
  SEVERELY_OVERDUE: { en: "Severely overdue", zh: "严重逾期" },
  INSURED_LIMIT_EXCEEDED: { en: "Insured limit exceeded", zh: "超出保险限额" },
  NOTIFY_INSURER: { en: "Notify insurer", zh: "需通知保险人" },
  LOW_GRADE: { en: "Low risk grade", zh: "风险等级低" },
  DISPUTE_AGED: { en: "Aged dispute", zh: "争议久未解决" },
  DETERIORATING: { en: "Deteriorating", zh: "风险恶化" },
};

type Numbers = Readonly<Record<string, number>>;

/** What a breach message is built from. */
export interface BreachFacts {
  readonly customer: string;
  readonly numbers: Numbers;
  /** Currency of the money numbers ("" = none named). */
  readonly currency?: string;
  /** Invoice-level breaches: the invoices concerned (number, else sheet row). */
  readonly invoices?: readonly { readonly invoiceNo: string | null; readonly row: number }[];
  /** Invoice-level breaches: their open balances per currency (used instead of `numbers.amount`). */
  readonly amounts?: readonly { readonly currency: string; readonly amount: number }[];
  /** The customer's grade (LOW_GRADE) and the cap that set it, if any. */
  readonly grade?: string;
  readonly capped?: Msg;
  /**
   * NOTIFY_INSURER: true when the customer has an insured limit; null when the sheets have no insured-limit column
   * (then every customer is flagged and the message says "if this customer is insured").
   */
  readonly insured?: boolean | null;
}

const n0 = (x: number | undefined) => formatAmount(x ?? 0, 0);

function invoicesPart(f: BreachFacts, lang: "en" | "zh"): string {
  const refs = (f.invoices ?? []).map((i) => invoiceRef(i.invoiceNo, i.row, lang));
  return refList(refs, lang);
}

function amountPart(f: BreachFacts): string {
  if (f.amounts && f.amounts.length > 0) return moneyList(f.amounts);
  return formatMoney(f.numbers.amount ?? 0, f.currency);
}

/**
 * "Acme: invoice INV-1 (USD 7,800.00) is" / "Acme: 2 invoices (INV-1, INV-2) totalling USD 13,200.00 are" and the
 * Chinese equivalent; the caller adds the rest of the sentence.
 */
function invoiceSubject(f: BreachFacts, en: { one: string; many: string }): Msg {
  const count = f.invoices?.length ?? f.numbers.invoices ?? 0;
  const amount = amountPart(f);
  if (count === 1) {
    return {
      en: `${f.customer}: ${en.one} ${invoicesPart(f, "en")} (${amount}) is`,
      zh: `${f.customer}：发票${invoicesPart(f, "zh")}（${amount}）`,
    };
  }
  return {
    en: `${f.customer}: ${countNoun(count, en.one, en.many)} (${invoicesPart(f, "en")}) totalling ${amount} are`,
    zh: `${f.customer}：${n0(count)}张发票（${invoicesPart(f, "zh")}）共${amount}`,
  };
}

/** The explanation of one breach, built from the facts behind it. */
export function breachMessage(code: BreachCode, f: BreachFacts): Msg {
  const v = f.numbers;
  const customer = f.customer;
  const m = (x: number | undefined) => formatMoney(x ?? 0, f.currency);
  switch (code) {
    case "OVER_LIMIT":
      return {
        en: `${customer} owes ${m(v.exposure)}, which is ${m(v.excess)} over the credit limit of ${m(v.creditLimit)} (${formatPercent(v.utilization ?? 0)}).`,
        zh: `${customer}的应收余额${m(v.exposure)}，超出信用额度${m(v.creditLimit)}共${m(v.excess)}（${formatPercent(v.utilization ?? 0)}）。`,
      };
    case "NEAR_LIMIT":
      return {
        en: `${customer} owes ${m(v.exposure)}, ${formatPercent(v.utilization ?? 0)} of the credit limit of ${m(v.creditLimit)}.`,
        zh: `${customer}的应收余额${m(v.exposure)}，已占信用额度${m(v.creditLimit)}的${formatPercent(v.utilization ?? 0)}。`,
      };
    case "SEVERELY_OVERDUE": {
      const s = invoiceSubject(f, { one: "invoice", many: "invoices" });
      const one = (f.invoices?.length ?? v.invoices) === 1;
      return {
        en: `${s.en} more than ${n0(v.thresholdDays)} days past due (${one ? "" : "oldest "}${n0(v.maxDaysPastDue)} days).`,
        zh: `${s.zh}逾期超过${n0(v.thresholdDays)}天（${one ? "" : "最长"}${n0(v.maxDaysPastDue)}天）。`,
      };
    }
    case "INSURED_LIMIT_EXCEEDED":
      return {
        en: `${customer} owes ${m(v.exposure)} against an insured limit of ${m(v.insuredLimit)}: ${m(v.uninsured)} is uninsured.`,
        zh: `${customer}的应收余额${m(v.exposure)}，保险限额为${m(v.insuredLimit)}：其中${m(v.uninsured)}未获保险保障。`,
      };
    case "NOTIFY_INSURER": {
      const s = invoiceSubject(f, { one: "invoice", many: "invoices" });
      const one = (f.invoices?.length ?? v.invoices) === 1;
      const days = `${n0(v.thresholdDays)} or more days past due (${one ? "" : "oldest "}${n0(v.maxDaysPastDue)} days)`;
      const zhDays = `已逾期${n0(v.thresholdDays)}天或以上（${one ? "" : "最长"}${n0(v.maxDaysPastDue)}天）`;
      if (f.insured === null || f.insured === undefined) {
        return {
          en: `${s.en} ${days}: if ${customer} is insured, the insurer must be told.`,
          zh: `${s.zh}${zhDays}：如${customer}已投保，须通知保险人。`,
        };
      }
      return {
        en: `${s.en} ${days}: the maximum extension period is reached and the insurer must be told.`,
        zh: `${s.zh}${zhDays}：已达最长延期期限，须通知保险人。`,
      };
    }
    case "LOW_GRADE": {
      const grade = f.grade ?? "";
      const cap = f.capped ? { en: ` (${f.capped.en})`, zh: `（${f.capped.zh}）` } : { en: "", zh: "" };
      return {
        en: `${customer} is graded ${grade}, score ${n0(v.score)}${cap.en}: a low risk grade.`,
        zh: `${customer}的风险等级为${grade}，评分${n0(v.score)}${cap.zh}：风险等级偏低。`,
      };
    }
    case "DISPUTE_AGED": {
      const s = invoiceSubject(f, { one: "disputed invoice", many: "disputed invoices" });
      const one = (f.invoices?.length ?? v.invoices) === 1;
      return {
        en: `${s.en} older than ${n0(v.thresholdDays)} days (${one ? "" : "oldest "}${n0(v.oldestDays)} days from the invoice date).`,
        zh: `${s.zh}有争议，已超过${n0(v.thresholdDays)}天（自开票日起${one ? "" : "最长"}${n0(v.oldestDays)}天）。`,
      };
    }
    case "DETERIORATING": {
      const en: string[] = [];
      const zh: string[] = [];
      if (v.scoreChange !== undefined) {
        en.push(`score ${n0(v.previousScore)} → ${n0(v.score)}`);
        zh.push(`评分 ${n0(v.previousScore)} → ${n0(v.score)}`);
      }
      if (v.daysBeyondTermsChange !== undefined) {
        en.push(
          `days beyond terms ${formatAmount(v.previousDaysBeyondTerms ?? 0, 1)} → ${formatAmount(v.daysBeyondTerms ?? 0, 1)}`,
        );
        zh.push(
          `超期天数 ${formatAmount(v.previousDaysBeyondTerms ?? 0, 1)} → ${formatAmount(v.daysBeyondTerms ?? 0, 1)}`,
        );
      }
      return {
        en: `${customer} is deteriorating since the previous run: ${en.join("; ")}.`,
        zh: `${customer}自上次运行以来风险恶化：${zh.join("；")}。`,
      };
    }
  }
}
