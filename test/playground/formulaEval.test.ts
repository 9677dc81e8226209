import {
  errorText,
  evaluateFormula,
  formulaErrorMessage,
  todaySerial,
  type FormulaContext,
} from "../../src/playground/formulaEval";
import { serialFromYmd } from "../../src/engine/serial";
import { CustomFunctionsError } from "../../src/workbook/office/host";

class CodedError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function context(
  cells: Record<string, unknown>,
  fns: Record<string, (...a: unknown[]) => unknown> = {},
): FormulaContext {
  return {
    cell: (row, col, sheet) => cells[`${sheet ?? ""}!${String.fromCharCode(65 + col)}${row + 1}`] ?? "",
    fn: (name) => fns[name],
    today: () => 46000,
  };
}

describe("evaluateFormula", () => {
  const ctx = context({
    "!A1": 45672,
    "!A2": "Net 30",
    "!B1": 2,
    "!B2": 3,
    "Other!A1": 7,
    "My sheet!B2": 9,
    "!C1": "#N/A",
  });

  it("shares the conditional-format engine's built-ins, text-to-number rules and error propagation", () => {
    expect(evaluateFormula('="1,000"+1', ctx)).toBe(1001);
    expect(evaluateFormula("=MAX(B1:B2)", ctx)).toBe(3);
    expect(evaluateFormula('=IF(B1>1,"big","small")', ctx)).toBe("big");
    expect(evaluateFormula("=B2*50%", ctx)).toBe(1.5);
    expect(evaluateFormula("=ISERROR(C1)", ctx)).toBe(true);
    expect(evaluateFormula("=LEN(C1)", ctx)).toBe("#N/A");
  });

  it("evaluates literals and arithmetic with precedence", () => {
    expect(evaluateFormula("=1+2*3", ctx)).toBe(7);
    expect(evaluateFormula("=(1+2)*3", ctx)).toBe(9);
    expect(evaluateFormula("=-2^2", ctx)).toBe(4);
    expect(evaluateFormula("=10/4", ctx)).toBe(2.5);
    expect(evaluateFormula("=1e3", ctx)).toBe(1000);
    expect(evaluateFormula('="a""b"', ctx)).toBe('a"b');
    expect(evaluateFormula("=TRUE", ctx)).toBe(true);
    expect(evaluateFormula("=false", ctx)).toBe(false);
    expect(evaluateFormula('="x"&1&TRUE', ctx)).toBe("x1TRUE");
    expect(evaluateFormula("=B1<B2", ctx)).toBe(true);
    expect(evaluateFormula('=A2="net 30"', ctx)).toBe(true);
  });

  it("reads cell references, absolute and sheet-qualified", () => {
    expect(evaluateFormula("=A1+1", ctx)).toBe(45673);
    expect(evaluateFormula("=$A$1", ctx)).toBe(45672);
    expect(evaluateFormula("=Other!A1*2", ctx)).toBe(14);
    expect(evaluateFormula("='My sheet'!B2", ctx)).toBe(9);
    expect(evaluateFormula("=Z99", ctx)).toBe("");
    expect(evaluateFormula("=Z99+1", ctx)).toBe(1);
  });

  it("gives Excel errors instead of throwing", () => {
    expect(evaluateFormula("=1/0", ctx)).toBe("#DIV/0!");
    expect(evaluateFormula('="a"+1', ctx)).toBe("#VALUE!");
    expect(evaluateFormula("=NOPE(1)", ctx)).toBe("#NAME?");
    expect(evaluateFormula("=foo", ctx)).toBe("#NAME?");
    expect(evaluateFormula("=1+", ctx)).toBe("#NAME?");
    expect(evaluateFormula('="abc', ctx)).toBe("#NAME?");
    expect(evaluateFormula("=C1+1", ctx)).toBe("#N/A");
    expect(evaluateFormula("=#N/A", ctx)).toBe("#N/A");
    expect(evaluateFormula("=A1:B2", ctx)).toBe("#VALUE!");
    expect(evaluateFormula("=" + "(".repeat(500) + "1" + ")".repeat(500), ctx)).toBe("#NAME?");
  });

  it("has TODAY, DATE and SUM", () => {
    expect(evaluateFormula("=TODAY()", ctx)).toBe(46000);
    expect(evaluateFormula("=DATE(2025,1,15)", ctx)).toBe(serialFromYmd(2025, 1, 15));
    // Excel rolls days over: "DATE(2008,1,35) returns … February 4, 2008" (support.microsoft.com, DATE function).
    expect(evaluateFormula("=DATE(2025,2,30)", ctx)).toBe(serialFromYmd(2025, 3, 2));
    expect(evaluateFormula("=DATE(2008,1,35)", ctx)).toBe(serialFromYmd(2008, 2, 4));
    expect(evaluateFormula("=DATE(2025,13,1)", ctx)).toBe(serialFromYmd(2026, 1, 1));
    expect(evaluateFormula("=SUM(A1:B2, 1)", ctx)).toBe(45672 + 2 + 3 + 1);
  });

  it("calls custom functions with scalars, 2-D ranges, array constants and null for omitted arguments", () => {
    const seen: unknown[][] = [];
    const fns = {
      "AR.DUEDATE": (date: unknown, terms: unknown, holidays: unknown) => {
        seen.push([date, terms, holidays]);
        return (date as number) + (terms === "Net 30" ? 30 : 0);
      },
      "AR.ECHO": (...a: unknown[]) => {
        seen.push(a);
        return "ok";
      },
    };
    const c = context({ "!A1": 45672, "!A2": "Net 30", "!B1": 2, "!B2": 3 }, fns);
    expect(evaluateFormula('=AR.DUEDATE(A1,"Net 30")', c)).toBe(45702);
    expect(seen[0]).toEqual([45672, "Net 30", null]);
    expect(evaluateFormula("=ar.duedate(A1, A2, A1:B2)", c)).toBe(45702);
    expect(seen[1][2]).toEqual([
      [45672, 2],
      ["Net 30", 3],
    ]);
    expect(evaluateFormula("=AR.ECHO(,{30,60;90,120},)", c)).toBe("ok");
    expect(seen[2]).toEqual([
      null,
      [
        [30, 60],
        [90, 120],
      ],
      null,
    ]);
  });

  it("maps thrown and returned custom-function errors, matrices and promises", () => {
    const c = context(
      {},
      {
        "AR.THROWS": () => {
          throw new CodedError("#N/A");
        },
        "AR.THROWSNAME": () => {
          throw new CodedError("invalidNumber");
        },
        "AR.PLAIN": () => {
          throw new Error("boom");
        },
        "AR.RETURNS": () => new CodedError("#NUM!"),
        "AR.MATRIX": () => [[5, 6]],
        "AR.ASYNC": () => Promise.resolve(1),
        "AR.NULL": () => null,
      },
    );
    expect(evaluateFormula("=AR.THROWS()", c)).toBe("#N/A");
    expect(evaluateFormula("=AR.THROWSNAME()", c)).toBe("#NUM!");
    expect(evaluateFormula("=AR.PLAIN()", c)).toBe("#VALUE!");
    expect(evaluateFormula("=AR.RETURNS()", c)).toBe("#NUM!");
    expect(evaluateFormula("=AR.MATRIX()+1", c)).toBe(6);
    expect(evaluateFormula("=AR.ASYNC()", c)).toBe("#BUSY!");
    expect(evaluateFormula("=AR.NULL()", c)).toBe("#VALUE!");
    expect(errorText({ code: "divisionByZero" })).toBe("#DIV/0!");
    expect(errorText("nonsense")).toBe("#VALUE!");
  });
});

