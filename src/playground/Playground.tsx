/**
 * The playground page layout: a top bar (product name, sample picker, language and theme switches) that wraps onto
 * more lines on narrow windows, the spreadsheet on the left (formula bar with the number-format picker, grid, sheet
 * tabs) and the real task pane on the right (`?pane=` px wide, 350 by default, like Office). Below 720 px of width
 * the pane goes under the sheet, full width. The task pane is mounted by the caller into the element handed to
 * `paneRef`.
 *
 * The page owns the one cell edit the grid and the formula bar share, the region moves of F6 / Shift+F6 / Ctrl+F6
 * (./regions.ts) and the number-format picker's action on the selection.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CSSProperties, ReactElement } from "react";
import { FileControls } from "./files/FileControls";
import { FormulaBar } from "./FormulaBar";
import type { FunctionEntry } from "./functionCatalog";
import { Grid } from "./Grid";
import { cellAddress } from "./gridWindow";
import { type PlaygroundStrings, playgroundStrings } from "./i18n";
import { type FormatCategory, categoryOf, formatFor } from "./numberFormats";
import { DEFAULT_PANE_WIDTH, type PlaygroundParams, type SampleChoice, type ThemeChoice } from "./params";
import { type Region, firstTabbable, nextRegion, regionKey } from "./regions";
import { SheetTabs } from "./SheetTabs";
import { useViewVersion } from "./useViewVersion";
import type { EditState, GridView } from "./viewTypes";

export interface PlaygroundProps {
  view: GridView;
  params: PlaygroundParams;
  /** The sample currently loaded (null after the automation hook loaded its own workbook). */
  sample: SampleChoice | null;
  onSample: (sample: SampleChoice) => void;
  /** Switch language or theme (the page reloads with `?lang=` / `?theme=`). */
  onParam: (key: "lang" | "theme", value: string) => void;
  /** Receives the element the task pane is mounted into. */
  paneRef: (el: HTMLElement | null) => void;
  /** The text the formula bar shows for a cell: its formula, else its value. Defaults to the cell's text. */
  cellInput?: (sheet: string, row: number, col: number) => string;
  /** A custom function's own message for a cell showing its error (formulaEval's `explain`). */
  errorMessage?: (sheet: string, row: number, col: number) => string | undefined;
  /** Functions the formula autocomplete offers (./functionCatalog.ts), in the display language. */
  functions?: readonly FunctionEntry[];
  /** Shown over the grid while a sample is being generated / loaded. */
  busy?: boolean;
}

const THEMES: Record<ThemeChoice, Record<string, string>> = {
  light: {
    "--pg-bg": "#faf9f8",
    "--pg-fg": "#242424",
    "--pg-bar-bg": "#ffffff",
    "--pg-top-bg": "#107c41",
    "--pg-top-fg": "#ffffff",
    "--pg-cell-bg": "#ffffff",
    "--pg-cell-fg": "#000000",
    "--pg-header-bg": "#f3f3f3",
    "--pg-header-fg": "#444444",
    "--pg-grid-line": "#e1e1e1",
    "--pg-select": "#107c41",
    "--pg-select-shade": "rgba(16,124,65,0.14)",
    "--pg-focus": "#0f6cbd",
    "--pg-pane-bg": "#ffffff",
    "--pg-chart-bg": "#ffffff",
  },
  dark: {
    "--pg-bg": "#1f1f1f",
    "--pg-fg": "#f0f0f0",
    "--pg-bar-bg": "#292929",
    "--pg-top-bg": "#0e5c31",
    "--pg-top-fg": "#ffffff",
    "--pg-cell-bg": "#1f1f1f",
    "--pg-cell-fg": "#e8e8e8",
    "--pg-header-bg": "#2b2b2b",
    "--pg-header-fg": "#c8c8c8",
    "--pg-grid-line": "#3a3a3a",
    "--pg-select": "#3fb870",
    "--pg-select-shade": "rgba(63,184,112,0.2)",
    "--pg-focus": "#62abf5",
    "--pg-pane-bg": "#292929",
    "--pg-chart-bg": "#262626",
  },
};

const selectStyle: CSSProperties = {
  fontSize: 13,
  fontFamily: "system-ui, 'Microsoft YaHei', sans-serif",
  padding: "2px 4px",
  borderRadius: 4,
  border: "1px solid rgba(255,255,255,0.6)",
  background: "rgba(255,255,255,0.12)",
  color: "inherit",
};

/**
 * Page rules inline styles cannot express: the narrow layout (the pane under the sheet below 720 px) and a visible
 * focus ring on the top bar's and sheet tabs' controls.
 */
const PAGE_CSS = `
[data-pg-top] select:focus-visible, [data-pg-tabs] button:focus-visible, [data-formula-bar] select:focus-visible {
  outline: 2px solid var(--pg-focus); outline-offset: 1px;
}
[data-formula-bar] input:focus-visible { outline: 2px solid var(--pg-focus); outline-offset: -1px; }
@media (max-width: 720px) {
  [data-pg-main] { flex-direction: column !important; }
  [data-pg-sheet] { flex: 1 1 55% !important; min-height: 240px; }
  [data-taskpane] { flex: 1 1 45% !important; width: auto !important; border-left: none !important;
    border-top: 1px solid var(--pg-grid-line); }
}`;

