/**
 * The golden expected.json files checked against an independent recomputation (reference.ts, written from the
 * specs, importing nothing from src/): every scored row's added columns and the summary's KPIs, aging buckets,
 * provision matrix and customer table. An expected file regenerated from a wrong engine fails here.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { cents, loadRefInput, recompute, type RefKpis, type RefResult } from "./reference";

const DIR = join(__dirname, "..", "fixtures", "golden");
const CASES = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(DIR, e.name, "expected.json")))
  .map((e) => e.name)
  .sort();

type Cell = string | number;
interface Expected {
  output: { rows: Cell[][] };
  summary: { values: Cell[][] } | null;
}

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
const KPI_ROWS: [string, string, (k: RefKpis) => number | null, "money" | "int" | "ratio"][] = [
  ["Customers", "客户数", (k) => k.customers, "int"],
  ["Invoices", "发票数", (k) => k.invoices, "int"],
  ["Total exposure", "应收总额", (k) => k.exposure, "money"],
  ["Unapplied credit", "未核销贷项", (k) => k.credit, "money"],
  ["Overdue", "逾期金额", (k) => k.overdue, "money"],
  ["% over 90 days", "逾期90天以上占比", (k) => k.pctOver90, "ratio"],
  ["DSO (days)", "应收账款周转天数", (k) => k.dso, "ratio"],
  ["Best possible DSO", "最佳周转天数", (k) => k.bestDso, "ratio"],
  ["Average days delinquent", "平均逾期天数", (k) => k.add, "ratio"],
  ["Expected credit loss", "预期信用损失", (k) => k.ecl, "money"],
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
      expect([what, got[col(t.bucket)]]).toEqual([what, r.bucket ?? ""]);
      expect([what, got[col(t.score)]]).toEqual([what, r.score ?? ""]);
      expect([what, got[col(t.grade)]]).toEqual([what, r.grade ?? ""]);
      expect([what, got[col(t.breaches)]]).toEqual([what, r.codes.join(", ")]);
      if (h[0] === (lang === "en" ? "Due Date" : "到期日")) expect([what, got[0]]).toEqual([what, r.dueDate]);
    }
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
    KPI_ROWS.forEach(([en, zh, pick, kind], i) => {
      const row = v[kr + 1 + i]!;
      expect(row[kc]).toBe(lang === "en" ? en : zh);
      sections.forEach((s, j) => expectNumber(row[kc + 1 + j], pick(s), kind, `${en} ${s.currency}`));
    });
    let next = kr + 1 + KPI_ROWS.length;
    if (ref.converted) {
      expectNumber(v[next]![kc + 1], ref.uninsured, "money", "uninsured");
      next++;
    }
    if (ref.base)
      expect(v[next++]!.slice(kc, kc + 2)).toEqual([lang === "en" ? "Base currency" : "本位币", ref.base]);
    if (!ref.converted)
      expect(v[next]!.slice(kc, kc + 2)).toEqual([
        lang === "en" ? "Missing exchange rates" : "缺少汇率",
        ref.missing.join(", "),
      ]);
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
    for (let k = 0; k < 5; k++)
      ref.sections.forEach((s, j) =>
        expectNumber(v[kr + 1 + k]![bc + 1 + j], s.buckets[k]!, "money", `bucket ${k} ${s.currency}`),
      );
    const [pr, pc0] = find(v, t.loss);
    if (ref.converted) {
      const pc = pc0 - 2; // Bucket, Balance, Loss rate, Provision
      const s = ref.sections[0]!;
      for (let k = 0; k < 5; k++) {
        expectNumber(v[pr + 1 + k]![pc + 1], s.buckets[k]!, "money", `provision balance ${k}`);
        expectNumber(v[pr + 1 + k]![pc + 3], s.provision[k]!, "money", `provision ${k}`);
      }
      expectNumber(v[pr + 6]![pc + 3], s.ecl, "money", "provision total");
    } else {
      const pc = pc0 - 1; // Bucket, Loss rate, (Balance, Provision) per currency
      ref.sections.forEach((s, j) => {
        for (let k = 0; k < 5; k++) {
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

  test("summary: customer table (exposure, unapplied credit, buckets, overdue, PAYINDEX, utilisation, score, grade, model, reasons, breaches)", () => {
    const v = expected.summary!.values;
    const [hr] = find(v, lang === "en" ? "Currency" : "币种");
    expect(v[hr]![0]).toBe(t.customer);
    const width = v[hr]!.filter((x) => x !== "").length;
    const lines: Cell[][] = [];
    for (let r = hr + 1; r < v.length && v[r]![0] !== ""; r++) lines.push(v[r]!.slice(0, width));
    const want: Cell[][] = [];
    for (const c of ref.customers) {
      const model = c.model
        ? (lang === "en"
            ? { public: "public", private: "private", nonmfg: "non-manufacturing" }
            : { public: "上市公司", private: "非上市公司", nonmfg: "非制造业" })[c.model as "public"]
        : "";
      const tail: Cell[] = [
        c.payIndex ?? "",
        c.utilization ?? "",
        c.score ?? "",
        c.grade ?? "",
        model,
        lang === "en" ? c.reasons.en : c.reasons.zh,
        c.codes.join(", "),
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
  });
});

test("the reference imports nothing from src/", () => {
  const text = readFileSync(join(__dirname, "reference.ts"), "utf8");
  expect(text).not.toMatch(/from\s+["'][^"']*\/src\//);
  expect(text).not.toMatch(/require\(["'][^"']*\/src\//);
});
