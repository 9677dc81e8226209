/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import { CustomersView, sortCustomers } from "../../src/taskpane/views/CustomersView";
import { paneStrings } from "../../src/taskpane/strings";
import { SAMPLE_RESULT, renderInPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

function names(): string[] {
  const table = screen.getByRole("table", { name: en.customersTable });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.getAttribute("data-customer") ?? "");
}

describe("Customers view", () => {
  test("renders in English and Chinese", () => {
    const a = renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={() => undefined} />);
    expect(screen.getByRole("heading", { level: 2, name: en.customersHeading })).toBeTruthy();
    expect(screen.getByText("pays 24 days late; 125% of credit limit")).toBeTruthy();
    expect(screen.getAllByText(en.breach_OVER_LIMIT).length).toBeGreaterThan(0);
    a.unmount();
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={() => undefined} />, "zh-CN");
    expect(screen.getByRole("heading", { level: 2, name: zh.customersHeading })).toBeTruthy();
    expect(screen.getByText("平均逾期24天；额度使用率125%")).toBeTruthy();
    expect(screen.getAllByText(zh.breach_OVER_LIMIT).length).toBeGreaterThan(0);
    expect(screen.getByRole("table", { name: zh.customersTable })).toBeTruthy();
  });

  test("sorted by exposure (largest first), header clicks re-sort", () => {
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={() => undefined} />);
    expect(names()).toEqual(["Beta GmbH", "Acme Ltd", "Cosmo Inc"]);
    fireEvent.click(screen.getByRole("button", { name: "Sort by Score" }));
    expect(names()).toEqual(["Cosmo Inc", "Beta GmbH", "Acme Ltd"]);
    fireEvent.click(screen.getByRole("button", { name: "Sort by Score" }));
    expect(names()).toEqual(["Acme Ltd", "Beta GmbH", "Cosmo Inc"]);
    const header = screen.getByRole("columnheader", { name: /Score/ });
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(screen.getByRole("button", { name: "Sort by Customer" }));
    expect(names()).toEqual(["Acme Ltd", "Beta GmbH", "Cosmo Inc"]);
    // missing limits sort last in both directions
    fireEvent.click(screen.getByRole("button", { name: "Sort by Limit" }));
    expect(names()).toEqual(["Beta GmbH", "Acme Ltd", "Cosmo Inc"]);
    fireEvent.click(screen.getByRole("button", { name: "Sort by Limit" }));
    expect(names()).toEqual(["Acme Ltd", "Beta GmbH", "Cosmo Inc"]);
  });

  test("sortCustomers keeps nulls last and breaks ties by name", () => {
    const sorted = sortCustomers(SAMPLE_RESULT.customers, { key: "utilisation", direction: "ascending" });
    expect(sorted.map((c) => c.name)).toEqual(["Beta GmbH", "Acme Ltd", "Cosmo Inc"]);
  });

  test("click or Enter on a row selects the customer's rows", () => {
    const calls: (readonly number[])[] = [];
    renderInPane(<CustomersView result={SAMPLE_RESULT} onSelectRows={(r) => calls.push(r)} />);
    const acme = screen.getByRole("row", { name: /^Acme Ltd: exposure 50,000/ });
    fireEvent.click(acme);
    expect(calls).toEqual([[2, 5]]);
    const beta = screen.getByRole("row", { name: /^Beta GmbH/ });
    expect(beta.tabIndex).toBe(0);
    beta.focus();
    fireEvent.keyDown(beta, { key: "Enter" });
    expect(calls).toEqual([
      [2, 5],
      [3, 6, 7],
    ]);
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
