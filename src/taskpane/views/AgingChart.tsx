/**
 * Exposure by aging bucket as an accessible CSS bar chart: a list whose items read "label: amount (share)",
 * with decorative bars scaled to the largest bucket and coloured from green (current) to red (oldest).
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { formatAmount, formatPercent } from "../format";
import type { PaneBucket } from "../services";
import { fill } from "../strings";

const PALETTE = [
  tokens.colorPaletteGreenBackground3,
  tokens.colorPaletteYellowBackground3,
  tokens.colorPaletteMarigoldBackground3,
  tokens.colorPaletteDarkOrangeBackground3,
  tokens.colorPaletteRedBackground3,
  tokens.colorPaletteCranberryBackground2,
];

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "64px 1fr auto",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  track: {
    height: "14px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
  },
  bar: { height: "100%", borderRadius: tokens.borderRadiusSmall, minWidth: "1px" },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

/** Colour for bucket `i` of `n`, spread over the green → red palette. */
export function bucketColor(i: number, n: number): string {
  if (n <= 1) return PALETTE[0];
  return PALETTE[Math.round((i / (n - 1)) * (PALETTE.length - 1))];
}

export function AgingChart({ buckets }: { readonly buckets: readonly PaneBucket[] }) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const max = Math.max(0, ...buckets.map((b) => b.amount));
  const total = buckets.reduce((sum, b) => sum + Math.max(0, b.amount), 0);
  const label = (l: string) => (l === "Current" ? s.bucketCurrent : l);
  return (
    <ul className={styles.list} aria-label={s.agingChartLabel}>
      {buckets.map((b, i) => {
        const width = max > 0 ? Math.max(0, (b.amount / max) * 100) : 0;
        const pct =
          total > 0 ? formatPercent(Math.max(0, b.amount) / total, lang, 0) : formatPercent(0, lang, 0);
        const text = fill(s.agingBar, { label: label(b.label), amount: formatAmount(b.amount, lang), pct });
        return (
          <li key={`${b.label}-${i}`} className={styles.item} aria-label={text} data-bucket={b.label}>
            <Text size={200} aria-hidden="true">
              {label(b.label)}
            </Text>
            <div className={styles.track} aria-hidden="true">
              <div
                className={styles.bar}
                style={{ width: `${width}%`, backgroundColor: bucketColor(i, buckets.length) }}
              />
            </div>
            <Text size={200} className={styles.amount} aria-hidden="true">
              {formatAmount(b.amount, lang)}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}
