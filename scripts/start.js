#!/usr/bin/env node
/**
 * `npm start`: run the add-in where it can run.
 *
 *  - Playground mode (with --playground, on Linux, or when no desktop Excel is found): builds in
 *    development mode with webpack watching, serves dist/ over plain HTTP on localhost:3000 (PORT env),
 *    prints the playground URL and opens it in a browser when a display exists. Runs until Ctrl+C.
 *    The server's pid is written to .tmp/playground.pid for `npm stop`.
 *  - Excel mode (Windows/macOS with Excel installed): builds once, then runs
 *    `office-addin-debugging start manifest.xml desktop` with an HTTPS dev server
 *    (`node scripts/serve.js --https --watch`), which sideloads the add-in into Excel desktop as the
 *    Office templates do. Ctrl+C (or `npm stop`) stops debugging and unloads the add-in.
 */
/* global setTimeout, setInterval */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.join(ROOT, ".tmp", "playground.pid");

/** Paths where desktop Excel is normally installed. */
function excelCandidates(platform, env) {
  if (platform === "darwin") return ["/Applications/Microsoft Excel.app"];
  if (platform === "win32") {
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432].filter(Boolean);
    return roots.flatMap((r) => [
      path.join(r, "Microsoft Office", "root", "Office16", "EXCEL.EXE"),
      path.join(r, "Microsoft Office", "Office16", "EXCEL.EXE"),
    ]);
  }
  return [];
}

/**
 * "playground" or "excel". Playground on request, on Linux (office-addin-debugging cannot sideload
 * there), and wherever no Excel installation is found.
 */
function chooseMode(argv, platform = process.platform, env = process.env, exists = fs.existsSync) {
  if (argv.includes("--playground")) return "playground";
  if (argv.includes("--excel")) return "excel";
  if (platform === "linux") return "playground";
  return excelCandidates(platform, env).some((p) => exists(p)) ? "excel" : "playground";
}

/** True when a browser window could be shown (a display on Linux; always on Windows/macOS). */
function hasDisplay(platform = process.platform, env = process.env) {
  if (platform === "win32" || platform === "darwin") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Best effort: opens `url` in the default browser, never fails. */
function openBrowser(url) {
  if (!hasDisplay()) return;
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(cmd, [url], { stdio: "ignore", detached: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No opener available: the URL is printed anyway.
  }
}

async function startPlayground() {
  const { startServer, watchBuild } = require("./serve.js");
  const dist = path.join(ROOT, "dist");
  console.log("Building (development, watching for changes)…");
  const watching = await watchBuild(dist);
  const port = Number(process.env.PORT || 3000);
  let server;
  let url;
  try {
    ({ server, url } = await startServer({ dir: dist, port }));
  } catch (err) {
    watching.close(() => {});
    if (err && err.code === "EADDRINUSE") {
      throw new Error(
        `port ${port} is in use (is another "npm start" running? try "npm stop" or PORT=3001 npm start)`,
      );
    }
    throw err;
  }
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, String(process.pid));
  const hasPlayground = fs.existsSync(path.join(dist, "playground.html"));
  if (hasPlayground) console.log(`Playground: ${url}playground.html`);
  else console.log("The playground page is not built yet (src/playground/index.tsx is missing).");
  console.log(`Task pane (needs Excel to do anything): ${url}taskpane.html`);
  console.log("Press Ctrl+C to stop.");
  if (hasPlayground) openBrowser(`${url}playground.html`);

  const shutdown = () => {
    try {
      if (fs.readFileSync(PID_FILE, "utf8").trim() === String(process.pid)) fs.unlinkSync(PID_FILE);
    } catch {
      // Already removed.
    }
    server.close();
    watching.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

function officeAddinDebugging(args) {
  const bin = require.resolve("office-addin-debugging/cli.js");
  return spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", cwd: ROOT });
}

async function startExcel() {
  console.log("Building (development)…");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const build = spawnSync(process.execPath, [webpackCli, "--mode", "development"], {
    stdio: "inherit",
    cwd: ROOT,
  });
  if (build.status !== 0) throw new Error("webpack build failed");
  const port = String(process.env.PORT || 3000);
  const result = officeAddinDebugging([
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "node scripts/serve.js --https --watch",
    "--dev-server-port",
    port,
  ]);
  if (result.status !== 0) throw new Error("office-addin-debugging start failed");
  console.log("Excel is starting with the add-in sideloaded (Home tab > Score sheet).");
  console.log("Press Ctrl+C (or run `npm stop`) to stop debugging and unload the add-in.");
  const stop = () => {
    officeAddinDebugging(["stop", "manifest.xml", "desktop", "--app", "excel"]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}

async function main() {
  const mode = chooseMode(process.argv.slice(2));
  console.log(`npm start: ${mode} mode on ${os.platform()}`);
  if (mode === "excel") await startExcel();
  else await startPlayground();
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`npm start failed: ${err && err.message ? err.message : err}`);
    process.exit(1);
  });
}

module.exports = { chooseMode, excelCandidates, hasDisplay, PID_FILE };
