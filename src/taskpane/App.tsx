/**
 * The task pane application: the {@link Pane} (views, state, theme and language) over the given services.
 * `mountTaskpane` (./mount) renders it in Excel and in the playground.
 */
import { Pane, type ViewId } from "./Pane";
import type { Lang } from "./i18n";
import type { PaneServices, ThemeName } from "./services";

export interface AppProps {
  readonly services: PaneServices;
  /** Language (default: Office display language). */
  readonly language?: Lang;
  /** Light or dark (default: Office theme). */
  readonly theme?: ThemeName;
  readonly initialView?: ViewId;
}

export function App({ services, language, theme, initialView }: AppProps) {
  return <Pane services={services} lang={language} theme={theme} initialView={initialView} />;
}
