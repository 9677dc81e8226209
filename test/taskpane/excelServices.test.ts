/**
 * The real pane services (createExcelServices) on the simulator: a Score click before the columns are confirmed
 * answers from the header rows alone, as the mapping preview does — the whole sheet is read once, by the run that
 * scores it.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { largeSample } from "../../src/playground/samples";
import { createExcelServices } from "../../src/taskpane/excelServices";
import type { ScoreRequest } from "../../src/taskpane/services";
import { installSimulator, SimWorkbook } from "../../src/workbook";

const AS_OF = 46354;

function request(extra: Partial<ScoreRequest> = {}): ScoreRequest {
  return {
    policy: DEFAULT_POLICY,
    asOf: AS_OF,
    lang: "en-US",
    onProgress: () => undefined,
    signal: new AbortController().signal,
    ...extra,
  };
}

jest.setTimeout(60_000);

test("Score without a confirmed mapping asks for it after reading only the header rows", async () => {
  const sheets = largeSample(50_000);
  const wb = new SimWorkbook();
  wb.loadWorkbook(
    sheets.map((s) => ({ name: s.name, values: s.values, numberFormats: s.numberFormats ?? [] })),
  );
  installSimulator(wb, globalThis);
  const services = createExcelServices();
  wb.resetStats();
  const first = await services.score(request());
  expect(first.status).toBe("needsMapping");
  // The header search rows of 9 columns: a few kilobytes, not the 50,000 rows (several megabytes).
  expect(wb.stats().responseBytes).toBeLessThan(20_000);
  if (first.status !== "needsMapping") return;
  expect(first.mapping.sheet).toBe("Invoices");
  expect(first.mapping.saved).toBe(false);
  expect(first.mapping.columns.map((c) => c.header)).toEqual(sheets[0].values[0]);
  expect(first.mapping.problems).toEqual([]);

  // Confirming scores the sheet and saves the mapping; the next Score needs no confirmation.
  const done = await services.score(request({ mapping: first.mapping.mapping }));
  expect(done.status).toBe("done");
  expect((await services.readMapping())?.saved).toBe(true);
});
