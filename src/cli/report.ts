/** The command line's text: messages and the KPI report, in English and Simplified Chinese. */
import type { ScoreResult } from "../engine/pipeline";
import { DATE_ORDER_LABELS, DATE_ORDER_SETTING } from "../engine/policy";
import type { Msg } from "../engine/sheet/types";
import type { CliLang } from "./args";

export interface Report {
  input: string;
  output: string;
  overwroteInput: boolean;
  sheet: string;
  summarySheet: string | null;
  asOf: string;
  lang: CliLang;
  /** role → "Header (column letter)". */
  mapping: Record<string, string>;
  mappingNotes: Msg[];
  /** The --policy file (null: the default policy) and the date order scored with (null: automatic). */
  policy: { file: string | null; dateOrder: "DMY" | "MDY" | null };
  result: ScoreResult;
  notes: Msg[];
}

export const CLI_TEXT = {
  error: { en: "credit-risk", zh: "credit-risk" },
  cannotRead: (path: string, why: string): Msg => ({
    en: `cannot read "${path}": ${why}`,
    zh: `无法读取“${path}”：${why}`,
  }),
  cannotWrite: (path: string, why: string): Msg => ({
    en: `cannot write "${path}": ${why}`,
    zh: `无法写入“${path}”：${why}`,
  }),
  noSheet: (name: string, visible: string[], hidden: boolean): Msg => ({
    en: `${hidden ? `the sheet "${name}" is hidden` : `the workbook has no sheet "${name}"`}; its sheets: ${visible.map((v) => `"${v}"`).join(", ")}.`,
    zh: `${hidden ? `工作表“${name}”已隐藏` : `工作簿中没有工作表“${name}”`}；现有工作表：${visible.map((v) => `“${v}”`).join("、")}。`,
  }),
  emptySheet: (sheet: string): Msg => ({
    en: `the sheet "${sheet}" is empty: nothing to score.`,
    zh: `工作表“${sheet}”为空：没有可评分的内容。`,
  }),
  ownSheet: (sheet: string): Msg => ({
    en: `"${sheet}" is a sheet the add-in wrote (summary or history); name the invoice sheet with --sheet.`,
    zh: `“${sheet}”是加载项写入的工作表（汇总或历史）；请用 --sheet 指定发票工作表。`,
  }),
  noHeader: (sheet: string): Msg => ({
    en: `no header row found on "${sheet}": the first 20 rows have no row with three known column headers (customer, invoice date, due date, amount …).`,
    zh: `工作表“${sheet}”中未找到表头行：前 20 行中没有包含三个可识别列标题（客户、开票日期、到期日、金额……）的行。`,
  }),
  mappingProblems: (sheet: string, headerRow: number, problems: Msg[]): Msg => ({
    en: `the columns of "${sheet}" (header row ${headerRow}) cannot be scored unattended:\n${problems.map((p) => `  - ${p.en}`).join("\n")}`,
    zh: `工作表“${sheet}”（表头第 ${headerRow} 行）的列无法自动评分：\n${problems.map((p) => `  - ${p.zh}`).join("\n")}`,
  }),
  cancelled: { en: "the run was cancelled.", zh: "评分已取消。" },
  badPolicy: (problems: Msg[]): Msg => ({
    en: `the policy cannot be used:\n${problems.map((p) => `  - ${p.en}`).join("\n")}`,
    zh: `无法使用该政策：\n${problems.map((p) => `  - ${p.zh}`).join("\n")}`,
  }),
};

