/**
 * Score view: as-of date, policy preset, the detected column mapping, "Score this sheet" with progress and
 * Cancel, then the result (KPI cards, aging chart, rows not read) and "Clear results".
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Subtitle1,
  Subtitle2,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { Policy } from "../../engine/policy";
import type { Serial } from "../../engine/serial";
import { validateMapping } from "../../engine/sheet/headers";
import type { ColumnMapping } from "../../engine/sheet/types";
import { usePane } from "../context";
import { dateInputValue, serialFromDateInput } from "../format";
import { PRESET_IDS, PRESET_LABEL, type PresetId } from "../presets";
import type { MappingInfo, PaneResult } from "../services";
import { fill, pick } from "../strings";
import { useViewStyles } from "../styles";
import type { RunState } from "../useScoring";
import { AgingChart } from "./AgingChart";
import { IssuesList } from "./IssuesList";
import { KpiCards } from "./KpiCards";
import { MappingPanel, mappingText } from "./MappingPanel";

export interface ScoreViewProps {
  readonly run: RunState;
  readonly result: PaneResult | null;
  readonly mapping: MappingInfo | null;
  /** The policy the run would use (for the mapping's default-terms check). */
  readonly policy: Policy;
  /** False while the workbook's policy is still loading (Score would have nothing to run with). Default true. */
  readonly ready?: boolean;
  /** As-of date text of the date input (`yyyy-mm-dd`). */
  readonly asOfText: string;
  readonly onAsOfTextChange: (text: string) => void;
  /** True while the field shows today's date (followed, or chosen and equal to it): no "Today" to offer. */
  readonly asOfIsToday?: boolean;
  /** Back to following today's date (offered while the analyst's own date is shown). */
  readonly onAsOfToday?: () => void;
  readonly preset: PresetId;
  readonly onPresetChange: (preset: PresetId) => void;
  readonly onScore: (asOf: Serial) => void;
  readonly onCancel: () => void;
  readonly onMappingChange: (mapping: ColumnMapping) => void;
  readonly onSelectCell: (address: string) => void;
  readonly onClear: () => void;
  /**
   * Whether the workbook holds any of our output (read from the workbook: after a reload, a cancel or a failure
   * too). "Clear results" is offered when it does, or when this pane has a result.
   */
  readonly outputExists?: boolean;
  /** A note to show (mapping saved, results cleared …). */
  readonly notice: string | null;
}

