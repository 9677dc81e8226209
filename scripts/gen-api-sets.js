#!/usr/bin/env node
/**
 * Generates src/workbook/office/apiSets.generated.json — the member → requirement-set table the simulator's host
 * profiles gate on — from the doc comments of node_modules/@types/office-js/index.d.ts, never by hand.
 *
 * For every class of the `Excel` namespace, every property and method whose doc comment carries
 * `[Api set: ExcelApi 1.x]` (or `ExcelApiOnline` / `ExcelApiDesktop`, or `ExcelApi BETA (PREVIEW ONLY)`) is recorded
 * with the FIRST set named there: a member documented "1.1 for get, 1.8 for set" exists from 1.1. Overloads take
 * the lowest set. Members without an `[Api set: …]` line (load, toJSON, set, track, context) are not gated.
 *
 *   node scripts/gen-api-sets.js           writes the table
 *   node scripts/gen-api-sets.js --check   exits 1 when the committed table differs from a fresh one
 *
 * test/sim/apiSets.test.ts regenerates the table in memory and compares it with the committed file.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const TYPES = path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");
const OUT = path.join(ROOT, "src", "workbook", "office", "apiSets.generated.json");

const SET = /\[Api set: (ExcelApi(?:Online|Desktop)?) (BETA|\d+\.\d+)/;

/** "ExcelApi 1.10" → comparable key (set name first, then numeric version; BETA after every number). */
function rank(entry) {
  const [set, version] = entry.split(" ");
  if (version === "BETA") return [set, Infinity, Infinity];
  const [major, minor] = version.split(".").map(Number);
  return [set, major, minor];
}

function lower(a, b) {
  if (!a) return b;
  const x = rank(a);
  const y = rank(b);
  if (x[0] !== y[0]) return x[0] === "ExcelApi" ? a : y[0] === "ExcelApi" ? b : a;
  return x[1] < y[1] || (x[1] === y[1] && x[2] <= y[2]) ? a : b;
}

/** The `[Api set: …]` of a declaration's JSDoc, as "ExcelApi 1.9", or null. */
function apiSetOf(node, text) {
  for (const range of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) {
    const m = SET.exec(text.slice(range.pos, range.end));
    if (m) return `${m[1]} ${m[2]}`;
  }
  return null;
}

/** { className: { member: "ExcelApi 1.9" } } for every class of `declare namespace Excel`. */
function buildTable(typesFile = TYPES) {
  const text = fs.readFileSync(typesFile, "utf8");
  const sf = ts.createSourceFile(typesFile, text, ts.ScriptTarget.Latest, true);
  const table = {};
  const visitNamespace = (ns) => {
    const body = ns.body;
    if (!body || !ts.isModuleBlock(body)) return;
    for (const st of body.statements) {
      if (!ts.isClassDeclaration(st) || !st.name) continue;
      const members = {};
      for (const m of st.members) {
        if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
        if (!ts.isPropertyDeclaration(m) && !ts.isMethodDeclaration(m) && !ts.isGetAccessor(m)) continue;
        const set = apiSetOf(m, text);
        if (!set) continue;
        // Methods are recorded as "name()" so the simulator can tell a callable from a property.
        const name = ts.isMethodDeclaration(m) ? `${m.name.text}()` : m.name.text;
        members[name] = lower(members[name], set);
      }
      if (Object.keys(members).length) table[st.name.text] = sortKeys(members);
    }
  };
  for (const st of sf.statements) {
    if (ts.isModuleDeclaration(st) && st.name.text === "Excel") visitNamespace(st);
  }
  return sortKeys(table);
}

function sortKeys(o) {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** Compact JSON: per class one string of "member:set" pairs ("1.9" stands for "ExcelApi 1.9"). */
function render(table, typesVersion) {
  const classes = {};
  for (const [cls, members] of Object.entries(table)) {
    classes[cls] = Object.entries(members)
      .map(([m, set]) => {
        const [name, version] = set.split(" ");
        const short =
          version === "BETA"
            ? "BETA"
            : name === "ExcelApiOnline"
              ? `O${version}`
              : name === "ExcelApiDesktop"
                ? `D${version}`
                : version;
        return `${m}:${short}`;
      })
      .join(" ");
  }
  const doc = {
    generated: `by scripts/gen-api-sets.js from @types/office-js ${typesVersion}; do not edit by hand`,
    format:
      'class -> "member:set" pairs (methods as "name()"): a bare version ("1.9") is ExcelApi, "O1.1" ExcelApiOnline, "D1.1" ExcelApiDesktop, "BETA" preview only; the first set named in the member\'s [Api set: ...] doc comment',
    classes,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function generate() {
  const version = require(path.join(ROOT, "node_modules", "@types", "office-js", "package.json")).version;
  return render(buildTable(), version);
}

if (require.main === module) {
  const fresh = generate();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
    if (current !== fresh) {
      console.error(`${path.relative(ROOT, OUT)} is out of date: run node scripts/gen-api-sets.js`);
      process.exit(1);
    }
    console.log("api-set table is up to date");
  } else {
    fs.writeFileSync(OUT, fresh);
    console.log(`wrote ${path.relative(ROOT, OUT)}`);
  }
}

module.exports = { buildTable, generate, OUT };
