/** The scoring worker under Node's worker_threads, for scripts/profile-fullsheet.ts (same handler as scoreWorker.ts). */
import { parentPort } from "worker_threads";
import { createScoreWorkerHandler, type ToWorker } from "../src/taskpane/scoreWorkerProtocol";

const port = parentPort!;
const handle = createScoreWorkerHandler((message, transfer) => port.postMessage(message, transfer ?? []));
port.on("message", (data: ToWorker) => handle(data));
port.postMessage({ type: "ready" });
