/**
 * F6 between the playground's regions, as Excel moves between its own: "F6: Switches between the worksheet, ribbon,
 * task pane, and Zoom controls"; "Shift+F6: Switches between the worksheet, Zoom controls, task pane, and ribbon";
 * in Excel for the web Ctrl+F6 / Ctrl+Shift+F6 move between the regions, because the browser keeps F6 for its own
 * address bar ("Keyboard shortcuts in Excel",
 * https://support.microsoft.com/office/keyboard-shortcuts-in-excel-1798d9d5-842a-42b8-9c99-9b7213f0040f).
 *
 * The playground's regions, in F6 order: the worksheet (the grid), the task pane, the top bar (the playground's
 * "ribbon": sample, language and theme) — then the worksheet again; Shift+F6 goes the other way. Ctrl+F6 and
 * Ctrl+Shift+F6 do the same (Excel desktop's Ctrl+F6 switches workbook windows; the playground has one, so it
 * behaves as Excel for the web). Entering the task pane returns to the control that last had the focus there (as
 * Office keeps a task pane's focus), else its first focusable control; the worksheet takes the focus on the grid
 * itself (its active cell); the top bar on its first control.
 */

/** Elements the keyboard can reach with Tab, in document order. */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Is `el` drawn: neither it nor an ancestor up to `root` has `display: none` or `visibility: hidden`? */
function isRendered(el: HTMLElement, root: HTMLElement): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  if (view.getComputedStyle(el).visibility === "hidden") return false;
  for (let n: HTMLElement | null = el; n && n !== root.parentElement; n = n.parentElement) {
    if (view.getComputedStyle(n).display === "none") return false;
  }
  return true;
}

/** The first element of `root` that Tab would reach (visible, not inside a hidden subtree), or null. */
export function firstTabbable(root: HTMLElement): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (el.tabIndex < 0 || el.closest("[hidden], [aria-hidden='true'], [inert]")) continue;
    // Not rendered (e.g. the Open… button's `display: none` file input): a browser cannot focus it.
    if (!isRendered(el, root)) continue;
    // Fluent's focus-trap guards are tabbable spans with no content: skip them.
    if (el.hasAttribute("data-tabster-dummy")) continue;
    return el;
  }
  return null;
}

export interface Region {
  /** The region's container. */
  root: HTMLElement;
  /** Where the focus goes when the region is entered. */
  target(): HTMLElement | null;
}

/** Is this key press a region move (F6, Shift+F6, Ctrl+F6, Ctrl+Shift+F6)? Returns the direction or null. */
export function regionKey(e: {
  key: string;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): 1 | -1 | null {
  if (e.key !== "F6" || e.altKey || e.metaKey) return null;
  return e.shiftKey ? -1 : 1;
}

/**
 * The region to enter from the element that has the focus, `direction` steps on (1 forward, -1 back). From outside
 * every region (the page's body) forward enters the first region, back the last.
 */
export function nextRegion(
  regions: readonly Region[],
  active: Element | null,
  direction: 1 | -1,
): Region | null {
  const usable = regions.filter((r) => r.root.isConnected);
  if (!usable.length) return null;
  const at = usable.findIndex((r) => active !== null && r.root.contains(active));
  if (at < 0) return direction === 1 ? usable[0]! : usable[usable.length - 1]!;
  return usable[(at + direction + usable.length) % usable.length]!;
}
