/**
 * The playground's spreadsheet grid: virtualised by rows and columns. Only the cells intersecting the viewport
 * (plus a small overscan) exist in the DOM; a spacer element of the full sheet size gives the scrollbars their
 * range, and the column-letter row and row-number column stay in place with `position: sticky`. Nothing is done
 * per row of the sheet on render, so a 1,048,576-row sheet draws as fast as a small one.
 *
 * Cells show the view's formatted text, alignment, fill, font colour, bold/italic and data bars; every selected
 * area is shaded and the active cell outlined; the sheet's charts are drawn where their position puts them
 * (./ChartBox.tsx). All workbook text is rendered as React text (escaped), never as HTML.
 *
 * Keyboard, as Excel's ("Keyboard shortcuts in Excel",
 * https://support.microsoft.com/office/keyboard-shortcuts-in-excel-1798d9d5-842a-42b8-9c99-9b7213f0040f):
 * - Ready: arrows, PageUp/PageDown, Home, Ctrl+Home, Ctrl+End (last used cell), Ctrl+arrow (edge of the used
 *   range — Excel stops at the edge of the current data region; the playground at the used range's edge), Enter /
 *   Shift+Enter down / up, Tab / Shift+Tab right / left. After a run of Tabs, Enter goes to the next row at the
 *   column where the run started ("Enter data manually in worksheet cells": press Tab to move right, then Enter to
 *   go to the beginning of the next row). Tab on the grid's last column and Shift+Tab on column A leave the grid to
 *   the next / previous control (the playground's decision: Excel has no edge there, a web page must not trap the
 *   keyboard — WCAG 2.1.2; F6 leaves from anywhere, see ./regions.ts).
 * - Typing a character starts editing in the cell with that character (Enter mode), F2 or a double-click edits the
 *   cell's content (Edit mode), Backspace starts an empty edit, Delete clears the active area's cells in use.
 *   While editing: Enter / Shift+Enter / Tab / Shift+Tab commit and move, Esc cancels, arrow keys commit and move in
 *   Enter mode for a constant (in a formula they move the caret: Excel's Point mode, which inserts references, is
 *   not modelled), F2 switches Enter and Edit mode; the formula autocomplete is ./FormulaInput.tsx.
 * - Alt+Shift+F10 opens the error indicator's message for the active cell (Excel's smart-tag shortcut).
 * The grid shows a focus ring (over its cells) while it has the keyboard focus; the active cell is always outlined.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties, KeyboardEvent, MouseEvent, ReactElement, RefObject } from "react";
import { ChartBox } from "./ChartBox";
import { FormulaInput } from "./FormulaInput";
import type { FunctionEntry } from "./functionCatalog";
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
import type { CellArea, CellView, ChartDraw, EditState, GridView } from "./viewTypes";

/** The grid's own user-facing strings (./i18n.ts). */
export interface GridStrings {
  cellEditor: string;
  functionList: string;
  errorIndicator: string;
  chart: string;
  /** How to leave the grid with the keyboard (the grid's accessible description). */
  keyboardHelp: string;
}

const DEFAULT_STRINGS: GridStrings = {
  cellEditor: "Cell editor",
  functionList: "Functions",
  errorIndicator: "Error message",
  chart: "Chart",
  keyboardHelp: "F6 moves to the task pane.",
};

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
  /** The cell being edited (shared with the formula bar), or null. */
  edit?: EditState | null;
  /** Starts, updates or ends (null) an edit; absent = the grid cannot be edited. */
  onEdit?: (next: EditState | null) => void;
  /** Writes an edit into its cell (the grid then moves and ends the edit). */
  onCommit?: (edit: EditState) => void;
  /** Functions for the in-cell autocomplete. */
  functions?: readonly FunctionEntry[];
  /** The message of the error in a cell (a custom function's), for the error indicator. */
  cellError?: (row: number, col: number) => string | undefined;
  strings?: GridStrings;
  /** Receives the grid element (for focus moves from outside, e.g. F6). */
  gridRef?: RefObject<HTMLDivElement>;
  /** What editing a cell starts from: its formula, else its value as text (the formula bar's content). */
  cellInput?: (sheet: string, row: number, col: number) => string;
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

