import { PANE_STRINGS, fill, paneStrings, pick } from "../../src/taskpane/strings";

describe("pane strings", () => {
  const en = PANE_STRINGS["en-US"];
  const zh = PANE_STRINGS["zh-CN"];

  test("both tables have the same keys", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  test("no empty values in either language", () => {
    for (const table of [en, zh]) {
      for (const [key, value] of Object.entries(table)) {
        expect([key, value.trim().length > 0]).toEqual([key, true]);
      }
    }
  });

  test("both tables use the same placeholders per key", () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, names(zh[key])]).toEqual([key, names(en[key])]);
    }
  });

  test("Chinese strings are translated (most contain CJK characters)", () => {
    const keys = Object.keys(zh) as (keyof typeof zh)[];
    const untranslated = keys.filter((k) => !/[\u4e00-\u9fff]/.test(zh[k]));
    // only templates made of placeholders and punctuation (e.g. "{before} → {after}") may stay without CJK
    for (const k of untranslated)
      expect([k, zh[k].replace(/\{\w+\}/g, "").replace(/[\s\p{P}\p{S}]/gu, "")]).toEqual([k, ""]);
    expect(untranslated.length).toBeLessThan(6);
  });

  test("fill, pick and paneStrings", () => {
    expect(fill("{a} of {b} {c}", { a: 1, b: "two" })).toBe("1 of two {c}");
    expect(pick({ en: "yes", zh: "是" }, "zh-CN")).toBe("是");
    expect(pick({ en: "yes", zh: "是" }, "en-US")).toBe("yes");
    expect(paneStrings("zh-CN").tabScore).toBe("评分");
  });
});
