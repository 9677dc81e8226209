/**
 * CSV reading, as Excel opens a .csv file: one worksheet named after the file, every field entered as if typed
 * (value entry, ../entry.ts: numbers, dates, percentages, currency text, a leading "=" makes a formula).
 *
 * - Encodings: UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8" writes one), UTF-16 with a BOM, and
 *   otherwise GB18030 — the superset of GBK that Chinese Excel's "CSV (逗号分隔)" writes in the system code page on
 *   zh-CN Windows (WHATWG Encoding: the "gbk" label decodes with the gb18030 decoder). Text that is valid UTF-8 is
 *   read as UTF-8; anything else as GB18030.
 * - Delimiters: a first line `sep=;` (which Excel honours) names it; else comma, semicolon or tab, whichever splits
 *   the first lines into the same number of fields most consistently (comma on a tie).
 * - RFC 4180 quoting: fields in double quotes may hold the delimiter, line breaks and doubled quotes ("").
 */
import { serialFromYmd } from "../../engine/serial";
import { MAX_COLS, MAX_ROWS } from "../address";
import { fullYear } from "../entry";
import { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbook";
import { NOTES, REFUSALS, type Msg } from "./messages";

export class CsvRefused extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
  }
}

/** Decodes CSV bytes; returns the text and the encoding's name. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new CsvRefused(REFUSALS.csvNotText);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "GB18030" };
  }
}

/** Splits CSV text into rows of fields with `delimiter` (RFC 4180 quoting); `limit` stops after that many rows. */
export function parseCsv(text: string, delimiter: string, limit = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n && rows.length < limit) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // Quoted field: up to the closing quote; "" is a quote; then anything up to the delimiter is kept as well.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    // Unquoted run up to the next special character.
    let j = i;
    while (j < n) {
      const c = text[j];
      if (c === delimiter || c === "\n" || c === "\r") break;
      j++;
    }
    field += text.slice(i, j);
    atFieldStart = false;
    i = j;
  }
  if (rows.length < limit && (field !== "" || row.length > 0)) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const CANDIDATES = [",", ";", "\t"];

/** The delimiter: `sep=` line, else the candidate that splits the first 50 lines most consistently. */
export function detectDelimiter(text: string): { delimiter: string; skipFirstLine: boolean } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1]!, skipFirstLine: true };
  let best = { delimiter: ",", score: -1 };
  for (const d of CANDIDATES) {
    const rows = parseCsv(text, d, 50).filter((r) => r.some((f) => f.trim() !== ""));
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    // Score: rows agreeing on the most common field count (> 1), weighted a little by that count.
    let score = 0;
    for (const [fields, k] of counts) score = Math.max(score, k * 1000 + fields);
    if (score > best.score) best = { delimiter: d, score };
  }
  return { delimiter: best.delimiter, skipFirstLine: false };
}

/** A worksheet name from a file name, as Excel names the sheet of an opened CSV (31 characters, no []:*?/\). */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const clean = base
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return clean || "Sheet1";
}

export interface ReadCsvResult {
  sheet: SheetModel;
  notes: Msg[];
}

/**
 * How numeric dates with a year (`03/02/2026`, `3-2-26`) are entered:
 * - `"excel"` (the playground, which models Excel en-US): as Excel en-US opens a CSV — month first, and a field that
 *   cannot be month-first (`15/01/2026`) stays text;
 * - `"MDY"` / `"DMY"` (the command line's --date-order or policy): as a locale with that order would, every field
 *   the same way, shown as m/d/yyyy or dd/mm/yyyy;
 * - `"text"` (the command line with an automatic date order): kept as text, so the reader decides each one and
 *   reports the ones it cannot tell (03/02/2026) instead of one column holding both orders — a field read month-first
 *   beside one that could only be day-first is the silent guess a CSV from a day-first country would otherwise get.
 */
export type CsvDates = "excel" | "text" | "MDY" | "DMY";

const NUMERIC_DATE = /^\s*(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})\s*$/;

/** Reads CSV bytes into a new sheet bound to `model` (not installed; see io/index.ts). */
export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  model: WorkbookModel,
  dates: CsvDates = "excel",
): ReadCsvResult {
  const { text, encoding } = decodeCsv(bytes);
  const { delimiter, skipFirstLine } = detectDelimiter(text);
  const rows = parseCsv(skipFirstLine ? text.slice(text.indexOf("\n") + 1) : text, delimiter);
  while (rows.length > 0 && rows[rows.length - 1]!.every((f) => f === "")) rows.pop();
  if (rows.length > MAX_ROWS) throw new CsvRefused(REFUSALS.csvTooBig(rows.length));
  const sheet = new SheetModel(sheetNameFor(fileName), model);
  rows.forEach((row, r) => {
    const width = Math.min(row.length, MAX_COLS);
    for (let c = 0; c < width; c++) {
      const f = row[c]!;
      if (f === "") continue;
      const m = dates === "excel" ? null : NUMERIC_DATE.exec(f);
      if (!m) sheet.writeInput(r, c, f);
      else if (dates === "text") sheet.writeInput(r, c, `'${f}`);
      else {
        const [month, day] = dates === "MDY" ? [m[1], m[3]] : [m[3], m[1]];
        const serial = serialFromYmd(fullYear(m[4]!), Number(month), Number(day));
        // An impossible date (13/13/2026) stays the text it was; the reader reports it.
        if (serial === null) sheet.writeInput(r, c, `'${f}`);
        else {
          sheet.writeInput(r, c, serial);
          sheet.setNumberFormat(r, c, dates === "MDY" ? "m/d/yyyy" : "dd/mm/yyyy");
        }
      }
    }
  });
  return { sheet, notes: [NOTES.csvEncoding(encoding, delimiter)] };
}
