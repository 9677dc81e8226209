/** The fake host namespaces: Excel (run + enums), Office, OfficeExtension, CustomFunctions, OfficeRuntime. */
import { SimError, SimErrorCodes } from "../errors";
import { CF_OPERATORS, CF_TYPES } from "./conditionalFormat";
import { createWorkbookProxy } from "./workbook";
import { SimContext } from "./proxy";
import { officePlatform, setSupported } from "../profile";
import type { SimWorkbook } from "../simWorkbook";

const enumOf = <T extends string>(...values: T[]): Record<string, T> =>
  Object.fromEntries(values.map((v) => [v[0].toLowerCase() + v.slice(1), v]));

/** Excel enums (values as in Office.js; keys camelCase). */
export const ExcelEnums = {
  ConditionalFormatType: enumOf(...CF_TYPES),
  ConditionalCellValueOperator: enumOf("Invalid", ...CF_OPERATORS),
  ConditionalFormatColorCriterionType: enumOf(
    "Invalid",
    "LowestValue",
    "HighestValue",
    "Number",
    "Percent",
    "Formula",
    "Percentile",
  ),
  ConditionalDataBarDirection: enumOf("Context", "LeftToRight", "RightToLeft"),
  ChartType: enumOf(
    "ColumnClustered",
    "ColumnStacked",
    "ColumnStacked100",
    "BarClustered",
    "BarStacked",
    "BarStacked100",
    "Line",
    "LineMarkers",
    "Pie",
    "Doughnut",
    "Area",
    "AreaStacked",
    "XYScatter",
  ),
  ChartSeriesBy: enumOf("Auto", "Columns", "Rows"),
  SheetVisibility: enumOf("Visible", "Hidden", "VeryHidden"),
  DeleteShiftDirection: enumOf("Up", "Left"),
  InsertShiftDirection: enumOf("Down", "Right"),
  ClearApplyTo: enumOf("All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"),
  RangeValueType: enumOf("Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue"),
  HorizontalAlignment: enumOf(
    "General",
    "Left",
    "Center",
    "Right",
    "Fill",
    "Justify",
    "CenterAcrossSelection",
    "Distributed",
  ),
  NamedItemType: enumOf("String", "Integer", "Double", "Boolean", "Range", "Error", "Array"),
  CalculationType: enumOf("Recalculate", "Full", "FullRebuild"),
  BorderIndex: enumOf(
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
    "DiagonalDown",
    "DiagonalUp",
  ),
  BorderLineStyle: enumOf(
    "None",
    "Continuous",
    "Dash",
    "DashDot",
    "DashDotDot",
    "Dot",
    "Double",
    "SlantDashDot",
  ),
  ErrorCodes: { ...SimErrorCodes },
};

type Batch<T> = (context: SimContext) => Promise<T> | T;

/** `Excel.run`: new context, runs the batch, flushes what is still queued, then closes the context. */
export function createExcelNamespace(
  wb: SimWorkbook,
): Record<string, unknown> & { run: <T>(...args: unknown[]) => Promise<T> } {
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as Batch<T>;
    if (typeof batch !== "function")
      throw new SimError(SimErrorCodes.invalidArgument, "Excel.run needs a batch function.");
    const ctx = new SimContext(wb.host);
    ctx.workbook = createWorkbookProxy(ctx);
    try {
      const result = await batch(ctx);
      await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  }
  return { run, RequestContext: SimContext, ...ExcelEnums };
}

export interface OfficeOptions {
  /** `Office.context.platform` override; default from the workbook's host profile ("PC", "Mac", "OfficeOnline"). */
  platform?: string;
}

type Callback = (result: { status: string; value?: unknown; error?: unknown }) => void;

