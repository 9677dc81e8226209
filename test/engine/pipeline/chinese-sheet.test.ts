import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import { outputGrid } from "../../../src/engine/pipeline/output";
import { d } from "./fixture";

/** A Chinese ERP export placed at C5 (title rows above, two empty columns to the left cut off by the reader). */
const ROWS: unknown[][] = [
  ["应收账款明细（2025年6月）", "", "", "", "", "", "", ""],
  ["客户名称", "发票号码", "开票日期", "账期", "价税合计", "已收金额", "回款日期", "状态"],
  ["北京乙公司", "0001", "2025年3月10日", "月结30天", "¥12,000.00", "", "", "未付"],
  ["北京乙公司", "0002", "2025/4/1", "票到60天", "￥8,000", "8,000", "2025-05-20", "已付"],
  ["深圳丙公司", "0003", "2025年5月20日", "30天", "5000元", "", "", "争议"],
  ["深圳丙公司", "0004", "2025年6月1日", "30", "(1,000)", "", "", ""],
  ["合计", "", "", "", 24000, 8000, "", ""],
];
const AS_OF = d(2025, 6, 30);

describe("a Chinese sheet, offset on the worksheet", () => {
  const r = scoreTable(ROWS, undefined, DEFAULT_POLICY, AS_OF, {
    rowOffset: 4,
    columnOffset: 2,
    sheetName: "应收",
  });

  test("reads, computes due dates from Chinese terms and keeps names exactly", () => {
    expect(r.table).toMatchObject({ invoices: 4, totalRowsSkipped: 1, errorRowsSkipped: 0 });
    const byNo = Object.fromEntries(r.invoices.map((i) => [i.invoiceNo, i]));
    // 月结30天: end of March + 30 = 2025-04-30 → 61 days past due on 2025-06-30.
    expect(byNo["0001"]).toMatchObject({
      row: 7,
      dueDate: d(2025, 4, 30),
      dueDateComputed: true,
      openBalance: 12000,
      daysPastDue: 61,
      agingBucket: "61-90",
    });
    // 票到60天: 2025-05-31; paid 2025-05-20 → 11 days early.
    expect(byNo["0002"]).toMatchObject({ dueDate: d(2025, 5, 31), openBalance: 0, daysBeyondTerms: -11 });
    expect(byNo["0003"]).toMatchObject({
      dueDate: d(2025, 6, 19),
      status: "disputed",
      openBalance: 5000,
      daysPastDue: 11,
    });
    // A red-letter invoice is unapplied credit: never aged.
    expect(byNo["0004"]).toMatchObject({
      kind: "credit",
      openBalance: -1000,
      agingBucket: null,
      daysPastDue: null,
    });
    // ¥ / ￥ / 元 in the amounts: every row is CNY (the red-letter row takes the base currency, CNY).
    expect(r.invoices.map((i) => i.currency)).toEqual(["CNY", "CNY", "CNY", "CNY"]);
    expect(r.portfolio.baseCurrency).toBe("CNY");
    expect(r.customers.map((c) => c.name)).toEqual(["北京乙公司", "深圳丙公司"]);
  });

  test("issues point at the real sheet cells", () => {
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "TOTALS_ROW",
        row: 11,
        column: "C",
        header: "客户名称",
        value: "合计",
        sheet: "应收",
      }),
    ]);
  });

  test("Chinese reasons and output headers", () => {
    const b = r.customers.find((c) => c.name === "北京乙公司")!;
    // Paid 11 days early (8,000) and 0001 open 61 days past due (12,000): (−88,000 + 732,000) / 20,000 = 32.2.
    expect(b.daysBeyondTermsBasis).toBe("paidAndOpen");
    expect(b.daysBeyondTerms).toBeCloseTo(32.2, 10);
    expect(b.score).toBe(55);
    expect(b.reasons.zh).toBe("平均提前11天付款，未付发票平均逾期61天");
    expect(b.reasons.en).toBe("pays 11 days early, open invoices 61 days past due");
    const s = r.customers.find((c) => c.name === "深圳丙公司")!;
    expect(s.disputeRate).toBe(0.5);
    expect(s.reasons.zh).toContain("的发票有争议");
    expect(outputGrid(r, "zh-CN").headers).toEqual([
      "到期日",
      "未收余额",
      "逾期天数",
      "账龄区间",
      "客户评分",
      "风险等级",
      "预警",
    ]);
  });
});

test("conflicting limits on invoice rows: first wins, with a warning", () => {
  const r = scoreTable(
    [
      ["Customer", "Due Date", "Amount", "Credit Limit"],
      ["Acme", d(2025, 6, 1), 100, 1000],
      ["Acme", d(2025, 6, 1), 100, 2000],
    ],
    undefined,
    DEFAULT_POLICY,
    AS_OF,
  );
  expect(r.customers[0]!.creditLimit).toBe(1000);
  expect(r.issues).toEqual([
    expect.objectContaining({ code: "CONFLICTING_LIMIT", row: 3, severity: "warning" }),
  ]);
});
