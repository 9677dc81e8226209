/**
 * URL parameters of the playground page: `?lang=en-US|zh-CN`, `?theme=light|dark`, `?sample=en|zh|large`, the
 * simulated host: `?platform=windows|mac|web` and `?excelApi=1.9` … (an ExcelApi level the simulator knows;
 * src/workbook/profile.ts), and `?rows=N` (invoices of the large sample: 1 … 1,048,575, i.e. up to Excel's full
 * sheet with the header row; default 100,000), and `?pane=N` (the task pane's width in CSS pixels, 200 … 800; default
 * {@link DEFAULT_PANE_WIDTH}: Excel opens task panes about 320–350 px wide, so screenshots can be taken at either).
 */
import { parseProfile, type HostProfile } from "../workbook/profile";
import type { PlaygroundLang } from "./i18n";

export type ThemeChoice = "light" | "dark";
export type SampleChoice = "en" | "zh" | "large";

export interface PlaygroundParams {
  lang: PlaygroundLang;
  theme: ThemeChoice;
  sample: SampleChoice;
  /** The host the simulator plays (default: Excel on Windows at the newest ExcelApi level modelled). */
  profile: HostProfile;
  /** Invoices in the large sample. */
  rows?: number;
  /** Width of the task pane in CSS pixels (absent: {@link DEFAULT_PANE_WIDTH}). */
  paneWidth?: number;
}

/** The pane's width when `?pane=` is absent (Excel's task panes open at about 320–350 px). */
export const DEFAULT_PANE_WIDTH = 350;
/** Narrowest and widest pane `?pane=` accepts (values outside are clamped). */
export const MIN_PANE_WIDTH = 200;
export const MAX_PANE_WIDTH = 800;

/** Default invoices of the large sample. */
export const LARGE_SAMPLE_ROWS = 100_000;
/** Most invoices a sheet holds: Excel's 1,048,576 rows minus the header row. */
export const MAX_SAMPLE_ROWS = 1_048_575;

/**
 * Reads the page parameters. `lang` is "zh-CN" for any "zh…" value, else "en-US"; `theme` is "dark" only when
 * asked; `sample` defaults to the Chinese sample under zh-CN and the English one otherwise; an unknown platform or
 * ExcelApi level falls back to the default profile's.
 */
export function readParams(search: string): PlaygroundParams {
  const q = new URLSearchParams(search);
  const lang: PlaygroundLang = /^zh/i.test(q.get("lang") ?? "") ? "zh-CN" : "en-US";
  const theme: ThemeChoice = q.get("theme") === "dark" ? "dark" : "light";
  const s = q.get("sample");
  const sample: SampleChoice = s === "en" || s === "zh" || s === "large" ? s : lang === "zh-CN" ? "zh" : "en";
  const r = Number(q.get("rows"));
  const rows = Number.isInteger(r) && r >= 1 ? Math.min(r, MAX_SAMPLE_ROWS) : undefined;
  const w = Number(q.get("pane"));
  const paneWidth =
    q.get("pane") && Number.isFinite(w)
      ? Math.min(MAX_PANE_WIDTH, Math.max(MIN_PANE_WIDTH, Math.round(w)))
      : undefined;
  return {
    lang,
    theme,
    sample,
    profile: parseProfile(q.get("platform"), q.get("excelApi")),
    ...(rows !== undefined ? { rows } : {}),
    ...(paneWidth !== undefined ? { paneWidth } : {}),
  };
}

/** The query string with one parameter set (others kept), e.g. for the language and theme switches. */
export function withParam(search: string, key: string, value: string): string {
  const q = new URLSearchParams(search);
  q.set(key, value);
  return `?${q.toString()}`;
}
