/**
 * URL parameters of the playground page: `?lang=en-US|zh-CN`, `?theme=light|dark`, `?sample=en|zh|large`, and the
 * simulated host: `?platform=windows|mac|web` and `?excelApi=1.9` … (an ExcelApi level the simulator knows;
 * src/workbook/profile.ts).
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
}

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
  return { lang, theme, sample, profile: parseProfile(q.get("platform"), q.get("excelApi")) };
}

/** The query string with one parameter set (others kept), e.g. for the language and theme switches. */
export function withParam(search: string, key: string, value: string): string {
  const q = new URLSearchParams(search);
  q.set(key, value);
  return `?${q.toString()}`;
}
