#!/usr/bin/env node
/**
 * Dependency audit for CI (needs the network, so it is not part of jest): runs `npm audit --omit=dev --json` and
 * fails when a production dependency has a high or critical advisory that is not listed, with a reason, in
 * audit-exceptions.json ({ "exceptions": [{ "package": "name", "reason": "why this is acceptable" }] }).
 * Prints one JSON line {high, critical, excepted, blocking} and exits 1 when `blocking` is not empty (or when npm
 * audit itself could not run). With `--allow-unavailable` (used by .ci/run) a registry that does not serve the
 * audit endpoint (some mirrors answer 405) is reported as {"skipped": …} and exits 0: the check cannot be made
 * there, which is said loudly rather than counted as a pass or a failure.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const EXCEPTIONS_FILE = path.join(ROOT, "audit-exceptions.json");
const BLOCKING = new Set(["high", "critical"]);

/** Reads audit-exceptions.json (absent = none); every entry needs a package and a non-empty reason. */
function loadExceptions(file = EXCEPTIONS_FILE) {
  if (!fs.existsSync(file)) return new Map();
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const list = Array.isArray(data.exceptions) ? data.exceptions : [];
  const map = new Map();
  for (const e of list) {
    if (!e || typeof e.package !== "string" || typeof e.reason !== "string" || e.reason.trim() === "") {
      throw new Error(
        `audit-exceptions.json: every exception needs "package" and a "reason": ${JSON.stringify(e)}`,
      );
    }
    map.set(e.package, e.reason);
  }
  return map;
}

/**
 * Pure decision on an `npm audit --json` report (npm 7+ format: `vulnerabilities` keyed by package, each with a
 * `severity`). Returns the high/critical packages split into excepted and blocking.
 */
function evaluateAudit(report, exceptions) {
  const vulns = (report && report.vulnerabilities) || {};
  const out = { high: 0, critical: 0, excepted: [], blocking: [] };
  for (const [name, v] of Object.entries(vulns)) {
    const severity = v && v.severity;
    if (!BLOCKING.has(severity)) continue;
    out[severity]++;
    if (exceptions.has(name)) out.excepted.push({ package: name, severity, reason: exceptions.get(name) });
    else out.blocking.push({ package: name, severity });
  }
  return out;
}

function main() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const res = spawnSync(npm, ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8" });
  let report;
  try {
    report = JSON.parse(res.stdout);
  } catch {
    process.stderr.write(`npm audit did not produce JSON (exit ${res.status}): ${res.stderr}\n`);
    process.exit(1);
  }
  if (report.error) {
    if (process.argv.includes("--allow-unavailable")) {
      const reason = report.message || JSON.stringify(report.error);
      process.stdout.write(`${JSON.stringify({ skipped: `audit endpoint unavailable: ${reason}` })}\n`);
      process.exit(0);
    }
    process.stderr.write(`npm audit failed: ${JSON.stringify(report.message || report.error)}\n`);
    process.exit(1);
  }
  const result = evaluateAudit(report, loadExceptions());
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(result.blocking.length > 0 ? 1 : 0);
}

module.exports = { evaluateAudit, loadExceptions };

if (require.main === module) main();
