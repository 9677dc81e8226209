/**
 * The task pane's initial JavaScript: the gzip size (zlib.gzipSync, default level) of our JS files that
 * taskpane.html loads with <script src> tags — the initial chunks; lazily loaded chunks (views loaded with
 * import()) are not counted. Scripts from other origins (Office.js from Microsoft's CDN) are not ours to ship and
 * are listed but not counted.
 *
 * Which build: dist/ when it holds a production build; when dist/taskpane.html is missing or dist/ holds a
 * development build (dist/build.json, written by webpack.config.js), a fresh production build is made into a temporary
 * directory (`webpack --mode production --env outDir=<tmp>`), leaving dist/ untouched.
 *
 * Run: `npx tsx scripts/bench-load.ts` — prints {taskpaneInitialJsGzipBytes, limitBytes: 409600, met, …}.
 * `runLoadBench()` is exported.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const e2e = require("../test/e2e/run.js") as { isProductionBuild(dir: string): boolean };

const ROOT = resolve(__dirname, "..");
export const LIMIT_BYTES = 409_600;

export interface LoadBenchResult {
  taskpaneInitialJsGzipBytes: number;
  limitBytes: number;
  met: boolean;
  /** Per counted script: raw and gzip bytes. */
  scripts: { src: string; bytes: number; gzipBytes: number }[];
  /** External scripts (not counted). */
  external: string[];
  build: "dist" | "fresh-production";
}

/** The `src` of every <script> tag of an HTML page, in order. */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  return out;
}

const isExternal = (src: string) => /^(?:[a-z]+:)?\/\//i.test(src);

function buildProduction(outDir: string): void {
  const webpack = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const run = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", `outDir=${outDir}`], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`production build failed:\n${run.stdout}\n${run.stderr}`);
}

/** Measures the initial JS of `dir`/taskpane.html. */
export function measureDir(dir: string): Omit<LoadBenchResult, "build"> {
  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  const sources = scriptSources(html);
  const scripts = sources
    .filter((s) => !isExternal(s))
    .map((src) => {
      const buf = readFileSync(join(dir, src.split(/[?#]/)[0]!));
      return { src, bytes: buf.length, gzipBytes: gzipSync(buf).length };
    });
  const total = scripts.reduce((s, x) => s + x.gzipBytes, 0);
  return {
    taskpaneInitialJsGzipBytes: total,
    limitBytes: LIMIT_BYTES,
    met: total <= LIMIT_BYTES,
    scripts,
    external: sources.filter(isExternal),
  };
}

export function runLoadBench(): LoadBenchResult {
  const dist = join(ROOT, "dist");
  const distHtml = join(dist, "taskpane.html");
  if (existsSync(distHtml) && e2e.isProductionBuild(dist)) {
    return { ...measureDir(dist), build: "dist" };
  }
  const out = mkdtempSync(join(tmpdir(), "crt-bench-load-"));
  try {
    buildProduction(out);
    return { ...measureDir(out), build: "fresh-production" };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    console.log(JSON.stringify(runLoadBench()));
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
}
