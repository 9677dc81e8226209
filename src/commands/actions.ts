/**
 * Ribbon command handlers. With the shared runtime the task pane page is also the function file, so
 * src/taskpane/index.tsx calls `associateCommands()`; commands.html (a separate function file for hosts
 * that load one) calls it too.
 */

/** "scoreSheet": shows the task pane (scoring itself starts from the pane). */
export async function scoreSheetAction(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

/** Associates every ribbon action id with its handler; safe to call more than once. */
export function associateCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("scoreSheet", scoreSheetAction);
}
