/**
 * The language of the AR.* functions' error messages and of SCOREREASONS' text: Office's display language, read
 * at call time from `Office.context.displayLanguage` (fixed for the life of the runtime). It is never taken from
 * pane state (functions.md v2: a result depends only on its arguments; Excel does not recalculate a cell when the
 * pane changes something). Outside Office (tests, scripts) it is English.
 */

export type FunctionLang = "en" | "zh-CN";

interface OfficeLike {
  context?: { displayLanguage?: unknown };
}

/** "zh", "zh-CN", "zh-Hans", "zh-TW" → "zh-CN" (the Chinese we ship); anything else → "en". */
export function displayLanguage(): FunctionLang {
  let lang: unknown;
  try {
    lang = (globalThis as { Office?: OfficeLike }).Office?.context?.displayLanguage;
  } catch {
    // Office.context can throw before Office is initialised; messages then stay in English.
    lang = undefined;
  }
  return typeof lang === "string" && /^zh([-_]|$)/i.test(lang.trim()) ? "zh-CN" : "en";
}
