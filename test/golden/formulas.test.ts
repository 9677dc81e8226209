/**
 * Every formula the add-in emits works: after each golden run (both display languages), every conditional-format
 * rule on every sheet is evaluated at every cell it covers with the simulator's strict engine (an unknown function
 * or name throws instead of quietly not painting), and every formula cell the run wrote reads a non-error value.
 * The highlight rules must also really paint something: a run whose rules never match would hide every breach.
 */
import { evaluateFormula, isTruthy } from "../../src/workbook/formula";
import { readerFor } from "../../src/workbook/view/paint";
import type { SimWorkbook } from "../../src/workbook";
import { CF_MARKER } from "../../src/excel/writePlan";
import { caseNames, loadInput, scoreCase, setupCase } from "./harness";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

interface Finding {
  rules: number;
  cellsEvaluated: number;
  painted: number;
  errors: string[];
}

/** Evaluates every rule of ours (custom rules carrying the marker) at every cell of every sheet. */
function checkRules(wb: SimWorkbook): Finding {
  const out: Finding = { rules: 0, cellsEvaluated: 0, painted: 0, errors: [] };
  for (const sheet of wb.model.sheets) {
    const today = () => wb.model.todaySerial();
    for (const cf of sheet.cfs) {
      if (cf.type !== "Custom" || !cf.custom.formula.includes(CF_MARKER)) continue;
      out.rules++;
      const anchor = cf.ranges[0]!;
      for (const r of cf.ranges) {
        for (let row = r.r0; row <= Math.min(r.r1, r.r0 + 5000); row++) {
          for (let col = r.c0; col <= r.c1; col++) {
            out.cellsEvaluated++;
            const where = `${sheet.name}!R${row + 1}C${col + 1} ${cf.custom.formula}`;
            try {
              const v = evaluateFormula(
                cf.custom.formula,
                readerFor(sheet),
                row - anchor.r0,
                col - anchor.c0,
                today,
              );
              if (typeof v === "string" && v.startsWith("#")) out.errors.push(`${where} → ${v}`);
              else if (isTruthy(v)) out.painted++;
            } catch (e) {
              out.errors.push(`${where} → ${String(e)}`);
            }
          }
        }
      }
    }
  }
  return out;
}

/** Formula cells on every sheet whose value is an error. */
function formulaErrors(wb: SimWorkbook): string[] {
  const bad: string[] = [];
  for (const sheet of wb.model.sheets) {
    sheet.formulas.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f === undefined) return;
        const v = sheet.getValue(r, c);
        if (typeof v === "string" && v.startsWith("#"))
          bad.push(`${sheet.name}!R${r + 1}C${c + 1} ${f} → ${v}`);
      }),
    );
  }
  return bad;
}

describe.each(caseNames())("golden %s", (name) => {
  test.each(["en", "zh"] as const)(
    "every rule and formula the run emits evaluates without error (%s)",
    async (lang) => {
      const input = loadInput(name);
      const wb = await setupCase(input);
      const formulasBefore = formulaErrors(wb);
      const scored = await scoreCase({ ...input.options, lang });
      expect(scored.outcome.status).toBe("done");
      const rules = checkRules(wb);
      expect(rules.errors).toEqual([]);
      expect(rules.rules).toBeGreaterThan(0);
      expect(rules.painted).toBeGreaterThan(0);
      expect(formulaErrors(wb)).toEqual(formulasBefore);
    },
  );
});
