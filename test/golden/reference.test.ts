/**
 * The golden expected.json files checked against an independent recomputation (reference.ts, written from the
 * specs, importing nothing from src/): every scored row's added columns and the summary's KPIs, aging buckets,
 * provision matrix and customer table. An expected file regenerated from a wrong engine fails here.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  DISPLAY,
  breachText,
  bucketText,
  cents,
  loadRefInput,
  recompute,
  type RefKpis,
  type RefResult,
} from "./reference";

const DIR = join(__dirname, "..", "fixtures", "golden");
const CASES = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(DIR, e.name, "expected.json")))
  .map((e) => e.name)
  .sort();

type Cell = string | number;
interface Expected {
  output: { rows: Cell[][]; numberFormats: string[] };
  summary: { values: Cell[][]; formats: Record<string, string>; frozenRows: number } | null;
}

const F = DISPLAY.formats;
/** A1 address of a 0-based cell. */
function addr(r: number, c: number): string {
  let col = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${r + 1}`;
}
/** The number format of a summary cell (General when none is recorded). */
const fmt = (e: Expected, r: number, c: number) => e.summary!.formats[addr(r, c)] ?? "General";

const L = {
  en: {
    openBalance: "Open Balance",
    dpd: "Days Past Due",
    bucket: "Aging Bucket",
    score: "Customer Score",
    grade: "Risk Grade",
    breaches: "Breaches",
    kpi: "Portfolio KPI",
    loss: "Loss rate",
    customer: "Customer",
    basedOn: "Based on",
  },
  zh: {
    openBalance: "未收余额",
    dpd: "逾期天数",
    bucket: "账龄区间",
    score: "客户评分",
    grade: "风险等级",
    breaches: "预警",
    kpi: "组合指标",
    loss: "损失率",
    customer: "客户",
    basedOn: "依据",
  },
};
/** Label (en, zh), figure, how it is compared, and its number format ("money": in the section's currency). */
const KPI_ROWS: [
  string,
  string,
  (k: RefKpis) => number | null,
  "money" | "int" | "ratio",
  "money" | "percent" | "whole",
][] = [
  ["Customers", "客户数", (k) => k.customers, "int", "whole"],
  ["Invoices", "发票数", (k) => k.invoices, "int", "whole"],
  ["Total exposure", "应收总额", (k) => k.exposure, "money", "money"],
  ["Unapplied credit", "未核销贷项", (k) => k.credit, "money", "money"],
  ["Overdue", "逾期金额", (k) => k.overdue, "money", "money"],
  ["% over 90 days", "逾期90天以上占比", (k) => k.pctOver90, "ratio", "percent"],
  ["DSO (days)", "应收账款周转天数", (k) => k.dso, "ratio", "whole"],
  ["Best possible DSO", "最佳周转天数", (k) => k.bestDso, "ratio", "whole"],
  ["Average days delinquent", "平均逾期天数", (k) => k.add, "ratio", "whole"],
  ["Expected credit loss", "预期信用损失", (k) => k.ecl, "money", "money"],
];

function expectNumber(
  actual: Cell | undefined,
  expected: number | null,
  kind: "money" | "int" | "ratio",
  what: string,
) {
  if (expected === null) {
    expect([what, actual]).toEqual([what, ""]);
    return;
  }
  if (kind === "ratio") {
    expect([what, typeof actual]).toEqual([what, "number"]);
    expect([what, Math.abs((actual as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected))]).toEqual(
      [what, true],
    );
  } else expect([what, actual]).toEqual([what, kind === "money" ? cents(expected) : expected]);
}

/** Finds the first cell equal to `text` (row, col). */
function find(values: Cell[][], text: string, from = 0): [number, number] {
  for (let r = from; r < values.length; r++) {
    const c = values[r]!.indexOf(text);
    if (c >= 0) return [r, c];
  }
  throw new Error(`"${text}" not on the summary`);
}

describe.each(CASES)("golden %s recomputed independently", (name) => {
  const input = loadRefInput(DIR, name);
  const expected = JSON.parse(readFileSync(join(DIR, name, "expected.json"), "utf8")) as Expected;
  const lang = input.options.lang;
  const t = L[lang];
  const ref: RefResult = recompute(input);

  test("added columns of every row: open balance, days past due, bucket, score, grade, breaches", () => {
    const rows = expected.output.rows;
    const headerRow = rows.findIndex((r) => r.includes(t.openBalance));
    const h = rows[headerRow]!;
    const col = (x: string) => h.indexOf(x);
    const scored = new Set(ref.rows.map((r) => r.row));
    for (const r of ref.rows) {
      const got = rows[r.row - 1]!;
      const what = `row ${r.row}`;
      expect([what, got[col(t.openBalance)]]).toEqual([what, cents(r.open)]);
      expect([what, got[col(t.dpd)]]).toEqual([what, r.dpd ?? ""]);
      expect([what, got[col(t.bucket)]]).toEqual([what, bucketText(r.bucket, lang)]);
      expect([what, got[col(t.score)]]).toEqual([what, r.score ?? ""]);
      expect([what, got[col(t.grade)]]).toEqual([what, r.grade ?? ""]);
      expect([what, got[col(t.breaches)]]).toEqual([what, breachText(r.codes, lang)]);
      if (h[0] === (lang === "en" ? "Due Date" : "到期日")) expect([what, got[0]]).toEqual([what, r.dueDate]);
    }
    // Number formats of the added columns: money, whole days and scores, dates; text columns none.
    const formats = expected.output.numberFormats;
    expect(formats[col(t.openBalance)]).toBe(F.money);
    expect(formats[col(t.dpd)]).toBe(F.whole);
    expect(formats[col(t.score)]).toBe(F.whole);
    if (h[0] === (lang === "en" ? "Due Date" : "到期日")) expect(formats[0]).toBe(F.date);
    for (const x of [t.bucket, t.grade, t.breaches]) expect(formats[col(x)]).toBe("General");
    // Rows the reference could not read (or that are blank/totals) get nothing.
    for (let i = headerRow + 1; i < rows.length; i++)
      if (!scored.has(i + 1))
        expect([`row ${i + 1}`, rows[i]!.every((v) => v === "")]).toEqual([`row ${i + 1}`, true]);
  });

  test("summary: KPIs per section, 'based on N of M rows', base currency and missing rates", () => {
    const v = expected.summary!.values;
    const [kr, kc] = find(v, t.kpi);
    const sections = ref.sections;
    expect(v[kr]!.slice(kc + 1, kc + 1 + sections.length)).toEqual(
      sections.map((s) =>
        ref.converted
          ? ref.base
            ? `${lang === "en" ? "Value" : "数值"} (${ref.base})`
            : lang === "en"
              ? "Value"
              : "数值"
          : s.currency,
      ),
    );
    // Money in the base currency is plain (the column header names the currency); per currency, in its currency.
    const money = (s: RefKpis) => (ref.converted || !s.currency ? F.money : F.moneyIn(s.currency));
    KPI_ROWS.forEach(([en, zh, pick, kind, format], i) => {
      const row = v[kr + 1 + i]!;
      expect(row[kc]).toBe(lang === "en" ? en : zh);
      sections.forEach((s, j) => {
        expectNumber(row[kc + 1 + j], pick(s), kind, `${en} ${s.currency}`);
        const want = format === "money" ? money(s) : F[format];
        expect([en, s.currency, fmt(expected, kr + 1 + i, kc + 1 + j)]).toEqual([en, s.currency, want]);
      });
    });
    let next = kr + 1 + KPI_ROWS.length;
    if (ref.converted) {
      expectNumber(v[next]![kc + 1], ref.uninsured, "money", "uninsured");
      if (ref.uninsured !== null) expect(fmt(expected, next, kc + 1)).toBe(F.money);
      next++;
    }
    if (ref.base)
      expect(v[next++]!.slice(kc, kc + 2)).toEqual([lang === "en" ? "Base currency" : "本位币", ref.base]);
    if (!ref.converted)
      expect(v[next++]!.slice(kc, kc + 2)).toEqual([
        lang === "en" ? "Missing exchange rates" : "缺少汇率",
        ref.missing.join(", "),
      ]);
    // A sheet of open items only (no row paid) gets the DSO caveat, when some section has a DSO.
    const openItemsOnly = ref.rows.length > 0 && ref.rows.every((r) => r.kind !== "closed");
    const dsoLabel = lang === "en" ? "DSO note" : "DSO 说明";
    if (openItemsOnly && sections.some((s) => s.dso !== null)) expect(v[next]![kc]).toBe(dsoLabel);
    else expect(v.some((r) => r[kc] === dsoLabel)).toBe(false);
    const skipped = ref.rowsWithData - ref.rowsScored;
    const based = v.find((r) => r[0] === t.basedOn);
    if (skipped === 0) expect(based).toBeUndefined();
    else
      expect(based![1]).toBe(
        lang === "en"
          ? `${ref.rowsScored} of ${ref.rowsWithData} rows (${skipped} could not be read)`
          : `${ref.rowsWithData}行中的${ref.rowsScored}行（${skipped}行无法读取）`,
      );
  });

  test("summary: aging buckets and the provision matrix", () => {
    const v = expected.summary!.values;
    const [kr, kc] = find(v, t.kpi);
    const bc = kc + ref.sections.length + 2;
    const labels = DISPLAY.buckets[lang];
    const money = (s: RefKpis) => (ref.converted || !s.currency ? F.money : F.moneyIn(s.currency));
    for (let k = 0; k < 5; k++) {
      expect(v[kr + 1 + k]![bc]).toBe(labels[k]);
      ref.sections.forEach((s, j) => {
        expectNumber(v[kr + 1 + k]![bc + 1 + j], s.buckets[k]!, "money", `bucket ${k} ${s.currency}`);
        expect(fmt(expected, kr + 1 + k, bc + 1 + j)).toBe(money(s));
      });
    }
    const [pr, pc0] = find(v, t.loss);
    if (ref.converted) {
      const pc = pc0 - 2; // Bucket, Balance, Loss rate, Provision
      const s = ref.sections[0]!;
      for (let k = 0; k < 5; k++) {
        expect(v[pr + 1 + k]![pc]).toBe(labels[k]);
        expectNumber(v[pr + 1 + k]![pc + 1], s.buckets[k]!, "money", `provision balance ${k}`);
        expectNumber(v[pr + 1 + k]![pc + 3], s.provision[k]!, "money", `provision ${k}`);
        expect([k, fmt(expected, pr + 1 + k, pc + 1), fmt(expected, pr + 1 + k, pc + 2)]).toEqual([
          k,
          F.money,
          F.percent,
        ]);
        expect(fmt(expected, pr + 1 + k, pc + 3)).toBe(F.money);
      }
      expectNumber(v[pr + 6]![pc + 3], s.ecl, "money", "provision total");
      expect(fmt(expected, pr + 6, pc + 3)).toBe(F.money);
    } else {
      const pc = pc0 - 1; // Bucket, Loss rate, (Balance, Provision) per currency
      for (let k = 0; k < 5; k++) {
        expect(v[pr + 1 + k]![pc]).toBe(labels[k]);
        expect(fmt(expected, pr + 1 + k, pc + 1)).toBe(F.percent);
      }
      ref.sections.forEach((s, j) => {
        for (let k = 0; k < 5; k++) {
          expect(fmt(expected, pr + 1 + k, pc + 2 + 2 * j)).toBe(money(s));
          expect(fmt(expected, pr + 1 + k, pc + 3 + 2 * j)).toBe(money(s));
          expectNumber(v[pr + 1 + k]![pc + 2 + 2 * j], s.buckets[k]!, "money", `balance ${k} ${s.currency}`);
          expectNumber(
            v[pr + 1 + k]![pc + 3 + 2 * j],
            s.provision[k]!,
            "money",
            `provision ${k} ${s.currency}`,
          );
        }
        expectNumber(v[pr + 6]![pc + 3 + 2 * j], s.ecl, "money", `provision total ${s.currency}`);
      });
    }
  });

  test("summary: customer table (exposure, unapplied credit, buckets, overdue, payment index, utilisation, score, grade, model, breaches, reasons)", () => {
    const v = expected.summary!.values;
    const [hr] = find(v, lang === "en" ? "Currency" : "币种");
    expect(v[hr]![0]).toBe(t.customer);
    // Headers in the display language (the bucket labels included), the reasons last: they run on to the right.
    expect(v[hr]!.slice(4, 10)).toEqual([...DISPLAY.buckets[lang], lang === "en" ? "Overdue" : "逾期金额"]);
    expect(v[hr]![10]).toBe(lang === "en" ? "Payment index" : "付款指数");
    expect(v[hr]!.slice(15, 17)).toEqual(lang === "en" ? ["Breaches", "Reasons"] : ["预警", "评分原因"]);
    const width = v[hr]!.filter((x) => x !== "").length;
    const lines: Cell[][] = [];
    for (let r = hr + 1; r < v.length && v[r]![0] !== ""; r++) lines.push(v[r]!.slice(0, width));
    const want: Cell[][] = [];
    for (const c of ref.customers) {
      const model = c.model ? DISPLAY.models[lang][c.model]! : "";
      const tail: Cell[] = [
        c.payIndex ?? "",
        c.utilization ?? "",
        c.score ?? "",
        c.grade ?? "",
        model,
        breachText(c.codes, lang),
        lang === "en" ? c.reasons.en : c.reasons.zh,
      ];
      const money = (x: number | null) => (x === null ? "" : cents(x));
      if (c.currency !== null)
        want.push([
          c.name,
          c.currency,
          money(c.exposure),
          money(c.credit),
          ...c.buckets!.map(money),
          money(c.overdue),
          ...tail,
        ]);
      else
        c.byCurrency.forEach((m, i) =>
          want.push([
            c.name,
            m.currency,
            money(m.exposure),
            money(m.credit),
            ...m.buckets.map(money),
            money(m.overdue),
            ...(i === 0 ? tail : tail.map(() => "")),
          ]),
        );
    }
    // Utilisation is a ratio: compare it to 1e-9, everything else exactly.
    const ui = 11;
    expect(lines.map((l) => l.filter((_, i) => i !== ui))).toEqual(
      want.map((l) => l.filter((_, i) => i !== ui)),
    );
    lines.forEach((l, i) => {
      const w = want[i]![ui];
      if (w === "") expect(l[ui]).toBe("");
      else expect(Math.abs((l[ui] as number) - (w as number))).toBeLessThan(1e-9);
    });
    // Formats: money columns, whole payment index and score, utilisation as a percentage.
    const want1 = [...Array.from({ length: 8 }, () => F.money), F.whole, F.percent, F.whole];
    lines.forEach((_, i) =>
      want1.forEach((f, k) => expect([i, k, fmt(expected, hr + 1 + i, 2 + k)]).toEqual([i, k, f])),
    );
  });

  test("summary: title with the sheet, the as-of date (a date) and the policy; the title rows frozen; the legend", () => {
    const v = expected.summary!.values;
    const sheet = input.options.sheet ?? input.sheets[0]!.name;
    expect(v[0]![0]).toBe(lang === "en" ? `Credit Risk Summary: ${sheet}` : `信用风险汇总：${sheet}`);
    expect(v[1]!.slice(0, 3)).toEqual(
      lang === "en" ? ["As of", input.options.asOf, "Policy"] : ["截至日期", input.options.asOf, "政策"],
    );
    expect(fmt(expected, 1, 1)).toBe(F.date);
    // The default policy of every case: the default edges and loss rates, grade caps on.
    expect(v[1]![3]).toBe(
      lang === "en"
        ? "Workbook policy: aging edges 30, 60, 90 days; loss rates 0.3%, 1.6%, 3.6%, 6.6%, 10.6%; grade caps on"
        : "工作簿中的政策：账龄区间边界 30、60、90 天；损失率 0.3%、1.6%、3.6%、6.6%、10.6%；等级上限开启",
    );
    const skipped = ref.rowsWithData - ref.rowsScored;
    expect(expected.summary!.frozenRows).toBe(skipped > 0 ? 3 : 2);
    // Legend: every breach label the sheet can show, with its code.
    const [lr, lc] = find(v, lang === "en" ? "Code" : "代码");
    const legend = v.slice(lr + 1, lr + 9).map((r) => [r[lc - 1], r[lc]]);
    expect(legend).toEqual(Object.entries(DISPLAY.breaches).map(([code, l]) => [l[lang], code]));
  });
});

test("the reference imports nothing from src/", () => {
  const text = readFileSync(join(__dirname, "reference.ts"), "utf8");
  expect(text).not.toMatch(/from\s+["'][^"']*\/src\//);
  expect(text).not.toMatch(/require\(["'][^"']*\/src\//);
});
