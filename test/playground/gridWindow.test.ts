import {
  cellAddress,
  columnAt,
  columnName,
  columnOffsets,
  columnPixels,
  visibleColumns,
  visibleRows,
} from "../../src/playground/gridWindow";
import { readParams, withParam } from "../../src/playground/params";
import { playgroundStrings } from "../../src/playground/i18n";
import { DEFAULT_PROFILE, NEWEST_EXCEL_API } from "../../src/workbook";

describe("grid window arithmetic", () => {
  it("finds visible rows with overscan, clamped to the sheet", () => {
    expect(visibleRows(0, 440, 100_000, 2)).toEqual({ first: 0, last: 22 });
    expect(visibleRows(22 * 1000, 220, 100_000, 0)).toEqual({ first: 1000, last: 1010 });
    expect(visibleRows(22 * 99_995, 440, 100_000, 2).last).toBe(99_999);
    expect(visibleRows(0, 440, 0)).toEqual({ first: 0, last: -1 });
  });

  it("finds visible columns from offsets", () => {
    const offsets = columnOffsets([100, 50, 50, 200]);
    expect(offsets).toEqual([0, 100, 150, 200, 400]);
    expect(columnAt(offsets, 0)).toBe(0);
    expect(columnAt(offsets, 99)).toBe(0);
    expect(columnAt(offsets, 100)).toBe(1);
    expect(columnAt(offsets, 399)).toBe(3);
    expect(columnAt(offsets, 5000)).toBe(3);
    expect(visibleColumns(offsets, 120, 50, 0)).toEqual({ first: 1, last: 2 });
    expect(visibleColumns(offsets, 0, 1000, 1)).toEqual({ first: 0, last: 3 });
  });

  it("names columns and cells like Excel", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    expect(cellAddress(4, 2)).toBe("C5");
  });

  it("converts point widths to pixels", () => {
    expect(columnPixels(64)).toBe(85);
    expect(columnPixels(undefined)).toBe(90);
    expect(columnPixels(0)).toBe(0);
    expect(columnPixels(Number.NaN)).toBe(90);
    expect(columnPixels(3)).toBe(24);
  });
});

describe("page parameters and strings", () => {
  it("reads lang, theme, sample and the host profile with defaults", () => {
    const profile = DEFAULT_PROFILE;
    expect(readParams("")).toEqual({ lang: "en-US", theme: "light", sample: "en", profile });
    expect(readParams("?lang=zh-CN")).toEqual({ lang: "zh-CN", theme: "light", sample: "zh", profile });
    expect(readParams("?lang=zh&theme=dark&sample=large")).toEqual({
      lang: "zh-CN",
      theme: "dark",
      sample: "large",
      profile,
    });
    expect(readParams("?lang=fr-FR&theme=neon&sample=x&platform=ios&excelApi=9.9")).toEqual({
      lang: "en-US",
      theme: "light",
      sample: "en",
      profile,
    });
    expect(readParams("?platform=web&excelApi=1.9").profile).toEqual({ platform: "web", excelApi: "1.9" });
    expect(readParams("?platform=mac").profile).toEqual({ platform: "mac", excelApi: NEWEST_EXCEL_API });
  });

  it("reads the platform the simulation stands for, and the large sample's rows", () => {
    expect(readParams("?platform=web").profile.platform).toBe("web");
    expect(readParams("?platform=Mac").profile.platform).toBe("mac");
    expect(readParams("?platform=windows").profile.platform).toBe("windows");
    expect(readParams("?sample=large&rows=5000").rows).toBe(5000);
    expect(readParams("?sample=large&rows=9999999").rows).toBe(1_048_575);
    expect(readParams("?sample=large&rows=-3").rows).toBeUndefined();
  });

  it("reads the task pane's width for screenshots at Excel's pane widths, clamped to 200 … 800 px", () => {
    expect(readParams("").paneWidth).toBeUndefined();
    expect(readParams("?pane=320").paneWidth).toBe(320);
    expect(readParams("?pane=350.4").paneWidth).toBe(350);
    expect(readParams("?pane=50").paneWidth).toBe(200);
    expect(readParams("?pane=5000").paneWidth).toBe(800);
    expect(readParams("?pane=wide").paneWidth).toBeUndefined();
  });

  it("sets one parameter keeping the others", () => {
    expect(withParam("?lang=zh-CN&theme=dark", "theme", "light")).toBe("?lang=zh-CN&theme=light");
    expect(withParam("", "lang", "zh-CN")).toBe("?lang=zh-CN");
  });

  it("has every UI string in both languages", () => {
    const en = playgroundStrings("en-US");
    const zh = playgroundStrings("zh-CN");
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[k]).toBeTruthy();
      if (k !== "sampleLarge") expect(zh[k]).not.toBe(en[k]);
    }
  });
});