/** Excel's error-checking description of an error value, for cells without a custom function's message. */
function errorHelp(s: PlaygroundStrings, text: string): string | undefined {
  const map: Record<string, string> = {
    "#DIV/0!": s.errDiv0,
    "#N/A": s.errNA,
    "#NAME?": s.errName,
    "#VALUE!": s.errValue,
    "#REF!": s.errRef,
    "#NUM!": s.errNum,
  };
  return map[text];
}

export function Playground(props: PlaygroundProps): ReactElement {
  const { view, params, sample, onSample, onParam, paneRef, cellInput, busy } = props;
  const functions = props.functions ?? [];
  const version = useViewVersion(view);
  const s = playgroundStrings(params.lang);
  const paneWidth = params.paneWidth ?? DEFAULT_PANE_WIDTH;
  const sheet = view.activeSheetName();
  const sel = view.selection();
  const selected = sel && sel.sheet === sheet ? sel : null;
  const address = selected ? cellAddress(selected.row, selected.col) : "";
  const inputOf = useCallback(
    (sh: string, row: number, col: number) =>
      cellInput ? cellInput(sh, row, col) : view.cell(sh, row, col).text,
    [cellInput, view],
  );
  const content = selected ? inputOf(sheet, selected.row, selected.col) : "";
  const canEdit = typeof view.setCellInput === "function";

  const [edit, setEdit] = useState<EditState | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const paneEl = useRef<HTMLElement | null>(null);
  const topEl = useRef<HTMLDivElement>(null);
  const lastPaneFocus = useRef<HTMLElement | null>(null);

  // An edit ends when its sheet is no longer shown (sample switched, workbook reloaded).
  useEffect(() => {
    if (edit && !view.sheetNames().includes(edit.sheet)) setEdit(null);
  }, [edit, view, version]);

  const focusGrid = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);

  const commit = useCallback(
    (e: EditState) => {
      view.setCellInput?.(e.sheet, e.row, e.col, e.draft);
    },
    [view],
  );

  const commitFromBar = useCallback(
    (e: EditState, moveDown: boolean) => {
      commit(e);
      setEdit(null);
      if (moveDown) {
        view.select(e.sheet, e.row + 1, e.col);
        focusGrid();
      }
    },
    [commit, view, focusGrid],
  );

  // F6 / Shift+F6 / Ctrl+F6 between the worksheet, the task pane and the top bar.
  useEffect(() => {
    const regions = (): Region[] => {
      const out: Region[] = [];
      const grid = gridRef.current;
      const pane = paneEl.current;
      const top = topEl.current;
      if (grid) out.push({ root: grid, target: () => grid });
      if (pane)
        out.push({
          root: pane,
          target: () => {
            const last = lastPaneFocus.current;
            if (last && last.isConnected && pane.contains(last)) return last;
            return firstTabbable(pane);
          },
        });
      if (top) out.push({ root: top, target: () => firstTabbable(top) });
      return out;
    };
    const onKey = (e: KeyboardEvent) => {
      const dir = regionKey(e);
      if (dir === null) return;
      const next = nextRegion(regions(), document.activeElement, dir);
      const target = next?.target();
      if (!target) return;
      e.preventDefault();
      e.stopPropagation();
      target.focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && paneEl.current?.contains(t)) lastPaneFocus.current = t;
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("focusin", onFocusIn);
    };
  }, []);

  const setPane = useCallback(
    (el: HTMLElement | null) => {
      paneEl.current = el;
      paneRef(el);
    },
    [paneRef],
  );

  const cellError = useCallback(
    (row: number, col: number): string | undefined => {
      const own = props.errorMessage?.(sheet, row, col);
      return own ?? errorHelp(s, view.cell(sheet, row, col).text);
    },
    // version: a recalculation can change the message.
    [props.errorMessage, sheet, s, view, version],
  );

  const numberFormat =
    view.numberFormat && selected ? view.numberFormat(sheet, selected.row, selected.col) : null;
  const format =
    numberFormat !== null && view.setNumberFormat
      ? {
          category: categoryOf(numberFormat),
          onChange: (c: Exclude<FormatCategory, "custom">) => {
            if (!selected) return;
            view.setNumberFormat?.(sheet, selected.areas ?? [selected], formatFor(c, params.lang));
          },
          labels: {
            picker: s.numberFormat,
            general: s.fmtGeneral,
            number: s.fmtNumber,
            currency: s.fmtCurrency,
            accounting: s.fmtAccounting,
            date: s.fmtDate,
            percent: s.fmtPercent,
            text: s.fmtText,
            custom: s.fmtCustom,
          },
        }
      : undefined;

  const option = (value: string, text: string) => (
    <option value={value} style={{ color: "#000" }}>
      {text}
    </option>
  );

  return (
    <div
      data-theme={params.theme}
      lang={params.lang}
      style={{
        ...(THEMES[params.theme] as CSSProperties),
        display: "flex",
        flexDirection: "column",
        height: "100vh",
        background: "var(--pg-bg)",
        color: "var(--pg-fg)",
        fontSize: 14,
        fontFamily: "system-ui, 'Microsoft YaHei', 'PingFang SC', sans-serif",
      }}
    >
      <style>{PAGE_CSS}</style>
      {/* A named region, not a <header>: the hosted pane's own header is the page's one banner, as in Office where
          the pane is a separate document (axe landmark-no-duplicate-banner). */}
      <div
        ref={topEl}
        role="region"
        data-pg-top=""
        aria-label={s.topBar}
        style={{
          display: "flex",
          flexWrap: "wrap",
          alignItems: "center",
          columnGap: 16,
          rowGap: 4,
          padding: "6px 12px",
          background: "var(--pg-top-bg)",
          color: "var(--pg-top-fg)",
          flex: "0 0 auto",
        }}
      >
        <strong style={{ fontSize: 15 }}>
          {s.productName} · {s.playground}
        </strong>
        <span style={{ fontSize: 12, opacity: 0.85 }}>{s.simulatedNote}</span>
        <span data-testid="host-profile" title={s.hostProfile} style={{ fontSize: 12, opacity: 0.85 }}>
          {params.profile.platform === "web"
            ? s.hostWeb
            : params.profile.platform === "mac"
              ? s.hostMac
              : s.hostWindows}{" "}
          · ExcelApi {params.profile.excelApi}
        </span>
        <span style={{ flex: "1 0 0" }} />
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: 16, rowGap: 4 }}>
          <FileControls lang={params.lang} />
          <label
            style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13, whiteSpace: "nowrap" }}
          >
            {s.sample}
            <select
              data-testid="sample-picker"
              value={sample ?? ""}
              onChange={(e) => onSample(e.target.value as SampleChoice)}
              style={selectStyle}
            >
              {sample === null ? option("", "—") : null}
              {option("en", s.sampleEnglish)}
              {option("zh", s.sampleChinese)}
              {option("large", s.sampleLarge)}
            </select>
          </label>
          <label
            style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13, whiteSpace: "nowrap" }}
          >
            {s.language}
            <select
              data-testid="lang-switch"
              value={params.lang}
              onChange={(e) => onParam("lang", e.target.value)}
              style={selectStyle}
            >
              {option("en-US", "English")}
              {option("zh-CN", "简体中文")}
            </select>
          </label>
          <label
            style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13, whiteSpace: "nowrap" }}
          >
            {s.theme}
            <select
              data-testid="theme-switch"
              value={params.theme}
              onChange={(e) => onParam("theme", e.target.value)}
              style={selectStyle}
            >
              {option("light", s.themeLight)}
              {option("dark", s.themeDark)}
            </select>
          </label>
        </div>
      </div>
      <div data-pg-main="" style={{ display: "flex", flex: "1 1 auto", minHeight: 0 }}>
        <section
          data-pg-sheet=""
          aria-label={s.grid}
          style={{
            display: "flex",
            flexDirection: "column",
            flex: "1 1 auto",
            minWidth: 0,
            minHeight: 0,
            position: "relative",
          }}
        >
          <FormulaBar
            address={address}
            content={content}
            target={selected ? { sheet, row: selected.row, col: selected.col } : null}
            edit={edit && edit.sheet === sheet ? edit : null}
            onEdit={canEdit ? setEdit : undefined}
            onCommit={commitFromBar}
            onDone={focusGrid}
            functions={functions}
            format={format}
            labels={{ nameBox: s.nameBox, formulaBar: s.formulaBar, functionList: s.functionList }}
          />
          <div style={{ flex: "1 1 auto", minHeight: 0 }}>
            <Grid
              view={view}
              sheet={sheet}
              version={version}
              label={s.grid}
              gridRef={gridRef}
              edit={edit}
              onEdit={canEdit ? setEdit : undefined}
              onCommit={commit}
              functions={functions}
              cellError={cellError}
              cellInput={inputOf}
              strings={{
                cellEditor: s.cellEditor,
                functionList: s.functionList,
                errorIndicator: s.errorIndicator,
                chart: s.chart,
                keyboardHelp: s.gridKeyboardHelp,
              }}
            />
          </div>
          <SheetTabs
            names={view.sheetNames()}
            active={sheet}
            onActivate={(n) => view.activate(n)}
            label={s.sheetTabs}
          />
          {busy ? (
            <div
              role="status"
              style={{
                position: "absolute",
                inset: 0,
                display: "flex",
                alignItems: "center",
                justifyContent: "center",
                background: "rgba(128,128,128,0.25)",
              }}
            >
              {s.loading}
            </div>
          ) : null}
        </section>
        {/* A plain container, not a landmark: the pane's own `main` must be top-level (axe landmark-main-is-top-level). */}
        <div
          ref={setPane as (el: HTMLDivElement | null) => void}
          data-taskpane=""
          style={{
            flex: `0 0 ${paneWidth}px`,
            width: paneWidth,
            overflowY: "auto",
            borderLeft: "1px solid var(--pg-grid-line)",
            background: "var(--pg-pane-bg)",
          }}
        />
      </div>
    </div>
  );
}
