/**
 * Entry of the pane's scoring worker (a separate bundle webpack builds from the Worker constructor call in
 * createScoreWorker.ts): runs the pure "Score this sheet" pipeline and the pane's view model off the UI thread.
 * Protocol and reasons: scoreWorkerProtocol.ts. No Office.js here: workers have no `Office` or `Excel`.
 */
import { createScoreWorkerHandler, type FromWorker, type ToWorker } from "./scoreWorkerProtocol";

/** The part of the worker global scope used here (the project's `lib` is the DOM's, not the worker's). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createScoreWorkerHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => handle(event.data);
scope.postMessage({ type: "ready" });