/**
 * Style of one cell. `spill` > 0: left-aligned text wider than its cell runs on over that many pixels of empty cells
 * to its right, as Excel draws it ("text that is too wide overflows into the next cell if that cell is empty" —
 * Microsoft support, "Wrap text in a cell"); numbers never spill. The cell keeps its own width and fill; its text is
 * drawn above the empty neighbours and cut where the first non-empty one starts.
 */
function cellStyle(
  cv: CellView,
  left: number,
  top: number,
  width: number,
  active: boolean,
  spill = 0,
): CSSProperties {
  const spilled: CSSProperties =
    spill > 0 ? { overflow: "visible", textOverflow: "clip", zIndex: active ? 2 : 1 } : {};
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
    outline: active ? "2px solid var(--pg-select, #107c41)" : undefined,
    outlineOffset: active ? -2 : undefined,
    zIndex: active ? 1 : undefined,
    ...spilled,
  };
}

/**
 * Generous width in pixels of `text` at the grid's 13 px font, bold included (CJK characters count about double).
 * Over-estimating only lets a cell spill where its text would have fitted anyway; under-estimating cut bold titles.
 */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 15 : 9;
  return w;
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

/** A key that types a character (starts an edit in Ready mode). */
const isTypingKey = (e: KeyboardEvent): boolean =>
  e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

