/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CustomersView, sortCustomers } from "../../src/taskpane/views/CustomersView";
import { paneStrings } from "../../src/taskpane/strings";
import { SAMPLE_RESULT, renderInPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

function names(): string[] {
  const list = screen.getByRole("list", { name: en.customersTable });
  return within(list)
    .getAllByRole("listitem")
    .map((r) => r.getAttribute("data-customer") ?? "");
}

function sortBy(label: string): void {
  fireEvent.change(screen.getByLabelText(en.sortLabel), {
    target: { value: { Score: "score", Customer: "name", Limit: "creditLimit" }[label] },
  });
}

describe("Customers view", () => {
  test("renders in English and Chinese", () => {
    const a = renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={() => undefined} />);
    expect(screen.getByRole("heading", { level: 2, name: en.customersHeading })).toBeTruthy();
    // Details (reasons) show for the chosen customer only.
    expect(screen.queryByText("pays 24 days late; 125% of credit limit")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /^Acme Ltd Grade/ }));
    expect(screen.getByText("pays 24 days late; 125% of credit limit")).toBeTruthy();
    expect(screen.getAllByText(en.breach_OVER_LIMIT).length).toBeGreaterThan(0);
    a.unmount();
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={() => undefined} />, "zh-CN");
    expect(screen.getByRole("heading", { level: 2, name: zh.customersHeading })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^Acme Ltd 等级/ }));
    expect(screen.getByText("平均逾期24天；额度使用率125%")).toBeTruthy();
    expect(screen.getAllByText(zh.breach_OVER_LIMIT).length).toBeGreaterThan(0);
    expect(screen.getByRole("list", { name: zh.customersTable })).toBeTruthy();
  });

  test("sorted by exposure (largest first); the sort control and Reverse re-sort", () => {
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={() => undefined} />);
    expect(names()).toEqual(["Beta GmbH", "Acme Ltd", "Cosmo Inc"]);
    sortBy("Score");
    expect(names()).toEqual(["Cosmo Inc", "Beta GmbH", "Acme Ltd"]);
    fireEvent.click(screen.getByRole("button", { name: en.sortReverse }));
    expect(names()).toEqual(["Acme Ltd", "Beta GmbH", "Cosmo Inc"]);
    expect(screen.getByRole("button", { name: en.sortReverse }).getAttribute("aria-pressed")).toBe("true");
    sortBy("Customer");
    expect(names()).toEqual(["Acme Ltd", "Beta GmbH", "Cosmo Inc"]);
    // missing limits sort last in both directions
    sortBy("Limit");
    expect(names()).toEqual(["Beta GmbH", "Acme Ltd", "Cosmo Inc"]);
    fireEvent.click(screen.getByRole("button", { name: en.sortReverse }));
    expect(names()).toEqual(["Acme Ltd", "Beta GmbH", "Cosmo Inc"]);
  });

  test("sortCustomers keeps nulls last and breaks ties by name", () => {
    const sorted = sortCustomers(SAMPLE_RESULT.customers, { key: "utilisation", direction: "ascending" });
    expect(sorted.map((c) => c.name)).toEqual(["Beta GmbH", "Acme Ltd", "Cosmo Inc"]);
  });

  test("the list is one tab stop: arrows move, Enter or a click shows details and selects the rows", async () => {
    const user = userEvent.setup();
    const calls: (readonly number[])[] = [];
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={(r) => calls.push(r)} />);
    const list = screen.getByRole("list", { name: en.customersTable });
    const buttons = within(list).getAllByRole("button");
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    const acme = screen.getByRole("button", { name: /^Acme Ltd Grade \S+ Exposure 50,000/ });
    fireEvent.click(acme);
    expect(calls).toEqual([[2, 5]]);
    expect(acme.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("region", { name: "Details of Acme Ltd" })).toBeTruthy();
    // Keyboard: from the first customer, ArrowDown moves focus (and the single tab stop) to the next.
    buttons[0].focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(buttons[2]);
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard("{Enter}");
    expect(calls).toEqual([
      [2, 5],
      [3, 6, 7],
    ]);
    expect(document.activeElement).toBe(buttons[0]);
    // Tab leaves the list (one stop), to the next control after it.
    await user.tab();
    expect(list.contains(document.activeElement)).toBe(false);
  });

  test("breaches are grouped by code with the explanation and the numbers", () => {
    const calls: (readonly number[])[] = [];
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={(r) => calls.push(r)} />);
    const groups = document.querySelectorAll("[data-breach-group]");
    expect([...groups].map((g) => g.getAttribute("data-breach-group"))).toEqual([
      "OVER_LIMIT",
      "SEVERELY_OVERDUE",
      "LOW_GRADE",
    ]);
    const over = groups[0] as HTMLElement;
    expect(within(over).getByRole("heading", { level: 4 }).textContent).toContain(
      `${en.breach_OVER_LIMIT} (1)`,
    );
    expect(over.textContent).toContain(en.breachExplain_OVER_LIMIT);
    const link = within(over).getByRole("button", { name: /10,000.00 over the credit limit of 40,000.00/ });
    fireEvent.click(link);
    expect(calls).toEqual([[2, 5]]);
  });
});
