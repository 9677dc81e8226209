/** @jest-environment jsdom */
/**
 * Spec §1 v2 in the pane: the first click scores when detection is certain and the pane shows the columns it used
 * with "Change columns"; it asks first only when unsure, saying why. Clear results is offered whenever the workbook
 * holds our output (read from the workbook: after a reload or a cancel too). The mapping heading follows the
 * active sheet. Focus stays with the control that started an action.
 */
import "./setup";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MappingInfo } from "../../src/taskpane/services";
import { paneStrings } from "../../src/taskpane/strings";
import { SAMPLE_MAPPING, SAMPLE_RESULT, fakeServices, renderPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

jest.setTimeout(30_000);

async function scoreButton(name = en.scoreButton): Promise<HTMLButtonElement> {
  const button = (await screen.findByRole("button", { name })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

test("a certain detection scores at once and shows the columns used with Change columns", async () => {
  const services = fakeServices({
    autoFinish: { status: "done", result: SAMPLE_RESULT, mapping: { ...SAMPLE_MAPPING, askReasons: [] } },
  });
  renderPane(services);
  fireEvent.click(await scoreButton());
  await screen.findByRole("list", { name: en.kpiHeading });
  expect(services.calls.score).toHaveLength(1);
  expect(services.calls.score[0].mapping).toBeUndefined();
  const used = document.querySelector("[data-mapping-used]")!;
  expect(used.getAttribute("data-mapping-used")).toBe("detected");
  expect(used.textContent).toContain(
    "Scored with the columns detected on Invoices: Customer A, Invoice No. B, Due Date C, Amount D.",
  );
  // The panel is closed after the run; Change columns opens it on the first dropdown.
  expect(screen.queryByLabelText(/^Amount/)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: en.changeColumns }));
  const amount = (await screen.findByLabelText(/^Amount/)) as HTMLSelectElement;
  expect(amount.value).toBe("3");
  expect(screen.queryByRole("button", { name: en.changeColumns })).toBeNull();
});

test("an unsure detection asks first and says why, in Chinese too", async () => {
  const ask: MappingInfo = {
    ...SAMPLE_MAPPING,
    askReasons: [
      { en: 'Customer was guessed from the header "Client ref": check it.', zh: "客户是根据列标题推测的。" },
    ],
  };
  const services = fakeServices({ autoFinish: { status: "needsMapping", mapping: ask } });
  renderPane(services, "zh-CN");
  fireEvent.click(await scoreButton(zh.scoreButton));
  const bar = await waitFor(() => {
    const el = document.querySelector("[data-mapping-ask]");
    expect(el).not.toBeNull();
    return el!;
  });
  expect(bar.textContent).toContain(zh.mappingNeeded);
  expect(bar.textContent).toContain(zh.mappingAskWhy);
  expect(bar.textContent).toContain("客户是根据列标题推测的。");
  expect(await screen.findByRole("button", { name: zh.mappingConfirm })).toBeTruthy();
});

test("Clear results is offered when the workbook holds our output, before any run of this pane", async () => {
  const services = { ...fakeServices(), resultsInWorkbook: jest.fn(async () => true) };
  renderPane(services);
  const clear = await screen.findByRole("button", { name: en.clearResults });
  services.resultsInWorkbook.mockResolvedValue(false);
  fireEvent.click(clear);
  await screen.findByText(en.cleared);
  expect(services.calls.clear).toBe(1);
  await waitFor(() => expect(screen.queryByRole("button", { name: en.clearResults })).toBeNull());
});

test("after a cancel the pane asks the workbook again and offers Clear only if output is left", async () => {
  const base = fakeServices();
  let left = false;
  const services = { ...base, resultsInWorkbook: jest.fn(async () => left) };
  renderPane(services);
  fireEvent.click(await scoreButton());
  expect(screen.queryByRole("button", { name: en.clearResults })).toBeNull();
  // The host's rollback failed to remove everything (say): the workbook says so, the pane offers Clear.
  left = true;
  fireEvent.click(screen.getByRole("button", { name: en.cancel }));
  expect(await screen.findByText(en.cancelled)).toBeTruthy();
  expect(await screen.findByRole("button", { name: en.clearResults })).toBeTruthy();
});

test("the mapping heading follows the active sheet", async () => {
  let sheet = "Invoices";
  let notify: () => void = () => undefined;
  const base = fakeServices();
  const services = {
    ...base,
    readMapping: async () => ({ ...SAMPLE_MAPPING, sheet }),
    onActiveSheetChanged: async (listener: () => void) => {
      notify = listener;
      return () => undefined;
    },
  };
  renderPane(services);
  expect(await screen.findByText(/Columns · Invoices/)).toBeTruthy();
  sheet = "March";
  act(() => notify());
  expect(await screen.findByText(/Columns · March/)).toBeTruthy();
  expect(screen.queryByText(/Columns · Invoices/)).toBeNull();
});

test("keyboard: Enter on the Score button keeps focus on it through the run and after Cancel", async () => {
  const user = userEvent.setup();
  const services = fakeServices();
  renderPane(services);
  const button = await scoreButton();
  button.focus();
  await user.keyboard("{Enter}");
  expect(services.calls.score).toHaveLength(1);
  expect(document.activeElement).toBe(button);
  expect(button.getAttribute("aria-disabled")).toBe("true");
  // Cancel by keyboard: Cancel goes away, focus returns to the button that started the run.
  await user.tab();
  expect(document.activeElement?.textContent).toBe(en.cancel);
  await user.keyboard("{Enter}");
  await screen.findByText(en.cancelled);
  await waitFor(() => expect(document.activeElement).toBe(button));
});
