/** registerCustomFunctions, the error boundary and the CustomFunctions global read at call time. */
import { ADAPTERS, buildAdapter } from "../../src/functions/adapters";
import { CATALOGUE } from "../../src/functions/catalogue";
import { fail } from "../../src/functions/errors";
import { registerCustomFunctions } from "../../src/functions/register";
import type { FunctionSpec } from "../../src/functions/types";
import {
  FakeCustomFunctionsError,
  installFakeCustomFunctions,
  uninstallFakeCustomFunctions,
} from "./fakeCustomFunctions";
import { call } from "./helpers";

afterEach(() => uninstallFakeCustomFunctions());

describe("registerCustomFunctions", () => {
  it("associates every catalogue id with its adapter", () => {
    const fake = installFakeCustomFunctions();
    registerCustomFunctions();
    expect([...fake.registered.keys()].sort()).toEqual(CATALOGUE.map((f) => f.id).sort());
    for (const [id, fn] of fake.registered) expect(fn).toBe(ADAPTERS[id]);
  });

  it("does nothing without a CustomFunctions runtime", () => {
    expect(() => registerCustomFunctions()).not.toThrow();
  });
});

describe("error boundary", () => {
  const spec = (impl: FunctionSpec["impl"]): FunctionSpec => ({
    ...CATALOGUE.find((f) => f.id === "RISKGRADE")!,
    impl,
  });

  it("uses the CustomFunctions global installed at call time", () => {
    const adapter = ADAPTERS.RISKGRADE;
    installFakeCustomFunctions();
    let thrown: unknown;
    try {
      adapter(200);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect((thrown as FakeCustomFunctionsError).code).toBe("#NUM!");
    expect((thrown as FakeCustomFunctionsError).message).toContain("score");
  });

  it("turns plain JS errors and bad results into cell errors, never a plain throw", () => {
    installFakeCustomFunctions();
    const cases: [FunctionSpec["impl"], string][] = [
      [
        (() => {
          throw new TypeError("boom");
        }) as FunctionSpec["impl"],
        "#VALUE!",
      ],
      [
        (() => {
          throw new RangeError("out of range");
        }) as FunctionSpec["impl"],
        "#VALUE!",
      ],
      [(() => NaN) as FunctionSpec["impl"], "#NUM!"],
      [(() => Infinity) as FunctionSpec["impl"], "#NUM!"],
      [(() => undefined) as unknown as FunctionSpec["impl"], "#N/A"],
      [(() => null) as unknown as FunctionSpec["impl"], "#N/A"],
      [(() => fail("divisionByZero", "x")) as FunctionSpec["impl"], "#DIV/0!"],
    ];
    for (const [impl, code] of cases) {
      const adapter = buildAdapter(spec(impl));
      let thrown: unknown;
      try {
        adapter(50);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
      expect((thrown as FakeCustomFunctionsError).code).toBe(code);
    }
  });

  it("still reports a coded error object when no runtime is installed", () => {
    let thrown: unknown;
    try {
      call("RISKGRADE", 200);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { code: string }).code).toBe("#NUM!");
  });

  it("ignores the extra invocation argument Excel appends", () => {
    installFakeCustomFunctions();
    expect(ADAPTERS.RISKGRADE(72, { address: "Sheet1!A1" })).toBe("B");
    expect(ADAPTERS.ZSCORE(200, 300, 150, 800, 1500, 1000, 500, null, { address: "A1" })).toBeCloseTo(
      3.615,
      10,
    );
  });
});
