/**
 * Captures the add-in's custom-function registrations (`CustomFunctions.associate`) in the playground so the
 * formula evaluator can call them: `=AR.DUEDATE(...)` resolves to the function associated as "DUEDATE"
 * (Office ids carry no namespace; the manifest adds "AR.").
 */
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
