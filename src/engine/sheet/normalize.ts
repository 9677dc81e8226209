/**
 * Text normalisation shared by the sheet readers: header keys, customer join keys, column letters, cell display.
 */

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** NFKC (full-width letters, digits and punctuation become ASCII) — skipped for plain ASCII. Never throws. */
export function nfkc(text: string): string {
  if (ASCII_PRINTABLE.test(text)) return text;
  try {
    return text.normalize("NFKC");
  } catch {
    return text;
  }
}

/**
 * Header key: NFKC, lower-case, `#` and `№` read as "no", then everything that is not a letter or digit (any
 * script) removed. `"Inv #"` → `"invno"`, `"Customer Name"` → `"customername"`, `"客户 名称"` → `"客户名称"`,
 * full-width `"ＤＵＥ\u3000ＤＡＴＥ"` → `"duedate"`.
 */
export function headerKey(text: string): string {
  return nfkc(text)
    .toLowerCase()
    .replace(/[#№]/g, "no")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Customer join key: NFKC, trimmed, runs of white space collapsed to one space, lower-case. Two names join when
 * their keys are equal ("ACME Ltd" = " acme  ltd " = "ＡＣＭＥ Ltd").
 */
export function customerKey(name: string): string {
  return nfkc(name).trim().replace(/\s+/g, " ").toLowerCase();
}

/** Spreadsheet column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = Math.floor(index) + 1;
  if (!(n >= 1)) return "";
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A cell value as short display text for issues (long text cut at 60 characters). */
export function displayValue(value: unknown): string {
  let s: string;
  if (value === null || value === undefined) s = "";
  else if (typeof value === "string") s = value;
  else if (typeof value === "number" || typeof value === "boolean") s = String(value);
  else if (value instanceof Date) s = "[Date]";
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = Object.prototype.toString.call(value);
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** True for an empty cell as Office.js reports it: `""`, `null`, `undefined`, or white space only. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim().length === 0;
  return false;
}
