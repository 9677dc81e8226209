/**
 * Webpack plugin: builds the custom-function metadata Excel reads (functions.json for en-US and
 * functions.zh-CN.json) from the catalogue in src/functions/metadata.ts, which is loaded through tsx.
 *
 * The catalogue module must export
 *   validateCatalogue(): string[]                       — problems found; empty when the catalogue is sound
 *   buildFunctionsMetadata(lang: "en-US" | "zh-CN")      — the JSON object Excel expects ({ functions: [...] })
 * Any problem (module missing, validation errors, a throw) becomes a webpack compilation error, so
 * `webpack --mode production` exits non-zero. The env var ADDIN_CATALOGUE_MODULE points the plugin at
 * another module (the build test uses it with a deliberately broken fixture).
 */
/* global __filename */
"use strict";

const fs = require("fs");
const path = require("path");

const PLUGIN_NAME = "FunctionsMetadataPlugin";
const LANGS = [
  { lang: "en-US", file: "functions.json" },
  { lang: "zh-CN", file: "functions.zh-CN.json" },
];

const PROJECT_ROOT = path.resolve(__dirname, "..");

/**
 * Loads a TypeScript module through tsx. Project files (outside node_modules) are dropped from the
 * require cache first, so watch-mode rebuilds see edits to the catalogue and the engine.
 */
function loadCatalogue(modulePath) {
  const roots = [PROJECT_ROOT + path.sep, path.dirname(modulePath) + path.sep];
  for (const key of Object.keys(require.cache)) {
    if (
      roots.some((r) => key.startsWith(r)) &&
      !key.includes(`${path.sep}node_modules${path.sep}`) &&
      key.includes("?namespace=")
    ) {
      delete require.cache[key];
    }
  }
  const { require: tsxRequire } = require("tsx/cjs/api");
  return tsxRequire(modulePath, __filename);
}

/**
 * Runs the catalogue checks and renders the metadata files.
 * @returns {{ errors: string[], files: Record<string, string> }}
 */
function buildMetadataFiles(modulePath) {
  if (!fs.existsSync(modulePath)) {
    return {
      errors: [
        `custom-function catalogue not found: ${modulePath} (expected exports validateCatalogue and buildFunctionsMetadata)`,
      ],
      files: {},
    };
  }
  let catalogue;
  try {
    catalogue = loadCatalogue(modulePath);
  } catch (err) {
    return { errors: [`cannot load ${modulePath}: ${err && err.stack ? err.stack : err}`], files: {} };
  }
  const missing = ["validateCatalogue", "buildFunctionsMetadata"].filter(
    (name) => typeof catalogue[name] !== "function",
  );
  if (missing.length > 0) {
    return { errors: [`${modulePath} does not export ${missing.join(" and ")}`], files: {} };
  }
  let problems;
  try {
    problems = catalogue.validateCatalogue();
  } catch (err) {
    return { errors: [`validateCatalogue() threw: ${err && err.stack ? err.stack : err}`], files: {} };
  }
  if (!Array.isArray(problems)) {
    return { errors: ["validateCatalogue() must return an array of strings"], files: {} };
  }
  if (problems.length > 0) {
    return { errors: problems.map((p) => `custom-function catalogue: ${p}`), files: {} };
  }
  const files = {};
  for (const { lang, file } of LANGS) {
    try {
      files[file] = JSON.stringify(catalogue.buildFunctionsMetadata(lang), null, 2) + "\n";
    } catch (err) {
      return {
        errors: [`buildFunctionsMetadata("${lang}") threw: ${err && err.stack ? err.stack : err}`],
        files: {},
      };
    }
  }
  return { errors: [], files };
}

class FunctionsMetadataPlugin {
  /** @param {{ modulePath: string }} options */
  constructor(options) {
    this.modulePath = path.resolve(options.modulePath);
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // Rebuild the metadata when anything in the catalogue's folder changes (watch mode).
      compilation.fileDependencies.add(this.modulePath);
      compilation.contextDependencies.add(path.dirname(this.modulePath));
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const { errors, files } = buildMetadataFiles(this.modulePath);
          for (const message of errors) {
            const error = new WebpackError(`[${PLUGIN_NAME}] ${message}`);
            error.name = "FunctionsMetadataError";
            compilation.errors.push(error);
          }
          for (const [file, text] of Object.entries(files)) {
            compilation.emitAsset(file, new sources.RawSource(text));
          }
        },
      );
    });
  }
}

module.exports = { FunctionsMetadataPlugin, buildMetadataFiles };
