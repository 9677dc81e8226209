/**
 * "Score this sheet" speed, for 10,000 and 100,000 generated invoices (largeSample):
 * - pipeline: readTable + readCustomers + scoreTable (pure engine), median of a few runs;
 * - end to end in the simulator: scoreActiveSheet with the confirmed mapping (read, compute, chunked writes,
 *   rules, summary, history) — wall time, syncs, write chunks, largest request;
 * - the formula peer: the per-row columns an analyst would build with spreadsheet formulas, computed by
 *   HyperFormula (GPL-3.0, dev dependency, used only here) over the same rows.
 *
 * The peer sheet holds the same 9 input columns plus 5 formula columns per row (Excel syntax; $Q$1 = as-of date):
 *   J  net days   =IFERROR(VALUE(TRIM(MID(D2,SEARCH("net",D2)+4,3))),IFERROR(VALUE(MID(D2,SEARCH("月结",D2)+2,LEN(D2)-3)),0))
 *   K  due date   =IF(ISNUMBER(SEARCH("prox",D2)),DATE(YEAR(C2),MONTH(C2)+1,VALUE(LEFT(D2,SEARCH("th",D2)-1))),
 *                    IF(OR(ISNUMBER(SEARCH("EOM",D2)),ISNUMBER(SEARCH("月结",D2))),EOMONTH(C2,0)+J2,C2+J2))
 *   L  open       =IF(H2="Paid",0,E2-F2)
 *   M  days past due =IF(L2=0,"",MAX(0,$Q$1-K2))
 *   N  aging bucket  =IF(M2="","",IF(M2<=0,"Current",IF(M2<=30,"1-30",IF(M2<=60,"31-60",IF(M2<=90,"61-90","91+")))))
 * i.e. due date from invoice date + terms (Net N, 2/10 Net N, EOM, Net N EOM, Nth prox, COD, 月结N天), open
 * balance, days past due and aging bucket — a subset of what the pipeline computes (it also scores customers,
 * breaches, KPIs, provisions). Timed: HyperFormula building the sheet and computing every formula. The peer's
 * due dates and buckets are checked against the pipeline's (`agreement`).
 *
 * Targets (reported, not asserted): 100,000 invoices end to end in the simulator < 3 s; pipeline ≥ 10× faster
 * than the formula peer.
 *
 * Run: `npx tsx scripts/bench-score.ts` — prints one JSON object. `runScoreBench()` is exported.
 */
import { HyperFormula } from "hyperformula";
import { scoreTable } from "../src/engine/pipeline";
import { DEFAULT_POLICY } from "../src/engine/policy";
import { readCustomers } from "../src/engine/sheet/customers";
import { readTable } from "../src/engine/sheet/table";
import type { ColumnMapping } from "../src/engine/sheet/types";
import { scoreActiveSheet, type DetectedMapping } from "../src/excel/scoreActiveSheet";
import { largeSample } from "../src/playground/samples";
import { installSimulator, SimWorkbook } from "../src/workbook";

/** The samples' as-of date (2026-11-28). */
const AS_OF = 46354;

export interface SizeResult {
  rows: number;
  pipelineMs: { median: number; runs: number[] };
  /** `ms`: the run with the confirmed mapping; `detectMs`: the first run that only detects the mapping. */
  endToEnd: {
    ms: number;
    detectMs: number;
    syncs: number;
    chunks: number;
    maxRequestBytes: number;
    requestBytes: number;
  };
  peer: { buildAndComputeMs: number; formulas: number; agreement: { dueDate: number; bucket: number } };
  /** peer time / pipeline median. */
  peerOverPipeline: number;
}

