/**
 * jsdom shims Fluent UI v9 needs (matchMedia, ResizeObserver, scrollIntoView). Import first in every pane test.
 */
if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverShim {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverShim;
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverShim;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  // jsdom has no layout: Tabster (Fluent's keyboard navigation) treats zero-sized bodies and elements without an
  // offsetParent as invisible and would skip them on Tab. Give elements a parent-based offsetParent and the body a size.
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      const hidden = (e: HTMLElement | null): boolean =>
        !!e && (e.hidden || e.style.display === "none" || hidden(e.parentElement));
      return hidden(this) ? null : this.parentElement;
    },
  });
  document.body.getBoundingClientRect = () =>
    ({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      width: 400,
      height: 800,
      right: 400,
      bottom: 800,
      toJSON: () => ({}),
    }) as DOMRect;
}

export {};
