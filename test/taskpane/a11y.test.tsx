/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { paneStrings } from "../../src/taskpane/strings";
import { SAMPLE_RESULT, fakeServices, renderPane } from "./fakes";

const en = paneStrings("en-US");

/** axe violations (colour contrast needs layout, which jsdom lacks: the e2e scan covers it). */
async function violations(root: HTMLElement): Promise<string[]> {
  let result: axe.AxeResults | null = null;
  // Fluent's TabList updates its indicator asynchronously while axe runs.
  await act(async () => {
    result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
  });
  if (!result) throw new Error("axe did not run");
  return (result as axe.AxeResults).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

jest.setTimeout(60000);

/** The views load lazily: on a busy machine the chunk takes more than the default second. */
const LAZY = { timeout: 10_000 };

// axe probes icon ligatures with a canvas, which jsdom lacks: report "no canvas" instead of logging an error.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];

test("no axe violations in any view, in English and Chinese", async () => {
  for (const lang of ["en-US", "zh-CN"] as const) {
    const s = paneStrings(lang);
    const services = fakeServices({ autoFinish: { status: "done", result: SAMPLE_RESULT } });
    const { container, unmount } = renderPane(services, lang);
    const score = await screen.findByRole("button", { name: s.scoreButton });
    await waitFor(() => expect((score as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(score);
    await screen.findByRole("list", { name: s.kpiHeading });
    expect(await violations(container)).toEqual([]);
    for (const [tab, ready] of [
      [
        s.tabCustomers,
        async () => {
          // With a customer chosen, so its details are checked too.
          const list = await screen.findByRole("list", { name: s.customersTable }, LAZY);
          fireEvent.click(list.querySelector("button")!);
          return list;
        },
      ],
      [s.tabCollections, () => screen.findByRole("heading", { level: 2, name: s.collectionsHeading }, LAZY)],
      [s.tabMonitoring, () => screen.findByRole("table", { name: s.moversTable }, LAZY)],
      [s.tabPolicy, () => screen.findByLabelText(s.edgesLabel, {}, LAZY)],
    ] as const) {
      fireEvent.click(screen.getByRole("tab", { name: tab }));
      await ready();
      expect([tab, await violations(container)]).toEqual([tab, []]);
      // One main landmark, in the pane root.
      expect(container.querySelectorAll("main, [role=main]")).toHaveLength(1);
      expect(container.querySelector("[data-pane-root] main")).not.toBeNull();
    }
    unmount();
  }
  expect(en.appTitle).toBeTruthy();
});
