/**
 * A tiny event bus between the ribbon commands and the pane (both live in the shared runtime). The ribbon's
 * "Score sheet" handler shows the pane and calls {@link requestScoreFromRibbon}; the pane subscribes with
 * {@link onScoreRequest} and starts a run with the saved mapping. A request made before the pane has subscribed
 * (the pane is still loading) is kept and delivered to the first subscriber.
 */

type Listener = () => void;

const listeners = new Set<Listener>();
let pending = false;

/** Asks the pane to score the active sheet (delivered now, or when the pane subscribes). */
export function requestScoreFromRibbon(): void {
  if (listeners.size === 0) {
    pending = true;
    return;
  }
  for (const listener of [...listeners]) listener();
}

/** Subscribes to score requests; returns the unsubscribe function. Delivers a pending request at once. */
export function onScoreRequest(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) {
    pending = false;
    listener();
  }
  return () => {
    listeners.delete(listener);
  };
}

/** Forgets listeners and any pending request (tests). */
export function resetCommandsBridge(): void {
  listeners.clear();
  pending = false;
}
