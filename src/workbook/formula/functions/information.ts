/**
 * Information functions (https://support.microsoft.com/office/is-functions-0f2d7971-6019-40a0-a171-f2d869135665,
 * N: https://support.microsoft.com/office/n-function-a624cad1-3635-4208-b54a-29733d1278c9,
 * T: https://support.microsoft.com/office/t-function-fb83aeec-45e7-4924-af95-53e073541228). The IS functions never
 * pass an error on: they answer TRUE or FALSE for any value.
 */
import { type FormulaFunction, type Value, FormulaError, single } from "../values";

const arg = (args: (() => Value)[]): ReturnType<typeof single> => single(args[0]?.() ?? null);
const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

export const INFORMATION: Readonly<Record<string, FormulaFunction>> = {
  ISBLANK: (args) => arg(args) === "",
  ISNUMBER: (args) => typeof arg(args) === "number",
  ISTEXT: (args) => {
    const v = arg(args);
    return typeof v === "string" && v !== "";
  },
  ISNONTEXT: (args) => {
    const v = arg(args);
    return !(typeof v === "string" && v !== "");
  },
  ISLOGICAL: (args) => typeof arg(args) === "boolean",
  ISERROR: (args) => isError(arg(args)),
  /** Any error but #N/A. */
  ISERR: (args) => {
    const v = arg(args);
    return isError(v) && v.code !== "#N/A";
  },
  ISNA: (args) => {
    const v = arg(args);
    return isError(v) && v.code === "#N/A";
  },
  /** A number (dates are numbers) as itself, TRUE 1, an error as that error, anything else 0. */
  N: (args) => {
    const v = arg(args);
    if (isError(v) || typeof v === "number") return v;
    return v === true ? 1 : 0;
  },
  /** Text as itself, an error as that error, anything else "". */
  T: (args) => {
    const v = arg(args);
    if (isError(v) || typeof v === "string") return v;
    return "";
  },
  NA: () => new FormulaError("#N/A"),
};
