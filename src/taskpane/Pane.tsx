/**
 * The task pane: a header, a TabList of views (Score, Customers, Collections, Monitoring, Policy) and the
 * current view. Score is loaded with the pane; the other views load lazily on first use. Holds the pane state:
 * the workbook policy, the scoring run and its result, the as-of date, the preset and the confirmed mapping.
 * The ribbon's "Score sheet" reaches the pane through commandsBridge.
 *
 * As-of date: while the analyst has not chosen one the field shows today's local date (kept current across
 * midnight by useToday) and every run — button or ribbon — reads today afresh when it starts; a date the analyst
 * typed stays until they press "Today".
 */
import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { mergePolicy, samePolicy, type Policy } from "../engine/policy";
import type { ColumnMapping, Msg } from "../engine/sheet/types";
import { onScoreRequest } from "./commandsBridge";
import { PaneContext, usePane } from "./context";
import { officeLanguage, officeThemeName } from "./environment";
import { dateInputValue, serialFromDateInput } from "./format";
import type { Lang } from "./i18n";
import { PRESET_LABEL, presetPolicy, type PresetId } from "./presets";
import type { PaneServices, ThemeName } from "./services";
import { paneStrings, type PaneStrings } from "./strings";
import { useScoring } from "./useScoring";
import { useToday } from "./useToday";
import { ScoreView } from "./views/ScoreView";

const CustomersView = lazy(() => import("./views/CustomersView").then((m) => ({ default: m.CustomersView })));
const CollectionsView = lazy(() =>
  import("./views/CollectionsView").then((m) => ({ default: m.CollectionsView })),
);
const MonitoringView = lazy(() =>
  import("./views/MonitoringView").then((m) => ({ default: m.MonitoringView })),
);
const PolicyView = lazy(() => import("./views/PolicyView").then((m) => ({ default: m.PolicyView })));

export type ViewId = "score" | "customers" | "collections" | "monitoring" | "policy";
export const VIEW_IDS: readonly ViewId[] = ["score", "customers", "collections", "monitoring", "policy"];
const TAB_LABEL = {
  score: "tabScore",
  customers: "tabCustomers",
  collections: "tabCollections",
  monitoring: "tabMonitoring",
  policy: "tabPolicy",
} as const;

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    // The pane is 320–350 px in Excel: nothing may be wider than it (long words and links wrap, tables don't).
    minWidth: 0,
    maxWidth: "100%",
    overflowWrap: "anywhere",
    // A native <select> is as wide as its longest option: let fields shrink to the pane instead.
    "& .fui-Field, & .fui-Select, & .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select__select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
    // Fluent marks a focused link with a double underline only: give links the same ring as every other control.
    "& .fui-Link:focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
      borderRadius: tokens.borderRadiusSmall,
    },
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  light: { colorScheme: "light" },
  // Native controls (the date picker's calendar icon, scrollbars) draw for a dark background.
  dark: { colorScheme: "dark" },
  // Chinese text breaks between words, not inside them (评分 never becomes 评/分); long runs still wrap at punctuation.
  zh: { wordBreak: "keep-all", overflowWrap: "anywhere" },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titleRow: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  help: { whiteSpace: "nowrap", flexShrink: 0 },
  // Tabs that do not fit wrap onto a second line (never a sideways scroll); a tab's own label never breaks.
  tabs: { minWidth: 0, flexWrap: "wrap", "& .fui-Tab": { whiteSpace: "nowrap", flexShrink: 0 } },
  main: { paddingInline: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalL },
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalL,
  },
});

export interface PaneProps {
  readonly services: PaneServices;
  /** Language of the pane (default: from Office.context.displayLanguage). */
  readonly lang?: Lang;
  /** Light or dark (default: from the Office theme). */
  readonly theme?: ThemeName;
  /** The view shown first (default "score"). */
  readonly initialView?: ViewId;
}

