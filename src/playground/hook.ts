/**
 * The automation hook for browser tests and demos: `window.playground`, delegating to the simulated workbook.
 *
 *   await window.playground.ready;
 *   window.playground.loadWorkbook([{ name: "Data", values: [["Customer", "Amount"], ["Acme", 100]] }]);
 *   window.playground.getValues("Data");   // → [["Customer","Amount"],["Acme",100]]
 *
 * `loadWorkbook` replaces the whole workbook, places values from A1 and activates the first sheet (the task
 * pane then sees it as the active sheet). `document.body.dataset.playgroundReady` becomes "true" once the page
 * (workbook, grid and pane) is ready.
 */

/** A sheet for `loadWorkbook`: rows of values from A1; strings starting with "=" are formulas. */
export interface HookSheet {
  name: string;
  values: unknown[][];
}

export interface HookStats {
  syncs: number;
  requestBytes: number;
  maxRequestBytes: number;
}

/** What the hook needs from the simulated workbook (SimWorkbook satisfies it). */
export interface HookWorkbook {
  loadWorkbook(sheets: HookSheet[]): void;
  sheetNames(): string[];
  getValues(sheetName: string): unknown[][];
  getFormulas?(sheetName: string): unknown[][];
  getConditionalFormats(sheetName: string): unknown;
  stats(): HookStats;
}

export interface PlaygroundHook {
  loadWorkbook(sheets: HookSheet[]): void;
  getValues(sheetName: string): unknown[][];
  getFormulas(sheetName: string): unknown[][];
  getConditionalFormats(sheetName: string): unknown;
  sheetNames(): string[];
  stats(): HookStats;
  /** Resolves when the page is ready; `isReady` is its synchronous twin. */
  ready: Promise<void>;
  readonly isReady: boolean;
}

/** Throws a readable error unless `sheets` is a non-empty array of `{ name: string, values: array of arrays }`. */
export function validateSheets(sheets: unknown): asserts sheets is HookSheet[] {
  if (!Array.isArray(sheets) || sheets.length === 0)
    throw new TypeError("loadWorkbook: expected a non-empty array of sheets");
  const seen = new Set<string>();
  sheets.forEach((s, i) => {
    const sheet = s as Partial<HookSheet> | null;
    if (!sheet || typeof sheet.name !== "string" || sheet.name.trim() === "") {
      throw new TypeError(`loadWorkbook: sheet ${i} needs a name`);
    }
    if (seen.has(sheet.name.toLowerCase()))
      throw new TypeError(`loadWorkbook: duplicate sheet name "${sheet.name}"`);
    seen.add(sheet.name.toLowerCase());
    if (!Array.isArray(sheet.values) || !sheet.values.every((row) => Array.isArray(row))) {
      throw new TypeError(`loadWorkbook: sheet "${sheet.name}" values must be an array of rows`);
    }
  });
}

/**
 * Creates the hook. `ready` settles when the page is ready; `onLoad` runs after each `loadWorkbook` (the page
 * uses it to clear the sample picker).
 */
export function createPlaygroundHook(
  wb: HookWorkbook,
  ready: Promise<void>,
  onLoad?: () => void,
): PlaygroundHook {
  let isReady = false;
  const settled = ready.then(() => {
    isReady = true;
  });
  return {
    loadWorkbook(sheets) {
      validateSheets(sheets);
      wb.loadWorkbook(sheets.map((s) => ({ name: s.name, values: s.values })));
      onLoad?.();
    },
    getValues: (name) => wb.getValues(name),
    getFormulas: (name) => (wb.getFormulas ? wb.getFormulas(name) : wb.getValues(name)),
    getConditionalFormats: (name) => wb.getConditionalFormats(name),
    sheetNames: () => wb.sheetNames(),
    stats: () => ({ ...wb.stats() }),
    ready: settled,
    get isReady() {
      return isReady;
    },
  };
}

/** Sets `target.playground` to the hook. */
export function installPlaygroundHook(target: { playground?: PlaygroundHook }, hook: PlaygroundHook): void {
  target.playground = hook;
}

/** Marks the document ready for tests (`body[data-playground-ready="true"]`). */
export function markReady(doc: Document): void {
  doc.body.dataset.playgroundReady = "true";
}

declare global {
  interface Window {
    playground?: PlaygroundHook;
  }
}
