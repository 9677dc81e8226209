/**
 * Opening CSV files as Excel opens them (src/workbook/io/csv.ts): encodings (UTF-8 with/without BOM, GB18030 as
 * Chinese Excel's "CSV (逗号分隔)" writes it), delimiter detection, RFC 4180 quoting, every field entered as typed.
 */
import { SimWorkbook } from "../../src/workbook";
import { decodeCsv, detectDelimiter, openWorkbookFile, parseCsv, sheetNameFor } from "../../src/workbook/io";

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const noExcel = async () => {
  throw new Error("ExcelJS is not needed for CSV");
};

async function open(name: string, bytes: Uint8Array) {
  const wb = new SimWorkbook();
  const result = await openWorkbookFile(wb, { name, bytes }, noExcel);
  return { wb, result };
}

describe("decoding", () => {
  test("UTF-8 with a BOM: the BOM is not part of the first header", () => {
    const { text, encoding } = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("客户,金额\n")]));
    expect([text, encoding]).toEqual(["客户,金额\n", "UTF-8"]);
  });

  test("UTF-8 without a BOM", () => {
    expect(decodeCsv(utf8("Kunde,Betrag\nMüller,1\n"))).toEqual({
      text: "Kunde,Betrag\nMüller,1\n",
      encoding: "UTF-8",
    });
  });

  test("GB18030 / GBK bytes (not valid UTF-8) are read as GB18030, four-byte characters included", () => {
    // "客户名称,金额,到期日\n深圳星河,1200,2025-03-01\n𠀀" encoded with Python's gb18030 codec.
    const bytes = hex(
      "bfcdbba7c3fbb3c62cbdf0b6ee2cb5bdc6dac8d5" +
        "0a" +
        "c9eedbdad0c7bad32c313230302c323032352d30332d3031" +
        "0a" +
        "95328236",
    );
    expect(decodeCsv(bytes)).toEqual({
      text: "客户名称,金额,到期日\n深圳星河,1200,2025-03-01\n𠀀",
      encoding: "GB18030",
    });
  });

  test("UTF-16 with a BOM", () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x2c, 0x00, 0x42, 0x00]);
    expect(decodeCsv(bytes).text).toBe("A,B");
  });
});

describe("parsing", () => {
  test("quoted fields hold delimiters, line breaks and doubled quotes; CRLF and LF both end rows", () => {
    const text = 'Customer,Note,Amount\r\n"Acme, Inc.","line one\nline ""two""",1200\r\nBeta,,5\n';
    expect(parseCsv(text, ",")).toEqual([
      ["Customer", "Note", "Amount"],
      ["Acme, Inc.", 'line one\nline "two"', "1200"],
      ["Beta", "", "5"],
    ]);
  });

  test("the delimiter is detected: comma, semicolon, tab; a sep= line names it", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n").delimiter).toBe(",");
    expect(
      detectDelimiter("Kunde;Betrag;Datum\nMüller;1.234,50;15.02.2026\nSchmidt;99,00;16.02.2026\n").delimiter,
    ).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1,5\t2\t3\n").delimiter).toBe("\t");
    expect(detectDelimiter("sep=;\na;b\n")).toEqual({ delimiter: ";", skipFirstLine: true });
    // A comma inside quotes does not vote for the comma.
    expect(detectDelimiter('"Acme, Inc.";100\n"Beta, Ltd";200\n').delimiter).toBe(";");
  });

  test("the sheet is named after the file, within Excel's rules", () => {
    expect(sheetNameFor("/data/AR export [June].csv")).toBe("AR export _June_");
    expect(sheetNameFor("C:\\exports\\应收账款明细.csv")).toBe("应收账款明细");
    expect(sheetNameFor("a-very-long-file-name-exported-from-the-erp-system.csv")).toHaveLength(31);
  });
});

