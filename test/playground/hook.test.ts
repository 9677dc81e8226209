import {
  createPlaygroundHook,
  installPlaygroundHook,
  validateSheets,
  type HookSheet,
  type HookWorkbook,
} from "../../src/playground/hook";
import { captureCustomFunctions } from "../../src/playground/customFunctions";
import { bindEvaluator } from "../../src/playground/formulaEval";

class MiniWorkbook implements HookWorkbook {
  sheets: HookSheet[] = [];
  syncs = 0;
  loadWorkbook(sheets: HookSheet[]): void {
    this.sheets = sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map((v) => v ?? "")) }));
    this.syncs++;
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  getValues(name: string): unknown[][] {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s.values;
  }
  getConditionalFormats(): unknown {
    return [];
  }
  stats() {
    return { syncs: this.syncs, requestBytes: 10 * this.syncs, maxRequestBytes: 10 };
  }
}

describe("playground hook", () => {
  it("delegates to the workbook and reports readiness", async () => {
    const wb = new MiniWorkbook();
    let release!: () => void;
    let loads = 0;
    const hook = createPlaygroundHook(wb, new Promise<void>((r) => (release = r)), () => loads++);
    expect(hook.isReady).toBe(false);
    hook.loadWorkbook([
      {
        name: "Data",
        values: [
          ["Customer", "Amount"],
          ["Acme", 100, null],
        ],
      },
      { name: "Other", values: [] },
    ]);
    expect(loads).toBe(1);
    expect(hook.sheetNames()).toEqual(["Data", "Other"]);
    expect(hook.getValues("Data")).toEqual([
      ["Customer", "Amount"],
      ["Acme", 100, ""],
    ]);
    expect(hook.getFormulas("Data")).toEqual(hook.getValues("Data"));
    const stats = hook.stats();
    expect(stats).toEqual({ syncs: 1, requestBytes: 10, maxRequestBytes: 10 });
    stats.syncs = 99;
    expect(hook.stats().syncs).toBe(1);
    release();
    await hook.ready;
    expect(hook.isReady).toBe(true);
    const target: Parameters<typeof installPlaygroundHook>[0] = {};
    installPlaygroundHook(target, hook);
    expect(target.playground).toBe(hook);
  });

  it("rejects malformed workbooks with a readable message", () => {
    expect(() => validateSheets([])).toThrow(/non-empty/);
    expect(() => validateSheets([{ values: [] }])).toThrow(/needs a name/);
    expect(() => validateSheets([{ name: "A", values: [1, 2] }])).toThrow(/array of rows/);
    expect(() =>
      validateSheets([
        { name: "A", values: [] },
        { name: "a", values: [] },
      ]),
    ).toThrow(/duplicate/);
    expect(() => validateSheets([{ name: "A", values: [[1]] }])).not.toThrow();
  });
});

describe("captureCustomFunctions", () => {
  it("records associations, keeps calling the host's associate, resolves AR.-prefixed names", () => {
    const hostCalls: string[] = [];
    const target: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: unknown) =>
          hostCalls.push(typeof id === "string" ? id : Object.keys(id as object).join("+")),
      },
    };
    const registry = captureCustomFunctions(target);
    const ns = target.CustomFunctions as { associate: (id: unknown, fn?: unknown) => void };
    ns.associate("DUEDATE", (d: number) => d + 30);
    ns.associate({ RISKGRADE: () => "A", BAD: 5 });
    expect(hostCalls).toEqual(["DUEDATE", "RISKGRADE+BAD"]);
    expect(registry.ids()).toEqual(["DUEDATE", "RISKGRADE"]);
    expect(registry.lookup("AR.DUEDATE")?.(1)).toBe(31);
    expect(registry.lookup("ar.duedate")).toBe(registry.lookup("DUEDATE"));
    expect(registry.lookup("AR.NOPE")).toBeUndefined();
    expect(registry.lookup("BAD")).toBeUndefined();
  });

  it("creates a minimal CustomFunctions namespace when the host has none", () => {
    const target: Record<string, unknown> = {};
    const registry = captureCustomFunctions(target);
    const ns = target.CustomFunctions as {
      associate: (id: string, fn: unknown) => void;
      ErrorCode: Record<string, string>;
    };
    expect(ns.ErrorCode.invalidValue).toBe("#VALUE!");
    ns.associate("X", () => 1);
    expect(registry.lookup("AR.X")?.()).toBe(1);
  });

  it('feeds the formula evaluator: =AR.DUEDATE(A1,"Net 30") on a sheet', () => {
    const target: Record<string, unknown> = {};
    const registry = captureCustomFunctions(target);
    (target.CustomFunctions as { associate: (id: string, fn: unknown) => void }).associate(
      "DUEDATE",
      (d: unknown, t: unknown) => (t === "Net 30" ? (d as number) + 30 : "#VALUE!"),
    );
    const sheets: Record<string, unknown[][]> = { S: [[45672, '=AR.DUEDATE(A1,"Net 30")']], T: [[1]] };
    const evaluate = bindEvaluator(
      (sheet, r, c) => sheets[sheet]?.[r]?.[c] ?? "",
      registry.lookup,
      () => 46000,
    );
    expect(evaluate('=AR.DUEDATE(A1,"Net 30")', { sheet: "S", row: 0, col: 1 })).toBe(45702);
    expect(evaluate("=A1+T!A1", { sheet: "S", row: 0, col: 1 })).toBe(45673);
    expect(evaluate("=TODAY()", { sheet: "S", row: 0, col: 1 })).toBe(46000);
  });
});
