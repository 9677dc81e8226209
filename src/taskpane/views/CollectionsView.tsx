/**
 * Collections view: overdue customers grouped by dunning stage (policy order; disputed invoices were excluded by
 * the pipeline), each with a ready message in English or Chinese, "Copy" (clipboard with fallback) and "Open
 * e-mail draft" (an encoded mailto: link, shortened at a line break when it would exceed mail-client limits).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
  Subtitle1,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { DunningStageId } from "../../engine/policy";
import { copyText } from "../clipboard";
import { usePane } from "../context";
import { formatAmount } from "../format";
import { buildMailto } from "../mailto";
import type { CollectionCase, PaneResult } from "../services";
import { fill, type PaneStringKey } from "../strings";
import { useViewStyles } from "../styles";
import { moneyText } from "./KpiCards";

/** Most severe stage first. */
const STAGES: readonly DunningStageId[] = ["creditHold", "finalNotice", "secondNotice", "reminder"];
const stageKey = (id: DunningStageId): PaneStringKey => `stage_${id}` as PaneStringKey;

const useStyles = makeStyles({
  case: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  invoices: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontVariantNumeric: "tabular-nums" },
  message: { fontFamily: tokens.fontFamilyBase },
});

/** Amounts per currency ("EUR 1,200 + GBP 300"), never added together. */
function amountsText(amounts: CollectionCase["amounts"], lang: Parameters<typeof formatAmount>[1]): string {
  return amounts.map((a) => moneyText(a.amount, a.currency, lang)).join(" + ");
}

/** Cases grouped by stage, most severe stage first; customers by overdue amount (largest first). */
export function groupCases(
  cases: readonly CollectionCase[],
): { stage: DunningStageId; cases: CollectionCase[] }[] {
  return STAGES.map((stage) => ({
    stage,
    cases: cases
      .filter((c) => c.stage === stage)
      .sort((a, b) => (b.overdue ?? 0) - (a.overdue ?? 0) || a.customer.localeCompare(b.customer)),
  })).filter((g) => g.cases.length > 0);
}

export function CollectionsView({ result }: { readonly result: PaneResult }) {
  const { lang, s } = usePane();
  const view = useViewStyles();
  const headingId = useId();
  const [messageLang, setMessageLang] = useState<"en" | "zh">(lang === "zh-CN" ? "zh" : "en");
  const groups = groupCases(result.collections);
  return (
    <section className={view.view} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={view.heading}>
        {s.collectionsHeading}
      </Subtitle1>
      <Text size={200} className={view.muted}>
        {s.collectionsIntro}
      </Text>
      <Field label={s.messageLanguage} size="small">
        <Select
          size="small"
          value={messageLang}
          onChange={(_, d) => setMessageLang(d.value === "zh" ? "zh" : "en")}
        >
          <option value="en">{s.langEn}</option>
          <option value="zh">{s.langZh}</option>
        </Select>
      </Field>
      {groups.length === 0 ? <Text size={200}>{s.collectionsNone}</Text> : null}
      {groups.map((g) => (
        <div key={g.stage} className={view.section} data-stage={g.stage}>
          <Subtitle2 as="h3" className={view.heading}>
            {s[stageKey(g.stage)]} ({g.cases.length})
          </Subtitle2>
          {g.cases.map((c) => (
            <CaseCard key={c.customer} item={c} messageLang={messageLang} />
          ))}
        </div>
      ))}
    </section>
  );
}

function CaseCard({ item, messageLang }: { item: CollectionCase; messageLang: "en" | "zh" }) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const view = useViewStyles();
  const [status, setStatus] = useState<"copied" | "failed" | null>(null);
  const message = item.messages[messageLang];
  const text = `${message.subject}\n\n${message.body}`;
  const mail = buildMailto(item.email, message.subject, message.body);
  const copy = async () => setStatus((await copyText(text)) ? "copied" : "failed");
  return (
    <article className={styles.case} aria-label={item.customer} data-customer={item.customer}>
      <Text as="h4" weight="semibold" className={view.heading}>
        {item.customer}
      </Text>
      <Text size={200}>
        {fill(item.invoices.length === 1 ? s.caseSummaryOne : s.caseSummary, {
          n: item.invoices.length,
          amount: amountsText(item.amounts, lang),
          days: item.maxDaysOverdue,
        })}
      </Text>
      {item.disputedAmounts.length > 0 ? (
        <Text size={200}>{fill(s.caseDisputed, { amount: amountsText(item.disputedAmounts, lang) })}</Text>
      ) : null}
      {item.overLimit ? <Text size={200}>{s.caseOverLimit}</Text> : null}
      {item.interestAndFees > 0 ? (
        <Text size={200}>
          {fill(s.interestAndFees, { amount: formatAmount(item.interestAndFees, lang, 2) })}
        </Text>
      ) : null}
      <Field label={fill(s.messageFor, { customer: item.customer })} size="small">
        <Textarea className={styles.message} readOnly resize="vertical" rows={6} value={text} />
      </Field>
      <div className={view.row}>
        <Button size="small" onClick={() => void copy()}>
          {s.copy}
        </Button>
        <Button size="small" as="a" href={mail.href} appearance="primary">
          {s.openEmail}
        </Button>
      </div>
      {mail.truncated ? (
        <MessageBar intent="info">
          <MessageBarBody>{s.mailtoShortened}</MessageBarBody>
        </MessageBar>
      ) : null}
      {status ? (
        <Text size={200} role="status">
          {status === "copied" ? s.copied : s.copyFailed}
        </Text>
      ) : null}
    </article>
  );
}
