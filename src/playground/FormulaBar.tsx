/**
 * The formula bar: the name box with the active cell's address, the cell's formula or value, and a small number
 * format picker for the selection (./numberFormats.ts).
 *
 * The formula bar and the cell share one edit (Excel shows the same text in both while typing): clicking or
 * tabbing into the bar starts editing the active cell there (or carries on the edit begun in the cell); Enter
 * commits and moves down, Esc cancels, and both give the keyboard back to the worksheet; leaving the bar any other
 * way commits what changed. The formula autocomplete (./FormulaInput.tsx) works here too.
 */
import { useRef } from "react";
import type { KeyboardEvent, ReactElement } from "react";
import { FormulaInput } from "./FormulaInput";
import type { FunctionEntry } from "./functionCatalog";
import { type FormatCategory, PICKER_CATEGORIES } from "./numberFormats";
import type { EditState } from "./viewTypes";

export interface FormulaBarProps {
  /** "C5", or "" when nothing is selected. */
  address: string;
  /** The active cell's formula (with "=") or its value as text. */
  content: string;
  /** The active cell (where an edit started here goes); null when nothing is selected. */
  target: { sheet: string; row: number; col: number } | null;
  /** The edit in progress (in the cell or here), or null. */
  edit: EditState | null;
  /** Starts, updates or ends an edit; absent when the workbook cannot be edited. */
  onEdit?: (next: EditState | null) => void;
  /** Commits an edit; `moveDown` after Enter. The worksheet then takes the keyboard back. */
  onCommit?: (edit: EditState, moveDown: boolean) => void;
  /** Gives the keyboard back to the worksheet (after Esc). */
  onDone?: () => void;
  functions: readonly FunctionEntry[];
  /** The number format picker: the active cell's category and how to apply one; absent = no picker. */
  format?: {
    category: FormatCategory;
    onChange: (category: Exclude<FormatCategory, "custom">) => void;
    labels: Record<FormatCategory, string> & { picker: string };
  };
  labels: { nameBox: string; formulaBar: string; functionList: string };
}

export function FormulaBar(props: FormulaBarProps): ReactElement {
  const { address, content, target, edit, onEdit, onCommit, onDone, format, labels } = props;
  const canEdit = !!onEdit && !!target;
  const value = edit ? edit.draft : content;

  /** Set while a key ends the edit, so the blur that follows (focus back to the grid) does not commit it again. */
  const ending = useRef(false);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!edit) return;
    if (e.key === "Enter") {
      e.preventDefault();
      ending.current = true;
      onCommit?.(edit, !e.altKey);
      ending.current = false;
    } else if (e.key === "Escape") {
      e.preventDefault();
      ending.current = true;
      onEdit?.(null);
      onDone?.();
      ending.current = false;
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
        flexWrap: "wrap",
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
      <div style={{ flex: "1 1 160px", display: "flex", minWidth: 120 }}>
        <FormulaInput
          id="pg-formula-bar"
          label={labels.formulaBar}
          listLabel={labels.functionList}
          value={value}
          readOnly={!canEdit}
          functions={props.functions}
          onFocus={() => {
            if (!canEdit || !target) return;
            if (edit) {
              if (edit.surface !== "bar") onEdit?.({ ...edit, surface: "bar", mode: "edit" });
            } else onEdit?.({ ...target, draft: content, original: content, surface: "bar", mode: "edit" });
          }}
          onChange={(draft) => {
            if (!canEdit || !target) return;
            onEdit?.(
              edit
                ? { ...edit, draft, surface: "bar" }
                : { ...target, draft, original: content, surface: "bar", mode: "edit" },
            );
          }}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            const next = e.relatedTarget as HTMLElement | null;
            if (ending.current || !edit || edit.surface !== "bar" || next?.closest("[data-cell-editor]"))
              return;
            if (edit.draft !== (edit.original ?? content)) onCommit?.(edit, false);
            else onEdit?.(null);
          }}
          style={{
            flex: 1,
            width: "100%",
            padding: "2px 6px",
            border: "1px solid var(--pg-grid-line, #c8c8c8)",
            fontSize: 13,
            fontFamily: "system-ui, 'Microsoft YaHei', sans-serif",
            background: "var(--pg-cell-bg, #fff)",
            color: "var(--pg-cell-fg, #000)",
          }}
        />
      </div>
      {format ? (
        <select
          aria-label={format.labels.picker}
          data-testid="number-format"
          value={format.category}
          onChange={(e) => format.onChange(e.target.value as Exclude<FormatCategory, "custom">)}
          style={{
            fontSize: 13,
            padding: "2px 4px",
            border: "1px solid var(--pg-grid-line, #c8c8c8)",
            background: "var(--pg-cell-bg, #fff)",
            color: "var(--pg-cell-fg, #000)",
            fontFamily: "system-ui, 'Microsoft YaHei', sans-serif",
          }}
        >
          {PICKER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {format.labels[c]}
            </option>
          ))}
          {format.category === "custom" ? (
            <option value="custom" disabled>
              {format.labels.custom}
            </option>
          ) : null}
        </select>
      ) : null}
    </div>
  );
}
