/** The portfolio KPI cards: total exposure, overdue, % over 90 days, DSO, average days delinquent, expected credit loss. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { formatAmount, formatNumber, formatPercent } from "../format";
import type { PaneKpis } from "../services";
import { fill, pick } from "../strings";

const useStyles = makeStyles({
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

export function KpiCards({ kpis }: { readonly kpis: PaneKpis }) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const days = (n: number | null) =>
    n === null || !Number.isFinite(n) ? s.notAvailable : fill(s.daysValue, { n: formatNumber(n, lang) });
  const share = (n: number) =>
    kpis.totalExposure > 0
      ? fill(s.kpiOfExposure, { pct: formatPercent(n / kpis.totalExposure, lang) })
      : undefined;
  const cards: { id: string; label: string; value: string; sub?: string }[] = [
    { id: "exposure", label: s.kpiExposure, value: formatAmount(kpis.totalExposure, lang) },
    { id: "overdue", label: s.kpiOverdue, value: formatAmount(kpis.overdue, lang), sub: share(kpis.overdue) },
    { id: "over90", label: s.kpiOver90, value: formatPercent(kpis.pctOver90, lang) },
    { id: "dso", label: s.kpiDso, value: days(kpis.dso) },
    { id: "add", label: s.kpiAdd, value: days(kpis.averageDaysDelinquent) },
    {
      id: "ecl",
      label: s.kpiEcl,
      value: formatAmount(kpis.expectedCreditLoss, lang),
      sub: kpis.eclMethod ? pick(kpis.eclMethod, lang) : undefined,
    },
  ];
  return (
    <ul className={styles.grid} aria-label={s.kpiHeading}>
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
  );
}
