/** A React hook that re-renders its component whenever the workbook view reports a change. */
import { useEffect, useState } from "react";
import type { GridView } from "./viewTypes";

/** Returns a counter that increases on every `view.subscribe` notification. */
export function useViewVersion(view: GridView): number {
  const [version, setVersion] = useState(0);
  useEffect(() => view.subscribe(() => setVersion((v) => v + 1)), [view]);
  return version;
}
