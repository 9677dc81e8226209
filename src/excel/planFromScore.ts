/**
 * Maps the pipeline's ScoreResult to a WritePlan (pure, no Office): the added columns (spec §4), the
 * conditional-format rules, the summary sheet and the history snapshot rows (spec §5).
 */
import { roundCents } from "../engine/pipeline/format";
import type { CurrencyKpis, CustomerResult, ScoredInvoice, ScoreResult } from "../engine/pipeline/types";
import { dunnedRefs } from "../engine/pipeline/snapshot";
import {
  OUTPUT_HEADERS,
  outputCell,
  outputColumns,
  type OutputColumn as ResultColumn,
} from "../engine/pipeline/output";
import {
  DEFAULT_HEADER_STYLE,
  type Bilingual,
  type CfRule,
  type Lang,
  type OutCell,
  type OutputColumn,
  type SummaryBlock,
  type WritePlan,
} from "./writePlan";

export const DATE_FORMAT = "yyyy-mm-dd";
export const MONEY_FORMAT = "#,##0.00";
export const INT_FORMAT = "0";
export const PCT_FORMAT = "0.0%";

export const SUMMARY_NAME: Bilingual = { en: "Credit Risk Summary", zh: "信用风险汇总" };

/** Row tint for rows with a breach (light red) and the green → red bucket ramp. */
export const BREACH_FILL = "#FDE2E1";
const RAMP_START = [0xc6, 0xef, 0xce]; // green
const RAMP_END = [0xff, 0xc7, 0xce]; // red

