/**
 * Monitoring view: the top movers since the previous run (score, days beyond terms, exposure), deteriorating
 * customers first, then by the size of the change.
 */
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Subtitle1,
} from "@fluentui/react-components";
import { useId } from "react";
import { usePane } from "../context";
import { dateInputValue, formatAmount, formatNumber } from "../format";
import type { Lang } from "../i18n";
import type { Mover, PaneResult } from "../services";
import { fill } from "../strings";
import { useViewStyles } from "../styles";

/** How much a customer moved: score points + days beyond terms + exposure change in % / 10. */
export function moveSize(m: Mover): number {
  const d = (a: number | null, b: number | null) => (a === null || b === null ? 0 : Math.abs(b - a));
  const exposure =
    m.exposureBefore !== null && m.exposureAfter !== null && m.exposureBefore !== 0
      ? Math.abs((m.exposureAfter - m.exposureBefore) / m.exposureBefore) * 10
      : 0;
  return d(m.scoreBefore, m.scoreAfter) + d(m.daysBeyondTermsBefore, m.daysBeyondTermsAfter) + exposure;
}

export type Trend = "deteriorating" | "improving" | "stable";

/** Deteriorating when flagged; improving when the score rose or days beyond terms fell; else stable. */
export function trendOf(m: Mover): Trend {
  if (m.deteriorating) return "deteriorating";
  const scoreUp = m.scoreBefore !== null && m.scoreAfter !== null && m.scoreAfter > m.scoreBefore;
  const daysDown =
    m.daysBeyondTermsBefore !== null &&
    m.daysBeyondTermsAfter !== null &&
    m.daysBeyondTermsAfter < m.daysBeyondTermsBefore;
  return scoreUp || daysDown ? "improving" : "stable";
}

/** Movers ordered: deteriorating first, then by move size (largest first), then by name. */
export function sortMovers(movers: readonly Mover[]): Mover[] {
  return [...movers].sort(
    (a, b) =>
      Number(b.deteriorating) - Number(a.deteriorating) ||
      moveSize(b) - moveSize(a) ||
      a.customer.localeCompare(b.customer),
  );
}

function change(before: number | null, after: number | null, lang: Lang, amount = false): string {
  const f = (v: number | null) => (v === null ? "–" : amount ? formatAmount(v, lang) : formatNumber(v, lang));
  return `${f(before)} → ${f(after)}`;
}

export function MonitoringView({ result }: { readonly result: PaneResult }) {
  const { lang, s } = usePane();
  const view = useViewStyles();
  const headingId = useId();
  const movers = sortMovers(result.movers);
  const trendLabel = {
    deteriorating: s.trendDeteriorating,
    improving: s.trendImproving,
    stable: s.trendStable,
  };
  const trendColor = { deteriorating: "danger", improving: "success", stable: "informative" } as const;
  return (
    <section className={view.view} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={view.heading}>
        {s.monitoringHeading}
      </Subtitle1>
      {result.previousAsOf === null ? (
        <Text size={200}>{s.moversFirstRun}</Text>
      ) : (
        <Text size={200} className={view.muted}>
          {fill(s.moversIntro, { date: dateInputValue(result.previousAsOf) })}
        </Text>
      )}
      {result.previousAsOf !== null && movers.length === 0 ? <Text size={200}>{s.moversNone}</Text> : null}
      {movers.length > 0 ? (
        // Five short columns fit the 320–350 px pane (cells wrap; no sideways scrolling).
        <div>
          <Table size="extra-small" aria-label={s.moversTable} className={view.fitTable}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.colCustomer}</TableHeaderCell>
                <TableHeaderCell>{s.colTrend}</TableHeaderCell>
                <TableHeaderCell>{s.colScore}</TableHeaderCell>
                <TableHeaderCell>{s.colDaysBeyondTerms}</TableHeaderCell>
                <TableHeaderCell>{s.colExposure}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {movers.map((m) => {
                const trend = trendOf(m);
                return (
                  <TableRow key={m.customer} data-customer={m.customer} data-trend={trend}>
                    <TableCell>{m.customer}</TableCell>
                    <TableCell>
                      <Badge size="small" appearance="tint" color={trendColor[trend]}>
                        {trendLabel[trend]}
                      </Badge>
                    </TableCell>
                    <TableCell className={view.numeric}>
                      {change(m.scoreBefore, m.scoreAfter, lang)}
                    </TableCell>
                    <TableCell className={view.numeric}>
                      {change(m.daysBeyondTermsBefore, m.daysBeyondTermsAfter, lang)}
                    </TableCell>
                    <TableCell className={view.numeric}>
                      {change(m.exposureBefore, m.exposureAfter, lang, true)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
