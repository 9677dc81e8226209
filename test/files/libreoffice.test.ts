/**
 * The saved workbook checked by a real spreadsheet application (issue 12): every golden workbook is scored, saved
 * with the playground's save code (src/workbook/io saveWorkbookFile, the code behind "Save as .xlsx") and scored
 * again through the command line (runCli on the unscored workbook saved as .xlsx); LibreOffice then opens every
 * saved file headless, recalculates every formula (OOXMLRecalcMode=0, "always recalculate") and saves it as .xlsx
 * again — ONE soffice invocation for all files. The files LibreOffice wrote are read back with ExcelJS and must hold:
 * the analyst's cells equal to the input, our columns equal to the golden expected values (so LibreOffice's own
 * results of any formula match ours), our number formats and our conditional-format rules with formulas
 * LibreOffice kept valid (no #REF!/#NAME?), and the sheets including the hidden history sheet.
 *
 * Without LibreOffice (`soffice` not on PATH) the suite is skipped with a loud message on a developer machine and
 * FAILS in CI (env CI set): .ci/run installs libreoffice-calc.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { bothWays } from "../io/readBothWays";
import { splitPackage } from "../../src/workbook/io/fastCells";
import { runCliOnDisk } from "../cli/runCliOnDisk";
import { saveWorkbookFile, serialFromExcelJsDate } from "../../src/workbook/io";
import {
  caseNames,
  expectedPath,
  loadInput,
  scoreCase,
  setupCase,
  type GoldenCapture,
} from "../golden/harness";

jest.setTimeout(300_000);

function findSoffice(): string | null {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const p = r.stdout.trim();
  return r.status === 0 && p ? p : null;
}

const SOFFICE = findSoffice();
const IN_CI = !!process.env.CI;
if (!SOFFICE && !IN_CI) {
  console.warn(
    "\n*** LibreOffice (soffice) is not installed: the LibreOffice round-trip tests are SKIPPED. ***\n" +
      "*** Install it with: apt-get install -y --no-install-recommends libreoffice-calc ***\n",
  );
}
const suite = SOFFICE || IN_CI ? describe : describe.skip;

const node = async () => ExcelJS;
/**
 * The command line's options for a golden case: its confirmed mapping as --mapping (column letters: the mapped cases'
 * tables start in column A) and its policy as a --policy file.
 */
function cliOptions(name: string, dir: string): string[] {
  const o = loadInput(name).options;
  const args: string[] = [];
  if (o.mapping) {
    if (!/^A\d+$/.test(o.select ?? "A1")) throw new Error(`${name}: a mapped case must start in column A`);
    const pairs = Object.entries(o.mapping).map(
      ([role, col]) => `${role}=${String.fromCharCode(65 + Number(col))}`,
    );
    args.push("--mapping", pairs.join(","));
  }
  if (o.policy) {
    const file = path.join(dir, `${name}.policy.json`);
    fs.writeFileSync(file, JSON.stringify(o.policy));
    args.push("--policy", file);
  }
  return args;
}

/** LibreOffice profile that recalculates every formula of an .xlsx on load. */
function profileDir(root: string): string {
  const dir = path.join(root, "profile");
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** A cell as the golden capture writes it: dates as serials, formulas as their results, empty as "". */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return serialFromExcelJsDate(v);
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return plain((v as ExcelJS.CellFormulaValue).result as never);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return v.error;
  }
  return v;
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

interface Saved {
  name: string;
  route: "playground" | "cli";
  file: string;
}

let root: string;
let outDir: string;
const saved: Saved[] = [];
let conversion = "";

