/** The Open…/Save controls' strings, English and Simplified Chinese (file messages come from src/workbook/io). */
export const FILE_STRINGS = {
  en: {
    open: "Open…",
    openTitle:
      "Open an .xlsx workbook or a .csv file (or drop it onto the grid). It is read in this page only.",
    save: "Save as .xlsx",
    saveTitle: "Download the whole workbook as it stands as an .xlsx file",
    opening: "Opening…",
    saving: "Saving…",
    dropHere: "Drop an .xlsx or .csv file to open it",
    opened: (name: string) => `Opened "${name}".`,
    refused: (name: string) => `"${name}" was not opened; the workbook is unchanged.`,
    saved: (name: string) => `Saved "${name}".`,
    notInFile: "Not in the saved file:",
    failed: (detail: string) => `Something went wrong: ${detail}. The workbook is unchanged.`,
    dismiss: "Dismiss",
    oneFile: "Drop one file at a time.",
  },
  zh: {
    open: "打开…",
    openTitle: "打开 .xlsx 工作簿或 .csv 文件（也可拖放到表格上）。文件只在此页面中读取。",
    save: "另存为 .xlsx",
    saveTitle: "将当前整个工作簿下载为 .xlsx 文件",
    opening: "正在打开…",
    saving: "正在保存…",
    dropHere: "拖放 .xlsx 或 .csv 文件以打开",
    opened: (name: string) => `已打开“${name}”。`,
    refused: (name: string) => `未打开“${name}”，工作簿保持不变。`,
    saved: (name: string) => `已保存“${name}”。`,
    notInFile: "未包含在保存的文件中：",
    failed: (detail: string) => `出现错误：${detail}。工作簿保持不变。`,
    dismiss: "关闭",
    oneFile: "请一次拖放一个文件。",
  },
};

export type FileStrings = (typeof FILE_STRINGS)["en"];

export const fileStrings = (lang: string): FileStrings =>
  /^zh/i.test(lang) ? FILE_STRINGS.zh : FILE_STRINGS.en;