export function ScoreView(props: ScoreViewProps) {
  const { run, result, mapping, policy } = props;
  const { lang, s } = usePane();
  const styles = useViewStyles();
  const headingId = useId();
  const asOf = serialFromDateInput(props.asOfText);
  const running = run.phase === "running";
  // Live problems of the mapping as edited; without any column (no header row) the host's own message.
  const problems = useMemo(() => {
    if (!mapping) return [];
    if (mapping.columns.length === 0) return mapping.problems.length > 0 ? mapping.problems : [];
    return validateMapping(mapping.mapping, policy).map((p) => p.message);
  }, [mapping, policy]);
  const mappingReady = problems.length === 0 && (mapping?.columns.length ?? 0) > 0;
  const canScore =
    props.ready !== false && !running && asOf !== null && (run.phase !== "needsMapping" || mappingReady);
  const canClear = !running && (!!result || props.outputExists === true);

  // The mapping panel opens by itself when the pane must ask (or the columns have problems) and stays closed after
  // a run that used a certain or saved mapping; the analyst's own open/close wins until the situation changes.
  const panelKey = `${mapping?.sheet ?? ""}-${run.phase === "needsMapping" ? "ask" : result ? "result" : "idle"}`;
  const autoOpen =
    run.phase === "needsMapping" || problems.length > 0 || (!!mapping && !mapping.saved && !result);
  const [opened, setOpened] = useState<{ key: string; open: boolean } | null>(null);
  const mappingOpen = opened?.key === panelKey ? opened.open : autoOpen;
  const panelRef = useRef<HTMLDivElement>(null);
  const changeColumns = () => {
    setOpened({ key: panelKey, open: true });
    // Focus the first dropdown once the panel has opened, so the keyboard lands where the change is made.
    requestAnimationFrame(() => panelRef.current?.querySelector<HTMLElement>("select")?.focus());
  };

  // Focus stays with the action: the Score button keeps focus while it runs (disabledFocusable, not disabled), and
  // when the control that had focus disappears (Cancel at the end of a run, Clear after clearing), it returns to it.
  const scoreRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const hadFocus = useRef(false);
  const changeKey = `${run.phase}-${canClear}`;
  const lastKey = useRef(changeKey);
  useEffect(() => {
    if (lastKey.current === changeKey) return;
    lastKey.current = changeKey;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (lost && hadFocus.current) scoreRef.current?.focus();
  }, [changeKey]);
  const usedText =
    mapping && result && mapping.sheet === result.sheet && run.phase === "done"
      ? fill(mapping.saved ? s.mappingUsedSaved : s.mappingUsedDetected, {
          sheet: mapping.sheet,
          columns: mappingText(mapping, lang),
        })
      : null;

  return (
    <section
      ref={sectionRef}
      className={styles.view}
      aria-labelledby={headingId}
      onFocus={() => (hadFocus.current = true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget)
          hadFocus.current = false;
      }}
    >
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {s.scoreHeading}
      </Subtitle1>
      <Text size={200} className={styles.muted}>
        {s.scoreIntro}
      </Text>
      <div className={styles.grid2}>
        <Field
          label={s.asOfLabel}
          size="small"
          validationState={asOf === null ? "error" : "none"}
          validationMessage={asOf === null ? s.asOfInvalid : undefined}
          hint={asOf === null ? undefined : s.asOfHint}
        >
          <div className={styles.row}>
            <Input
              type="date"
              size="small"
              className={styles.dateInput}
              value={props.asOfText}
              onChange={(_, d) => props.onAsOfTextChange(d.value)}
            />
            {props.onAsOfToday && !props.asOfIsToday ? (
              <Button size="small" appearance="subtle" onClick={props.onAsOfToday}>
                {s.asOfToday}
              </Button>
            ) : null}
          </div>
        </Field>
        <Field label={s.presetLabel} size="small">
          <Select
            size="small"
            value={props.preset}
            onChange={(_, d) => props.onPresetChange(d.value as PresetId)}
          >
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {s[PRESET_LABEL[id]]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {run.phase === "needsMapping" ? (
        <MessageBar intent="info" data-mapping-ask="">
          <MessageBarBody>
            {s.mappingNeeded}
            {(mapping?.askReasons?.length ?? 0) > 0 ? (
              <>
                {" "}
                {s.mappingAskWhy}
                <ul className={styles.reasons}>
                  {mapping!.askReasons!.map((r, i) => (
                    <li key={i}>{pick(r, lang)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {mapping ? (
        <div ref={panelRef} data-mapping-panel="">
          <MappingPanel
            info={mapping}
            problems={problems}
            open={mappingOpen}
            onOpenChange={(open) => setOpened({ key: panelKey, open })}
            onChange={(m) => {
              // Editing keeps the panel open even once the edited mapping is saved and has no problems.
              setOpened({ key: panelKey, open: true });
              props.onMappingChange(m);
            }}
          />
        </div>
      ) : null}

      {usedText ? (
        <div className={styles.row} data-mapping-used={mapping!.saved ? "saved" : "detected"}>
          <Text size={200} className={styles.muted}>
            {usedText}
          </Text>
          {!mappingOpen ? (
            <Button size="small" appearance="secondary" onClick={changeColumns}>
              {s.changeColumns}
            </Button>
          ) : null}
        </div>
      ) : null}

      <div className={styles.row}>
        <Button
          ref={scoreRef}
          appearance="primary"
          disabled={!canScore && !running}
          disabledFocusable={running}
          onClick={() => canScore && asOf !== null && props.onScore(asOf)}
        >
          {run.phase === "needsMapping" ? s.mappingConfirm : s.scoreButton}
        </Button>
        {running ? <Button onClick={props.onCancel}>{s.cancel}</Button> : null}
        {canClear ? (
          <Button appearance="subtle" onClick={props.onClear}>
            {s.clearResults}
          </Button>
        ) : null}
      </div>

      {running ? (
        <Field
          label={s.progressLabel}
          size="small"
          validationState="none"
          validationMessage={run.progress?.message ? pick(run.progress.message, lang) : s.scoring}
        >
          <ProgressBar value={run.progress ? Math.min(1, Math.max(0, run.progress.fraction)) : undefined} />
        </Field>
      ) : null}

      {run.phase === "cancelled" ? (
        <MessageBar intent="warning">
          <MessageBarBody>{s.cancelled}</MessageBarBody>
        </MessageBar>
      ) : null}
      {(run.phase === "failed" || run.phase === "blocked") && run.message ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{run.phase === "failed" ? s.failedTitle : s.blockedTitle}</MessageBarTitle>
            {pick(run.message, lang)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {props.notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{props.notice}</MessageBarBody>
        </MessageBar>
      ) : null}

      {result ? <ResultSummary result={result} onSelectCell={props.onSelectCell} /> : null}
    </section>
  );
}

function ResultSummary({
  result,
  onSelectCell,
}: {
  result: PaneResult;
  onSelectCell: (address: string) => void;
}) {
  const { s } = usePane();
  const styles = useViewStyles();
  const errors = result.issues.filter((i) => i.severity === "error");
  const warningCodes = new Set(result.warnings.map((w) => `${w.row}:${w.code}:${w.column}`));
  const notes = result.issues.filter(
    (i) => i.severity !== "error" && !warningCodes.has(`${i.row}:${i.code}:${i.column}`),
  );
  const perCurrency = result.kpis.perCurrency;
  return (
    <>
      <div className={styles.section}>
        <Subtitle2 as="h3" className={styles.heading}>
          {s.resultsHeading}
        </Subtitle2>
        <Text size={200} className={styles.muted}>
          {fill(s.resultsFor, { sheet: result.sheet, date: dateInputValue(result.asOf) })}
        </Text>
        <KpiCards kpis={result.kpis} />
      </div>
      <div className={styles.section}>
        <Text as="h3" weight="semibold" className={styles.heading}>
          {s.agingHeading}
        </Text>
        {perCurrency ? (
          result.kpis.sets.map((set) => (
            <div key={set.currency} className={styles.section} data-aging-currency={set.currency}>
              <Text size={200} weight="semibold">
                {fill(s.kpiCurrency, { currency: set.currency || "–" })}
              </Text>
              <AgingChart buckets={set.buckets} />
            </div>
          ))
        ) : (
          <AgingChart buckets={result.buckets} />
        )}
      </div>
      <div className={styles.section} data-issues="errors">
        <Text as="h3" weight="semibold" className={styles.heading}>
          {fill(s.issuesHeading, { n: errors.length })}
        </Text>
        <IssuesList issues={errors} onSelect={onSelectCell} />
      </div>
      <div className={styles.section} data-issues="warnings">
        <Text as="h3" weight="semibold" className={styles.heading}>
          {fill(s.warningsHeading, { n: result.warnings.length })}
        </Text>
        {result.warnings.length > 0 ? (
          <>
            <Text size={200} className={styles.muted}>
              {s.warningsIntro}
            </Text>
            <IssuesList issues={result.warnings} onSelect={onSelectCell} />
          </>
        ) : (
          <Text size={200}>{s.warningsNone}</Text>
        )}
      </div>
      {notes.length > 0 ? (
        <div className={styles.section} data-issues="notes">
          <Text as="h3" weight="semibold" className={styles.heading}>
            {fill(s.notesHeading, { n: notes.length })}
          </Text>
          <IssuesList issues={notes} onSelect={onSelectCell} />
        </div>
      ) : null}
    </>
  );
}
