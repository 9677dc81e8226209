/**
 * The playground's spreadsheet grid: virtualised by rows and columns. Only the cells intersecting the viewport
 * (plus a small overscan) exist in the DOM; a spacer element of the full sheet size gives the scrollbars their
 * range, and the column-letter row and row-number column stay in place with `position: sticky`.
 *
 * Cells show the view's formatted text, alignment, fill, font colour, bold/italic and data bars. Clicking
 * selects (`view.select`), arrow keys / PageUp / PageDown / Home move the selection. All workbook text is
 * rendered as React text (escaped), never as HTML.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties, KeyboardEvent, MouseEvent, ReactElement, RefObject } from "react";
import {
  HEADER_HEIGHT,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  cellAddress,
  columnName,
  columnOffsets,
  columnPixels,
  visibleColumns,
  visibleRows,
} from "./gridWindow";
import type { CellView, GridView } from "./viewTypes";

export interface GridProps {
  view: GridView;
  /** Sheet to show (the active sheet). */
  sheet: string;
  /** Bumped by the parent when the view reports a change, so the visible cells are re-read. */
  version: number;
  /** Accessible name of the grid. */
  label: string;
  /** Viewport used before the element can be measured (and in environments without layout). */
  fallbackSize?: { width: number; height: number };
}

/** Extra empty rows and columns shown after the used range, like Excel's endless sheet. */
const PAD_ROWS = 10;
const PAD_COLS = 2;

const BORDER = "1px solid var(--pg-grid-line, #e1e1e1)";

const headerCell: CSSProperties = {
  position: "absolute",
  top: 0,
  height: HEADER_HEIGHT,
  boxSizing: "border-box",
  borderRight: BORDER,
  borderBottom: BORDER,
  background: "var(--pg-header-bg, #f3f3f3)",
  color: "var(--pg-header-fg, #444)",
  fontSize: 12,
  lineHeight: "21px",
  fontFamily: "system-ui, sans-serif",
  textAlign: "center",
  userSelect: "none",
};

const dataCell: CSSProperties = {
  position: "absolute",
  height: ROW_HEIGHT,
  boxSizing: "border-box",
  borderRight: BORDER,
  borderBottom: BORDER,
  padding: "0 4px",
  overflow: "hidden",
  whiteSpace: "nowrap",
  textOverflow: "ellipsis",
  fontSize: 13,
  lineHeight: "21px",
  fontFamily: "system-ui, 'Microsoft YaHei', 'PingFang SC', sans-serif",
  cursor: "cell",
};

function cellStyle(cv: CellView, left: number, top: number, width: number, selected: boolean): CSSProperties {
  return {
    ...dataCell,
    left,
    top,
    width,
    textAlign: cv.align,
    background: cv.fill ?? "var(--pg-cell-bg, #fff)",
    color: cv.color ?? "var(--pg-cell-fg, #000)",
    fontWeight: cv.bold ? 700 : 400,
    fontStyle: cv.italic ? "italic" : "normal",
    outline: selected ? "2px solid var(--pg-select, #107c41)" : undefined,
    outlineOffset: selected ? -2 : undefined,
    zIndex: selected ? 1 : undefined,
  };
}

function DataBar({ fraction, color }: { fraction: number; color: string }): ReactElement {
  const pct = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * 100;
  return (
    <span
      data-databar=""
      aria-hidden="true"
      style={{
        position: "absolute",
        left: 1,
        top: 3,
        bottom: 3,
        width: `calc(${pct}% - 2px)`,
        background: color,
        opacity: 0.55,
        pointerEvents: "none",
      }}
    />
  );
}

function useViewportSize(
  ref: RefObject<HTMLDivElement>,
  fallback: { width: number; height: number },
): { width: number; height: number } {
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth || fallback.width;
      const height = el.clientHeight || fallback.height;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, fallback.width, fallback.height]);
  return size;
}

const DEFAULT_FALLBACK = { width: 900, height: 600 };