export function Grid({
  view,
  sheet,
  version,
  label,
  fallbackSize = DEFAULT_FALLBACK,
  edit = null,
  onEdit,
  onCommit,
  functions = [],
  cellError,
  strings = DEFAULT_STRINGS,
  gridRef,
  cellInput,
}: GridProps): ReactElement {
  const inputOf = useCallback(
    (row: number, col: number) => (cellInput ? cellInput(sheet, row, col) : view.cell(sheet, row, col).text),
    [cellInput, view, sheet],
  );
  const ownRef = useRef<HTMLDivElement>(null);
  const scroller = gridRef ?? ownRef;
  const editorRef = useRef<HTMLInputElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [focused, setFocused] = useState(false);
  const [errorOpen, setErrorOpen] = useState(false);
  /** Column where a run of Tabs started (Enter then returns to it on the next row). */
  const tabStart = useRef<number | null>(null);
  /** Set while an edit is being ended by a key, so the editor's blur (focus back to the grid) does not commit it. */
  const ending = useRef(false);
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
  const charts = useMemo(() => view.charts?.(sheet) ?? [], [view, sheet, version]);
  // Columns reach at least the viewport's right edge and every chart's right edge.
  const chartRight = charts.reduce((m, c) => Math.max(m, Math.ceil(c.box.x1)), 0);
  const filled = useMemo(() => {
    const out = widths.slice();
    let total = out.reduce((a, b) => a + b, 0);
    while (total < size.width - ROW_HEADER_WIDTH || out.length < chartRight) {
      out.push(columnPixels(undefined));
      total += out[out.length - 1];
    }
    return out;
  }, [widths, size.width, chartRight]);
  const offsets = useMemo(() => columnOffsets(filled), [filled]);
  const totalWidth = offsets[offsets.length - 1];

  const rows = visibleRows(scroll.top, bodyHeight, rowCount);
  const cols = visibleColumns(offsets, scroll.left, size.width - ROW_HEADER_WIDTH);

  const sel = view.selection();
  const onSheet = sel && sel.sheet === sheet ? sel : null;
  const selRow = onSheet ? onSheet.row : -1;
  const selCol = onSheet ? onSheet.col : -1;
  const areas: CellArea[] = onSheet ? (onSheet.areas ?? [onSheet]) : [];
  const editing = edit && edit.sheet === sheet ? edit : null;
  const errorMessage = selRow >= 0 && !editing ? cellError?.(selRow, selCol) : undefined;

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setScroll((s) =>
      s.top === el.scrollTop && s.left === el.scrollLeft ? s : { top: el.scrollTop, left: el.scrollLeft },
    );
  }, [scroller]);

  /**
   * Scrolls an area into view. "nearest" scrolls as little as possible (keyboard moves); "jump" brings an area
   * that is not fully visible to a third of the way down (a selection made from the task pane), or to the top when
   * it is taller than the view.
   */
  const reveal = useCallback(
    (a: CellArea, how: "nearest" | "jump") => {
      const el = scroller.current;
      if (!el) return;
      const top = a.row * ROW_HEIGHT;
      const height = Math.min(a.rowCount, 1_048_576) * ROW_HEIGHT;
      const viewTop = el.scrollTop;
      const visible = top >= viewTop && top + Math.min(height, bodyHeight) <= viewTop + bodyHeight;
      if (!visible) {
        if (how === "nearest")
          el.scrollTop = top < viewTop ? top : top + Math.min(height, bodyHeight) - bodyHeight;
        else el.scrollTop = height >= bodyHeight ? top : Math.max(0, top - Math.floor(bodyHeight / 3));
      }
      const last = offsets.length - 2;
      const left = offsets[Math.min(a.col, last)] ?? 0;
      const right = offsets[Math.min(a.col + Math.max(1, Math.min(a.colCount, 64)), last + 1)] ?? left;
      const viewWidth = size.width - ROW_HEADER_WIDTH;
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (right > el.scrollLeft + viewWidth) el.scrollLeft = Math.min(left, right - viewWidth);
      onScroll();
    },
    [bodyHeight, offsets, size.width, onScroll, scroller],
  );

  // A selection made elsewhere (the task pane's Range.select(), another sheet) is scrolled into view.
  const selKey = onSheet
    ? `${sheet}|${areas.map((a) => `${a.row},${a.col},${a.rowCount},${a.colCount}`).join(";")}`
    : sheet;
  useEffect(() => {
    if (onSheet) reveal(areas[0] ?? onSheet, "jump");
    else {
      const el = scroller.current;
      if (el) {
        el.scrollTop = 0;
        el.scrollLeft = 0;
      }
      setScroll({ top: 0, left: 0 });
    }
    setErrorOpen(false);
    // Only when the selection or the sheet changes (not on every repaint).
  }, [selKey]);

  const focusGrid = useCallback(() => scroller.current?.focus({ preventScroll: true }), [scroller]);

  const moveTo = useCallback(
    (row: number, col: number) => {
      const r = Math.min(rowCount - 1, Math.max(0, row));
      const c = Math.min(filled.length - 1, Math.max(0, col));
      view.select(sheet, r, c);
      reveal({ row: r, col: c, rowCount: 1, colCount: 1 }, "nearest");
    },
    [rowCount, filled.length, view, sheet, reveal],
  );

  /** Where Enter/Tab/arrows go from (row, col); Enter after a run of Tabs returns to the run's first column. */
  const step = useCallback((row: number, col: number, key: string, shift: boolean): [number, number] => {
    if (key === "Tab") {
      if (tabStart.current === null) tabStart.current = col;
      return [row, col + (shift ? -1 : 1)];
    }
    if (key === "Enter") {
      const back = tabStart.current;
      tabStart.current = null;
      return [row + (shift ? -1 : 1), !shift && back !== null ? back : col];
    }
    tabStart.current = null;
    const d: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const [dr, dc] = d[key] ?? [0, 0];
    return [row + dr, col + dc];
  }, []);

  const startEdit = useCallback(
    (draft: string, mode: EditState["mode"]) => {
      if (!onEdit || selRow < 0) return;
      onEdit({
        sheet,
        row: selRow,
        col: selCol,
        draft,
        surface: "cell",
        mode,
        original: inputOf(selRow, selCol),
      });
    },
    [onEdit, sheet, selRow, selCol, inputOf],
  );

  const onMouseDown = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const target = (e.target as HTMLElement).closest<HTMLElement>("[data-row]");
      if (!target) return;
      tabStart.current = null;
      view.select(sheet, Number(target.dataset.row), Number(target.dataset.col));
      focusGrid();
    },
    [view, sheet, focusGrid],
  );

  const onDoubleClick = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const target = (e.target as HTMLElement).closest<HTMLElement>("[data-row]");
      if (!target || !onEdit) return;
      const row = Number(target.dataset.row);
      const col = Number(target.dataset.col);
      const draft = inputOf(row, col);
      onEdit({ sheet, row, col, draft, surface: "cell", mode: "edit", original: draft });
    },
    [onEdit, sheet, inputOf],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.target !== scroller.current) return; // keys typed into the cell editor or a chart are theirs
      const page = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1);
      const row = Math.max(0, selRow);
      const col = Math.max(0, selCol);
      const lastCol = filled.length - 1;
      if (e.key === "F10" && e.altKey && e.shiftKey) {
        if (errorMessage) {
          e.preventDefault();
          setErrorOpen((o) => !o);
        }
        return;
      }
      if (e.key === "Tab") {
        // Leave the grid at its edges (the browser moves focus on).
        if ((!e.shiftKey && col >= lastCol) || (e.shiftKey && col <= 0)) {
          tabStart.current = null;
          return;
        }
        e.preventDefault();
        const [r, c] = step(row, col, "Tab", e.shiftKey);
        moveTo(r, c);
        return;
      }
      if (e.key === "Enter" || (e.key.startsWith("Arrow") && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        const [r, c] = step(row, col, e.key, e.shiftKey);
        moveTo(r, c);
        return;
      }
      if (e.key.startsWith("Arrow") && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        tabStart.current = null;
        const lastRow = Math.max(0, used.rowCount - 1);
        const lastUsedCol = Math.max(0, used.columnCount - 1);
        if (e.key === "ArrowUp") moveTo(0, col);
        else if (e.key === "ArrowDown") moveTo(row < lastRow ? lastRow : rowCount - 1, col);
        else if (e.key === "ArrowLeft") moveTo(row, 0);
        else moveTo(row, col < lastUsedCol ? lastUsedCol : lastCol);
        return;
      }
      if (e.key === "PageUp" || e.key === "PageDown") {
        e.preventDefault();
        tabStart.current = null;
        moveTo(row + (e.key === "PageUp" ? -page : page), col);
        return;
      }
      if (e.key === "Home") {
        e.preventDefault();
        tabStart.current = null;
        moveTo(e.ctrlKey || e.metaKey ? 0 : row, 0);
        return;
      }
      if (e.key === "End" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        tabStart.current = null;
        moveTo(Math.max(0, used.rowCount - 1), Math.max(0, used.columnCount - 1));
        return;
      }
      if (!onEdit || selRow < 0) return;
      if (e.key === "F2") {
        e.preventDefault();
        startEdit(inputOf(row, col), "edit");
      } else if (e.key === "Backspace") {
        e.preventDefault();
        startEdit("", "enter");
      } else if (e.key === "Delete") {
        e.preventDefault();
        clearArea(view, sheet, onSheet ?? { row, col, rowCount: 1, colCount: 1 }, used);
      } else if (isTypingKey(e)) {
        e.preventDefault();
        startEdit(e.key, "enter");
      } else if (e.key === "Process" || e.key === "Unidentified") {
        // An input method is composing (Chinese, Japanese …): open the editor so the composition lands in it.
        startEdit("", "enter");
      }
    },
    [
      scroller,
      bodyHeight,
      selRow,
      selCol,
      filled.length,
      errorMessage,
      step,
      moveTo,
      used,
      rowCount,
      onEdit,
      startEdit,
      inputOf,
      view,
      sheet,
      onSheet,
    ],
  );

  /** Ends the edit: commits (and moves by `key`) or cancels, and gives the keyboard back to the grid. */
  const finishEdit = useCallback(
    (how: "commit" | "cancel", key?: string, shift = false) => {
      if (!editing) return;
      ending.current = true;
      if (how === "commit") {
        onCommit?.(editing);
        if (key) {
          const [r, c] = step(editing.row, editing.col, key, shift);
          onEdit?.(null);
          moveTo(r, c);
        } else onEdit?.(null);
      } else onEdit?.(null);
      focusGrid();
      ending.current = false;
    },
    [editing, onCommit, onEdit, step, moveTo, focusGrid],
  );

  const onEditorKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      finishEdit("commit", e.key, e.shiftKey);
    } else if (e.key === "Escape") {
      e.preventDefault();
      finishEdit("cancel");
    } else if (e.key === "F2") {
      e.preventDefault();
      onEdit?.({ ...editing, mode: editing.mode === "enter" ? "edit" : "enter" });
    } else if (
      e.key.startsWith("Arrow") &&
      editing.mode === "enter" &&
      !editing.draft.startsWith("=") &&
      !e.shiftKey
    ) {
      e.preventDefault();
      finishEdit("commit", e.key);
    }
  };

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
      const active = r === selRow && c === selCol;
      // Excel's overflow of long text into empty cells to the right (see cellStyle).
      let spill = 0;
      if (cv.align === "left" && textWidth(cv.text) > filled[c] - 8) {
        for (let n = c + 1; n <= cols.last && spill < textWidth(cv.text); n++) {
          if (view.cell(sheet, r, n).text !== "") break;
          spill += filled[n];
        }
      }
      cells.push(
        <div
          key={`${r}:${c}`}
          role="gridcell"
          aria-selected={active || areas.some((a) => inArea(a, r, c))}
          data-row={r}
          data-col={c}
          data-active={active ? "" : undefined}
          title={cv.text.length > 12 ? cv.text : undefined}
          data-spill={spill > 0 ? spill : undefined}
          style={cellStyle(cv, offsets[c], r * ROW_HEIGHT, filled[c], active, spill)}
        >
          {cv.dataBar ? <DataBar fraction={cv.dataBar.fraction} color={cv.dataBar.color} /> : null}
          <span
            style={
              spill > 0
                ? {
                    position: "relative",
                    display: "inline-block",
                    maxWidth: filled[c] + spill - 8,
                    overflow: "hidden",
                    textOverflow: "ellipsis",
                    verticalAlign: "top",
                  }
                : { position: "relative" }
            }
          >
            {cv.text}
          </span>
        </div>,
      );
    }
  }

  // Shading of the selected areas (only the part inside the rendered window), beyond a single active cell.
  const shades =
    areas.length > 1 || (areas[0] && (areas[0].rowCount > 1 || areas[0].colCount > 1))
      ? areas.map((a, i) => {
          const r0 = Math.max(a.row, rows.first);
          const r1 = Math.min(a.row + a.rowCount - 1, rows.last);
          const c0 = Math.max(a.col, cols.first);
          const c1 = Math.min(a.col + a.colCount - 1, cols.last);
          if (r1 < r0 || c1 < c0) return null;
          return (
            <div
              key={`area${i}`}
              data-selected-area={i}
              aria-hidden="true"
              style={{
                position: "absolute",
                left: offsets[c0],
                top: r0 * ROW_HEIGHT,
                width: offsets[c1 + 1]! - offsets[c0]!,
                height: (r1 - r0 + 1) * ROW_HEIGHT,
                background: "var(--pg-select-shade, rgba(16,124,65,0.14))",
                border: "1px solid var(--pg-select, #107c41)",
                boxSizing: "border-box",
                pointerEvents: "none",
                zIndex: 2,
              }}
            />
          );
        })
      : null;

  const chartBoxes = charts.map((ch) => chartPlacement(ch, offsets, filled));

  const editorWidth = editing
    ? Math.min(640, Math.max(filled[editing.col] ?? 90, (editing.draft.length + 2) * 8))
    : 0;
  const errorId = `${gridIdFor(label)}-error`;
  const helpId = `${gridIdFor(label)}-help`;

  return (
    <div style={{ position: "relative", width: "100%", height: "100%" }}>
      <div
        ref={scroller}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount}
        aria-colcount={filled.length}
        aria-describedby={errorMessage ? `${helpId} ${errorId}` : helpId}
        aria-keyshortcuts="F6 Shift+F6"
        data-sheet={sheet}
        data-selected={selRow >= 0 ? cellAddress(selRow, selCol) : undefined}
        data-focused={focused ? "" : undefined}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target === scroller.current) setFocused(true);
        }}
        onBlur={(e) => {
          if (e.target === scroller.current) setFocused(false);
        }}
        style={{
          position: "relative",
          overflow: "auto",
          width: "100%",
          height: "100%",
          boxSizing: "border-box",
          background: "var(--pg-cell-bg, #fff)",
          outline: "none",
        }}
      >
        <span id={helpId} hidden>
          {strings.keyboardHelp}
        </span>
        {errorMessage ? (
          <span id={errorId} hidden>
            {errorMessage}
          </span>
        ) : null}
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
              zIndex: 4,
              height: HEADER_HEIGHT,
              width: ROW_HEADER_WIDTH + totalWidth,
            }}
          >
            <div style={{ ...headerCell, position: "sticky", left: 0, width: ROW_HEADER_WIDTH, zIndex: 5 }} />
            {colHeaders}
          </div>
          <div
            data-rowheaders=""
            style={{
              position: "sticky",
              left: 0,
              zIndex: 3,
              width: ROW_HEADER_WIDTH,
              height: rowCount * ROW_HEIGHT,
            }}
          >
            {rowHeaders}
          </div>
          <div
            data-cells=""
            onMouseDown={onMouseDown}
            onDoubleClick={onDoubleClick}
            style={{ position: "absolute", left: ROW_HEADER_WIDTH, top: HEADER_HEIGHT, zIndex: 1 }}
          >
            {cells}
            {shades}
            {chartBoxes.map(({ chart, left, top, width, height }) => (
              <div
                key={chart.id}
                data-chart-box={chart.name}
                style={{
                  position: "absolute",
                  left,
                  top,
                  width,
                  height,
                  zIndex: 2,
                  boxShadow: "0 1px 4px rgba(0,0,0,0.25)",
                }}
              >
                <ChartBox chart={chart} width={width} height={height} label={strings.chart} />
              </div>
            ))}
            {errorMessage ? (
              <ErrorIndicator
                message={errorMessage}
                label={strings.errorIndicator}
                left={(offsets[selCol] ?? 0) + (filled[selCol] ?? 0) + 2}
                top={selRow * ROW_HEIGHT + 2}
                open={errorOpen}
                onToggle={() => setErrorOpen((o) => !o)}
              />
            ) : null}
            {editing ? (
              <div
                data-cell-editor=""
                style={{
                  position: "absolute",
                  left: offsets[editing.col] ?? 0,
                  top: editing.row * ROW_HEIGHT,
                  width: editorWidth,
                  height: ROW_HEIGHT,
                  zIndex: 6,
                }}
              >
                <FormulaInput
                  id={`${gridIdFor(label)}-editor`}
                  inputRef={editorRef}
                  value={editing.draft}
                  onChange={(draft) => onEdit?.({ ...editing, draft })}
                  onKeyDown={onEditorKeyDown}
                  onBlur={(e) => {
                    // Leaving the editor (a click elsewhere) commits, as in Excel; moving into the formula bar keeps
                    // the edit going there.
                    const next = e.relatedTarget as HTMLElement | null;
                    if (ending.current || next?.closest("[data-formula-bar]")) return;
                    if (edit?.surface === "cell") {
                      if (editing.draft !== editing.original) onCommit?.(editing);
                      onEdit?.(null);
                    }
                  }}
                  functions={functions}
                  label={strings.cellEditor}
                  listLabel={strings.functionList}
                  autoFocus={editing.surface === "cell"}
                  readOnly={editing.surface !== "cell"}
                  style={{
                    width: "100%",
                    height: ROW_HEIGHT,
                    boxSizing: "border-box",
                    margin: 0,
                    padding: "0 3px",
                    border: "2px solid var(--pg-select, #107c41)",
                    outline: "none",
                    fontSize: 13,
                    fontFamily: "system-ui, 'Microsoft YaHei', 'PingFang SC', sans-serif",
                    background: "var(--pg-cell-bg, #fff)",
                    color: "var(--pg-cell-fg, #000)",
                  }}
                />
              </div>
            ) : null}
          </div>
        </div>
      </div>
      {focused ? (
        // The grid's focus ring, drawn over the cells and headers (an inset shadow on the scrolling element itself is
        // painted under its positioned cells, so it would not show).
        <div
          data-focus-ring=""
          aria-hidden="true"
          style={{
            position: "absolute",
            inset: 0,
            pointerEvents: "none",
            zIndex: 10,
            boxShadow: "inset 0 0 0 2px var(--pg-focus, #0f6cbd)",
          }}
        />
      ) : null}
    </div>
  );
}