export interface ScoreBenchResult {
  node: string;
  asOf: number;
  sizes: SizeResult[];
  targets: {
    endToEnd100kUnder3s: { ms: number; limitMs: number; met: boolean };
    pipeline10xFasterThanPeer: { ratio: number; limit: number; met: boolean };
  };
  peerFormulas: string[];
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

/** readTable + readCustomers + scoreTable over the sample's values (what the pane's compute step runs). */
function runPipeline(invoices: unknown[][], customers: unknown[][], mapping: ColumnMapping) {
  const table = readTable(invoices, { mapping, policy: DEFAULT_POLICY, sheetName: "Invoices" });
  const cust = readCustomers(customers, { policy: DEFAULT_POLICY, sheetName: "Customers" });
  return scoreTable(table, undefined, DEFAULT_POLICY, AS_OF, { customers: cust });
}

export const PEER_FORMULAS = [
  '=IFERROR(VALUE(TRIM(MID(D{r},SEARCH("net",D{r})+4,3))),IFERROR(VALUE(MID(D{r},SEARCH("月结",D{r})+2,LEN(D{r})-3)),0))',
  '=IF(ISNUMBER(SEARCH("prox",D{r})),DATE(YEAR(C{r}),MONTH(C{r})+1,VALUE(LEFT(D{r},SEARCH("th",D{r})-1))),IF(OR(ISNUMBER(SEARCH("EOM",D{r})),ISNUMBER(SEARCH("月结",D{r}))),EOMONTH(C{r},0)+J{r},C{r}+J{r}))',
  '=IF(H{r}="Paid",0,E{r}-F{r})',
  '=IF(L{r}=0,"",MAX(0,$Q$1-K{r}))',
  '=IF(M{r}="","",IF(M{r}<=0,"Current",IF(M{r}<=30,"1-30",IF(M{r}<=60,"31-60",IF(M{r}<=90,"61-90","91+")))))',
];

/** The analyst's sheet: inputs + formula columns J..N, as-of date in Q1. */
function peerSheet(invoices: unknown[][]): unknown[][] {
  const out: unknown[][] = new Array(invoices.length);
  out[0] = [...invoices[0]!, "Net Days", "Due", "Open", "DPD", "Bucket", "", "", AS_OF];
  for (let i = 1; i < invoices.length; i++) {
    const r = String(i + 1);
    const src = invoices[i]!.map((v) => (v === "" ? null : v));
    out[i] = [...src, ...PEER_FORMULAS.map((f) => f.replace(/\{r\}/g, r))];
  }
  return out;
}

function runPeer(invoices: unknown[][]): { hf: HyperFormula; ms: number } {
  const data = peerSheet(invoices);
  const [hf, ms] = timed(() =>
    HyperFormula.buildFromArray(data as never, {
      licenseKey: "gpl-v3",
      useColumnIndex: true,
      maxRows: data.length + 1,
    }),
  );
  return { hf, ms };
}

/** Share of rows where the peer's due date / bucket equal the pipeline's (buckets compared on open rows). */
function agreement(hf: HyperFormula, result: ReturnType<typeof runPipeline>, rows: number) {
  const values = hf.getSheetValues(0);
  let due = 0;
  let bucket = 0;
  let bucketRows = 0;
  for (const inv of result.invoices) {
    const row = values[inv.index];
    if (!row) continue;
    if (row[10] === inv.dueDate) due++;
    if (inv.openBalance !== 0) {
      bucketRows++;
      if (row[13] === inv.agingBucket) bucket++;
    }
  }
  return { dueDate: round(due / rows, 4), bucket: round(bucket / Math.max(1, bucketRows), 4) };
}

async function endToEnd(rows: number) {
  const sheets = largeSample(rows);
  const wb = new SimWorkbook();
  wb.loadWorkbook(
    sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats ?? [] })),
  );
  installSimulator(wb, globalThis);
  const base = { policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" as const };
  const d0 = performance.now();
  const first = await scoreActiveSheet(base);
  const detectMs = performance.now() - d0;
  if (first.status !== "needsMapping") throw new Error(`expected needsMapping, got ${first.status}`);
  const mapping = (first.detected as DetectedMapping).mapping;
  wb.resetStats();
  const t0 = performance.now();
  const res = await scoreActiveSheet({ ...base, mapping });
  const ms = performance.now() - t0;
  if (res.status !== "done") throw new Error(`end-to-end run ${res.status}`);
  const s = wb.stats();
  return {
    mapping,
    sheets,
    e2e: {
      ms: round(ms),
      detectMs: round(detectMs),
      syncs: s.syncs,
      chunks: res.chunks,
      maxRequestBytes: s.maxRequestBytes,
      requestBytes: s.requestBytes,
    },
  };
}

async function measureSize(rows: number, runs: number): Promise<SizeResult> {
  const { mapping, sheets, e2e } = await endToEnd(rows);
  const invoices = sheets[0]!.values;
  const customers = sheets[1]!.values;
  runPipeline(invoices, customers, mapping); // warm-up
  const times: number[] = [];
  let result: ReturnType<typeof runPipeline> | null = null;
  for (let i = 0; i < runs; i++) {
    const [r, ms] = timed(() => runPipeline(invoices, customers, mapping));
    result = r;
    times.push(round(ms));
  }
  const { hf, ms: peerMs } = runPeer(invoices);
  const agree = agreement(hf, result!, rows);
  hf.destroy();
  const med = median(times);
  return {
    rows,
    pipelineMs: { median: med, runs: times },
    endToEnd: e2e,
    peer: { buildAndComputeMs: round(peerMs), formulas: rows * PEER_FORMULAS.length, agreement: agree },
    peerOverPipeline: round(peerMs / med, 1),
  };
}

export async function runScoreBench(sizes: number[] = [10_000, 100_000]): Promise<ScoreBenchResult> {
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await measureSize(n, n >= 100_000 ? 3 : 5));
  const big = results.find((r) => r.rows === 100_000) ?? results[results.length - 1]!;
  return {
    node: process.version,
    asOf: AS_OF,
    sizes: results,
    targets: {
      endToEnd100kUnder3s: { ms: big.endToEnd.ms, limitMs: 3000, met: big.endToEnd.ms < 3000 },
      pipeline10xFasterThanPeer: {
        ratio: big.peerOverPipeline,
        limit: 10,
        met: big.peerOverPipeline >= 10,
      },
    },
    peerFormulas: PEER_FORMULAS.map((f) => f.replace(/\{r\}/g, "2")),
  };
}

if (require.main === module) {
  runScoreBench()
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
