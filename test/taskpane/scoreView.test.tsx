/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AS_OF, SAMPLE_RESULT, fakeServices, renderPane } from "./fakes";
import { paneStrings } from "../../src/taskpane/strings";
import { requestScoreFromRibbon, resetCommandsBridge } from "../../src/taskpane/commandsBridge";
import { serialFromYmd } from "../../src/engine/serial";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

afterEach(() => resetCommandsBridge());

describe("Score view", () => {
  test("renders in English and Chinese", async () => {
    const a = renderPane(fakeServices(), "en-US");
    expect(await screen.findByRole("heading", { level: 2, name: en.scoreHeading })).toBeTruthy();
    expect(screen.getByRole("button", { name: en.scoreButton })).toBeTruthy();
    expect(screen.getByRole("tab", { name: en.tabCustomers })).toBeTruthy();
    a.unmount();
    renderPane(fakeServices(), "zh-CN");
    expect(await screen.findByRole("heading", { level: 2, name: zh.scoreHeading })).toBeTruthy();
    expect(screen.getByRole("tab", { name: zh.tabPolicy })).toBeTruthy();
    expect(screen.getByLabelText(zh.asOfLabel)).toBeTruthy();
  });

  test("click Score → progress → KPI cards, aging chart and issues", async () => {
    const services = fakeServices();
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect(services.calls.score).toHaveLength(1);
    const request = services.calls.score[0];
    expect(request.asOf).toBe(AS_OF);
    expect(request.lang).toBe("en-US");
    act(() => request.onProgress({ fraction: 0.4, message: { en: "Writing results", zh: "正在写入结果" } }));
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByText("Writing results")).toBeTruthy();
    await act(async () => services.finish());
    const kpis = await screen.findByRole("list", { name: en.kpiHeading });
    const items = within(kpis).getAllByRole("listitem");
    expect(items).toHaveLength(7);
    expect(kpis.textContent).toContain(en.kpiExposure);
    expect(within(kpis).getByText(en.kpiCredit).parentElement!.textContent).toContain("1,250");
    expect(kpis.textContent).toContain("150,000");
    expect(kpis.textContent).toContain("20.0%");
    expect(kpis.textContent).toContain("4,321");
    expect(screen.queryByRole("progressbar")).toBeNull();
    const chart = screen.getByRole("list", { name: en.agingChartLabel });
    expect(within(chart).getAllByRole("listitem")).toHaveLength(5);
    expect(within(chart).getByLabelText("91+: 30,000 (20%)")).toBeTruthy();
    // issue click selects the cell
    fireEvent.click(screen.getByRole("button", { name: /Select cell Invoices!C9/ }));
    await waitFor(() => expect(services.calls.selectCell).toEqual(["Invoices!C9"]));
  });

  test("Cancel aborts the run", async () => {
    const services = fakeServices();
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    const cancel = await screen.findByRole("button", { name: en.cancel });
    fireEvent.click(cancel);
    expect(services.calls.score[0].signal.aborted).toBe(true);
    expect(await screen.findByText(en.cancelled)).toBeTruthy();
  });

  test("the as-of date converts to a serial without time-zone drift; bad dates disable Score", async () => {
    const services = fakeServices();
    renderPane(services);
    const input = (await screen.findByLabelText(en.asOfLabel)) as HTMLInputElement;
    expect(input.value).toBe("2025-03-31");
    fireEvent.change(input, { target: { value: "2024-02-29" } });
    const button = screen.getByRole("button", { name: en.scoreButton }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    expect(services.calls.score[0].asOf).toBe(serialFromYmd(2024, 2, 29));
    await act(async () => services.finish());
    fireEvent.change(input, { target: { value: "" } });
    expect(await screen.findByText(en.asOfInvalid)).toBeTruthy();
    expect(button.disabled).toBe(true);
  });

  test("changing a mapping dropdown saves the mapping and the next run uses it", async () => {
    const services = fakeServices();
    renderPane(services);
    const select = (await screen.findByLabelText(/^Amount/)) as HTMLSelectElement;
    expect(select.value).toBe("3");
    fireEvent.change(select, { target: { value: "4" } });
    await waitFor(() =>
      expect(services.calls.saveMapping).toEqual([{ customer: 0, invoiceNo: 1, dueDate: 2, amount: 4 }]),
    );
    expect(await screen.findByText(en.mappingSavedNote)).toBeTruthy();
    // moving Due Date onto the customer column unmaps the customer (one role per column)
    fireEvent.change(screen.getByLabelText(/^Due Date/), { target: { value: "0" } });
    await waitFor(() =>
      expect(services.calls.saveMapping[1]).toEqual({ invoiceNo: 1, dueDate: 0, amount: 4 }),
    );
    expect(await screen.findByText(/Customer|customer/, { selector: ".fui-MessageBarBody" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.scoreButton }));
    expect(services.calls.score[0].mapping).toEqual({ invoiceNo: 1, dueDate: 0, amount: 4 });
  });

  test("needsMapping opens the columns and asks to confirm; blocked and failed show their message", async () => {
    const services = fakeServices({ mapping: null });
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await act(async () =>
      services.finish({
        status: "needsMapping",
        mapping: {
          sheet: "Invoices",
          columns: [
            { index: 0, letter: "A", header: "Client" },
            { index: 1, letter: "B", header: "Due" },
            { index: 2, letter: "C", header: "Total" },
          ],
          mapping: { customer: 0, dueDate: 1, amount: 2 },
          saved: false,
          problems: [],
          notes: [],
        },
      }),
    );
    expect(await screen.findByText(en.mappingNeeded)).toBeTruthy();
    const confirm = screen.getByRole("button", { name: en.mappingConfirm });
    fireEvent.click(confirm);
    expect(services.calls.score).toHaveLength(2);
    expect(services.calls.score[1].mapping).toEqual({ customer: 0, dueDate: 1, amount: 2 });
    await act(async () =>
      services.finish({
        status: "blocked",
        message: { en: "H2 already contains data.", zh: "H2 已有数据。" },
      }),
    );
    expect(await screen.findByText(en.blockedTitle)).toBeTruthy();
    expect(screen.getByText("H2 already contains data.")).toBeTruthy();
  });

  test("no header row: the message says so and Score waits", async () => {
    const services = fakeServices({ mapping: null });
    renderPane(services, "zh-CN");
    const button = await screen.findByRole("button", { name: zh.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await act(async () =>
      services.finish({
        status: "needsMapping",
        mapping: {
          sheet: "Sheet1",
          columns: [],
          mapping: {},
          saved: false,
          problems: [{ en: en.noHeaderRow, zh: zh.noHeaderRow }],
          notes: [],
        },
      }),
    );
    expect(await screen.findByText(zh.noHeaderRow)).toBeTruthy();
    expect((screen.getByRole("button", { name: zh.mappingConfirm }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  test("keyboard: Tab reaches the Score button and Enter starts a run", async () => {
    const user = userEvent.setup();
    const services = fakeServices();
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    let guard = 0;
    while (document.activeElement !== button && guard++ < 40) await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard("{Enter}");
    expect(services.calls.score).toHaveLength(1);
  });

  test("the ribbon request starts a run", async () => {
    const services = fakeServices();
    renderPane(services);
    await screen.findByRole("button", { name: en.scoreButton });
    act(() => requestScoreFromRibbon());
    await waitFor(() => expect(services.calls.score).toHaveLength(1));
    await act(async () => services.finish({ status: "done", result: SAMPLE_RESULT }));
    expect(await screen.findByRole("list", { name: en.kpiHeading })).toBeTruthy();
  });

  test("Clear results calls the service and removes the result", async () => {
    const services = fakeServices({ autoFinish: { status: "done", result: SAMPLE_RESULT } });
    renderPane(services);
    const button = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await screen.findByRole("list", { name: en.kpiHeading });
    fireEvent.click(screen.getByRole("button", { name: en.clearResults }));
    expect(await screen.findByText(en.cleared)).toBeTruthy();
    expect(services.calls.clear).toBe(1);
    expect(screen.queryByRole("list", { name: en.kpiHeading })).toBeNull();
  });
});