suite("saved workbooks opened by LibreOffice", () => {
  beforeAll(async () => {
    if (!SOFFICE)
      throw new Error("soffice is not installed but CI is set: .ci/run must install libreoffice-calc");
    root = fs.mkdtempSync(path.join(os.tmpdir(), "crt-lo-"));
    const inDir = path.join(root, "in");
    outDir = path.join(root, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    for (const name of caseNames()) {
      const input = loadInput(name);
      const wb = await setupCase(input);
      const unscored = path.join(root, `${name}.input.xlsx`);
      fs.writeFileSync(unscored, (await saveWorkbookFile(wb, node)).bytes);
      await scoreCase(input.options);
      const pg = path.join(inDir, `${name}.playground.xlsx`);
      fs.writeFileSync(pg, (await saveWorkbookFile(wb, node)).bytes);
      saved.push({ name, route: "playground", file: pg });
      {
        const cli = path.join(inDir, `${name}.cli.xlsx`);
        const lang = input.options.lang === "zh" ? "zh-CN" : "en";
        const args = [
          "score",
          unscored,
          "--out",
          cli,
          "--as-of",
          input.options.asOfIso,
          "--lang",
          lang,
          "--json",
          ...cliOptions(name, root),
        ];
        const { code, stdout, stderr } = await runCliOnDisk(args);
        if (code !== 0) throw new Error(`credit-risk score ${name} exited ${code}: ${stdout}${stderr}`);
        saved.push({ name, route: "cli", file: cli });
      }
    }
    // One LibreOffice run for every file: open, recalculate, save as .xlsx.
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profileDir(root)}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outDir,
        ...saved.map((s) => s.file),
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    conversion = `${r.stdout}\n${r.stderr}`;
  });

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  test("LibreOffice opened and saved every file", () => {
    expect(saved.length).toBe(caseNames().length * 2);
    const missing = saved.filter((s) => !fs.existsSync(path.join(outDir, path.basename(s.file))));
    expect([missing.map((s) => path.basename(s.file)), conversion]).toEqual([[], expect.any(String)]);
  });

  describe.each(caseNames().flatMap((n) => [[n, "playground"] as const, [n, "cli"] as const]))(
    "%s (%s save)",
    (name, route) => {
      const input = loadInput(name);
      const expected = JSON.parse(fs.readFileSync(expectedPath(name), "utf8")) as GoldenCapture;
      const dataSheet = input.options.sheet ?? input.sheets[0]!.name;
      const firstCol = columnIndex(expected.output.firstColumn);
      /** Row (1-based) of our header cells: the output range's first row. */
      const headerRow = Number(/\d+/.exec(expected.outcome.output!.address)![0]);
      let wb: ExcelJS.Workbook;

      beforeAll(async () => {
        wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(outDir, `${name}.${route}.xlsx`));
      });

      const rows = (sheet: string) => {
        const ws = wb.getWorksheet(sheet)!;
        const out: unknown[][] = [];
        for (let r = 1; r <= ws.rowCount; r++) {
          const row: unknown[] = [];
          for (let c = 1; c <= ws.columnCount; c++) {
            const cell = ws.getCell(r, c);
            // A merged range's other cells are empty in the file (ExcelJS hands them the first cell's value).
            row.push(cell.type === ExcelJS.ValueType.Merge ? "" : plain(cell.value));
          }
          out.push(row);
        }
        return out;
      };

      test("the fast sheet reader reads our file and LibreOffice's exactly as ExcelJS alone does", async () => {
        for (const file of [
          path.join(outDir, `${name}.${route}.xlsx`),
          path.join(root, "in", `${name}.${route}.xlsx`),
        ]) {
          const bytes = new Uint8Array(fs.readFileSync(file));
          // The comparison means something: rows of the data sheet were read by the fast reader.
          const plain = await splitPackage(bytes, { minSheetChars: 0 });
          expect([file, [...(plain?.sheets.values() ?? [])].some((x) => x.rows.length > 0)]).toEqual([
            file,
            true,
          ]);
          const { alone, split } = await bothWays(bytes);
          expect(split).toEqual(alone);
        }
      });

      test("every sheet is there, the history sheet hidden", () => {
        const names = wb.worksheets.map((w) => w.name);
        expect([...names].sort()).toEqual([...expected.sheets].sort());
        const history = wb.worksheets.find((w) => w.name === "CRT_History");
        expect(history?.state).not.toBe("visible");
      });

      test("the analyst's cells equal the input", () => {
        for (const sheet of input.sheets) {
          const got = rows(sheet.name);
          sheet.values.forEach((row, r) =>
            row.forEach((v, c) => {
              if (sheet.name === dataSheet && c + 1 >= firstCol) return;
              if (typeof v === "string" && v.startsWith("=")) return; // formulas: checked by their results below
              const want = v === null ? "" : v;
              expect([sheet.name, r + 1, c + 1, got[r]?.[c] ?? ""]).toEqual([sheet.name, r + 1, c + 1, want]);
            }),
          );
        }
      });

      test("our columns equal the golden expected values (LibreOffice's own results)", () => {
        const got = rows(dataSheet).map((row) =>
          row.slice(firstCol - 1, firstCol - 1 + expected.output.rows[0]!.length),
        );
        const want = expected.output.rows.map((row) => row.map((v) => (v === null ? "" : v)));
        expect(got.slice(0, want.length)).toEqual(want);
      });

      test("our number formats survive", () => {
        const ws = wb.getWorksheet(dataSheet)!;
        const fmts = expected.output.numberFormats.map(
          (_, i) => ws.getCell(headerRow + 1, firstCol + i).numFmt ?? "General",
        );
        const norm = (f: string) => (f === "" ? "General" : f.toLowerCase());
        expect(fmts.map(norm)).toEqual(expected.output.numberFormats.map(norm));
      });

      test("our conditional-format rules survive with valid formulas", () => {
        const ws = wb.getWorksheet(dataSheet)! as ExcelJS.Worksheet & {
          conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[];
        };
        const rules = ws.conditionalFormattings.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, ...r })));
        expect(rules.length).toBeGreaterThanOrEqual(expected.dataRules.length);
        for (const r of rules)
          for (const f of r.formulae ?? [])
            expect([r.ref, f]).toEqual([r.ref, expect.not.stringMatching(/#REF!|#NAME\?|Err:/)]);
      });

      test("no cell holds a formula error after LibreOffice recalculated", () => {
        const errors: string[] = [];
        for (const ws of wb.worksheets)
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              const v = cell.value as { formula?: string; result?: unknown } | null;
              // An error typed as a value (the analyst's #N/A) is a formula to LibreOffice: not ours to judge.
              if (v && typeof v === "object" && "formula" in v && !/^#[A-Z/0!?]+$/.test(v.formula ?? "")) {
                const res = v.result as { error?: string } | undefined;
                if (res && typeof res === "object" && "error" in res)
                  errors.push(`${ws.name}!${cell.address} =${v.formula} → ${res.error}`);
              }
            }),
          );
        expect(errors).toEqual([]);
      });
    },
  );
});
