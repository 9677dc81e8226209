/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { paneStrings } from "../../src/taskpane/strings";
import { mountTaskpane } from "../../src/taskpane/mount";
import { Pane } from "../../src/taskpane/Pane";
import { officeLanguage, officeThemeName } from "../../src/taskpane/environment";
import { SAMPLE_RESULT, fakeServices, renderPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

// A shared 2-core machine: keyboard walks through the lazy views take more than the default 5 s.
jest.setTimeout(30_000);

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("pane shell", () => {
  test("keyboard: Tab to the view tabs, arrows + Enter switch views; other views load lazily", async () => {
    const user = userEvent.setup();
    const services = fakeServices({ autoFinish: { status: "done", result: SAMPLE_RESULT } });
    renderPane(services);
    const scoreTab = await screen.findByRole("tab", { name: en.tabScore });
    // The header's help link comes first (beside the title), then the view tabs.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("link", { name: en.helpLinkLabel }));
    await user.tab();
    expect(document.activeElement).toBe(scoreTab);
    expect(scoreTab.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: en.tabCustomers }));
    await user.keyboard("{Enter}");
    expect(await screen.findByText(en.noResultYet)).toBeTruthy();
    // back to Score, run, then Customers shows the table (lazy chunk)
    fireEvent.click(screen.getByRole("button", { name: en.goToScore }));
    const score = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((score as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(score);
    await screen.findByRole("list", { name: en.kpiHeading });
    fireEvent.click(screen.getByRole("tab", { name: en.tabCustomers }));
    expect(await screen.findByRole("list", { name: en.customersTable })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^Cosmo Inc/ }));
    await waitFor(() => expect(services.calls.selectRows).toEqual([[4]]));
    fireEvent.click(screen.getByRole("tab", { name: en.tabCollections }));
    expect(await screen.findByRole("heading", { level: 2, name: en.collectionsHeading })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: en.tabMonitoring }));
    expect(await screen.findByRole("table", { name: en.moversTable })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: en.tabPolicy }));
    expect(await screen.findByLabelText(en.edgesLabel)).toBeTruthy();
  });

  test("one h1, view headings at h2", async () => {
    renderPane(fakeServices());
    await screen.findByRole("heading", { level: 2 });
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual([en.appTitle]);
  });

  test("language and theme follow Office when not given", async () => {
    (globalThis as { Office?: unknown }).Office = {
      context: { displayLanguage: "zh-TW", officeTheme: { bodyBackgroundColor: "#1f1f1f" } },
    };
    expect(officeLanguage()).toBe("zh-CN");
    expect(officeThemeName()).toBe("dark");
    const container = document.createElement("div");
    document.body.appendChild(container);
    const services = fakeServices();
    let unmount = () => undefined as void;
    act(() => {
      unmount = mountTaskpane(container, services);
    });
    expect(await screen.findByRole("heading", { level: 2, name: zh.scoreHeading })).toBeTruthy();
    const provider = container.querySelector(".fui-FluentProvider") as HTMLElement;
    expect(provider.getAttribute("lang")).toBe("zh-CN");
    act(() => unmount());
    // explicit props win over Office
    act(() => {
      unmount = mountTaskpane(container, { ...services, language: "en-US", theme: "light" });
    });
    expect(await screen.findByRole("heading", { level: 2, name: en.scoreHeading })).toBeTruthy();
    act(() => unmount());
    container.remove();
  });

  test("outside Office: English and light", () => {
    expect(officeLanguage()).toBe("en-US");
    expect(officeThemeName()).toBe("light");
  });

  test("theme prop picks the dark or light Fluent tokens", async () => {
    const background = (container: HTMLElement): string | null => {
      const provider = container.querySelector(".fui-FluentProvider") as HTMLElement;
      const classes = [...provider.classList];
      for (const sheet of [...document.styleSheets]) {
        for (const rule of [...sheet.cssRules]) {
          const r = rule as CSSStyleRule;
          if (classes.some((c) => r.selectorText?.includes(`.${c}`))) {
            const m = /--colorNeutralBackground1:\s*(#[0-9a-fA-F]{3,6})/.exec(r.cssText);
            if (m) return m[1].toLowerCase();
          }
        }
      }
      return null;
    };
    const dark = renderPaneWithTheme("dark");
    await screen.findByRole("heading", { level: 2, name: en.scoreHeading });
    expect(background(dark.container)).toBe("#292929");
    dark.unmount();
    const light = renderPaneWithTheme("light");
    await screen.findByRole("heading", { level: 2, name: en.scoreHeading });
    expect(background(light.container)).toBe("#ffffff");
  });

  test("a failing service shows a dismissible error", async () => {
    const services = {
      ...fakeServices(),
      selectCell: async () => Promise.reject(new Error("Sheet is protected")),
    };
    renderPane({ ...services, score: async () => ({ status: "done" as const, result: SAMPLE_RESULT }) });
    const score = await screen.findByRole("button", { name: en.scoreButton });
    await waitFor(() => expect((score as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(score);
    fireEvent.click(await screen.findByRole("button", { name: /Select cell Invoices!C9/ }));
    expect(await screen.findByText("Sheet is protected")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.dismiss }));
    expect(screen.queryByText("Sheet is protected")).toBeNull();
  });
});

function renderPaneWithTheme(theme: "light" | "dark") {
  return render(<Pane services={fakeServices()} lang="en-US" theme={theme} />);
}