describe("opening a CSV into the workbook", () => {
  test("fields are entered as typed: numbers, dates (with a date format), currency, formulas, text", async () => {
    const csv = 'Customer,Invoice Date,Amount,Check,Code\nAcme,2025-01-15,"$1,200.50",=1+1,00123\n';
    const { wb, result } = await open("june.csv", utf8(csv));
    expect(result).toMatchObject({ status: "opened", kind: "csv", sheets: ["june"], activeSheet: "june" });
    expect(wb.getValues("june")).toEqual([
      ["Customer", "Invoice Date", "Amount", "Check", "Code"],
      ["Acme", 45672, 1200.5, 2, 123],
    ]);
    expect(wb.getFormulas("june")[1]![3]).toBe("=1+1");
    const formats = wb.getNumberFormats("june")[1]!;
    expect(formats[1]).toMatch(/yy/);
    expect(formats[2]).toContain("$");
  });

  test("numeric dates: as Excel en-US by default; in one order throughout with a date order; kept as text otherwise", async () => {
    const csv = "Date\n03/02/2026\n15/01/2026\n1-2-26\n31/02/2026\n2026-02-03\n";
    const openAs = async (dates?: "text" | "MDY" | "DMY") => {
      const wb = new SimWorkbook();
      await openWorkbookFile(wb, { name: "d.csv", bytes: utf8(csv) }, noExcel, {}, dates);
      return {
        values: wb.getValues("d").map((r) => r[0]),
        formats: wb.getNumberFormats("d").map((r) => r[0]),
      };
    };
    // 2026-03-02 = 46083, 2026-02-03 = 46056, 2026-01-15 = 46037, 2026-01-02 = 46024, 2026-02-01 = 46054.
    const excel = await openAs();
    expect(excel.values).toEqual(["Date", 46083, "15/01/2026", 46024, "31/02/2026", 46056]);
    const dmy = await openAs("DMY");
    expect(dmy.values).toEqual(["Date", 46056, 46037, 46054, "31/02/2026", 46056]);
    expect(dmy.formats.slice(1, 4)).toEqual(["dd/mm/yyyy", "dd/mm/yyyy", "dd/mm/yyyy"]);
    const mdy = await openAs("MDY");
    expect(mdy.values).toEqual(["Date", 46083, "15/01/2026", 46024, "31/02/2026", 46056]);
    expect(mdy.formats[1]).toBe("m/d/yyyy");
    const text = await openAs("text");
    expect(text.values).toEqual(["Date", "03/02/2026", "15/01/2026", "1-2-26", "31/02/2026", 46056]);
  });

  test("a GB18030 export with Chinese headers opens with the headers intact", async () => {
    const bytes = hex(
      "bfcdbba7c3fbb3c62cbdf0b6ee2cb5bdc6dac8d5" +
        "0d0a" +
        "c9eedbdad0c7bad32c313230302c323032352d30332d3031" +
        "0d0a",
    );
    const { wb, result } = await open("应收.csv", bytes);
    expect(result.status).toBe("opened");
    expect(wb.getValues("应收")).toEqual([
      ["客户名称", "金额", "到期日"],
      ["深圳星河", 1200, 45717],
    ]);
    expect(result.status === "opened" && result.notes[0]!.en).toBe("Read as GB18030 text, comma-separated.");
  });

  test("binary data is refused and the workbook stays as it was", async () => {
    const wb = new SimWorkbook();
    wb.loadWorkbook([{ name: "Mine", values: [["keep", 1]] }]);
    const result = await openWorkbookFile(
      wb,
      { name: "x.csv", bytes: new Uint8Array([0x41, 0, 0x42, 0]) },
      noExcel,
    );
    expect(result).toEqual({
      status: "refused",
      message: expect.objectContaining({ en: expect.stringMatching(/not text/) }),
    });
    expect(wb.sheetNames()).toEqual(["Mine"]);
    expect(wb.getValues("Mine")).toEqual([["keep", 1]]);
  });
});
