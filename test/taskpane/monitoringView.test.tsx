/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import { MonitoringView, sortMovers, trendOf } from "../../src/taskpane/views/MonitoringView";
import { paneStrings } from "../../src/taskpane/strings";
import { SAMPLE_RESULT, renderInPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

describe("Monitoring view", () => {
  test("lists DETERIORATING first, with before → after values", () => {
    renderInPane(<MonitoringView result={SAMPLE_RESULT} />);
    const table = screen.getByRole("table", { name: en.moversTable });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-customer"))).toEqual(["Acme Ltd", "Beta GmbH"]);
    expect(rows[0].getAttribute("data-trend")).toBe("deteriorating");
    expect(rows[0].textContent).toContain(en.trendDeteriorating);
    expect(rows[0].textContent).toContain("55 → 41");
    expect(rows[0].textContent).toContain("10 → 24");
    expect(rows[0].textContent).toContain("45,000 → 50,000");
    expect(rows[1].textContent).toContain(en.trendImproving);
    expect(screen.getByText(/2025-02-28/)).toBeTruthy();
  });

  test("renders in Chinese and explains the first run", () => {
    renderInPane(<MonitoringView result={{ ...SAMPLE_RESULT, movers: [], previousAsOf: null }} />, "zh-CN");
    expect(screen.getByRole("heading", { level: 2, name: zh.monitoringHeading })).toBeTruthy();
    expect(screen.getByText(zh.moversFirstRun)).toBeTruthy();
  });

  test("sortMovers orders by deterioration, then size of the move", () => {
    const base = SAMPLE_RESULT.movers[0];
    const small = { ...base, customer: "S", scoreBefore: 50, scoreAfter: 51, deteriorating: false };
    const big = { ...base, customer: "B", scoreBefore: 50, scoreAfter: 80, deteriorating: false };
    const bad = { ...base, customer: "D", scoreBefore: 50, scoreAfter: 49, deteriorating: true };
    expect(sortMovers([small, big, bad]).map((m) => m.customer)).toEqual(["D", "B", "S"]);
    expect(trendOf({ ...small, scoreAfter: 50, daysBeyondTermsAfter: 5, daysBeyondTermsBefore: 5 })).toBe(
      "stable",
    );
  });
});
