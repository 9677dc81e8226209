#!/usr/bin/env node
/**
 * `npm run fuzz`: runs scripts/fuzz.ts with tsx (≥ 100,000 fuzz cases over the terms parser, date parsers,
 * header detection and the whole pipeline). Passes FUZZ_CASES / FUZZ_SEED through; exits with its status.
 */
"use strict";

const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");

const result = spawnSync(process.execPath, [TSX, path.join(__dirname, "fuzz.ts"), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: process.env,
});
process.exit(result.status === null ? 1 : result.status);
