/**
 * The speed work on "Score this sheet" (issue 10 item 7: the worker's streaming, the simulator's hot paths, the
 * writer's chunk building) must not change a single written cell. A 100,000-row run of the large sample — through the
 * pane's scoring worker (in-process stand-in) and through the in-thread step — is fingerprinted cell by cell: every
 * stored value, formula, number format and style of every sheet in bands of 10,000 rows, the conditional formats,
 * names, tables, the saved settings, the outcome and the pane's view model. The fingerprints in
 * test/fixtures/regression/score-100k.json were recorded with the code as it was before that work (commit 952d489)
 * and re-recorded after merging main (8b95543: main's changes moved the outcome), still before any speed change.
 * Re-recorded again when the formatted summary and output columns (issue 11) landed: the new fingerprints were first
 * recorded on main without the speed work plus issue 11 (ea219b2 + issue-11a) and were identical to those of main with
 * both, so the speed work still changes nothing. Re-recorded for the outcome alone when collection letters began to
 * list at most LETTER_LINES invoices (the 100,000-row sample's letters listed thousands), and for the history sheet's
 * rows 1–10,000 when its "Dunned Invoices" cells began to record just the invoices a letter names (they held every
 * overdue invoice, past Excel's 32,767 characters a cell on a full sheet); every other fingerprint stayed as it was. A band that differs is named, so a failure points at the rows.
 *
 * Not a golden test (the figures' correctness is proven by the golden and reference tests): a regression guard.
 * Re-record only for an intended change of output: `RECORD_REGRESSION=1 npx jest test/taskpane/fullRun.regression`.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { detectHeaderRow, detectMapping } from "../../src/engine/sheet/headers";
import { scoreActiveSheetWith, todaySerial } from "../../src/excel/scoreActiveSheet";
import { largeSample } from "../../src/playground/samples";
import { paneCompute, workerCompute } from "../../src/taskpane/workerCompute";
import { installSimulator, SimWorkbook } from "../../src/workbook";
import { fakeWorker, traffic } from "./fakeWorker";

const FIXTURE = path.join(__dirname, "../fixtures/regression/score-100k.json");
const ROWS = 100_000;
const BAND = 10_000;
const AS_OF = 46354;

const sha = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 20);

/**
 * JSON of `x` with the model's object ids (a counter shared by every workbook of the process, also inside the output
 * names) replaced by the sheet they name, or by a marker, and without the run's time stamp.
 */
function stable(wb: SimWorkbook, x: unknown): string {
  let text = JSON.stringify(x, (key, v: unknown) => (key === "ranAt" ? "" : v));
  for (const s of wb.model.sheets) {
    text = text.split(s.id).join(`<sheet ${s.name}>`);
    text = text.split(s.id.replace(/[^A-Za-z0-9]/g, "")).join(`<sheet ${s.name}>`);
  }
  return text.replace(/\{[a-z]+-\d{8}\}/g, "<id>");
}

/** Fingerprints of everything the run left in the workbook, and of its outcome. */
function fingerprint(wb: SimWorkbook, outcome: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const today = todaySerial();
  for (const s of wb.model.sheets) {
    const rows = s.extentRows();
    const history = s.visibility === "VeryHidden";
    for (let b = 0; b * BAND < Math.max(rows, 1); b++) {
      const band: unknown[] = [];
      for (let r = b * BAND; r < Math.min(rows, (b + 1) * BAND); r++) {
        const values = s.values[r] ? [...s.values[r]!] : null;
        // The history's run date is the day the test runs: recorded as a marker, checked to be today.
        if (history && r > 0 && values) {
          expect(values[0]).toBe(today);
          values[0] = "<today>";
        }
        band.push([
          values,
          s.formulas[r] ? [...s.formulas[r]!] : null,
          s.numFmt[r] ? [...s.numFmt[r]!] : null,
          s.styles[r] ? [...s.styles[r]!] : null,
        ]);
      }
      out[`${s.name} rows ${b * BAND + 1}-${(b + 1) * BAND}`] = sha(band);
    }
    out[`${s.name} sheet`] = sha(
      stable(wb, {
        visibility: s.visibility,
        colStyles: [...s.colStyles],
        rowStyles: [...s.rowStyles],
        colNumFmt: [...s.colNumFmt],
        colWidths: [...s.colWidths],
        merges: s.merges,
        conditionalFormats: wb.getConditionalFormats(s.name),
        charts: s.charts.length,
      }),
    );
  }
  out.names = sha(stable(wb, wb.getNames()));
  out.tables = sha(stable(wb, wb.getTables()));
  out.settings = sha(stable(wb, [...wb.settings]));
  out.outcome = sha(stable(wb, outcome));
  return out;
}

function load(): SimWorkbook {
  const wb = new SimWorkbook();
  wb.loadWorkbook(largeSample(ROWS));
  installSimulator(wb, globalThis);
  return wb;
}

function mapping() {
  const values = largeSample(20)[0]!.values;
  return detectMapping(values[detectHeaderRow(values)!.index]!).mapping;
}

jest.setTimeout(300_000);

const options = () => ({ policy: DEFAULT_POLICY, asOf: AS_OF, lang: "en" as const, mapping: mapping() });

test("a 100,000-row run through the scoring worker writes cell for cell what it wrote before the speed work", async () => {
  const wb = load();
  const res = await scoreActiveSheetWith(
    options(),
    workerCompute(() => fakeWorker(traffic())),
  );
  expect(res.status).toBe("done");
  const got = fingerprint(wb, res);
  if (process.env.RECORD_REGRESSION === "1") fs.writeFileSync(FIXTURE, JSON.stringify(got, null, 2) + "\n");
  const expected = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, string>;
  expect(got).toEqual(expected);
});

test("the in-thread step (no worker) writes the same cells", async () => {
  const wb = load();
  const res = await scoreActiveSheetWith(options(), paneCompute);
  expect(res.status).toBe("done");
  const expected = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, string>;
  expect(fingerprint(wb, res)).toEqual(expected);
});