const LABELS = {
  scored: (r: Report, rows: number, withData: number, customers: number): Msg => ({
    en: `Scored "${r.sheet}" of ${r.input} as of ${r.asOf}: ${rows} of ${withData} rows, ${customers} customers.`,
    zh: `已为 ${r.input} 的工作表“${r.sheet}”评分（截止 ${r.asOf}）：${withData} 行中的 ${rows} 行，${customers} 个客户。`,
  }),
  saved: (r: Report): Msg => ({
    en: `Saved ${r.output}${r.overwroteInput ? " (over the input, as --out asked)" : ""}.`,
    zh: `已保存 ${r.output}${r.overwroteInput ? "（按 --out 覆盖了输入文件）" : ""}。`,
  }),
  policy: (r: Report): Msg => {
    const order = DATE_ORDER_LABELS[r.policy.dateOrder ?? "auto"];
    return {
      en: `Policy: ${r.policy.file ?? "default"}; ${DATE_ORDER_SETTING.en}: ${order.en}.`,
      zh: `政策：${r.policy.file ?? "默认"}；${DATE_ORDER_SETTING.zh}：${order.zh}。`,
    };
  },
  currency: { en: "Currency", zh: "币种" },
  exposure: { en: "Total exposure", zh: "风险敞口合计" },
  credit: { en: "Unapplied credit", zh: "未核销贷项" },
  overdue: { en: "Overdue", zh: "逾期金额" },
  over90: { en: "% over 90 days", zh: "逾期90天以上占比" },
  dso: { en: "DSO (days)", zh: "应收账款周转天数" },
  ecl: { en: "Expected credit loss", zh: "预期信用损失" },
  missing: (c: string[]): Msg => ({
    en: `No exchange rate for ${c.join(", ")}: figures per currency.`,
    zh: `缺少 ${c.join("、")} 的汇率：按币种分别列示。`,
  }),
  breaches: { en: "Breaches", zh: "预警" },
  none: { en: "none", zh: "无" },
  issues: { en: "Rows and cells to check", zh: "需检查的行和单元格" },
  notes: { en: "Notes", zh: "说明" },
  row: (i: { row: number; column: string; value: string }): Msg => ({
    en: `row ${i.row}${i.column ? `, column ${i.column}` : ""}${i.value ? `, "${i.value}"` : ""}`,
    zh: `第 ${i.row} 行${i.column ? `，${i.column} 列` : ""}${i.value ? `，“${i.value}”` : ""}`,
  }),
  more: (n: number): Msg => ({ en: `… and ${n} more (see --json)`, zh: `……另有 ${n} 条（见 --json）` }),
};

const money = (n: number | null): string =>
  n === null ? "—" : n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (n: number | null): string => (n === null ? "—" : `${(n * 100).toFixed(1)}%`);
const days = (n: number | null): string => (n === null ? "—" : n.toFixed(1));

/** The text report (stdout without --json). */
export function formatReport(r: Report): string {
  const t = (m: Msg) => (r.lang === "zh-CN" ? m.zh : m.en);
  const p = r.result.portfolio;
  const lines: string[] = [
    t(LABELS.scored(r, p.rowsScored, p.rowsWithData, p.customers)),
    t(LABELS.saved(r)),
    t(LABELS.policy(r)),
    "",
  ];
  const sections =
    p.totalExposure !== null
      ? [
          {
            currency: p.baseCurrency,
            exposure: p.totalExposure,
            credit: p.unappliedCredit,
            overdue: p.overdue,
            over90: p.pctOver90,
            dso: p.dso,
            ecl: p.expectedCreditLoss,
          },
        ]
      : p.byCurrency.map((c) => ({
          currency: c.currency,
          exposure: c.exposure,
          credit: c.unappliedCredit,
          overdue: c.overdue,
          over90: c.pctOver90,
          dso: c.dso,
          ecl: c.expectedCreditLoss,
        }));
  if (p.missingRates.length > 0) lines.push(t(LABELS.missing([...p.missingRates])));
  const rows: [Msg, (s: (typeof sections)[number]) => string][] = [
    [LABELS.currency, (s) => s.currency || "—"],
    [LABELS.exposure, (s) => money(s.exposure)],
    [LABELS.credit, (s) => money(s.credit)],
    [LABELS.overdue, (s) => money(s.overdue)],
    [LABELS.over90, (s) => pct(s.over90)],
    [LABELS.dso, (s) => days(s.dso)],
    [LABELS.ecl, (s) => money(s.ecl)],
  ];
  for (const [label, get] of rows) {
    lines.push(`  ${t(label).padEnd(22)}${sections.map((s) => get(s).padStart(16)).join("")}`);
    if (label === LABELS.dso && p.dsoNote) lines.push(`    (${t(p.dsoNote)})`);
  }
  const counts = Object.entries(p.breachCounts).filter(([, n]) => (n ?? 0) > 0);
  lines.push(
    "",
    `${t(LABELS.breaches)}: ${counts.length ? counts.map(([k, n]) => `${k} ${n}`).join(", ") : t(LABELS.none)}`,
  );
  const issues = r.result.issues.filter((i) => i.severity !== "note");
  if (issues.length > 0) {
    lines.push("", `${t(LABELS.issues)}:`);
    for (const i of issues.slice(0, 20)) lines.push(`  ${t(LABELS.row(i))}: ${t(i.reason)}`);
    if (issues.length > 20) lines.push(`  ${t(LABELS.more(issues.length - 20))}`);
  }
  const notes = [...r.mappingNotes, ...r.notes];
  if (notes.length > 0) {
    lines.push("", `${t(LABELS.notes)}:`);
    for (const n of notes) lines.push(`  - ${t(n)}`);
  }
  return `${lines.join("\n")}\n`;
}
