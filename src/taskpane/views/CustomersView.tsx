/**
 * Customers view, made for a 320–350 px pane: a sort control and a list with one entry per customer — the name always
 * visible (it wraps, never scrolls away), then exposure, score and grade, and the breach badges. The list is one tab
 * stop (arrow keys, Home, End move between customers: roving tabindex); click, Enter or Space on a customer shows
 * its details (overdue, unapplied credit, utilisation, limit, reasons, Altman model) under it and selects the
 * customer's rows on the sheet. Exposure and overdue carry the currency code when the sheet has several currencies.
 * Below the list the breaches, grouped by code, each explained in plain words with the numbers behind it.
 */
import {
  Badge,
  Button,
  Field,
  Link,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  Subtitle1,
  Subtitle2,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { usePane } from "../context";
import { formatAmount, formatNumber, formatPercent } from "../format";
import type { PaneBreach, PaneCustomer, PaneResult } from "../services";
import { fill, pick, type PaneStringKey } from "../strings";
import { useViewStyles } from "../styles";
import { BREACH_ORDER, breachColor, breachExplainKey, breachNameKey } from "./breachInfo";
import { moneyText } from "./KpiCards";
import { useRovingFocus } from "./roving";

export type CustomerSortKey =
  "name" | "exposure" | "overdue" | "unappliedCredit" | "creditLimit" | "utilisation" | "score" | "grade";
export interface CustomerSort {
  readonly key: CustomerSortKey;
  readonly direction: "ascending" | "descending";
}

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    minWidth: 0,
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textAlign: "start",
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  selected: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  top: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  figures: { color: tokens.colorNeutralForeground2 },
  reasons: { color: tokens.colorNeutralForeground3 },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXXS,
    "& > *": { whiteSpace: "nowrap" },
  },
  detail: {
    display: "grid",
    gridTemplateColumns: "minmax(0, auto) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    "& dt": { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
    "& dd": { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  },
  sortRow: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
    "& > :first-child": { flexGrow: 1, minWidth: 0 },
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
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

const SORT_KEYS: readonly { key: CustomerSortKey; label: PaneStringKey }[] = [
  { key: "exposure", label: "colExposure" },
  { key: "overdue", label: "colOverdue" },
  { key: "unappliedCredit", label: "colCredit" },
  { key: "score", label: "colScore" },
  { key: "grade", label: "colGrade" },
  { key: "utilisation", label: "colUtilisation" },
  { key: "creditLimit", label: "colLimit" },
  { key: "name", label: "colCustomer" },
];

/** The natural first direction of a sort key: names and grades A→Z, amounts and scores largest first. */
function firstDirection(key: CustomerSortKey): CustomerSort["direction"] {
  return key === "name" || key === "grade" ? "ascending" : "descending";
}

export interface CustomersViewProps {
  readonly result: PaneResult;
  readonly onSelectRows: (rows: readonly number[]) => void;
}

export function CustomersView({ result, onSelectRows }: CustomersViewProps) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const view = useViewStyles();
  const headingId = useId();
  const detailId = useId();
  const [sort, setSort] = useState<CustomerSort>({ key: "exposure", direction: "descending" });
  const [selected, setSelected] = useState<string | null>(null);
  const rows = useMemo(() => sortCustomers(result.customers, sort), [result.customers, sort]);
  const roving = useRovingFocus(rows.length);
  // Currency codes are shown when the sheet has more than one currency (or the customer's is not the base).
  const multi = new Set(result.customers.flatMap((c) => c.byCurrency.map((x) => x.currency))).size > 1;
  const money = (c: PaneCustomer, field: "exposure" | "overdue" | "unappliedCredit"): string => {
    const value = c[field];
    if (value !== null && c.currency !== null)
      return moneyText(value, multi || c.currency !== result.kpis.baseCurrency ? c.currency : "", lang);
    return c.byCurrency.map((x) => moneyText(x[field], x.currency, lang)).join(" + ");
  };
  const activate = (c: PaneCustomer) => {
    setSelected(c.key);
    onSelectRows(c.rows);
  };

  return (
    <section className={view.view} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={view.heading}>
        {s.customersHeading}
      </Subtitle1>
      <Text size={200} className={view.muted}>
        {fill(s.customersCount, { n: result.customers.length })}
      </Text>
      <div className={styles.sortRow}>
        <Field label={s.sortLabel} size="small">
          <Select
            size="small"
            value={sort.key}
            onChange={(_, d) => {
              const key = d.value as CustomerSortKey;
              setSort({ key, direction: firstDirection(key) });
            }}
          >
            {SORT_KEYS.map((k) => (
              <option key={k.key} value={k.key}>
                {s[k.label]}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          size="small"
          aria-pressed={sort.direction !== firstDirection(sort.key)}
          onClick={() =>
            setSort((prev) => ({
              ...prev,
              direction: prev.direction === "ascending" ? "descending" : "ascending",
            }))
          }
        >
          {s.sortReverse}
        </Button>
      </div>
      <ul className={view.list} aria-label={s.customersTable} data-customer-list="">
        {rows.map((c, i) => {
          const open = selected === c.key;
          const item = roving.itemProps(i);
          return (
            <li key={c.key} data-customer={c.name}>
              <button
                type="button"
                ref={item.ref}
                tabIndex={item.tabIndex}
                onFocus={item.onFocus}
                onKeyDown={item.onKeyDown}
                className={mergeClasses(styles.item, open ? styles.selected : undefined)}
                aria-expanded={open}
                aria-controls={open ? detailId : undefined}
                onClick={() => activate(c)}
              >
                <span className={styles.top}>
                  <Text size={300} weight="semibold" className={styles.name} data-customer-name="">
                    {c.name}
                  </Text>
                  <Badge size="medium" appearance="outline">
                    {/* The button's name is its visible text (axe: label-content-name-mismatch); "Grade" is read, not shown. */}
                    <span className={styles.srOnly}>{`${s.colGrade} `}</span>
                    {c.grade ?? "–"}
                  </Badge>
                </span>
                <Text size={200} className={styles.figures}>
                  {`${s.colExposure} ${money(c, "exposure")} · ${s.colScore} ${formatNumber(c.score, lang)}`}
                </Text>
                {c.breaches.length > 0 ? (
                  <span className={styles.badges}>
                    {c.breaches.map((code) => (
                      <Badge key={code} size="small" appearance="tint" color={breachColor(code)}>
                        {s[breachNameKey(code)]}
                      </Badge>
                    ))}
                  </span>
                ) : null}
              </button>
              {open ? (
                <div id={detailId} role="region" aria-label={fill(s.customerDetail, { customer: c.name })}>
                  <dl className={styles.detail}>
                    <dt>{s.colExposure}</dt>
                    <dd>{money(c, "exposure")}</dd>
                    <dt>{s.colOverdue}</dt>
                    <dd>{money(c, "overdue")}</dd>
                    <dt>{s.colCredit}</dt>
                    <dd>{money(c, "unappliedCredit")}</dd>
                    <dt>{s.colScore}</dt>
                    <dd>{formatNumber(c.score, lang)}</dd>
                    <dt>{s.colGrade}</dt>
                    <dd>{c.grade ?? "–"}</dd>
                    <dt>{s.colUtilisation}</dt>
                    <dd>{c.utilisation === null ? "–" : formatPercent(c.utilisation, lang, 0)}</dd>
                    <dt>{s.colLimit}</dt>
                    <dd>{c.creditLimit === null ? "–" : formatAmount(c.creditLimit, lang)}</dd>
                  </dl>
                  <Text as="p" block size={200} className={mergeClasses(styles.reasons, view.heading)}>
                    {pick(c.reasons, lang)}
                  </Text>
                  {c.altmanModel ? (
                    <Text
                      as="p"
                      block
                      size={200}
                      className={mergeClasses(styles.reasons, view.heading)}
                      data-altman-model={c.altmanModel}
                    >
                      {fill(s.altmanModelUsed, {
                        model: s[`altmanModel_${c.altmanModel}` as PaneStringKey],
                      })}
                    </Text>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
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
  const { s } = usePane();
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
          <BreachItems items={g.items} onSelectRows={onSelectRows} />
        </div>
      ))}
    </div>
  );
}

/** One breach group's messages: those with rows select them; one tab stop, arrow keys between them (./roving). */
function BreachItems({
  items,
  onSelectRows,
}: {
  items: readonly PaneBreach[];
  onSelectRows: (rows: readonly number[]) => void;
}) {
  const { lang } = usePane();
  const view = useViewStyles();
  const linked: number[] = [];
  items.forEach((b, i) => {
    if (b.rows.length > 0) linked.push(i);
  });
  const roving = useRovingFocus(linked.length);
  return (
    <ul className={view.list}>
      {items.map((b, i) => (
        <li key={`${b.customer}-${b.code}-${i}`}>
          {b.rows.length > 0 ? (
            <Link as="button" {...roving.itemProps(linked.indexOf(i))} onClick={() => onSelectRows(b.rows)}>
              {pick(b.message, lang)}
            </Link>
          ) : (
            <Text size={200}>{pick(b.message, lang)}</Text>
          )}
        </li>
      ))}
    </ul>
  );
}
