/**
 * The `credit-risk` command line (src/cli): its options, exit codes (0 scored and saved, 1 the data cannot be
 * scored, 2 wrong command line), that it never overwrites its input unless --out names it, and the --mapping,
 * --policy and --date-order options that let an analyst score unattended what the pane would have asked about.
 * Runs runCli on small CSV files in a temporary folder (the ERP and LibreOffice tests drive the same path on real
 * exports).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs, parseMapping } from "../../src/cli/args";
import { runCliOnDisk } from "./runCliOnDisk";

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crt-cli-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> & {
    message?: string;
    mapping?: Record<string, string>;
    rows?: { scored: number; withData: number; skipped: number };
    policy?: { file: string | null; dateOrder: string | null };
  };
}

async function cli(...argv: string[]): Promise<Run> {
  const { code, stdout, stderr } = await runCliOnDisk(argv);
  let json = {};
  if (argv.includes("--json")) json = JSON.parse(stdout) as Run["json"];
  return { code, stdout, stderr, json };
}

/** UK-style text dates, four of them ambiguous (03/02/2026 …): Automatic skips those, Day-month-year reads all. */
const UK = [
  "Customer,Invoice No,Invoice Date,Due Date,Amount,Status",
  "Hartley & Co,UK-01,05/01/2026,04/02/2026,1200,Open",
  "Hartley & Co,UK-02,15/01/2026,14/02/2026,2350.5,Open",
  "Hartley & Co,UK-03,03/02/2026,05/03/2026,980,Open",
  "Moorcroft Ltd,UK-04,12/11/2025,12/12/2025,4400,Open",
  "Moorcroft Ltd,UK-05,02/12/2025,01/01/2026,3100,Open",
  "Pembury Foods,UK-06,08/01/2026,07/02/2026,640,Open",
].join("\n");

const AS_OF = ["--as-of", "2026-02-28"];

