/**
 * The formula bar: a name box with the selected cell's address and an input showing its formula or value.
 * Enter commits the typed text to the cell (when the host allows editing), Escape restores the cell's content.
 */
import { useEffect, useState } from "react";
import type { KeyboardEvent, ReactElement } from "react";

export interface FormulaBarProps {
  /** "C5", or "" when nothing is selected. */
  address: string;
  /** The selected cell's formula (with "=") or its value as text. */
  content: string;
  /** Called with the typed text on Enter; absent when the workbook cannot be edited. */
  onCommit?: (input: string) => void;
  labels: { nameBox: string; formulaBar: string };
}

export function FormulaBar({ address, content, onCommit, labels }: FormulaBarProps): ReactElement {
  const [draft, setDraft] = useState(content);
  useEffect(() => setDraft(content), [content, address]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && onCommit && address) {
      e.preventDefault();
      onCommit(draft);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setDraft(content);
    }
  };

  return (
    <div
      data-formula-bar=""
      style={{
        display: "flex",
        gap: 6,
        alignItems: "center",
        padding: "4px 6px",
        borderBottom: "1px solid var(--pg-grid-line, #e1e1e1)",
        background: "var(--pg-bar-bg, #fff)",
      }}
    >
      <output
        aria-label={labels.nameBox}
        style={{
          width: 72,
          padding: "2px 6px",
          border: "1px solid var(--pg-grid-line, #c8c8c8)",
          fontSize: 13,
          fontFamily: "system-ui, sans-serif",
          color: "var(--pg-cell-fg, #000)",
          minHeight: 18,
        }}
      >
        {address}
      </output>
      <span aria-hidden="true" style={{ fontStyle: "italic", color: "var(--pg-header-fg, #666)" }}>
        fx
      </span>
      <input
        aria-label={labels.formulaBar}
        value={draft}
        readOnly={!onCommit || !address}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        style={{
          flex: 1,
          padding: "2px 6px",
          border: "1px solid var(--pg-grid-line, #c8c8c8)",
          fontSize: 13,
          fontFamily: "system-ui, 'Microsoft YaHei', sans-serif",
          background: "var(--pg-cell-bg, #fff)",
          color: "var(--pg-cell-fg, #000)",
        }}
      />
    </div>
  );
}
