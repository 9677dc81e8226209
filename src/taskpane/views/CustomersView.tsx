/**
 * Customers view: a sortable table (exposure, overdue, unapplied credit — with the currency code when the sheet has
 * several currencies —, score, grade, utilisation, limit, reasons, breach badges); a row
 * (click, or Enter/Space when focused) selects the customer's rows on the sheet. Below it the breaches, grouped
 * by code, each explained in plain words with the numbers behind it.
 */
import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  Subtitle1,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { usePane } from "../context";
import { formatAmount, formatNumber, formatPercent } from "../format";
import type { PaneBreach, PaneCustomer, PaneResult } from "../services";
import { fill, pick, type PaneStringKey } from "../strings";
import { useViewStyles } from "../styles";
import { BREACH_ORDER, breachColor, breachExplainKey, breachNameKey } from "./breachInfo";
import { moneyText } from "./KpiCards";

export type CustomerSortKey =
  "name" | "exposure" | "overdue" | "unappliedCredit" | "creditLimit" | "utilisation" | "score" | "grade";
export interface CustomerSort {
  readonly key: CustomerSortKey;
  readonly direction: "ascending" | "descending";
}

const useStyles = makeStyles({
  row: {
    cursor: "pointer",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  name: { display: "flex", flexDirection: "column", minWidth: "150px", maxWidth: "220px" },
  reasons: { color: tokens.colorNeutralForeground3 },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXXS,
    minWidth: "110px",
    "& > *": { whiteSpace: "nowrap" },
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

function compareNullable(a: number | string | null, b: number | string | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** Customers sorted by `sort` (missing values last in both directions; ties by name). */
export function sortCustomers(customers: readonly PaneCustomer[], sort: CustomerSort): PaneCustomer[] {
  const value = (c: PaneCustomer): number | string | null => (sort.key === "name" ? c.name : c[sort.key]);
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...customers].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return compareNullable(va, vb) || a.name.localeCompare(b.name);
    return sign * compareNullable(va, vb) || a.name.localeCompare(b.name);
  });
}

const COLUMNS: readonly { key: CustomerSortKey; label: PaneStringKey; numeric: boolean }[] = [
  { key: "name", label: "colCustomer", numeric: false },
  { key: "exposure", label: "colExposure", numeric: true },
  { key: "overdue", label: "colOverdue", numeric: true },
  { key: "unappliedCredit", label: "colCredit", numeric: true },
  { key: "score", label: "colScore", numeric: true },
  { key: "grade", label: "colGrade", numeric: false },
  { key: "utilisation", label: "colUtilisation", numeric: true },
  { key: "creditLimit", label: "colLimit", numeric: true },
];

export interface CustomersViewProps {
  readonly result: PaneResult;
  readonly onSelectRows: (rows: readonly number[]) => void;
}

export function CustomersView({ result, onSelectRows }: CustomersViewProps) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const view = useViewStyles();
  const headingId = useId();
  const [sort, setSort] = useState<CustomerSort>({ key: "exposure", direction: "descending" });
  const rows = useMemo(() => sortCustomers(result.customers, sort), [result.customers, sort]);
  // Currency codes are shown when the sheet has more than one currency (or the customer's is not the base).
  const multi = new Set(result.customers.flatMap((c) => c.byCurrency.map((x) => x.currency))).size > 1;
  const money = (c: PaneCustomer, field: "exposure" | "overdue" | "unappliedCredit"): string => {
    const value = c[field];
    if (value !== null && c.currency !== null)
      return moneyText(value, multi || c.currency !== result.kpis.baseCurrency ? c.currency : "", lang);
    return c.byCurrency.map((x) => moneyText(x[field], x.currency, lang)).join(" + ");
  };

  const toggle = (key: CustomerSortKey) =>
    setSort((prev) =>
      prev.key === key
        ? { key, direction: prev.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: key === "name" || key === "grade" ? "ascending" : "descending" },
    );
  const activate = (c: PaneCustomer) => onSelectRows(c.rows);
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, c: PaneCustomer) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      activate(c);
    }
  };

  return (
    <section className={view.view} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={view.heading}>
        {s.customersHeading}
      </Subtitle1>
      <Text size={200} className={view.muted}>
        {fill(s.customersCount, { n: result.customers.length })}
      </Text>
      <div className={view.scrollX}>
        <Table size="extra-small" sortable aria-label={s.customersTable} className={view.table}>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((col) => (
                <TableHeaderCell
                  key={col.key}
                  sortDirection={sort.key === col.key ? sort.direction : undefined}
                  onClick={() => toggle(col.key)}
                  button={{ "aria-label": fill(s.sortBy, { column: s[col.label] }) }}
                >
                  {s[col.label]}
                </TableHeaderCell>
              ))}
              <TableHeaderCell>{s.colBreaches}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow
                key={c.key}
                className={styles.row}
                tabIndex={0}
                data-customer={c.name}
                aria-label={fill(s.rowLabel, {
                  customer: c.name,
                  exposure: money(c, "exposure"),
                  score: formatNumber(c.score, lang),
                  grade: c.grade ?? "–",
                })}
                onClick={() => activate(c)}
                onKeyDown={(e) => onRowKey(e, c)}
              >
                <TableCell>
                  <div className={styles.name}>
                    <Text size={200} weight="semibold">
                      {c.name}
                    </Text>
                    <Text size={100} className={styles.reasons}>
                      {pick(c.reasons, lang)}
                    </Text>
                    {c.altmanModel ? (
                      <Text size={100} className={styles.reasons} data-altman-model={c.altmanModel}>
                        {fill(s.altmanModelUsed, {
                          model: s[`altmanModel_${c.altmanModel}` as PaneStringKey],
                        })}
                      </Text>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell className={view.numeric}>{money(c, "exposure")}</TableCell>
                <TableCell className={view.numeric}>{money(c, "overdue")}</TableCell>
                <TableCell className={view.numeric}>{money(c, "unappliedCredit")}</TableCell>
                <TableCell className={view.numeric}>{formatNumber(c.score, lang)}</TableCell>
                <TableCell>{c.grade ?? "–"}</TableCell>
                <TableCell className={view.numeric}>
                  {c.utilisation === null ? "–" : formatPercent(c.utilisation, lang, 0)}
                </TableCell>
                <TableCell className={view.numeric}>
                  {c.creditLimit === null ? "–" : formatAmount(c.creditLimit, lang)}
                </TableCell>
                <TableCell>
                  <div className={styles.badges}>
                    {c.breaches.map((code) => (
                      <Badge key={code} size="small" appearance="tint" color={breachColor(code)}>
                        {s[breachNameKey(code)]}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <BreachList breaches={result.breaches} onSelectRows={onSelectRows} />
    </section>
  );
}

/** Breaches grouped by code in severity order. */
export function groupBreaches(
  breaches: readonly PaneBreach[],
): { code: PaneBreach["code"]; items: PaneBreach[] }[] {
  return BREACH_ORDER.map((code) => ({ code, items: breaches.filter((b) => b.code === code) })).filter(
    (g) => g.items.length > 0,
  );
}

function BreachList({
  breaches,
  onSelectRows,
}: {
  breaches: readonly PaneBreach[];
  onSelectRows: (rows: readonly number[]) => void;
}) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const view = useViewStyles();
  const groups = groupBreaches(breaches);
  return (
    <div className={view.section}>
      <Subtitle2 as="h3" className={view.heading}>
        {s.breachesHeading}
      </Subtitle2>
      {groups.length === 0 ? <Text size={200}>{s.breachesNone}</Text> : null}
      {groups.map((g) => (
        <div key={g.code} className={styles.group} data-breach-group={g.code}>
          <Text as="h4" weight="semibold" size={300} className={view.heading}>
            <Badge size="small" appearance="filled" color={breachColor(g.code)} aria-hidden="true" />{" "}
            {fill(s.breachGroup, { name: s[breachNameKey(g.code)], n: g.items.length })}
          </Text>
          <Text size={200} className={view.muted}>
            {s[breachExplainKey(g.code)]}
          </Text>
          <ul className={view.list}>
            {g.items.map((b, i) => (
              <li key={`${b.customer}-${b.code}-${i}`}>
                {b.rows.length > 0 ? (
                  <Link as="button" onClick={() => onSelectRows(b.rows)}>
                    {pick(b.message, lang)}
                  </Link>
                ) : (
                  <Text size={200}>{pick(b.message, lang)}</Text>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
