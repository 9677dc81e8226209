import { associateCommands, scoreSheetAction } from "../../src/commands/actions";

type Handler = (event: Office.AddinCommands.Event) => Promise<void>;

/** A ribbon event that records completion. */
const ribbonEvent = (calls: string[]) =>
  ({ completed: () => calls.push("completed") }) as unknown as Office.AddinCommands.Event;

function fakeOffice(showAsTaskpane: () => Promise<void>) {
  const handlers = new Map<string, Handler>();
  (globalThis as Record<string, unknown>).Office = {
    addin: { showAsTaskpane },
    actions: { associate: (id: string, fn: Handler) => handlers.set(id, fn) },
  };
  return handlers;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test("the ribbon's scoreSheet shows the pane, then asks it to score, then completes the event", async () => {
  const calls: string[] = [];
  const handlers = fakeOffice(async () => {
    calls.push("show");
  });
  associateCommands(() => calls.push("score"));
  await handlers.get("scoreSheet")!(ribbonEvent(calls));
  expect(calls).toEqual(["show", "score", "completed"]);
});

test("a pane that cannot open does not start scoring, and the event still completes", async () => {
  const calls: string[] = [];
  fakeOffice(async () => {
    throw new Error("blocked");
  });
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await scoreSheetAction(ribbonEvent(calls), () => calls.push("score"));
  expect(calls).toEqual(["completed"]);
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});
