/**
 * What a chart shows, read from the model as Excel reads a chart's source range — for the playground to draw (the
 * simulator stores charts; it renders nothing itself).
 *
 * Series and categories (Excel's reading of a source range, "Create a chart from start to finish",
 * https://support.microsoft.com/office/create-a-chart-from-start-to-finish-0baf399e-dd61-4e18-8a73-b3fd5d5680c2,
 * and `ChartSeriesBy`, @types/office-js: "Auto | Columns | Rows"):
 * - `Columns`: each column is a series; `Rows`: each row. `Auto` takes series from the shorter side (more rows than
 *   columns → series in columns), as Excel's default plot does.
 * - The first row (series by columns) holds the series names when its cells after the first are text; the first
 *   column holds the category labels when its cells below the header are not all numbers, or when the top-left cell
 *   is empty. Labels show as the cells display them (their number format).
 * - A value that is not a number (text, empty, an error) is a gap.
 *
 * Placement: `chart.setPosition(start, end?)` puts the top-left corner on the start cell; the end cell, when given,
 * is fully covered ("If specified, the chart's width and height will be set to fully cover up this cell/range",
 * @types/office-js `Chart.setPosition`); otherwise `left`/`top`/`width`/`height` in points from the sheet's top-left
 * corner. The box is returned in fractional column and row indices (2.5 = halfway across column C), so the grid
 * places it on its own column widths and row heights.
 *
 * At most {@link MAX_CHART_POINTS} categories are read (a chart over a whole column would otherwise read a million
 * cells on every paint).
 */
