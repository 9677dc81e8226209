#!/usr/bin/env node
/**
 * Browser end-to-end runner for the playground.
 *
 *   node test/e2e/run.js [--no-build] [filter]
 *
 * 1. Builds with `npx webpack --mode production` when dist/playground.html is missing or older than any file in
 *    src/ (skip with --no-build or E2E_NO_BUILD=1).
 * 2. Serves dist/ from an in-process static server on a free localhost port.
 * 3. Launches Debian Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) through playwright-core, headless, with a
 *    fresh profile that playwright creates itself (playwright refuses a --user-data-dir argument to launch()).
 * 4. Runs every test/e2e/*.e2e.js sequentially. A spec module exports async functions `(t) => {}`; `t` has
 *    `page` (fresh context per test), `open(pathAndQuery)`, `waitReady()`, `screenshot(file)`,
 *    `consoleErrors`, `assert` and `profile`. Prints `✓ name` / `✗ name` and finally `N passed, M failed`.
 *    Tests named in a module's `profiled` export run once per host profile of the matrix (E2E_PROFILES, default
 *    "windows@,windows@1.9,web@1.9,web@": platform@ExcelApi level, empty = the newest modelled): `t.open` adds
 *    `platform` and `excelApi` to the playground URL. The other tests run once, on the default profile.
 * Every network request is recorded; any request that leaves localhost is blocked and fails the test.
 * Screenshots go to docs/screenshots/. Exit code 1 when anything failed.
 */
"use strict";
/* global URL, URLSearchParams, setTimeout, clearTimeout */

const assert = require("assert");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TEST_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 90000);

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

/** Newest modification time of any file under `dir` (0 when missing). */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when `dir` holds a production build (its build.json, written by webpack.config.js, says so). */
function isProductionBuild(dir) {
  const info = path.join(dir, "build.json");
  return fs.existsSync(info) && JSON.parse(fs.readFileSync(info, "utf8")).mode === "production";
}

/**
 * True when dist/playground.html is missing or older than the sources or the build config, or dist/ holds another
 * build than production (dist/build.json, written by webpack.config.js).
 */
function isStale() {
  const page = path.join(DIST, "playground.html");
  if (!fs.existsSync(page)) return true;
  // `npm start` leaves a development build in dist/: never test or measure that one.
  if (!isProductionBuild(DIST)) return true;
  const built = Math.min(
    fs.statSync(page).mtimeMs,
    fs.existsSync(path.join(DIST, "playground.js"))
      ? fs.statSync(path.join(DIST, "playground.js")).mtimeMs
      : 0,
  );
  const inputs = [
    newestMtime(path.join(ROOT, "src")),
    fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs,
  ];
  return inputs.some((t) => t > built);
}

function build() {
  console.log("building: npx webpack --mode production");
  const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`webpack failed with exit code ${r.status}`);
}

/** Serves dist/ on 127.0.0.1 at a free port. Resolves to { server, baseUrl }. */
function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "playground.html";
    const file = path.normalize(path.join(DIST, rel));
    if (!file.startsWith(DIST + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, baseUrl: `http://localhost:${server.address().port}` }),
    );
  });
}

/** True for URLs that stay on this machine (or never touch the network). */
function isLocal(url) {
  if (/^(data|blob|about|chrome|chrome-extension|devtools):/i.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

async function waitForChromium() {
  for (let i = 0; i < 60 && !fs.existsSync(CHROMIUM); i++) {
    if (i === 0) console.log(`waiting for ${CHROMIUM} …`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
}

/** The host profiles of the matrix: [{ platform, excelApi }] ("" = the newest level). */
function profiles() {
  const list = (process.env.E2E_PROFILES || "windows@,windows@1.9,web@1.9,web@").split(",");
  return list
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [platform, excelApi = ""] = p.split("@");
      return { platform, excelApi };
    });
}

const profileLabel = (p) => `${p.platform}@${p.excelApi || "newest"}`;

/** `rel` with the profile's `platform` / `excelApi` query parameters added. */
function withProfile(rel, profile) {
  if (!profile) return rel;
  const [pathPart, query = ""] = rel.split("?");
  const q = new URLSearchParams(query);
  q.set("platform", profile.platform);
  if (profile.excelApi) q.set("excelApi", profile.excelApi);
  return `${pathPart}?${q.toString()}`;
}

function loadSpecs(filter) {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".e2e.js"))
    .sort();
  const specs = [];
  for (const f of files) {
    const mod = require(path.join(__dirname, f));
    const profiled = new Set(Array.isArray(mod.profiled) ? mod.profiled : []);
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== "function") continue;
      if (filter && !name.toLowerCase().includes(filter.toLowerCase())) continue;
      if (profiled.has(name))
        for (const profile of profiles())
          specs.push({ file: f, name: `${name} [${profileLabel(profile)}]`, fn, profile });
      else specs.push({ file: f, name, fn, profile: null });
    }
  }
  return specs;
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${name}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runSpec(browser, baseUrl, spec) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  const external = [];
  const requests = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLocal(url)) return route.continue();
    external.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(`pageerror: ${err.message}`));
  const t = {
    page,
    baseUrl,
    assert,
    consoleErrors,
    requests,
    profile: spec.profile,
    open: (rel = "/playground.html") =>
      page.goto(baseUrl + withProfile(rel, spec.profile), { waitUntil: "load" }),
    waitReady: (timeout = 60000) => page.waitForSelector('body[data-playground-ready="true"]', { timeout }),
    screenshot: async (file) => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, file) });
    },
  };
  try {
    await withTimeout(spec.fn(t), TEST_TIMEOUT_MS, spec.name);
    if (external.length > 0) throw new Error(`requests left localhost: ${external.join(", ")}`);
  } finally {
    await context.close();
  }
}

/**
 * Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no GPU, no QUIC, no
 * background or component traffic); shared by the e2e run and the browser benches.
 */
function launchChromium() {
  const { chromium } = require("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A browser context for the benches: the window size the e2e run uses, and every request that leaves localhost
 * aborted (the benches measure the product, which makes none).
 */
async function offlineContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  await context.route("**/*", (route) =>
    isLocal(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
  );
  return context;
}

async function main() {
  const args = process.argv.slice(2);
  const noBuild = args.includes("--no-build") || process.env.E2E_NO_BUILD === "1";
  const filter = args.find((a) => !a.startsWith("--"));
  if (!noBuild && isStale()) build();
  if (!fs.existsSync(path.join(DIST, "playground.html"))) throw new Error("dist/playground.html is missing");
  await waitForChromium();
  const { server, baseUrl } = await startServer();
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    for (const spec of loadSpecs(filter)) {
      const started = Date.now();
      try {
        await runSpec(browser, baseUrl, spec);
        passed++;
        console.log(`✓ ${spec.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(`✗ ${spec.name}`);
        console.log(
          `    ${String((err && err.stack) || err)
            .split("\n")
            .slice(0, 6)
            .join("\n    ")}`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    console.log("0 passed, 1 failed");
    process.exitCode = 1;
  });
}

module.exports = {
  isLocal,
  isStale,
  isProductionBuild,
  build,
  startServer,
  launchChromium,
  offlineContext,
  withProfile,
  CHROMIUM,
  DIST,
};
