/**
 * Node harness of the playground's full-sheet run, for profiling (not a bench: `npm run bench` skips it):
 * the large sample in the simulator (default profile), the pane's engine step in a worker_threads worker running
 * the same handler as the browser's scoring worker, and "Score this sheet" with the confirmed mapping — the path
 * bench-fullsheet.ts drives in Chromium, minus React and the grid. Prints per-phase wall and main-thread CPU time.
 *
 * Env: ROWS (default 1048575), INPROC=1 (run the worker's handler on this thread, for a single CPU profile).
 * Run: `node --import tsx scripts/profile-fullsheet.ts` (add `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile).
 */
import * as path from "path";
import { Worker } from "worker_threads";
import { DEFAULT_POLICY } from "../src/engine/policy";
import { detectHeaderRow, detectMapping } from "../src/engine/sheet/headers";
import { scoreActiveSheetWith } from "../src/excel/scoreActiveSheet";
import { largeSample } from "../src/playground/samples";
import { createScoreWorkerHandler, type FromWorker } from "../src/taskpane/scoreWorkerProtocol";
import { workerCompute, type WorkerLike } from "../src/taskpane/workerCompute";
import { installSimulator, SimWorkbook } from "../src/workbook";

const ROWS = Number(process.env.ROWS || 1_048_575);
const AS_OF = 46354;

function threadWorker(): WorkerLike {
  // Bundled (esbuild, for readable profiles): the worker bundle sits next to this one.
  const bundled = __filename.endsWith(".js");
  const w = bundled
    ? new Worker(path.join(__dirname, "profile-worker.js"))
    : new Worker(path.join(__dirname, "profile-worker.ts"), { execArgv: ["--import", "tsx"] });
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m, transfer) => w.postMessage(m, transfer ?? []),
    terminate: () => void w.terminate(),
  };
  w.on("message", (data: FromWorker) => like.onmessage?.({ data }));
  w.on("error", (e) => like.onerror?.(e));
  return like;
}

function inProcessWorker(): WorkerLike {
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => setTimeout(() => handle(m), 0),
    terminate: () => undefined,
  };
  const handle = createScoreWorkerHandler((m) => setTimeout(() => like.onmessage?.({ data: m }), 0));
  setTimeout(() => like.onmessage?.({ data: { type: "ready" } }), 0);
  return like;
}

async function main() {
  const t0 = performance.now();
  const sheets = largeSample(ROWS);
  const wb = new SimWorkbook();
  wb.loadWorkbook(sheets);
  installSimulator(wb, globalThis);
  const header = sheets[0]!.values.slice(0, 20);
  const mapping = detectMapping(header[detectHeaderRow(header)!.index]!).mapping;
  const loadMs = performance.now() - t0;
  const phases: { phase: string; at: number; cpu: number }[] = [];
  const cpu0 = process.cpuUsage();
  const cpuMs = () => {
    const u = process.cpuUsage(cpu0);
    return (u.user + u.system) / 1000;
  };
  const start = performance.now();
  let last = "";
  const res = await scoreActiveSheetWith(
    {
      policy: DEFAULT_POLICY,
      asOf: AS_OF,
      lang: "en",
      mapping,
      onProgress: (p) => {
        if (p.phase !== last) {
          phases.push({ phase: p.phase, at: performance.now(), cpu: cpuMs() });
          last = p.phase;
        }
      },
    },
    workerCompute(process.env.INPROC === "1" ? inProcessWorker : threadWorker),
  );
  const end = performance.now();
  const endCpu = cpuMs();
  const out = phases.map((p, i) => ({
    phase: p.phase,
    ms: Math.round((phases[i + 1]?.at ?? end) - p.at),
    cpuMs: Math.round((phases[i + 1]?.cpu ?? endCpu) - p.cpu),
  }));
  console.log(
    JSON.stringify({
      rows: ROWS,
      status: res.status,
      ...("message" in res && res.message ? { message: res.message.en } : {}),
      loadMs: Math.round(loadMs),
      totalMs: Math.round(end - start),
      processCpuMs: Math.round(endCpu),
      phases: out,
      stats: wb.stats(),
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
