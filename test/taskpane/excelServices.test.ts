/**
 * The real pane services (createExcelServices) on the simulator: a Score click before the columns are confirmed
 * answers from the header rows alone, as the mapping preview does — the whole sheet is read once, by the run that
 * scores it.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { chineseSample, englishSample, largeSample } from "../../src/playground/samples";
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

function load(
  sheets: readonly { name: string; values: unknown[][]; numberFormats?: unknown }[],
): SimWorkbook {
  const wb = new SimWorkbook();
  wb.loadWorkbook(
    sheets.map((s) => ({
      name: s.name,
      values: s.values as never,
      numberFormats: (s.numberFormats as never) ?? [],
    })),
  );
  installSimulator(wb, globalThis);
  return wb;
}

test.each([
  ["English", englishSample],
  ["Chinese", chineseSample],
])(
  "the %s sample scores on the first click with the detected columns, shown and not saved",
  async (_, sample) => {
    const sheets = sample();
    load(sheets);
    const services = createExcelServices();
    expect(await services.resultsInWorkbook!()).toBe(false);
    const first = await services.score(request());
    expect(first.status).toBe("done");
    if (first.status !== "done") return;
    // The pane shows the mapping it used (with "Change columns"): every column of the header, nothing to ask.
    expect(first.mapping?.sheet).toBe(sheets[0].name);
    expect(first.mapping?.saved).toBe(false);
    expect(first.mapping?.askReasons).toEqual([]);
    expect(first.mapping?.columns.map((c) => c.header)).toEqual(sheets[0].values[0]);
    expect(first.result.customers.length).toBeGreaterThan(0);
    // A certain detection is used, not saved: the next run detects afresh (a changed sheet is seen as changed).
    expect((await services.readMapping())?.saved).toBe(false);
    // Our output is in the workbook, so Clear is offered (read from the workbook, as after a reload).
    expect(await createExcelServices().resultsInWorkbook!()).toBe(true);
    await createExcelServices().clearResults();
    expect(await services.resultsInWorkbook!()).toBe(false);
  },
);

test("an unsure detection asks first, says why, and reads only the header rows", async () => {
  const sheets = largeSample(50_000);
  // "Client ref" is not an exact synonym: the customer column is guessed from a longer header.
  const header = [...(sheets[0].values[0] as string[])];
  const customer = header.findIndex((h) => /customer/i.test(h));
  header[customer] = "Customer ref";
  sheets[0].values[0] = header;
  const wb = load(sheets);
  const services = createExcelServices();
  wb.resetStats();
  const first = await services.score(request());
  expect(first.status).toBe("needsMapping");
  // The header search rows of 9 columns: a few kilobytes, not the 50,000 rows (several megabytes).
  expect(wb.stats().responseBytes).toBeLessThan(20_000);
  if (first.status !== "needsMapping") return;
  expect(first.mapping.sheet).toBe("Invoices");
  expect(first.mapping.saved).toBe(false);
  expect(first.mapping.problems).toEqual([]);
  expect(first.mapping.askReasons?.map((r) => r.en)).toEqual([
    'Customer was guessed from the header "Customer ref": check it.',
  ]);

  // Confirming scores the sheet and saves the mapping; the next Score needs no confirmation.
  const done = await services.score(request({ mapping: first.mapping.mapping }));
  expect(done.status).toBe("done");
  expect((await services.readMapping())?.saved).toBe(true);
});

/** Everything a run may touch: every sheet's cells and formats, visibility, rules, charts, names, settings. */
function state(wb: SimWorkbook): unknown {
  return {
    sheets: wb.sheetNames().map((name) => ({
      name,
      snapshot: wb.snapshot(name),
      visibility: wb.getVisibility(name),
      rules: wb.getConditionalFormats(name).length,
      charts: wb.model.sheet(name)!.charts.length,
    })),
    names: wb.getNames(),
    runs: wb.settings.get("crt.runs") ?? null,
  };
}

// The phases as the pane shows them (its progress messages), the "Highlighting breaches…" among them.
describe.each([
  ["first run", false],
  ["re-run", true],
])("Cancel from the pane, %s", (_label, rerun) => {
  test.each([
    "Reading the sheet…",
    "Scoring invoices and customers…",
    "Writing result columns…",
    "Highlighting breaches…",
    "Writing the summary sheet…",
  ])(
    "a cancel while “%s” leaves the workbook as before; Clear is offered exactly when output exists",
    async (phase) => {
      const wb = load(englishSample());
      const services = createExcelServices();
      if (rerun) expect((await services.score(request())).status).toBe("done");
      const before = state(wb);
      const ac = new AbortController();
      const seen = new Set<string>();
      const outcome = await services.score(
        request({
          signal: ac.signal,
          onProgress: (p) => {
            const text = p.message?.en ?? "";
            seen.add(text);
            if (text === phase) ac.abort();
          },
        }),
      );
      expect(seen).toContain(phase);
      expect(outcome.status).toBe("cancelled");
      expect(state(wb)).toEqual(before);
      // After a first run's cancel nothing of ours is left (no Clear); after a re-run's, the previous results are.
      expect(await createExcelServices().resultsInWorkbook!()).toBe(rerun);
    },
  );
});
