/**
 * The add-in declares ExcelApi 1.9 in its manifest (DESIGN.md), so every Office.js Excel member it uses above 1.9
 * (or from the platform-only sets ExcelApiOnline / ExcelApiDesktop) must sit behind an
 * `Office.context.requirements.isSetSupported(set, version)` guard that covers it: inside the `if` branch, the
 * `&&` right-hand side or the `?` branch of a condition that calls isSetSupported for that set at that version or
 * above (directly, or through a local constant initialised with such a call).
 *
 * The type checker resolves every property access in src/excel, src/taskpane, src/functions and src/commands to
 * its @types/office-js declaration; the requirement comes from the same generated table the simulator gates on.
 * The fallbacks are exercised under a 1.9 profile by the suites (test/excel/selection.test.ts, and the profile
 * matrix of scripts/test.js).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";
import { compareVersions, memberInfo } from "../../src/workbook/office/apiSets";
import { MANIFEST_EXCEL_API } from "../../src/workbook";

const ROOT = path.resolve(__dirname, "../..");
const LAYERS = ["excel", "taskpane", "functions", "commands"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

interface Use {
  where: string;
  member: string;
  set: string;
  version: string;
  guarded: boolean;
}

/** `isSetSupported("Set", "1.x")` calls in an expression (and in the initialisers of local constants it names). */
function guardsIn(expr: ts.Node, checker: ts.TypeChecker, depth = 0): { set: string; version: string }[] {
  const out: { set: string; version: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === "isSetSupported" &&
      n.arguments.length >= 1 &&
      ts.isStringLiteralLike(n.arguments[0]!)
    ) {
      const v = n.arguments[1];
      out.push({
        set: (n.arguments[0] as ts.StringLiteral).text,
        version: v && (ts.isStringLiteralLike(v) || ts.isNumericLiteral(v)) ? v.text : "1.1",
      });
    } else if (ts.isIdentifier(n) && depth < 2) {
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
        out.push(...guardsIn(decl.initializer, checker, depth + 1));
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return out;
}

/** True when `node` only runs once a condition guaranteeing `set` ≥ `version` held. */
function isGuarded(node: ts.Node, set: string, version: string, checker: ts.TypeChecker): boolean {
  const covers = (cond: ts.Node) =>
    guardsIn(cond, checker).some(
      (g) => g.set.toLowerCase() === set.toLowerCase() && compareVersions(g.version, version) >= 0,
    );
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && p.thenStatement === child && covers(p.expression)) return true;
    if (ts.isConditionalExpression(p) && p.whenTrue === child && covers(p.condition)) return true;
    if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      p.right === child &&
      covers(p.left)
    )
      return true;
  }
  return false;
}

/** Every Excel member above the manifest's level (or platform-only) used in `files`. */
function excelUses(files: string[]): Use[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["office-js", "office-runtime"],
    typeRoots: [path.join(ROOT, "node_modules", "@types")],
  });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const decl = checker.getSymbolAtLocation(n.name)?.declarations?.[0];
        const cls = decl?.parent;
        const inOfficeTypes = decl?.getSourceFile().fileName.includes(`@types${path.sep}office-js`);
        if (inOfficeTypes && cls && ts.isClassDeclaration(cls) && cls.name) {
          // Only members of the Excel namespace have ExcelApi requirements.
          const ns = cls.parent?.parent;
          if (ns && ts.isModuleDeclaration(ns) && ns.name.text === "Excel") {
            const info = memberInfo(cls.name.text, n.name.text);
            if (info && (info.set !== "ExcelApi" || compareVersions(info.version, MANIFEST_EXCEL_API) > 0)) {
              const { line } = sf.getLineAndCharacterOfPosition(n.name.getStart());
              uses.push({
                where: `${path.relative(ROOT, file)}:${line + 1}`,
                member: `${cls.name.text}.${n.name.text}`,
                set: info.set,
                version: info.version,
                guarded: isGuarded(n, info.set, info.version, checker),
              });
            }
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

const addinFiles = LAYERS.flatMap((l) => sourceFiles(path.join(ROOT, "src", l)));

test(`the add-in calls nothing above ExcelApi ${MANIFEST_EXCEL_API} without an isSetSupported guard`, () => {
  const uses = excelUses(addinFiles);
  const unguarded = uses
    .filter((u) => !u.guarded)
    .map((u) => `${u.where} ${u.member} (${u.set} ${u.version})`);
  expect(unguarded).toEqual([]);
  // The one member above 1.9 the add-in uses today, behind its guard (src/excel/selection.ts).
  expect(uses.map((u) => u.member)).toContain("RangeAreas.select");
}, 60_000);

describe("the checker itself", () => {
  const cases: Record<string, string> = {
    unguarded: `ctx.workbook.worksheets.getItem("S").getRanges("A1,B2").select();`,
    tooLowGuard: `if (Office.context.requirements.isSetSupported("ExcelApi", "1.9"))
      ctx.workbook.worksheets.getItem("S").getRanges("A1,B2").select();`,
    unguarded113: `ctx.workbook.worksheets.getItem("S").getRange("A1").getMergedAreasOrNullObject();`,
    ifGuard: `if (Office.context.requirements.isSetSupported("ExcelApi", "1.18"))
      ctx.workbook.worksheets.getItem("S").getRanges("A1,B2").select();`,
    constGuard: `const ok = Office.context.requirements.isSetSupported("ExcelApi", "1.13");
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      const m = ok ? r.getMergedAreasOrNullObject() : null;
      void m;`,
    andGuard: `const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      void (Office.context.requirements.isSetSupported("ExcelApi", "1.13") && r.getMergedAreasOrNullObject());`,
    atLevel: `ctx.workbook.getSelectedRanges().getTables(false).load("items");`,
  };
  let flagged: Record<string, string[]> = {};
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-level-"));
    try {
      const files = Object.entries(cases).map(([name, body]) => {
        const file = path.join(dir, `${name}.ts`);
        fs.writeFileSync(
          file,
          `export async function f(ctx: Excel.RequestContext): Promise<void> {\n${body}\n}\n`,
        );
        return file;
      });
      flagged = Object.fromEntries(Object.keys(cases).map((k) => [k, [] as string[]]));
      for (const u of excelUses(files).filter((x) => !x.guarded))
        flagged[path.basename(u.where.split(":")[0]!, ".ts")]!.push(u.member);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("flags an unguarded call above the level, and a guard for too low a level", () => {
    expect(flagged.unguarded).toEqual(["RangeAreas.select"]);
    expect(flagged.tooLowGuard).toEqual(["RangeAreas.select"]);
    expect(flagged.unguarded113).toEqual(["Range.getMergedAreasOrNullObject"]);
  });

  test("accepts if / && / ?: guards and a guard held in a local constant; members ≤ 1.9 need none", () => {
    expect([flagged.ifGuard, flagged.constGuard, flagged.andGuard, flagged.atLevel]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });
});
