/**
 * A tiny stand-in for Office's `CustomFunctions` global: `Error(code, message)` with `.code`/`.message`, the four
 * `ErrorCode` values the catalogue uses, and `associate` collecting registrations.
 */
export const FAKE_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
} as const;

export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

export interface FakeCustomFunctions {
  Error: typeof FakeCustomFunctionsError;
  ErrorCode: typeof FAKE_ERROR_CODES;
  associate: (id: string, fn: (...args: never[]) => unknown) => void;
  registered: Map<string, (...args: never[]) => unknown>;
}

/** Installs a fresh fake on `globalThis.CustomFunctions` and returns it. */
export function installFakeCustomFunctions(): FakeCustomFunctions {
  const registered = new Map<string, (...args: never[]) => unknown>();
  const fake: FakeCustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: FAKE_ERROR_CODES,
    associate: (id, fn) => {
      registered.set(id, fn);
    },
    registered,
  };
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = fake;
  return fake;
}

/** Removes the fake global. */
export function uninstallFakeCustomFunctions(): void {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
}
