/** @jest-environment jsdom */
import "./jsdomPolyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Playground } from "../../src/playground/Playground";
import { SimWorkbook, installSimulator, uninstallSimulator } from "../../src/workbook";
import { cellAccess } from "../../src/playground/simAccess";
import { bindEvaluator } from "../../src/playground/formulaEval";
import { captureCustomFunctions } from "../../src/playground/customFunctions";
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
  const calls: string[] = [];
  const ui = render(
    <Playground
      view={wb.view}
      params={params}
      sample={params.sample}
      onSample={(s) => calls.push(`sample:${s}`)}
      onParam={(k, v) => calls.push(`${k}:${v}`)}
      paneRef={() => undefined}
      cellInput={cells.input}
    />,
  );
  return { wb, calls, ui };
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
});
