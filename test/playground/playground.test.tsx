/** @jest-environment jsdom */
import "./jsdomPolyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Playground } from "../../src/playground/Playground";
import { SimWorkbook, installSimulator, uninstallSimulator } from "../../src/workbook";
import { cellAccess } from "../../src/playground/simAccess";
import { bindEvaluator } from "../../src/playground/formulaEval";
import {
  DATE_RESULT_IDS,
  FUNCTION_NAMESPACE,
  captureCustomFunctions,
} from "../../src/playground/customFunctions";
import { registerCustomFunctions } from "../../src/functions/register";
import { englishSample } from "../../src/playground/samples";
import { applySheetLayout } from "../../src/playground/sampleLayout";
import type { PlaygroundParams } from "../../src/playground/params";
import { DEFAULT_PROFILE } from "../../src/workbook";

const EN: PlaygroundParams = { lang: "en-US", theme: "light", sample: "en", profile: DEFAULT_PROFILE };

function setup(params: PlaygroundParams = EN) {
  const wb = new SimWorkbook({ displayLanguage: params.lang });
  installSimulator(wb, globalThis);
  const registry = captureCustomFunctions(globalThis as never);
  registerCustomFunctions();
  const cells = cellAccess(wb);
  cells.setEvaluator(bindEvaluator(cells.value, registry.lookup, () => 46000));
  // As src/playground/index.tsx: the add-in's date functions take Excel's date autoformat.
  for (const id of DATE_RESULT_IDS) wb.model.dateResultFunctions.add(`${FUNCTION_NAMESPACE}.${id}`);
  const calls: string[] = [];
  let pane: HTMLElement | null = null;
  const ui = render(
    <Playground
      view={wb.view}
      params={params}
      sample={params.sample}
      onSample={(s) => calls.push(`sample:${s}`)}
      onParam={(k, v) => calls.push(`${k}:${v}`)}
      paneRef={(el) => (pane = el)}
      cellInput={cells.input}
      errorMessage={cells.errorMessage}
    />,
  );
  return { wb, calls, ui, pane: () => pane };
}

afterEach(() => uninstallSimulator(globalThis));

