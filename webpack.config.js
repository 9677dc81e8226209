/**
 * Webpack 5 build for the add-in.
 *
 * Pages (dist/):
 *   taskpane.html  — the shared runtime: Office.js from Microsoft's CDN, then taskpane.js (registers the
 *                    AR.* custom functions, associates ribbon commands, renders the pane); the pane's scoring
 *                    Web Worker is a separate same-origin bundle (src/taskpane/scoreWorker.ts)
 *   commands.html  — ribbon command glue for hosts that load a separate function file
 *   playground.html — the pane and functions on a simulated workbook (no office.js; built only when
 *                    src/playground/index.tsx exists)
 *   help.html      — static help page (SupportUrl / GetStarted LearnMoreUrl)
 * Also: functions.json + functions.zh-CN.json (from the catalogue), manifest.xml with the base URL
 * rewritten, assets/.
 *
 * Options: env var ADDIN_BASE_URL (production base URL, default https://localhost:3000/, must end in "/"),
 * `--env outDir=<dir>` (default dist), env var ADDIN_CATALOGUE_MODULE (catalogue module, default
 * src/functions/metadata.ts).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataPlugin } = require("./scripts/functions-metadata-plugin");

const DEV_BASE_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Content-Security-Policy for a page; `extraScript` lists origins allowed to serve scripts; `workers` allows Web
 * Workers from the add-in's own origin (the pane's scoring worker, a separate same-origin bundle — never blob: or
 * data: URLs).
 */
function contentSecurityPolicy(extraScript = [], { workers = false } = {}) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...extraScript].join(" "),
    ...(workers ? ["worker-src 'self'"] : []),
    // Fluent UI v9 (Griffel) injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * Emits static files into the output: every file under `from` (to `to/<same relative path>`) and single
 * files with an optional text transform, and `generated` files given by their content. (Our own few lines instead of
 * copy-webpack-plugin, whose option validation needs ajv 8 while the lock file hoists ajv 6.)
 * @param {{ dirs: {from: string, to: string}[], files: {from: string, to: string, transform?: (text: string) => string}[], generated?: {to: string, content: string}[] }} spec
 */
class StaticFilesPlugin {
  constructor(spec) {
    this.spec = spec;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("StaticFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "StaticFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { from, to } of this.spec.dirs) {
            compilation.contextDependencies.add(from);
            const files = fs
              .readdirSync(from, { recursive: true, withFileTypes: true })
              .filter((d) => d.isFile());
            for (const d of files) {
              const abs = path.join(d.parentPath ?? d.path, d.name);
              compilation.fileDependencies.add(abs);
              const name = path.posix.join(to, path.relative(from, abs).split(path.sep).join("/"));
              compilation.emitAsset(name, new sources.RawSource(fs.readFileSync(abs)));
            }
          }
          for (const { from, to, transform } of this.spec.files) {
            compilation.fileDependencies.add(from);
            const content = transform ? transform(fs.readFileSync(from, "utf8")) : fs.readFileSync(from);
            compilation.emitAsset(to, new sources.RawSource(content));
          }
          for (const { to, content } of this.spec.generated ?? [])
            compilation.emitAsset(to, new sources.RawSource(content));
        },
      );
    });
  }
}

/** Reads and checks ADDIN_BASE_URL. */
function resolveBaseUrl() {
  const value = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  if (!/^https?:\/\/[^\s"'<>]+\/$/.test(value)) {
    throw new Error(`ADDIN_BASE_URL must be an absolute http(s) URL ending in "/": got "${value}"`);
  }
  return value;
}

/** manifest.xml text with every occurrence of the development base URL replaced by `baseUrl`. */
function rewriteManifest(text, baseUrl) {
  return text.split(DEV_BASE_URL).join(baseUrl);
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const isProduction = mode === "production";
  const root = __dirname;
  const outDir = path.resolve(root, env.outDir || "dist");
  const baseUrl = resolveBaseUrl();
  const cataloguePath = path.resolve(root, process.env.ADDIN_CATALOGUE_MODULE || "src/functions/metadata.ts");
  const hasPlayground = fs.existsSync(path.join(root, "src/playground/index.tsx"));

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  };
  if (hasPlayground) entry.playground = "./src/playground/index.tsx";

  const page = (name, template, chunks, csp) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      inject: "body",
      scriptLoading: "defer",
      // webpack's own minimizer already minifies HTML assets in production mode.
      minify: false,
      templateParameters: { csp, officeJs: OFFICE_JS_CDN },
    });

  const plugins = [
    new FunctionsMetadataPlugin({ modulePath: cataloguePath }),
    page(
      "taskpane",
      "./src/taskpane/taskpane.html",
      ["taskpane"],
      contentSecurityPolicy(["https://appsforoffice.microsoft.com"], { workers: true }),
    ),
    page(
      "commands",
      "./src/commands/commands.html",
      ["commands"],
      contentSecurityPolicy(["https://appsforoffice.microsoft.com"]),
    ),
    page("help", "./src/taskpane/help.html", [], contentSecurityPolicy()),
    new StaticFilesPlugin({
      dirs: [{ from: path.join(root, "assets"), to: "assets" }],
      files: [
        {
          from: path.join(root, "manifest.xml"),
          to: "manifest.xml",
          transform: (text) => rewriteManifest(text, baseUrl),
        },
      ],
      // Which build dist/ holds: the e2e run and the benches rebuild a development build (npm start's) before use.
      generated: [{ to: "build.json", content: `${JSON.stringify({ mode })}\n` }],
    }),
  ];
  if (hasPlayground) {
    plugins.push(
      page(
        "playground",
        "./src/playground/playground.html",
        ["playground"],
        contentSecurityPolicy([], { workers: true }),
      ),
    );
  }

  return {
    mode,
    context: root,
    entry,
    target: ["web", "es2020"],
    // Never an eval-based devtool: the pages' CSP has no 'unsafe-eval'.
    devtool: isProduction ? "source-map" : "cheap-module-source-map",
    output: {
      path: outDir,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
    },
    module: {
      // ExcelJS's browser build (the playground's lazy "exceljs" chunk) is a finished UMD bundle: no need to parse it.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.json says noEmit (it serves tsc --noEmit); the loader must emit.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    plugins,
    performance: {
      // The task pane bundle carries React + Fluent UI; warn only well above that.
      maxAssetSize: 1500 * 1024,
      maxEntrypointSize: 1500 * 1024,
    },
    stats: "errors-warnings",
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
