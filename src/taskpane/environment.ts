/**
 * Language and theme from the Office host when the pane is not told explicitly: Office.context.displayLanguage
 * (zh* → zh-CN, else en-US) and Office.context.officeTheme.bodyBackgroundColor (dark when its luminance is low).
 * Both read `globalThis.Office` defensively, so the pane also runs outside Office (playground, tests).
 */
import { resolveLanguage, type Lang } from "./i18n";
import type { ThemeName } from "./services";
import { themeFromBackground } from "./theme";

interface OfficeLike {
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

function officeContext(): OfficeLike["context"] {
  try {
    return (globalThis as { Office?: OfficeLike }).Office?.context;
  } catch {
    return undefined;
  }
}

/** The pane language Office asks for (en-US outside Office). */
export function officeLanguage(): Lang {
  return resolveLanguage(officeContext()?.displayLanguage);
}

/** The Fluent theme matching the Office theme (light outside Office). */
export function officeThemeName(): ThemeName {
  return themeFromBackground(officeContext()?.officeTheme?.bodyBackgroundColor);
}
