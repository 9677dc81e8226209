/**
 * Ribbon command handlers. With the shared runtime the task pane page is also the function file, so
 * src/taskpane/index.tsx calls `associateCommands(onScore)` with the pane's "score now" request; commands.html
 * (a separate function file for hosts that load one) calls it without a handler and only shows the pane.
 */

/** Called after the pane is shown: asks the pane to score the active sheet with the saved mapping. */
export type ScoreRequest = () => void;

/** "scoreSheet": shows the task pane, then asks it to start scoring. Always completes the ribbon event. */
export async function scoreSheetAction(
  event?: Office.AddinCommands.Event,
  onScore?: ScoreRequest,
): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
    onScore?.();
  } catch (error) {
    // The ribbon has no surface for errors; the pane shows its own state when it opens.
    console.error("Credit Risk Toolkit: could not open the pane from the ribbon", error);
  } finally {
    event?.completed();
  }
}

/** Associates every ribbon action id with its handler; safe to call more than once. */
export function associateCommands(onScore?: ScoreRequest): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("scoreSheet", (event: Office.AddinCommands.Event) =>
    scoreSheetAction(event, onScore),
  );
}
