/**
 * Fuzz targets shared by the jest runs (test/fuzz/*.test.ts, short) and scripts/fuzz.ts (≥ 100,000 cases):
 * fast-check properties over the terms parser, the date parsers, header detection and the whole pipeline
 * (readTable + scoreTable + the output grid) on random hostile tables.
 *
 * Invariants: never throws; exposure = sum of open balances; bucket totals sum to exposure (portfolio and per
 * customer); every skipped row has an issue naming its row; scores are integers 0..100 with the matching grade;
 * output rows align with input rows; no output text starts with = + - @.
 */
import fc from "fast-check";
import { parseDateText } from "../../src/engine/dates";
import { outputGrid, scoreTable } from "../../src/engine/pipeline";
import { mergePolicy, type Policy } from "../../src/engine/policy";
import { riskGrade } from "../../src/engine/score";
import { MAX_SERIAL, serialFromYmd } from "../../src/engine/serial";
import { parseDateCell, parseNumberCell } from "../../src/engine/sheet/cells";
import { detectHeaderRow, detectMapping, guessRole, HEADER_SYNONYMS } from "../../src/engine/sheet/headers";
import { isBlank } from "../../src/engine/sheet/normalize";
import { readTable } from "../../src/engine/sheet/table";
import { ROLES, type Role } from "../../src/engine/sheet/types";
import { dueDate, parseTerms } from "../../src/engine/terms";

export interface FuzzTarget {
  readonly name: string;
  /** Share of the total budget (weights are normalised by the runner). */
  readonly weight: number;
  readonly property: () => fc.IAsyncPropertyWithHooks<unknown> | fc.IPropertyWithHooks<unknown>;
}

// ─────────────────────────── arbitraries ───────────────────────────

const EXCEL_ERRORS = [
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];
const NASTY = [
  "",
  " ",
  "\u00a0",
  "\u200b",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "9".repeat(400),
  "=1+1",
  "+cmd",
  "-2+3",
  "@SUM(1)",
  "__proto__",
  "constructor",
  "toString",
  "03/04/2025",
  "31/02/2025",
  "2025-02-30",
  "2025年13月1日",
  "15-Foo-2025",
  "(1,200)",
  "$1,200.50",
  "1.200,50",
  "50%",
  "Total",
  "合计",
  "paid",
  "已付",
  "disputed",
  "Net 30",
  "2/10 Net 30",
  "EOM",
  "月结30天",
  "😀",
  "\u202Eevil",
  "北京科技",
];

/** Any cell value Office.js can return (number, string, boolean), plus hostile JS values that must not crash. */
export const cellArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 40_000, max: 47_000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY, ...EXCEL_ERRORS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, {}, [], NaN, Infinity, -Infinity) },
);

const headerTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ROLES.flatMap((r) => HEADER_SYNONYMS[r])),
  fc.constantFrom("Notes", "Region", "Sales Rep", "备注", ""),
  fc.string({ maxLength: 10 }),
);

