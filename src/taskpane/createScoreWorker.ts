/**
 * Starts the pane's scoring worker (scoreWorker.ts). Kept apart so only the page entries import it: webpack turns
 * `new Worker(new URL("./scoreWorker.ts", import.meta.url))` into a separate same-origin script (allowed by the
 * pages' `worker-src 'self'`), while Node and the unit tests, which have no `import.meta` or `Worker`, never load it.
 */
import type { WorkerLike } from "./workerCompute";

export function createScoreWorker(): WorkerLike {
  return new Worker(new URL("./scoreWorker.ts", import.meta.url), {
    name: "credit-risk-scoring",
  }) as unknown as WorkerLike;
}
