/**
 * Workbook-stored settings (Office.context.document.settings): the policy, the confirmed column mapping per
 * sheet and the record of what each "Score this sheet" run added (so re-runs update in place and Clear removes
 * exactly that). Values are JSON-serialisable; `saveAsync` persists them in the document.
 *
 * Keys: "crt.policy", "crt.mapping.<sheetName>", "crt.runs".
 */
import type { RunRecord } from "./runRecord";

export const POLICY_KEY = "crt.policy";
export const RUNS_KEY = "crt.runs";
export const mappingKey = (sheetName: string): string => `crt.mapping.${sheetName}`;

/** The run records, keyed by worksheet id. */
export type RunRecords = Record<string, RunRecord>;

function settings(): Office.Settings {
  return Office.context.document.settings;
}

/** Reads a setting (null when absent). */
export function getSetting<T>(key: string): T | null {
  const v = settings().get(key) as T | undefined | null;
  return v === undefined ? null : v;
}

/** Sets (value !== null) or removes (value === null) a setting in memory; call `saveSettings` to persist. */
export function setSetting(key: string, value: unknown): void {
  if (value === null || value === undefined) settings().remove(key);
  else settings().set(key, value);
}

/** Persists the in-memory settings into the document (promisified `saveAsync`). */
export function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    settings().saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) reject(result.error);
      else resolve();
    });
  });
}

/** The saved policy, or null when the workbook has none (callers use the default policy). */
export function loadPolicy<P = unknown>(): P | null {
  return getSetting<P>(POLICY_KEY);
}

/** Saves the policy into the workbook. */
export async function savePolicy<P>(policy: P): Promise<void> {
  setSetting(POLICY_KEY, policy);
  await saveSettings();
}

/** The confirmed mapping for a sheet, or null. */
export function loadMapping<M = unknown>(sheetName: string): M | null {
  return getSetting<M>(mappingKey(sheetName));
}

/** Saves (or with null, forgets) the confirmed mapping for a sheet. */
export async function saveMapping<M>(sheetName: string, mapping: M | null): Promise<void> {
  setSetting(mappingKey(sheetName), mapping);
  await saveSettings();
}

/** All run records (empty object when none). */
export function loadRuns(): RunRecords {
  return getSetting<RunRecords>(RUNS_KEY) ?? {};
}

/** The run record of one worksheet (by id), or null. */
export function loadRun(sheetId: string): RunRecord | null {
  return loadRuns()[sheetId] ?? null;
}

/** Saves (or with null, removes) the run record of one worksheet and persists. */
export async function saveRun(sheetId: string, record: RunRecord | null): Promise<void> {
  const runs = { ...loadRuns() };
  if (record) runs[sheetId] = record;
  else delete runs[sheetId];
  setSetting(RUNS_KEY, Object.keys(runs).length > 0 ? runs : null);
  await saveSettings();
}