import { parseAddress, type Rect } from "../address";
import type { SheetModel } from "../model/sheet";
import { type ChartModel, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "../model/types";
import { formatValue } from "../numberFormat";

/** Most categories a drawn chart reads. */
export const MAX_CHART_POINTS = 500;

export interface ChartSeriesView {
  name: string;
  /** One value per category; null is a gap. */
  values: (number | null)[];
}

export interface ChartSource {
  categories: string[];
  series: ChartSeriesView[];
}

export interface ChartView extends ChartSource {
  id: string;
  name: string;
  /** Excel.ChartType, e.g. "ColumnClustered". */
  type: string;
  title: string;
  categoryTitle: string;
  valueTitle: string;
  legend: { visible: boolean; position: string };
  /** Corners in fractional column / row indices (x: columns, y: rows), x1 > x0, y1 > y0. */
  box: { x0: number; y0: number; x1: number; y1: number };
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Reads the chart's source range into categories and series (see the module comment). */
export function readChartSource(c: ChartModel): ChartSource {
  const s = c.sheet;
  const src = c.source;
  const rows = src.r1 - src.r0 + 1;
  const cols = src.c1 - src.c0 + 1;
  const byColumns = c.seriesBy === "Columns" || (c.seriesBy !== "Rows" && rows >= cols);
  // Orient the range as (point, series): along = categories, across = series.
  const alongCount = Math.min(byColumns ? rows : cols, MAX_CHART_POINTS + 1);
  const acrossCount = byColumns ? cols : rows;
  const at = (i: number, j: number) =>
    byColumns ? { r: src.r0 + i, c: src.c0 + j } : { r: src.r0 + j, c: src.c0 + i };
  const value = (i: number, j: number) => {
    const p = at(i, j);
    return s.getValue(p.r, p.c);
  };
  const text = (i: number, j: number) => {
    const p = at(i, j);
    return formatValue(s.getValue(p.r, p.c), s.getNumberFormat(p.r, p.c));
  };

  let headerRow = false;
  for (let j = 1; j < acrossCount; j++) {
    const v = value(0, j);
    if (typeof v === "string" && v !== "") headerRow = true;
  }
  const first = headerRow ? 1 : 0;
  const corner = value(0, 0);
  let labelColumn = headerRow && corner === "";
  for (let i = first; i < alongCount && !labelColumn; i++) {
    const v = value(i, 0);
    if (v !== "" && !isNum(v)) labelColumn = true;
  }
  if (acrossCount === 1) labelColumn = false;

  const points = Math.max(0, Math.min(alongCount, MAX_CHART_POINTS + first) - first);
  const categories: string[] = [];
  for (let i = 0; i < points; i++) categories.push(labelColumn ? text(first + i, 0) : String(i + 1));
  const series: ChartSeriesView[] = [];
  for (let j = labelColumn ? 1 : 0; j < acrossCount; j++) {
    const values: (number | null)[] = [];
    for (let i = 0; i < points; i++) {
      const v = value(first + i, j);
      values.push(isNum(v) ? v : null);
    }
    series.push({ name: headerRow ? text(0, j) : `Series${series.length + 1}`, values });
  }
  return { categories, series };
}

/** Column index plus fraction at `points` from the sheet's left edge. */
function columnAtPoints(s: SheetModel, points: number): number {
  let left = Math.max(0, points);
  for (let c = 0; c < 16384; c++) {
    const w = s.hiddenCols.has(c) ? 0 : (s.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    if (w > 0 && left < w) return c + left / w;
    left -= w;
  }
  return 16384;
}

/** Row index plus fraction at `points` from the sheet's top edge (rows of the default height unless set). */
function rowAtPoints(s: SheetModel, points: number): number {
  let top = Math.max(0, points);
  if (s.rowHeights.size === 0 && s.hiddenRows.size === 0) return top / DEFAULT_ROW_HEIGHT;
  for (let r = 0; r < 1_048_576; r++) {
    const h = s.hiddenRows.has(r) ? 0 : (s.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
    if (h > 0 && top < h) return r + top / h;
    top -= h;
  }
  return 1_048_576;
}

/** Width in points of the columns from fractional index x0 to x1. */
function pointsAcross(s: SheetModel, x0: number, x1: number): number {
  let total = 0;
  for (let c = Math.floor(x0); c < Math.ceil(x1); c++) {
    const w = s.hiddenCols.has(c) ? 0 : (s.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    total += w * (Math.min(x1, c + 1) - Math.max(x0, c));
  }
  return total;
}

/** Height in points of the rows above fractional row index y. */
function pointsDown(s: SheetModel, y: number): number {
  if (s.rowHeights.size === 0 && s.hiddenRows.size === 0) return y * DEFAULT_ROW_HEIGHT;
  let total = 0;
  for (let r = 0; r < Math.ceil(y); r++) {
    const h = s.hiddenRows.has(r) ? 0 : (s.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
    total += h * (Math.min(y, r + 1) - r);
  }
  return total;
}

function box(c: ChartModel): ChartView["box"] {
  const s = c.sheet;
  let start: Rect | null = null;
  let end: Rect | null = null;
  try {
    if (c.position) {
      start = parseAddress(c.position.start);
      if (c.position.end) end = parseAddress(c.position.end);
    }
  } catch {
    start = null;
  }
  const x0 = start ? start.c0 : columnAtPoints(s, c.left);
  const y0 = start ? start.r0 : rowAtPoints(s, c.top);
  if (end) return { x0, y0, x1: Math.max(x0 + 0.5, end.c1 + 1), y1: Math.max(y0 + 0.5, end.r1 + 1) };
  const x1 = columnAtPoints(s, pointsAcross(s, 0, x0) + Math.max(1, c.width));
  const y1 = rowAtPoints(s, pointsDown(s, y0) + Math.max(1, c.height));
  return { x0, y0, x1, y1 };
}

/** Everything needed to draw a chart. */
export function chartView(c: ChartModel): ChartView {
  const src = readChartSource(c);
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    title: c.title,
    categoryTitle: c.axisTitles?.category ?? "",
    valueTitle: c.axisTitles?.value ?? "",
    legend: {
      visible: c.legend?.visible ?? src.series.length > 1,
      position: c.legend?.position ?? "Bottom",
    },
    box: box(c),
    ...src,
  };
}
