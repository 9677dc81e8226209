/**
 * The playground's small number-format picker (Excel's Home → Number Format list, shortened): the categories, the
 * format each applies in the display language, and which category a cell's format belongs to. Formats follow
 * Excel's built-ins for en-US and zh-CN ("Available number formats in Excel",
 * https://support.microsoft.com/office/available-number-formats-in-excel-0afe8f52-97db-41f1-b972-4b46e9f1e8d2):
 * Number with two decimals and thousands separators, Currency and Accounting in the locale's currency, the short
 * date (src/workbook/simWorkbook.ts `shortDateFormat`), Percentage with two decimals, and Text (`@`).
 */
import { shortDateFormat } from "../workbook/simWorkbook";

export type FormatCategory =
  "general" | "number" | "currency" | "accounting" | "date" | "percent" | "text" | "custom";

/** The categories the picker offers, in Excel's order ("custom" only shows a cell's other format). */
export const PICKER_CATEGORIES: readonly Exclude<FormatCategory, "custom">[] = [
  "general",
  "number",
  "currency",
  "accounting",
  "date",
  "percent",
  "text",
];

/** The number format a category applies in a display language. */
export function formatFor(category: Exclude<FormatCategory, "custom">, lang: string): string {
  const zh = /^zh/i.test(lang);
  switch (category) {
    case "general":
      return "General";
    case "number":
      return "#,##0.00";
    case "currency":
      return zh ? "¥#,##0.00" : "$#,##0.00";
    case "accounting":
      return zh
        ? '_-[$¥-804]* #,##0.00_-;-[$¥-804]* #,##0.00_-;_-[$¥-804]* "-"??_-;_-@_-'
        : '_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)';
    case "date":
      return shortDateFormat(lang);
    case "percent":
      return "0.00%";
    case "text":
      return "@";
  }
}

/** Text outside quotes and brackets (the format codes proper). */
function codes(format: string): string {
  return format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
}

/** The category a number format belongs to (what the picker shows for the active cell). */
export function categoryOf(format: string): FormatCategory {
  if (!format || format === "General") return "general";
  if (format === "@") return "text";
  const c = codes(format);
  const plain = c.replace(/\[[^\]]*\]/g, "");
  if (plain.includes("%")) return "percent";
  if (/[yd]/i.test(plain) || (/m/i.test(plain) && !/[0#?]/.test(plain))) return "date";
  const currency = /[$¥￥€£]/.test(plain) || /\[\$[^\]-]/.test(c);
  if (currency && plain.includes("*")) return "accounting";
  if (currency) return "currency";
  if (/[0#?]/.test(plain)) return "number";
  return "custom";
}
