/**
 * Captures the add-in's custom-function registrations (`CustomFunctions.associate`) in the playground so the
 * formula evaluator can call them: `=AR.DUEDATE(...)` resolves to the function associated as "DUEDATE"
 * (Office ids carry no namespace; the manifest adds "AR."), and describes how each host hands arguments to a custom
 * function ({@link HOST_ARGUMENTS}, {@link callSignatures}) so the playground calls them as Excel would.
 */
import type { Platform } from "../workbook/profile";
import { CustomFunctionsErrorCode } from "../workbook/office/host";

export type CustomFunction = (...args: unknown[]) => unknown;

export interface FunctionRegistry {
  /** The function for a name as written in a formula ("AR.DUEDATE", "ar.duedate" or "DUEDATE"). */
  lookup(name: string): CustomFunction | undefined;
  /** Registered ids, upper-case, in registration order. */
  ids(): string[];
}

/** The formula namespace of the add-in's functions. */
export const FUNCTION_NAMESPACE = "AR";

interface CustomFunctionsLike {
  associate?: (idOrMap: string | Record<string, CustomFunction>, fn?: CustomFunction) => void;
  [key: string]: unknown;
}

/** Error class used when the host provides none; error codes are the simulator's (same strings as Office's). */
class FallbackCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

/**
 * Wraps `target.CustomFunctions.associate` (creating a minimal `CustomFunctions` object when the host has none)
 * so every registration is also recorded here; the original `associate` still runs.
 */
export function captureCustomFunctions(
  target: Record<string, unknown> = globalThis as never,
): FunctionRegistry {
  const map = new Map<string, CustomFunction>();
  let ns = target.CustomFunctions as CustomFunctionsLike | undefined;
  if (!ns || typeof ns !== "object") {
    ns = { Error: FallbackCustomFunctionError, ErrorCode: CustomFunctionsErrorCode };
    target.CustomFunctions = ns;
  }
  const original = ns.associate?.bind(ns);
  const record = (id: string, fn: unknown) => {
    if (typeof fn === "function") map.set(id.toUpperCase(), fn as CustomFunction);
  };
  ns.associate = (idOrMap, fn) => {
    if (typeof idOrMap === "string") record(idOrMap, fn);
    else if (idOrMap && typeof idOrMap === "object")
      for (const [id, f] of Object.entries(idOrMap)) record(id, f);
    original?.(idOrMap, fn);
  };
  const prefix = `${FUNCTION_NAMESPACE}.`;
  return {
    lookup(name) {
      const upper = name.toUpperCase();
      return map.get(upper) ?? (upper.startsWith(prefix) ? map.get(upper.slice(prefix.length)) : undefined);
    },
    ids: () => [...map.keys()],
  };
}

/** What a host passes to a custom function for an empty cell. */
export interface EmptyCellArguments {
  /** An empty cell referenced where the parameter is a scalar (`=AR.RISKGRADE(A1)`, A1 empty). */
  readonly scalar: 0 | null | "";
  /** An empty cell inside a range (or a single referenced cell) passed to a `matrix` parameter. */
  readonly inRange: 0 | "";
}

/**
 * Empty cells as each host passes them (what a function sees; it cannot tell them from a typed value):
 * - Excel desktop passes `0` for an empty scalar reference, Excel on the web `null`:
 *   https://github.com/OfficeDev/office-js/issues/4702 ("its value is 0 in desktop and null in office web"; a
 *   later desktop build also sends `null`, as the web does — the maintainers' reply there).
 * - Inside a range argument (`any` matrix) empty cells arrive as `0`, on desktop
 *   (https://github.com/OfficeDev/office-js/issues/5262) and on the web
 *   (https://github.com/OfficeDev/office-js/issues/1951, reported on Excel Online: "empty cells are passed in as
 *   zero").
 * - Mac: no report distinguishes it from Windows; modelled as desktop (README "Known host differences").
 * Omitted optional arguments are `null` everywhere ("When no value is specified for an optional parameter, Excel
 * assigns it the value null": https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options).
 */
export const HOST_ARGUMENTS: Readonly<Record<Platform, EmptyCellArguments>> = {
  windows: { scalar: 0, inRange: 0 },
  mac: { scalar: 0, inRange: 0 },
  web: { scalar: null, inRange: 0 },
};

/** The parts of functions.json the host reads when it calls a function. */
export interface FunctionsMetadataLike {
  /** Top-level: errors may reach `any` parameters only when true (default false). */
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly {
    readonly id: string;
    readonly parameters: readonly { readonly type?: string; readonly dimensionality?: string }[];
  }[];
}

/** How the host calls one function: its parameters' shapes and whether an error argument may reach it. */
export interface CallSignature {
  readonly parameters: readonly { readonly matrix: boolean; readonly acceptsErrors: boolean }[];
}

/**
 * Call signatures by function name as written in a formula ("AR.DUEDATE", "DUEDATE"), from functions.json. A
 * parameter accepts error values only when the metadata sets `allowErrorForDataTypeAny` and the parameter's type is
 * `any` ("All parameters with the type any or any[][] can accept errors as input values when allowErrorForDataTypeAny
 * is set to true. The default ... is false":
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany; otherwise
 * the cell shows the error without the function being called:
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs).
 */
export function callSignatures(metadata: FunctionsMetadataLike): (name: string) => CallSignature | undefined {
  const errorsAllowed = metadata.allowErrorForDataTypeAny === true;
  const byId = new Map<string, CallSignature>();
  for (const f of metadata.functions) {
    byId.set(f.id.toUpperCase(), {
      parameters: f.parameters.map((p) => ({
        matrix: p.dimensionality === "matrix",
        acceptsErrors: errorsAllowed && (p.type ?? "any") === "any",
      })),
    });
  }
  const prefix = `${FUNCTION_NAMESPACE}.`;
  return (name) => {
    const upper = name.toUpperCase();
    return byId.get(upper) ?? (upper.startsWith(prefix) ? byId.get(upper.slice(prefix.length)) : undefined);
  };
}

/**
 * The add-in's functions whose result is a date serial (by id): a formula typed into a General cell and led by one
 * takes the short date format, as Excel's autoformat does for its own date functions (src/workbook/formula/
 * autoformat.ts). This is the playground's choice, not Excel's behaviour: in Excel a custom function's result
 * carries no number format of its own (functions.json has no format field,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json), so `=AR.DUEDATE(...)` shows the serial
 * until the analyst formats the cell — the README's "Known host differences" says so, and the manual checklist
 * formats it by hand. test/playground/autocomplete.test.ts checks this list against the catalogue's worked examples.
 */
export const DATE_RESULT_IDS: readonly string[] = ["DUEDATE", "DISCOUNTDATE"];
