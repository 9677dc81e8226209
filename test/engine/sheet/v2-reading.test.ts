/**
 * Spec score-sheet v2 §1: the date-order setting and its messages, the Rates sheet, and the policy's v2 fields and
 * migration of a saved v1 policy.
 */
import {
  DATE_ORDER_LABELS,
  DATE_ORDER_SETTING,
  DEFAULT_POLICY,
  mergePolicy,
  policyMigrationNotes,
  samePolicy,
  validatePolicy,
} from "../../../src/engine/policy";
import { scoreTable } from "../../../src/engine/pipeline/score-table";
import { serialFromYmd } from "../../../src/engine/serial";
import { parseDateCell, parseNumberCell } from "../../../src/engine/sheet/cells";
import { isRatesSheetName, readRates } from "../../../src/engine/sheet/rates";
import { readTable } from "../../../src/engine/sheet/table";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

/** A UK-style sheet: 4 of its 10 due dates are ambiguous day/month text. */
const UK: unknown[][] = [
  ["Customer", "Invoice No", "Due Date", "Amount"],
  ["Acme", "1", "15/02/2026", 100],
  ["Acme", "2", "03/02/2026", 100],
  ["Acme", "3", "28/01/2026", 100],
  ["Acme", "4", "05/01/2026", 100],
  ["Acme", "5", "20/12/2025", 100],
  ["Acme", "6", "11/12/2025", 100],
  ["Acme", "7", "30/11/2025", 100],
  ["Acme", "8", "13/11/2025", 100],
  ["Acme", "9", "02/11/2025", 100],
  ["Acme", "10", "21/10/2025", 100],
];
const AS_OF = d(2026, 2, 28);

describe("date order (Policy view: Automatic / Day-month-year / Month-day-year)", () => {
  test("Automatic: ambiguous dates are reported naming the setting exactly as the Policy view labels it", () => {
    const r = scoreTable(UK, undefined, DEFAULT_POLICY, AS_OF);
    expect(r.portfolio.rowsScored).toBe(6);
    expect(r.portfolio.rowsWithData).toBe(10);
    const amb = r.issues.filter((i) => i.code === "AMBIGUOUS_DATE");
    expect(amb.map((i) => i.row)).toEqual([3, 5, 7, 10]);
    expect(amb[0]!.reason.en).toBe(
      '"03/02/2026" could be day/month or month/day: set Policy › Date order to Day-month-year or Month-day-year.',
    );
    expect(amb[0]!.reason.zh).toBe(
      "“03/02/2026”无法确定是日/月还是月/日：请将“政策”视图中的“日期顺序”设为“日-月-年”或“月-日-年”。",
    );
    const hint = r.issues.find((i) => i.code === "DATE_ORDER_HINT")!;
    expect(hint.reason.en).toBe(
      "4 dates could be day/month or month/day and were not read. The sheet's other dates are all day-month-year: set Policy › Date order to Day-month-year and score again.",
    );
    expect(hint.reason.zh).toContain("请将“政策”视图中的“日期顺序”设为“日-月-年”后重新评分");
    // The labels used are the ones the Policy view shows.
    for (const m of [amb[0]!.reason, hint.reason]) {
      expect(m.en).toContain(DATE_ORDER_SETTING.en);
      expect(m.zh).toContain(DATE_ORDER_SETTING.zh);
      expect(m.en).toContain(DATE_ORDER_LABELS.DMY.en);
      expect(m.zh).toContain(DATE_ORDER_LABELS.DMY.zh);
    }
  });

  test("Day-month-year reads every row; Month-day-year reports the rows only valid day-first", () => {
    const dmy = scoreTable(UK, undefined, mergePolicy({ dateOrder: "DMY" }), AS_OF);
    expect(dmy.portfolio.rowsScored).toBe(10);
    expect(dmy.invoices[1]!.dueDate).toBe(d(2026, 2, 3));
    const mdy = readTable(UK, { policy: mergePolicy({ dateOrder: "MDY" }) });
    const mismatch = mdy.issues.find((i) => i.code === "DATE_ORDER_MISMATCH")!;
    expect(mismatch.reason.en).toBe(
      '"15/02/2026" is not a valid date in the order set in Policy › Date order (Month-day-year); it would be one as Day-month-year.',
    );
    expect(mismatch.reason.zh).toBe(
      "“15/02/2026”按“政策”视图中的“日期顺序”的设置（“月-日-年”）不是有效日期；按“日-月-年”才是。",
    );
  });

  test("the setting is saved with the policy and survives a JSON round trip", () => {
    const p = mergePolicy(JSON.parse(JSON.stringify(mergePolicy({ dateOrder: "DMY" }))));
    expect(p.dateOrder).toBe("DMY");
    expect(parseDateCell("03/02/2026", { dateOrder: p.dateOrder })).toEqual({
      ok: true,
      value: d(2026, 2, 3),
    });
  });
});

