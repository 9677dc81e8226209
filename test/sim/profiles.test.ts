/**
 * Host profiles: platform × ExcelApi level. isSetSupported answers from the profile; members above the level throw
 * ApiNotFound as the Office.js library does (OfficeExtension.Utility.throwIfApiNotSupported); members the simulator
 * does not model throw too (ApiNotFound above the level, NotImplemented within it); selection areas; payload limits
 * per platform.
 */
import { NEWEST_EXCEL_API, SimWorkbook, installSimulator, type SimOptions } from "../../src/workbook";
import { compareVersions, membersOf } from "../../src/workbook/office/apiSets";
import { proxyClasses, type SimObject } from "../../src/workbook/office/proxy";
import { rejection } from "./helpers";

function host(options: SimOptions, values: unknown[][] = [["a", 1]]): SimWorkbook {
  const wb = new SimWorkbook(options);
  wb.loadWorkbook([{ name: "Sheet1", values }]);
  installSimulator(wb);
  return wb;
}

/** The synchronous throw of `fn` (or null). */
function thrown(fn: () => unknown): { code?: string; name?: string; message?: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e as { code?: string };
  }
}

describe("isSetSupported and Office.context.platform follow the profile", () => {
  test("windows at ExcelApi 1.9", () => {
    host({ platform: "windows", excelApi: "1.9" });
    const req = Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(req.isSetSupported("ExcelApi", 1.1)).toBe(true);
    expect(req.isSetSupported("ExcelApiDesktop", "1.1")).toBe(true);
    expect(req.isSetSupported("ExcelApiOnline", "1.1")).toBe(false);
    expect(Office.context.platform).toBe("PC");
  });

  test("the web at the newest level", () => {
    host({ platform: "web" });
    const req = Office.context.requirements;
    expect(req.isSetSupported("ExcelApi", NEWEST_EXCEL_API)).toBe(true);
    expect(req.isSetSupported("ExcelApi", "1.18")).toBe(true);
    expect(req.isSetSupported("ExcelApiOnline", "1.1")).toBe(true);
    expect(req.isSetSupported("ExcelApiDesktop", "1.1")).toBe(false);
    expect(Office.context.platform).toBe("OfficeOnline");
  });

  test("mac; an unknown level is refused rather than guessed", () => {
    const wb = host({ platform: "mac", excelApi: "1.12" });
    expect(wb.profile).toEqual({ platform: "mac", excelApi: "1.12" });
    expect(Office.context.platform).toBe("Mac");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(() => new SimWorkbook({ excelApi: "1.99" })).toThrow(/Unknown ExcelApi level/);
  });
});

describe("members above the profile's level throw ApiNotFound", () => {
  test("a modelled method throws at the call, with Office.js's code and message", async () => {
    host({ excelApi: "1.9" });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const err = thrown(() => r.getMergedAreasOrNullObject()); // ExcelApi 1.13
      expect(err).toMatchObject({
        name: "RichApi.Error",
        code: "ApiNotFound",
        message:
          "The method or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.",
        debugInfo: { errorLocation: "Range.getMergedAreasOrNullObject" },
      });
      await context.sync();
    });
  });

  test("every refusal is recorded on the workbook, even when the caller catches it", async () => {
    const wb = host({ excelApi: "1.9" });
    await Excel.run(async (context) => {
      try {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").getMergedAreasOrNullObject();
      } catch {
        // an add-in that swallows the error
      }
      await context.sync();
    });
    expect(wb.apiRefusals).toEqual(["Range.getMergedAreasOrNullObject"]);
  });

  test("the same method works at the level that has it", async () => {
    host({ excelApi: "1.13" });
    const isNull = await Excel.run(async (context) => {
      const m = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").getMergedAreasOrNullObject();
      m.load("address");
      await context.sync();
      return m.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("every modelled member above 1.9 throws under a 1.9 profile (walks the generated table)", async () => {
    host({ excelApi: "1.9" });
    const checked: string[] = [];
    await Excel.run(async (context) => {
      for (const [cls, Ctor] of proxyClasses()) {
        for (const [member, info] of membersOf(cls)) {
          if (info.set === "ExcelApi" && compareVersions(info.version, "1.9") <= 0) continue;
          if (info.set === "ExcelApiDesktop") continue; // the Windows profile has ExcelApiDesktop
          const proto = Ctor.prototype as unknown as Record<string, unknown>;
          const modelled =
            Object.getOwnPropertyDescriptor(proto, member) ?? (member in Ctor.props ? {} : null);
          if (!modelled && !(member in proto)) continue;
          const probe = new (Ctor as unknown as new (...a: unknown[]) => SimObject)(
            context,
            "probe",
            () => null,
          ) as unknown as Record<string, unknown>;
          (probe as unknown as SimObject)._loaded.set(member, 1); // past the not-loaded check
          const err = thrown(() => (info.method ? (probe[member] as () => unknown)() : probe[member]));
          expect([`${cls}.${member}`, err?.code]).toEqual([`${cls}.${member}`, "ApiNotFound"]);
          checked.push(`${cls}.${member}`);
        }
      }
    });
    // RangeAreas.select (1.18), Range.getMergedAreasOrNullObject (1.13), TableScopedCollection.getItemOrNullObject
    // (1.14) at least.
    expect(checked).toEqual(
      expect.arrayContaining([
        "RangeAreas.select",
        "Range.getMergedAreasOrNullObject",
        "TableScopedCollection.getItemOrNullObject",
      ]),
    );
  });

  test("RangeAreas.select needs ExcelApi 1.18; from 1.18 it selects every area", async () => {
    host({ excelApi: "1.17" });
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRanges("2:4, 9:9").select();
        await context.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
    const wb = host({ excelApi: "1.18" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRanges("2:4, 9:9").select();
      await context.sync();
    });
    expect(wb.model.selection?.areas).toHaveLength(2);
  });
});

describe("Office.js members the simulator does not model", () => {
  test("ApiNotFound above the level, NotImplemented within it; methods exist as functions, as in Office.js", async () => {
    host({ excelApi: "1.9" });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Record<
        string,
        unknown
      >;
      expect(typeof r.getSpillingToRange).toBe("function"); // ExcelApi 1.12: the library has it …
      expect(thrown(() => (r.getSpillingToRange as () => unknown)())?.code).toBe("ApiNotFound"); // … the call fails
      expect(thrown(() => r.hasSpill)?.code).toBe("ApiNotFound"); // property, 1.12
      expect(thrown(() => (r.find as (s: string) => unknown)("x"))).toMatchObject({
        code: "NotImplemented",
        message: expect.stringContaining("Range.find"),
      }); // 1.9: the host has it, the simulator does not model it
      expect(thrown(() => (r.style = "Normal"))?.code).toBe("NotImplemented"); // 1.7 setter
      expect(r.noSuchMember).toBeUndefined(); // not an Office.js member: plain JavaScript
      expect(r.then).toBeUndefined(); // so a proxy can be returned from an async function
      await context.sync();
    });
  });

  test("loading a property the host lacks fails the sync with ApiNotFound", async () => {
    host({ excelApi: "1.9" });
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("hasSpill");
        await context.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
  });
});

