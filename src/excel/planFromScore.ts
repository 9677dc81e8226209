/**
 * Maps the pipeline's ScoreResult to a WritePlan (pure, no Office): the added columns (spec §4), the
 * conditional-format rules, the summary sheet and the history snapshot rows (spec §5).
 */
import { formatAmount, roundCents } from "../engine/pipeline/format";
import { breachLabels, breachLegend, gradeLegend, localBucketLabels } from "../engine/pipeline/labels";
import type {
  BreachCode,
  CurrencyKpis,
  CustomerResult,
  ScoredInvoice,
  ScoreResult,
} from "../engine/pipeline/types";
import { dunnedRefs } from "../engine/pipeline/snapshot";
import {
  OUTPUT_HEADERS,
  outputCell,
  outputColumns,
  safeText,
  type OutputColumn as ResultColumn,
} from "../engine/pipeline/output";
import { DEFAULT_POLICY, type Policy } from "../engine/policy";
import { summaryColumnWidths } from "./summaryLayout";
import {
  DEFAULT_HEADER_STYLE,
  joinWithinCell,
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
  /** The policy the result was computed with (the summary's title line and legend name its settings). */
  policy?: Policy;
  /** What the analyst calls that policy in the pane ("Workbook policy", "Standard (30 / 60 / 90 days)" …). */
  policyName?: Bilingual;
}

/** Values per output row: the scored invoice of each source row below the header, or null. */
function alignedRows(result: ScoreResult, sourceRowCount: number): (ScoredInvoice | null)[] {
  const first = result.headerRowIndex + 1;
  const n = Math.max(0, sourceRowCount - first);
  const rows = new Array<ScoredInvoice | null>(n);
  for (let r = 0; r < n; r++) rows[r] = result.rows[first + r - result.firstDataIndex] ?? null;
  return rows;
}

/**
 * One added column's cells for `rows` (spec §4: blank for rows without an invoice). Each column is one loop, and the
 * texts are made once per distinct value — a full sheet repeats a few bucket and breach labels a million times: the
 * bucket labels per bucket, the breach labels per breach list (the scorer shares one list among a customer's rows).
 */
