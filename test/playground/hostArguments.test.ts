/**
 * The playground calls AR.* functions as Excel does (src/playground/customFunctions.ts HOST_ARGUMENTS and
 * callSignatures, used by formulaEval): empty cells arrive as the chosen platform passes them, matrix parameters
 * receive 2-D arrays, omitted arguments are null, and an error argument never reaches a function whose metadata does
 * not allow it — the cell shows that error.
 */
import { getAdapter } from "../../src/functions/adapters";
import { buildFunctionsMetadata } from "../../src/functions/metadata";
import { HOST_ARGUMENTS, callSignatures } from "../../src/playground/customFunctions";
import { evaluateFormula, type FormulaContext } from "../../src/playground/formulaEval";
import { PLATFORMS, type Platform } from "../../src/workbook/profile";
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "../functions/fakeCustomFunctions";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

const signature = callSignatures(buildFunctionsMetadata("en-US"));

/** A1 = 45672, A2 empty, A3 = "#N/A", B1:B3 = 0, (empty), 30; C1 = "" is empty too. */
const CELLS: Record<string, unknown> = { A1: 45672, A3: "#N/A", B1: 0, B3: 30, D1: "#DIV/0!" };

function ctx(platform: Platform, fns: Record<string, (...a: unknown[]) => unknown> = {}): FormulaContext {
  return {
    cell: (row, col) => CELLS[`${String.fromCharCode(65 + col)}${row + 1}`] ?? "",
    fn: (name) => fns[name] ?? (name.startsWith("AR.") ? getAdapter(name.slice(3)) : undefined),
    host: { signature, empty: HOST_ARGUMENTS[platform] },
  };
}

describe("error arguments", () => {
  test.each(PLATFORMS)("%s: an #N/A input shows #N/A and the function is not called", (platform) => {
    let calls = 0;
    const spy = (...a: unknown[]) => {
      calls++;
      return getAdapter("RISKGRADE")!(...a);
    };
    const c = ctx(platform, { "AR.RISKGRADE": spy });
    expect(evaluateFormula("=AR.RISKGRADE(A3)", c)).toBe("#N/A");
    expect(evaluateFormula("=AR.RISKGRADE(#DIV/0!)", c)).toBe("#DIV/0!");
    expect(calls).toBe(0);
    expect(evaluateFormula("=AR.RISKGRADE(72)", c)).toBe("B");
    expect(calls).toBe(1);
  });

  test("an error inside a range argument shows that error (the first in argument order)", () => {
    const c = ctx("windows");
    expect(evaluateFormula("=AR.PAYINDEX(A1:A3)", c)).toBe("#N/A");
    expect(evaluateFormula("=AR.DUEDATE(A1, D1, A3)", c)).toBe("#DIV/0!");
    expect(evaluateFormula('=AR.DUEDATE(A1, "Net 30", A1:A3)', c)).toBe("#N/A");
  });
});

describe("empty cells as each platform passes them", () => {
  function seen(platform: Platform, formula: string): unknown[] {
    let args: unknown[] = [];
    const echo = (...a: unknown[]) => {
      args = a;
      return 1;
    };
    // AGINGBUCKET's shapes: days_past_due scalar, edges and labels matrices.
    evaluateFormula(formula.replace("ECHO", "AGINGBUCKET"), ctx(platform, { "AR.AGINGBUCKET": echo }));
    return args;
  }

  test("desktop (windows, mac): an empty scalar reference is 0; web: null", () => {
    expect(seen("windows", "=AR.ECHO(A2)")[0]).toBe(0);
    expect(seen("mac", "=AR.ECHO(A2)")[0]).toBe(0);
    expect(seen("web", "=AR.ECHO(A2)")[0]).toBeNull();
  });

  test.each(PLATFORMS)("%s: matrix parameters get 2-D arrays with empty cells as 0", (platform) => {
    expect(seen(platform, "=AR.ECHO(1, B1:B3)")[1]).toEqual([[0], [0], [30]]);
    expect(seen(platform, "=AR.ECHO(1, A2)")[1]).toEqual([[0]]);
    expect(seen(platform, "=AR.ECHO(1, 30)")[1]).toEqual([[30]]);
    expect(seen(platform, "=AR.ECHO(1, {30,60})")[1]).toEqual([[30, 60]]);
  });

  test.each(PLATFORMS)("%s: omitted arguments are null, typed empty text stays text", (platform) => {
    expect(seen(platform, "=AR.ECHO(1)")).toEqual([1, null, null]);
    expect(seen(platform, "=AR.ECHO(1,,)")).toEqual([1, null, null]);
    expect(seen(platform, '=AR.ECHO("")')[0]).toBe("");
  });
});

describe("the catalogue on each platform", () => {
  test.each(PLATFORMS)("%s: RISKGRADE of an empty cell is E, as Excel reads a blank as 0", (platform) => {
    expect(evaluateFormula("=AR.RISKGRADE(A2)", ctx(platform))).toBe("E");
  });
  test.each(PLATFORMS)("%s: AGINGBUCKET of an empty cell is Current", (platform) => {
    expect(evaluateFormula("=AR.AGINGBUCKET(A2)", ctx(platform))).toBe("Current");
  });
  test("DUEDATE of an empty invoice date is #N/A on every platform", () => {
    for (const p of PLATFORMS) expect(evaluateFormula('=AR.DUEDATE(A2,"Net 30")', ctx(p))).toBe("#N/A");
  });
});