describe("selection areas", () => {
  const values = Array.from({ length: 10 }, (_, i) => [`r${i + 1}`, i]);

  test("getSelectedRange throws InvalidSelection on a multi-area selection (office-js-docs-pr#2477)", async () => {
    const wb = host({}, values);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRanges("A2:B4, A9:B9").select();
      await context.sync();
    });
    expect(wb.model.selection?.areas).toHaveLength(2);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.getSelectedRange().load("address");
        await context.sync();
      }),
    );
    expect(err).toMatchObject({ code: "InvalidSelection", name: "RichApi.Error" });
  });

  test("getSelectedRanges returns every area; a single selection is one area", async () => {
    host({}, values);
    const multi = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRanges("2:4,9:9").select();
      await context.sync();
      const areas = context.workbook.getSelectedRanges();
      areas.load("address,areaCount,cellCount,isEntireRow");
      areas.areas.load("items/address");
      await context.sync();
      return {
        address: areas.address,
        areaCount: areas.areaCount,
        isEntireRow: areas.isEntireRow,
        items: areas.areas.items.map((r) => r.address),
      };
    });
    // "Address value will contain the worksheet name for each rectangular block of cells" (@types/office-js).
    expect(multi).toEqual({
      address: "Sheet1!2:4, Sheet1!9:9",
      areaCount: 2,
      isEntireRow: true,
      items: ["Sheet1!2:4", "Sheet1!9:9"],
    });
    const single = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B3").select();
      await context.sync();
      const areas = context.workbook.getSelectedRanges();
      areas.load("address,areaCount");
      const one = context.workbook.getSelectedRange();
      one.load("address");
      await context.sync();
      return [areas.address, areas.areaCount, one.address];
    });
    expect(single).toEqual(["Sheet1!B3", 1, "Sheet1!B3"]);
  });

  test("getSelectedRanges is ExcelApi 1.9", () => {
    host({ excelApi: "1.8" });
    return Excel.run(async (context) => {
      expect(thrown(() => context.workbook.getSelectedRanges())?.code).toBe("ApiNotFound");
      expect(thrown(() => context.workbook.worksheets.getItem("Sheet1").getRanges("A1"))?.code).toBe(
        "ApiNotFound",
      );
      await context.sync();
    });
  });

  test("getRanges refuses a bad address at sync", async () => {
    host({}, values);
    const err = await rejection(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRanges("A1,,B2").load("address");
        await context.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });
});

describe("payload limits per platform", () => {
  const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]); // ~6 MB of JSON

  const write = () =>
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).values = big;
      await context.sync();
    });

  test("Excel on the web refuses a request above 5 MB with GeneralException (office-js-docs-reference#354)", async () => {
    const wb = host({ platform: "web" });
    const err = await rejection(write());
    expect(err).toMatchObject({ code: "GeneralException", message: "An internal error has occurred." });
    expect(wb.getValues("Sheet1")).toEqual([["a", 1]]); // nothing applied
  });

  test("or, as newer builds document it, with RequestPayloadSizeLimitExceeded", async () => {
    host({ platform: "web", oversizeRequestCode: "RequestPayloadSizeLimitExceeded" });
    expect((await rejection(write())).code).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("Windows and Mac have no 5 MB request limit (it is the web's: office-js-docs-pr#1423)", async () => {
    for (const platform of ["windows", "mac"] as const) {
      const wb = host({ platform });
      await write();
      expect(wb.stats().maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
      expect(wb.getValues("Sheet1")).toHaveLength(big.length);
    }
  });
});