function columnValues(
  rows: readonly (ScoredInvoice | null)[],
  key: ResultColumn,
  buckets: readonly string[],
  lang: Lang,
): OutCell[] {
  const out = new Array<OutCell>(rows.length);
  if (key === "agingBucket") {
    const texts = buckets.map((b) => safeText(b));
    for (let i = 0; i < rows.length; i++) {
      const k = rows[i]?.bucketIndex;
      out[i] = k === null || k === undefined ? "" : (texts[k] ?? "");
    }
  } else if (key === "breaches") {
    const texts = new Map<readonly BreachCode[], string>();
    for (let i = 0; i < rows.length; i++) {
      const codes = rows[i]?.breaches;
      if (codes === undefined) {
        out[i] = "";
        continue;
      }
      let text = texts.get(codes);
      if (text === undefined) texts.set(codes, (text = breachLabels(codes, lang)));
      out[i] = text;
    }
  } else for (let i = 0; i < rows.length; i++) out[i] = outputCell(rows[i] ?? null, key);
  return out;
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
  const lang = context.lang;
  // Bucket and breach texts in the display language (spec §4 v2); the bucket rules below test the same labels.
  const buckets = localBucketLabels(result.bucketLabels, lang);
  const columns: OutputColumn[] = outputColumns(result).map((key) => {
    const numberFormat = COLUMN_FORMATS[key];
    return {
      key,
      header: OUTPUT_HEADERS[key],
      values: columnValues(rows, key, buckets, lang),
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
    ...buckets.map((label, i): CfRule => ({
      kind: "custom",
      id: `bucket${i}`,
      target: "agingBucket",
      formula: `{col:agingBucket}{row}=${formulaString(label)}`,
      fill: bucketColor(i, buckets.length),
    })),
  ];

  const dunned = dunnedRefs(result);
  return {
    columns,
    headerStyle: DEFAULT_HEADER_STYLE,
    rules,
    summary: summaryPlan(result, context, buckets),
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
        // The letter's named invoices (at most LETTER_LINES), and never past what a cell holds.
        joinWithinCell(dunned.get(c.key) ?? [], ", "),
      ]),
      formats: [
        DATE_FORMAT,
        DATE_FORMAT,
        null,
        null,
        MONEY_FORMAT,
        INT_FORMAT,
        INT_FORMAT,
        null,
        MONEY_FORMAT,
        null,
      ],
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
 * be converted gets one row per currency (score, grade and reasons on the first). The reasons come last: the
 * longest text of the row runs on into the empty cells to its right, as Excel shows overflowing text.
 */
function customerRows(c: CustomerResult, nb: number, lang: Lang): OutCell[][] {
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
    c.altmanModel ? MODEL_LABEL[c.altmanModel]![lang] : "",
    breachLabels(c.breaches, lang),
    c.reasons[lang],
  ];
  if (c.currency !== null) return [[...head(c.currency, c), ...tail]];
  return c.byCurrency.map((x, i) => [...head(x.currency, x), ...(i === 0 ? tail : tail.map(() => ""))]);
}

/** Rows the native chart of exposure by aging bucket takes (with a gap row above and below). */
const CHART_ROWS = 15;

/** `0.003` → `0.3%` (the loss rates named in the title line). */
const pctText = (r: number) => `${formatAmount(r * 100, 1)}%`;

/** The policy in one line: its name, bucket edges, loss rates used and grade caps. */
function policyLine(result: ScoreResult, context: PlanContext): Bilingual {
  const p = context.policy ?? DEFAULT_POLICY;
  const name = context.policyName ?? L("Workbook policy", "工作簿中的政策");
  const rates = result.provision.rates.map(pctText);
  const caps = p.gradeCaps.enabled;
  return {
    en: `${name.en}: aging edges ${p.aging.edges.join(", ")} days; loss rates ${rates.join(", ")}; grade caps ${caps ? "on" : "off"}`,
    zh: `${name.zh}：账龄区间边界 ${p.aging.edges.join("、")} 天；损失率 ${rates.join("、")}；等级上限${caps ? "开启" : "关闭"}`,
  };
}

/**
 * The summary sheet (spec §4 v2), top to bottom: the title (sheet, as-of date, policy; frozen), the portfolio KPIs
 * with the aging buckets and the provision matrix beside them, the native chart of exposure by aging bucket, the
 * customer table, the data-quality warnings and the legend (breach label → code → meaning, grades). Every text is in
 * the display language; every number carries a number format; column widths fit the cells that cannot run on.
 */
function summaryPlan(
  result: ScoreResult,
  context: PlanContext,
  buckets: readonly string[],
): WritePlan["summary"] {
  const lang = context.lang;
  const t = (b: Bilingual) => b[lang];
  const p = result.portfolio;
  const converted = p.missingRates.length === 0;
  const base = p.baseCurrency;
  const nb = buckets.length;

  // Title: what, as of when, under which policy; frozen so it stays in view.
  const skipped = p.rowsWithData - p.rowsScored;
  const titleText = context.sheetName
    ? `${t(SUMMARY_NAME)}${lang === "en" ? ": " : "："}${context.sheetName}`
    : t(SUMMARY_NAME);
  const title: SummaryBlock = {
    id: "title",
    row: 0,
    col: 0,
    style: "title",
    values: [[titleText]],
  };
  const titleInfo: SummaryBlock = {
    id: "asOf",
    row: 1,
    col: 0,
    values: [
      [t(L("As of", "截至日期")), result.asOf, t(L("Policy", "政策")), t(policyLine(result, context))],
      ...(skipped > 0
        ? [
            [
              t(L("Based on", "依据")),
              t(
                L(
                  `${formatAmount(p.rowsScored, 0)} of ${formatAmount(p.rowsWithData, 0)} rows (${formatAmount(skipped, 0)} could not be read)`,
                  `${formatAmount(p.rowsWithData, 0)}行中的${formatAmount(p.rowsScored, 0)}行（${formatAmount(skipped, 0)}行无法读取）`,
                ),
              ),
            ],
          ]
        : []),
    ],
    cellFormats: [[null, DATE_FORMAT, null, null], ...(skipped > 0 ? [[null, null]] : [])],
  };
  const frozenRows = 1 + titleInfo.values.length;
  const top = frozenRows + 1;

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
  // Counts, days and scores are whole numbers (the value keeps its precision; the format rounds what is shown).
  const kindFormat = (kind: Kpi["kind"], currency: string | null) =>
    kind === "int" || kind === "days" ? INT_FORMAT : kind === "pct" ? PCT_FORMAT : moneyFormat(currency);
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
  if (p.dsoNote) {
    kpiRows.push([t(L("DSO note", "DSO 说明")), t(p.dsoNote)]);
    kpiFormats.push([null, null]);
  }
  const kpiBlock: SummaryBlock = {
    id: "kpis",
    row: top,
    col: 0,
    header: true,
    values: [[t(L("Portfolio KPI", "组合指标")), ...sections.map(valueHeader)], ...kpiRows],
    cellFormats: kpiFormats,
  };
  const bucketCol = kpiBlock.values[0]!.length + 1;
  const bucketBlock: SummaryBlock = converted
    ? {
        id: "buckets",
        row: top,
        col: bucketCol,
        header: true,
        values: [
          [
            t(L("Aging bucket", "账龄区间")),
            base ? `${t(L("Exposure", "敞口"))} (${base})` : t(L("Exposure", "敞口")),
          ],
          ...(p.buckets ?? []).map((b, k) => [buckets[k] ?? b.label, money(b.amount)]),
        ],
        columnFormats: [null, MONEY_FORMAT],
      }
    : {
        id: "buckets",
        row: top,
        col: bucketCol,
        header: true,
        values: [
          [t(L("Aging bucket", "账龄区间")), ...p.byCurrency.map((x) => valueHeader(x))],
          ...buckets.map((label, k) => [label, ...p.byCurrency.map((x) => money(x.buckets[k]!.amount))]),
        ],
        columnFormats: [null, ...p.byCurrency.map((x) => moneyFormat(x.currency))],
      };
  const prov = result.provision;
  const provCol = bucketCol + bucketBlock.values[0]!.length + 1;
  const provBlock: SummaryBlock =
    prov.rows !== null
      ? {
          id: "provision",
          row: top,
          col: provCol,
          header: true,
          values: [
            [
              t(L("Bucket", "账龄区间")),
              t(L("Balance", "余额")),
              t(L("Loss rate", "损失率")),
              t(L("Provision", "减值准备")),
            ],
            ...prov.rows.map((r, k) => [buckets[k] ?? r.label, money(r.balance), r.rate, money(r.provision)]),
            [t(L("Total", "合计")), "", "", money(prov.total)],
            [t(prov.note)],
          ],
          columnFormats: [null, MONEY_FORMAT, PCT_FORMAT, MONEY_FORMAT],
        }
      : {
          id: "provision",
          row: top,
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
            ...buckets.map((label, k) => [
              label,
              prov.rates[k]!,
              ...prov.byCurrency.flatMap((x) => [money(x.rows[k]!.balance), money(x.rows[k]!.provision)]),
            ]),
            [t(L("Total", "合计")), "", ...prov.byCurrency.flatMap((x) => ["", money(x.total)])],
            [t(prov.note)],
          ],
          columnFormats: [
            null,
            PCT_FORMAT,
            ...prov.byCurrency.flatMap((x) => [moneyFormat(x.currency), moneyFormat(x.currency)]),
          ],
        };

  // The chart sits below the KPIs, above the customer table, so the first screen shows it.
  const kpiBottom =
    top + Math.max(kpiBlock.values.length, bucketBlock.values.length, provBlock.values.length);
  const chartTop = kpiBottom + 1;
  const custTop = chartTop + CHART_ROWS + 1;
  const custHeader = [
    t(L("Customer", "客户")),
    t(L("Currency", "币种")),
    t(L("Exposure", "敞口")),
    t(L("Unapplied credit", "未核销贷项")),
    ...buckets,
    t(L("Overdue", "逾期金额")),
    t(L("Payment index", "付款指数")),
    t(L("Utilisation", "额度使用率")),
    t(L("Score", "评分")),
    t(L("Grade", "等级")),
    t(L("Altman model", "Altman模型")),
    t(OUTPUT_HEADERS.breaches),
    t(L("Reasons", "评分原因")),
  ];
  const custRows = result.customers.flatMap((c) => customerRows(c, nb, lang));
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
      INT_FORMAT,
      PCT_FORMAT,
      INT_FORMAT,
    ],
    // Customer, Currency, Exposure, Unapplied credit, the buckets, Overdue, Payment index, then Utilisation: the data bar.
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
    columnFormats: [INT_FORMAT],
  };
  // Legend: what each label the sheet shows stands for (breach label → code → meaning), then the grade bands.
  const legendTop = warnTop + warnBlock.values.length + 2;
  const legend = breachLegend(lang, (context.policy ?? DEFAULT_POLICY).breaches);
  const legendBlock: SummaryBlock = {
    id: "legend",
    row: legendTop,
    col: 0,
    header: true,
    values: [
      [t(L("Breach", "预警")), t(L("Code", "代码")), t(L("Meaning", "含义"))],
      ...legend.map((l) => [l.label, l.code, l.meaning]),
    ],
  };
  const gradeTop = legendTop + legendBlock.values.length + 1;
  const gradeBlock: SummaryBlock = {
    id: "grades",
    row: gradeTop,
    col: 0,
    header: true,
    values: [
      [t(L("Grade", "等级")), t(L("Score", "评分")), t(L("Meaning", "含义"))],
      ...gradeLegend(lang).map((g) => [g.grade, g.range, g.meaning]),
    ],
  };
  const blocks = [
    title,
    titleInfo,
    kpiBlock,
    bucketBlock,
    provBlock,
    custBlock,
    warnBlock,
    legendBlock,
    gradeBlock,
  ];
  return {
    name: SUMMARY_NAME,
    blocks,
    frozenRows,
    columnWidths: summaryColumnWidths(blocks),
    chart: {
      type: "columnClustered",
      block: "buckets",
      title: t(L("Exposure by aging bucket", "按账龄区间的敞口")),
      anchor: { row: chartTop, col: 0, rows: CHART_ROWS, cols: Math.max(6, bucketCol + 2) },
    },
  };
}
