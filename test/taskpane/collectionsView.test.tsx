/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CollectionsView } from "../../src/taskpane/views/CollectionsView";
import { paneStrings } from "../../src/taskpane/strings";
import { SAMPLE_RESULT, renderInPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

function card(customer: string): HTMLElement {
  return document.querySelector(`article[data-customer="${customer}"]`) as HTMLElement;
}

describe("Collections view", () => {
  test("groups overdue customers by dunning stage, in English and Chinese", () => {
    const a = renderInPane(<CollectionsView result={SAMPLE_RESULT} />);
    expect(screen.getByRole("heading", { level: 2, name: en.collectionsHeading })).toBeTruthy();
    const stages = [...document.querySelectorAll("[data-stage]")].map((e) => e.getAttribute("data-stage"));
    expect(stages).toEqual(["finalNotice", "reminder"]);
    expect(screen.getByRole("heading", { level: 3, name: `${en.stage_finalNotice} (1)` })).toBeTruthy();
    a.unmount();
    renderInPane(<CollectionsView result={SAMPLE_RESULT} />, "zh-CN");
    expect(screen.getByRole("heading", { level: 3, name: `${zh.stage_reminder} (1)` })).toBeTruthy();
    // the message follows the pane language by default
    const text = within(card("Acme Ltd")).getByRole("textbox") as HTMLTextAreaElement;
    expect(text.value).toContain("最终催款通知");
    expect(text.value).toContain("逾期45天");
  });

  test("the message lists invoice numbers and amounts; language can be switched", () => {
    renderInPane(<CollectionsView result={SAMPLE_RESULT} />);
    const acme = card("Acme Ltd");
    const text = within(acme).getByRole("textbox", {
      name: en.messageFor.replace("{customer}", "Acme Ltd"),
    }) as HTMLTextAreaElement;
    expect(text.value).toContain("INV-1001");
    expect(text.value).toContain("20,000.00");
    expect(text.value).toContain("INV-1004");
    expect(acme.textContent).toContain("2 invoices, 30,000 overdue, up to 45 days");
    fireEvent.change(screen.getByLabelText(en.messageLanguage), { target: { value: "zh" } });
    expect((within(card("Acme Ltd")).getByRole("textbox") as HTMLTextAreaElement).value).toContain(
      "逾期45天",
    );
  });

  test("Open e-mail draft is a mailto link with encoded subject and body", () => {
    renderInPane(<CollectionsView result={SAMPLE_RESULT} />);
    const link = within(card("Acme Ltd")).getByRole("link", { name: en.openEmail }) as HTMLAnchorElement;
    const href = link.getAttribute("href") ?? "";
    expect(href.startsWith("mailto:ap@acme.example?subject=")).toBe(true);
    expect(href).toContain(`subject=${encodeURIComponent("Final notice: overdue invoices & payment")}`);
    expect(href).not.toContain(" ");
    expect(href).not.toContain("& payment");
    const body = new URLSearchParams(href.slice(href.indexOf("?") + 1)).get("body") ?? "";
    expect(body).toContain("INV-1001  20,000.00  45 days overdue");
    const beta = within(card("Beta GmbH")).getByRole("link", { name: en.openEmail });
    expect(beta.getAttribute("href")?.startsWith("mailto:?subject=Reminder&body=")).toBe(true);
  });

  test("Copy uses the clipboard, and falls back to execCommand", async () => {
    const writes: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (t: string) => void writes.push(t) },
    });
    renderInPane(<CollectionsView result={SAMPLE_RESULT} />);
    await act(async () => fireEvent.click(within(card("Acme Ltd")).getByRole("button", { name: en.copy })));
    expect(writes[0]).toContain("Final notice: overdue invoices & payment");
    expect(writes[0]).toContain("INV-1004");
    expect(await within(card("Acme Ltd")).findByText(en.copied)).toBeTruthy();

    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async () => Promise.reject(new Error("denied")) },
    });
    const copied: string[] = [];
    (document as unknown as { execCommand: (c: string) => boolean }).execCommand = (c: string) => {
      const area = document.querySelector("textarea[readonly][style]") as HTMLTextAreaElement | null;
      copied.push(`${c}:${area?.value.slice(0, 8) ?? ""}`);
      return true;
    };
    await act(async () => fireEvent.click(within(card("Beta GmbH")).getByRole("button", { name: en.copy })));
    await waitFor(() => expect(copied).toEqual(["copy:Reminder"]));
  });

  test("says so when nobody is overdue", () => {
    renderInPane(<CollectionsView result={{ ...SAMPLE_RESULT, collections: [] }} />);
    expect(screen.getByText(en.collectionsNone)).toBeTruthy();
  });
});
