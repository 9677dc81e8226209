/**
 * The workbook the playground's Open…/Save controls act on, bound once by the page entry (index.tsx) so the controls
 * can sit in the top bar without new props threading through the layout.
 */
import type { SimWorkbook } from "../../workbook";

export interface FileSession {
  workbook: SimWorkbook;
  /** Called after a file replaced the workbook (the page clears its sample picker). */
  onOpened?: () => void;
}

let session: FileSession | null = null;

export function bindFileSession(s: FileSession): void {
  session = s;
}

export function fileSession(): FileSession | null {
  return session;
}
