/**
 * Formula AutoComplete's pure parts (src/playground/functionCatalog.ts): the list is built from the same metadata as
 * functions.json in the display language plus the workbook engine's built-ins, names are completed where Excel
 * completes them, and the argument tooltip follows the caret.
 */
import { CATALOGUE } from "../../src/functions/catalogue";
import { buildFunctionsMetadata } from "../../src/functions/metadata";
import { BUILTIN_HELP } from "../../src/playground/builtinHelp";
import { DATE_RESULT_IDS } from "../../src/playground/customFunctions";
import {
  callAt,
  completionAt,
  functionCatalog,
  insertFunction,
  matchFunctions,
} from "../../src/playground/functionCatalog";
import { BUILTINS } from "../../src/workbook/formula";

describe("functionCatalog", () => {
  const en = functionCatalog(buildFunctionsMetadata("en-US"), "en-US");
  const zh = functionCatalog(buildFunctionsMetadata("zh-CN"), "zh-CN");

  it("lists every AR.* function with its one-line help from the catalogue, in the display language", () => {
    for (const f of CATALOGUE) {
      const e = en.find((x) => x.name === `AR.${f.id}`);
      const z = zh.find((x) => x.name === `AR.${f.id}`);
      expect(e?.description).toBe(f.description.en);
      expect(z?.description).toBe(f.description.zh);
      expect(e?.args).toEqual(f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)));
    }
  });

  it("shows the built-ins' help in the display language", () => {
    expect(en.find((x) => x.name === "VLOOKUP")?.description).toBe(BUILTIN_HELP.VLOOKUP!.en);
    expect(zh.find((x) => x.name === "VLOOKUP")?.description).toBe(BUILTIN_HELP.VLOOKUP!.zh);
    expect(zh.find((x) => x.name === "VLOOKUP")?.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has help for exactly the workbook engine's built-ins, in both languages", () => {
    expect(Object.keys(BUILTIN_HELP).sort()).toEqual(Object.keys(BUILTINS).sort());
    for (const [name, help] of Object.entries(BUILTIN_HELP)) {
      expect(`${name}: ${help.en}`).toMatch(/\w/);
      expect(`${name}: ${help.zh}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("is sorted by name", () => {
    const names = en.map((e) => e.name);
    expect(names).toEqual([...names].sort());
  });
});

describe("DATE_RESULT_IDS", () => {
  it("are exactly the catalogue functions whose worked example returns a date", () => {
    const dated = CATALOGUE.filter((f) => /\(\d{4}-\d{2}-\d{2}\)$/.test(f.example.result)).map((f) => f.id);
    expect([...DATE_RESULT_IDS].sort()).toEqual(dated.sort());
  });
});

describe("completionAt / matchFunctions", () => {
  const entries = functionCatalog(buildFunctionsMetadata("en-US"), "en-US");

  it("=AR. offers only the add-in's functions", () => {
    const c = completionAt("=AR.", 4);
    expect(c).toEqual({ start: 1, prefix: "AR." });
    const m = matchFunctions(entries, c!.prefix);
    expect(m.length).toBe(CATALOGUE.length);
    expect(m.every((e) => e.name.startsWith("AR."))).toBe(true);
  });

  it("matches case-insensitively after an operator, a parenthesis or a comma", () => {
    expect(completionAt("=1+vl", 5)).toEqual({ start: 3, prefix: "vl" });
    expect(matchFunctions(entries, "vl").map((e) => e.name)).toEqual(["VLOOKUP"]);
    expect(completionAt("=IF(A1>0,ar.du", 14)).toEqual({ start: 9, prefix: "ar.du" });
  });

  it("offers nothing for a constant, a cell reference, a string literal", () => {
    expect(completionAt("AR.", 3)).toBeNull();
    expect(completionAt("=A1", 3)).toBeNull();
    expect(completionAt('="AR.', 5)).toBeNull();
  });
});

describe("insertFunction", () => {
  it("replaces the typed letters with the function name and an opening parenthesis", () => {
    const c = completionAt("=ar.du", 6)!;
    expect(insertFunction("=ar.du", c, 6, "AR.DUEDATE")).toEqual({ text: "=AR.DUEDATE(", caret: 12 });
  });

  it("keeps what follows the caret and does not double an existing parenthesis", () => {
    const text = "=1+ar.du(A1)";
    const c = completionAt(text, 8)!;
    expect(insertFunction(text, c, 8, "AR.DUEDATE")).toEqual({ text: "=1+AR.DUEDATE(A1)", caret: 14 });
  });
});

describe("callAt", () => {
  it("names the innermost call and the argument the caret is in", () => {
    const t = '=AR.DUEDATE(A1, "Net, 30"';
    expect(callAt(t, t.length)).toEqual({ name: "AR.DUEDATE", arg: 1 });
    const u = "=IF(A1>0, VLOOKUP(B1, C:D";
    expect(callAt(u, u.length)).toEqual({ name: "VLOOKUP", arg: 1 });
    const v = "=IF(A1>0, VLOOKUP(B1, C:D), ";
    expect(callAt(v, v.length)).toEqual({ name: "IF", arg: 2 });
  });

  it("is null outside any call and for non-formulas", () => {
    expect(callAt("=1+2", 4)).toBeNull();
    expect(callAt("IF(", 3)).toBeNull();
  });
});