/** A cell that is usually valid for its role and sometimes hostile. */
function roleCellArb(role: Role | null): fc.Arbitrary<unknown> {
  const date = fc.oneof(
    fc.integer({ min: 43_000, max: 47_000 }),
    fc.integer({ min: 43_000, max: 47_000 }).map((n) => {
      const y = 2017 + (n % 9);
      const forms = [
        `${y}-0${1 + (n % 9)}-1${n % 10}`,
        `${y}/${1 + (n % 12)}/${1 + (n % 28)}`,
        `${1 + (n % 28)}/0${1 + (n % 9)}/${y}`,
      ];
      return forms[n % 3]!;
    }),
  );
  const money = fc.oneof(
    fc.double({ min: -1e6, max: 1e7, noNaN: true }),
    fc.integer({ min: -5000, max: 100_000 }),
    fc.constantFrom("$1,200.50", "(300)", "¥ 800", "0", 0),
  );
  const valid: Partial<Record<Role, fc.Arbitrary<unknown>>> = {
    customer: fc.oneof(
      fc.constantFrom("Acme", "acme ", "北京科技", "Beta Ltd", "=Evil", "😀 Co", "Total"),
      fc.string({ minLength: 1, maxLength: 6 }),
    ),
    invoiceNo: fc.oneof(fc.string({ maxLength: 6 }), fc.nat()),
    invoiceDate: date,
    dueDate: date,
    paidDate: fc.oneof(date, fc.constant("")),
    terms: fc.constantFrom("Net 30", "2/10 Net 30", "EOM", "月结30天", "COD", "10th prox", "", "forever"),
    amount: money,
    paid: fc.oneof(money, fc.constantFrom("Y", "N", true, "")),
    balance: money,
    status: fc.constantFrom("open", "paid", "disputed", "已付", "争议", "weird", ""),
    currency: fc.constantFrom("USD", "CNY", "eur", ""),
    creditLimit: fc.oneof(money, fc.constant("")),
  };
  const ok = role ? valid[role] : undefined;
  return ok ? fc.oneof({ weight: 6, arbitrary: ok }, { weight: 1, arbitrary: cellArb }) : cellArb;
}

const TABLE_ROLES: Role[] = [
  "invoiceNo",
  "invoiceDate",
  "terms",
  "paid",
  "balance",
  "paidDate",
  "status",
  "currency",
  "creditLimit",
];

/** A table with a recognisable header (customer, amount, due date + optional roles and junk columns). */
const structuredTableArb: fc.Arbitrary<unknown[][]> = fc
  .record({
    extra: fc.subarray(TABLE_ROLES),
    junkCols: fc.nat({ max: 2 }),
    order: fc.nat(),
    synSeed: fc.nat(),
    noDue: fc.boolean(),
    junkRows: fc.array(fc.array(cellArb, { maxLength: 3 }), { maxLength: 2 }),
  })
  .chain(({ extra, junkCols, order, synSeed, noDue, junkRows }) => {
    const roles: (Role | null)[] = [
      "customer",
      "amount",
      ...(noDue ? [] : (["dueDate"] as Role[])),
      ...extra,
    ];
    for (let k = 0; k < junkCols; k++) roles.push(null);
    // Deterministic shuffle from `order`.
    for (let i = roles.length - 1; i > 0; i--) {
      const j = (order + i * 7919) % (i + 1);
      [roles[i], roles[j]] = [roles[j]!, roles[i]!];
    }
    const header = roles.map((r, i) => {
      if (!r) return "Notes";
      const syn = HEADER_SYNONYMS[r].filter((t) => guessRole(t)?.role === r);
      return syn[(synSeed + i) % syn.length]!;
    });
    const row = fc.tuple(...roles.map((r) => roleCellArb(r)));
    return fc
      .array(row, { maxLength: 25 })
      .map((rows) => [...junkRows, header, ...rows.map((r) => [...r])] as unknown[][]);
  });

/** Hostile tables: mostly structured (so rows get read and scored), sometimes anything at all. */
export const tableArb: fc.Arbitrary<unknown[][]> = fc.oneof(
  { weight: 5, arbitrary: structuredTableArb },
  {
    weight: 1,
    arbitrary: fc
      .record({
        junk: fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 3 }),
        header: fc.array(headerTextArb, { minLength: 1, maxLength: 10 }),
        rows: fc.array(fc.array(cellArb, { maxLength: 11 }), { maxLength: 30 }),
      })
      .map(({ junk, header, rows }) => [...junk, header, ...rows]),
  },
);

export const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    dateOrder: fc.constantFrom<"DMY" | "MDY" | null>("DMY", "MDY", null),
    decimalComma: fc.boolean(),
    defaultTerms: fc.constantFrom<string | null>(null, "Net 30", "EOM"),
  })
  .map((p) => mergePolicy(p));

