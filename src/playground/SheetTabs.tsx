/** Sheet tabs at the bottom of the grid: one button per visible sheet; clicking one activates it. */
import type { ReactElement } from "react";

export interface SheetTabsProps {
  names: readonly string[];
  active: string;
  onActivate: (name: string) => void;
  label: string;
}

export function SheetTabs({ names, active, onActivate, label }: SheetTabsProps): ReactElement {
  return (
    <div
      role="tablist"
      aria-label={label}
      data-pg-tabs=""
      style={{
        display: "flex",
        gap: 2,
        padding: "0 8px",
        borderTop: "1px solid var(--pg-grid-line, #e1e1e1)",
        background: "var(--pg-header-bg, #f3f3f3)",
        overflowX: "auto",
        flex: "0 0 auto",
      }}
    >
      {names.map((name) => {
        const selected = name === active;
        return (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={selected}
            onClick={() => onActivate(name)}
            style={{
              border: "none",
              borderBottom: selected ? "3px solid var(--pg-select, #107c41)" : "3px solid transparent",
              background: selected ? "var(--pg-cell-bg, #fff)" : "transparent",
              color: selected ? "var(--pg-select, #107c41)" : "var(--pg-header-fg, #444)",
              fontWeight: selected ? 600 : 400,
              fontSize: 13,
              fontFamily: "system-ui, 'Microsoft YaHei', sans-serif",
              padding: "5px 14px",
              cursor: "pointer",
              whiteSpace: "nowrap",
            }}
          >
            {name}
          </button>
        );
      })}
    </div>
  );
}
