import { chineseSample, englishSample, largeSample, mulberry32 } from "../../src/playground/samples";
import { serialFromYmd } from "../../src/engine/serial";

const col = (values: unknown[][], header: string): unknown[] => {
  const index = values[0].indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return values.slice(1).map((r) => r[index]);
};

describe("mulberry32", () => {
  it("is deterministic per seed and stays in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("englishSample", () => {
  const sheets = englishSample();
  const invoices = sheets[0].values;

  it("is deterministic", () => {
    expect(englishSample()).toEqual(sheets);
    expect(JSON.stringify(englishSample())).toBe(JSON.stringify(sheets));
  });

  it("has Invoices, Customers and Rates sheets with the agreed headers", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Invoices", "Customers", "Rates"]);
    expect(invoices[0]).toEqual([
      "Customer",
      "Invoice No",
      "Invoice Date",
      "Terms",
      "Amount",
      "Paid Amount",
      "Paid Date",
      "Status",
      "Currency",
    ]);
    expect(sheets[1].values[0]).toEqual([
      "Customer",
      "Credit Limit",
      "Insured Limit",
      "Years Trading",
      "Working Capital",
      "Retained Earnings",
      "EBIT",
      "Equity",
      "Sales",
      "Total Assets",
      "Total Liabilities",
    ]);
  });

  it("has at least 300 invoices for at least 20 customers, all rows full width", () => {
    expect(invoices.length - 1).toBeGreaterThanOrEqual(300);
    expect(new Set(col(invoices, "Customer")).size).toBeGreaterThanOrEqual(20);
    expect(invoices.every((r) => r.length === 9)).toBe(true);
    const customers = new Set(col(sheets[1].values, "Customer"));
    expect(customers.size).toBe(sheets[1].values.length - 1);
    for (const c of col(invoices, "Customer")) expect(customers.has(c)).toBe(true);
  });

  it("spreads invoice dates over about 14 months ending in November 2026", () => {
    const dates = col(invoices, "Invoice Date") as number[];
    expect(dates.every((d) => Number.isInteger(d))).toBe(true);
    const min = Math.min(...dates);
    const max = Math.max(...dates);
    expect(max).toBeLessThanOrEqual(serialFromYmd(2026, 11, 30)!);
    expect(max).toBeGreaterThanOrEqual(serialFromYmd(2026, 11, 1)!);
    expect(max - min).toBeGreaterThan(380);
    expect(max - min).toBeLessThan(470);
    const nos = col(invoices, "Invoice No");
    expect(new Set(nos).size).toBe(nos.length);
  });

  it("mixes the required terms", () => {
    const terms = new Set(col(invoices, "Terms"));
    for (const t of [
      "Net 30",
      "Net 60",
      "2/10 Net 30",
      "EOM",
      "Net 30 EOM",
      "10th prox",
      "COD",
      "月结30天",
    ]) {
      expect(terms).toContain(t);
    }
  });

  it("has paid, open, partly paid, disputed invoices and a credit note", () => {
    const rows = invoices.slice(1);
    const [amount, paid, paidDate, status] = [4, 5, 6, 7];
    const paidRows = rows.filter((r) => r[status] === "Paid");
    expect(paidRows.length).toBeGreaterThan(100);
    expect(paidRows.every((r) => r[paid] === r[amount] && typeof r[paidDate] === "number")).toBe(true);
    expect(paidRows.every((r) => (r[paidDate] as number) <= serialFromYmd(2026, 11, 28)!)).toBe(true);
    expect(rows.every((r) => r[paidDate] === "" || (r[paidDate] as number) >= (r[2] as number))).toBe(true);
    expect(rows.filter((r) => r[status] === "Open" && r[paid] === 0).length).toBeGreaterThan(20);
    const partly = rows.filter((r) => r[status] === "Open" && (r[paid] as number) > 0);
    expect(partly.length).toBeGreaterThan(0);
    expect(partly.every((r) => (r[paid] as number) < (r[amount] as number))).toBe(true);
    expect(rows.filter((r) => r[status] === "Disputed").length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => (r[amount] as number) < 0)).toBe(true);
  });

  it("has customers over their credit limit and late payers", () => {
    const rows = invoices.slice(1);
    const exposure = new Map<string, number>();
    for (const r of rows) {
      if (r[7] !== "Paid")
        exposure.set(
          r[0] as string,
          (exposure.get(r[0] as string) ?? 0) + (r[4] as number) - (r[5] as number),
        );
    }
    const over = sheets[1].values
      .slice(1)
      .filter((c) => (exposure.get(c[0] as string) ?? 0) > (c[1] as number));
    expect(over.length).toBeGreaterThanOrEqual(2);
    const lateOpen = rows.filter(
      (r) => r[7] !== "Paid" && (r[2] as number) < serialFromYmd(2026, 11, 28)! - 150,
    );
    expect(lateOpen.length).toBeGreaterThan(0);
  });
});

describe("chineseSample", () => {
  const sheets = chineseSample();
  const invoices = sheets[0].values;

  it("is deterministic and differs from the English sample", () => {
    expect(chineseSample()).toEqual(sheets);
    expect(invoices[1][0]).not.toBe(englishSample()[0].values[1][0]);
  });

  it("has Chinese headers, Chinese customer names and a 客户 sheet", () => {
    expect(sheets.map((s) => s.name)).toEqual(["发票", "客户"]);
    expect(invoices[0]).toEqual([
      "客户名称",
      "发票号码",
      "开票日期",
      "付款条件",
      "价税合计",
      "已收金额",
      "收款日期",
      "状态",
      "币种",
    ]);
    expect(sheets[1].values[0].slice(0, 3)).toEqual(["客户名称", "信用额度", "保险限额"]);
    const names = new Set(col(invoices, "客户名称"));
    expect(names).toContain("上海华东机电有限公司");
    expect(names.size).toBeGreaterThanOrEqual(20);
    expect(invoices.length - 1).toBeGreaterThanOrEqual(300);
  });

  it("mixes Chinese and English terms and statuses", () => {
    const terms = new Set(col(invoices, "付款条件"));
    for (const t of ["月结30天", "票到60天", "货到付款", "Net 30"]) expect(terms).toContain(t);
    const status = new Set(col(invoices, "状态"));
    expect([...status].sort()).toEqual(["争议", "已付", "未付"].sort());
  });
});

describe("largeSample", () => {
  it("has exactly the requested number of rows, deterministic", () => {
    const a = largeSample(100_000);
    expect(a[0].values.length).toBe(100_001);
    expect(a[0].values[100_000][1]).toBe("L-100000");
    expect(a[0].values.every((r) => r.length === 9)).toBe(true);
    expect(largeSample(500)).toEqual(largeSample(500));
    expect(largeSample(10)[0].values.length).toBe(11);
    expect(a[0].values.slice(1).every((r) => r[6] === "" || (r[6] as number) >= (r[2] as number))).toBe(true);
  });
});

describe("sample formats and widths", () => {
  it("has number formats in the layout of the values, dates and money formatted", () => {
    for (const sheets of [englishSample(), chineseSample(), largeSample(50)]) {
      const inv = sheets[0];
      expect(inv.numberFormats).toHaveLength(inv.values.length);
      expect(inv.numberFormats![0].every((f) => f === null)).toBe(true);
      expect(inv.numberFormats![1][2]).toBe("yyyy-mm-dd");
      expect(inv.numberFormats![1][4]).toBe("#,##0.00");
      expect(inv.columnWidths).toHaveLength(9);
    }
    const customers = englishSample()[1];
    expect(customers.numberFormats).toHaveLength(customers.values.length);
  });
});
