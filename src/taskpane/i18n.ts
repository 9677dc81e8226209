/**
 * Pane language: `Lang` (the two languages we ship), `resolveLanguage` (Office display language → Lang), and the
 * current language for code outside React. The strings themselves live in ./strings (one table per language with
 * the same keys); `getStrings` and `t` read those tables.
 */
import { PANE_STRINGS, type PaneStringKey, type PaneStrings } from "./strings";

export type Lang = "en-US" | "zh-CN";

export type StringKey = PaneStringKey;
export type Strings = PaneStrings;

let current: Lang = "en-US";

/** "zh", "zh-CN", "zh-Hans-SG", "ZH-tw" → "zh-CN"; anything else (including empty/undefined) → "en-US". */
export function resolveLanguage(displayLanguage: string | null | undefined): Lang {
  return typeof displayLanguage === "string" && /^zh([-_]|$)/i.test(displayLanguage.trim())
    ? "zh-CN"
    : "en-US";
}

/** The whole string table for a language. */
export function getStrings(lang: Lang): Strings {
  return PANE_STRINGS[lang];
}

/** Sets the language `t` uses. */
export function setLanguage(lang: Lang): void {
  current = lang;
}

/** The language `t` uses. */
export function getLanguage(): Lang {
  return current;
}

/** One string in the current language (or in `lang` when given). */
export function t(key: StringKey, lang: Lang = current): string {
  return PANE_STRINGS[lang][key];
}
