/**
 * Entry of taskpane.html, the add-in's shared runtime: once Office is ready it registers the AR.* custom
 * functions (when the host supports custom functions), associates the ribbon commands and renders the
 * pane in the Office display language and theme.
 */
import { associateCommands } from "../commands/actions";
import { createScoreWorker } from "./createScoreWorker";
import { requestScoreFromRibbon } from "./commandsBridge";
import { registerCustomFunctions } from "../functions/register";
import { resolveLanguage, setLanguage } from "./i18n";
import { mountTaskpane } from "./mount";
import { themeFromBackground } from "./theme";

/** True when the host exposes the custom-functions runtime (Excel with CustomFunctionsRuntime). */
function hasCustomFunctionsRuntime(): boolean {
  return typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions !== "undefined";
}

Office.onReady(() => {
  if (hasCustomFunctionsRuntime()) registerCustomFunctions();
  // The ribbon's "Score sheet" shows this pane and asks it to score with the saved mapping.
  associateCommands(requestScoreFromRibbon);
  const language = resolveLanguage(Office.context?.displayLanguage);
  setLanguage(language);
  document.documentElement.lang = language;
  const theme = themeFromBackground(Office.context?.officeTheme?.bodyBackgroundColor);
  const container = document.getElementById("root");
  // "Score this sheet" computes in a Web Worker so the pane, ribbon and functions stay responsive.
  if (container) mountTaskpane(container, { language, theme, createScoreWorker });
});
