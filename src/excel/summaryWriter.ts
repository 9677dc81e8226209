/**
 * Summary sheet (`Credit Risk Summary` / `信用风险汇总`): written afresh on a new sheet, which replaces ours (recorded
 * by id) when the run commits, never touching a user sheet that happens to have the same name (we then use a
 * suffixed name and say so). Everything is queued for one sync by the caller.
 *
 * Formats (spec §4 v2): a number format on every number, our header style on block headers, a bold larger title,
 * the plan's column widths (points; `RangeFormat.columnWidth`, ExcelApi 1.2), the title rows frozen
 * (`freezePanes.freezeRows`, ExcelApi 1.7) and the chart placed over the cells the plan reserves for it
 * (`Chart.setPosition`, ExcelApi 1.1) — all within the manifest's ExcelApi 1.9, so no feature detection is needed.
 */
import {
  DEFAULT_HEADER_STYLE,
  columnLetter,
  safeCell,
  type HeaderStyle,
  type SummaryPlan,
} from "./writePlan";

/** Font size of the summary's title (points). */
const TITLE_SIZE = 14;

/** Picks the summary sheet name: the base name unless a sheet we don't own has it; then "base (2)", "(3)"… */
export function chooseSummaryName(
  base: string,
  existing: { id: string; name: string }[],
  ownId?: string,
): string {
  const taken = new Set(existing.filter((s) => s.id !== ownId).map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Queues writing the summary on a fresh sheet; returns the new worksheet proxy (load its id before sync). */
export function queueSummary(
  wb: Excel.Workbook,
  name: string,
  plan: SummaryPlan,
  style: HeaderStyle = DEFAULT_HEADER_STYLE,
): Excel.Worksheet {
  const sheet = wb.worksheets.add(name);
  const blocks = new Map(plan.blocks.map((b) => [b.id, b]));
  for (const b of plan.blocks) {
    const rows = b.values.length;
    const cols = rows > 0 ? Math.max(...b.values.map((r) => r.length)) : 0;
    if (rows === 0 || cols === 0) continue;
    const values = b.values.map((r) => Array.from({ length: cols }, (_, c) => safeCell(r[c] ?? "")));
    sheet.getRangeByIndexes(b.row, b.col, rows, cols).values = values;
    if (b.style === "title") {
      const title = sheet.getRangeByIndexes(b.row, b.col, 1, 1);
      title.format.font.bold = true;
      title.format.font.size = TITLE_SIZE;
    }
    if (b.header) {
      const h = sheet.getRangeByIndexes(b.row, b.col, 1, cols);
      h.format.fill.color = style.fill;
      h.format.font.color = style.fontColor;
      h.format.font.bold = style.bold;
    }
    const bodyStart = b.header ? 1 : 0;
    const bodyRows = rows - bodyStart;
    if (bodyRows > 0) {
      b.columnFormats?.forEach((f, c) => {
        if (f && c < cols)
          sheet.getRangeByIndexes(b.row + bodyStart, b.col + c, bodyRows, 1).numberFormat = Array.from(
            { length: bodyRows },
            () => [f],
          );
      });
      if (b.cellFormats) {
        const fmt = Array.from({ length: bodyRows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => b.cellFormats![r]?.[c] ?? b.columnFormats?.[c] ?? "General"),
        );
        sheet.getRangeByIndexes(b.row + bodyStart, b.col, bodyRows, cols).numberFormat = fmt;
      }
      if (b.dataBarColumn !== undefined && b.dataBarColumn < cols) {
        const bar = sheet
          .getRangeByIndexes(b.row + bodyStart, b.col + b.dataBarColumn, bodyRows, 1)
          .conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
        bar.dataBar.positiveFormat.fillColor = "#5B9BD5";
      }
    }
  }
  plan.columnWidths?.forEach((w, c) => {
    if (w !== null) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
  });
  if (plan.frozenRows) sheet.freezePanes.freezeRows(plan.frozenRows);
  const chartBlock = plan.chart ? blocks.get(plan.chart.block) : undefined;
  if (plan.chart && chartBlock && chartBlock.values.length > 1) {
    const cols = Math.max(...chartBlock.values.map((r) => r.length));
    const src = sheet.getRangeByIndexes(chartBlock.row, chartBlock.col, chartBlock.values.length, cols);
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, src, Excel.ChartSeriesBy.columns);
    chart.title.text = plan.chart.title;
    const a = plan.chart.anchor;
    if (a)
      chart.setPosition(
        `${columnLetter(a.col)}${a.row + 1}`,
        `${columnLetter(a.col + a.cols - 1)}${a.row + a.rows}`,
      );
  }
  return sheet;
}
