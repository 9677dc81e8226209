/** The generated functions.json against the spec's signatures, the catalogue validation and the worked examples. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE } from "../../src/functions/catalogue";
import { buildFunctionsMetadata, validateCatalogue } from "../../src/functions/metadata";
import type { FunctionSpec } from "../../src/functions/types";
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { call, d } from "./helpers";

interface Signature {
  name: string;
  params: { name: string; optional: boolean }[];
}

/** Signatures `NAME(a, b, [c])` from the first column of markdown table rows; `NAME(...)` copies `copyFrom`. */
function parseSignatures(markdown: string): Signature[] {
  const out: Signature[] = [];
  for (const m of markdown.matchAll(/^\|\s*`([A-Z][A-Z0-9.]*)\(([^)]*)\)`\s*\|/gm)) {
    const args = m[2].trim();
    const params =
      args === "..." || args === ""
        ? []
        : args.split(",").map((a) => {
            const t = a.trim();
            const optional = t.startsWith("[") && t.endsWith("]");
            return { name: optional ? t.slice(1, -1).trim() : t, optional };
          });
    out.push({ name: m[1], params: args === "..." ? (null as unknown as Signature["params"]) : params });
  }
  return out;
}

function checkAgainst(signatures: Signature[], sameAs: Record<string, string>): void {
  const metadata = buildFunctionsMetadata("en-US").functions;
  const byName = new Map(signatures.map((s) => [s.name, s]));
  for (const s of signatures) {
    const params = s.params ?? byName.get(sameAs[s.name])?.params;
    expect(params).toBeDefined();
    const fn = metadata.find((f) => f.name === s.name);
    expect(fn).toBeDefined();
    expect(fn!.parameters.map((p) => ({ name: p.name, optional: p.optional }))).toEqual(params);
  }
  expect(metadata.map((f) => f.name).sort()).toEqual(signatures.map((s) => s.name).sort());
}

// The shared spec sits beside the repository (as ../shared) on developer machines and in CI.
const SPEC = join(__dirname, "../../../shared/spec/functions.md");
const DOCS = join(__dirname, "../../docs/functions.md");

describe("metadata against the spec", () => {
  (existsSync(SPEC) ? it : it.skip)(
    "every spec function is present with the spec's parameter order and optional flags",
    () => {
      const signatures = parseSignatures(readFileSync(SPEC, "utf8"));
      expect(signatures.length).toBe(17);
      checkAgainst(signatures, { SCOREREASONS: "CREDITSCORE" });
    },
  );

  it("docs/functions.md lists the same signatures", () => {
    const signatures = parseSignatures(readFileSync(DOCS, "utf8"));
    expect(signatures.length).toBe(CATALOGUE.length);
    checkAgainst(signatures, { SCOREREASONS: "CREDITSCORE" });
  });

  it("the parser reads optional brackets", () => {
    expect(parseSignatures("| `DUEDATE(invoice_date, terms, [holidays])` | x |")).toEqual([
      {
        name: "DUEDATE",
        params: [
          { name: "invoice_date", optional: false },
          { name: "terms", optional: false },
          { name: "holidays", optional: true },
        ],
      },
    ]);
  });
});

