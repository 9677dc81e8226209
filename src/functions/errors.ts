/**
 * Errors of the AR.* functions. Internally a failure is an {@link ArgError} (cheap, no stack); the adapter turns it
 * into `new CustomFunctions.Error(code, message)` at the boundary, reading the `CustomFunctions` global at call time
 * (Excel's runtime, the playground's stub or a test fake). A function never throws a plain JS error.
 */
import { displayLanguage } from "./language";

/** The `CustomFunctions.ErrorCode` members we use, with the cell error each shows. */
export type ErrorCodeName = "invalidValue" | "notAvailable" | "invalidNumber" | "divisionByZero";

export const ERROR_TEXT: Readonly<Record<ErrorCodeName, string>> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
};

/** A failure with its code and an English and a Simplified Chinese message. Not an `Error`: no stack capture. */
export class ArgError {
  constructor(
    readonly code: ErrorCodeName,
    readonly en: string,
    readonly zh: string = en,
  ) {}
}

/** Throw an {@link ArgError}. */
export function fail(code: ErrorCodeName, en: string, zh?: string): never {
  throw new ArgError(code, en, zh);
}

/** Minimal shape of the Office `CustomFunctions` namespace that the catalogue needs. */
export interface CustomFunctionsLike {
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: Readonly<Record<string, string>>;
  associate?: (id: string, fn: (...args: never[]) => unknown) => void;
}

/** The `CustomFunctions` global, if any, looked up at call time. */
export function getCustomFunctions(): CustomFunctionsLike | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsLike }).CustomFunctions;
}

/** Cell-error object when no `CustomFunctions` runtime is installed (should not happen in Excel). */
class FallbackError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CustomFunctionsError";
  }
}

/** Text shown for a value in messages: strings quoted, long values cut. */
export function show(value: unknown): string {
  let s: string;
  if (typeof value === "string") s = JSON.stringify(value);
  else if (Array.isArray(value))
    s = `a ${value.length}x${Array.isArray(value[0]) ? value[0].length : 1} range`;
  else s = String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** True for a `CustomFunctions.Error`-like object (a `#…` error code) passed in as an argument. */
export function isCellError(value: unknown): value is { code: string; message?: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/**
 * The `CustomFunctions.Error` for anything thrown inside a function: an {@link ArgError} keeps its code and message
 * (in Office's display language), a cell error passed in as an argument is propagated, an engine `RangeError` becomes
 * `#VALUE!` with its message, anything else `#VALUE!` naming the function.
 */
export function toCellError(thrown: unknown, functionId: string): unknown {
  const cf = getCustomFunctions();
  let code: ErrorCodeName = "invalidValue";
  let message: string;
  if (thrown instanceof ArgError) {
    code = thrown.code;
    message = displayLanguage() === "zh-CN" ? thrown.zh : thrown.en;
  } else if (isCellError(thrown)) {
    return thrown; // a cell error passed in as an argument, or already a CustomFunctions.Error
  } else if (thrown instanceof RangeError) {
    message = thrown.message;
  } else {
    message = `${functionId}: unexpected failure (${thrown instanceof Error ? thrown.message : String(thrown)})`;
  }
  try {
    if (cf && typeof cf.Error === "function")
      return new cf.Error(cf.ErrorCode?.[code] ?? ERROR_TEXT[code], message);
  } catch {
    // A host stub whose Error is not constructible: fall through to our own coded error.
  }
  return new FallbackError(ERROR_TEXT[code], message);
}
