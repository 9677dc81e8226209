#!/usr/bin/env node
/**
 * Tiny dependency-free static server for the built add-in (dist/).
 *
 *   node scripts/serve.js [--https] [--watch] [--port N] [--dir DIR] [--host HOST]
 *
 * Serves over plain HTTP on 127.0.0.1 (PORT env or --port, default 3000). --https uses the Office
 * development certificates from office-addin-dev-certs (Windows/macOS; installs them on first use), as
 * Excel needs HTTPS for sideloading. --watch also runs webpack in development watch mode into DIR.
 * Only files inside DIR are served; "/" redirects to the playground (or the task pane).
 */
/* global setTimeout */
"use strict";

const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".csv": "text/csv; charset=utf-8",
};

/** MIME type for a file name (application/octet-stream when unknown). */
function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/**
 * Maps a request URL path to a file inside `root`, or null when it escapes `root` or is malformed.
 * "/" maps to null too (the handler redirects it).
 */
function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  const rel = path.relative(root, file);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return file;
}

/** Request handler serving files from `root`. */
function createHandler(root) {
  return (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    const urlPath = (req.url || "/").split("?")[0];
    if (urlPath === "/") {
      const landing = fs.existsSync(path.join(root, "playground.html"))
        ? "/playground.html"
        : "/taskpane.html";
      return send(302, `See ${landing}\n`, { Location: landing });
    }
    let file = resolveRequestPath(root, urlPath);
    if (!file) return send(404, "Not found\n");
    fs.stat(file, (err, stat) => {
      if (!err && stat.isDirectory()) {
        file = path.join(file, "index.html");
        stat = fs.existsSync(file) ? fs.statSync(file) : null;
      }
      if (err || !stat || !stat.isFile()) return send(404, "Not found\n");
      res.writeHead(200, {
        "Content-Type": mimeType(file),
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file).pipe(res);
    });
  };
}

/**
 * Starts the server. Resolves with { server, url } once listening.
 * @param {{ dir?: string, port?: number, host?: string, https?: boolean }} options
 */
async function startServer(options = {}) {
  const root = path.resolve(options.dir || path.join(__dirname, "..", "dist"));
  const port = options.port ?? Number(process.env.PORT || 3000);
  const host = options.host || "127.0.0.1";
  const handler = createHandler(root);
  let server;
  if (options.https) {
    const devCerts = require("office-addin-dev-certs");
    server = https.createServer(await devCerts.getHttpsServerOptions(), handler);
  } else {
    server = http.createServer(handler);
  }
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `${options.https ? "https" : "http"}://localhost:${actualPort}/`;
  return { server, url, root };
}

/** Runs webpack (development mode, watching) into `outDir`; resolves after the first build. */
function watchBuild(outDir) {
  const webpack = require("webpack");
  const makeConfig = require("../webpack.config.js");
  const compiler = webpack(makeConfig({ outDir }, { mode: "development" }));
  return new Promise((resolve) => {
    let first = true;
    const watching = compiler.watch({ aggregateTimeout: 300 }, (err, stats) => {
      if (err) console.error(err);
      else if (stats.hasErrors() || stats.hasWarnings()) console.log(stats.toString("errors-warnings"));
      else console.log(`Built in ${stats.endTime - stats.startTime} ms`);
      if (first) {
        first = false;
        resolve(watching);
      }
    });
  });
}

function parseArgs(argv) {
  const opts = { https: false, watch: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--https") opts.https = true;
    else if (a === "--watch") opts.watch = true;
    else if (a === "--port") opts.port = Number(argv[++i]);
    else if (a === "--dir") opts.dir = argv[++i];
    else if (a === "--host") opts.host = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = path.resolve(opts.dir || path.join(__dirname, "..", "dist"));
  if (opts.watch) await watchBuild(dir);
  else if (!fs.existsSync(dir))
    console.warn(`Warning: ${dir} does not exist yet; run "npm run build" first.`);
  const { url } = await startServer({ ...opts, dir });
  console.log(`Serving ${dir} at ${url}`);
  if (fs.existsSync(path.join(dir, "playground.html"))) console.log(`Playground: ${url}playground.html`);
  console.log(`Task pane:  ${url}taskpane.html`);
  const stop = () => process.exit(0);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err && err.code === "EADDRINUSE" ? `Port already in use: ${err.message}` : err);
    setTimeout(() => process.exit(1), 0);
  });
}

module.exports = { startServer, createHandler, resolveRequestPath, mimeType, watchBuild };
