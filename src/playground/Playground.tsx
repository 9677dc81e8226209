/**
 * The playground page layout: a top bar (product name, sample picker, language and theme switches), the
 * spreadsheet on the left (formula bar, grid, sheet tabs) and the real task pane on the right (~350px, like
 * Office). The task pane is mounted by the caller into the element handed to `paneRef`.
 */
import type { CSSProperties, ReactElement } from "react";
import { FileControls } from "./files/FileControls";
import { FormulaBar } from "./FormulaBar";
import { Grid } from "./Grid";
import { cellAddress } from "./gridWindow";
import { playgroundStrings } from "./i18n";
import type { PlaygroundParams, SampleChoice, ThemeChoice } from "./params";
import { SheetTabs } from "./SheetTabs";
import { useViewVersion } from "./useViewVersion";
import type { GridView } from "./viewTypes";

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
    "--pg-pane-bg": "#ffffff",
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
    "--pg-pane-bg": "#292929",
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

export function Playground(props: PlaygroundProps): ReactElement {
  const { view, params, sample, onSample, onParam, paneRef, cellInput, busy } = props;
  const version = useViewVersion(view);
  const s = playgroundStrings(params.lang);
  const sheet = view.activeSheetName();
  const sel = view.selection();
  const selected = sel && sel.sheet === sheet ? sel : null;
  const address = selected ? cellAddress(selected.row, selected.col) : "";
  const content = selected
    ? cellInput
      ? cellInput(sheet, selected.row, selected.col)
      : view.cell(sheet, selected.row, selected.col).text
    : "";
  const setInput = view.setCellInput?.bind(view);
  const onCommit =
    setInput && selected
      ? (input: string) => {
          setInput(sheet, selected.row, selected.col, input);
          view.select(sheet, selected.row + 1, selected.col);
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
      <header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 16,
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
        <span style={{ flex: 1 }} />
        <FileControls lang={params.lang} />
        <label style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13 }}>
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
        <label style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13 }}>
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
        <label style={{ display: "flex", gap: 6, alignItems: "center", fontSize: 13 }}>
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
      </header>
      <div style={{ display: "flex", flex: "1 1 auto", minHeight: 0 }}>
        <section
          aria-label={s.grid}
          style={{
            display: "flex",
            flexDirection: "column",
            flex: "1 1 auto",
            minWidth: 0,
            position: "relative",
          }}
        >
          <FormulaBar
            address={address}
            content={content}
            onCommit={onCommit}
            labels={{ nameBox: s.nameBox, formulaBar: s.formulaBar }}
          />
          <div style={{ flex: "1 1 auto", minHeight: 0 }}>
            <Grid view={view} sheet={sheet} version={version} label={s.grid} />
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
        <aside
          aria-label={s.taskPane}
          ref={paneRef}
          data-taskpane=""
          style={{
            flex: "0 0 350px",
            width: 350,
            overflowY: "auto",
            borderLeft: "1px solid var(--pg-grid-line)",
            background: "var(--pg-pane-bg)",
          }}
        />
      </div>
    </div>
  );
}
