/**
 * Open… and Save for the playground, without UI: what the controls (FileControls.tsx) run and show. Opening goes
 * through the workbook model's file room (src/workbook/io: a refused file leaves the workbook untouched); saving
 * writes the whole workbook with the same code the command line uses and lists what the file cannot carry.
 */
import type { SimWorkbook } from "../../workbook";
import { openWorkbookFile, saveWorkbookFile, type ExcelJsModule, type Msg } from "../../workbook/io";
import type { FileStrings } from "./strings";

export interface Notice {
  kind: "info" | "error";
  title: string;
  lines: string[];
}

const pick = (m: Msg, lang: string): string => (/^zh/i.test(lang) ? m.zh : m.en);

export async function openFile(
  wb: SimWorkbook,
  file: { name: string; bytes: Uint8Array },
  loadExcelJs: () => Promise<ExcelJsModule>,
  s: FileStrings,
  lang: string,
): Promise<{ opened: boolean; notice: Notice }> {
  try {
    const r = await openWorkbookFile(wb, file, loadExcelJs);
    if (r.status === "refused")
      return {
        opened: false,
        notice: { kind: "error", title: s.refused(file.name), lines: [pick(r.message, lang)] },
      };
    wb.resetStats();
    return {
      opened: true,
      notice: { kind: "info", title: s.opened(file.name), lines: r.notes.map((n) => pick(n, lang)) },
    };
  } catch (err) {
    return {
      opened: false,
      notice: { kind: "error", title: s.refused(file.name), lines: [s.failed(String(err))] },
    };
  }
}

/** The download name for a workbook opened from `source` (null: not opened from a file). */
export function saveName(source: string | null): string {
  const base = source ? source.replace(/\.(xlsx|csv|txt|tsv)$/i, "") : "credit-risk-playground";
  return `${base || "workbook"}.xlsx`;
}

export async function saveFile(
  wb: SimWorkbook,
  name: string,
  loadExcelJs: () => Promise<ExcelJsModule>,
  s: FileStrings,
  lang: string,
): Promise<{ bytes: Uint8Array; notice: Notice }> {
  const { bytes, notes } = await saveWorkbookFile(wb, loadExcelJs);
  const lines = notes.map((n) => pick(n, lang));
  return {
    bytes,
    notice: {
      kind: "info",
      title: lines.length > 0 ? `${s.saved(name)} ${s.notInFile}` : s.saved(name),
      lines,
    },
  };
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Hands `bytes` to the browser as a download (Blob + object URL; nothing leaves the page). */
export function download(bytes: Uint8Array, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
