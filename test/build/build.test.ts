/** @jest-environment jsdom */
/**
 * The production build: runs `webpack --mode production` once into a temporary folder with
 * ADDIN_BASE_URL=https://example.test/app/ and checks what Excel and the playground will load; runs it
 * again (in parallel) with a catalogue whose validation fails and expects a failing build.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..");
const WEBPACK = require.resolve("webpack-cli/bin/cli.js");
const BASE = "https://example.test/app/";
const HAS_PLAYGROUND = fs.existsSync(path.join(ROOT, "src/playground/index.tsx"));

interface BuildResult {
  code: number | null;
  output: string;
}

function build(outDir: string, env: Record<string, string>): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WEBPACK, "--mode", "production", "--env", `outDir=${outDir}`], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

let tmp: string;
let dist: string;
let good: BuildResult;
let broken: BuildResult;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crt-build-"));
  dist = path.join(tmp, "dist");
  [good, broken] = await Promise.all([
    build(dist, { ADDIN_BASE_URL: BASE }),
    build(path.join(tmp, "broken"), {
      ADDIN_CATALOGUE_MODULE: path.join(__dirname, "fixtures", "broken-catalogue.ts"),
    }),
  ]);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");
const readHtml = (file: string) => new DOMParser().parseFromString(read(file), "text/html");
const scriptSrcs = (doc: Document) =>
  Array.from(doc.querySelectorAll("script")).map((s) => s.getAttribute("src") ?? "(inline)");
const csp = (doc: Document) =>
  doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
const readJson = (file: string) => JSON.parse(read(file));

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string; optional?: boolean }[];
}
function findFunction(file: string, id: string): FunctionMetadata | undefined {
  return (readJson(file).functions as FunctionMetadata[]).find((f) => f.id === id || f.id === `AR.${id}`);
}

describe("webpack --mode production", () => {
  test("succeeds", () => {
    expect([good.code, good.code === 0 ? "" : good.output]).toEqual([0, ""]);
  });

  test("emits the pages, metadata, manifest and assets", () => {
    const expected = [
      "taskpane.html",
      "taskpane.js",
      "commands.html",
      "commands.js",
      "help.html",
      "functions.json",
      "functions.zh-CN.json",
      "manifest.xml",
    ];
    for (const file of expected) expect([file, fs.existsSync(path.join(dist, file))]).toEqual([file, true]);
    for (const icon of [
      "icon-16.png",
      "icon-32.png",
      "icon-64.png",
      "icon-80.png",
      "icon-128.png",
      "logo-filled.png",
    ]) {
      expect(fs.readFileSync(path.join(dist, "assets", icon))).toEqual(
        fs.readFileSync(path.join(ROOT, "assets", icon)),
      );
    }
    expect(fs.existsSync(path.join(dist, "playground.html"))).toBe(HAS_PLAYGROUND);
  });

  test("taskpane.html loads office.js from Microsoft's CDN before the bundle, under a CSP", () => {
    const doc = readHtml("taskpane.html");
    expect(scriptSrcs(doc)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "taskpane.js",
    ]);
    expect(csp(doc)).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp(doc)).toContain("default-src 'self'");
    expect(csp(doc)).not.toContain("unsafe-eval");
    expect(doc.getElementById("root")).not.toBeNull();
    const commands = readHtml("commands.html");
    expect(scriptSrcs(commands)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "commands.js",
    ]);
  });

  (HAS_PLAYGROUND ? test : test.skip)(
    "playground.html has a root, its bundle, a CSP and no office.js",
    () => {
      const doc = readHtml("playground.html");
      expect(doc.getElementById("root")).not.toBeNull();
      expect(scriptSrcs(doc)).toEqual(["playground.js"]);
      expect(csp(doc)).toContain("default-src 'self'");
      expect(csp(doc)).toContain("script-src 'self';");
      expect(read("playground.html")).not.toContain("appsforoffice");
    },
  );

  (HAS_PLAYGROUND ? test : test.skip)(
    "ExcelJS is one lazy chunk of the playground: not in the playground entry, not in the task pane or its chunks",
    () => {
      // Parts every .xlsx package has, named in ExcelJS's xlsx writer and reader: a file holding them holds ExcelJS.
      const holdsExcelJs = (text: string) =>
        text.includes("xl/sharedStrings.xml") && text.includes("xl/worksheets/_rels/");
      const bundles = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
      const withExcelJs = bundles.filter((f) => holdsExcelJs(read(f)));
      expect(withExcelJs).toEqual(["exceljs.js"]);
      // The playground loads that chunk on demand (webpack's chunk-name map), the task pane never does.
      expect(read("playground.js")).toMatch(/"exceljs"/);
      expect(read("taskpane.js")).not.toMatch(/exceljs/i);
      expect(read("credit-risk-scoring.js")).not.toMatch(/exceljs/i);
    },
  );

  test("functions.json describes DUEDATE and its parameters in English", () => {
    const duedate = findFunction("functions.json", "DUEDATE");
    expect(duedate).toBeDefined();
    expect(duedate!.description).toMatch(/[a-z]/i);
    const params = (duedate!.parameters ?? []).map((p) => p.name.toLowerCase());
    expect(params.slice(0, 2)).toEqual([expect.stringMatching(/invoice/), expect.stringMatching(/terms/)]);
    expect(params[2]).toMatch(/holiday/);
    expect(duedate!.parameters![2].optional).toBe(true);
  });

  test("functions.zh-CN.json carries Chinese descriptions", () => {
    const duedate = findFunction("functions.zh-CN.json", "DUEDATE");
    expect(duedate!.description).toMatch(/[\u4e00-\u9fff]/);
    for (const p of duedate!.parameters ?? []) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    expect(readJson("functions.zh-CN.json").functions.length).toBe(
      readJson("functions.json").functions.length,
    );
  });

  test("manifest.xml has ADDIN_BASE_URL in place of the development base URL", () => {
    const text = read("manifest.xml");
    expect(text).not.toContain("localhost:3000");
    const xml = new DOMParser().parseFromString(text, "application/xml");
    expect(xml.getElementsByTagName("parsererror")).toHaveLength(0);
    const urls = Array.from(xml.getElementsByTagNameNS("*", "Url")).map((u) => [
      u.getAttribute("id"),
      u.getAttribute("DefaultValue"),
    ]);
    expect(urls).toContainEqual(["Taskpane.Url", `${BASE}taskpane.html`]);
    expect(urls).toContainEqual(["Functions.Metadata.Url", `${BASE}functions.json`]);
    expect(text).toContain(`${BASE}functions.zh-CN.json`);
    expect(xml.getElementsByTagNameNS("*", "IconUrl")[0].getAttribute("DefaultValue")).toBe(
      `${BASE}assets/icon-32.png`,
    );
  });

  test("JavaScript bundles contain no eval (the pages' CSP forbids it)", () => {
    const bundles = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    for (const file of bundles) expect([file, read(file).includes("eval(")]).toEqual([file, false]);
  });

  test("a catalogue that fails validation fails the build with its messages", () => {
    expect(broken.code).not.toBe(0);
    expect(broken.output).toContain("DUEDATE: parameter 'terms' has no zh-CN description");
    expect(broken.output).toContain("BROKENFN: id must be upper case");
  });
});
