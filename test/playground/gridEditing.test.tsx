/** @jest-environment jsdom */
/**
 * The grid as Excel's keyboard uses it (src/playground/Grid.tsx): typing in a cell edits it, Enter commits and moves
 * down, Esc cancels, F2 edits the content, Tab leaves the grid at its last column, a focus outline while focused,
 * the error indicator with a custom function's message, a selection made elsewhere scrolled into view, and the
 * sheet's charts drawn as bars from their series.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { Grid } from "../../src/playground/Grid";
import { useViewVersion } from "../../src/playground/useViewVersion";
import type { ChartDraw, EditState, GridView } from "../../src/playground/viewTypes";
import { FakeView } from "./fakeView";

/** The grid with the edit state held by its parent, as the playground page holds it. */
function Harness(props: {
  view: GridView;
  cellError?: (row: number, col: number) => string | undefined;
  onEditChange?: (e: EditState | null) => void;
}) {
  const { view } = props;
  const version = useViewVersion(view);
  const [edit, setEdit] = useState<EditState | null>(null);
  return (
    <Grid
      view={view}
      sheet={view.activeSheetName()}
      version={version}
      label="Worksheet"
      fallbackSize={{ width: 800, height: 440 }}
      edit={edit}
      onEdit={(e) => {
        setEdit(e);
        props.onEditChange?.(e);
      }}
      onCommit={(e) => view.setCellInput?.(e.sheet, e.row, e.col, e.draft)}
      cellError={props.cellError}
    />
  );
}

function setup(sheet = { rows: 5, cols: 3 }) {
  const view = new FakeView({ S: sheet });
  const utils = render(<Harness view={view} />);
  const grid = screen.getByRole("grid");
  act(() => view.select("S", 1, 1));
  act(() => grid.focus());
  return { view, grid, ...utils };
}

const editor = () => screen.queryByRole("combobox", { name: "Cell editor" }) as HTMLInputElement | null;

describe("Grid: editing in the cell", () => {
  it("a typed character opens the cell editor with that character; Enter commits and moves down", () => {
    const { view, grid } = setup();
    fireEvent.keyDown(grid, { key: "7" });
    expect(editor()?.value).toBe("7");
    expect(document.activeElement).toBe(editor());
    fireEvent.change(editor()!, { target: { value: "75" } });
    fireEvent.keyDown(editor()!, { key: "Enter" });
    expect(view.inputs).toEqual([{ sheet: "S", row: 1, col: 1, input: "75" }]);
    expect(editor()).toBeNull();
    expect(grid.dataset.selected).toBe("B3");
    expect(document.activeElement).toBe(grid);
  });

  it("Esc cancels: nothing is written and the selection stays", () => {
    const { view, grid } = setup();
    fireEvent.keyDown(grid, { key: "x" });
    fireEvent.keyDown(editor()!, { key: "Escape" });
    expect(editor()).toBeNull();
    expect(view.inputs).toEqual([]);
    expect(grid.dataset.selected).toBe("B2");
    expect(document.activeElement).toBe(grid);
  });

  it("F2 edits the cell's content; Tab commits and moves right, Shift+Enter up", () => {
    const { view, grid } = setup();
    fireEvent.keyDown(grid, { key: "F2" });
    expect(editor()?.value).toBe("r1c1");
    fireEvent.change(editor()!, { target: { value: "r1c1!" } });
    fireEvent.keyDown(editor()!, { key: "Tab" });
    expect(view.inputs).toEqual([{ sheet: "S", row: 1, col: 1, input: "r1c1!" }]);
    expect(grid.dataset.selected).toBe("C2");
    fireEvent.keyDown(grid, { key: "F2" });
    fireEvent.keyDown(editor()!, { key: "Enter", shiftKey: true });
    expect(grid.dataset.selected).toBe("C1");
  });

  it("in Enter mode an arrow key commits a constant and moves; in a formula it stays in the editor", () => {
    const { view, grid } = setup();
    fireEvent.keyDown(grid, { key: "5" });
    fireEvent.keyDown(editor()!, { key: "ArrowRight" });
    expect(view.inputs).toEqual([{ sheet: "S", row: 1, col: 1, input: "5" }]);
    expect(grid.dataset.selected).toBe("C2");
    fireEvent.keyDown(grid, { key: "=" });
    fireEvent.keyDown(editor()!, { key: "ArrowLeft" });
    expect(editor()?.value).toBe("=");
  });

  it("double-click edits; Backspace starts an empty edit", () => {
    const { grid } = setup();
    fireEvent.doubleClick(screen.getByText("r2c0"));
    expect(editor()?.value).toBe("r2c0");
    fireEvent.keyDown(editor()!, { key: "Escape" });
    fireEvent.keyDown(grid, { key: "Backspace" });
    expect(editor()?.value).toBe("");
  });

  it("typing =AR. in the cell lists the add-in's functions with their help", () => {
    const view = new FakeView({ S: { rows: 3, cols: 3 } });
    render(
      <Grid
        view={view}
        sheet="S"
        version={0}
        label="Worksheet"
        fallbackSize={{ width: 800, height: 440 }}
        edit={{ sheet: "S", row: 0, col: 0, draft: "=AR.", surface: "cell", mode: "enter" }}
        onEdit={() => undefined}
        functions={[
          { name: "AR.DUEDATE", description: "Due date of an invoice.", args: ["invoice_date", "terms"] },
          { name: "VLOOKUP", description: "Looks up a value.", args: [] },
        ]}
      />,
    );
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["AR.DUEDATEDue date of an invoice."]);
  });
});

