#!/usr/bin/env node
/**
 * `npm stop`: on Windows/macOS runs `office-addin-debugging stop manifest.xml desktop` (stops the dev
 * server and unloads the sideloaded add-in); everywhere it also stops a playground server started by
 * `npm start` (its pid is in .tmp/playground.pid).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { PID_FILE } = require("./start.js");

/** Stops the playground server recorded in the pid file; returns a message saying what happened. */
function stopPlayground(pidFile = PID_FILE) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  } catch {
    return "No playground server is running.";
  }
  try {
    fs.unlinkSync(pidFile);
  } catch {
    // Someone else removed it.
  }
  if (!Number.isInteger(pid) || pid <= 0) return `Ignored a malformed pid file (${pidFile}).`;
  try {
    process.kill(pid, "SIGTERM");
    return `Stopped the playground server (pid ${pid}).`;
  } catch (err) {
    return err && err.code === "ESRCH"
      ? `The playground server (pid ${pid}) had already exited.`
      : `Could not stop pid ${pid}: ${err}`;
  }
}

function main() {
  let status = 0;
  if (process.platform === "win32" || process.platform === "darwin") {
    const bin = require.resolve("office-addin-debugging/cli.js");
    const result = spawnSync(process.execPath, [bin, "stop", "manifest.xml", "desktop", "--app", "excel"], {
      stdio: "inherit",
      cwd: path.resolve(__dirname, ".."),
    });
    status = result.status ?? 1;
  }
  console.log(stopPlayground());
  process.exit(status);
}

if (require.main === module) main();

module.exports = { stopPlayground };
