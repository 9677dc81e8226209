/**
 * Draws a native chart of the simulated workbook as an SVG clustered column chart: chart area, title, value axis
 * with gridlines and tick labels, category labels, optional axis titles, one colour per series and a legend when
 * the chart shows one (src/workbook/view/chart.ts decides series, categories and the legend's default). Colours
 * are Office's default theme accents (Accent 1–6); the chart area, text and gridlines follow the page theme's CSS
 * variables, so it reads in light and dark. All workbook text is rendered as SVG text nodes (escaped by React).
 *
 * Other chart types are drawn as clustered columns too, with their type named in the accessible label.
 */
import type { ReactElement } from "react";
import { formatValue } from "../workbook/numberFormat";
import type { ChartDraw } from "./viewTypes";

/** Office theme accents 1–6 (the default chart palette). */
export const SERIES_COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

/** A "nice" axis: rounded bounds and step covering [min, max] with about `ticks` intervals. */
export function niceScale(min: number, max: number, ticks = 5): { lo: number; hi: number; step: number } {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (lo === hi) hi = lo + 1;
  const raw = (hi - lo) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  return { lo, hi, step };
}

/** Tick label text: thousands separators, decimals only when the step needs them. */
function tickText(v: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
  return formatValue(Math.abs(v) < step / 1e6 ? 0 : v, decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0");
}

/** Shortens a label to about `max` characters with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export interface ChartBoxProps {
  chart: ChartDraw;
  width: number;
  height: number;
  /** Accessible name prefix, e.g. "Chart". */
  label: string;
}

export function ChartBox({ chart, width, height, label }: ChartBoxProps): ReactElement {
  const fg = "var(--pg-cell-fg, #000)";
  const muted = "var(--pg-header-fg, #595959)";
  const grid = "var(--pg-grid-line, #d9d9d9)";
  const series = chart.series;
  const cats = chart.categories;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { lo, hi, step } = niceScale(
    values.length ? Math.min(...values) : 0,
    values.length ? Math.max(...values) : 1,
  );

  const titleH = chart.title ? 26 : 8;
  const legendH = chart.legend.visible && series.length ? 22 : 0;
  const catTitleH = chart.categoryTitle ? 18 : 0;
  const valTitleW = chart.valueTitle ? 18 : 0;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(t);
  const tickW = Math.max(...ticks.map((t) => tickText(t, step).length)) * 6.5 + 8;
  const plot = {
    x: 8 + valTitleW + tickW,
    y: titleH + 6,
    w: 0,
    h: 0,
  };
  plot.w = Math.max(10, width - plot.x - 12);
  plot.h = Math.max(10, height - plot.y - 20 - catTitleH - legendH - 6);
  const yOf = (v: number) => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;
  const band = cats.length ? plot.w / cats.length : plot.w;
  const gap = band * 0.25;
  const barW = series.length ? (band - gap) / series.length : 0;
  const maxChars = Math.max(3, Math.floor(band / 6.5));
  const summary = series
    .map((s) => `${s.name}: ${s.values.map((v, i) => `${cats[i]} ${v ?? "–"}`).join(", ")}`)
    .join("; ");

  return (
    <svg
      data-chart={chart.name}
      role="img"
      aria-label={`${label}: ${chart.title || chart.name}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ display: "block", fontFamily: "system-ui, 'Microsoft YaHei', 'PingFang SC', sans-serif" }}
    >
      <desc>{summary}</desc>
      <rect
        data-chart-area=""
        x={0.5}
        y={0.5}
        width={width - 1}
        height={height - 1}
        fill="var(--pg-chart-bg, #fff)"
        stroke={grid}
      />
      {chart.title ? (
        <text data-chart-title="" x={width / 2} y={19} textAnchor="middle" fontSize={14} fill={fg}>
          {chart.title}
        </text>
      ) : null}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={plot.x} x2={plot.x + plot.w} y1={yOf(t)} y2={yOf(t)} stroke={grid} />
          <text x={plot.x - 4} y={yOf(t) + 4} textAnchor="end" fontSize={10} fill={muted}>
            {tickText(t, step)}
          </text>
        </g>
      ))}
      {cats.map((c, i) => (
        <text
          key={`c${i}`}
          data-category-label=""
          x={plot.x + band * i + band / 2}
          y={plot.y + plot.h + 14}
          textAnchor="middle"
          fontSize={10}
          fill={muted}
        >
          {clip(c, maxChars)}
        </text>
      ))}
      {series.map((s, si) =>
        s.values.map((v, i) => {
          if (v === null) return null;
          const top = yOf(Math.max(0, v));
          const bottom = yOf(Math.min(0, v));
          return (
            <rect
              key={`${si}:${i}`}
              data-bar=""
              data-series={s.name}
              data-category={cats[i]}
              data-value={v}
              x={plot.x + band * i + gap / 2 + barW * si}
              y={top}
              width={Math.max(1, barW - 1)}
              height={Math.max(v === 0 ? 0 : 1, bottom - top)}
              fill={SERIES_COLORS[si % SERIES_COLORS.length]}
            >
              <title>{`${s.name} · ${cats[i]}: ${formatValue(v, "#,##0.##")}`}</title>
            </rect>
          );
        }),
      )}
      <line x1={plot.x} x2={plot.x + plot.w} y1={yOf(0)} y2={yOf(0)} stroke={muted} />
      {chart.valueTitle ? (
        <text
          data-axis-title="value"
          transform={`translate(${8 + valTitleW / 2 + 4} ${plot.y + plot.h / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={11}
          fill={fg}
        >
          {chart.valueTitle}
        </text>
      ) : null}
      {chart.categoryTitle ? (
        <text
          data-axis-title="category"
          x={plot.x + plot.w / 2}
          y={plot.y + plot.h + 18 + catTitleH}
          textAnchor="middle"
          fontSize={11}
          fill={fg}
        >
          {chart.categoryTitle}
        </text>
      ) : null}
      {legendH ? (
        <g data-legend="">
          {series.map((s, si) => {
            const slot = width / series.length;
            const x = slot * si + slot / 2 - Math.min(slot / 2 - 4, (s.name.length * 6.5 + 14) / 2);
            const y = height - legendH + 4;
            return (
              <g key={si}>
                <rect x={x} y={y + 2} width={9} height={9} fill={SERIES_COLORS[si % SERIES_COLORS.length]} />
                <text x={x + 13} y={y + 10} fontSize={10} fill={fg}>
                  {clip(s.name, Math.max(3, Math.floor((slot - 20) / 6.5)))}
                </text>
              </g>
            );
          })}
        </g>
      ) : null}
    </svg>
  );
}
