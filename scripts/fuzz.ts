/**
 * The long fuzz run (`npm run fuzz`, via scripts/fuzz.js): the targets of test/fuzz/targets.ts (terms parser,
 * date parsers, header detection, the whole pipeline on random hostile tables) with ≥ 100,000 cases in total.
 *
 * Environment: FUZZ_CASES (total, default 120,000, never below 100,000 unless FUZZ_ALLOW_SMALL=1),
 * FUZZ_SEED (default: random, printed so a failure can be replayed).
 * Prints one JSON line {cases, byTarget, failures, seconds, seed} and exits 1 on any failure (counterexamples go
 * to stderr).
 */
import fc from "fast-check";
import { TARGETS } from "../test/fuzz/targets";

interface TargetResult {
  cases: number;
  failed: boolean;
  seconds: number;
}

function budget(): number {
  const asked = Number(process.env.FUZZ_CASES ?? 120_000);
  const total = Number.isFinite(asked) && asked > 0 ? Math.floor(asked) : 120_000;
  return process.env.FUZZ_ALLOW_SMALL === "1" ? total : Math.max(100_000, total);
}

function main(): void {
  const total = budget();
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  const weights = TARGETS.reduce((s, t) => s + t.weight, 0);
  const byTarget: Record<string, TargetResult> = {};
  let cases = 0;
  let failures = 0;
  const t0 = Date.now();
  TARGETS.forEach((t, k) => {
    const numRuns = Math.ceil((total * t.weight) / weights);
    const start = Date.now();
    const details = fc.check(t.property() as fc.IProperty<unknown>, { numRuns, seed: seed + k });
    const ran = details.numRuns;
    cases += ran;
    if (details.failed) {
      failures++;
      process.stderr.write(
        `FAIL ${t.name} (seed ${seed + k}, path ${details.counterexamplePath}): ${String(
          details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance,
        )}\ncounterexample: ${fc.stringify(details.counterexample)}\n`,
      );
    }
    byTarget[t.name] = { cases: ran, failed: details.failed, seconds: (Date.now() - start) / 1000 };
  });
  const summary = { cases, byTarget, failures, seconds: (Date.now() - t0) / 1000, seed };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exit(failures > 0 ? 1 : 0);
}

main();