describe("Grid: leaving and focus", () => {
  it("Tab on the last column and Shift+Tab on column A are left to the browser (the focus leaves the grid)", () => {
    const { view, grid } = setup({ rows: 3, cols: 1 });
    const lastCol = Number(grid.getAttribute("aria-colcount")) - 1;
    act(() => view.select("S", 0, lastCol));
    expect(fireEvent.keyDown(grid, { key: "Tab" })).toBe(true); // not prevented
    act(() => view.select("S", 0, 0));
    expect(fireEvent.keyDown(grid, { key: "Tab", shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(grid, { key: "Tab" })).toBe(false); // inside: moves right
    expect(grid.dataset.selected).toBe("B1");
  });

  it("draws a focus outline only while the grid has the focus", () => {
    const { grid } = setup();
    const ring = () => document.querySelector<HTMLElement>("[data-focus-ring]");
    expect(grid.dataset.focused).toBe("");
    expect(ring()?.style.boxShadow).toContain("inset 0 0 0 2px");
    // Drawn over the cells: a sibling above the scrolling grid, not a shadow under its positioned cells.
    expect(Number(ring()?.style.zIndex)).toBeGreaterThan(6);
    act(() => grid.blur());
    expect(grid.dataset.focused).toBeUndefined();
    expect(ring()).toBeNull();
  });
});

describe("Grid: error indicator", () => {
  it("shows the selected cell's error message, and Alt+Shift+F10 opens it", () => {
    const view = new FakeView({ S: { rows: 3, cols: 2 } });
    render(
      <Harness
        view={view}
        cellError={(r, c) => (r === 1 && c === 1 ? "Terms not recognised: 'Net thirty'" : undefined)}
      />,
    );
    const grid = screen.getByRole("grid");
    act(() => view.select("S", 0, 0));
    expect(screen.queryByRole("button", { name: "Error message" })).toBeNull();
    act(() => view.select("S", 1, 1));
    const flag = screen.getByRole("button", { name: "Error message" });
    expect(screen.queryByRole("tooltip")).toBeNull();
    fireEvent.keyDown(grid, { key: "F10", altKey: true, shiftKey: true });
    expect(screen.getByRole("tooltip").textContent).toBe("Terms not recognised: 'Net thirty'");
    expect(flag.getAttribute("aria-expanded")).toBe("true");
    // The message is also the grid's accessible description, so a screen reader reads it on selection.
    const ids = grid.getAttribute("aria-describedby")!.split(" ");
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toContain(
      "Terms not recognised: 'Net thirty'",
    );
  });
});

describe("Grid: a selection made elsewhere is scrolled into view", () => {
  it("selecting row 5,000 (as Range.select() from the pane) scrolls the grid to it", () => {
    const view = new FakeView({ Big: { rows: 10_000, cols: 3 } });
    render(<Harness view={view} />);
    const grid = screen.getByRole("grid");
    expect(screen.queryByText("r5000c1")).toBeNull();
    act(() => view.select("Big", 5000, 1));
    // Brought a third of the way down a 418 px body: (5000 × 22) − floor(418 / 3).
    expect(grid.scrollTop).toBe(5000 * 22 - 139);
    expect(screen.getByText("r5000c1")).toBeTruthy();
  });

  it("a selection already visible does not scroll", () => {
    const view = new FakeView({ S: { rows: 100, cols: 3 } });
    render(<Harness view={view} />);
    const grid = screen.getByRole("grid");
    act(() => view.select("S", 5, 1));
    expect(grid.scrollTop).toBe(0);
  });
});

describe("Grid: charts", () => {
  it("draws a chart area with one bar per category and series value, and a legend", () => {
    const chart: ChartDraw = {
      id: "c1",
      name: "Aging",
      type: "ColumnClustered",
      title: "Open balance by aging bucket",
      categoryTitle: "",
      valueTitle: "",
      legend: { visible: true, position: "Bottom" },
      box: { x0: 4, y0: 1, x1: 9, y1: 15 },
      categories: ["Current", "1-30", "31-60"],
      series: [
        { name: "Open balance", values: [1000, 500, null] },
        { name: "Overdue", values: [0, 200, 300] },
      ],
    };
    const view = new FakeView({ S: { rows: 20, cols: 3 } });
    (view as unknown as { charts: () => ChartDraw[] }).charts = () => [chart];
    const { container } = render(<Harness view={view} />);
    const box = container.querySelector('[data-chart-box="Aging"]')!;
    expect(box).toBeTruthy();
    expect(box.textContent).toContain("Open balance by aging bucket");
    for (const c of chart.categories) expect(box.textContent).toContain(c);
    expect(box.textContent).toContain("Overdue");
    // Bars for the 5 non-null values (a zero value draws a zero-height bar, still present).
    expect(box.querySelectorAll("[data-bar]").length).toBe(5);
  });
});
