/**
 * `mailto:` links for e-mail drafts. Subject and body are percent-encoded (UTF-8, `encodeURIComponent`, so
 * Chinese text, `&`, `?`, `#` and line breaks survive). Mail clients and browsers cap the length of such links
 * (about 2,000 characters is the safe common limit), so a longer body is cut at a line break and marked
 * `truncated` — the pane then asks the analyst to paste the full copied text.
 */

/** The safe total length of a mailto link. */
export const MAILTO_MAX_LENGTH = 2000;

export interface MailtoLink {
  readonly href: string;
  /** True when the body had to be shortened to fit the limit. */
  readonly truncated: boolean;
}

function encodeBody(body: string): string {
  return encodeURIComponent(body.replace(/\r?\n/g, "\r\n"));
}

/** A mailto link with encoded subject and body, at most `maxLength` characters long. */
export function buildMailto(
  to: string | undefined,
  subject: string,
  body: string,
  maxLength: number = MAILTO_MAX_LENGTH,
): MailtoLink {
  const head = `mailto:${to ? encodeURIComponent(to.trim()).replace(/%40/g, "@") : ""}?subject=${encodeURIComponent(subject)}`;
  const full = `${head}&body=${encodeBody(body)}`;
  if (full.length <= maxLength) return { href: full, truncated: false };
  const lines = body.split(/\r?\n/);
  let kept = "";
  for (const line of lines) {
    const next = kept === "" ? line : `${kept}\n${line}`;
    if (`${head}&body=${encodeBody(`${next}\n…`)}`.length > maxLength) break;
    kept = next;
  }
  if (kept === "") {
    // Not even the first line fits: cut by characters (never inside a surrogate pair).
    const chars = Array.from(lines[0] ?? "");
    while (chars.length > 0 && `${head}&body=${encodeBody(`${chars.join("")}…`)}`.length > maxLength)
      chars.pop();
    kept = chars.join("");
    const href = `${head}&body=${encodeBody(`${kept}…`)}`;
    return { href: href.length <= maxLength ? href : head, truncated: true };
  }
  return { href: `${head}&body=${encodeBody(`${kept}\n…`)}`, truncated: true };
}