/** The error indicator next to the active cell; hovering, focusing or clicking it shows the message. */
function ErrorIndicator(props: {
  message: string;
  label: string;
  left: number;
  top: number;
  open: boolean;
  onToggle: () => void;
}): ReactElement {
  const [hover, setHover] = useState(false);
  const shown = props.open || hover;
  return (
    <div
      data-error-indicator=""
      style={{ position: "absolute", left: props.left, top: props.top, zIndex: 7 }}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onMouseDown={(e) => e.stopPropagation()}
    >
      <button
        type="button"
        tabIndex={-1}
        aria-label={props.label}
        aria-expanded={shown}
        onClick={props.onToggle}
        style={{
          width: 18,
          height: 18,
          padding: 0,
          border: "1px solid #c19c00",
          borderRadius: 2,
          background: "#fff4ce",
          color: "#8a6100",
          fontWeight: 700,
          fontSize: 12,
          lineHeight: "16px",
          cursor: "pointer",
        }}
      >
        !
      </button>
      {shown ? (
        <div
          role="tooltip"
          data-error-message=""
          style={{
            position: "absolute",
            left: 0,
            top: 22,
            width: "max-content",
            maxWidth: 320,
            padding: "6px 8px",
            background: "var(--pg-bar-bg, #fff)",
            color: "var(--pg-cell-fg, #000)",
            border: "1px solid var(--pg-grid-line, #c8c8c8)",
            boxShadow: "0 4px 12px rgba(0,0,0,0.25)",
            fontSize: 12,
            whiteSpace: "normal",
            fontFamily: "system-ui, 'Microsoft YaHei', 'PingFang SC', sans-serif",
          }}
        >
          {props.message}
        </div>
      ) : null}
    </div>
  );
}

