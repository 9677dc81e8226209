/**
 * Logical functions (https://support.microsoft.com/office/logical-functions-reference-e093c192-278b-43f6-8c3a-b6ce299931f5):
 * AND, OR, NOT, IF, IFERROR, IFNA, TRUE, FALSE.
 */
import { type FormulaFunction, FormulaError, lift, single, toBool } from "../values";

export const LOGICAL: Readonly<Record<string, FormulaFunction>> = {
  AND: lift(toBool, (...b) => b.every(Boolean)),
  OR: lift(toBool, (...b) => b.some(Boolean)),
  NOT: lift(toBool, (b) => !b),
  IF: (args) => {
    const c = toBool(args[0]?.() ?? null);
    if (c instanceof FormulaError) return c;
    if (c) return args[1] ? args[1]() : true;
    return args[2] ? args[2]() : false;
  },
  /** The value, or `fallback` when it is any error. */
  IFERROR: (args) => {
    const v = single(args[0]?.() ?? null);
    return v instanceof FormulaError ? (args[1]?.() ?? "") : (args[0]?.() ?? "");
  },
  /** The value, or `fallback` when it is #N/A. */
  IFNA: (args) => {
    const v = single(args[0]?.() ?? null);
    return v instanceof FormulaError && v.code === "#N/A" ? (args[1]?.() ?? "") : (args[0]?.() ?? "");
  },
  TRUE: () => true,
  FALSE: () => false,
};
