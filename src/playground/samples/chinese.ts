/** The Chinese sample workbook: 发票 ledger with Chinese headers, names and terms, plus a 客户 sheet. */
import {
  SAMPLE_PERIOD,
  customerRows,
  exposureByCustomer,
  customerFormats,
  CUSTOMER_WIDTHS,
  generateInvoices,
  invoiceFormats,
  INVOICE_WIDTHS,
  invoiceTable,
  type CustomerProfile,
} from "./invoices";
import type { SheetData } from "./types";

const prompt = { lateDays: -1, spread: 4 };
const normal = { lateDays: 8, spread: 10 };
const slow = { lateDays: 28, spread: 14 };
const late = { lateDays: 75, spread: 30 };

/** Fictional Chinese companies; some pay late, some exceed their limits. */
export const CHINESE_CUSTOMERS: readonly CustomerProfile[] = [
  { name: "上海华东机电有限公司", habit: normal, size: 8, terms: "月结30天", currency: "CNY" },
  { name: "北京中科信达科技有限公司", habit: prompt, size: 6, terms: "票到60天", currency: "CNY" },
  { name: "广州南方纺织品有限公司", habit: slow, size: 5, terms: "月结30天", currency: "CNY" },
  {
    name: "深圳鹏城电子科技有限公司",
    habit: late,
    size: 9,
    terms: "票到60天",
    currency: "CNY",
    overLimit: true,
  },
  { name: "杭州西湖茶业有限公司", habit: prompt, size: 2, terms: "货到付款", currency: "CNY" },
  { name: "成都天府食品有限公司", habit: normal, size: 4, terms: "月结30天", currency: "CNY" },
  { name: "武汉长江物流有限公司", habit: normal, size: 3, terms: "Net 30", currency: "CNY" },
  {
    name: "南京金陵化工有限公司",
    habit: slow,
    size: 7,
    terms: "票到60天",
    currency: "CNY",
    overInsured: true,
  },
  {
    name: "天津滨海重工机械有限公司",
    habit: late,
    size: 10,
    terms: "月结30天",
    currency: "CNY",
    overLimit: true,
  },
  { name: "苏州精密模具有限公司", habit: normal, size: 5, terms: "月结30天", currency: "CNY" },
  { name: "宁波港城五金制品有限公司", habit: prompt, size: 3, terms: "Net 30", currency: "USD" },
  { name: "青岛海韵家电有限公司", habit: normal, size: 6, terms: "票到60天", currency: "CNY" },
  { name: "厦门鹭岛贸易有限公司", habit: normal, size: 2, terms: "Net 30", currency: "USD" },
  { name: "重庆山城汽车配件有限公司", habit: slow, size: 6, terms: "月结30天", currency: "CNY" },
  { name: "西安秦川建材有限公司", habit: late, size: 4, terms: "票到60天", currency: "CNY" },
  { name: "长沙湘江医药有限公司", habit: prompt, size: 5, terms: "月结30天", currency: "CNY" },
  { name: "郑州中原粮油有限公司", habit: normal, size: 3, terms: "货到付款", currency: "CNY" },
  { name: "大连北方船舶配件有限公司", habit: normal, size: 7, terms: "票到60天", currency: "CNY" },
  { name: "合肥徽商包装材料有限公司", habit: prompt, size: 2, terms: "月结30天", currency: "CNY" },
  { name: "昆明云岭花卉有限公司", habit: slow, size: 1, terms: "货到付款", currency: "CNY" },
];

export const CHINESE_INVOICE_HEADER = [
  "客户名称",
  "发票号码",
  "开票日期",
  "付款条件",
  "价税合计",
  "已收金额",
  "收款日期",
  "状态",
  "币种",
] as const;

export const CHINESE_CUSTOMER_HEADER = [
  "客户名称",
  "信用额度",
  "保险限额",
  "经营年限",
  "营运资本",
  "留存收益",
  "息税前利润",
  "所有者权益",
  "销售收入",
  "资产总额",
  "负债总额",
] as const;

export const CHINESE_STATUS = { paid: "已付", open: "未付", disputed: "争议" };

const SEED = 20261129;

/** The Chinese sample: "发票" (≈ 320 rows) and "客户" (20 rows). Deterministic. */
export function chineseSample(): SheetData[] {
  const rows = generateInvoices({
    seed: SEED,
    customers: CHINESE_CUSTOMERS,
    otherTerms: ["月结30天", "票到60天", "货到付款", "Net 30", "月结60天"],
    invoiceCount: 320,
    ...SAMPLE_PERIOD,
    invoicePrefix: "FP",
    creditNotePrefix: "HZ",
    status: CHINESE_STATUS,
  });
  const exposure = exposureByCustomer(rows, CHINESE_STATUS.paid);
  return [
    {
      name: "发票",
      values: invoiceTable(CHINESE_INVOICE_HEADER, rows),
      numberFormats: invoiceFormats(rows.length),
      columnWidths: INVOICE_WIDTHS,
    },
    {
      name: "客户",
      values: [[...CHINESE_CUSTOMER_HEADER], ...customerRows(SEED, CHINESE_CUSTOMERS, exposure)],
      numberFormats: customerFormats(CHINESE_CUSTOMERS.length),
      columnWidths: CUSTOMER_WIDTHS,
    },
  ];
}