const inArea = (a: CellArea, r: number, c: number): boolean =>
  r >= a.row && r < a.row + a.rowCount && c >= a.col && c < a.col + a.colCount;

/** Delete: clears the cells of the active area that are in use (never the endless rest of a whole column). */
function clearArea(
  view: GridView,
  sheet: string,
  a: CellArea,
  used: { rowCount: number; columnCount: number },
): void {
  const r1 = Math.min(a.row + a.rowCount, used.rowCount);
  const c1 = Math.min(a.col + a.colCount, used.columnCount);
  for (let r = a.row; r < r1; r++) for (let c = a.col; c < c1; c++) view.setCellInput?.(sheet, r, c, "");
}

/** Pixel box of a chart on the grid's columns (fractional column indices) and fixed-height rows. */
function chartPlacement(
  chart: ChartDraw,
  offsets: readonly number[],
  widths: readonly number[],
): { chart: ChartDraw; left: number; top: number; width: number; height: number } {
  const x = (v: number) => {
    const c = Math.min(Math.floor(v), widths.length - 1);
    return (offsets[c] ?? 0) + (v - c) * (widths[c] ?? 0);
  };
  const left = x(chart.box.x0);
  const top = chart.box.y0 * ROW_HEIGHT;
  return {
    chart,
    left,
    top,
    width: Math.max(120, x(chart.box.x1) - left),
    height: Math.max(90, (chart.box.y1 - chart.box.y0) * ROW_HEIGHT),
  };
}

/** A stable id prefix from the grid's label. */
function gridIdFor(label: string): string {
  return `pg-grid-${label.replace(/[^A-Za-z0-9]/g, "") || "sheet"}`;
}
