/**
 * Copies text to the clipboard: the asynchronous Clipboard API when the host allows it, else the classic
 * hidden-textarea + `document.execCommand("copy")` fallback (older webviews, or when the permission is denied).
 * Resolves true when the text was copied.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clip = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (clip && typeof clip.writeText === "function") {
    try {
      await clip.writeText(text);
      return true;
    } catch {
      // fall through to the fallback
    }
  }
  return copyWithTextarea(text, doc);
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  area.style.left = "-9999px";
  doc.body.appendChild(area);
  const active = doc.activeElement as HTMLElement | null;
  try {
    area.select();
    return typeof doc.execCommand === "function" && doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    doc.body.removeChild(area);
    active?.focus?.();
  }
}
