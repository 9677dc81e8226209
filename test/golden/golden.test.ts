/**
 * Golden workbooks (Script Lab style): every folder under test/fixtures/golden with an input.json is loaded into a
 * fresh simulated workbook, scored end to end with `scoreActiveSheet` (real engine, real Office.js writer) at the
 * case's fixed as-of date, and compared with its expected.json: the output columns, the summary sheet, the
 * conditional formats, the chart, the issues, the names, tables and history rows.
 *
 * `UPDATE_GOLDEN=1 npx jest test/golden/golden.test.ts` rewrites the expected files (review the diff by hand;
 * see test/fixtures/golden/README.md).
 */
import { capture, caseNames, loadInput, readExpected, scoreCase, setupCase, writeExpected } from "./harness";
import { expectNoApiRefusals } from "../profile";

expectNoApiRefusals();

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const names = caseNames();

test("the golden set has the four required cases", () => {
  expect(names).toEqual(expect.arrayContaining(["english-erp", "chinese-headers", "messy", "excel-table"]));
});

describe.each(names)("golden %s", (name) => {
  test("scores exactly as expected.json", async () => {
    const input = loadInput(name);
    const wb = await setupCase(input);
    const scored = await scoreCase(input.options);
    expect(scored.outcome.status).toBe("done");
    const actual = capture(wb, input, scored);
    if (UPDATE) writeExpected(name, actual);
    const expected = readExpected(name);
    if (!expected)
      throw new Error(`${name}/expected.json is missing: run with UPDATE_GOLDEN=1 and review it`);
    // Section by section, so a failure names what changed.
    expect(actual.detected).toEqual(expected.detected);
    expect(actual.outcome).toEqual(expected.outcome);
    expect(actual.sheets).toEqual(expected.sheets);
    expect(actual.tables).toEqual(expected.tables);
    expect(actual.output).toEqual(expected.output);
    expect(actual.issues).toEqual(expected.issues);
    expect(actual.dataRules).toEqual(expected.dataRules);
    expect(actual.summary).toEqual(expected.summary);
    expect(actual.history).toEqual(expected.history);
    expect(actual.names).toEqual(expected.names);
  });
});
