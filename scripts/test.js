#!/usr/bin/env node
/**
 * `npm test`: runs every jest test once, then the engine and functions tests and the pane's as-of date test
 * (a fake clock crossing the local midnight) again under time zones that break naive Date-based date code
 * (Pacific/Kiritimati UTC+14, America/Sao_Paulo, Asia/Shanghai).
 * Extra arguments go to the first (full) jest run. Exits non-zero when any run fails and ends with
 * "TZ runs: <n> passed, <m> failed".
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const JEST = require.resolve("jest/bin/jest");
const TIME_ZONES = ["Pacific/Kiritimati", "America/Sao_Paulo", "Asia/Shanghai"];
const TZ_DIRS = ["test/engine", "test/functions", "test/taskpane/asOfDate.test.tsx"];

function jest(args, env = {}) {
  const result = spawnSync(process.execPath, [JEST, ...args], {
    stdio: "inherit",
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function main() {
  console.log("=== jest: all tests ===");
  const allOk = jest(process.argv.slice(2));

  const dirs = TZ_DIRS.filter((d) => fs.existsSync(path.join(ROOT, d)));
  let passed = 0;
  let failed = 0;
  if (dirs.length === 0) {
    console.log(`No ${TZ_DIRS.join(" or ")} folder yet: time-zone runs skipped.`);
  } else {
    for (const tz of TIME_ZONES) {
      console.log(`\n=== jest ${dirs.join(" ")} with TZ=${tz} ===`);
      if (jest([...dirs, "--silent"], { TZ: tz })) passed++;
      else failed++;
    }
  }
  console.log(`\nAll tests: ${allOk ? "passed" : "FAILED"}`);
  console.log(`TZ runs: ${passed} passed, ${failed} failed`);
  process.exit(allOk && failed === 0 ? 0 : 1);
}

main();
