/**
 * Opening a file into a SimWorkbook and saving it back — the file room of the workbook model, shared by the
 * playground's Open…/Save controls and the command line.
 *
 * Opening never half-replaces a workbook: the file is read into new sheets first and swapped in only when the whole
 * read succeeded; a refused or unreadable file leaves the current workbook exactly as it was. Opening is opening a
 * different document, so the document settings (the add-in's policy, confirmed columns, run records) start empty.
 *
 * What a file is comes from its bytes, not its name: a zip package is .xlsx; an OLE compound file (magic
 * D0 CF 11 E0 A1 B1 1A E1, [MS-CFB] §2.2) is either an encrypted OOXML package (its streams "EncryptionInfo" and
 * "EncryptedPackage", [MS-OFFCRYPTO] §2.3.4) — a password-protected workbook — or a legacy .xls (stream "Workbook"
 * or "Book", [MS-XLS] §2.1.2); other bytes are read as CSV when the name says .csv/.txt/.tsv.
 */
import type { SimWorkbook } from "../simWorkbook";
import { CsvRefused, readCsv, type CsvDates } from "./csv";
import { NOTES, REFUSALS, type Msg } from "./messages";
import {
  readXlsx,
  writeXlsx,
  type ExcelJsModule,
  type ReadWorkbook,
  type ReadXlsxOptions,
  type WriteOptions,
} from "./xlsx";

export type { ExcelJsModule, ReadXlsxOptions } from "./xlsx";
export type { InflateRaw } from "./fastCells";
export { REFUSALS, NOTES, type Msg } from "./messages";
export { decodeCsv, detectDelimiter, parseCsv, sheetNameFor, type CsvDates } from "./csv";
export { serialFromExcelJsDate } from "./xlsx";

export type FileKind = "xlsx" | "csv" | "encrypted" | "xls" | "ole" | "empty" | "unknown";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the UTF-16LE form of `name` occurs in `bytes` (OLE directory entries hold stream names so). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** What kind of file the bytes are (the name only decides between CSV and "unknown" for plain text). */
export function fileKind(name: string, bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  )
    return "xlsx";
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (hasUtf16(bytes, "EncryptedPackage") || hasUtf16(bytes, "EncryptionInfo")) return "encrypted";
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "xls";
    return "ole";
  }
  if (/\.(csv|txt|tsv)$/i.test(name)) return "csv";
  if (/\.xlsx$/i.test(name)) return "xlsx";
  return "unknown";
}

export type OpenResult =
  | { status: "opened"; kind: "xlsx" | "csv"; sheets: string[]; activeSheet: string; notes: Msg[] }
  | { status: "refused"; message: Msg };

/** Replaces the workbook's content with what was read (sheets, tables, names, active sheet) and its settings. */
function install(wb: SimWorkbook, read: Omit<ReadWorkbook, "notes">): void {
  const m = wb.model;
  m.sheets = read.sheets;
  m.tables = read.tables;
  m.names = read.names;
  m.activeSheet = read.active;
  m.selection = { sheet: read.active, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  m.version++;
  wb.settings.clear();
  wb.savedSettings = {};
  wb.notify();
}

/**
 * Opens a file's bytes into `wb` (see the module comment). `loadExcelJs` is called only for an .xlsx file, so the
 * playground fetches ExcelJS's chunk only when it needs it.
 */
export async function openWorkbookFile(
  wb: SimWorkbook,
  file: { name: string; bytes: Uint8Array },
  loadExcelJs: () => Promise<ExcelJsModule>,
  xlsxOptions: ReadXlsxOptions = {},
  /** How a CSV's numeric dates are entered (csv.ts `CsvDates`; default: as Excel en-US). */
  csvDates: CsvDates = "excel",
): Promise<OpenResult> {
  const kind = fileKind(file.name, file.bytes);
  const refuse = (message: Msg): OpenResult => ({ status: "refused", message });
  switch (kind) {
    case "empty":
      return refuse(REFUSALS.empty);
    case "encrypted":
      return refuse(REFUSALS.encrypted);
    case "xls":
      return refuse(REFUSALS.legacyXls);
    case "ole":
      return refuse(REFUSALS.oleOther);
    case "unknown":
      return refuse(REFUSALS.unknownType(file.name));
    case "csv": {
      try {
        const { sheet, notes } = readCsv(file.bytes, file.name, wb.model, csvDates);
        install(wb, { sheets: [sheet], tables: [], names: [], active: sheet });
        return { status: "opened", kind, sheets: [sheet.name], activeSheet: sheet.name, notes };
      } catch (err) {
        if (err instanceof CsvRefused) return refuse(err.reason);
        throw err;
      }
    }
    case "xlsx": {
      let read: ReadWorkbook;
      try {
        read = await readXlsx(await loadExcelJs(), file.bytes, wb.model, xlsxOptions);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        return refuse(detail === "no worksheets" ? REFUSALS.noSheets : REFUSALS.notXlsx(detail));
      }
      install(wb, read);
      return {
        status: "opened",
        kind,
        sheets: read.sheets.map((s) => s.name),
        activeSheet: read.active.name,
        notes: read.notes,
      };
    }
  }
}

export interface SaveResult {
  bytes: Uint8Array;
  /** What the file does not carry (the chart, the add-in's settings …): show them to the analyst. */
  notes: Msg[];
}

/** Saves the whole workbook as .xlsx bytes, with notes for everything the file cannot carry. */
export async function saveWorkbookFile(
  wb: SimWorkbook,
  loadExcelJs: () => Promise<ExcelJsModule>,
  options: WriteOptions = {},
): Promise<SaveResult> {
  const { bytes, notes } = await writeXlsx(await loadExcelJs(), wb.model, options);
  const keys = [...wb.settings.keys()];
  if (keys.length > 0) notes.push(NOTES.settingsNotSaved(keys));
  return { bytes, notes };
}
