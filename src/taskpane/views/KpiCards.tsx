/**
 * The portfolio KPI cards: total exposure, unapplied credit, overdue, % over 90 days, DSO, average days delinquent,
 * expected credit loss. One group in the base currency, or one group per currency when an exchange rate is missing
 * (amounts in different currencies are never added). "Based on N of M rows" whenever rows were skipped.
 */
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { formatAmount, formatNumber, formatPercent } from "../format";
import type { PaneKpiSet, PaneKpis } from "../services";
import { fill, pick } from "../strings";

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { fontVariantNumeric: "tabular-nums" },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** Money with its currency code when one is named: "EUR 1,200". */
export function moneyText(
  amount: number,
  currency: string,
  lang: Parameters<typeof formatAmount>[1],
): string {
  const text = formatAmount(amount, lang);
  return currency ? `${currency} ${text}` : text;
}

function KpiSet({ set, kpis, showCurrency }: { set: PaneKpiSet; kpis: PaneKpis; showCurrency: boolean }) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const days = (n: number | null) =>
    n === null || !Number.isFinite(n)
      ? s.notAvailable
      : fill(Math.round(n * 10) / 10 === 1 ? s.daysValueOne : s.daysValue, { n: formatNumber(n, lang) });
  const money = (n: number) => moneyText(n, kpis.perCurrency ? set.currency : "", lang);
  const share = (n: number) =>
    set.totalExposure > 0
      ? fill(s.kpiOfExposure, { pct: formatPercent(n / set.totalExposure, lang) })
      : undefined;
  const cards: { id: string; label: string; value: string; sub?: string }[] = [
    { id: "exposure", label: s.kpiExposure, value: money(set.totalExposure) },
    { id: "credit", label: s.kpiCredit, value: money(set.unappliedCredit) },
    { id: "overdue", label: s.kpiOverdue, value: money(set.overdue), sub: share(set.overdue) },
    {
      id: "over90",
      label: s.kpiOver90,
      value: set.pctOver90 === null ? s.notAvailable : formatPercent(set.pctOver90, lang),
    },
    {
      id: "dso",
      label: s.kpiDso,
      value: days(set.dso),
      sub: kpis.dsoNote && set.dso !== null ? pick(kpis.dsoNote, lang) : undefined,
    },
    { id: "add", label: s.kpiAdd, value: days(set.averageDaysDelinquent) },
    {
      id: "ecl",
      label: s.kpiEcl,
      value: money(set.expectedCreditLoss),
      sub: kpis.eclMethod ? pick(kpis.eclMethod, lang) : undefined,
    },
  ];
  const heading = showCurrency && set.currency ? fill(s.kpiCurrency, { currency: set.currency }) : null;
  return (
    <div className={styles.wrap} data-kpi-set={set.currency}>
      {heading ? (
        <Text as="h4" size={300} weight="semibold" style={{ margin: 0 }}>
          {heading}
        </Text>
      ) : null}
      <ul className={styles.grid} aria-label={heading ? `${s.kpiHeading}: ${heading}` : s.kpiHeading}>
        {cards.map((c) => (
          <li key={c.id} className={styles.card} data-kpi={c.id}>
            <Text size={200} className={styles.label}>
              {c.label}
            </Text>
            <Text size={500} weight="semibold" className={styles.value}>
              {c.value}
            </Text>
            {c.sub ? (
              <Text size={100} className={styles.sub}>
                {c.sub}
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function KpiCards({ kpis }: { readonly kpis: PaneKpis }) {
  const { s } = usePane();
  const styles = useStyles();
  const skipped = kpis.rowsWithData - kpis.rowsScored;
  return (
    <div className={styles.wrap}>
      {skipped > 0 ? (
        <MessageBar intent="warning" data-kpi-note="based-on">
          <MessageBarBody>
            {fill(s.kpiBasedOn, { n: kpis.rowsScored, m: kpis.rowsWithData, skipped })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {kpis.missingRates.length > 0 ? (
        <MessageBar intent="warning" data-kpi-note="missing-rates">
          <MessageBarBody>
            {fill(s.kpiMissingRates, { list: kpis.missingRates.join(", "), base: kpis.baseCurrency || "–" })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {kpis.sets.map((set) => (
        <KpiSet key={set.currency} set={set} kpis={kpis} showCurrency={kpis.perCurrency || !!set.currency} />
      ))}
    </div>
  );
}
