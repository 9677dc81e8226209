/**
 * The UTF-8 size of a value's JSON text — exactly `byteLength(JSON.stringify(value) ?? "null")` — counted without
 * building the text. The simulator sizes every request and response this way (payload limits, statistics): a full
 * sheet moves some 165 MB of JSON through it, and building each multi-megabyte text (then flattening it to count its
 * bytes) cost seconds of the page's thread for a number.
 *
 * Plain arrays and objects, strings, numbers, booleans and null — all that Office.js requests and responses carry —
 * are measured here; anything else (a `toJSON` method, a Date, a boxed primitive, a class instance, nesting deeper
 * than `MAX_DEPTH`) is measured by stringifying that part, so the result is JSON.stringify's in every case (a cycle
 * or a BigInt throws as JSON.stringify throws).
 */

const MAX_DEPTH = 64;

/** UTF-8 bytes of `s` as a JSON string literal, quotes included (JSON.stringify's escapes). */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20)
        n += c === 0x22 || c === 0x5c ? 2 : 1; // \" and \\
      else n += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6; // \n … or \u00XX
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one 4-byte character; a lone surrogate is written as the escape \uXXXX (6 bytes).
      if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 4;
        i++;
      } else n += 6;
    } else n += 3;
  }
  return n;
}

const TEXT_SLOTS = 1024;
const slotText: (string | undefined)[] = new Array<string | undefined>(TEXT_SLOTS);
const slotBytes = new Array<number>(TEXT_SLOTS).fill(0);

/**
 * {@link jsonStringBytes} through a small direct-mapped cache: cells repeat a few texts (customer names, terms,
 * statuses, bucket labels) millions of times, and looking one up is a comparison (by reference when it is the same
 * string) instead of a pass over its characters. A slot holds one string and its size; the answer is always exact.
 */
function textBytes(s: string): number {
  const len = s.length;
  if (len === 0) return 2;
  const slot =
    (len * 157 + s.charCodeAt(0) * 31 + s.charCodeAt(len >> 1) * 7 + s.charCodeAt(len - 1)) &
    (TEXT_SLOTS - 1);
  if (slotText[slot] === s) return slotBytes[slot];
  const n = jsonStringBytes(s);
  slotText[slot] = s;
  slotBytes[slot] = n;
  return n;
}

/** Decimal digits of a non-negative integer below 1e15 (at least 1). */
function digits(a: number): number {
  if (a < 1e5) return a < 10 ? 1 : a < 100 ? 2 : a < 1e3 ? 3 : a < 1e4 ? 4 : 5;
  if (a < 1e10) return a < 1e6 ? 6 : a < 1e7 ? 7 : a < 1e8 ? 8 : a < 1e9 ? 9 : 10;
  return a < 1e11 ? 11 : a < 1e12 ? 12 : a < 1e13 ? 13 : a < 1e14 ? 14 : 15;
}

/**
 * Characters of a finite number's JSON text (String(n)), counted without converting for integers and for amounts
 * with one or two decimals: when x is the double nearest to k/100 (|k| < 1e15, i.e. at most 15 significant digits,
 * which a double tells apart), that decimal is x's shortest round-trip form, so String(x) is its sign, integer
 * digits, point and 1–2 decimals. Anything else is converted.
 */
function numberBytes(x: number): number {
  const a = x < 0 ? -x : x;
  if (a < 1e13) {
    const sign = x < 0 ? 1 : 0;
    if (Math.floor(a) === a) return sign + digits(a);
    const k = Math.round(a * 100);
    if (k / 100 === a) return sign + digits(Math.floor(k / 100)) + (k % 10 === 0 ? 2 : 3);
  } else if (a < 1e15 && Math.floor(a) === a) return (x < 0 ? 1 : 0) + digits(a);
  return String(x).length;
}

function isPlainObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Bytes of the value's JSON, or -1 when JSON.stringify leaves it out (undefined, a function, a symbol). */
function measure(v: unknown, depth: number): number {
  switch (typeof v) {
    case "string":
      return jsonStringBytes(v);
    case "number":
      return Number.isFinite(v) ? numberBytes(v) : 4; // null
    case "boolean":
      return v ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return -1;
    case "bigint":
      return stringified(v);
  }
  if (v === null) return 4;
  const o = v as object;
  if (depth > MAX_DEPTH || typeof (o as { toJSON?: unknown }).toJSON === "function") return stringified(o);
  if (Array.isArray(o)) {
    let n = 2 + Math.max(0, o.length - 1); // brackets and commas
    let prev: unknown = undefined;
    let prevBytes = 0;
    for (let i = 0; i < o.length; i++) {
      const e: unknown = o[i];
      // Cells inline (a full sheet is millions of them); a row repeated by reference is measured once.
      if (typeof e === "string") n += textBytes(e);
      else if (typeof e === "number") n += Number.isFinite(e) ? numberBytes(e) : 4;
      else if (typeof e === "object" && e !== null && e === prev) n += prevBytes;
      else {
        const b = measure(e, depth + 1);
        const bytes = b < 0 ? 4 : b; // an element JSON leaves out is written as null
        n += bytes;
        if (typeof e === "object") {
          prev = e;
          prevBytes = bytes;
        }
      }
    }
    return n;
  }
  if (!isPlainObject(o)) return stringified(o);
  let n = 2;
  let members = 0;
  const rec = o as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    const b = measure(rec[key], depth + 1);
    if (b < 0) continue; // a member JSON leaves out
    n += jsonStringBytes(key) + 1 + b; // "key":value
    members++;
  }
  return n + Math.max(0, members - 1);
}

/** What JSON.stringify writes for this part, measured from its text (exact for anything). */
function stringified(v: unknown): number {
  const text = JSON.stringify(v) as string | undefined;
  return text === undefined ? -1 : byteLength(text);
}

/** Runs of characters outside ASCII (UTF-8 encodes ASCII in one byte each). */
const NON_ASCII_RUNS = /[^\u0000-\u007f]+/g; // eslint-disable-line no-control-regex

/**
 * UTF-8 byte length of a string, as TextEncoder would encode it (a lone surrogate becomes U+FFFD, 3 bytes), counted
 * without encoding. ASCII is skipped by a native regular-expression scan; only the runs of other characters are
 * counted one by one (2 bytes below U+0800, 4 for a surrogate pair, else 3).
 */
export function byteLength(s: string): number {
  let n = s.length;
  NON_ASCII_RUNS.lastIndex = 0;
  let run: RegExpExecArray | null;
  while ((run = NON_ASCII_RUNS.exec(s)) !== null) {
    const end = NON_ASCII_RUNS.lastIndex;
    for (let i = run.index; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 2; // a surrogate pair: 2 units, 4 bytes
        i++;
      } else n += 2;
    }
  }
  return n;
}

/** `byteLength(JSON.stringify(value) ?? "null")`, without building the JSON text. */
export function jsonByteLength(value: unknown): number {
  const n = measure(value, 0);
  return n < 0 ? 4 : n;
}
