/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Grid } from "../../src/playground/Grid";
import { useViewVersion } from "../../src/playground/useViewVersion";
import type { GridView } from "../../src/playground/viewTypes";
import { FakeView } from "./fakeView";

function Harness({ view }: { view: GridView }) {
  const version = useViewVersion(view);
  return (
    <Grid
      view={view}
      sheet={view.activeSheetName()}
      version={version}
      label="Worksheet"
      fallbackSize={{ width: 800, height: 440 }}
    />
  );
}

describe("Grid", () => {
  it("renders only the visible window of a 100,000-row sheet", () => {
    const view = new FakeView({ Big: { rows: 100_001, cols: 9 } });
    const { container } = render(<Harness view={view} />);
    const cells = container.querySelectorAll('[role="gridcell"]');
    // 440px viewport − 22px header = 19 rows, plus overscan; 800px wide: 120 + 60*… columns, plus overscan.
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.length).toBeLessThan(400);
    expect(view.cellCalls).toBeLessThan(1000);
    expect(screen.getByText("r0c0")).toBeTruthy();
    expect(screen.queryByText("r5000c0")).toBeNull();
    // The spacer gives the scrollbar the full height: (100,001 + padding) rows of 22px + the header.
    const spacer = container.querySelector("[data-spacer]") as HTMLElement;
    expect(parseInt(spacer.style.height, 10)).toBeGreaterThanOrEqual(22 + 100_001 * 22);
    expect(screen.getByRole("grid").getAttribute("aria-rowcount")).toBe(String(100_011));
  });

  it("long text runs on into empty cells to its right, as Excel draws it; numbers and blocked text do not", () => {
    const title = "Credit Risk Summary: Invoices, as of 2026-12-01";
    const cells: Record<string, { text: string; align?: "left" | "right" }> = {
      "0:0": { text: title },
      "1:0": { text: title },
      "1:1": { text: "x" },
      "2:0": { text: "123456789012345678901234567890", align: "right" },
    };
    const view = new FakeView({
      S: { rows: 3, cols: 4, cell: (r, c) => cells[`${r}:${c}`] ?? { text: "" } },
    });
    const { container } = render(<Harness view={view} />);
    const at = (r: number, c: number) =>
      container.querySelector(`[data-row="${r}"][data-col="${c}"]`) as HTMLElement;
    // Row 1: B1, C1 … are empty, so the title spills over them (column A is 120 px, the others 60 px).
    expect(Number(at(0, 0).getAttribute("data-spill"))).toBeGreaterThanOrEqual(180);
    expect(at(0, 0).style.overflow).toBe("visible");
    // Row 2: B2 holds text, so the title is cut at A's edge with an ellipsis.
    expect(at(1, 0).getAttribute("data-spill")).toBeNull();
    expect(at(1, 0).style.textOverflow).toBe("ellipsis");
    // A right-aligned number never spills.
    expect(at(2, 0).getAttribute("data-spill")).toBeNull();
  });

  it("shows column letters and row numbers as headers", () => {
    const view = new FakeView({ S: { rows: 5, cols: 3 } });
    render(<Harness view={view} />);
    const cols = screen.getAllByRole("columnheader").map((e) => e.textContent);
    expect(cols.slice(0, 3)).toEqual(["A", "B", "C"]);
    const rows = screen.getAllByRole("rowheader").map((e) => e.textContent);
    expect(rows.slice(0, 3)).toEqual(["1", "2", "3"]);
  });

  it("renders the rows at the scroll position and the last row at the bottom", () => {
    const view = new FakeView({ Big: { rows: 100_001, cols: 4 } });
    render(<Harness view={view} />);
    const grid = screen.getByRole("grid");
    act(() => {
      grid.scrollTop = 100_011 * 22 - 418;
      fireEvent.scroll(grid);
    });
    expect(screen.getByText("r100000c0")).toBeTruthy();
    expect(screen.getByText("100001")).toBeTruthy();
    expect(screen.queryByText("r0c0")).toBeNull();
    expect(screen.getAllByRole("gridcell").length).toBeLessThan(400);
  });

  it("shows text, alignment, fill, colour, bold and data bars as styles", () => {
    const view = new FakeView({
      S: {
        rows: 2,
        cols: 2,
        cell: (r, c) =>
          r === 1 && c === 1
            ? {
                text: "1,200.50",
                align: "right",
                fill: "#FFC7CE",
                color: "#9C0006",
                bold: true,
                dataBar: { fraction: 0.5, color: "#638EC6" },
              }
            : { text: `<b>${r}${c}</b>` },
      },
    });
    const { container } = render(<Harness view={view} />);
    const cell = screen.getByText("1,200.50").parentElement as HTMLElement;
    expect(cell.style.textAlign).toBe("right");
    expect(cell.style.background).toMatch(/rgb\(255, 199, 206\)|#FFC7CE/i);
    expect(cell.style.color).toMatch(/rgb\(156, 0, 6\)|#9C0006/i);
    expect(cell.style.fontWeight).toBe("700");
    const bar = cell.querySelector("[data-databar]") as HTMLElement;
    expect(bar.style.width).toContain("50%");
    // Workbook text is escaped: no <b> element is created from cell content.
    expect(screen.getByText("<b>00</b>")).toBeTruthy();
    expect(container.querySelector("[data-cells] b")).toBeNull();
  });

  it("selects a clicked cell and moves the selection with arrow keys", () => {
    const view = new FakeView({ S: { rows: 10, cols: 5 } });
    render(<Harness view={view} />);
    fireEvent.mouseDown(screen.getByText("r2c1"));
    expect(view.sel).toMatchObject({ sheet: "S", row: 2, col: 1 });
    expect(screen.getByText("r2c1").parentElement!.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("grid").dataset.selected).toBe("B3");
    const grid = screen.getByRole("grid");
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    expect(view.sel).toMatchObject({ row: 3, col: 2 });
    fireEvent.keyDown(grid, { key: "ArrowUp" });
    fireEvent.keyDown(grid, { key: "ArrowUp" });
    fireEvent.keyDown(grid, { key: "ArrowUp" });
    fireEvent.keyDown(grid, { key: "ArrowUp" });
    fireEvent.keyDown(grid, { key: "ArrowLeft" });
    expect(view.sel).toMatchObject({ row: 0, col: 1 });
  });

  it("re-renders when the view notifies and unsubscribes on unmount", () => {
    let text = "before";
    const view = new FakeView({ S: { rows: 1, cols: 1, cell: () => ({ text }) } });
    const { unmount } = render(<Harness view={view} />);
    expect(screen.getByText("before")).toBeTruthy();
    text = "after";
    act(() => view.emit());
    expect(screen.getByText("after")).toBeTruthy();
    expect(view.listenerCount()).toBe(1);
    unmount();
    expect(view.listenerCount()).toBe(0);
  });
});
