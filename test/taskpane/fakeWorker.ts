/**
 * A Worker stand-in for the pane's scoring worker, run in-process: the real protocol handler (scoreWorkerProtocol.ts)
 * behind a stand-in that copies every message with structuredClone — transferring the listed buffers, which detaches
 * them on the sending side as a real postMessage does — and delivers it on a later task.
 */
import {
  createScoreWorkerHandler,
  type FromWorker,
  type ToWorker,
} from "../../src/taskpane/scoreWorkerProtocol";
import type { WorkerLike } from "../../src/taskpane/workerCompute";

export interface Traffic {
  toWorker: ToWorker[];
  fromWorker: FromWorker[];
  terminated: number;
}

export const traffic = (): Traffic => ({ toWorker: [], fromWorker: [], terminated: 0 });

/** A Worker stand-in running the real handler; `broken` fails to load (an error before "ready"). */
export function fakeWorker(traffic: Traffic, broken = false): WorkerLike {
  let alive = true;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const copy = structuredClone(message, { transfer: transfer ?? [] });
      traffic.toWorker.push(copy);
      setTimeout(() => alive && !broken && handle(copy), 0);
    },
    terminate() {
      alive = false;
      traffic.terminated++;
    },
  };
  const handle = createScoreWorkerHandler((message, transfer) => {
    const copy = structuredClone(message, { transfer: transfer ?? [] });
    traffic.fromWorker.push(copy);
    setTimeout(() => alive && worker.onmessage?.({ data: copy }), 0);
  });
  setTimeout(() => {
    if (!alive) return;
    if (broken) worker.onerror?.({ message: "Refused to create a worker (CSP)" });
    else worker.onmessage?.({ data: { type: "ready" } });
  }, 0);
  return worker;
}
