/**
 * A fast path for the cells of large worksheets, in front of ExcelJS.
 *
 * Why: ExcelJS reads a 100,000-row sheet in ~4 s even in Node (a SAX event per tag, a model object per cell, a
 * reconcile pass, then its document objects), the bulk of opening an ERP export. Most rows of such a sheet are plain
 * values — numbers, strings, booleans, error codes — which need none of that. So before ExcelJS sees the package:
 *
 * 1. the zip is read here (central directory; DEFLATE by the platform's `DecompressionStream("deflate-raw")`, in
 *    browsers and Node alike) and each worksheet's `<sheetData>` is split into **plain rows**, read by this module,
 *    and **kept rows**, left in the XML for ExcelJS: rows with formulas, rich or phonetic text, row styles, cells of
 *    other types, rows crossing a merged range, and — per style index used by a plain row — the first row that uses
 *    it (a *probe*: ExcelJS then turns that style index into its style object, which the plain cells share);
 * 2. ExcelJS reads the package rebuilt with only the kept rows (entries re-stored, the others copied compressed);
 * 3. readXlsx (xlsx.ts) reads ExcelJS's cells as before and the plain cells through the same code.
 *
 * Exactness: a plain cell yields what ExcelJS would have given for it — same value (ExcelJS's own conversions
 * replicated: numbers with a date format go through its `excelToDate` and back, `t="str"` text is entity-decoded
 * twice as its cell parser does, shared strings decode `_xHHHH_` as its TextXform does), same style object (the
 * probe's), the same column style for gaps (its `_mergeStyle`) — test/io/fastCells.test.ts compares both paths on
 * every workbook of the test corpus and on generated ones. A sheet with hyperlinks or comments, a strict-namespace or
 * prefixed worksheet, ZIP64, encryption or anything unexpected: `splitPackage` leaves that sheet (or the whole
 * package) to ExcelJS — never a guess.
 */

/** One plain cell: its 1-based column, style index (0: none) and value as ExcelJS's model would hold it. */
export interface PlainCell {
  readonly col: number;
  readonly styleId: number;
  /** Number (`t` absent or `n`; date conversion is left to the reader, which knows the style), string, boolean,
   * `{ error }`, or undefined for a styled empty cell. */
  readonly value: number | string | boolean | { error: string } | undefined;
}

export interface PlainRow {
  /** 1-based row number. */
  readonly row: number;
  readonly hidden: boolean;
  readonly height: number | undefined;
  readonly cells: PlainCell[];
}

export interface PlainSheet {
  readonly rows: PlainRow[];
  /** Style index → a kept cell (1-based row, column) with that style: ExcelJS's style object for the index. */
  readonly probes: Map<number, { row: number; col: number }>;
}