describe("command line", () => {
  test("usage errors exit 2 with a message in the asked language; --help exits 0", async () => {
    const input = file("uk.csv", UK);
    const cases: [string[], RegExp][] = [
      [["score"], /No file to score/],
      [["score", input, "--frobnicate"], /Unknown option --frobnicate/],
      [["score", input, "--date-order", "ymd"], /--date-order must be auto, dmy or mdy, not "ymd"/],
      [["score", input, "--mapping", "buyer=A"], /unknown role "buyer"/],
      [["score", input, "--mapping", "customer=A,Customer=B"], /names customer twice/],
      [["score", input, "--mapping", "customer"], /ROLE=COLUMN pairs/],
      [["score", input, "--out", "x.csv"], /--out must name an .xlsx file/],
      [["score", input, "--policy"], /--policy needs a value/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const zh = await cli("score", input, "--date-order", "ymd", "--lang", "zh-CN");
    expect(zh.stderr).toMatch(/--date-order 必须为 auto、dmy 或 mdy/);
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--mapping ROLE=COLUMN/);
    expect(help.stdout).toMatch(/--date-order auto\|dmy\|mdy/);
  });

  test("parseMapping: roles in any case, quoted values may hold commas, none drops a role", () => {
    expect(parseMapping('CUSTOMER="Name, full",amount=E , balance=none')).toEqual({
      overrides: [
        { role: "customer", column: "Name, full" },
        { role: "amount", column: "E" },
        { role: "balance", column: null },
      ],
    });
    const parsed = parseArgs(["score", "f.csv", "--date-order=DMY", "--policy", "p.json"]);
    expect(parsed).toMatchObject({ ok: true, args: { dateOrder: "DMY", policyFile: "p.json" } });
    expect(parseArgs(["score", "f.csv", "--date-order", "auto"])).toMatchObject({
      args: { dateOrder: null },
    });
  });

  test("writes <input>.scored.xlsx next to the input and never touches the input; --out may name it on purpose", async () => {
    const input = file("keep.csv", UK);
    const before = fs.readFileSync(input);
    const r = await cli("score", input, ...AS_OF, "--date-order", "dmy", "--json");
    expect(r.code).toBe(0);
    expect(r.json.output).toBe(path.join(tmp, "keep.scored.xlsx"));
    expect(fs.existsSync(path.join(tmp, "keep.scored.xlsx"))).toBe(true);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(r.json.overwroteInput).toBe(false);
    const self = file("self.xlsx", "");
    fs.copyFileSync(path.join(tmp, "keep.scored.xlsx"), self);
    const again = await cli("score", self, ...AS_OF, "--out", self, "--json");
    expect(again.code).toBe(0);
    expect(again.json.overwroteInput).toBe(true);

    const missing = await cli("score", input, "--sheet", "Nope");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the workbook has no sheet "Nope"; its sheets: "keep"/);
    const unreadable = await cli("score", path.join(tmp, "absent.csv"));
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/cannot read/);
  });

  test("--date-order dmy reads every UK date; without it the ambiguous rows are skipped and --strict exits 1", async () => {
    const input = file("uk-dates.csv", UK);
    const auto = await cli("score", input, ...AS_OF, "--strict", "--json");
    expect(auto.code).toBe(1);
    // Only UK-02 (15/01/2026, 14/02/2026) has two dates that can be read one way only.
    expect(auto.json.rows).toEqual({ scored: 1, withData: 6, skipped: 5 });
    expect(JSON.stringify(auto.json.issues)).toMatch(/Date order/);
    expect(auto.json.policy).toEqual({ file: null, dateOrder: null });
    const dmy = await cli("score", input, ...AS_OF, "--strict", "--date-order", "dmy", "--json");
    expect(dmy.code).toBe(0);
    expect(dmy.json.rows).toEqual({ scored: 6, withData: 6, skipped: 0 });
    expect(dmy.json.policy).toEqual({ file: null, dateOrder: "DMY" });
    const text = await cli("score", input, ...AS_OF, "--date-order", "dmy");
    expect(text.stdout).toMatch(/Policy: default; Date order: Day-month-year\./);
    // Every invoice is open: the DSO line is followed by its caveat.
    expect(text.stdout).toMatch(
      /DSO \(days\) .*\n {4}\(The sheet lists no paid invoices \(open items only\)/,
    );
    // The saved file holds the dates day first: UK-03's invoice date 03/02/2026 is 3 February 2026.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(tmp, "uk-dates.scored.xlsx"));
    const cell = book.getWorksheet("uk-dates")!.getCell("C4");
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe("2026-02-03");
    expect(cell.numFmt).toBe("dd/mm/yyyy");
  });

  test("--policy: a policy file is used; a misspelt field, a wrong type, bad JSON or an invalid policy exit 2 naming it", async () => {
    const input = file("uk-policy.csv", UK);
    const good = file("uk.json", JSON.stringify({ version: 2, dateOrder: "DMY", baseCurrency: "gbp" }));
    const r = await cli("score", input, ...AS_OF, "--policy", good, "--json", "--strict");
    expect(r.code).toBe(0);
    expect(r.json.rows).toEqual({ scored: 6, withData: 6, skipped: 0 });
    expect(r.json.policy).toEqual({ file: good, dateOrder: "DMY" });
    // --date-order wins over the file's.
    const over = await cli("score", input, ...AS_OF, "--policy", good, "--date-order", "auto", "--json");
    expect(over.json.policy).toEqual({ file: good, dateOrder: null });

    const cases: [object | string, RegExp][] = [
      [{ dateOrdre: "DMY" }, /"dateOrdre" is not a policy field or has a value of the wrong kind/],
      [{ breaches: { nearLimitRatoi: 0.9 } }, /"breaches\.nearLimitRatoi" is not a policy field/],
      [{ dateOrder: "YMD" }, /"dateOrder" is not a policy field or has a value of the wrong kind/],
      [{ paymentHistoryDays: "365" }, /"paymentHistoryDays"/],
      [{ rates: { USD: -1 } }, /"rates\.USD"/],
      [{ aging: { edges: [60, 30, 90] } }, /Aging bucket edges/],
      ["{ not json", /is not JSON/],
      ["[1,2]", /must hold one JSON object/],
    ];
    for (const [content, message] of cases) {
      const p = file("bad.json", typeof content === "string" ? content : JSON.stringify(content));
      const bad = await cli("score", input, ...AS_OF, "--policy", p);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/the policy cannot be used/);
      expect(bad.stderr).toMatch(message);
    }
    const absent = await cli("score", input, "--policy", path.join(tmp, "none.json"));
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/cannot read/);
  });

  test("--mapping chooses columns by letter or header text, drops a role with none, and refuses a column the table lacks", async () => {
    const input = file(
      "two-customers.csv",
      [
        "Customer,Client,Due Date,Amount,Balance",
        "Acme,Acme Holdings,2026-01-10,1000,400",
        "Bolt,Bolt Group,2026-02-10,500,500",
      ].join("\n"),
    );
    const detected = await cli("score", input, ...AS_OF, "--json");
    expect(detected.json.mapping).toMatchObject({ customer: "Customer (A)", balance: "Balance (E)" });
    const byText = await cli("score", input, ...AS_OF, "--mapping", "customer=client", "--json");
    expect(byText.code).toBe(0);
    expect(byText.json.mapping).toMatchObject({ customer: "Client (B)" });
    expect((byText.json.customers as { name: string }[]).map((c) => c.name).sort()).toEqual([
      "Acme Holdings",
      "Bolt Group",
    ]);
    // By letter; the balance column dropped, so the amounts are the open balances.
    const byLetter = await cli("score", input, ...AS_OF, "--mapping", "customer=B,balance=none", "--json");
    expect(byLetter.json.mapping).toEqual({
      customer: "Client (B)",
      dueDate: "Due Date (C)",
      amount: "Amount (D)",
    });
    expect((byLetter.json.kpis as { totalExposure: number }).totalExposure).toBe(1500);
    expect((byText.json.kpis as { totalExposure: number }).totalExposure).toBe(900);

    const unknown = await cli("score", input, ...AS_OF, "--mapping", "customer=Buyer");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /--mapping customer=Buyer: no such column in the table; its columns: A "Customer", B "Client"/,
    );
    const outside = await cli("score", input, ...AS_OF, "--mapping", "amount=Z");
    expect(outside.code).toBe(2);
    // Dropping a required role leaves the columns unusable: the data cannot be scored (1), as without --mapping.
    const noCustomer = await cli("score", input, ...AS_OF, "--mapping", "customer=none");
    expect(noCustomer.code).toBe(1);
    expect(noCustomer.stderr).toMatch(/customer/i);
  });
});
