/** Calling catalogue adapters the way Excel does, and reading the cell error they throw. */
import { getAdapter } from "../../src/functions/adapters";
import { serialFromYmd } from "../../src/engine/serial";
import { FakeCustomFunctionsError } from "./fakeCustomFunctions";

/** Calls AR.<id> with raw Excel-shaped arguments; returns the cell value. Errors propagate. */
export function call(id: string, ...args: unknown[]): unknown {
  const fn = getAdapter(id);
  if (!fn) throw new Error(`no adapter for ${id}`);
  return fn(...args);
}

/** Calls AR.<id> expecting a cell error; returns its code and message (fails the test otherwise). */
export function callError(id: string, ...args: unknown[]): { code: string; message: string } {
  try {
    const value = call(id, ...args);
    throw new Error(`expected a cell error from ${id}, got ${JSON.stringify(value)}`);
  } catch (e) {
    if (!(e instanceof FakeCustomFunctionsError)) throw e;
    return { code: e.code, message: e.message };
  }
}

/** Serial of a calendar date (test shorthand). */
export function d(year: number, month: number, day: number): number {
  const s = serialFromYmd(year, month, day);
  if (s === null) throw new Error(`no such date ${year}-${month}-${day}`);
  return s;
}

/** Runs `fn` with a fake `Office.context.displayLanguage` (the language of messages and SCOREREASONS). */
export function withDisplayLanguage<T>(displayLanguage: string, fn: () => T): T {
  const g = globalThis as { Office?: unknown };
  const saved = g.Office;
  g.Office = { context: { displayLanguage } };
  try {
    return fn();
  } finally {
    if (saved === undefined) delete g.Office;
    else g.Office = saved;
  }
}
