/**
 * The used range of a sheet model (SheetModel.usedRect, behind getUsedRange and the playground grid's extent): the
 * scan that reads as little as it can per row must give exactly the bounding rect of every non-empty cell — compared
 * here with a plain scan of every cell, over random sparse sheets.
 */
import fc from "fast-check";
import type { Grid } from "../../src/workbook/model/grid";
import { WorkbookModel } from "../../src/workbook/model/workbook";

/** Every cell looked at: the reference the fast scan must agree with. */
function plainUsed(grids: Grid<unknown>[]): { r0: number; r1: number; c0: number; c1: number } | null {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (const g of grids)
    for (let r = 0; r < g.length; r++)
      for (let c = 0; c < (g[r]?.length ?? 0); c++) {
        const v = g[r]![c];
        if (v === undefined || v === "") continue;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
  return r1 < 0 ? null : { r0, r1, c0, c1 };
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom("x", "1-30") },
);
const grid = fc.array(fc.option(fc.array(cell, { maxLength: 9 }), { nil: undefined, freq: 3 }), {
  maxLength: 14,
});

function put(target: Grid<unknown>, cells: (unknown[] | undefined)[]): void {
  cells.forEach((row, r) => {
    if (row) target[r] = row.slice();
  });
}

test("usedRect is the bounding rect of the non-empty cells, values only or with formats, before and after edits", () => {
  fc.assert(
    fc.property(
      grid,
      grid,
      grid,
      fc.array(fc.tuple(fc.nat(15), fc.nat(10), cell)),
      (values, formats, styles, edits) => {
        const sheet = new WorkbookModel().addSheet("S");
        put(sheet.values as Grid<unknown>, values);
        put(sheet.numFmt as Grid<unknown>, formats);
        put(
          sheet.styles as Grid<unknown>,
          styles.map((row) => row?.map((v) => (v === undefined || v === "" ? v : { bold: true }))),
        );
        sheet.touch();
        const check = () => {
          expect(sheet.usedRect(true)).toEqual(plainUsed([sheet.values, sheet.formulas]));
          expect(sheet.usedRect(false)).toEqual(
            plainUsed([sheet.values, sheet.formulas, sheet.numFmt, sheet.styles]),
          );
        };
        check();
        for (const [r, c, v] of edits) {
          sheet.writeInput(r, c, v ?? "");
          sheet.touch();
          check();
        }
      },
    ),
    { numRuns: 300 },
  );
});