// ─────────────────────────── invariants ───────────────────────────

function close(a: number, b: number, scale: number): boolean {
  if (!Number.isFinite(scale)) return true; // absurd magnitudes overflow; nothing to compare
  return Math.abs(a - b) <= 1e-6 * Math.max(1, scale);
}

function fail(message: string): never {
  throw new Error(message);
}

/** The pipeline invariants on one table; throws with a description when one is broken. */
export function checkPipeline(rows: unknown[][], policy: Policy, asOf: number): void {
  const read = readTable(rows, { policy, rowOffset: 3, columnOffset: 2 });
  const res = scoreTable(read, undefined, policy, asOf);
  const grid = outputGrid(res, "en");

  let sumOpen = 0;
  let scale = 0;
  for (const inv of res.invoices) {
    sumOpen += inv.openBalance;
    scale += Math.abs(inv.openBalance);
  }
  const p = res.portfolio;
  const byCur = new Map<string, number>();
  for (const inv of res.invoices) {
    byCur.set(inv.currency, (byCur.get(inv.currency) ?? 0) + inv.openBalance);
    if (
      inv.kind !== "debit" &&
      (inv.daysPastDue !== null || inv.bucketIndex !== null || inv.breaches.length > 0)
    )
      fail(`row ${inv.row}: a ${inv.kind} row has days past due, a bucket or breaches`);
  }
  for (const x of p.byCurrency) {
    if (!close(x.exposure, byCur.get(x.currency) ?? 0, scale))
      fail(`${x.currency}: exposure ${x.exposure} ≠ Σ open ${byCur.get(x.currency)}`);
    const bucketSum = x.buckets.reduce((s, b) => s + b.amount, 0);
    if (!close(bucketSum, x.openDebit, scale)) fail(`Σ buckets ${bucketSum} ≠ open debit ${x.openDebit}`);
    if (x.pctOver90 !== null && (x.pctOver90 < 0 || x.pctOver90 > 1 + 1e-12))
      fail(`% over 90 ${x.pctOver90}`);
  }
  if (p.missingRates.length === 0 && !close(p.totalExposure ?? NaN, sumOpen, scale) && byCur.size === 1)
    fail(`exposure ${p.totalExposure} ≠ Σ open ${sumOpen}`);
  for (const c of res.customers) {
    if (c.buckets !== null && c.openDebit !== null) {
      const cb = c.buckets.reduce((s, b) => s + b, 0);
      if (!close(cb, c.openDebit, scale))
        fail(`customer ${c.name}: Σ buckets ${cb} ≠ open debit ${c.openDebit}`);
    }
    if (c.score !== null) {
      if (!Number.isInteger(c.score) || c.score < 0 || c.score > 100) fail(`score ${c.score} outside 0..100`);
      if (c.scoreGrade !== riskGrade(c.score)) fail(`grade ${c.scoreGrade} ≠ riskGrade(${c.score})`);
      if (c.grade === null || c.grade < c.scoreGrade) fail(`capped grade ${c.grade} above ${c.scoreGrade}`);
    } else if (c.grade !== null) fail("grade without score");
  }

  // Alignment: one output row per source row after the header, each pointing at its own source row.
  if (res.rows.length !== read.rowCount) fail(`rows ${res.rows.length} ≠ rowCount ${read.rowCount}`);
  if (read.rowCount !== Math.max(0, rows.length - read.firstDataIndex)) fail("rowCount ≠ rows after header");
  res.rows.forEach((s, k) => {
    if (s && s.index !== read.firstDataIndex + k) fail(`output row ${k} holds source row ${s.index}`);
    if (s && s.row !== s.index + 1 + 3) fail(`row number ${s.row} for index ${s.index}`);
  });
  if (res.rows.filter((s) => s !== null).length !== res.invoices.length) fail("invoices missing from rows");
  if (grid.values.length !== res.rows.length) fail("output grid misaligned");
  for (const r of grid.values) {
    if (r.length !== grid.columns.length) fail("ragged output grid");
    for (const v of r) {
      if (typeof v === "string" && /^[=+\-@]/.test(v)) fail(`formula-like output text ${v}`);
      if (typeof v === "number" && Number.isNaN(v)) fail("NaN in output");
    }
  }

  // Every non-blank data row that was not scored has an issue naming its sheet row.
  if (read.headerRowIndex >= 0 && read.mappingProblems.length === 0) {
    const scored = new Set(read.invoices.map((i) => i.index));
    const named = new Set(read.issues.map((i) => i.row));
    const cols = Object.values(read.mapping).filter((c): c is number => typeof c === "number");
    for (let i = read.firstDataIndex; i < rows.length; i++) {
      const row = Array.isArray(rows[i]) ? rows[i]! : [];
      if (scored.has(i) || cols.every((c) => isBlank(row[c]))) continue;
      if (!named.has(i + 1 + 3)) fail(`row ${i + 1 + 3} skipped without an issue`);
    }
  } else if (read.invoices.length > 0) fail("rows read despite a missing header or mapping problems");
  for (const i of read.issues) {
    if (!i.reason.en || !i.reason.zh) fail(`issue ${i.code} without a bilingual reason`);
    if (i.severity === "error" && i.row > 0 && i.code !== "UNREADABLE_ROW" && !/^[A-Z]{1,3}$/.test(i.column))
      fail(`issue ${i.code} at row ${i.row} names no column`);
  }
}

