/**
 * One tab stop for a list, arrow keys within it (the WAI-ARIA "roving tabindex" pattern): the current item has
 * tabIndex 0, the others -1; ArrowDown/ArrowRight and ArrowUp/ArrowLeft move to the next / previous item, Home and
 * End to the first / last, and focus follows. Tab leaves the list from wherever the analyst is in it, and coming back
 * returns to the item last used. Fluent's own Tabster arrow navigation needs layout to find items; this works the
 * same in the pane, the playground and jsdom.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from "react";

export interface RovingItemProps {
  readonly ref: (el: HTMLElement | null) => void;
  readonly tabIndex: 0 | -1;
  readonly onFocus: () => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

const NEXT = new Set(["ArrowDown", "ArrowRight"]);
const PREVIOUS = new Set(["ArrowUp", "ArrowLeft"]);

/** Roving focus over `count` items; `itemProps(i)` goes on item i's focusable element. */
export function useRovingFocus(count: number): {
  readonly current: number;
  readonly itemProps: (index: number) => RovingItemProps;
} {
  const [active, setActive] = useState(0);
  const elements = useRef<(HTMLElement | null)[]>([]);
  const current = count === 0 ? 0 : Math.min(active, count - 1);
  const move = useCallback(
    (to: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, to));
      setActive(next);
      elements.current[next]?.focus();
    },
    [count],
  );
  const itemProps = (index: number): RovingItemProps => ({
    ref: (el) => {
      elements.current[index] = el;
    },
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
    onKeyDown: (e) => {
      let to: number | null = null;
      if (NEXT.has(e.key)) to = index + 1;
      else if (PREVIOUS.has(e.key)) to = index - 1;
      else if (e.key === "Home") to = 0;
      else if (e.key === "End") to = count - 1;
      if (to === null) return;
      e.preventDefault();
      move(to);
    },
  });
  return { current, itemProps };
}
