/**
 * Today's date (an Excel serial from `read`, the local calendar date), kept current while the pane stays open: the
 * shared runtime lives for the whole Excel session (`lifetime="long"`), so a pane opened yesterday must show today
 * after midnight. Re-read once a minute and whenever the pane regains focus or becomes visible (timers are
 * throttled in hidden webviews). A run never relies on this value: it reads today afresh when it starts.
 */
import { useEffect, useState } from "react";
import type { Serial } from "../engine/serial";

export function useToday(read: () => Serial, everyMs = 60_000): Serial {
  const [today, setToday] = useState(read);
  useEffect(() => {
    const refresh = () => setToday(read());
    refresh();
    const timer = setInterval(refresh, everyMs);
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [read, everyMs]);
  return today;
}