// ─────────────────────────── targets ───────────────────────────

const termsTextArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom("", "Net ", "net", "N", "n/", "NET ", "Ｎｅｔ ", "账期", "票到"),
      fc.integer({ min: 0, max: 1_000_000_000 }),
      fc.constantFrom("", " days", "d", " EOM", " prox", "天", " net", "th prox"),
    )
    .map(([a, n, b]) => `${a}${n}${b}`),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 400 }),
    )
    .map(([d, a, b]) => `${d}/${a} Net ${b}`),
  fc.constantFrom(...NASTY),
);

const KINDS = new Set(["net", "immediate", "eom", "prox"]);

export const TARGETS: readonly FuzzTarget[] = [
  {
    name: "terms",
    weight: 25,
    property: () =>
      fc.property(termsTextArb, fc.integer({ min: 1, max: 2_900_000 }), (text, inv) => {
        const t = parseTerms(text);
        const again = parseTerms(text);
        if (JSON.stringify(t) !== JSON.stringify(again)) fail("parseTerms is not deterministic");
        if (t === null) return;
        if (!KINDS.has(t.kind)) fail(`kind ${t.kind}`);
        if (!Number.isInteger(t.netDays) || t.netDays < 0) fail(`netDays ${t.netDays}`);
        if (t.kind === "prox" && !(Number.isInteger(t.proxDay) && t.proxDay! >= 1 && t.proxDay! <= 31))
          fail(`proxDay ${t.proxDay}`);
        if (t.discount && !(t.discount.rate > 0 && t.discount.rate < 1 && t.discount.days >= 0))
          fail(`discount ${JSON.stringify(t.discount)}`);
        const due = dueDate(inv, t);
        if (!(due >= inv)) fail(`due ${due} before invoice ${inv} for "${text}"`);
        const m = /^Net (\d{1,9})$/.exec(text);
        if (m && (t.kind !== "net" || t.netDays !== Number(m[1])))
          fail(`"${text}" read as ${JSON.stringify(t)}`);
      }),
  },
  {
    name: "dates",
    weight: 25,
    property: () =>
      fc.property(
        fc.oneof(fc.string({ maxLength: 24 }), fc.constantFrom(...NASTY)),
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        cellArb,
        fc.constantFrom<"DMY" | "MDY" | null>("DMY", "MDY", null),
        (text, y, mo, d, cell, order) => {
          const s = parseDateText(text);
          if (s !== null && !(Number.isInteger(s) && s >= 1 && s <= MAX_SERIAL)) fail(`parseDateText → ${s}`);
          const expected = serialFromYmd(y, mo, d);
          if (parseDateText(`${y}-${mo}-${d}`) !== expected) fail(`ISO ${y}-${mo}-${d}`);
          if (parseDateText(`${y}年${mo}月${d}日`) !== expected) fail(`Chinese ${y}年${mo}月${d}日`);
          const c = parseDateCell(cell, { dateOrder: order });
          if (c.ok && !(Number.isInteger(c.value) && c.value >= 1 && c.value <= MAX_SERIAL))
            fail(`parseDateCell → ${c.value}`);
          if (!c.ok && (!c.reason.en || !c.reason.zh)) fail("date failure without a bilingual reason");
          // Day/month text: never guessed without a date order; read the policy's way with one.
          if (mo <= 12 && d <= 12 && mo !== d && y >= 1930) {
            const text2 = `${String(d).padStart(2, "0")}/${String(mo).padStart(2, "0")}/${y}`;
            const amb = parseDateCell(text2, { dateOrder: null });
            if (amb.ok) fail(`ambiguous ${text2} guessed as ${amb.value}`);
            const dmy = parseDateCell(text2, { dateOrder: "DMY" });
            if (!dmy.ok || dmy.value !== serialFromYmd(y, mo, d)) fail(`DMY ${text2}`);
          }
          const n = parseNumberCell(cell);
          if (n.ok && !Number.isFinite(n.value)) fail(`parseNumberCell → ${n.value}`);
        },
      ),
  },
  {
    name: "headers",
    weight: 20,
    property: () =>
      fc.property(
        fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 24 }),
        fc.uniqueArray(
          fc.constantFrom<Role>(
            "customer",
            "invoiceNo",
            "invoiceDate",
            "dueDate",
            "amount",
            "balance",
            "status",
            "currency",
          ),
          {
            minLength: 3,
            maxLength: 6,
          },
        ),
        fc.nat(),
        fc.nat(),
        (noise, roles, pickSeed, at) => {
          // Any rows: consistent with guessRole.
          const det = detectHeaderRow(noise);
          const known = (row: unknown[]) => row.filter((v) => guessRole(v) !== null).length;
          if (det) {
            if (det.index >= Math.min(20, noise.length)) fail(`header index ${det.index}`);
            if (known(noise[det.index]!) < 3) fail("chosen header row has < 3 known headers");
            for (let r = 0; r < det.index; r++) if (known(noise[r]!) >= 3) fail(`row ${r} qualified first`);
            if (det.candidates.some((c) => c <= det.index)) fail("candidate above the header");
          } else if (noise.slice(0, 20).some((r) => known(r) >= 3)) fail("a qualifying row was missed");
          // A planted header row among number-only rows is found and mapped.
          const junk = noise.slice(0, at % 20).map((r) => r.map((v, i) => (typeof v === "number" ? v : i)));
          const header = roles.map((r, i) => {
            const syn = HEADER_SYNONYMS[r].filter((s) => guessRole(s)?.role === r);
            return syn[(pickSeed + i) % syn.length]!;
          });
          const planted = detectHeaderRow([...junk, header, [1, 2, 3]]);
          if (!planted || planted.index !== junk.length) fail(`planted header at ${junk.length} not found`);
          const { mapping } = detectMapping(header);
          roles.forEach((r, i) => {
            if (mapping[r] !== i) fail(`role ${r} mapped to ${mapping[r]} not ${i} (${header.join(" | ")})`);
          });
        },
      ),
  },
  {
    name: "pipeline",
    weight: 30,
    property: () =>
      fc.property(tableArb, policyArb, fc.integer({ min: 40_000, max: 48_000 }), (rows, policy, asOf) =>
        checkPipeline(rows, policy, asOf),
      ),
  },
];
