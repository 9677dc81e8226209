import { CustomFunctionsError, SimWorkbook, installSimulator, uninstallSimulator } from "../../src/workbook";
import { setup } from "./helpers";

describe("Office namespace", () => {
  afterAll(() => uninstallSimulator());

  test("onReady resolves with host info and calls the callback", async () => {
    setup();
    const seen: unknown[] = [];
    const info = await Office.onReady((i) => seen.push(i));
    // The default profile is Excel on Windows (Office.PlatformType.PC).
    expect(info).toEqual({ host: "Excel", platform: "PC" });
    expect(seen).toHaveLength(1);
    expect(Office.HostType.Excel).toBe("Excel");
    expect(Office.AsyncResultStatus.Succeeded).toBe("succeeded");
  });

  test("displayLanguage comes from options and can be changed", () => {
    const wb = setup(undefined, { displayLanguage: "zh-CN" });
    expect(Office.context.displayLanguage).toBe("zh-CN");
    wb.setDisplayLanguage("en-GB");
    expect(Office.context.displayLanguage).toBe("en-GB");
  });

  test("requirements.isSetSupported follows the option table", () => {
    setup(undefined, { requirementSets: { ExcelApi: "1.9" } });
    const req = Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(req.isSetSupported("excelapi")).toBe(true);
    expect(req.isSetSupported("SharedRuntime", "1.1")).toBe(true);
    expect(req.isSetSupported("CustomFunctionsRuntime", "1.3")).toBe(true);
    expect(req.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  test("document settings: get/set/remove, saveAsync persists into the workbook", async () => {
    const wb = setup();
    const settings = Office.context.document.settings;
    expect(settings.get("policy")).toBeNull();
    settings.set("policy", { edges: [30, 60] });
    settings.set("tmp", 1);
    settings.remove("tmp");
    expect(settings.get("policy")).toEqual({ edges: [30, 60] });
    expect(wb.savedSettings).toEqual({});
    const status = await new Promise((resolve) => settings.saveAsync((r) => resolve(r.status)));
    expect(status).toBe("succeeded");
    expect(wb.savedSettings).toEqual({ policy: { edges: [30, 60] } });
  });

  test("addin and actions are recorded", async () => {
    const wb = setup();
    await Office.addin.showAsTaskpane();
    await Office.addin.hide();
    const fn = (): void => undefined;
    Office.actions.associate("scoreSheet", fn);
    expect(wb.addinCalls).toEqual(["showAsTaskpane", "hide"]);
    expect(wb.actions.get("scoreSheet")).toBe(fn);
  });

  test("CustomFunctions.associate stores functions; Error and ErrorCode", () => {
    const wb = setup();
    const g = globalThis as unknown as {
      CustomFunctions: {
        associate: (id: string, f: (...a: unknown[]) => unknown) => void;
        Error: typeof CustomFunctionsError;
        ErrorCode: Record<string, string>;
      };
    };
    const days = (a: unknown): unknown => a;
    g.CustomFunctions.associate("ar.days", days);
    expect(wb.customFunctions.get("AR.DAYS")).toBe(days);
    const e = new g.CustomFunctions.Error(g.CustomFunctions.ErrorCode.notAvailable, "no rate");
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.message]).toEqual(["#N/A", "no rate"]);
    expect(g.CustomFunctions.ErrorCode).toMatchObject({
      invalidValue: "#VALUE!",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
      gettingData: "#GETTING_DATA",
    });
  });

  test("installSimulator can target another object; Excel enums are present", () => {
    const target: Record<string, unknown> = {};
    installSimulator(new SimWorkbook(), target);
    const ex = target.Excel as Record<string, Record<string, string>>;
    expect(ex.ConditionalFormatType.custom).toBe("Custom");
    expect(ex.ConditionalCellValueOperator.greaterThan).toBe("GreaterThan");
    expect(ex.ChartType.pie).toBe("Pie");
    expect(ex.ErrorCodes.requestPayloadSizeLimitExceeded).toBe("RequestPayloadSizeLimitExceeded");
    expect(ex.DeleteShiftDirection.up).toBe("Up");
    expect(ex.SheetVisibility.veryHidden).toBe("VeryHidden");
    expect(typeof (target.OfficeExtension as { Error: unknown }).Error).toBe("function");
  });
});