describe("buildFunctionsMetadata", () => {
  it("produces the Office custom functions JSON shape", () => {
    const json = buildFunctionsMetadata("en-US");
    expect(Object.keys(json)).toEqual(["allowErrorForDataTypeAny", "functions"]);
    // Error arguments never reach our functions: Excel shows them in the cell (the coercers still pass any through).
    expect(json.allowErrorForDataTypeAny).toBe(false);
    for (const f of json.functions) {
      expect(Object.keys(f).sort()).toEqual(["description", "id", "name", "options", "parameters", "result"]);
      expect(f.name).toBe(f.id);
      expect(["number", "string", "boolean", "any"]).toContain(f.result.type);
      expect(f.result.dimensionality).toBe("scalar");
      for (const p of f.parameters) {
        expect(Object.keys(p).sort()).toEqual(["description", "dimensionality", "name", "optional", "type"]);
        expect(["number", "string", "boolean", "any"]).toContain(p.type);
        expect(["scalar", "matrix"]).toContain(p.dimensionality);
      }
    }
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("list parameters are matrices, the rest scalars", () => {
    const fns = buildFunctionsMetadata("en-US").functions;
    const dim = (fn: string, p: string): string =>
      fns.find((f) => f.id === fn)!.parameters.find((x) => x.name === p)!.dimensionality;
    expect(dim("DUEDATE", "holidays")).toBe("matrix");
    expect(dim("AGINGBUCKET", "edges")).toBe("matrix");
    expect(dim("AGINGBUCKET", "labels")).toBe("matrix");
    expect(dim("PAYINDEX", "days_beyond_terms")).toBe("matrix");
    expect(dim("PAYINDEX", "amounts")).toBe("matrix");
    expect(dim("DSOCOUNTBACK", "sales_newest_first")).toBe("matrix");
    expect(dim("DSOCOUNTBACK", "days_per_period")).toBe("matrix");
    expect(dim("DUEDATE", "invoice_date")).toBe("scalar");
  });

  it("localises descriptions, not ids or parameter names", () => {
    const en = buildFunctionsMetadata("en-US").functions;
    const zh = buildFunctionsMetadata("zh-CN").functions;
    expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
    zh.forEach((f, i) => {
      expect(f.description).not.toBe(en[i].description);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.parameters.map((p) => p.name)).toEqual(en[i].parameters.map((p) => p.name));
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });
});

describe("validateCatalogue", () => {
  it("the shipped catalogue is valid", () => {
    expect(validateCatalogue()).toEqual([]);
  });

  it("reports every kind of problem", () => {
    const good = CATALOGUE[0];
    const broken: FunctionSpec[] = [
      { ...good, id: "due-date" },
      { ...good, id: "DUEDATE" },
      { ...good, id: "AB" },
      { ...good, id: "X1", description: { en: "", zh: "" } },
      {
        ...good,
        id: "BADPARAMS",
        parameters: [
          { ...good.parameters[2] },
          { ...good.parameters[0], name: "Invoice Date" },
          { ...good.parameters[1], name: "holidays", type: "date" as never, dimensionality: "matrix" },
        ],
      },
      { ...good, id: "BADRESULT", result: { type: "object" as never, dimensionality: "scalar" } },
      { ...good, id: "ARITY", parameters: good.parameters.slice(0, 2) },
    ];
    const errors = validateCatalogue([good, ...broken]);
    const has = (re: RegExp): boolean => errors.some((e) => re.test(e));
    expect(has(/"due-date": id must be uppercase/)).toBe(true);
    expect(has(/"DUEDATE": duplicate id/)).toBe(true);
    expect(has(/"AB": id must be 3-128/)).toBe(true);
    expect(has(/"X1": needs English and Chinese/)).toBe(true);
    expect(has(/"Invoice Date": name must be lower snake case/)).toBe(true);
    expect(has(/required parameter follows an optional one/)).toBe(true);
    expect(has(/"holidays": duplicate parameter name/)).toBe(true);
    expect(has(/invalid type "date"/)).toBe(true);
    expect(has(/dimensionality matrix does not fit kind terms/)).toBe(true);
    expect(has(/"BADRESULT": invalid result type/)).toBe(true);
    expect(has(/"ARITY": implementation takes 3 arguments, metadata lists 2/)).toBe(true);
  });
});

/** Evaluates the catalogue's example formulas: AR.X(...), DATE(y,m,d), numbers, "text", {a,b,c}, TRUE/FALSE. */
function evaluate(formula: string): unknown {
  let i = 0;
  const src = formula.replace(/^=/, "");
  const skip = (): void => {
    while (src[i] === " ") i++;
  };
  const expr = (): unknown => {
    skip();
    if (src[i] === '"') {
      const end = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    if (src[i] === "{") {
      i++;
      const row: unknown[] = [];
      while (src[i] !== "}") {
        row.push(expr());
        skip();
        if (src[i] === ",") i++;
      }
      i++;
      return [row];
    }
    const m = /^(-?\d+(?:\.\d+)?)|^(TRUE|FALSE)\b|^([A-Z.]+)\(/.exec(src.slice(i));
    if (!m) throw new Error(`cannot parse ${src.slice(i)}`);
    i += m[0].length;
    if (m[1] !== undefined) return Number(m[1]);
    if (m[2] !== undefined) return m[2] === "TRUE";
    const args: unknown[] = [];
    skip();
    while (src[i] !== ")") {
      args.push(expr());
      skip();
      if (src[i] === ",") i++;
    }
    i++;
    if (m[3] === "DATE") return d(args[0] as number, args[1] as number, args[2] as number);
    const spec = CATALOGUE.find((f) => `AR.${f.id}` === m[3])!;
    while (args.length < spec.parameters.length) args.push(null);
    return call(spec.id, ...args);
  };
  return expr();
}

describe("worked examples (used in the docs)", () => {
  beforeAll(() => installFakeCustomFunctions());
  afterAll(() => uninstallFakeCustomFunctions());
  it.each(CATALOGUE.map((f) => [f.id, f.example.formula, f.example.result]))(
    "%s: %s -> %s",
    (_id, formula, result) => {
      const value = evaluate(formula);
      const shown = result.split(" (")[0];
      if (typeof value === "number") {
        const decimals = (shown.split(".")[1] ?? "").length;
        expect(value).toBeCloseTo(Number(shown), Math.max(decimals - 1, 0) + 1);
      } else {
        expect(value).toBe(result);
      }
    },
  );
});
