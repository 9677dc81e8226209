#!/usr/bin/env node
/**
 * `npm run bench`: runs every scripts/bench-*.ts module with tsx (each prints one JSON object on its
 * last non-empty stdout line) and prints one combined JSON object keyed by bench name
 * ("bench-score.ts" → "score"). A bench that fails or prints no JSON is reported under "errors" and
 * makes the exit code non-zero.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");

/** Last non-empty line of `text` parsed as JSON, or undefined. */
function lastJsonLine(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      return JSON.parse(lines[i]);
    } catch {
      // keep looking upwards (a bench may log progress before its result)
    }
  }
  return undefined;
}

function main() {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => /^bench-.+\.ts$/.test(f))
    .sort();
  const results = {};
  const errors = {};
  for (const file of files) {
    const name = file.replace(/^bench-/, "").replace(/\.ts$/, "");
    process.stderr.write(`bench: ${file}…\n`);
    const run = spawnSync(process.execPath, [TSX, path.join(__dirname, file)], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const parsed = run.status === 0 ? lastJsonLine(run.stdout || "") : undefined;
    if (parsed === undefined)
      errors[name] = run.status === 0 ? "printed no JSON" : `exited with ${run.status}`;
    else results[name] = parsed;
  }
  const out = { benches: results };
  if (Object.keys(errors).length > 0) out.errors = errors;
  if (files.length === 0) out.note = "no scripts/bench-*.ts found";
  console.log(JSON.stringify(out, null, 2));
  process.exit(Object.keys(errors).length > 0 ? 1 : 0);
}

if (require.main === module) main();

module.exports = { lastJsonLine };