/** Bucket colour i of n, interpolated green → amber → red. */
export function bucketColor(i: number, n: number): string {
  const t = n <= 1 ? 0 : i / (n - 1);
  const mid = [0xff, 0xeb, 0x9c]; // amber
  const [a, b, u] = t <= 0.5 ? [RAMP_START, mid, t * 2] : [mid, RAMP_END, (t - 0.5) * 2];
  const hex = a
    .map((v, k) =>
      Math.round(v + (b[k] - v) * u)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("");
  return `#${hex.toUpperCase()}`;
}

/** Escapes a text for use inside a double-quoted Excel formula string. */
function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface PlanContext {
  /** Number of source rows (including the header row and anything above it). */
  sourceRowCount: number;
  lang: Lang;
  /** Run date (Excel serial) for history rows. */
  runDate: number;
  sheetName?: string;
}

/** Values per output row: the scored invoice of each source row below the header, or null. */
function alignedRows(result: ScoreResult, sourceRowCount: number): (ScoredInvoice | null)[] {
  const first = result.headerRowIndex + 1;
  const n = Math.max(0, sourceRowCount - first);
  return Array.from({ length: n }, (_, r) => result.rows[first + r - result.firstDataIndex] ?? null);
}

/** Number format of each added column (text columns have none). */
const COLUMN_FORMATS: Readonly<Partial<Record<ResultColumn, string>>> = {
  dueDate: DATE_FORMAT,
  openBalance: MONEY_FORMAT,
  daysPastDue: INT_FORMAT,
  score: INT_FORMAT,
};

const L = (en: string, zh: string): Bilingual => ({ en, zh });
const blank = (v: number | null | undefined): OutCell => (v === null || v === undefined ? "" : v);

/** Builds the WritePlan for a score result. */
export function planFromScore(result: ScoreResult, context: PlanContext): WritePlan {
  const rows = alignedRows(result, context.sourceRowCount);
  const t = (b: Bilingual) => b[context.lang];
  const columns: OutputColumn[] = outputColumns(result).map((key) => {
    const numberFormat = COLUMN_FORMATS[key];
    return {
      key,
      header: OUTPUT_HEADERS[key],
      values: rows.map((r) => outputCell(r, key)),
      ...(numberFormat ? { numberFormat } : {}),
    };
  });

  const rules: CfRule[] = [
    {
      kind: "custom",
      id: "breach",
      target: "sourceRows",
      formula: "LEN({col:breaches}{row})>0",
      fill: BREACH_FILL,
    },
    ...result.bucketLabels.map((label, i): CfRule => ({
      kind: "custom",
      id: `bucket${i}`,
      target: "agingBucket",
      formula: `{col:agingBucket}{row}=${formulaString(label)}`,
      fill: bucketColor(i, result.bucketLabels.length),
    })),
  ];

  const dunned = dunnedRefs(result);
  return {
    columns,
    headerStyle: DEFAULT_HEADER_STYLE,
    rules,
    summary: summaryPlan(result, t),
    history: {
      header: [
        "Run Date",
        "As Of",
        "Sheet",
        "Customer",
        "Exposure",
        "Days Beyond Terms",
        "Score",
        "Grade",
        "Overdue",
        "Dunned Invoices",
      ],
      rows: result.customers.map((c) => [
        context.runDate,
        result.asOf,
        context.sheetName ?? "",
        c.name,
        money(c.exposure),
        blank(c.daysBeyondTerms),
        blank(c.score),
        c.grade ?? "",
        money(c.overdue),
        (dunned.get(c.key) ?? []).join(", "),
      ]),
    },
  };
}

/** Money format for a column in `currency` (`"EUR "#,##0.00`), plain when no currency is named. */
export function moneyFormat(currency: string | null | undefined): string {
  return currency && /^[A-Z0-9$]+$/.test(currency) ? `"${currency} "${MONEY_FORMAT}` : MONEY_FORMAT;
}

const money = (v: number | null | undefined): OutCell =>
  v === null || v === undefined || !Number.isFinite(v) ? "" : roundCents(v);

const MODEL_LABEL: Readonly<Record<string, Bilingual>> = {
  public: L("public", "上市公司"),
  private: L("private", "非上市公司"),
  nonmfg: L("non-manufacturing", "非制造业"),
};

/**
 * The customer table's rows for one customer: one row in its reporting currency; a customer whose currencies cannot
 * be converted gets one row per currency (score, grade and reasons on the first).
 */
function customerRows(c: CustomerResult, nb: number, t: (b: Bilingual) => string): OutCell[][] {
  const head = (
    currency: string,
    m: {
      exposure: number | null;
      unappliedCredit: number | null;
      buckets: readonly number[] | null;
      overdue: number | null;
    },
  ): OutCell[] => [
    c.name,
    currency,
    money(m.exposure),
    money(m.unappliedCredit),
    ...(m.buckets ?? Array.from({ length: nb }, () => null)).map(money),
    money(m.overdue),
  ];
  const tail: OutCell[] = [
    blank(c.payIndex),
    blank(c.utilization),
    blank(c.score),
    c.grade ?? "",
    c.altmanModel ? t(MODEL_LABEL[c.altmanModel]!) : "",
    t(c.reasons),
    c.breaches.join(", "),
  ];
  if (c.currency !== null) return [[...head(c.currency, c), ...tail]];
  return c.byCurrency.map((x, i) => [...head(x.currency, x), ...(i === 0 ? tail : tail.map(() => ""))]);
}

function summaryPlan(result: ScoreResult, t: (b: Bilingual) => string): WritePlan["summary"] {
  const p = result.portfolio;
  const converted = p.missingRates.length === 0;
  const base = p.baseCurrency;
  const nb = result.bucketLabels.length;
  // KPI block: one value column in the base currency, or one per currency when a rate is missing.
  type Kpi = {
    label: Bilingual;
    kind: "int" | "money" | "pct" | "days";
    base: OutCell;
    per: (x: CurrencyKpis) => OutCell;
  };
  const kpis: Kpi[] = [
    { label: L("Customers", "客户数"), kind: "int", base: p.customers, per: (x) => x.customers },
    { label: L("Invoices", "发票数"), kind: "int", base: p.invoices, per: (x) => x.invoices },
    {
      label: L("Total exposure", "应收总额"),
      kind: "money",
      base: money(p.totalExposure),
      per: (x) => money(x.exposure),
    },
    {
      label: L("Unapplied credit", "未核销贷项"),
      kind: "money",
      base: money(p.unappliedCredit),
      per: (x) => money(x.unappliedCredit),
    },
    { label: L("Overdue", "逾期金额"), kind: "money", base: money(p.overdue), per: (x) => money(x.overdue) },
    {
      label: L("% over 90 days", "逾期90天以上占比"),
      kind: "pct",
      base: blank(p.pctOver90),
      per: (x) => blank(x.pctOver90),
    },
    {
      label: L("DSO (days)", "应收账款周转天数"),
      kind: "days",
      base: blank(p.dso),
      per: (x) => blank(x.dso),
    },
    {
      label: L("Best possible DSO", "最佳周转天数"),
      kind: "days",
      base: blank(p.bestDso),
      per: (x) => blank(x.bestDso),
    },
    {
      label: L("Average days delinquent", "平均逾期天数"),
      kind: "days",
      base: blank(p.averageDaysDelinquent),
      per: (x) => blank(x.averageDaysDelinquent),
    },
    {
      label: L("Expected credit loss", "预期信用损失"),
      kind: "money",
      base: money(p.expectedCreditLoss),
      per: (x) => money(x.expectedCreditLoss),
    },
  ];
  const sections = converted ? [null] : p.byCurrency;
  const kindFormat = (kind: Kpi["kind"], currency: string | null) =>
    kind === "int"
      ? INT_FORMAT
      : kind === "pct"
        ? PCT_FORMAT
        : kind === "days"
          ? "0.0"
          : moneyFormat(currency);
  const valueHeader = (x: CurrencyKpis | null) =>
    x
      ? x.currency || t(L("(no currency)", "（无币种）"))
      : base
        ? `${t(L("Value", "数值"))} (${base})`
        : t(L("Value", "数值"));
  const kpiRows: OutCell[][] = kpis.map((k) => [t(k.label), ...sections.map((x) => (x ? k.per(x) : k.base))]);
  const kpiFormats: (string | null)[][] = kpis.map((k) => [
    null,
    ...sections.map((x) => kindFormat(k.kind, x ? x.currency : null)),
  ]);
  if (converted) {
    kpiRows.push([t(L("Uninsured exposure", "未投保敞口")), money(p.uninsuredExposure)]);
    kpiFormats.push([null, MONEY_FORMAT]);
  }
  if (base) {
    kpiRows.push([t(L("Base currency", "本位币")), base]);
    kpiFormats.push([null, null]);
  }
  if (!converted) {
    kpiRows.push([t(L("Missing exchange rates", "缺少汇率")), p.missingRates.join(", ")]);
    kpiFormats.push([null, null]);
  }
  const kpiBlock: SummaryBlock = {
    id: "kpis",
    row: 3,
    col: 0,
    header: true,
    values: [[t(L("Portfolio KPI", "组合指标")), ...sections.map(valueHeader)], ...kpiRows],
    cellFormats: kpiFormats,
  };
  const bucketCol = kpiBlock.values[0]!.length + 1;
  const bucketBlock: SummaryBlock = converted
    ? {
        id: "buckets",
        row: 3,
        col: bucketCol,
        header: true,
        values: [
          [
            t(L("Aging bucket", "账龄区间")),
            base ? `${t(L("Exposure", "敞口"))} (${base})` : t(L("Exposure", "敞口")),
          ],
          ...(p.buckets ?? []).map((b) => [b.label, money(b.amount)]),
        ],
        columnFormats: [null, MONEY_FORMAT],
      }
    : {
        id: "buckets",
        row: 3,
        col: bucketCol,
        header: true,
        values: [
          [t(L("Aging bucket", "账龄区间")), ...p.byCurrency.map((x) => valueHeader(x))],
          ...result.bucketLabels.map((label, k) => [
            label,
            ...p.byCurrency.map((x) => money(x.buckets[k]!.amount)),
          ]),
        ],
        columnFormats: [null, ...p.byCurrency.map((x) => moneyFormat(x.currency))],
      };
  const prov = result.provision;
  const provCol = bucketCol + bucketBlock.values[0]!.length + 1;
  const provBlock: SummaryBlock =
    prov.rows !== null
      ? {
          id: "provision",
          row: 3,
          col: provCol,
          header: true,
          values: [
            [
              t(L("Bucket", "账龄区间")),
              t(L("Balance", "余额")),
              t(L("Loss rate", "损失率")),
              t(L("Provision", "减值准备")),
            ],
            ...prov.rows.map((r) => [r.label, money(r.balance), r.rate, money(r.provision)]),
            [t(L("Total", "合计")), "", "", money(prov.total)],
            [t(prov.note)],
          ],
          columnFormats: [null, MONEY_FORMAT, "0.0%", MONEY_FORMAT],
        }
      : {
          id: "provision",
          row: 3,
          col: provCol,
          header: true,
          values: [
            [
              t(L("Bucket", "账龄区间")),
              t(L("Loss rate", "损失率")),
              ...prov.byCurrency.flatMap((x) => [
                `${t(L("Balance", "余额"))} ${x.currency}`,
                `${t(L("Provision", "减值准备"))} ${x.currency}`,
              ]),
            ],
            ...result.bucketLabels.map((label, k) => [
              label,
              prov.rates[k]!,
              ...prov.byCurrency.flatMap((x) => [money(x.rows[k]!.balance), money(x.rows[k]!.provision)]),
            ]),
            [t(L("Total", "合计")), "", ...prov.byCurrency.flatMap((x) => ["", money(x.total)])],
            [t(prov.note)],
          ],
          columnFormats: [
            null,
            "0.0%",
            ...prov.byCurrency.flatMap((x) => [moneyFormat(x.currency), moneyFormat(x.currency)]),
          ],
        };
  const custTop =
    3 + Math.max(kpiBlock.values.length, bucketBlock.values.length, provBlock.values.length) + 2;
  const custHeader = [
    t(L("Customer", "客户")),
    t(L("Currency", "币种")),
    t(L("Exposure", "敞口")),
    t(L("Unapplied credit", "未核销贷项")),
    ...result.bucketLabels,
    t(L("Overdue", "逾期金额")),
    "PAYINDEX",
    t(L("Utilisation", "额度使用率")),
    t(L("Score", "评分")),
    t(L("Grade", "等级")),
    t(L("Altman model", "Altman模型")),
    t(L("Reasons", "评分原因")),
    t(OUTPUT_HEADERS.breaches),
  ];
  const custRows = result.customers.flatMap((c) => customerRows(c, nb, t));
  const custBlock: SummaryBlock = {
    id: "customers",
    row: custTop,
    col: 0,
    header: true,
    values: [custHeader, ...custRows],
    columnFormats: [
      null,
      null,
      MONEY_FORMAT,
      MONEY_FORMAT,
      ...Array.from({ length: nb }, () => MONEY_FORMAT),
      MONEY_FORMAT,
      "0",
      PCT_FORMAT,
      INT_FORMAT,
    ],
    // Customer, Currency, Exposure, Unapplied credit, the buckets, Overdue, PAYINDEX, then Utilisation: the data bar.
    dataBarColumn: 6 + nb,
  };
  const warnTop = custTop + custBlock.values.length + 2;
  const warnings = result.warnings;
  const warnBlock: SummaryBlock = {
    id: "warnings",
    row: warnTop,
    col: 0,
    header: true,
    values: [
      [
        t(L("Row", "行")),
        t(L("Column", "列")),
        t(L("Value", "值")),
        t(L("Data-quality warning (the row was scored)", "数据质量提示（该行已计入评分）")),
      ],
      ...(warnings.length > 0
        ? warnings.map((w) => [w.row, w.column, w.value, t(w.reason)])
        : [["", "", "", t(L("No data-quality warnings.", "没有数据质量问题。"))]]),
    ],
  };
  const skipped = p.rowsWithData - p.rowsScored;
  const title: SummaryBlock = {
    id: "title",
    row: 0,
    col: 0,
    values: [
      [t(SUMMARY_NAME)],
      [t(L("As of", "截至日期")), result.asOf],
      ...(skipped > 0
        ? [
            [
              t(L("Based on", "依据")),
              t(
                L(
                  `${p.rowsScored} of ${p.rowsWithData} rows (${skipped} could not be read)`,
                  `${p.rowsWithData}行中的${p.rowsScored}行（${skipped}行无法读取）`,
                ),
              ),
            ],
          ]
        : []),
    ],
    columnFormats: [null, DATE_FORMAT],
  };
  return {
    name: SUMMARY_NAME,
    blocks: [title, kpiBlock, bucketBlock, provBlock, custBlock, warnBlock],
    chart: {
      type: "columnClustered",
      block: "buckets",
      title: t(L("Exposure by aging bucket", "按账龄区间的敞口")),
    },
  };
}
