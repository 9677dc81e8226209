/** @jest-environment jsdom */
/** The pane's link lists (unreadable rows, breach messages) are one tab stop each, arrow keys between entries. */
import "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PaneIssue } from "../../src/taskpane/services";
import { CustomersView } from "../../src/taskpane/views/CustomersView";
import { IssuesList } from "../../src/taskpane/views/IssuesList";
import { SAMPLE_RESULT, renderInPane } from "./fakes";

function issue(row: number, address: string | null): PaneIssue {
  return {
    row,
    column: "C",
    header: "Due Date",
    value: `bad ${row}`,
    reason: { en: "Not a date.", zh: "不是日期。" },
    severity: "error",
    code: "BAD_DATE",
    address,
  };
}

describe("roving lists", () => {
  test("unreadable rows: only the first linked entry is a tab stop; arrows, Home and End move; Enter selects", async () => {
    const user = userEvent.setup();
    const selected: string[] = [];
    renderInPane(
      <IssuesList
        issues={[issue(3, "Invoices!C3"), issue(0, null), issue(5, "Invoices!C5"), issue(9, "Invoices!C9")]}
        onSelect={(a) => selected.push(a)}
      />,
    );
    const links = screen.getAllByRole("button");
    // The sheet-wide entry (no address) is text, not a control.
    expect(links).toHaveLength(3);
    expect(links.map((l) => l.tabIndex)).toEqual([0, -1, -1]);
    links[0].focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(links[1]);
    expect(links.map((l) => l.tabIndex)).toEqual([-1, 0, -1]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(links[2]);
    await user.keyboard("{ArrowUp}");
    await user.keyboard("{Enter}");
    expect(selected).toEqual(["Invoices!C5"]);
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(links[0]);
  });

  test("breach messages of a group are one tab stop with arrow keys", async () => {
    const user = userEvent.setup();
    const calls: (readonly number[])[] = [];
    const second = {
      code: "OVER_LIMIT" as const,
      customer: "Beta GmbH",
      message: { en: "Beta GmbH is over its limit.", zh: "Beta GmbH超出信用额度。" },
      rows: [3, 6, 7],
    };
    renderInPane(
      <CustomersView
        result={{ ...SAMPLE_RESULT, breaches: [...SAMPLE_RESULT.breaches, second] }}
        onSelectRows={(r) => calls.push(r)}
      />,
    );
    const group = document.querySelector("[data-breach-group='OVER_LIMIT']") as HTMLElement;
    const links = within(group).getAllByRole("button");
    expect(links).toHaveLength(2);
    expect(links.map((l) => l.tabIndex)).toEqual([0, -1]);
    links[0].focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(links[1]);
    fireEvent.click(links[1]);
    expect(calls).toEqual([[3, 6, 7]]);
  });
});
