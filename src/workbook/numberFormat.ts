/**
 * A small Excel number-format renderer for `Range.text` and the playground grid.
 *
 * Supports: General; numeric sections with `0`, `#`, `,` (thousands), `.` decimals, `%`, literal text in quotes,
 * `\x` escapes, currency symbols and `[$¥-804]` locale tags; up to four `;` sections (positive;negative;zero;text);
 * colour tags like `[Red]` are ignored; dates/times with y, m, d, h, s and AM/PM (1900 date system, via
 * src/engine/serial); `@` text. Anything else falls back to General.
 */
import { ymdFromSerial } from "../engine/serial";

export type Align = "left" | "right" | "center";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
]);

/** True for Excel error literals such as "#N/A". */
export const isErrorValue = (v: unknown): boolean => typeof v === "string" && ERRORS.has(v);

/** Excel "General" rendering of a number (about 11 significant characters). */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m, e] = n.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const exp = Number(e);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  let s = n.toFixed(decimals);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

/** Splits a format into sections on `;` outside quotes/brackets. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  let br = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === "\\" && !q) {
      cur += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') q = !q;
    else if (ch === "[" && !q) br = true;
    else if (ch === "]" && !q) br = false;
    if (ch === ";" && !q && !br) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface Token {
  lit: boolean;
  text: string;
}

/** Tokenises a section into literal text and format code characters; drops [Red]-style tags. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ lit: true, text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ lit: true, text: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (inner.startsWith("$")) out.push({ lit: true, text: inner.slice(1).split("-")[0] });
      i = end < 0 ? section.length : end;
    } else if (ch === "_") {
      out.push({ lit: true, text: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else {
      out.push({ lit: false, text: ch });
    }
  }
  return out;
}

const isDateCode = (tokens: Token[]): boolean =>
  tokens.some((t) => !t.lit && /[yYdDhHsS]/.test(t.text)) ||
  (tokens.some((t) => !t.lit && /[mM]/.test(t.text)) && !tokens.some((t) => !t.lit && /[0#]/.test(t.text)));

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumeric(n: number, tokens: Token[]): string {
  const code = tokens.map((t) => (t.lit ? "~" : t.text)).join("");
  const first = code.search(/[0#?.,]/);
  if (first < 0) {
    // No placeholders: only literals (e.g. a zero section "-").
    return tokens.map((t) => t.text).join("");
  }
  let last = first;
  while (last + 1 < code.length && /[0#?.,]/.test(code[last + 1])) last++;
  const numCode = code.slice(first, last + 1);
  const percent = (code.match(/%/g) ?? []).length;
  let value = n * Math.pow(100, percent);
  // trailing commas scale by 1000
  let scaled = numCode;
  while (scaled.endsWith(",")) {
    value /= 1000;
    scaled = scaled.slice(0, -1);
  }
  const [intCode, decCode = ""] = scaled.split(".");
  const decimals = (decCode.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decCode.match(/0/g) ?? []).length;
  const minInt = (intCode.match(/0/g) ?? []).length;
  const thousands = intCode.includes(",");
  let fixed = Math.abs(value).toFixed(decimals);
  let [ip, dp = ""] = fixed.split(".");
  if (decimals > minDecimals) {
    dp = dp.replace(/0+$/, "");
    if (dp.length < minDecimals) dp = dp.padEnd(minDecimals, "0");
  }
  ip = ip.replace(/^0+/, "");
  if (ip.length < minInt) ip = ip.padStart(minInt, "0");
  if (thousands) ip = groupThousands(ip);
  fixed = ip + (decCode !== "" && (dp.length > 0 || scaled.includes(".")) ? "." + dp : "");
  if (fixed.endsWith(".") && minDecimals === 0 && decimals === 0) fixed = fixed.slice(0, -1);
  // rebuild: literal tokens before/after placeholder run, keep % signs etc.
  let out = "";
  let pos = 0;
  let placed = false;
  for (const t of tokens) {
    const len = t.lit ? 1 : t.text.length;
    const inRun = !t.lit && pos >= first && pos <= last;
    if (inRun) {
      if (!placed) {
        out += fixed;
        placed = true;
      }
    } else out += t.text;
    pos += len;
  }
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatDate(serial: number, tokens: Token[]): string {
  if (serial < 0 || serial > 2958465.99999) return "#".repeat(8);
  const day = Math.floor(serial);
  const { year, month, day: dom } = day === 0 ? { year: 1900, month: 1, day: 0 } : ymdFromSerial(day);
  const wd = (((day - 1) % 7) + 7) % 7; // serial 1 (1900-01-01) was a Sunday in Excel's calendar
  let secs = Math.round((serial - day) * 86400);
  if (secs >= 86400) secs = 86399;
  const hh = Math.floor(secs / 3600);
  const mi = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  const ampm = tokens.some((t) => !t.lit && /[aA]/.test(t.text));
  // group consecutive code characters into runs of the same letter
  const runs: Token[] = [];
  for (const t of tokens) {
    const prev = runs[runs.length - 1];
    if (
      !t.lit &&
      prev &&
      !prev.lit &&
      prev.text[0].toLowerCase() === t.text.toLowerCase() &&
      /[ymdhs]/i.test(t.text)
    ) {
      prev.text += t.text;
    } else runs.push({ ...t });
  }
  let out = "";
  for (let i = 0; i < runs.length; i++) {
    const t = runs[i];
    if (t.lit) {
      out += t.text;
      continue;
    }
    const k = t.text.toLowerCase();
    const c = k[0];
    if (c === "y") out += k.length <= 2 ? pad2(year % 100) : String(year);
    else if (c === "d") {
      if (k.length === 1) out += String(dom);
      else if (k.length === 2) out += pad2(dom);
      else if (k.length === 3) out += DAYS[wd].slice(0, 3);
      else out += DAYS[wd];
    } else if (c === "m") {
      const before = runs
        .slice(0, i)
        .reverse()
        .find((r) => !r.lit && /[a-z]/i.test(r.text));
      const after = runs.slice(i + 1).find((r) => !r.lit && /[a-z]/i.test(r.text));
      const minute =
        k.length <= 2 && ((before && /^h/i.test(before.text)) || (after && /^s/i.test(after.text)));
      if (minute) out += k.length === 2 ? pad2(mi) : String(mi);
      else if (k.length === 1) out += String(month);
      else if (k.length === 2) out += pad2(month);
      else if (k.length === 3) out += MONTHS[month - 1].slice(0, 3);
      else if (k.length === 5) out += MONTHS[month - 1][0];
      else out += MONTHS[month - 1];
    } else if (c === "h") {
      const h = ampm ? ((hh + 11) % 12) + 1 : hh;
      out += k.length >= 2 ? pad2(h) : String(h);
    } else if (c === "s") out += k.length >= 2 ? pad2(ss) : String(ss);
    else if (c === "a" && /^a/i.test(t.text)) {
      // AM/PM or A/P written as code characters
      const rest = runs
        .slice(i, i + 5)
        .map((r) => r.text)
        .join("");
      if (/^am\/pm/i.test(rest)) {
        out += hh < 12 ? "AM" : "PM";
        i += 4;
      } else if (/^a\/p/i.test(rest)) {
        out += hh < 12 ? "A" : "P";
        i += 2;
      } else out += t.text;
    } else out += t.text;
  }
  return out;
}

/** Renders a cell value with a number format, as `Range.text` would. */
export function formatValue(value: unknown, format: string | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const fmt = format ?? "General";
  const sections = splitSections(fmt);
  if (typeof value === "string") {
    if (sections.length >= 4 || (sections.length === 1 && sections[0].includes("@"))) {
      const sec = sections.length >= 4 ? sections[3] : sections[0];
      return tokenize(sec)
        .map((t) => (!t.lit && t.text === "@" ? value : t.text))
        .join("");
    }
    return value;
  }
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return "#NUM!";
  let section = sections[0];
  let n = value;
  let neg = value < 0;
  if (sections.length >= 2 && value < 0) {
    section = sections[1];
    n = Math.abs(value);
    neg = false;
  } else if (sections.length >= 3 && value === 0) {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim()) || section.trim() === "" || section.trim() === "@") {
    return formatGeneral(value);
  }
  const tokens = tokenize(section);
  if (isDateCode(tokens)) return formatDate(n, tokens);
  const body = formatNumeric(n, tokens);
  return neg && !/^0*\.?0*$/.test(body.replace(/[^0-9.]/g, "")) ? "-" + body : body;
}

/** Default horizontal alignment of a value in a General-aligned cell. */
export function defaultAlign(value: unknown): Align {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean" || isErrorValue(value)) return "center";
  return "left";
}
