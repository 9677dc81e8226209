/**
 * The dependency rule of ../shared/DESIGN.md, checked on every import in src/ (static and dynamic):
 * engine imports nobody; functions and excel import only the engine; the pane imports engine, excel, functions and
 * the ribbon glue; the workbook model (src/workbook) is imported by the playground, the command line and tests,
 * never by engine, functions, excel or taskpane, which only know Office.js types. Nothing but the playground (which
 * hosts the real pane) imports the pane.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const SRC = path.resolve(__dirname, "../../src");

/** Layer → the layers it may import (besides itself). Layers not listed here may not be imported by anyone. */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  functions: ["engine"],
  excel: ["engine"],
  commands: [],
  taskpane: ["engine", "excel", "functions", "commands"],
  workbook: ["engine"],
  playground: ["engine", "excel", "functions", "taskpane", "workbook", "commands"],
  cli: ["engine", "excel", "functions", "workbook"],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Every module specifier imported by a file: import/export declarations, import() and require(). */
function importsOf(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TSX);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0]!)
    ) {
      out.push((node.arguments[0] as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function layerOf(absPath: string): string | null {
  const rel = path.relative(SRC, absPath);
  if (rel.startsWith("..")) return null;
  return rel.split(path.sep)[0] ?? null;
}

describe("layering (DESIGN.md dependency rule)", () => {
  const files = sourceFiles(SRC);

  test("every src/ folder is a known layer", () => {
    const layers = new Set(files.map((f) => layerOf(f)!));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  test("imports only go the allowed way", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file)!;
      for (const spec of importsOf(file, fs.readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue; // packages are checked by eslint/security tests
        const to = layerOf(path.resolve(path.dirname(file), spec));
        if (to === null) {
          violations.push(`${path.relative(SRC, file)} imports ${spec} (outside src/)`);
        } else if (to !== from && !(ALLOWED[from] ?? []).includes(to)) {
          violations.push(`${path.relative(SRC, file)} (${from}) imports ${spec} (${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  test("the engine imports no package (pure TypeScript)", () => {
    const packages: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === "engine")) {
      for (const spec of importsOf(file, fs.readFileSync(file, "utf8")))
        if (!spec.startsWith(".")) packages.push(`${path.relative(SRC, file)}: ${spec}`);
    }
    expect(packages).toEqual([]);
  });

  test("the checker sees violations (a file that breaks the rule is caught)", () => {
    const specs = importsOf(
      "x.ts",
      'import { a } from "../workbook";\nexport * from "./b";\nconst m = () => import("../taskpane/mount");',
    );
    expect(specs).toEqual(["../workbook", "./b", "../taskpane/mount"]);
  });
});
