/**
 * The playground's "Open…" and "Save as .xlsx" controls (top bar) and drag-and-drop of a file onto the grid.
 *
 * Files are read in the page (File.arrayBuffer) and saved as a download (Blob + object URL): nothing goes over the
 * network. Drops are handled on the window so a file dropped anywhere outside the task pane opens in the workbook
 * instead of the browser navigating away from the page (and losing the workbook); over the task pane a drop is
 * ignored. Messages — what was refused and why, what a file did not carry — stay on screen until dismissed.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactElement } from "react";
import { download, openFile, saveFile, saveName, type Notice } from "./actions";
import { loadExcelJs as defaultLoader } from "./loadExcelJs";
import { fileSession } from "./session";
import { fileStrings } from "./strings";
import type { ExcelJsModule } from "../../workbook/io";

export interface FileControlsProps {
  lang: string;
  /** ExcelJS loader (tests pass the Node build); default: the lazy browser chunk. */
  loadExcelJs?: () => Promise<ExcelJsModule>;
}

const buttonStyle: CSSProperties = {
  fontSize: 13,
  fontFamily: "inherit",
  padding: "2px 10px",
  borderRadius: 4,
  border: "1px solid rgba(255,255,255,0.6)",
  background: "rgba(255,255,255,0.12)",
  color: "inherit",
  cursor: "pointer",
};

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
const overPane = (e: Event) => e.target instanceof Element && e.target.closest("[data-taskpane]") !== null;

export function FileControls({ lang, loadExcelJs = defaultLoader }: FileControlsProps): ReactElement {
  const s = fileStrings(lang);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<"open" | "save" | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState(false);
  const [source, setSource] = useState<string | null>(null);

  const open = useCallback(
    async (file: File) => {
      const session = fileSession();
      if (!session) return;
      setBusy("open");
      setNotice(null);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const r = await openFile(session.workbook, { name: file.name, bytes }, loadExcelJs, s, lang);
        if (r.opened) {
          setSource(file.name);
          session.onOpened?.();
        }
        setNotice(r.notice.kind === "info" && r.notice.lines.length === 0 ? null : r.notice);
      } catch (err) {
        // The file could not even be read (removed, no permission): the workbook was not touched.
        setNotice({ kind: "error", title: s.refused(file.name), lines: [s.failed(String(err))] });
      } finally {
        setBusy(null);
      }
    },
    [lang, loadExcelJs, s],
  );

  const save = useCallback(async () => {
    const session = fileSession();
    if (!session) return;
    setBusy("save");
    setNotice(null);
    const name = saveName(source);
    try {
      const r = await saveFile(session.workbook, name, loadExcelJs, s, lang);
      download(r.bytes, name);
      setNotice(r.notice);
    } catch (err) {
      setNotice({ kind: "error", title: s.failed(String(err)), lines: [] });
    }
    setBusy(null);
  }, [lang, loadExcelJs, s, source]);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const pane = overPane(e);
      if (e.dataTransfer) e.dataTransfer.dropEffect = pane ? "none" : "copy";
      setDragging(!pane);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      if (overPane(e)) return;
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length !== 1) {
        setNotice({ kind: "error", title: s.oneFile, lines: [] });
        return;
      }
      void open(files[0]);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [open, s]);

  return (
    <span data-testid="file-controls" style={{ display: "inline-flex", gap: 8, alignItems: "center" }}>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        data-testid="open-file"
        aria-label={s.open}
        style={{ display: "none" }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void open(file);
        }}
      />
      <button
        type="button"
        data-testid="open-button"
        title={s.openTitle}
        style={buttonStyle}
        disabled={busy !== null}
        onClick={() => input.current?.click()}
      >
        {busy === "open" ? s.opening : s.open}
      </button>
      <button
        type="button"
        data-testid="save-button"
        title={s.saveTitle}
        style={buttonStyle}
        disabled={busy !== null}
        onClick={() => void save()}
      >
        {busy === "save" ? s.saving : s.save}
      </button>
      {dragging ? (
        <div
          data-testid="drop-overlay"
          style={{
            position: "fixed",
            inset: "44px 350px 0 0",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            background: "rgba(16,124,65,0.18)",
            border: "3px dashed #107c41",
            color: "var(--pg-fg)",
            fontSize: 18,
            pointerEvents: "none",
            zIndex: 20,
          }}
        >
          {s.dropHere}
        </div>
      ) : null}
      {notice ? (
        <div
          data-testid="file-notice"
          data-kind={notice.kind}
          role={notice.kind === "error" ? "alert" : "status"}
          style={{
            position: "fixed",
            top: 48,
            left: 12,
            maxWidth: "min(720px, calc(100vw - 400px))",
            padding: "8px 12px",
            borderRadius: 4,
            background: notice.kind === "error" ? "#fde7e9" : "#f3f9fd",
            border: `1px solid ${notice.kind === "error" ? "#c50f1f" : "#0f6cbd"}`,
            color: "#242424",
            fontSize: 13,
            zIndex: 30,
            boxShadow: "0 2px 8px rgba(0,0,0,0.2)",
          }}
        >
          <div style={{ display: "flex", gap: 12, alignItems: "flex-start" }}>
            <strong style={{ flex: 1 }}>{notice.title}</strong>
            <button type="button" onClick={() => setNotice(null)} aria-label={s.dismiss} title={s.dismiss}>
              ×
            </button>
          </div>
          {notice.lines.length > 0 ? (
            <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
              {notice.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </span>
  );
}
