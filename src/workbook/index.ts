/**
 * Strict in-memory simulator of the Excel JavaScript API (Office.js): the workbook model shared by the playground,
 * the tests (and the command line). Never imported by src/engine, src/functions, src/excel or src/taskpane.
 * Nothing here touches the DOM: the model runs in a browser, in Node and in a worker alike.
 *
 * LAYOUT (one room per concern, one module per document object, as ExcelJS lays out its model)
 * - `model/`      the cell model: `sheet.ts` (SheetModel: cells, formats, styles, merges, rules, charts),
 *                 `workbook.ts` (WorkbookModel: sheets, tables, names, selection), `types.ts`, `grid.ts`.
 * - `entry.ts`    value entry: what a value written through `Range.values`/`formulas` (or typed) becomes.
 * - `formula/`    the formula engine: `parser.ts`, `values.ts` (coercions), `functions.ts`, `evaluate.ts`.
 * - `office/`     the Office.js proxy layer: `proxy.ts` (load/sync semantics, payload limits, faults), one module
 *                 per object family (`range.ts`, `rangeFormat.ts`, `worksheet.ts`, `workbook.ts`, `table.ts`,
 *                 `conditionalFormat.ts`, `namedItem.ts`, `chart.ts`), `shared.ts`, and `host.ts` (the Excel,
 *                 Office, CustomFunctions and OfficeRuntime namespaces).
 * - `view/`       the playground grid's read model (`view.ts`) and conditional-format painting (`paint.ts`).
 * - `simWorkbook.ts` SimWorkbook: owns a model, options, statistics, fault plans, settings and registrations.
 * - `address.ts`, `color.ts`, `errors.ts`, `numberFormat.ts`: shared helpers.
 *
 * MODELLED
 * - `Excel.run(batch)` with a RequestContext: proxies whose scalar properties throw `PropertyNotLoaded`
 *   (an `OfficeExtension.Error`-like `SimError`: name "RichApi.Error", code, message, debugInfo) until `load`ed
 *   and `sync`ed; `load("a,b")`, `load(["a"])`, `load({select})`, `load({format: {fill: {color: true}}})`,
 *   nested paths "format/fill/color", collections via `load("items/name")` or `load("name")`, `toJSON()`.
 * - Writes and methods are queued and applied in order at `sync()`. Proxy-returning methods return at once and
 *   are resolved at sync (ItemNotFound / InvalidArgument surface there). `*OrNullObject` + `isNullObject`.
 * - Values/formulas/numberFormat writes must be 2-D arrays of the range's exact shape (a scalar only for a single
 *   cell), else the sync fails with InvalidArgument. `null` inside a written array leaves that cell unchanged.
 *   Written strings go through Excel's value entry (entry.ts: dates, numbers, %, currency, (40), 1E5, TRUE/FALSE,
 *   formulas, the apostrophe text prefix) unless the cell is formatted as text; `loadWorkbook` stores verbatim.
 * - Host profiles (profile.ts): platform windows/mac/web × ExcelApi level; isSetSupported answers from it; every
 *   Office.js member above the level throws ApiNotFound (office/apiSets.generated.json from @types/office-js);
 *   unmodelled Office.js members throw ApiNotFound / NotImplemented; refusals are recorded (`apiRefusals`).
 * - Request bytes = UTF-8 length of the JSON of the queued operations (written arrays included); on the web a
 *   sync above `payloadLimitBytes` (5 MB) fails with GeneralException (or RequestPayloadSizeLimitExceeded, see
 *   `oversizeRequestCode`) and applies nothing. Response bytes (UTF-8 JSON of the loaded values) above
 *   `responsePayloadLimitBytes` (5 MB on the web) fail the sync with ResponsePayloadSizeLimitExceeded and deliver
 *   nothing. Windows and Mac have no such limits unless a test sets them. Empty syncs are free and not counted.
 * - Failure: operations before the failing one in the same sync stay applied (as in Excel); fault-injected and
 *   oversized syncs apply nothing. Loaded values of a failed sync are not delivered.
 * - Worksheets (add/getItem/OrNullObject/active/items/count, name, id, position, visibility incl. VeryHidden,
 *   delete, activate, protection, frozen rows/columns), ranges (A1, "Sheet1!A1:C3", "A:A", "1:1", navigation, used range, values,
 *   formulas, numberFormat, text, valueTypes, fill/font/alignment/column width, hidden rows/columns, clear, insert,
 *   delete with shifting, merge, select), multi-area selections and RangeAreas, tables (add, headers, data body,
 *   columns/rows add, delete), conditional formats (custom, cellValue, colorScale, dataBar stored and painted;
 *   other types stored only; cleared with their cells, moved/shrunk/dropped by inserts and deletes), names (their
 *   references follow inserts and deletes), charts (stored, not rendered), document settings, custom functions.
 * - Protected sheets reject writes with AccessDenied. Formula cells are computed by the model's own engine
 *   (formula/: built-ins by family, unknown function → #NAME?, TODAY = the model clock's local date), or by an
 *   evaluator plugged in with `setFormulaEvaluator` (the playground adds the add-in's custom functions).
 *
 * NOT MODELLED / KNOWN DIFFERENCES
 * - Only a subset of Excel's functions; no dynamic arrays, structured or whole-column references in formulas.
 * - Ranges do not track later row/column inserts (a proxy keeps its original address); charts keep their source.
 * - Tables do not auto-expand when data is typed next to them; no totals row, filters, sorting or styles rendering.
 * - Borders, row heights and chart rendering are accepted but not drawn; icon sets / top-bottom / text rules are
 *   stored, not painted. Data bars: fraction = |value| / largest |value| in the rule's range.
 * - Objects from one `Excel.run` cannot be reused in another (the context is closed; sync then fails).
 * - Whole-row/column formatting is stored per row/column; reads of mixed formats return null as Excel does,
 *   but only cells within the stored area are inspected.
 * - No events are raised (onSelectionChanged etc. are not implemented); no 5M-cell limit.
 */
export type { CellValue, FormulaEvaluator, Style } from "./model/types";
export {
  SimWorkbook,
  DEFAULT_REQUIREMENT_SETS,
  type SheetData,
  type SimOptions,
  type SimStats,
  type ConditionalFormatInfo,
  type FaultPlan,
} from "./simWorkbook";
export type { CellView, WorkbookView } from "./view/view";
export {
  DEFAULT_PROFILE,
  EXCEL_API_VERSIONS,
  MANIFEST_EXCEL_API,
  NEWEST_EXCEL_API,
  PLATFORMS,
  parseProfile,
  profileLabel,
  requirementSetsFor,
  type HostProfile,
  type Platform,
} from "./profile";
export { SimError, SimErrorCodes } from "./errors";
export {
  createExcelNamespace,
  createOfficeNamespace,
  createCustomFunctionsNamespace,
  createOfficeRuntimeNamespace,
  installSimulator,
  uninstallSimulator,
  CustomFunctionsError,
  CustomFunctionsErrorCode,
  ExcelEnums,
  type OfficeOptions,
} from "./office/host";
export { formatValue, formatGeneral } from "./numberFormat";
export { evaluateFormula } from "./formula";
export { parseAddress, formatRect, columnLetters, columnIndex } from "./address";