test("a decimal comma is reported naming Policy › Decimal comma, and read once it is on", () => {
  const res = parseNumberCell("1.200,50");
  expect(res).toMatchObject({ ok: false, code: "DECIMAL_COMMA" });
  if (!res.ok) {
    expect(res.reason.en).toBe('"1.200,50" uses a decimal comma: turn on Policy › Decimal comma to read it.');
    expect(res.reason.zh).toBe("“1.200,50”使用逗号作小数点：请开启“政策”视图中的“小数逗号”后再读取。");
  }
  expect(
    parseNumberCell("1.200,50", { decimalComma: mergePolicy({ decimalComma: true }).decimalComma }),
  ).toEqual({
    ok: true,
    value: 1200.5,
  });
});

describe("Rates / 汇率 sheet", () => {
  test("reads currency and rate columns by header, reporting bad rows", () => {
    expect(isRatesSheetName("rates")).toBe(true);
    expect(isRatesSheetName("汇率")).toBe(true);
    expect(isRatesSheetName("Customers")).toBe(false);
    const r = readRates(
      [
        ["Exchange rates to EUR"],
        ["Currency", "Rate"],
        ["usd", 0.92],
        ["GBP", "1.17"],
        ["", 3],
        ["JPY", 0],
        ["usd", 0.9],
      ],
      { sheetName: "Rates" },
    );
    expect(r.rates).toEqual({ USD: 0.92, GBP: 1.17 });
    expect(r.rows).toEqual({ USD: 3, GBP: 4 });
    expect(r.issues.map((i) => [i.row, i.column, i.code, i.sheet])).toEqual([
      [5, "A", "BAD_RATE", "Rates"],
      [6, "B", "BAD_RATE", "Rates"],
      [7, "A", "DUPLICATE_RATE", "Rates"],
    ]);
    expect(
      readRates([
        ["币种", "汇率"],
        ["USD", 7.1],
      ]).rates,
    ).toEqual({ USD: 7.1 });
    expect(readRates([["EUR", 1.1]]).rates).toEqual({ EUR: 1.1 });
  });
});

describe("policy v2 fields", () => {
  test("a saved v1 policy is migrated: auto → policy rates, the unchosen public model → private", () => {
    const v1 = {
      ...JSON.parse(JSON.stringify(DEFAULT_POLICY)),
      version: 1,
      lossRateMethod: "auto",
      defaultAltmanModel: "public",
    };
    delete v1.gradeCaps;
    delete v1.rates;
    const p = mergePolicy(v1);
    expect(p.version).toBe(2);
    expect(p.lossRateMethod).toBe("policy");
    expect(p.defaultAltmanModel).toBe("private");
    expect(p.gradeCaps).toEqual(DEFAULT_POLICY.gradeCaps);
    expect(p.rates).toEqual({});
    expect(policyMigrationNotes(v1).map((n) => n.en)).toEqual([
      'The saved loss-rate method "auto" was changed to "Policy rates": roll rates are now used only when chosen in the Policy view.',
      'The default Altman model is now "private" (Z′, book equity): most trade customers have no market equity. Change it in the Policy view if your customers are listed.',
    ]);
    // A v2 policy keeps the analyst's choices.
    const v2 = mergePolicy({ version: 2, defaultAltmanModel: "public", lossRateMethod: "rollRate" } as never);
    expect([v2.defaultAltmanModel, v2.lossRateMethod]).toEqual(["public", "rollRate"]);
    expect(policyMigrationNotes(JSON.parse(JSON.stringify(v2)))).toEqual([]);
  });

  test("rates and base currency are normalised; bad ones are reported", () => {
    const p = mergePolicy({ baseCurrency: " eur ", rates: { usd: 0.9, GBP: -1, JPY: "x" } } as never);
    expect(p.baseCurrency).toBe("EUR");
    expect(p.rates).toEqual({ USD: 0.9 });
    expect(validatePolicy({ ...p, baseCurrency: "euro money" }).map((x) => x.field)).toEqual([
      "baseCurrency",
    ]);
    expect(validatePolicy({ ...p, rates: { USD: 0 } }).map((x) => x.field)).toEqual(["rates.USD"]);
    expect(validatePolicy({ ...p, rollRate: { ...p.rollRate, floorShare: 2 } }).map((x) => x.field)).toEqual([
      "rollRate.floorShare",
    ]);
    expect(
      validatePolicy({ ...p, gradeCaps: { ...p.gradeCaps, rules: [{ overDays: 0, maxGrade: "C" }] } }).map(
        (x) => x.field,
      ),
    ).toEqual(["gradeCaps.rules.0"]);
  });

  test("samePolicy ignores key order", () => {
    const a = mergePolicy({ rates: { USD: 0.9, GBP: 1.1 } });
    const b = mergePolicy(JSON.parse(JSON.stringify({ ...a, rates: { GBP: 1.1, USD: 0.9 } })));
    expect(samePolicy(a, b)).toBe(true);
    expect(samePolicy(a, mergePolicy({ rates: { USD: 0.9 } }))).toBe(false);
    expect(samePolicy(a, { ...a, dateOrder: "DMY" })).toBe(false);
  });
});