describe("todaySerial", () => {
  it("uses the local calendar date, as Excel's TODAY does (test/sim/today.test.ts runs under several TZ)", () => {
    expect(todaySerial(new Date(2026, 10, 28, 23, 59))).toBe(serialFromYmd(2026, 11, 28));
    expect(todaySerial(new Date(2026, 10, 28, 0, 5))).toBe(serialFromYmd(2026, 11, 28));
  });
});

describe("formulaErrorMessage (the error indicator's text)", () => {
  const ctx = context(
    { "!A1": "#VALUE!" },
    {
      "AR.BAD": () => {
        throw new CustomFunctionsError("#VALUE!", "Terms not recognised: 'Net sixty'");
      },
      "AR.MISSING": () => new CustomFunctionsError("#N/A", "No discount in these terms"),
      "AR.DIV": () => {
        throw new CustomFunctionsError("#DIV/0!", "a message Excel does not show");
      },
      "AR.BARE": () => {
        throw new CustomFunctionsError("#VALUE!");
      },
    },
  );

  it("is the custom function's message for #VALUE! and #N/A, thrown or returned", () => {
    expect(formulaErrorMessage("=AR.BAD()", ctx)).toBe("Terms not recognised: 'Net sixty'");
    expect(formulaErrorMessage("=AR.MISSING()", ctx)).toBe("No discount in these terms");
  });

  it("is undefined where Excel shows no custom message: other codes, no message, a referenced error, no error", () => {
    expect(formulaErrorMessage("=AR.DIV()", ctx)).toBeUndefined();
    expect(formulaErrorMessage("=AR.BARE()", ctx)).toBeUndefined();
    expect(formulaErrorMessage("=A1", ctx)).toBeUndefined();
    expect(formulaErrorMessage("=1+1", ctx)).toBeUndefined();
    expect(evaluateFormula("=AR.BAD()", ctx)).toBe("#VALUE!");
  });
});
