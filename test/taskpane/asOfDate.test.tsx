/** @jest-environment jsdom */
/**
 * The as-of date follows the local calendar date: the pane shows today's date while the analyst has not chosen
 * one, and every run — from the Score button or from the ribbon, in a long-lived shared runtime that may have been
 * open since yesterday — takes today's date afresh. A date the analyst typed stays until they choose "Today".
 * `npm test` runs this file under several TZ values (scripts/test.js); the clock is faked in local time, so the
 * midnight crossed is the local one wherever the test runs.
 */
import "./setup";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { serialFromYmd } from "../../src/engine/serial";
import { requestScoreFromRibbon, resetCommandsBridge } from "../../src/taskpane/commandsBridge";
import { todaySerial } from "../../src/taskpane/format";
import { paneStrings } from "../../src/taskpane/strings";
import { fakeServices, renderPane } from "./fakes";

const en = paneStrings("en-US");
const MARCH_31 = serialFromYmd(2025, 3, 31)!;
const APRIL_1 = serialFromYmd(2025, 4, 1)!;

/** 23:59:30 local time on 2025-03-31: half a minute before the local midnight. */
const BEFORE_MIDNIGHT = new Date(2025, 2, 31, 23, 59, 30);
/** 00:00:30 local time on 2025-04-01. */
const AFTER_MIDNIGHT = new Date(2025, 3, 1, 0, 0, 30);

beforeEach(() => jest.useFakeTimers({ now: BEFORE_MIDNIGHT }));
afterEach(() => {
  jest.useRealTimers();
  resetCommandsBridge();
});

/** Fake services whose today() reads the (faked) local clock, as the real services do. */
function clockServices() {
  return { ...fakeServices(), today: () => todaySerial() };
}

async function scoreButton(): Promise<HTMLButtonElement> {
  const button = (await screen.findByRole("button", { name: en.scoreButton })) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

const asOfInput = () => screen.getByLabelText(en.asOfLabel) as HTMLInputElement;

test(`the local clock gives ${process.env.TZ ?? "(local TZ)"} dates: 23:59 is still the 31st, 00:00 the 1st`, () => {
  expect(todaySerial(BEFORE_MIDNIGHT)).toBe(MARCH_31);
  expect(todaySerial(AFTER_MIDNIGHT)).toBe(APRIL_1);
});

test("the shown as-of date moves to the new day after midnight, and Score uses it", async () => {
  const services = clockServices();
  renderPane(services);
  await scoreButton();
  expect(asOfInput().value).toBe("2025-03-31");
  act(() => {
    jest.advanceTimersByTime(AFTER_MIDNIGHT.getTime() - BEFORE_MIDNIGHT.getTime() + 60_000);
  });
  await waitFor(() => expect(asOfInput().value).toBe("2025-04-01"));
  fireEvent.click(await scoreButton());
  expect(services.calls.score[0].asOf).toBe(APRIL_1);
});

test("a run takes today's date afresh even when the pane has not redrawn since yesterday (Score button)", async () => {
  const services = clockServices();
  renderPane(services);
  await scoreButton();
  // The machine slept through midnight: the clock jumps, no timer has fired, the field still shows the 31st.
  jest.setSystemTime(AFTER_MIDNIGHT);
  expect(asOfInput().value).toBe("2025-03-31");
  fireEvent.click(await scoreButton());
  expect(services.calls.score[0].asOf).toBe(APRIL_1);
});

test("a ribbon Score after midnight (lifetime long: the pane was mounted yesterday) uses today", async () => {
  const services = clockServices();
  renderPane(services);
  await scoreButton();
  jest.setSystemTime(AFTER_MIDNIGHT);
  act(() => requestScoreFromRibbon());
  await waitFor(() => expect(services.calls.score).toHaveLength(1));
  expect(services.calls.score[0].asOf).toBe(APRIL_1);
});

test("a date the analyst chose stays across midnight until they choose Today", async () => {
  const services = clockServices();
  renderPane(services);
  await scoreButton();
  fireEvent.change(asOfInput(), { target: { value: "2025-03-15" } });
  act(() => {
    jest.advanceTimersByTime(AFTER_MIDNIGHT.getTime() - BEFORE_MIDNIGHT.getTime() + 60_000);
  });
  expect(asOfInput().value).toBe("2025-03-15");
  fireEvent.click(await scoreButton());
  expect(services.calls.score[0].asOf).toBe(serialFromYmd(2025, 3, 15));
  await act(async () => services.finish({ status: "cancelled" }));
  fireEvent.click(screen.getByRole("button", { name: en.asOfToday }));
  expect(asOfInput().value).toBe("2025-04-01");
  fireEvent.click(await scoreButton());
  expect(services.calls.score[1].asOf).toBe(APRIL_1);
});
