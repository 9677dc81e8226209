/**
 * The pane's language and strings, provided once by the pane root and read by every view (`usePane()`).
 * Services are still passed to views as props.
 */
import { createContext, useContext } from "react";
import type { Lang } from "./i18n";
import { paneStrings, type PaneStrings } from "./strings";

export interface PaneContextValue {
  readonly lang: Lang;
  readonly s: PaneStrings;
}

export const PaneContext = createContext<PaneContextValue>({ lang: "en-US", s: paneStrings("en-US") });

/** Language and strings of the pane. */
export function usePane(): PaneContextValue {
  return useContext(PaneContext);
}
