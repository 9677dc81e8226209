/**
 * What opening and saving a file tells the analyst, in English and Simplified Chinese: refusals (the file cannot be
 * opened; the current workbook stays as it was) and notes (opened or saved, but something is not carried over).
 */
import type { Msg } from "../../engine/sheet/types";

export type { Msg };

export const REFUSALS = {
  encrypted: {
    en: "This workbook is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save it and open it here again.",
    zh: "此工作簿受密码保护（已加密）。请在 Excel 中打开，删除密码（文件 › 信息 › 保护工作簿 › 用密码进行加密），保存后再在此处打开。",
  },
  legacyXls: {
    en: "This is a legacy Excel 97–2003 workbook (.xls), which cannot be read here. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx) or CSV.",
    zh: "这是旧版 Excel 97–2003 工作簿（.xls），此处无法读取。请在 Excel 或 LibreOffice 中打开，另存为 Excel 工作簿（.xlsx）或 CSV。",
  },
  oleOther: {
    en: "This file is an OLE compound document, not an .xlsx workbook or a CSV file, so it cannot be opened here.",
    zh: "此文件是 OLE 复合文档，不是 .xlsx 工作簿或 CSV 文件，无法在此打开。",
  },
  empty: { en: "The file is empty.", zh: "文件为空。" },
  notXlsx: (detail: string): Msg => ({
    en: `The file could not be read as an .xlsx workbook (it may be damaged or not an Excel file): ${detail}`,
    zh: `无法将此文件读取为 .xlsx 工作簿（文件可能已损坏或不是 Excel 文件）：${detail}`,
  }),
  unknownType: (name: string): Msg => ({
    en: `"${name}" is neither an .xlsx workbook nor a .csv file. Open an .xlsx or .csv file.`,
    zh: `“${name}”既不是 .xlsx 工作簿也不是 .csv 文件。请打开 .xlsx 或 .csv 文件。`,
  }),
  csvNotText: {
    en: "The file is not text (it holds binary data), so it cannot be read as CSV.",
    zh: "此文件不是文本（包含二进制数据），无法作为 CSV 读取。",
  },
  csvTooBig: (rows: number): Msg => ({
    en: `The CSV file has ${rows.toLocaleString("en-US")} rows; a worksheet holds at most 1,048,576.`,
    zh: `CSV 文件有 ${rows} 行，工作表最多容纳 1,048,576 行。`,
  }),
  noSheets: { en: "The workbook has no worksheets.", zh: "工作簿中没有工作表。" },
} as const;

export const NOTES = {
  /** Parts of an opened .xlsx the workbook model does not hold (listed once per kind). */
  notKept: (what: string, whatZh: string): Msg => ({
    en: `Not kept from the file: ${what}. Saving writes the workbook without it.`,
    zh: `未保留文件中的${whatZh}；保存时不会写入。`,
  }),
  csvEncoding: (encoding: string, delimiter: string): Msg => {
    const names: Record<string, [string, string]> = {
      ",": ["comma", "逗号"],
      ";": ["semicolon", "分号"],
      "\t": ["tab", "制表符"],
    };
    const [en, zh] = names[delimiter] ?? [JSON.stringify(delimiter), JSON.stringify(delimiter)];
    return {
      en: `Read as ${encoding} text, ${en}-separated.`,
      zh: `按 ${encoding} 编码读取，以${zh}分隔。`,
    };
  },
  chartNotSaved: (chart: string, sheet: string, source: string): Msg => ({
    en: `The chart "${chart}" on sheet "${sheet}" is not in the saved file: the .xlsx writer (ExcelJS) cannot write charts. Its data (${source}) is saved; insert a chart from it in Excel if you need one.`,
    zh: `工作表“${sheet}”上的图表“${chart}”未保存到文件中：.xlsx 写入组件（ExcelJS）无法写入图表。其数据（${source}）已保存，如需图表请在 Excel 中据此插入。`,
  }),
  nameNotSaved: (name: string, formula: string): Msg => ({
    en: `The name "${name}" (${formula}) is not in the saved file: the .xlsx writer keeps only names that refer to cells.`,
    zh: `名称“${name}”（${formula}）未保存：.xlsx 写入组件只保存引用单元格的名称。`,
  }),
  settingsNotSaved: (keys: string[]): Msg => ({
    en: `The add-in's workbook settings (${keys.join(", ")}) are not in the saved file: the .xlsx writer cannot write Office add-in settings. Opened again, the add-in uses its default policy and asks to confirm the columns.`,
    zh: `加载项的工作簿设置（${keys.join("、")}）未保存到文件中：.xlsx 写入组件无法写入 Office 加载项设置。再次打开时，加载项使用默认政策并请您确认各列。`,
  }),
  ruleNotSaved: (type: string, sheet: string, address: string): Msg => ({
    en: `A ${type} conditional format on "${sheet}"!${address} is not in the saved file: the .xlsx writer cannot write that rule type.`,
    zh: `“${sheet}”!${address} 上的 ${type} 条件格式未保存：.xlsx 写入组件无法写入该规则类型。`,
  }),
};
