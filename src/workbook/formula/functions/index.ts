/**
 * The built-in worksheet functions, grouped by family (as HyperFormula's function plugins are): each module
 * declares its functions next to their code; one interpreter (../evaluate.ts) calls them.
 */
import type { FormulaFunction } from "../values";
import { DATE_RESULT_FUNCTIONS, DATES, localSerial } from "./date";
import { INFORMATION } from "./information";
import { LOGICAL } from "./logical";
import { LOOKUP } from "./lookup";
import { MATH } from "./math";
import { TEXT } from "./text";

/** Every built-in function by upper-case name. */
export const BUILTINS: Readonly<Record<string, FormulaFunction>> = {
  ...LOGICAL,
  ...INFORMATION,
  ...MATH,
  ...TEXT,
  ...DATES,
  ...LOOKUP,
};

export { DATE_RESULT_FUNCTIONS, localSerial };
