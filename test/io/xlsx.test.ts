/**
 * Opening and saving .xlsx files (src/workbook/io): a workbook another application wrote (built here with ExcelJS's
 * own API, not with our writer) opens with every part the model keeps; our save opens again unchanged; corrupt,
 * password-protected and legacy files are refused and leave the current workbook untouched.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SimWorkbook } from "../../src/workbook";
import { fileKind, openWorkbookFile, saveWorkbookFile } from "../../src/workbook/io";

const loadExcelJs = async () => ExcelJS;
const argb = (hex: string) => ({ argb: `FF${hex}` });

/** An analyst's workbook as Excel would save it, written with ExcelJS's API. */
async function analystWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Invoices");
  ws.getColumn(1).width = 24;
  ws.addRow(["Receivables June", null, null, null, null, null]);
  ws.mergeCells("A1:F1");
  ws.addRow(["Customer", "Invoice Date", "Due Date", "Amount", "Days", "Region"]);
  ws.addRow(["Acme", new Date(Date.UTC(2025, 5, 30)), 45850, 1200.5, null, "North"]);
  ws.addRow(["Beta", new Date(Date.UTC(2025, 0, 15)), 45700, 80, null, "South"]);
  for (const r of [3, 4]) {
    ws.getCell(`B${r}`).numFmt = "yyyy-mm-dd";
    ws.getCell(`C${r}`).numFmt = "d-mmm-yy";
    ws.getCell(`D${r}`).numFmt = "#,##0.00";
    // A formula the model computes, and one it does not know (VLOOKUP): its cached result shows.
    ws.getCell(`E${r}`).value = { formula: `C${r}-B${r}`, result: r === 3 ? 25 : 28 };
  }
  ws.getCell("F3").value = { formula: "VLOOKUP(A3,Regions!A:B,2,FALSE)", result: "North" };
  ws.getCell("A2").font = { bold: true, color: argb("1F4E79") };
  ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: argb("DDEBF7") };
  ws.getCell("A3").border = { bottom: { style: "double", color: argb("FF0000") } };
  ws.getRow(4).hidden = true;
  ws.addConditionalFormatting({
    ref: "D3:D4",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["$D3>1000"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: argb("FFC7CE") } },
      },
      {
        type: "iconSet",
        priority: 2,
        iconSet: "3TrafficLights1",
        cfvo: [
          { type: "percent", value: 0 },
          { type: "percent", value: 33 },
          { type: "percent", value: 67 },
        ],
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
  const t = book.addWorksheet("Regions");
  t.addTable({
    name: "tblRegions",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Customer" }, { name: "Region" }],
    rows: [
      ["Acme", "North"],
      ["Beta", "South"],
    ],
  });
  const hidden = book.addWorksheet("Notes", { state: "hidden" });
  hidden.getCell("A1").value = "internal";
  book.addWorksheet("Audit", { state: "veryHidden" }).getCell("A1").value = 1;
  book.definedNames.add("Invoices!$D$3:$D$4", "Amounts");
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function opened(bytes: Uint8Array, name = "june.xlsx"): Promise<SimWorkbook> {
  const wb = new SimWorkbook();
  const result = await openWorkbookFile(wb, { name, bytes }, loadExcelJs);
  expect(result.status).toBe("opened");
  return wb;
}

describe("opening an .xlsx", () => {
  let wb: SimWorkbook;
  beforeAll(async () => {
    wb = await opened(await analystWorkbook());
  });

  test("every sheet in tab order, hidden and very hidden ones kept hidden", () => {
    expect(wb.sheetNames()).toEqual(["Invoices", "Regions", "Notes", "Audit"]);
    expect(["Invoices", "Regions", "Notes", "Audit"].map((s) => wb.getVisibility(s))).toEqual([
      "Visible",
      "Visible",
      "Hidden",
      "VeryHidden",
    ]);
    expect(wb.view.sheetNames()).toEqual(["Invoices", "Regions"]);
    expect(wb.view.activeSheetName()).toBe("Invoices");
  });

  test("values with dates as serial numbers, date cells keeping their formats", () => {
    expect(wb.getValues("Invoices").slice(2)).toEqual([
      ["Acme", 45838, 45850, 1200.5, 12, "North"],
      ["Beta", 45672, 45700, 80, 28, "South"],
    ]);
    expect(wb.getNumberFormats("Invoices")[2]!.slice(1, 4)).toEqual(["yyyy-mm-dd", "d-mmm-yy", "#,##0.00"]);
    expect(wb.view.cell("Invoices", 2, 1).text).toBe("2025-06-30");
  });

  test("formulas keep their text; the model computes what it can and shows the file's result for the rest", () => {
    const f = wb.getFormulas("Invoices");
    expect([f[2]![4], f[3]![4], f[2]![5]]).toEqual(["=C3-B3", "=C4-B4", "=VLOOKUP(A3,Regions!A:B,2,FALSE)"]);
    // E3 is computed (45850 − 45838 = 12, not the stale 25 the file held); F3 is the file's cached "North".
    expect(wb.getValues("Invoices")[2]!.slice(4)).toEqual([12, "North"]);
  });

  test("a written cell forgets the file's cached result", () => {
    const s = wb.model.sheet("Invoices")!;
    s.writeInput(2, 5, "=VLOOKUP(A3,Regions!A:B,2,FALSE)");
    expect(s.getValue(2, 5)).toBe("#NAME?");
  });

  test("merged cells, formats, hidden rows, column widths, tables, conditional formats and names", () => {
    const snap = wb.snapshot("Invoices") as {
      merges: unknown[];
      hiddenRows: number[];
      colWidths: Record<string, number>;
      cells: Record<string, { style?: { bold?: boolean; fill?: string; fontColor?: string; file?: string } }>;
    };
    expect(snap.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 5 }]);
    expect(snap.hiddenRows).toEqual([3]);
    expect(snap.colWidths["0"]).toBe(24 * 7 + 5);
    expect(snap.cells.A2!.style).toMatchObject({ bold: true, fill: "#DDEBF7", fontColor: "#1F4E79" });
    expect(JSON.parse(snap.cells.A3!.style!.file!).border.bottom.style).toBe("double");
    expect(wb.getTables()).toEqual([
      { name: "tblRegions", sheet: "Regions", address: "A1:B3", columns: ["Customer", "Region"] },
    ]);
    expect(wb.getConditionalFormats("Invoices").map(({ id: _id, ...r }) => r)).toEqual([
      {
        type: "Custom",
        address: "D3:D4",
        priority: 0,
        stopIfTrue: false,
        formula: "=$D3>1000",
        format: { fill: "#FFC7CE" },
      },
      { type: "IconSet", address: "D3:D4", priority: 1, stopIfTrue: false },
    ]);
    expect(wb.getNames()).toEqual([
      { name: "Amounts", formula: "=Invoices!$D$3:$D$4", comment: "", visible: true },
    ]);
  });

  test("saved and opened again, the workbook is the same", async () => {
    const again = await opened((await saveWorkbookFile(wb, loadExcelJs)).bytes);
    const strip = (x: SimWorkbook, s: string) => {
      const snap = x.snapshot(s) as { conditionalFormats: { id?: string }[] };
      snap.conditionalFormats.forEach((c) => delete c.id);
      return snap;
    };
    for (const s of wb.sheetNames()) expect(strip(again, s)).toEqual(strip(wb, s));
    expect(again.getTables()).toEqual(wb.getTables());
    expect(again.getNames()).toEqual(wb.getNames());
    expect(again.sheetNames().map((s) => again.getVisibility(s))).toEqual(
      wb.sheetNames().map((s) => wb.getVisibility(s)),
    );
  });

  test("the saved file, read by ExcelJS itself, has the border, the icon-set rule and the formula results", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saveWorkbookFile(wb, loadExcelJs)).bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Invoices")!;
    expect(ws.getCell("A3").border.bottom).toMatchObject({ style: "double" });
    const rules = (
      ws as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }
    ).conditionalFormattings.flatMap((c) => c.rules.map((r) => r.type));
    expect(rules).toEqual(["expression", "iconSet"]);
    expect(ws.getCell("E3").value).toEqual({ formula: "C3-B3", result: 12 });
  });
});

