/** The bench script's exported runner returns the documented shape (tiny run; speed is measured by the script). */
import { runFunctionBench } from "../../scripts/bench-functions";

it("runFunctionBench reports calls per second for the four functions and the node version", () => {
  const r = runFunctionBench(2000);
  expect(r.node).toBe(process.version);
  expect(r.calls).toBe(2000);
  expect(Object.keys(r.callsPerSecond).sort()).toEqual(["AGINGBUCKET", "CREDITSCORE", "DUEDATE", "PAYINDEX"]);
  for (const v of Object.values(r.callsPerSecond)) expect(v).toBeGreaterThan(0);
});