/** The whole pane inside its FluentProvider (theme) and language context. */
export function Pane({ services, lang, theme, initialView }: PaneProps) {
  const language = lang ?? officeLanguage();
  const themeName = theme ?? officeThemeName();
  const context = useMemo(() => ({ lang: language, s: paneStrings(language) }), [language]);
  return (
    <FluentProvider theme={themeName === "dark" ? webDarkTheme : webLightTheme} lang={language}>
      <PaneContext.Provider value={context}>
        <PaneShell services={services} initialView={initialView ?? "score"} themeName={themeName} />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The help page's section about the pane (a page of the add-in itself, opened by the analyst: no fetch). */
export function helpUrl(lang: Lang): string {
  return lang === "zh-CN" ? "help.html#pane-zh" : "help.html#pane";
}

/**
 * The view tabs as a compact list: at Excel's 320–350 px the five English tabs do not fit on one line, so the list
 * wraps onto a second line instead of scrolling sideways or hiding a view behind a menu — every view stays one
 * click (or one arrow key) away.
 */
function ViewTabs({ view, onSelect, s }: { view: ViewId; onSelect: (v: ViewId) => void; s: PaneStrings }) {
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      aria-label={s.viewsLabel}
      selectedValue={view}
      onTabSelect={(_, d) => onSelect(d.value as ViewId)}
    >
      {VIEW_IDS.map((id) => (
        <Tab key={id} value={id} id={`tab-${id}`} aria-controls="pane-view">
          {s[TAB_LABEL[id]]}
        </Tab>
      ))}
    </TabList>
  );
}

function PaneShell({
  services,
  initialView,
  themeName,
}: {
  services: PaneServices;
  initialView: ViewId;
  themeName: ThemeName;
}) {
  const { lang, s } = usePane();
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(initialView);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [policyNotes, setPolicyNotes] = useState<readonly Msg[]>([]);
  /** The date the analyst typed, or null: follow today's local date. */
  const [asOfChosen, setAsOfChosen] = useState<string | null>(null);
  const readToday = useCallback(() => services.today(), [services]);
  const today = useToday(readToday);
  const asOfText = asOfChosen ?? dateInputValue(today);
  const [preset, setPreset] = useState<PresetId>("workbook");
  const [confirmed, setConfirmed] = useState<ColumnMapping | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ribbonRequest, setRibbonRequest] = useState(0);
  const scoring = useScoring(services);
  const { setMapping } = scoring;

  useEffect(() => {
    let live = true;
    services
      .loadPolicy()
      .then((p) => {
        if (!live) return;
        setPolicy(p);
        setPolicyNotes(services.policyNotes?.() ?? []);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setPolicy(mergePolicy());
        setError(messageOf(e));
      });
    services
      .readMapping()
      .then((m) => {
        if (live && m) setMapping(m);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [services, setMapping]);

  useEffect(() => onScoreRequest(() => setRibbonRequest((n) => n + 1)), []);

  // Whether the workbook holds our output, read from the workbook (after a reload, a cancel or a failure too), so
  // "Clear results" is offered whenever there is something to clear.
  const [outputExists, setOutputExists] = useState(false);
  const refreshOutput = useCallback(() => {
    if (!services.resultsInWorkbook) return;
    services
      .resultsInWorkbook()
      .then(setOutputExists)
      .catch(() => undefined);
  }, [services]);
  useEffect(refreshOutput, [refreshOutput]);
  const phase = scoring.run.phase;
  useEffect(() => {
    if (phase !== "running") refreshOutput();
  }, [phase, refreshOutput]);

  // The mapping (and its heading "Columns · <sheet>") follows the active sheet: Office.js worksheets.onActivated
  // where the host raises it, else a fresh read whenever the pane regains focus (the analyst was on the sheet).
  const running = phase === "running";
  const runningRef = useRef(running);
  runningRef.current = running;
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    const reread = () => {
      if (runningRef.current) return;
      services
        .readMapping()
        .then((m) => {
          if (!live || runningRef.current) return;
          setMapping((current) => (current?.sheet === m?.sheet && current ? current : m));
        })
        .catch(() => undefined);
      refreshOutput();
    };
    let unsubscribe: (() => void) | null = null;
    const root = rootRef.current;
    const onFocusIn = (e: FocusEvent) => {
      if (!root || !root.contains(e.relatedTarget as Node | null)) reread();
    };
    window.addEventListener("focus", reread);
    root?.addEventListener("focusin", onFocusIn);
    services
      .onActiveSheetChanged?.(reread)
      .then((off) => {
        if (live) unsubscribe = off;
        else off();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      window.removeEventListener("focus", reread);
      root?.removeEventListener("focusin", onFocusIn);
      unsubscribe?.();
    };
  }, [services, setMapping, refreshOutput]);

  const runPolicy = useMemo(() => (policy ? presetPolicy(preset, policy) : null), [policy, preset]);

  /** The as-of date of a run starting now: the analyst's date, else today read afresh (never the shown value). */
  const runAsOf = useCallback(
    (shown?: number) =>
      asOfChosen === null ? services.today() : (shown ?? serialFromDateInput(asOfChosen) ?? services.today()),
    [asOfChosen, services],
  );

  const score = useCallback(
    (asOf: number) => {
      if (!runPolicy) return;
      setNotice(null);
      setError(null);
      // Confirming a mapping the pane asked about uses the mapping shown (edited or not).
      const shown = scoring.run.phase === "needsMapping" ? scoring.mapping?.mapping : undefined;
      const mapping = confirmed ?? shown;
      // The summary sheet names the policy used: the preset's name in both languages.
      const label = PRESET_LABEL[preset];
      const policyName = { en: paneStrings("en-US")[label], zh: paneStrings("zh-CN")[label] };
      void scoring.start({ policy: runPolicy, asOf, lang, policyName, ...(mapping ? { mapping } : {}) });
    },
    [runPolicy, scoring, lang, confirmed, preset],
  );

  // A ribbon request starts a run as soon as the policy is known (saved mapping: no confirmation needed).
  const handled = useRef(0);
  useEffect(() => {
    if (ribbonRequest === handled.current || !runPolicy) return;
    handled.current = ribbonRequest;
    setView("score");
    if (scoring.run.phase !== "running") score(runAsOf());
  }, [ribbonRequest, runPolicy, runAsOf, score, scoring.run.phase]);

  const onMappingChange = (mapping: ColumnMapping) => {
    const info = scoring.mapping;
    if (!info) return;
    setConfirmed(mapping);
    setMapping({ ...info, mapping, saved: false });
    setNotice(null);
    services
      .saveMapping(mapping)
      .then(() => {
        setMapping({ ...info, mapping, saved: true });
        setNotice(s.mappingSavedNote);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  };

  const onClear = () => {
    services
      .clearResults()
      .then(() => {
        scoring.clear();
        setOutputExists(false);
        setNotice(s.cleared);
        refreshOutput();
      })
      .catch((e: unknown) => setError(messageOf(e)));
  };

  const selectCell = (address: string) =>
    void services.selectCell(address).catch((e: unknown) => setError(messageOf(e)));
  const selectRows = (rows: readonly number[]) =>
    void services.selectRows(rows).catch((e: unknown) => setError(messageOf(e)));

  const savePolicy = async (p: Policy) => {
    await services.savePolicy(p);
    setPolicy(p);
    setPolicyNotes([]);
  };

  const result = scoring.result;
  // The shown results were computed with another policy than the next run would use: say so on every view.
  const stale = !!result && !!runPolicy && !samePolicy(result.policy, runPolicy);
  const needResult = (render: () => JSX.Element) =>
    result ? (
      render()
    ) : (
      <div className={styles.empty}>
        <Text>{s.noResultYet}</Text>
        <Button onClick={() => setView("score")}>{s.goToScore}</Button>
      </div>
    );

  return (
    <div
      ref={rootRef}
      data-pane-root=""
      data-theme={themeName}
      lang={lang}
      className={mergeClasses(
        styles.root,
        themeName === "dark" ? styles.dark : styles.light,
        lang === "zh-CN" ? styles.zh : undefined,
      )}
    >
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Text as="h1" size={400} weight="semibold" className={styles.title}>
            {s.appTitle}
          </Text>
          <Link
            className={styles.help}
            href={helpUrl(lang)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={s.helpLinkLabel}
            data-help-link=""
          >
            {s.helpLink}
          </Link>
        </div>
        <ViewTabs view={view} onSelect={setView} s={s} />
      </header>
      <main className={styles.main}>
        <div id="pane-view" role="tabpanel" aria-labelledby={`tab-${view}`}>
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
                {error}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setError(null)}>
                  {s.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          {stale ? (
            <MessageBar intent="warning" data-rescore-needed="">
              <MessageBarBody>{s.rescoreNeeded}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Suspense fallback={<Spinner size="small" label={s.loading} />}>
            {view === "score" ? (
              <ScoreView
                run={scoring.run}
                result={result}
                mapping={scoring.mapping}
                policy={runPolicy ?? mergePolicy()}
                ready={runPolicy !== null}
                asOfText={asOfText}
                onAsOfTextChange={setAsOfChosen}
                asOfIsToday={asOfChosen === null || asOfChosen === dateInputValue(today)}
                onAsOfToday={() => setAsOfChosen(null)}
                preset={preset}
                onPresetChange={setPreset}
                onScore={(shown) => score(runAsOf(shown))}
                onCancel={scoring.cancel}
                onMappingChange={onMappingChange}
                onSelectCell={selectCell}
                onClear={onClear}
                outputExists={outputExists}
                notice={notice}
              />
            ) : null}
            {view === "customers"
              ? needResult(() => <CustomersView result={result!} onSelectRows={selectRows} />)
              : null}
            {view === "collections" ? needResult(() => <CollectionsView result={result!} />) : null}
            {view === "monitoring" ? needResult(() => <MonitoringView result={result!} />) : null}
            {view === "policy" ? (
              policy ? (
                <PolicyView policy={policy} onSave={savePolicy} notes={policyNotes} />
              ) : (
                <Spinner size="small" label={s.loading} />
              )
            ) : null}
          </Suspense>
        </div>
      </main>
    </div>
  );
}
