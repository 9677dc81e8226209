/**
 * Throughput of the AR.* adapters: 1,000,000 calls each of DUEDATE (varied terms), AGINGBUCKET, CREDITSCORE and
 * PAYINDEX through the Excel-facing adapters, with a minimal CustomFunctions global installed.
 * Run: `npx tsx scripts/bench-functions.ts` — prints one JSON object. `runFunctionBench()` is exported for the
 * combined bench.
 */
import { getAdapter, type Adapter } from "../src/functions/adapters";

export interface FunctionBenchResult {
  node: string;
  calls: number;
  callsPerSecond: Record<"DUEDATE" | "AGINGBUCKET" | "CREDITSCORE" | "PAYINDEX", number>;
}

function installMinimalCustomFunctions(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  class CfError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  g.CustomFunctions = {
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      invalidNumber: "#NUM!",
      divisionByZero: "#DIV/0!",
    },
    associate: () => undefined,
  };
}

function adapter(id: string): Adapter {
  const fn = getAdapter(id);
  if (!fn) throw new Error(`no adapter ${id}`);
  return fn;
}

/** Calls per second for `calls` invocations of `run(i)`; the checksum keeps the work observable. */
function measure(calls: number, run: (i: number) => unknown): { perSecond: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < Math.min(calls, 50_000); i++) sink += run(i) ? 1 : 0; // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) sink += run(i) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: Math.round(calls / seconds), sink };
}

const TERMS = [
  "Net 30",
  "2/10 Net 30",
  "30 EOM",
  "10th prox",
  "COD",
  "月结60天",
  "Net 45",
  "1/15 n/60",
  "票到90天",
  "EOM",
];
const HOLIDAYS = [[45658], [45667], [45700]];

/** Runs the bench (default 1,000,000 calls per function) and returns the result object. */
export function runFunctionBench(calls = 1_000_000): FunctionBenchResult {
  installMinimalCustomFunctions();
  const dueDate = adapter("DUEDATE");
  const aging = adapter("AGINGBUCKET");
  const score = adapter("CREDITSCORE");
  const payIndex = adapter("PAYINDEX");
  const base = 45000;
  const t = TERMS.length;
  const ddue = measure(calls, (i) => dueDate(base + (i % 730), TERMS[i % t], i % 8 === 0 ? HOLIDAYS : null));
  const dage = measure(calls, (i) => aging((i % 200) - 30, null, null));
  const dscore = measure(calls, (i) =>
    score((i % 90) - 20, (i % 150) / 100, (i % 40) / 10, i % 12, (i % 20) / 100),
  );
  const dpay = measure(calls, (i) => payIndex([[(i % 150) - 30]], null));
  return {
    node: process.version,
    calls,
    callsPerSecond: {
      DUEDATE: ddue.perSecond,
      AGINGBUCKET: dage.perSecond,
      CREDITSCORE: dscore.perSecond,
      PAYINDEX: dpay.perSecond,
    },
  };
}

const isMain =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  /bench-functions\.ts$/.test(process.argv[1]);
if (isMain) {
  console.log(JSON.stringify(runFunctionBench()));
}