/** The Office namespace stub. Settings live in `wb.settings`; `saveAsync` copies them to `wb.savedSettings`. */
export function createOfficeNamespace(wb: SimWorkbook, opts: OfficeOptions = {}): Record<string, unknown> {
  const platform = opts.platform ?? officePlatform(wb.profile.platform);
  const info = { host: "Excel", platform };
  const settings = {
    get: (name: string): unknown =>
      wb.settings.has(name) ? JSON.parse(JSON.stringify(wb.settings.get(name))) : null,
    set: (name: string, value: unknown): void => {
      wb.settings.set(name, JSON.parse(JSON.stringify(value ?? null)));
    },
    remove: (name: string): void => {
      wb.settings.delete(name);
    },
    saveAsync: (optionsOrCb?: unknown, cb?: Callback): void => {
      wb.savedSettings = Object.fromEntries(JSON.parse(JSON.stringify([...wb.settings])));
      const callback = (typeof optionsOrCb === "function" ? optionsOrCb : cb) as Callback | undefined;
      if (callback) setTimeout(() => callback({ status: "succeeded" }), 0);
    },
    refreshAsync: (cb?: Callback): void => {
      if (cb) setTimeout(() => cb({ status: "succeeded", value: settings }), 0);
    },
    addHandlerAsync: (_type: string, _handler: unknown, cb?: Callback): void => {
      if (cb) setTimeout(() => cb({ status: "succeeded" }), 0);
    },
  };
  const context = {
    host: "Excel",
    platform,
    get displayLanguage() {
      return wb.displayLanguage;
    },
    get contentLanguage() {
      return wb.displayLanguage;
    },
    diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
    requirements: {
      // Answers from the host profile (../profile.ts), like Office.context.requirements.isSetSupported.
      isSetSupported: (name: string, minVersion?: string | number): boolean =>
        setSupported(wb.requirementSets, name, minVersion),
    },
    document: { settings, url: "https://playground.invalid/Book1.xlsx", mode: "readWrite" },
  };
  return {
    onReady: (cb?: (i: typeof info) => void): Promise<typeof info> => {
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context,
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {
      DocumentSelectionChanged: "documentSelectionChanged",
      SettingsChanged: "settingsChanged",
      VisibilityModeChanged: "visibilityModeChanged",
    },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table" },
    addin: {
      showAsTaskpane: (): Promise<void> => {
        wb.addinCalls.push("showAsTaskpane");
        return Promise.resolve();
      },
      hide: (): Promise<void> => {
        wb.addinCalls.push("hide");
        return Promise.resolve();
      },
      setStartupBehavior: (b: string): Promise<void> => {
        wb.addinCalls.push(`setStartupBehavior:${b}`);
        return Promise.resolve();
      },
      getStartupBehavior: (): Promise<string> => Promise.resolve("None"),
      onVisibilityModeChanged: (): Promise<() => Promise<void>> => Promise.resolve(() => Promise.resolve()),
    },
    actions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown): void => {
        wb.actions.set(id, fn);
      },
    },
  };
}

/** CustomFunctions.ErrorCode (values are the Excel error literals). */
export const CustomFunctionsErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  gettingData: "#GETTING_DATA",
} as const;

/** Like `CustomFunctions.Error`: carries an Excel error code and an optional message. */
export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(errorCode: string, errorMessage?: string) {
    super(errorMessage ?? "");
    this.name = "CustomFunctions.Error";
    this.code = errorCode;
    Object.setPrototypeOf(this, CustomFunctionsError.prototype);
  }
}

/** The CustomFunctions stub: `associate(id, fn)` or `associate({id: fn})` registers into `wb.customFunctions`. */
export function createCustomFunctionsNamespace(wb: SimWorkbook): Record<string, unknown> {
  return {
    associate(
      idOrMap: string | Record<string, (...a: unknown[]) => unknown>,
      fn?: (...a: unknown[]) => unknown,
    ): void {
      if (typeof idOrMap === "string") {
        if (typeof fn !== "function") throw new TypeError("CustomFunctions.associate needs a function");
        wb.customFunctions.set(idOrMap.toUpperCase(), fn);
      } else for (const [id, f] of Object.entries(idOrMap)) wb.customFunctions.set(id.toUpperCase(), f);
    },
    Error: CustomFunctionsError,
    ErrorCode: { ...CustomFunctionsErrorCode },
  };
}

/** In-memory OfficeRuntime.storage (shared runtime key-value store). */
export function createOfficeRuntimeNamespace(): Record<string, unknown> {
  const store = new Map<string, string>();
  return {
    storage: {
      getItem: (k: string) => Promise.resolve(store.has(k) ? store.get(k)! : null),
      setItem: (k: string, v: string) => Promise.resolve(void store.set(k, String(v))),
      removeItem: (k: string) => Promise.resolve(void store.delete(k)),
      getItems: (ks: string[]) =>
        Promise.resolve(Object.fromEntries(ks.map((k) => [k, store.get(k) ?? null]))),
      setItems: (o: Record<string, string>) =>
        Promise.resolve(void Object.entries(o).forEach(([k, v]) => store.set(k, String(v)))),
      removeItems: (ks: string[]) => Promise.resolve(void ks.forEach((k) => store.delete(k))),
      getKeys: () => Promise.resolve([...store.keys()]),
    },
  };
}

/** Installs Excel, Office, OfficeExtension, CustomFunctions and OfficeRuntime on `target` (default globalThis). */
export function installSimulator(wb: SimWorkbook, target: object = globalThis): void {
  const t = target as Record<string, unknown>;
  t.Excel = createExcelNamespace(wb);
  t.Office = createOfficeNamespace(wb);
  t.OfficeExtension = { Error: SimError, ErrorCodes: { ...SimErrorCodes }, ClientRequestContext: SimContext };
  t.CustomFunctions = createCustomFunctionsNamespace(wb);
  t.OfficeRuntime = createOfficeRuntimeNamespace();
}

/** Removes what installSimulator added. */
export function uninstallSimulator(target: object = globalThis): void {
  const t = target as Record<string, unknown>;
  for (const k of ["Excel", "Office", "OfficeExtension", "CustomFunctions", "OfficeRuntime"]) delete t[k];
}
