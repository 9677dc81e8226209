/**
 * Breach names and plain-words explanations (spec score-sheet §3), English and Simplified Chinese.
 */
import type { Msg } from "../sheet/types";
import { formatAmount, formatPercent } from "./format";
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
const a = (x: number | undefined) => formatAmount(x ?? 0);
const n0 = (x: number | undefined) => formatAmount(x ?? 0, 0);

/** The explanation of one breach, built from the numbers behind it. */
export function breachMessage(code: BreachCode, customer: string, v: Numbers): Msg {
  switch (code) {
    case "OVER_LIMIT":
      return {
        en: `${customer} owes ${a(v.exposure)}, which is ${a(v.excess)} over the credit limit of ${a(v.creditLimit)} (${formatPercent(v.utilization ?? 0)}).`,
        zh: `${customer}的应收余额${a(v.exposure)}，超出信用额度${a(v.creditLimit)}共${a(v.excess)}（${formatPercent(v.utilization ?? 0)}）。`,
      };
    case "NEAR_LIMIT":
      return {
        en: `${customer} owes ${a(v.exposure)}, ${formatPercent(v.utilization ?? 0)} of the credit limit of ${a(v.creditLimit)}.`,
        zh: `${customer}的应收余额${a(v.exposure)}，已占信用额度${a(v.creditLimit)}的${formatPercent(v.utilization ?? 0)}。`,
      };
    case "SEVERELY_OVERDUE":
      return {
        en: `${n0(v.invoices)} invoice(s) totalling ${a(v.amount)} are more than ${n0(v.thresholdDays)} days past due (oldest ${n0(v.maxDaysPastDue)} days).`,
        zh: `${n0(v.invoices)}张发票共${a(v.amount)}逾期超过${n0(v.thresholdDays)}天（最长${n0(v.maxDaysPastDue)}天）。`,
      };
    case "INSURED_LIMIT_EXCEEDED":
      return {
        en: `${customer} owes ${a(v.exposure)} against an insured limit of ${a(v.insuredLimit)}: ${a(v.uninsured)} is uninsured.`,
        zh: `${customer}的应收余额${a(v.exposure)}，保险限额为${a(v.insuredLimit)}：其中${a(v.uninsured)}未获保险保障。`,
      };
    case "NOTIFY_INSURER":
      return {
        en: `${n0(v.invoices)} invoice(s) totalling ${a(v.amount)} are ${n0(v.thresholdDays)} or more days past due (oldest ${n0(v.maxDaysPastDue)} days): if this customer is insured, the insurer must be told.`,
        zh: `${n0(v.invoices)}张发票共${a(v.amount)}已逾期${n0(v.thresholdDays)}天或以上（最长${n0(v.maxDaysPastDue)}天）：如该客户已投保，须通知保险人。`,
      };
    case "LOW_GRADE":
      return {
        en: `${customer} scores ${n0(v.score)}, a low risk grade.`,
        zh: `${customer}的信用评分为${n0(v.score)}，风险等级偏低。`,
      };
    case "DISPUTE_AGED":
      return {
        en: `${n0(v.invoices)} disputed invoice(s) totalling ${a(v.amount)} are older than ${n0(v.thresholdDays)} days (oldest ${n0(v.oldestDays)} days).`,
        zh: `${n0(v.invoices)}张有争议的发票共${a(v.amount)}已超过${n0(v.thresholdDays)}天（最长${n0(v.oldestDays)}天）。`,
      };
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