export interface SplitPackage {
  /** The package for ExcelJS: worksheets with only their kept rows. */
  readonly bytes: Uint8Array;
  /** Plain rows per worksheet, by the sheet's `sheetId` (ExcelJS's `Worksheet.id`). */
  readonly sheets: Map<number, PlainSheet>;
  /** The workbook uses the 1904 date system (ExcelJS's `excelToDate` adds 1462 days). */
  readonly date1904: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Zip (PKWARE APPNOTE 6.3: local headers, central directory, end of central directory)

interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

class Unsupported extends Error {}

function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Unsupported("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Unsupported("zip64");
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  for (let k = 0; k < count; k++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Unsupported("bad central directory");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (flags & 1) throw new Unsupported("encrypted entry");
    if (method !== 0 && method !== 8) throw new Unsupported(`compression method ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      throw new Unsupported("zip64");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Unsupported("bad local header");
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({
      name: utf8.decode(nameBytes),
      nameBytes,
      flags,
      method,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      dataStart,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Raw DEFLATE → bytes. Default: the platform's DecompressionStream; Node callers may pass zlib's (faster there). */
export type InflateRaw = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const streamInflate: InflateRaw = async (raw) => {
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

async function entryText(bytes: Uint8Array, e: ZipEntry, inflate: InflateRaw): Promise<string> {
  const raw = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  return new TextDecoder("utf-8").decode(e.method === 0 ? raw : await inflate(raw));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of the same entries, `replaced` ones stored (uncompressed) with their new content, the rest copied. */
function writeZip(bytes: Uint8Array, entries: ZipEntry[], replaced: Map<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const content = replaced.get(e.name);
    const data = content ?? bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const method = content ? 0 : e.method;
    const crc = content ? crc32(content) : e.crc;
    const size = content ? content.length : e.size;
    const flags = e.flags & 0x0800; // keep "name is UTF-8"; sizes are in the header (no data descriptor)
    const local = new Uint8Array(30 + e.nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, e.time, true);
    lv.setUint16(12, e.date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, e.nameBytes.length, true);
    local.set(e.nameBytes, 30);
    const cd = new Uint8Array(46 + e.nameBytes.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, e.time, true);
    cv.setUint16(14, e.date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, e.nameBytes.length, true);
    cv.setUint32(42, offset, true);
    cd.set(e.nameBytes, 46);
    parts.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + end.length);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// XML text

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Character data as an XML parser delivers it: line ends normalised, entity and character references decoded. */
export function xmlText(raw: string): string {
  let s = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  if (s.indexOf("&") < 0) return s;
  s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined) throw new Unsupported(`entity ${m}`);
    return named;
  });
  return s;
}

/** ExcelJS's `utils.xmlDecode` (applied once more to `t="str"` text by its cell parser). */
function excelJsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

function attr(tag: string, name: string): string | undefined {
  const i = tag.indexOf(` ${name}=`);
  if (i < 0) return undefined;
  const q = tag[i + name.length + 2];
  if (q !== '"' && q !== "'") return undefined;
  const end = tag.indexOf(q, i + name.length + 3);
  if (end < 0) return undefined;
  const raw = tag.slice(i + name.length + 3, end);
  return raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 ? raw : xmlText(raw);
}

const parseBoolean = (v: string | undefined) => v === "true" || v === "1";

/** Column number (1-based) of an A1 reference's letters, and its row number. */
function decodeRef(ref: string): { row: number; col: number } | null {
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let col = 0;
  let letters = 0;
  for (let ch = ref.charCodeAt(i); ch >= 65 && ch <= 90; ch = ref.charCodeAt(++i)) {
    col = col * 26 + ch - 64;
    letters++;
  }
  if (letters < 1 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = row * 10 + ch - 48;
  if (i === digitsFrom || i !== ref.length) return null;
  return { row, col };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared strings: plain ones (a lone <t>) as ExcelJS's TextXform gives them; anything else is "not plain".

const NOT_PLAIN = Symbol("not plain");
type Sst = (string | typeof NOT_PLAIN)[];

function readSharedStrings(xml: string): Sst {
  const out: Sst = [];
  let at = xml.indexOf("<si");
  while (at >= 0) {
    const open = xml.indexOf(">", at);
    if (open < 0) throw new Unsupported("bad shared string");
    if (xml[open - 1] === "/") {
      out.push(NOT_PLAIN);
      at = xml.indexOf("<si", open);
      continue;
    }
    const close = xml.indexOf("</si>", open);
    if (close < 0) throw new Unsupported("bad shared string");
    out.push(plainT(xml.slice(open + 1, close), true) ?? NOT_PLAIN);
    at = xml.indexOf("<si", close);
  }
  return out;
}

/** The text of content that is exactly one `<t>` element, else null. `underscores`: decode `_xHHHH_`. */
function plainT(inner: string, underscores: boolean): string | null {
  if (!inner.startsWith("<t")) return null;
  const tagEnd = inner.indexOf(">");
  if (tagEnd < 0) return null;
  const tag = inner.slice(0, tagEnd + 1);
  if (!/^<t(?:\s[^>]*)?>$/.test(tag) && !/^<t(?:\s[^>]*)?\/>$/.test(tag)) return null;
  let text: string;
  if (tag.endsWith("/>")) {
    if (tagEnd + 1 !== inner.length) return null;
    text = "";
  } else {
    const end = inner.indexOf("</t>", tagEnd);
    if (end < 0 || end + 4 !== inner.length) return null;
    const raw = inner.slice(tagEnd + 1, end);
    if (raw.indexOf("<") >= 0) return null;
    text = xmlText(raw);
  }
  return underscores
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheets

interface Merge {
  r0: number;
  r1: number;
}

function mergedRows(tail: string): Merge[] {
  const out: Merge[] = [];
  const re = /<mergeCell\s[^>]*ref="([^"]+)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail))) {
    const [a, b] = m[1]!.split(":");
    const p = decodeRef(a ?? "");
    const q = decodeRef(b ?? a ?? "");
    if (!p || !q) throw new Unsupported("bad merge");
    out.push({ r0: Math.min(p.row, q.row), r1: Math.max(p.row, q.row) });
  }
  return out;
}

/** A row's cells when they are all plain, else null (the row is kept for ExcelJS). */
function plainCells(body: string, row: number, sst: Sst): PlainCell[] | null {
  const cells: PlainCell[] = [];
  let at = 0;
  for (;;) {
    const start = body.indexOf("<", at);
    if (start < 0) {
      if (body.slice(at).trim() !== "") return null;
      return cells;
    }
    if (body.slice(at, start).trim() !== "") return null;
    if (body[start + 1] !== "c" || !/[\s/>]/.test(body[start + 2] ?? "")) return null;
    const tagEnd = body.indexOf(">", start);
    if (tagEnd < 0) return null;
    const selfClosing = body[tagEnd - 1] === "/";
    const tag = body.slice(start, selfClosing ? tagEnd - 1 : tagEnd);
    let inner = "";
    if (selfClosing) at = tagEnd + 1;
    else {
      const close = body.indexOf("</c>", tagEnd);
      if (close < 0) return null;
      inner = body.slice(tagEnd + 1, close);
      at = close + 4;
    }
    const ref = attr(tag, "r");
    const pos = ref !== undefined ? decodeRef(ref) : null;
    if (!pos || pos.row !== row) return null;
    const s = attr(tag, "s");
    const styleId = s !== undefined ? parseInt(s, 10) : 0;
    if (s !== undefined && !(styleId >= 0)) return null;
    const t = attr(tag, "t");
    let value: PlainCell["value"];
    if (inner === "" || inner.trim() === "") value = undefined;
    else if (t === "inlineStr") {
      if (!inner.startsWith("<is>") || !inner.endsWith("</is>")) return null;
      const text = plainT(inner.slice(4, -5), false);
      if (text === null) return null;
      // ExcelJS keeps an inline string only when its text is not empty (an empty one is a style-only cell).
      value = text === "" ? undefined : text;
    } else {
      if (!inner.startsWith("<v>") || !inner.endsWith("</v>")) return null;
      const raw = inner.slice(3, -4);
      if (raw.indexOf("<") >= 0) return null;
      const text = xmlText(raw);
      if (text === "") value = undefined;
      else if (t === undefined || t === "n") value = parseFloat(text);
      else if (t === "s") {
        const str = sst[parseInt(text, 10)];
        if (str === undefined || str === NOT_PLAIN) return null;
        value = str;
      } else if (t === "str") value = excelJsXmlDecode(text);
      else if (t === "b") value = parseInt(text, 10) !== 0;
      else if (t === "e") value = { error: text };
      else return null;
    }
    // ExcelJS drops a cell with neither value nor style index (its "merge" type): it is a gap, as if absent.
    if (value === undefined && !styleId) continue;
    cells.push({ col: pos.col, styleId, value });
  }
}

interface SplitSheet {
  xml: string;
  sheet: PlainSheet;
}

/** Splits one worksheet's rows into plain rows and the XML ExcelJS still reads; null: leave the sheet as it is. */
function splitSheet(xml: string, sst: Sst): SplitSheet | null {
  const open = xml.indexOf("<sheetData>");
  if (open < 0) return null;
  const close = xml.indexOf("</sheetData>", open);
  if (close < 0) return null;
  const head = xml.slice(0, open);
  const tail = xml.slice(close + "</sheetData>".length);
  if (!/<worksheet[\s>]/.test(head) || /<hyperlinks[\s>]|<legacyDrawing[\s>]/.test(tail)) return null;
  const merges = mergedRows(tail);
  const data = xml.slice(open + "<sheetData>".length, close);

  const kept: string[] = [];
  const rows: PlainRow[] = [];
  const probes = new Map<number, { row: number; col: number }>();
  let at = 0;
  let lastRow = 0;
  for (;;) {
    const start = data.indexOf("<row", at);
    if (start < 0) {
      if (data.slice(at).trim() !== "") return null;
      break;
    }
    if (data.slice(at, start).trim() !== "") return null;
    const tagEnd = data.indexOf(">", start);
    if (tagEnd < 0) return null;
    const selfClosing = data[tagEnd - 1] === "/";
    const tag = data.slice(start, selfClosing ? tagEnd - 1 : tagEnd);
    let end: number;
    let body = "";
    if (selfClosing) end = tagEnd + 1;
    else {
      const close2 = data.indexOf("</row>", tagEnd);
      if (close2 < 0) return null;
      body = data.slice(tagEnd + 1, close2);
      end = close2 + 6;
    }
    const rowXml = data.slice(start, end);
    at = end;
    const r = attr(tag, "r");
    const row = r !== undefined ? parseInt(r, 10) : NaN;
    if (!(row > lastRow)) return null; // rows without numbers or out of order: ExcelJS's business
    lastRow = row;
    // A row style (`s`) reaches ExcelJS's gap cells: such rows stay with it. (`customFormat` alone means nothing
    // to ExcelJS, and LibreOffice writes customFormat="false" on every row.)
    const cells = attr(tag, "s") === undefined ? plainCells(body, row, sst) : null;
    const merged = merges.some((m) => row >= m.r0 && row <= m.r1);
    // Kept for ExcelJS: rows that are not plain, merged rows, and a plain row with a style index not probed yet.
    if (!cells || merged || cells.some((c) => c.styleId && !probes.has(c.styleId))) {
      kept.push(rowXml);
      // A kept row's cells become probes for their style indexes (not in merged rows: ExcelJS restyles those).
      if (cells && !merged)
        for (const c of cells)
          if (c.styleId && !probes.has(c.styleId)) probes.set(c.styleId, { row, col: c.col });
      continue;
    }
    const ht = attr(tag, "ht");
    rows.push({
      row,
      hidden: parseBoolean(attr(tag, "hidden")),
      height: ht !== undefined ? parseFloat(ht) : undefined,
      cells,
    });
  }
  return { xml: `${head}<sheetData>${kept.join("")}</sheetData>${tail}`, sheet: { rows, probes } };
}

/** Resolves workbook.xml's sheets to their parts as ExcelJS does (`xl/` + the relationship's target). */
function sheetParts(workbook: string, rels: string): Map<string, number> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target);
  }
  const out = new Map<string, number>();
  const ids = new Set<number>();
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const id = Number(attr(m[0], "sheetId"));
    const rid = attr(m[0], "r:id");
    const target = rid ? targets.get(rid) : undefined;
    // Plain rows are found again by sheet id: a repeated id could hand one sheet's rows to another.
    if (ids.has(id)) throw new Unsupported("repeated sheetId");
    ids.add(id);
    if (!target || !Number.isInteger(id)) continue;
    out.set(`xl/${target.replace(/^(\s|\/xl\/)+/, "")}`, id);
  }
  return out;
}

/** Sheets worth splitting: only large parts pay for the extra pass (ExcelJS reads small ones quickly). */
const MIN_SHEET_CHARS = 1_000_000;

/**
 * The package split for a fast read, or null when nothing is worth splitting or the package is one this module
 * does not read (then ExcelJS reads the original bytes, as before).
 */
export async function splitPackage(
  bytes: Uint8Array,
  {
    minSheetChars = MIN_SHEET_CHARS,
    inflateRaw = streamInflate,
  }: { minSheetChars?: number; inflateRaw?: InflateRaw } = {},
): Promise<SplitPackage | null> {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const big = entries.filter(
    (e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && e.size >= minSheetChars,
  );
  const wbEntry = byName.get("xl/workbook.xml");
  const relsEntry = byName.get("xl/_rels/workbook.xml.rels");
  if (big.length === 0 || !wbEntry || !relsEntry) return null;
  try {
    const workbook = await entryText(bytes, wbEntry, inflateRaw);
    const parts = sheetParts(workbook, await entryText(bytes, relsEntry, inflateRaw));
    const wbPr = /<workbookPr\s[^>]*>/.exec(workbook)?.[0] ?? "";
    const date1904 = parseBoolean(attr(wbPr, "date1904"));
    const sstEntry = byName.get("xl/sharedStrings.xml");
    const sst = sstEntry ? readSharedStrings(await entryText(bytes, sstEntry, inflateRaw)) : [];
    const replaced = new Map<string, Uint8Array>();
    const sheets = new Map<number, PlainSheet>();
    const utf8 = new TextEncoder();
    for (const e of big) {
      const id = parts.get(e.name);
      if (id === undefined) continue;
      const split = splitSheet(await entryText(bytes, e, inflateRaw), sst);
      if (!split || split.sheet.rows.length === 0) continue;
      replaced.set(e.name, utf8.encode(split.xml));
      sheets.set(id, split.sheet);
    }
    if (sheets.size === 0) return null;
    return { bytes: writeZip(bytes, entries, replaced), sheets, date1904 };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** ExcelJS's `utils.isDateFmt`: a number with this format is handed over as a Date. */
export function isExcelJsDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** ExcelJS's `utils.excelToDate`, as the Date it gives (the reader turns it back into a serial). */
export function excelJsDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
