/**
 * Renders the task pane into a DOM element. Excel's taskpane.html and the playground both call this, so they show
 * the same pane. `services` may give the language and theme and any of the {@link PaneServices} operations; the
 * operations not given come from the real Office.js adapter (createExcelServices), so
 * `mountTaskpane(el, { language, theme })` is a complete pane in Excel and in the playground's simulator.
 * Returns a function that unmounts it.
 */
import { createRoot } from "react-dom/client";
import { createExcelServices, type ExcelServicesOptions } from "./excelServices";
import { App } from "./App";
import type { ViewId } from "./Pane";
import type { PaneServices, TaskpaneServices } from "./services";

export type MountServices = Partial<TaskpaneServices> &
  Partial<PaneServices> & {
    readonly initialView?: ViewId;
    /** Starts the scoring worker (the pages pass createScoreWorker); scoring runs on the UI thread without it. */
    readonly createScoreWorker?: ExcelServicesOptions["createScoreWorker"];
  };

/** Fills the operations `given` lacks from the Office.js adapter. */
export function completeServices(
  given: Partial<PaneServices>,
  options: ExcelServicesOptions = {},
): PaneServices {
  const base = createExcelServices(options);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(given)) if (typeof value === "function") out[key] = value;
  return out as unknown as PaneServices;
}

export function mountTaskpane(container: Element, services: MountServices = {}): () => void {
  const { language, theme, initialView, createScoreWorker, ...ops } = services;
  const root = createRoot(container);
  const complete = completeServices(ops, createScoreWorker ? { createScoreWorker } : {});
  root.render(<App services={complete} language={language} theme={theme} initialView={initialView} />);
  return () => root.unmount();
}
