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
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
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
import { presetPolicy, type PresetId } from "./presets";
import type { PaneServices, ThemeName } from "./services";
import { paneStrings } from "./strings";
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
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
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
  title: { margin: 0 },
  tabs: { overflowX: "auto" },
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
        <PaneShell services={services} initialView={initialView ?? "score"} />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function PaneShell({ services, initialView }: { services: PaneServices; initialView: ViewId }) {
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
      void scoring.start({ policy: runPolicy, asOf, lang, ...(mapping ? { mapping } : {}) });
    },
    [runPolicy, scoring, lang, confirmed],
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
        setNotice(s.cleared);
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
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={400} weight="semibold" className={styles.title}>
          {s.appTitle}
        </Text>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={s.viewsLabel}
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as ViewId)}
        >
          {VIEW_IDS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls="pane-view">
              {s[TAB_LABEL[id]]}
            </Tab>
          ))}
        </TabList>
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
