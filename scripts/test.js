#!/usr/bin/env node
/**
 * `npm test`: runs every jest test once (the simulator as Excel on Windows at the newest ExcelApi level), then
 * - the engine and functions tests, the pane's as-of date test (a fake clock crossing the local midnight) and the
 *   simulator's TODAY test again under time zones that break naive Date-based date code (Pacific/Kiritimati UTC+14,
 *   America/Sao_Paulo, Asia/Shanghai);
 * - the suites that drive the add-in through the simulator (excel, golden, faults) again under every other host
 *   profile: Windows, Mac and the web at the manifest's ExcelApi 1.9 and at the newest level (SIM_PROFILE, read by
 *   test/profile.ts).
 * Extra arguments go to the first (full) jest run. Exits non-zero when any run fails and ends with
 * "TZ runs: <n> passed, <m> failed" and "Profile runs: <n> passed, <m> failed".
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const JEST = require.resolve("jest/bin/jest");
const TIME_ZONES = ["Pacific/Kiritimati", "America/Sao_Paulo", "Asia/Shanghai"];
const TZ_DIRS = ["test/engine", "test/functions", "test/taskpane/asOfDate.test.tsx", "test/sim/today.test.ts"];
/** Host profiles besides the default (windows at the newest level); "newest" is the simulator's newest level. */
const PROFILES = ["windows@1.9", "mac@1.9", "mac@newest", "web@1.9", "web@newest"];
const PROFILE_DIRS = ["test/excel", "test/golden", "test/faults"];

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
  let profilesPassed = 0;
  let profilesFailed = 0;
  for (const profile of PROFILES) {
    const name = profile.replace("@newest", "@");
    console.log(`\n=== jest ${PROFILE_DIRS.join(" ")} with SIM_PROFILE=${profile} ===`);
    if (jest([...PROFILE_DIRS, "--silent"], { SIM_PROFILE: name })) profilesPassed++;
    else profilesFailed++;
  }
  console.log(`\nAll tests: ${allOk ? "passed" : "FAILED"}`);
  console.log(`TZ runs: ${passed} passed, ${failed} failed`);
  console.log(`Profile runs: ${profilesPassed} passed, ${profilesFailed} failed`);
  process.exit(allOk && failed === 0 && profilesFailed === 0 ? 0 : 1);
}

main();
