/** The built-in worksheet functions every formula has. */
import {
  type FormulaFunction,
  FormulaError,
  lift,
  numbersOf,
  single,
  toBool,
  toNumber,
  toText,
} from "./values";

/** The built-in functions every formula has (the conditional-format set). */
export const BUILTINS: Readonly<Record<string, FormulaFunction>> = {
  AND: lift(toBool, (...b) => b.every(Boolean)),
  OR: lift(toBool, (...b) => b.some(Boolean)),
  NOT: lift(toBool, (b) => !b),
  IF: (args) => {
    const c = toBool(args[0]?.() ?? null);
    if (c instanceof FormulaError) return c;
    if (c) return args[1] ? args[1]() : true;
    return args[2] ? args[2]() : false;
  },
  LEN: lift(toText, (s) => s.length),
  ISBLANK: (args) => single(args[0]()) === "",
  ISNUMBER: (args) => typeof single(args[0]()) === "number",
  ISTEXT: (args) => {
    const v = single(args[0]());
    return typeof v === "string" && v !== "";
  },
  ISERROR: (args) => single(args[0]()) instanceof FormulaError,
  ABS: lift(toNumber, Math.abs),
  UPPER: lift(toText, (s) => s.toUpperCase()),
  LOWER: lift(toText, (s) => s.toLowerCase()),
  TRIM: lift(toText, (s) => s.trim().replace(/ +/g, " ")),
  VALUE: lift(toNumber, (n) => n),
  MIN: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args) => {
    const ns = numbersOf(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.max(...ns) : 0;
  },
};
