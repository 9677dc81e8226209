/** The playground's own UI strings (the task pane has its own dictionary), English and Simplified Chinese. */

export type PlaygroundLang = "en-US" | "zh-CN";

const EN = {
  productName: "Credit Risk Toolkit",
  playground: "Playground",
  sample: "Sample",
  sampleEnglish: "English invoices",
  sampleChinese: "Chinese invoices",
  sampleLarge: "100,000 rows",
  language: "Language",
  theme: "Theme",
  themeLight: "Light",
  themeDark: "Dark",
  nameBox: "Selected cell",
  formulaBar: "Formula bar",
  grid: "Worksheet",
  sheetTabs: "Sheets",
  taskPane: "Task pane",
  loading: "Loading…",
  simulatedNote: "Simulated workbook — nothing leaves this page",
  hostWindows: "Excel on Windows",
  hostMac: "Excel on Mac",
  hostWeb: "Excel on the web",
  hostProfile: "Simulated host (URL parameters platform and excelApi)",
};

export type PlaygroundStrings = typeof EN;

const ZH: PlaygroundStrings = {
  productName: "信用风险工具包",
  playground: "演练场",
  sample: "示例",
  sampleEnglish: "英文发票",
  sampleChinese: "中文发票",
  sampleLarge: "100,000 行",
  language: "语言",
  theme: "主题",
  themeLight: "浅色",
  themeDark: "深色",
  nameBox: "所选单元格",
  formulaBar: "编辑栏",
  grid: "工作表",
  sheetTabs: "工作表标签",
  taskPane: "任务窗格",
  loading: "正在加载…",
  simulatedNote: "模拟工作簿——数据不会离开此页面",
  hostWindows: "Windows 版 Excel",
  hostMac: "Mac 版 Excel",
  hostWeb: "网页版 Excel",
  hostProfile: "模拟的主机（URL 参数 platform 和 excelApi）",
};

/** Strings for a language ("zh*" → Chinese, anything else English). */
export function playgroundStrings(lang: string): PlaygroundStrings {
  return /^zh/i.test(lang) ? ZH : EN;
}
