/**
 * Entry of playground.html: the real task pane and the real AR.* functions on a simulated workbook.
 *
 * Order matters: the simulated `Office`, `Excel` and `CustomFunctions` globals are installed first, then the
 * custom functions are registered (and captured for the formula evaluator), and only then is the task-pane
 * module imported (dynamic `import()`), so it sees the simulated host exactly as it would see Excel.
 *
 * URL parameters: `?lang=en-US|zh-CN` (display language of the simulated Office and of this page),
 * `?theme=light|dark` (passed to the pane), `?sample=en|zh|large` (`&rows=N` invoices in the large sample, up to
 * 1,048,575: Excel's full sheet), and the simulated host `?platform=windows|mac|web` `&excelApi=1.9` … (default:
 * Windows at the newest level modelled; the platform also sets how AR.* functions receive empty cells), and
 * `?pane=N` (the task pane's width in pixels, 200 … 800, default 350).
 * `window.playground` is the automation hook.
 */
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  DATE_RESULT_IDS,
  FUNCTION_NAMESPACE,
  HOST_ARGUMENTS,
  callSignatures,
  captureCustomFunctions,
} from "./customFunctions";
import { type FunctionEntry, functionCatalog } from "./functionCatalog";
import { bindEvaluator } from "./formulaEval";
import { bindFileSession } from "./files/session";
import { createPlaygroundHook, installPlaygroundHook, markReady } from "./hook";
import { LARGE_SAMPLE_ROWS, readParams, withParam, type PlaygroundParams, type SampleChoice } from "./params";
import { Playground } from "./Playground";
import { applySheetLayout } from "./sampleLayout";
import { chineseSample, englishSample, largeSample } from "./samples";
import type { SheetData } from "./samples";
import { SimWorkbook, installSimulator } from "../workbook";
import { cellAccess } from "./simAccess";

function sampleSheets(sample: SampleChoice, largeRows: number): SheetData[] {
  if (sample === "zh") return chineseSample();
  if (sample === "large") return largeSample(largeRows);
  return englishSample();
}

/** Loads a sample, formats it through the (simulated) Excel API, and starts the sync statistics afresh. */
async function loadSample(
  wb: SimWorkbook,
  sample: SampleChoice,
  largeRows = LARGE_SAMPLE_ROWS,
): Promise<void> {
  const sheets = sampleSheets(sample, largeRows);
  wb.loadWorkbook(sheets);
  await applySheetLayout(sheets);
  wb.resetStats();
}

interface RootProps {
  wb: SimWorkbook;
  params: PlaygroundParams;
  initialSample: SampleChoice | null;
  paneRef: (el: HTMLElement | null) => void;
  bindSampleReset: (reset: () => void) => void;
  cellInput: (sheet: string, row: number, col: number) => string;
  errorMessage: (sheet: string, row: number, col: number) => string | undefined;
  functions: readonly FunctionEntry[];
}

function Root({
  wb,
  params,
  initialSample,
  paneRef,
  bindSampleReset,
  cellInput,
  errorMessage,
  functions,
}: RootProps) {
  const [sample, setSample] = useState<SampleChoice | null>(initialSample);
  const [busy, setBusy] = useState(false);
  bindSampleReset(() => setSample(null));

  const onSample = useCallback(
    (next: SampleChoice) => {
      setBusy(true);
      // Let the "Loading…" overlay paint before the (synchronous) generation of a large sample.
      window.setTimeout(() => {
        loadSample(wb, next, params.rows)
          .catch((err: unknown) => console.error("loading the sample failed", err))
          .finally(() => {
            setSample(next);
            setBusy(false);
            window.history.replaceState(null, "", withParam(window.location.search, "sample", next));
          });
      }, 30);
    },
    [wb, params.rows],
  );

  const onParam = useCallback((key: "lang" | "theme", value: string) => {
    window.location.search = withParam(window.location.search, key, value);
  }, []);

  return (
    <Playground
      view={wb.view}
      params={params}
      sample={sample}
      onSample={onSample}
      onParam={onParam}
      paneRef={paneRef}
      cellInput={cellInput}
      errorMessage={errorMessage}
      functions={functions}
      busy={busy}
    />
  );
}

async function start(): Promise<void> {
  const params = readParams(window.location.search);
  document.documentElement.lang = params.lang;
  document.body.style.margin = "0";

  const wb = new SimWorkbook({ displayLanguage: params.lang, ...params.profile });
  installSimulator(wb, globalThis);
  const registry = captureCustomFunctions(globalThis as never);
  const [{ registerCustomFunctions }, { buildFunctionsMetadata }] = await Promise.all([
    import("../functions/register"),
    import("../functions/metadata"),
  ]);
  registerCustomFunctions();

  // Excel calls the functions as functions.json declares them, passing empty cells as the platform does.
  const host = {
    signature: callSignatures(buildFunctionsMetadata("en-US")),
    empty: HOST_ARGUMENTS[params.profile.platform],
  };
  const cells = cellAccess(wb);
  // TODAY() in cells follows the workbook's clock: the local date, as in Excel.
  cells.setEvaluator(bindEvaluator(cells.value, registry.lookup, () => wb.model.todaySerial(), host));
  for (const id of DATE_RESULT_IDS) wb.model.dateResultFunctions.add(`${FUNCTION_NAMESPACE}.${id}`);
  // The autocomplete lists the add-in's functions from the same metadata as functions.json, in the display language.
  const functions = functionCatalog(buildFunctionsMetadata(params.lang), params.lang);

  await loadSample(wb, params.sample, params.rows);

  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  let resetSample: () => void = () => undefined;
  installPlaygroundHook(
    window,
    createPlaygroundHook(wb, ready, () => resetSample()),
  );
  bindFileSession({ workbook: wb, onOpened: () => resetSample() });

  let resolvePane!: (el: HTMLElement) => void;
  const paneElement = new Promise<HTMLElement>((resolve) => (resolvePane = resolve));
  const paneRef = (el: HTMLElement | null) => {
    if (el) resolvePane(el);
  };

  const container =
    document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  createRoot(container).render(
    <Root
      wb={wb}
      params={params}
      initialSample={params.sample}
      paneRef={paneRef}
      bindSampleReset={(reset) => (resetSample = reset)}
      cellInput={cells.input}
      errorMessage={cells.errorMessage}
      functions={functions}
    />,
  );

  const [{ mountTaskpane }, { createScoreWorker }, pane] = await Promise.all([
    import("../taskpane/mount"),
    import("../taskpane/createScoreWorker"),
    paneElement,
  ]);
  // The same scoring worker as in Excel: the pane computes off the page's (the simulated Excel's) thread.
  mountTaskpane(pane, { language: params.lang, theme: params.theme, createScoreWorker });
  resolveReady();
  await ready;
  markReady(document);
}

start().catch((err: unknown) => {
  // Visible failure for people and for the e2e runner (which fails on console errors).
  console.error("playground failed to start", err);
  const pre = document.createElement("pre");
  pre.textContent = `Playground failed to start / 演练场启动失败:\n${String(err instanceof Error ? err.stack : err)}`;
  document.body.appendChild(pre);
});