describe("files that cannot be opened leave the workbook untouched", () => {
  /** A minimal OLE compound file ([MS-CFB] §2.2 header, one directory sector) holding the named streams. */
  function compoundFile(streams: string[]): Uint8Array {
    const bytes = new Uint8Array(512 + 512);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    ["Root Entry", ...streams].forEach((name, i) => {
      const at = 512 + i * 128;
      for (let k = 0; k < name.length; k++) bytes[at + k * 2] = name.charCodeAt(k);
      bytes[at + 64] = (name.length + 1) * 2;
      bytes[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
    });
    return bytes;
  }

  const cases: [string, string, () => Uint8Array, RegExp][] = [
    [
      "a damaged .xlsx",
      "june.xlsx",
      () => new TextEncoder().encode("PK\u0003\u0004 not really a zip"),
      /could not be read/,
    ],
    [
      "a password-protected workbook",
      "secret.xlsx",
      () => compoundFile(["EncryptionInfo", "EncryptedPackage"]),
      /password-protected/,
    ],
    [
      "a legacy .xls (saved by LibreOffice as Excel 97)",
      "old.xls",
      () =>
        new Uint8Array(
          fs.readFileSync(path.join(__dirname, "..", "fixtures", "files", "legacy-excel97.xls")),
        ),
      /Excel 97–2003/,
    ],
    ["an empty file", "empty.xlsx", () => new Uint8Array(0), /empty/],
    ["a PDF", "report.pdf", () => new TextEncoder().encode("%PDF-1.7"), /neither an .xlsx/],
  ];

  test.each(cases)("%s", async (_label, name, bytes, message) => {
    const wb = new SimWorkbook();
    wb.loadWorkbook([
      {
        name: "Mine",
        values: [
          ["Customer", "Amount"],
          ["Acme", 5],
        ],
      },
    ]);
    wb.settings.set("crt.policy", { kept: true });
    const result = await openWorkbookFile(wb, { name, bytes: bytes() }, loadExcelJs);
    expect(result.status).toBe("refused");
    if (result.status === "refused") {
      expect(result.message.en).toMatch(message);
      expect(result.message.zh).not.toBe("");
    }
    expect(wb.sheetNames()).toEqual(["Mine"]);
    expect(wb.getValues("Mine")).toEqual([
      ["Customer", "Amount"],
      ["Acme", 5],
    ]);
    expect(wb.settings.get("crt.policy")).toEqual({ kept: true });
  });

  test("the kind comes from the bytes, not the name", () => {
    expect(fileKind("looks.csv", new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("xlsx");
    expect(fileKind("renamed.xlsx", compoundFile(["Workbook"]))).toBe("xls");
  });
});

describe("what a save cannot carry is said, never dropped silently", () => {
  test("a chart, a name that is not a cell reference and the add-in's settings are listed", async () => {
    const wb = new SimWorkbook();
    wb.loadWorkbook([
      {
        name: "Data",
        values: [
          ["Bucket", "Exposure"],
          ["Current", 5],
        ],
      },
    ]);
    const { installSimulator } = await import("../../src/workbook");
    installSimulator(wb, globalThis);
    await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Data");
      s.charts.add(
        Excel.ChartType.columnClustered,
        s.getRange("A1:B2"),
        Excel.ChartSeriesBy.columns,
      ).title.text = "Exposure by aging bucket";
      ctx.workbook.names.add("Rate", "=0.5");
      await ctx.sync();
    });
    wb.settings.set("crt.policy", {});
    const { notes } = await saveWorkbookFile(wb, loadExcelJs);
    expect(notes.map((n) => n.en)).toEqual([
      expect.stringMatching(/chart "Exposure by aging bucket" on sheet "Data" is not in the saved file/),
      expect.stringMatching(/name "Rate" \(=0.5\) is not in the saved file/),
      expect.stringMatching(/settings \(crt.policy\) are not in the saved file/),
    ]);
    expect(notes.every((n) => n.zh.length > 0)).toBe(true);
  });
});
