/** The number-format picker's categories (src/playground/numberFormats.ts). */
import { PICKER_CATEGORIES, categoryOf, formatFor } from "../../src/playground/numberFormats";
import { formatValue } from "../../src/workbook/numberFormat";

describe("number-format picker", () => {
  it("each category's format is recognised as that category, in both languages", () => {
    for (const lang of ["en-US", "zh-CN"])
      for (const c of PICKER_CATEGORIES)
        expect(`${lang} ${c}: ${categoryOf(formatFor(c, lang))}`).toBe(`${lang} ${c}: ${c}`);
  });

  it("applies the formats Excel's built-ins show (hand-formatted values)", () => {
    expect(formatValue(45702, formatFor("date", "en-US"))).toBe("2/14/2025");
    expect(formatValue(45702, formatFor("date", "zh-CN"))).toBe("2025/2/14");
    expect(formatValue(1234.5, formatFor("number", "en-US"))).toBe("1,234.50");
    expect(formatValue(0.1234, formatFor("percent", "en-US"))).toBe("12.34%");
    expect(formatValue(1234.5, formatFor("currency", "en-US"))).toBe("$1,234.50");
    expect(formatValue(1234.5, formatFor("currency", "zh-CN"))).toBe("¥1,234.50");
  });

  it("classifies formats written by the pane and by hand", () => {
    expect(categoryOf("General")).toBe("general");
    expect(categoryOf("")).toBe("general");
    expect(categoryOf("yyyy-mm-dd")).toBe("date");
    expect(categoryOf("0.0%")).toBe("percent");
    expect(categoryOf("0")).toBe("number");
    expect(categoryOf('#,##0.00 "EUR"')).toBe("number");
    expect(categoryOf("#,##0.00 [$EUR]")).toBe("currency");
    expect(categoryOf("@")).toBe("text");
    expect(categoryOf("[h]:mm")).toBe("date");
  });
});
