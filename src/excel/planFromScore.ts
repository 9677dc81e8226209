/**
 * Maps the pipeline's ScoreResult to a WritePlan (pure, no Office): the added columns (spec §4), the
 * conditional-format rules, the summary sheet and the history snapshot rows (spec §5).
 */
import type { CustomerResult, ScoredInvoice, ScoreResult } from "../engine/pipeline/types";
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

  return {
    columns,
    headerStyle: DEFAULT_HEADER_STYLE,
    rules,
    summary: summaryPlan(result, context, t),
    history: {
      header: ["Run Date", "As Of", "Sheet", "Customer", "Exposure", "Days Beyond Terms", "Score", "Grade"],
      rows: result.customers.map((c) => [
        context.runDate,
        result.asOf,
        context.sheetName ?? "",
        c.name,
        c.exposure,
        blank(c.daysBeyondTerms),
        blank(c.score),
        c.grade ?? "",
      ]),
    },
  };
}

function customerRow(c: CustomerResult, lang: Lang): OutCell[] {
  return [
    c.name,
    c.exposure,
    ...c.buckets,
    c.overdue,
    blank(c.payIndex),
    blank(c.utilization),
    blank(c.score),
    c.grade ?? "",
    lang === "zh" ? c.reasons.zh : c.reasons.en,
    c.breaches.join(", "),
  ];
}

function summaryPlan(
  result: ScoreResult,
  context: PlanContext,
  t: (b: Bilingual) => string,
): WritePlan["summary"] {
  const p = result.portfolio;
  const kpis: [Bilingual, OutCell, string | null][] = [
    [L("Customers", "客户数"), p.customers, INT_FORMAT],
    [L("Invoices", "发票数"), p.invoices, INT_FORMAT],
    [L("Total exposure", "应收总额"), p.totalExposure, MONEY_FORMAT],
    [L("Overdue", "逾期金额"), p.overdue, MONEY_FORMAT],
    [L("% over 90 days", "逾期90天以上占比"), blank(p.pctOver90), PCT_FORMAT],
    [L("DSO (days)", "应收账款周转天数"), blank(p.dso), "0.0"],
    [L("Best possible DSO", "最佳周转天数"), blank(p.bestDso), "0.0"],
    [L("Average days delinquent", "平均逾期天数"), blank(p.averageDaysDelinquent), "0.0"],
    [L("Expected credit loss", "预期信用损失"), p.expectedCreditLoss, MONEY_FORMAT],
    [L("Uninsured exposure", "未投保敞口"), p.uninsuredExposure, MONEY_FORMAT],
  ];
  const kpiBlock: SummaryBlock = {
    id: "kpis",
    row: 3,
    col: 0,
    header: true,
    values: [[t(L("Portfolio KPI", "组合指标")), t(L("Value", "数值"))], ...kpis.map(([k, v]) => [t(k), v])],
  };
  const bucketBlock: SummaryBlock = {
    id: "buckets",
    row: 3,
    col: 3,
    header: true,
    values: [
      [t(L("Aging bucket", "账龄区间")), t(L("Exposure", "敞口"))],
      ...p.buckets.map((b) => [b.label, b.amount]),
    ],
    columnFormats: [null, MONEY_FORMAT],
  };
  const prov = result.provision;
  const provBlock: SummaryBlock = {
    id: "provision",
    row: 3,
    col: 6,
    header: true,
    values: [
      [
        t(L("Bucket", "账龄区间")),
        t(L("Balance", "余额")),
        t(L("Loss rate", "损失率")),
        t(L("Provision", "减值准备")),
      ],
      ...prov.rows.map((r) => [r.label, r.balance, r.rate, r.provision]),
      [t(L("Total", "合计")), "", "", prov.total],
      [t(prov.note)],
    ],
    columnFormats: [null, MONEY_FORMAT, "0.0%", MONEY_FORMAT],
  };
  const custTop =
    3 + Math.max(kpiBlock.values.length, bucketBlock.values.length, provBlock.values.length) + 2;
  const custHeader = [
    t(L("Customer", "客户")),
    t(L("Exposure", "敞口")),
    ...result.bucketLabels,
    t(L("Overdue", "逾期金额")),
    "PAYINDEX",
    t(L("Utilisation", "额度使用率")),
    t(L("Score", "评分")),
    t(L("Grade", "等级")),
    t(L("Reasons", "评分原因")),
    t(OUTPUT_HEADERS.breaches),
  ];
  const nb = result.bucketLabels.length;
  const custBlock: SummaryBlock = {
    id: "customers",
    row: custTop,
    col: 0,
    header: true,
    values: [custHeader, ...result.customers.map((c) => customerRow(c, context.lang))],
    columnFormats: [
      null,
      MONEY_FORMAT,
      ...Array.from({ length: nb }, () => MONEY_FORMAT),
      MONEY_FORMAT,
      "0.00",
      PCT_FORMAT,
      INT_FORMAT,
    ],
    // Customer, Exposure, the buckets, Overdue, PAYINDEX, then Utilisation: the data bar shows utilisation.
    dataBarColumn: 4 + nb,
  };
  const title: SummaryBlock = {
    id: "title",
    row: 0,
    col: 0,
    values: [[t(SUMMARY_NAME)], [t(L("As of", "截至日期")), result.asOf]],
    columnFormats: [null, DATE_FORMAT],
  };
  return {
    name: SUMMARY_NAME,
    blocks: [title, kpiBlock, bucketBlock, provBlock, custBlock],
    chart: {
      type: "columnClustered",
      block: "buckets",
      title: t(L("Exposure by aging bucket", "按账龄区间的敞口")),
    },
  };
}
