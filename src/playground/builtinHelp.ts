/**
 * One-line help for the workbook engine's built-in functions (src/workbook/formula/functions), in English and
 * Simplified Chinese, for the playground's formula autocomplete: the argument list as Excel's tooltip writes it and
 * what the function returns (wording after each function's Microsoft support page, shortened). Optional arguments
 * are in brackets. test/playground/autocomplete.test.ts checks that every built-in has an entry.
 */

export interface BuiltinHelp {
  /** Argument names, e.g. ["lookup_value", "table_array", "col_index_num", "[range_lookup]"]. */
  args: readonly string[];
  en: string;
  zh: string;
}

const h = (args: string, en: string, zh: string): BuiltinHelp => ({
  args: args ? args.split(",").map((a) => a.trim()) : [],
  en,
  zh,
});

export const BUILTIN_HELP: Readonly<Record<string, BuiltinHelp>> = {
  AND: h("logical1, [logical2], …", "TRUE when every argument is TRUE.", "所有参数都为 TRUE 时返回 TRUE。"),
  OR: h("logical1, [logical2], …", "TRUE when any argument is TRUE.", "任一参数为 TRUE 时返回 TRUE。"),
  NOT: h("logical", "Reverses a logical value.", "对逻辑值求反。"),
  IF: h(
    "logical_test, [value_if_true], [value_if_false]",
    "One value if a condition is TRUE, another if it is FALSE.",
    "条件为 TRUE 时返回一个值，为 FALSE 时返回另一个值。",
  ),
  IFERROR: h(
    "value, value_if_error",
    "The value, or value_if_error when it is an error.",
    "返回该值；若为错误值则返回 value_if_error。",
  ),
  IFNA: h(
    "value, value_if_na",
    "The value, or value_if_na when it is #N/A.",
    "返回该值；若为 #N/A 则返回 value_if_na。",
  ),
  TRUE: h("", "The logical value TRUE.", "逻辑值 TRUE。"),
  FALSE: h("", "The logical value FALSE.", "逻辑值 FALSE。"),
  ISBLANK: h("value", "TRUE when the cell is empty.", "单元格为空时返回 TRUE。"),
  ISNUMBER: h("value", "TRUE when the value is a number.", "值为数字时返回 TRUE。"),
  ISTEXT: h("value", "TRUE when the value is text.", "值为文本时返回 TRUE。"),
  ISNONTEXT: h("value", "TRUE when the value is not text.", "值不是文本时返回 TRUE。"),
  ISLOGICAL: h("value", "TRUE when the value is a logical value.", "值为逻辑值时返回 TRUE。"),
  ISERROR: h("value", "TRUE when the value is any error.", "值为任意错误值时返回 TRUE。"),
  ISERR: h(
    "value",
    "TRUE when the value is an error other than #N/A.",
    "值为 #N/A 以外的错误值时返回 TRUE。",
  ),
  ISNA: h("value", "TRUE when the value is #N/A.", "值为 #N/A 时返回 TRUE。"),
  N: h("value", "A value converted to a number.", "将值转换为数字。"),
  T: h("value", "The text of a value, or empty text.", "返回值中的文本，否则返回空文本。"),
  NA: h("", "The error value #N/A.", "返回错误值 #N/A。"),
  ABS: h("number", "The absolute value of a number.", "数字的绝对值。"),
  ROUND: h(
    "number, num_digits",
    "A number rounded to a number of digits (halves away from zero).",
    "按指定位数四舍五入（.5 远离零进位）。",
  ),
  INT: h("number", "A number rounded down to the nearest integer.", "向下取整到最接近的整数。"),
  MOD: h("number, divisor", "The remainder after division.", "两数相除的余数。"),
  SUM: h("number1, [number2], …", "Adds its arguments.", "求参数之和。"),
  MIN: h("number1, [number2], …", "The smallest number.", "返回最小值。"),
  MAX: h("number1, [number2], …", "The largest number.", "返回最大值。"),
  AVERAGE: h("number1, [number2], …", "The average of its arguments.", "返回参数的平均值。"),
  COUNT: h("value1, [value2], …", "Counts the numbers.", "计算数字的个数。"),
  COUNTA: h("value1, [value2], …", "Counts the cells that are not empty.", "计算非空单元格的个数。"),
  COUNTIF: h("range, criteria", "Counts the cells that meet a criterion.", "计算满足条件的单元格个数。"),
  SUMIF: h(
    "range, criteria, [sum_range]",
    "Adds the cells that meet a criterion.",
    "对满足条件的单元格求和。",
  ),
  COUNTIFS: h(
    "criteria_range1, criteria1, …",
    "Counts the cells that meet every criterion.",
    "计算满足所有条件的单元格个数。",
  ),
  SUMIFS: h(
    "sum_range, criteria_range1, criteria1, …",
    "Adds the cells that meet every criterion.",
    "对满足所有条件的单元格求和。",
  ),
  LEN: h("text", "The number of characters in a text.", "文本的字符数。"),
  UPPER: h("text", "Text in upper case.", "将文本转换为大写。"),
  LOWER: h("text", "Text in lower case.", "将文本转换为小写。"),
  TRIM: h("text", "Text without extra spaces.", "删除文本中多余的空格。"),
  VALUE: h("text", "Text converted to a number.", "将文本转换为数字。"),
  EXACT: h("text1, text2", "TRUE when two texts are exactly the same.", "两段文本完全相同时返回 TRUE。"),
  LEFT: h("text, [num_chars]", "The first characters of a text.", "返回文本开头的字符。"),
  RIGHT: h("text, [num_chars]", "The last characters of a text.", "返回文本末尾的字符。"),
  MID: h("text, start_num, num_chars", "Characters from the middle of a text.", "返回文本中间的字符。"),
  CONCATENATE: h("text1, [text2], …", "Joins texts into one.", "将多段文本合并为一段。"),
  CONCAT: h("text1, [text2], …", "Joins texts and ranges into one text.", "将文本和区域合并为一段文本。"),
  TODAY: h("", "Today's date.", "返回今天的日期。"),
  DATE: h("year, month, day", "The date of a year, month and day.", "由年、月、日组成的日期。"),
  YEAR: h("serial_number", "The year of a date.", "日期的年份。"),
  MONTH: h("serial_number", "The month of a date (1–12).", "日期的月份（1–12）。"),
  DAY: h("serial_number", "The day of the month of a date (1–31).", "日期在当月中的天数（1–31）。"),
  EDATE: h(
    "start_date, months",
    "The date a number of months before or after a date.",
    "某日期之前或之后若干个月的日期。",
  ),
  EOMONTH: h(
    "start_date, months",
    "The last day of the month a number of months before or after a date.",
    "某日期之前或之后若干个月的月末日期。",
  ),
  NETWORKDAYS: h(
    "start_date, end_date, [holidays]",
    "Working days (Monday–Friday) between two dates, both included, less holidays.",
    "两个日期之间（含首尾）的工作日（周一至周五）天数，扣除节假日。",
  ),
  VLOOKUP: h(
    "lookup_value, table_array, col_index_num, [range_lookup]",
    "Looks up a value in the first column of a table and returns a value from the same row.",
    "在表格首列中查找值，并返回同一行中指定列的值。",
  ),
  MATCH: h(
    "lookup_value, lookup_array, [match_type]",
    "The position of a value in a row or column.",
    "返回值在一行或一列中的位置。",
  ),
  INDEX: h(
    "array, row_num, [column_num]",
    "The value at a row and column of a range.",
    "返回区域中指定行和列的值。",
  ),
};
