/**
 * functions.md v2: "A result depends only on the arguments." Excel does not recalculate a cell when the pane's policy
 * changes, so nothing the pane does (loading or saving a policy, switching language) may change what an AR.*
 * function returns. This drives every hook the real pane services offer with a policy that differs from the
 * defaults and checks that AGINGBUCKET and SCOREREASONS still answer from their arguments alone.
 */
import { mergePolicy } from "../../src/engine/policy";
import { createExcelServices } from "../../src/taskpane/excelServices";
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { call } from "./helpers";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

test("a policy the pane loads or saves never changes a function's result", () => {
  const policy = mergePolicy({
    aging: { edges: [15, 30], labels: ["未逾期", "1-15天", "16-30天", "30天以上"] },
  });
  const services = createExcelServices() as unknown as Record<string, unknown>;
  // Whatever the pane calls when a policy is loaded or saved (the v1 pane pushed edges, labels and language).
  for (const [name, hook] of Object.entries(services)) {
    if (/^on.*policy/i.test(name) && typeof hook === "function") hook(policy, "zh-CN");
  }
  expect(call("AGINGBUCKET", 20, null, null)).toBe("1-30");
  expect(call("AGINGBUCKET", 31, null, null)).toBe("31-60");
  expect(call("SCOREREASONS", 24, 1.12, null, null, null)).toBe("pays 24 days late; 112% of credit limit");
});
