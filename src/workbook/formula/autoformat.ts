/**
 * The number format Excel gives a General cell when a formula is typed into it ("formula autoformat"):
 *
 * - A formula led by a date function shows a date: "If I enter the formula =TODAY() in a cell that was previously
 *   empty, I get today's date displayed and the cell's format has been changed to Date. That is also true if I enter
 *   =TODAY() + 1, but not if I enter =2 * (TODAY()/2)" (region short date format; Microsoft Tech Community, "How is
 *   the TODAY() function able to format the cell as a Date?",
 *   https://techcommunity.microsoft.com/t5/excel/how-is-the-today-function-able-to-format-the-cell-as-a-date/td-p/2040682).
 * - A formula led by a reference takes the referenced cell's format: "when you type a formula that refers to a cell
 *   or range of cells, the cell that contains the formula assumes the same format as the first cell in the range
 *   that the formula refers to" ($45.00 in A1 makes =SUM(A1:A3) show $50.00; Microsoft KB 214280, "Cell That
 *   Contains Formula Assumes Formatting of First Cell in Reference Range"), whether written =A1+3 or =3+A1.
 *
 * Modelled as the format of the formula's leading term: through unary +/-, parentheses and `+`/`-` (left operand
 * first, then right); a call of a date-returning function gives `dateFormat`; a call of SUM, MIN, MAX, AVERAGE,
 * ROUND, ABS or INT passes its first argument's format on (KB 214280's SUM case); a reference or range gives its
 * first cell's format when that is not General. Anything else (`*`, `/`, `^`, `&`, comparisons, other functions,
 * constants) gives no format. Which functions return dates is the caller's list (the built-ins' is
 * DATE_RESULT_FUNCTIONS; the playground adds the add-in's date functions).
 */
import type { Node, RefNode } from "./parser";

const PASS_THROUGH = new Set(["SUM", "MIN", "MAX", "AVERAGE", "ROUND", "ABS", "INT"]);

export interface AutoFormatEnv {
  /** Number format of a referenced cell (relative to the formula's sheet when `sheet` is undefined). */
  formatOf(row: number, col: number, sheet?: string): string;
  /** True for a function (upper-case name as written) whose result is a date. */
  isDateFunction(name: string): boolean;
  /** The date format to apply (the display language's short date). */
  dateFormat: string;
}

/** The format a typed formula gives a General cell, or undefined for none. */
export function formulaAutoFormat(node: Node, env: AutoFormatEnv): string | undefined {
  const ref = (r: RefNode): string | undefined => {
    const f = env.formatOf(r.r, r.c, r.sheet);
    return f && f !== "General" ? f : undefined;
  };
  const lead = (n: Node): string | undefined => {
    switch (n.k) {
      case "ref":
        return ref(n);
      case "range":
        return ref({ ...n.a, r: Math.min(n.a.r, n.b.r), c: Math.min(n.a.c, n.b.c) });
      case "un":
        return n.op === "%" ? undefined : lead(n.a);
      case "bin":
        return n.op === "+" || n.op === "-" ? (lead(n.a) ?? lead(n.b)) : undefined;
      case "fn":
        if (env.isDateFunction(n.name)) return env.dateFormat;
        return PASS_THROUGH.has(n.name) && n.args[0] ? lead(n.args[0]) : undefined;
      default:
        return undefined;
    }
  };
  return lead(node);
}
