/**
 * A text input for cell contents with Excel's Formula AutoComplete (./functionCatalog.ts): typing "=AR." or the
 * first letters of a function after "=", an operator, "(" or "," lists the matching functions with their one-line
 * help; ↓/↑ move through the list, Tab or Enter inserts the highlighted function with "(", Esc closes the list (the
 * edit goes on), a click inserts too. Inside a function's parentheses its argument list is shown with the current
 * argument in bold. Keys the list does not use go to `onKeyDown`.
 *
 * Accessibility: the input is an ARIA combobox (aria-autocomplete="list", aria-expanded, aria-controls,
 * aria-activedescendant) owning a listbox of options; the list is positioned under the input with `position: fixed`
 * so the grid's scrolling area does not clip it.
 */
import { useLayoutEffect, useRef, useState } from "react";
import type { CSSProperties, FocusEvent, KeyboardEvent, ReactElement, RefObject } from "react";
import { type FunctionEntry, callAt, completionAt, insertFunction, matchFunctions } from "./functionCatalog";

export interface FormulaInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Keys the autocomplete does not consume (Enter, Escape, Tab … when no list is open). */
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  onFocus?: () => void;
  onBlur?: (e: FocusEvent<HTMLInputElement>) => void;
  functions: readonly FunctionEntry[];
  /** Accessible names: the input and the function list. */
  label: string;
  listLabel: string;
  /** Unique id prefix for the listbox and its options. */
  id: string;
  inputRef?: RefObject<HTMLInputElement>;
  style?: CSSProperties;
  readOnly?: boolean;
  /** Focus on mount with the caret at the end (the in-cell editor). */
  autoFocus?: boolean;
}

const MAX_ITEMS = 50;

export function FormulaInput(props: FormulaInputProps): ReactElement {
  const { value, onChange, functions, id } = props;
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = props.inputRef ?? ownRef;
  const [caret, setCaret] = useState(value.length);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const pendingCaret = useRef<number | null>(null);
  const [anchor, setAnchor] = useState<{ left: number; top: number; width: number } | null>(null);

  const completion = focused && !props.readOnly ? completionAt(value, Math.min(caret, value.length)) : null;
  const matches = completion ? matchFunctions(functions, completion.prefix).slice(0, MAX_ITEMS) : [];
  const open = matches.length > 0 && dismissed !== value;
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const call = focused && !open ? callAt(value, Math.min(caret, value.length)) : null;
  const callEntry = call ? functions.find((f) => f.name === call.name) : undefined;
  const showPopup = open || !!callEntry;

  useLayoutEffect(() => {
    if (pendingCaret.current !== null && ref.current) {
      ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  useLayoutEffect(() => {
    if (props.autoFocus && ref.current) {
      ref.current.focus();
      const end = ref.current.value.length;
      ref.current.setSelectionRange(end, end);
      setCaret(end);
    }
  }, [props.autoFocus, ref]);

  useLayoutEffect(() => {
    if (!showPopup || !ref.current) return;
    const r = ref.current.getBoundingClientRect();
    setAnchor((a) =>
      a && a.left === r.left && a.top === r.bottom && a.width === r.width
        ? a
        : { left: r.left, top: r.bottom, width: r.width },
    );
  }, [showPopup, value, ref]);

  const syncCaret = () => {
    const el = ref.current;
    if (el) setCaret(el.selectionStart ?? el.value.length);
  };

  const insert = (entry: FunctionEntry) => {
    if (!completion) return;
    const next = insertFunction(value, completion, caret, entry.name);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setActive(0);
    onChange(next.text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (open) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const d = e.key === "ArrowDown" ? 1 : -1;
        setActive((current + d + matches.length) % matches.length);
        return;
      }
      if ((e.key === "Tab" && !e.shiftKey) || e.key === "Enter") {
        e.preventDefault();
        e.stopPropagation();
        insert(matches[current]!);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(value);
        return;
      }
    }
    props.onKeyDown?.(e);
  };

  const listId = `${id}-functions`;
  const optionId = (i: number) => `${id}-fn-${i}`;
  const popupStyle: CSSProperties = {
    position: "fixed",
    left: anchor?.left ?? 0,
    top: (anchor?.top ?? 0) + 2,
    zIndex: 1000,
    minWidth: 260,
    maxWidth: 480,
    background: "var(--pg-bar-bg, #fff)",
    color: "var(--pg-cell-fg, #000)",
    border: "1px solid var(--pg-grid-line, #c8c8c8)",
    boxShadow: "0 4px 12px rgba(0,0,0,0.25)",
    fontSize: 12,
    fontFamily: "system-ui, 'Microsoft YaHei', 'PingFang SC', sans-serif",
  };

  return (
    <>
      <input
        ref={ref}
        id={id}
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        value={value}
        readOnly={props.readOnly}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={syncCaret}
        onClick={syncCaret}
        onSelect={syncCaret}
        onFocus={() => {
          setFocused(true);
          syncCaret();
          props.onFocus?.();
        }}
        onBlur={(e) => {
          setFocused(false);
          props.onBlur?.(e);
        }}
        style={props.style}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={props.listLabel}
          data-function-list=""
          style={{
            ...popupStyle,
            listStyle: "none",
            margin: 0,
            padding: 2,
            maxHeight: 260,
            overflowY: "auto",
          }}
        >
          {matches.map((f, i) => (
            <li
              key={f.name}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus (and the edit) in the input
                insert(f);
              }}
              ref={(el) => {
                if (el && i === current && typeof el.scrollIntoView === "function")
                  el.scrollIntoView({ block: "nearest" });
              }}
              style={{
                display: "flex",
                gap: 8,
                padding: "3px 6px",
                cursor: "pointer",
                background: i === current ? "var(--pg-select, #107c41)" : "transparent",
                color: i === current ? "#fff" : "inherit",
                whiteSpace: "nowrap",
              }}
            >
              <span style={{ fontWeight: 600 }}>{f.name}</span>
              <span style={{ opacity: 0.85, overflow: "hidden", textOverflow: "ellipsis" }}>
                {f.description}
              </span>
            </li>
          ))}
        </ul>
      ) : callEntry && call ? (
        <div
          role="tooltip"
          data-function-hint=""
          style={{ ...popupStyle, padding: "3px 8px", whiteSpace: "nowrap" }}
        >
          {callEntry.name}(
          {callEntry.args.map((a, i) => (
            <span key={i}>
              {i > 0 ? ", " : ""}
              <span style={{ fontWeight: i === call.arg ? 700 : 400 }}>{a}</span>
            </span>
          ))}
          )
        </div>
      ) : null}
    </>
  );
}