export function Grid({
  view,
  sheet,
  version,
  label,
  fallbackSize = DEFAULT_FALLBACK,
}: GridProps): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const size = useViewportSize(scroller, fallbackSize);

  const used = view.usedSize(sheet);
  const bodyHeight = size.height - HEADER_HEIGHT;
  const rowCount = Math.max(used.rowCount + PAD_ROWS, Math.ceil(bodyHeight / ROW_HEIGHT));

  // Column widths change rarely: recompute when the sheet, its column count or the view changes.
  const baseColumns = used.columnCount + PAD_COLS;
  const widths = useMemo(() => {
    const out: number[] = [];
    for (let c = 0; c < baseColumns; c++) out.push(columnPixels(view.columnWidth?.(sheet, c)));
    return out;
    // version: widths can change after a sync.
  }, [view, sheet, baseColumns, version]);
  const filled = useMemo(() => {
    const out = widths.slice();
    let total = out.reduce((a, b) => a + b, 0);
    while (total < size.width - ROW_HEADER_WIDTH) {
      out.push(columnPixels(undefined));
      total += out[out.length - 1];
    }
    return out;
  }, [widths, size.width]);
  const offsets = useMemo(() => columnOffsets(filled), [filled]);
  const totalWidth = offsets[offsets.length - 1];

  const rows = visibleRows(scroll.top, bodyHeight, rowCount);
  const cols = visibleColumns(offsets, scroll.left, size.width - ROW_HEADER_WIDTH);

  const sel = view.selection();
  const selRow = sel && sel.sheet === sheet ? sel.row : -1;
  const selCol = sel && sel.sheet === sheet ? sel.col : -1;

  // A new sheet starts at the top-left.
  useEffect(() => {
    const el = scroller.current;
    if (el) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
    setScroll({ top: 0, left: 0 });
  }, [sheet]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setScroll((s) =>
      s.top === el.scrollTop && s.left === el.scrollLeft ? s : { top: el.scrollTop, left: el.scrollLeft },
    );
  }, []);

  const onMouseDown = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const target = (e.target as HTMLElement).closest<HTMLElement>("[data-row]");
      if (!target) return;
      view.select(sheet, Number(target.dataset.row), Number(target.dataset.col));
      scroller.current?.focus({ preventScroll: true });
    },
    [view, sheet],
  );

  /** Scrolls so that the cell is inside the viewport. */
  const reveal = useCallback(
    (row: number, col: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = row * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = top + ROW_HEIGHT - bodyHeight;
      const left = offsets[Math.min(col, offsets.length - 2)] ?? 0;
      const right = offsets[Math.min(col + 1, offsets.length - 1)] ?? left;
      const viewWidth = size.width - ROW_HEADER_WIDTH;
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (right > el.scrollLeft + viewWidth) el.scrollLeft = right - viewWidth;
      onScroll();
    },
    [bodyHeight, offsets, size.width, onScroll],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const page = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
        PageUp: [-page, 0],
        PageDown: [page, 0],
        Enter: [1, 0],
        Tab: [0, e.shiftKey ? -1 : 1],
      };
      let row = Math.max(0, selRow);
      let col = Math.max(0, selCol);
      if (e.key === "Home") {
        col = 0;
        if (e.ctrlKey) row = 0;
      } else if (moves[e.key]) {
        row = Math.min(rowCount - 1, Math.max(0, row + moves[e.key][0]));
        col = Math.min(filled.length - 1, Math.max(0, col + moves[e.key][1]));
      } else return;
      e.preventDefault();
      view.select(sheet, row, col);
      reveal(row, col);
    },
    [bodyHeight, selRow, selCol, rowCount, filled.length, view, sheet, reveal],
  );

  const colHeaders: ReactElement[] = [];
  const rowHeaders: ReactElement[] = [];
  const cells: ReactElement[] = [];
  for (let c = cols.first; c <= cols.last; c++) {
    colHeaders.push(
      <div
        key={c}
        role="columnheader"
        style={{
          ...headerCell,
          left: ROW_HEADER_WIDTH + offsets[c],
          width: filled[c],
          fontWeight: c === selCol ? 700 : 400,
        }}
      >
        {columnName(c)}
      </div>,
    );
  }
  for (let r = rows.first; r <= rows.last; r++) {
    rowHeaders.push(
      <div
        key={r}
        role="rowheader"
        style={{
          ...headerCell,
          top: r * ROW_HEIGHT,
          left: 0,
          width: ROW_HEADER_WIDTH,
          height: ROW_HEIGHT,
          fontWeight: r === selRow ? 700 : 400,
        }}
      >
        {r + 1}
      </div>,
    );
    for (let c = cols.first; c <= cols.last; c++) {
      const cv = view.cell(sheet, r, c);
      const selected = r === selRow && c === selCol;
      cells.push(
        <div
          key={`${r}:${c}`}
          role="gridcell"
          aria-selected={selected}
          data-row={r}
          data-col={c}
          title={cv.text.length > 12 ? cv.text : undefined}
          style={cellStyle(cv, offsets[c], r * ROW_HEIGHT, filled[c], selected)}
        >
          {cv.dataBar ? <DataBar fraction={cv.dataBar.fraction} color={cv.dataBar.color} /> : null}
          <span style={{ position: "relative" }}>{cv.text}</span>
        </div>,
      );
    }
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount}
      aria-colcount={filled.length}
      data-sheet={sheet}
      data-selected={selRow >= 0 ? cellAddress(selRow, selCol) : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      style={{
        position: "relative",
        overflow: "auto",
        width: "100%",
        height: "100%",
        background: "var(--pg-cell-bg, #fff)",
        outline: "none",
      }}
    >
      <div
        data-spacer=""
        style={{
          position: "relative",
          width: ROW_HEADER_WIDTH + totalWidth,
          height: HEADER_HEIGHT + rowCount * ROW_HEIGHT,
        }}
      >
        <div
          data-colheaders=""
          style={{
            position: "sticky",
            top: 0,
            zIndex: 3,
            height: HEADER_HEIGHT,
            width: ROW_HEADER_WIDTH + totalWidth,
          }}
        >
          <div style={{ ...headerCell, position: "sticky", left: 0, width: ROW_HEADER_WIDTH, zIndex: 4 }} />
          {colHeaders}
        </div>
        <div
          data-rowheaders=""
          style={{
            position: "sticky",
            left: 0,
            zIndex: 2,
            width: ROW_HEADER_WIDTH,
            height: rowCount * ROW_HEIGHT,
          }}
        >
          {rowHeaders}
        </div>
        <div
          data-cells=""
          onMouseDown={onMouseDown}
          style={{ position: "absolute", left: ROW_HEADER_WIDTH, top: HEADER_HEIGHT, zIndex: 1 }}
        >
          {cells}
        </div>
      </div>
    </div>
  );
}
