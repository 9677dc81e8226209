/**
 * The fast path for large sheets (src/workbook/io/fastCells.ts) reads exactly what ExcelJS alone reads: every
 * workbook below is read twice — ExcelJS only, and split (forced on every sheet, whatever its size) — and the sheets
 * must agree on values, formulas, cached results, number formats, styles (including the format kept for saving),
 * row heights, hidden rows, merges, conditional formats, tables, names and the open's notes.
 *
 * The corpus: the ERP exports of test/fixtures/erp, a workbook written with ExcelJS's API that has every kind of
 * cell (shared strings, rich text, inline strings, entities and `_x000D_` escapes, dates and date-times, formulas
 * including shared ones, booleans, errors, styled empty cells, column styles with gaps, merged rows, hidden and tall
 * rows, a table, conditional formats, hyperlinks on a second sheet), the same written by ExcelJS's streaming writer
 * (inline strings) and a 1904-dated workbook. Plus the packages this module must leave to ExcelJS alone.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { splitPackage } from "../../src/workbook/io/fastCells";
import { bothWays } from "./readBothWays";

const argb = (hex: string) => ({ argb: `FF${hex}` });

function fillSheet(ws: ExcelJS.Worksheet, rows: number): void {
  ws.columns = [
    { header: "Customer", width: 24 },
    { header: "Date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "Amount", width: 12, style: { numFmt: "#,##0.00", font: { bold: true } } },
    { header: "Note", width: 20 },
    { header: "Flag", width: 8 },
  ] as ExcelJS.Column[];
  for (let i = 0; i < rows; i++) {
    const r = ws.addRow([
      i % 7 === 0 ? `Tom & Jerry <${i}> "Ltd"` : i % 5 === 0 ? "CR_x000D_LF\r\nline" : `客户 ${i % 13}`,
      i % 4 === 0 ? new Date(Date.UTC(2025, 0, 1 + i, 13, 45, 10, 123)) : new Date(Date.UTC(2025, 0, 1 + i)),
      i % 9 === 0 ? -1234.5678 : i * 10.01,
      i % 6 === 0 ? null : i % 11 === 0 ? "" : `note ${i}`,
      i % 3 === 0 ? true : i % 8 === 0 ? { error: "#N/A" } : i,
    ]);
    if (i % 10 === 3) r.hidden = true;
    if (i % 10 === 4) r.height = 30;
    if (i % 17 === 0) r.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: argb("FFC7CE") };
    if (i % 19 === 0) r.getCell(6).numFmt = "0.0%"; // a styled empty cell beyond the data
  }
  ws.getCell("D5").value = { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] };
  ws.getCell("F3").value = { formula: "C3*2", result: 20.02 };
  ws.getCell("F4").value = { sharedFormula: "F3", result: 30.03 } as ExcelJS.CellValue;
  ws.getCell("F7").value = { formula: "B7", result: new Date(Date.UTC(2025, 0, 6)) };
  ws.getCell("F7").numFmt = "d-mmm-yy";
  ws.mergeCells("A12:C12");
  ws.getCell("A12").value = "merged title";
  ws.addConditionalFormatting({
    ref: `C2:C${rows + 1}`,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["$C2<0"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: argb("FFC7CE") } },
      },
    ],
  });
}

async function variedWorkbook(date1904 = false): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  if (date1904) book.properties.date1904 = true;
  fillSheet(book.addWorksheet("Invoices"), 400);
  const links = book.addWorksheet("Links");
  links.addRow(["Site", "Amount"]);
  links.addRow([{ text: "home", hyperlink: "https://example.com" }, 5]);
  for (let i = 0; i < 50; i++) links.addRow([`row ${i}`, i]);
  const t = book.addWorksheet("Regions");
  t.addTable({
    name: "tblRegions",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Customer" }, { name: "Region" }],
    rows: Array.from({ length: 60 }, (_, i) => [`C${i}`, i % 2 ? "North" : "South"]),
  });
  book.definedNames.add("Invoices!$A$1:$C$10", "Block");
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Sheet ids and part numbers that differ (a sheet removed, one added): rows must reach the right sheet. */
async function renumberedWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const fill = (ws: ExcelJS.Worksheet, tag: string) => {
    for (let i = 0; i < 30; i++) ws.addRow([`${tag}${i}`, i]);
  };
  fill(book.addWorksheet("A"), "a");
  const gone = book.addWorksheet("B");
  fill(book.addWorksheet("C"), "c");
  book.removeWorksheet(gone.id);
  fill(book.addWorksheet("D"), "d"); // sheetId 2, part sheet2.xml … in a different order than C (3, sheet3.xml)
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function streamedWorkbook(): Promise<Uint8Array> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fast-")), "s.xlsx");
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = book.addWorksheet("Export");
  ws.columns = [
    { header: "Customer", width: 24 },
    { header: "Invoice Date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "Amount", width: 12, style: { numFmt: "#,##0.00" } },
  ] as ExcelJS.Column[];
  for (let i = 0; i < 300; i++)
    ws.addRow([`Customer ${i % 9} & Co`, new Date(Date.UTC(2024, 6, 1 + (i % 200))), 500 + i]).commit();
  ws.commit();
  await book.commit();
  return new Uint8Array(fs.readFileSync(file));
}

describe("fast cells read what ExcelJS reads", () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ["a workbook with every kind of cell", variedWorkbook],
    ["a streamed export (inline strings)", () => streamedWorkbook()],
    ["a 1904-dated workbook", () => variedWorkbook(true)],
    ["sheet ids that differ from part numbers", renumberedWorkbook],
    ...fs
      .readdirSync(path.join(__dirname, "../fixtures/erp"))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f): [string, () => Promise<Uint8Array>] => [
        f,
        async () => new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/erp", f))),
      ]),
  ];
  it.each(cases)("%s", async (name, make) => {
    const bytes = await make();
    const split = await splitPackage(bytes, { minSheetChars: 0 });
    // The split really happened: rows were read here, not by ExcelJS.
    expect(split).not.toBeNull();
    const plainRows = [...split!.sheets.values()].reduce((n, s) => n + s.rows.length, 0);
    expect(plainRows).toBeGreaterThan(0);
    if (name.includes("1904")) expect(split!.date1904).toBe(true);
    const { alone, split: fast } = await bothWays(bytes);
    expect(fast).toEqual(alone);
  });

  it("leaves a sheet with hyperlinks to ExcelJS, and keeps formula, rich-text and merged rows for it", async () => {
    const bytes = await variedWorkbook();
    const split = (await splitPackage(bytes, { minSheetChars: 0 }))!;
    // Sheet ids: Invoices 1, Links 2, Regions 3.
    expect(split.sheets.has(2)).toBe(false);
    const invoices = split.sheets.get(1)!;
    const plain = new Set(invoices.rows.map((r) => r.row));
    for (const row of [3, 4, 5, 7, 12]) expect(plain.has(row)).toBe(false);
    expect(plain.has(100)).toBe(true);
  });

  it("reads nothing itself from packages it does not know (not a zip, no worksheets, small sheets)", async () => {
    expect(await splitPackage(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(await splitPackage(await variedWorkbook())).toBeNull(); // every sheet below the size threshold
  });
});
