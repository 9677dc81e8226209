/**
 * URL parameters of the playground page: `?lang=en-US|zh-CN`, `?theme=light|dark`, `?sample=en|zh|large`,
 * `?platform=windows|mac|web` (the Excel host the simulation stands for; default windows), `?rows=N` (invoices of
 * the large sample: 1 … 1,048,575, i.e. up to Excel's full sheet with the header row; default 100,000).
 */
import { PLATFORMS, type Platform } from "./customFunctions";
import type { PlaygroundLang } from "./i18n";

export type ThemeChoice = "light" | "dark";
export type SampleChoice = "en" | "zh" | "large";

export interface PlaygroundParams {
  lang: PlaygroundLang;
  theme: ThemeChoice;
  sample: SampleChoice;
  platform: Platform;
  /** Invoices in the large sample. */
  rows?: number;
}

/** Default invoices of the large sample. */
export const LARGE_SAMPLE_ROWS = 100_000;
/** Most invoices a sheet holds: Excel's 1,048,576 rows minus the header row. */
export const MAX_SAMPLE_ROWS = 1_048_575;

/**
 * Reads the page parameters. `lang` is "zh-CN" for any "zh…" value, else "en-US"; `theme` is "dark" only when
 * asked; `sample` defaults to the Chinese sample under zh-CN and the English one otherwise.
 */
export function readParams(search: string): PlaygroundParams {
  const q = new URLSearchParams(search);
  const lang: PlaygroundLang = /^zh/i.test(q.get("lang") ?? "") ? "zh-CN" : "en-US";
  const theme: ThemeChoice = q.get("theme") === "dark" ? "dark" : "light";
  const s = q.get("sample");
  const sample: SampleChoice = s === "en" || s === "zh" || s === "large" ? s : lang === "zh-CN" ? "zh" : "en";
  const p = q.get("platform")?.toLowerCase();
  const platform: Platform = PLATFORMS.find((x) => x === p) ?? "windows";
  const r = Number(q.get("rows"));
  const rows = Number.isInteger(r) && r >= 1 ? Math.min(r, MAX_SAMPLE_ROWS) : undefined;
  return { lang, theme, sample, platform, ...(rows !== undefined ? { rows } : {}) };
}

/** The query string with one parameter set (others kept), e.g. for the language and theme switches. */
export function withParam(search: string, key: string, value: string): string {
  const q = new URLSearchParams(search);
  q.set(key, value);
  return `?${q.toString()}`;
}
