/**
 * Conditional-format rules follow their cells as Excel moves and clears them:
 * - `Range.clear()` with All or Formats removes the rules from the cleared cells (ClearApplyTo.all "Clears
 *   everything in the range"; RemoveHyperlinks is documented as the one that "leaves … conditional formats …
 *   intact", @types/office-js): a rule wholly inside goes, a rule partly inside keeps the rest of its cells.
 * - Inserting or deleting rows/columns moves a rule's cells like any reference (a rule whose cells are all deleted
 *   goes) and adjusts the references in its formulas
 *   (https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246).
 */
import { type Rect, subtractRect } from "../address";
import { reanchor, shiftFormula, shiftRect, type Shift } from "../formula/references";
import type { SheetModel } from "./sheet";
import type { CfModel } from "./types";

/** Applies `fn` to every formula of a rule (custom formula, cell-value operands). */
function mapFormulas(cf: CfModel, fn: (f: string) => string): void {
  if (cf.custom.formula) cf.custom.formula = fn(cf.custom.formula);
  const cv = cf.cellValue;
  // Cell-value operands are formulas when they start with "=", else constants.
  if (cv.formula1.startsWith("=")) cv.formula1 = fn(cv.formula1);
  if (cv.formula2?.startsWith("=")) cv.formula2 = fn(cv.formula2);
}

/** Keeps the rule's formulas meaning the same cells when its anchor (top-left of ranges[0]) moves by dr/dc. */
function moveAnchor(cf: CfModel, from: { r: number; c: number }): void {
  const to = cf.ranges[0]!;
  const dr = to.r0 - from.r;
  const dc = to.c0 - from.c;
  if (dr !== 0 || dc !== 0) mapFormulas(cf, (f) => reanchor(f, dr, dc));
}

/** Removes the rules' hold on `rect` (Clear All / Clear Formats / clearAll): rules left with no cells go. */
export function clearRules(sheet: SheetModel, rect: Rect): void {
  sheet.cfs = sheet.cfs.filter((cf) => {
    const anchor = { r: cf.ranges[0]!.r0, c: cf.ranges[0]!.c0 };
    const ranges = cf.ranges.flatMap((r) => subtractRect(r, rect));
    if (ranges.length === 0) return false;
    if (ranges.length === cf.ranges.length && ranges.every((r, i) => r === cf.ranges[i])) return true;
    cf.ranges = ranges;
    moveAnchor(cf, anchor);
    return true;
  });
}

/** Where a surviving cell at (r, c) after the shift was before it. */
function unshiftCell(s: Shift, r: number, c: number): { r: number; c: number } {
  const [along, across] = s.vertical ? [r, c] : [c, r];
  const [lo, hi] = s.vertical ? [s.rect.c0, s.rect.c1] : [s.rect.r0, s.rect.r1];
  if (across < lo || across > hi) return { r, c };
  const at = s.vertical ? s.rect.r0 : s.rect.c0;
  const n = (s.vertical ? s.rect.r1 : s.rect.c1) - at + 1;
  const before = s.inserting ? (along >= at + n ? along - n : along) : along >= at ? along + n : along;
  return s.vertical ? { r: before, c } : { r, c: before };
}

/**
 * Moves, shrinks or drops the sheet's rules for an insert/delete on `sheet`. Formulas are written for the rule's
 * top-left cell; the new top-left cell was some cell B before the shift, so each formula is first re-expressed for
 * B (relative parts move) and then its references are shifted like any formula's.
 */
export function shiftRules(sheet: SheetModel, s: Shift): void {
  sheet.cfs = sheet.cfs.filter((cf) => {
    const old = cf.ranges[0]!;
    const ranges = cf.ranges.map((r) => shiftRect(s, r)).filter((r): r is Rect => r !== null);
    if (ranges.length === 0) return false;
    cf.ranges = ranges;
    const b = unshiftCell(s, ranges[0]!.r0, ranges[0]!.c0);
    mapFormulas(cf, (f) => shiftFormula(reanchor(f, b.r - old.r0, b.c - old.c0), sheet.name, s));
    return true;
  });
}