describe("Playground page on the simulator", () => {
  it("evaluates AR.* formulas through the registered functions", () => {
    const { wb } = setup();
    act(() =>
      wb.loadWorkbook([
        {
          name: "F",
          values: [
            [
              45672,
              '=AR.DUEDATE(A1,"Net 30")',
              '=AR.DUEDATE(A1,"bogus")',
              "=A1+B1",
              "=TODAY()",
              "=AR.NOPE(1)",
            ],
          ],
        },
      ]),
    );
    expect(wb.getValues("F")[0]).toEqual([45672, 45702, "#VALUE!", 45672 + 45702, 46000, "#NAME?"]);
    expect(screen.getByText("45702")).toBeTruthy();
  });

  it("shows the selected cell's formula in the formula bar and edits through it", () => {
    const { wb } = setup();
    act(() => wb.loadWorkbook([{ name: "F", values: [[45672, '=AR.DUEDATE(A1,"Net 30")']] }]));
    fireEvent.mouseDown(screen.getByText("45702"));
    expect(screen.getByLabelText("Selected cell").textContent).toBe("B1");
    const bar = screen.getByLabelText("Formula bar") as HTMLInputElement;
    expect(bar.value).toBe('=AR.DUEDATE(A1,"Net 30")');
    fireEvent.change(bar, { target: { value: '=AR.DUEDATE(A1,"Net 60")' } });
    fireEvent.keyDown(bar, { key: "Enter" });
    expect(wb.getValues("F")[0][1]).toBe(45732);
    expect(screen.getByLabelText("Selected cell").textContent).toBe("B2");
  });

  it("lists sheet tabs, activates on click, and forwards the switches", () => {
    const { wb, calls } = setup();
    act(() => wb.loadWorkbook(englishSample()));
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual(["Invoices", "Customers", "Rates"]);
    fireEvent.click(screen.getByRole("tab", { name: "Customers" }));
    expect(wb.view.activeSheetName()).toBe("Customers");
    expect(screen.getByText("Credit Limit")).toBeTruthy();
    fireEvent.change(screen.getByTestId("sample-picker"), { target: { value: "large" } });
    fireEvent.change(screen.getByTestId("lang-switch"), { target: { value: "zh-CN" } });
    fireEvent.change(screen.getByTestId("theme-switch"), { target: { value: "dark" } });
    expect(calls).toEqual(["sample:large", "lang:zh-CN", "theme:dark"]);
  });

  it("applies sample widths and a bold header through the simulated Excel API", async () => {
    const { wb } = setup();
    const sheets = englishSample();
    act(() => wb.loadWorkbook(sheets));
    await act(() => applySheetLayout(sheets));
    expect(wb.view.columnWidth("Invoices", 0)).toBe(150);
    expect(wb.view.cell("Invoices", 0, 0).bold).toBe(true);
    expect(wb.view.cell("Invoices", 1, 0).bold).toBeFalsy();
    expect(wb.view.cell("Invoices", 1, 2).text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(wb.stats().syncs).toBe(1);
  });

  it("sizes the task pane from ?pane= (default 350 px)", () => {
    const { ui } = setup({ ...EN, paneWidth: 320 });
    expect((ui.container.querySelector("[data-taskpane]") as HTMLElement).style.width).toBe("320px");
    ui.unmount();
    setup();
    expect((document.querySelector("[data-taskpane]") as HTMLElement).style.width).toBe("350px");
  });

  it("shows Chinese UI strings under zh-CN", () => {
    setup({ lang: "zh-CN", theme: "dark", sample: "zh", profile: { platform: "web", excelApi: "1.9" } });
    expect(screen.getByText(/演练场/)).toBeTruthy();
    expect(screen.getByTestId("host-profile").textContent).toBe("网页版 Excel · ExcelApi 1.9");
    expect(screen.getByLabelText("编辑栏")).toBeTruthy();
    expect(document.querySelector('[data-theme="dark"]')).toBeTruthy();
  });

  it("Esc in the formula bar cancels: nothing is written", () => {
    const { wb } = setup();
    act(() => wb.loadWorkbook([{ name: "F", values: [[11, 2222]] }]));
    fireEvent.mouseDown(screen.getByText("2222"));
    const bar = screen.getByLabelText("Formula bar") as HTMLInputElement;
    act(() => bar.focus());
    fireEvent.change(bar, { target: { value: "99" } });
    fireEvent.keyDown(bar, { key: "Escape" });
    expect(wb.getValues("F")[0]).toEqual([11, 2222]);
    expect(document.activeElement).toBe(screen.getByRole("grid"));
    expect(bar.value).toBe("2222");
  });

  it("typing in a cell enters a formula: an AR. date function shows a date (Excel's date autoformat)", () => {
    const { wb } = setup();
    act(() => wb.loadWorkbook([{ name: "F", values: [[45672]] }]));
    const grid = screen.getByRole("grid");
    act(() => wb.view.select("F", 0, 1));
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: "=" });
    const editor = screen.getByRole("combobox", { name: "Cell editor" }) as HTMLInputElement;
    fireEvent.change(editor, { target: { value: '=AR.DUEDATE(A1,"Net 30")' } });
    fireEvent.keyDown(editor, { key: "Enter" });
    expect(wb.getValues("F")[0]).toEqual([45672, 45702]);
    // 45702 is 2025-02-14; en-US short date m/d/yyyy. A1 itself (loaded, General) stays a number.
    expect(screen.getByText("2/14/2025")).toBeTruthy();
    expect(screen.getByText("45672")).toBeTruthy();
    expect(screen.getByLabelText("Selected cell").textContent).toBe("B2");
  });

  it("the number-format picker formats the selection and shows the active cell's category", () => {
    const { wb } = setup();
    act(() => wb.loadWorkbook([{ name: "F", values: [[1234.5, 0.25]] }]));
    fireEvent.mouseDown(screen.getByText("1234.5"));
    const picker = screen.getByLabelText("Number format") as HTMLSelectElement;
    expect(picker.value).toBe("general");
    fireEvent.change(picker, { target: { value: "number" } });
    expect(screen.getByText("1,234.50")).toBeTruthy();
    expect(picker.value).toBe("number");
    fireEvent.mouseDown(screen.getByText("0.25"));
    fireEvent.change(picker, { target: { value: "percent" } });
    expect(screen.getByText("25.00%")).toBeTruthy();
    // The value is unchanged: a format only changes what is shown.
    expect(wb.getValues("F")[0]).toEqual([1234.5, 0.25]);
  });

  it("a cell whose custom function threw shows the function's message in its error indicator", () => {
    const { wb } = setup();
    act(() => wb.loadWorkbook([{ name: "F", values: [[45672, '=AR.DUEDATE(A1,"bogus")', "=1/0"]] }]));
    fireEvent.mouseDown(screen.getByText("#VALUE!"));
    fireEvent.click(screen.getByRole("button", { name: "Error message" }));
    const message = screen.getByRole("tooltip").textContent ?? "";
    // The function's own message (it names the terms), not Excel's generic #VALUE! help.
    expect(message).toContain("bogus");
    fireEvent.mouseDown(screen.getByText("#DIV/0!"));
    fireEvent.click(screen.getByRole("button", { name: "Error message" }));
    expect(screen.getByRole("tooltip").textContent).not.toContain("bogus");
  });

  it("F6 / Shift+F6 / Ctrl+F6 move the focus between the grid, the task pane and the top bar", () => {
    const { pane } = setup();
    const button = document.createElement("button");
    button.textContent = "Score this sheet";
    pane()!.appendChild(button);
    const grid = screen.getByRole("grid");
    // The top bar's first control that can take focus: Open… (its file input is display:none, so skipped).
    const sample = screen.getByTestId("open-button");
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: "F6" });
    expect(document.activeElement).toBe(button);
    fireEvent.keyDown(button, { key: "F6", shiftKey: true });
    expect(document.activeElement).toBe(grid);
    fireEvent.keyDown(grid, { key: "F6", ctrlKey: true });
    expect(document.activeElement).toBe(button);
    fireEvent.keyDown(button, { key: "F6" });
    expect(document.activeElement).toBe(sample);
    fireEvent.keyDown(sample, { key: "F6" });
    expect(document.activeElement).toBe(grid);
  });
});
