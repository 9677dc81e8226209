/**
 * The member → requirement-set table is generated from @types/office-js doc comments (scripts/gen-api-sets.js),
 * never typed by hand: regenerate it here and compare with the committed file.
 */
import * as fs from "fs";
import {
  EXCEL_API_VERSIONS,
  NEWEST_EXCEL_API,
  compareVersions,
  memberInfo,
} from "../../src/workbook/office/apiSets";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require("../../scripts/gen-api-sets.js") as { generate(): string; OUT: string };

test("the committed table equals a fresh generation from @types/office-js", () => {
  expect(fs.readFileSync(gen.OUT, "utf8")).toBe(gen.generate());
});

test("members carry the first set their doc comment names", () => {
  // Spot checks against node_modules/@types/office-js/index.d.ts.
  expect(memberInfo("Range", "values")).toEqual({ set: "ExcelApi", version: "1.1", method: false });
  expect(memberInfo("Range", "getTables")).toEqual({ set: "ExcelApi", version: "1.9", method: true });
  expect(memberInfo("Range", "conditionalFormats")).toMatchObject({ version: "1.6", method: false });
  expect(memberInfo("Workbook", "getSelectedRanges")).toMatchObject({ version: "1.9", method: true });
  expect(memberInfo("Worksheet", "getRanges")).toMatchObject({ version: "1.9", method: true });
  expect(memberInfo("RangeAreas", "select")).toMatchObject({ version: "1.18", method: true });
  // Application.calculationMode: "[Api set: ExcelApi 1.1 for get, 1.8 for set]" — the member exists from 1.1.
  expect(memberInfo("Application", "calculationMode")?.version).toBe("1.1");
  expect(memberInfo("Range", "numberFormatLocal")?.version).toBe("1.7");
  expect(memberInfo("Workbook", "linkedWorkbooks")).toMatchObject({ set: "ExcelApiOnline", version: "1.1" });
  expect(memberInfo("Range", "checkSpelling")).toMatchObject({ set: "ExcelApiDesktop", version: "1.1" });
  expect(memberInfo("Range", "noSuchMember")).toBeUndefined();
  expect(memberInfo("Range", "load")).toBeUndefined(); // not gated: no [Api set] line
});

test("levels run from 1.1 to the newest, in numeric order", () => {
  expect(EXCEL_API_VERSIONS[0]).toBe("1.1");
  expect(EXCEL_API_VERSIONS).toContain("1.9");
  expect(EXCEL_API_VERSIONS).toContain("1.10");
  expect(EXCEL_API_VERSIONS.indexOf("1.10")).toBeGreaterThan(EXCEL_API_VERSIONS.indexOf("1.9"));
  expect(NEWEST_EXCEL_API).toBe(EXCEL_API_VERSIONS[EXCEL_API_VERSIONS.length - 1]);
  expect(compareVersions(NEWEST_EXCEL_API, "1.18")).toBeGreaterThan(0);
  expect(compareVersions("BETA", NEWEST_EXCEL_API)).toBeGreaterThan(0);
});
