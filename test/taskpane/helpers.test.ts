import { isoFromSerial, serialFromYmd } from "../../src/engine/serial";
import {
  formatAmount,
  formatPercent,
  parseNumberField,
  parseNumberList,
  serialFromDateInput,
  todaySerial,
} from "../../src/taskpane/format";
import { MAILTO_MAX_LENGTH, buildMailto } from "../../src/taskpane/mailto";
import {
  onScoreRequest,
  requestScoreFromRibbon,
  resetCommandsBridge,
} from "../../src/taskpane/commandsBridge";
import { presetPolicy } from "../../src/taskpane/presets";
import { mergePolicy, validatePolicy } from "../../src/engine/policy";
import { remapRole } from "../../src/taskpane/views/MappingPanel";
import { paneProgress, rowBlocks, sheetColumns } from "../../src/taskpane/excelServices";
import { MAPPABLE_ROLES } from "../../src/taskpane/services";
import { ROLE_NAMES } from "../../src/engine/sheet/types";

describe("format", () => {
  test("date input text ↔ serial, no time zone involved", () => {
    expect(serialFromDateInput("2025-01-15")).toBe(serialFromYmd(2025, 1, 15));
    expect(serialFromDateInput("2024-02-29")).toBe(serialFromYmd(2024, 2, 29));
    expect(serialFromDateInput("2025-02-29")).toBeNull();
    expect(serialFromDateInput("")).toBeNull();
    expect(serialFromDateInput("15/01/2025")).toBeNull();
    expect(isoFromSerial(serialFromDateInput("1999-12-31")!)).toBe("1999-12-31");
  });

  test("today is the local calendar date", () => {
    expect(todaySerial(new Date(2025, 2, 31, 23, 59))).toBe(serialFromYmd(2025, 3, 31));
    expect(todaySerial(new Date(2025, 0, 1, 0, 0))).toBe(serialFromYmd(2025, 1, 1));
  });

  test("amounts and percentages", () => {
    expect(formatAmount(1234567.8, "en-US")).toBe("1,234,568");
    expect(formatAmount(-1200.5, "zh-CN", 2)).toBe("-1,200.50");
    expect(formatAmount(NaN, "en-US")).toBe("–");
    expect(formatPercent(0.1234, "en-US")).toBe("12.3%");
  });

  test("number lists and fields", () => {
    expect(parseNumberList("30, 60,90")).toEqual([30, 60, 90]);
    expect(parseNumberList("30，60、90")).toEqual([30, 60, 90]);
    expect(parseNumberList("30; 60 90")).toEqual([30, 60, 90]);
    expect(parseNumberList("")).toEqual([]);
    expect(parseNumberList("30, sixty")).toBeNull();
    expect(parseNumberField(" 0.5 ")).toBe(0.5);
    expect(parseNumberField("")).toBeNull();
    expect(parseNumberField("1e3")).toBeNull();
  });
});

describe("mailto", () => {
  test("subject and body are percent-encoded, line breaks as CRLF", () => {
    const { href, truncated } = buildMailto("ap@acme.example", "Invoices & payment?", "Line 1\nLine #2 逾期");
    expect(truncated).toBe(false);
    expect(href).toBe(
      `mailto:ap@acme.example?subject=${encodeURIComponent("Invoices & payment?")}&body=${encodeURIComponent("Line 1\r\nLine #2 逾期")}`,
    );
  });

  test("long bodies are cut at a line break and marked truncated", () => {
    const body = Array.from({ length: 300 }, (_, i) => `INV-${i}  1,000.00  逾期${i}天`).join("\n");
    const { href, truncated } = buildMailto(undefined, "Reminder", body);
    expect(truncated).toBe(true);
    expect(href.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const decoded = decodeURIComponent(href.slice(href.indexOf("&body=") + 6));
    expect(decoded.startsWith("INV-0  1,000.00  逾期0天\r\nINV-1")).toBe(true);
    expect(decoded.endsWith("\r\n…")).toBe(true);
    const one = buildMailto(undefined, "S", "x".repeat(5000), 200);
    expect(one.truncated).toBe(true);
    expect(one.href.length).toBeLessThanOrEqual(200);
  });
});

describe("commands bridge", () => {
  afterEach(() => resetCommandsBridge());

  test("delivers to subscribers; a request before subscribing is kept once", () => {
    let n = 0;
    requestScoreFromRibbon();
    const off = onScoreRequest(() => n++);
    expect(n).toBe(1);
    requestScoreFromRibbon();
    expect(n).toBe(2);
    off();
    requestScoreFromRibbon();
    expect(n).toBe(2);
    const off2 = onScoreRequest(() => n++);
    expect(n).toBe(3);
    off2();
  });
});

describe("presets and mapping helpers", () => {
  test("every preset is a valid policy; workbook returns the workbook policy", () => {
    const workbook = mergePolicy({ defaultTerms: "Net 45" });
    expect(presetPolicy("workbook", workbook)).toBe(workbook);
    for (const id of ["standard", "conservative", "long"] as const)
      expect(validatePolicy(presetPolicy(id, workbook))).toEqual([]);
    expect(presetPolicy("long", workbook).aging.edges).toEqual([30, 60, 90, 180]);
  });

  test("remapRole keeps one role per column", () => {
    expect(remapRole({ customer: 0, amount: 3 }, "amount", 0)).toEqual({ amount: 0 });
    expect(remapRole({ customer: 0, amount: 3 }, "amount", null)).toEqual({ customer: 0 });
    expect(remapRole({ customer: 0 }, "dueDate", 2)).toEqual({ customer: 0, dueDate: 2 });
  });

  test("excel adapter helpers", () => {
    expect(rowBlocks([9, 2, 3, 4, 4, 0])).toEqual(["2:4", "9:9"]);
    expect(rowBlocks([])).toEqual([]);
    expect(sheetColumns(["Customer", null, " Amount "], 2)).toEqual([
      { index: 0, letter: "C", header: "Customer" },
      { index: 1, letter: "D", header: "" },
      { index: 2, letter: "E", header: "Amount" },
    ]);
    expect(paneProgress({ phase: "read", done: 0, total: 1 }).fraction).toBe(0);
    expect(paneProgress({ phase: "write", done: 1, total: 2 }).fraction).toBeCloseTo(0.575);
    expect(paneProgress({ phase: "done", done: 1, total: 1 }).fraction).toBe(1);
    expect(paneProgress({ phase: "write", done: 1, total: 2 }).message?.zh).toBe("正在写入结果列…");
  });
});

describe("MAPPABLE_ROLES", () => {
  test("offers every role the invoice reader uses, including years trading, and no Customers-sheet-only role", () => {
    expect(MAPPABLE_ROLES).toContain("yearsTrading");
    expect(MAPPABLE_ROLES).toEqual(
      expect.arrayContaining(["customer", "amount", "balance", "dueDate", "terms"]),
    );
    for (const role of ["workingCapital", "ebit", "totalAssets", "altmanModel"] as const)
      expect(MAPPABLE_ROLES).not.toContain(role);
    for (const role of MAPPABLE_ROLES) {
      expect(ROLE_NAMES[role].en).not.toBe("");
      expect(ROLE_NAMES[role].zh).not.toBe("");
    }
  });
});
