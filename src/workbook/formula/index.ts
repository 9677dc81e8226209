/**
 * The playground's one formula engine (no `eval`, no `new Function`): a lexer and parser producing one AST, and
 * one evaluator that serves both conditional-format rules ({@link evaluateFormula} here) and the simulated
 * workbook's cell formulas (the workbook model evaluates them itself; `src/playground/formulaEval` adds the add-in's
 * custom functions).
 *
 * Grammar: comparisons (= <> < > <= >=), `&`, + - * / ^, unary +/-, postfix %, numbers, "strings", TRUE/FALSE,
 * error literals (#N/A …), cell references with optional `$` and optional `Sheet!` / `'My sheet'!` prefix
 * (relative parts shift by the evaluation offset dr/dc), ranges (`A1:B3` → 2-D array), array constants
 * (`{30,60;90,120}`), and function calls with omitted arguments (`F(,1)`). Built-in functions by family
 * (`functions/`): logical AND OR NOT IF IFERROR IFNA TRUE FALSE; information ISBLANK ISNUMBER ISTEXT ISNONTEXT
 * ISLOGICAL ISERROR ISERR ISNA N T NA; math ABS ROUND INT MOD SUM MIN MAX AVERAGE COUNT COUNTA SUMIF COUNTIF SUMIFS
 * COUNTIFS (criteria with operators and wildcards: functions/criteria.ts); text LEN UPPER LOWER TRIM VALUE EXACT
 * LEFT RIGHT MID CONCATENATE CONCAT; dates TODAY DATE YEAR MONTH DAY EDATE EOMONTH NETWORKDAYS; lookup VLOOKUP MATCH
 * INDEX.
 * An unknown function or name is #NAME?, as in Excel.
 * Comparisons follow Excel: text compares case-insensitively; numbers < text < booleans; a blank cell equals 0,
 * "" and FALSE. Errors travel as {@link FormulaError} values; arithmetic overflow is #NUM!.
 */
export * from "./values";
export { type Node, type RefNode, FormulaSyntaxError, parseFormula } from "./parser";
export { BUILTINS, DATE_RESULT_FUNCTIONS, localSerial } from "./functions";
export { type EvalEnv, evaluateFormula, evaluateNode, isTruthy, resultOf } from "./evaluate";
export { type AutoFormatEnv, formulaAutoFormat } from "./autoformat";
