/**
 * Maps Office.js errors to clear bilingual messages: what happened and what to do.
 * Office errors carry a `code` (Excel.ErrorCodes) — we never parse the localized `message` except to recognise
 * the "cell is being edited" busy case, which some hosts report only as a message.
 */
import type { Bilingual } from "./writePlan";

/** Our mapped error: the Office code (or "Unknown") and a message in both languages. */
export interface MappedError {
  code: string;
  message: Bilingual;
}

const MESSAGES: Record<string, Bilingual> = {
  RequestPayloadSizeLimitExceeded: {
    en: "Excel refused a request because it was too large. Try again; if it keeps failing, score a smaller range.",
    zh: "Excel 拒绝了过大的请求。请重试；如果仍然失败，请对较小的区域评分。",
  },
  ResponsePayloadSizeLimitExceeded: {
    en: "Excel could not send back that much data at once. Try again; if it keeps failing, score a smaller range.",
    zh: "Excel 无法一次返回这么多数据。请重试；如果仍然失败，请对较小的区域评分。",
  },
  AccessDenied: {
    en: "The sheet or workbook is protected, so the results could not be written. Unprotect it (Review › Unprotect Sheet) and try again.",
    zh: "工作表或工作簿受保护，无法写入结果。请取消保护（审阅 › 撤消工作表保护）后重试。",
  },
  Busy: {
    en: "Excel is busy (a cell may be in edit mode or another operation is running). Press Enter or Esc in the sheet, then try again.",
    zh: "Excel 正忙（可能有单元格处于编辑状态或其他操作正在进行）。请在工作表中按 Enter 或 Esc 后重试。",
  },
  ItemNotFound: {
    en: "A sheet, table or range the add-in needed no longer exists (it may have been deleted or renamed). Try again.",
    zh: "加载项所需的工作表、表格或区域已不存在（可能已被删除或重命名）。请重试。",
  },
  InvalidArgument: {
    en: "Excel rejected a value the add-in tried to write. Please report this problem; your data was not changed.",
    zh: "Excel 拒绝了加载项写入的值。请报告此问题；您的数据未被更改。",
  },
  GeneralException: {
    en: "Excel reported an internal error. Save your work and try again; if it persists, restart Excel.",
    zh: "Excel 报告了内部错误。请保存工作后重试；如果问题仍然存在，请重新启动 Excel。",
  },
  Unknown: {
    en: "Something went wrong while talking to Excel. Try again.",
    zh: "与 Excel 通信时出错。请重试。",
  },
};

const BUSY_CODES = new Set([
  "InvalidOperation",
  "ActivityLimitReached",
  "InvalidOperationInCellEditMode",
  "Conflict",
]);

/** The error code of an Office error (or "Unknown" for anything else). */
export function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && code.length > 0) return code;
  }
  return "Unknown";
}

/** Maps any thrown value to a bilingual, actionable message. */
export function mapOfficeError(error: unknown): MappedError {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : "";
  if (BUSY_CODES.has(code) || /edit(ing)? mode|is editing|busy/i.test(text)) {
    return { code, message: MESSAGES.Busy };
  }
  const message = MESSAGES[code] ?? MESSAGES.Unknown;
  return { code, message };
}

/**
 * Size from which a GeneralException is taken for a payload refusal. Excel on the web limits requests and responses
 * to 5 MB (https://learn.microsoft.com/office/dev/add-ins/excel/performance) and has reported oversized requests
 * as GeneralException "An internal error has occurred." (OfficeDev/office-js-docs-reference#354,
 * OfficeDev/office-js#1012, OfficeDev/office-js#1314) as well as RequestPayloadSizeLimitExceeded. A request this
 * large may be near the limit once Office adds its own framing; a smaller one cannot be, so there a
 * GeneralException is a real failure and is reported.
 */
export const SUSPECT_PAYLOAD_BYTES = 1_000_000;

/**
 * True when the error is Excel's request or response payload-size refusal — or a GeneralException on a payload of
 * at least {@link SUSPECT_PAYLOAD_BYTES} (`payloadBytes`: the request's or expected response's size) — so the writer
 * and the reader retry smaller.
 */
export function isPayloadTooLarge(error: unknown, payloadBytes = 0): boolean {
  const code = errorCode(error);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return true;
  return code === "GeneralException" && payloadBytes >= SUSPECT_PAYLOAD_BYTES;
}

/** Appends a note to both languages of a message. */
export function withNote(message: Bilingual, note: Bilingual): Bilingual {
  return { en: `${message.en} ${note.en}`, zh: `${message.zh}${note.zh}` };
}

/**
 * A failure of the engine step whose reason we wrote ourselves, in both languages (the scoring worker's own checks).
 * Any other thrown value shows its message as it is, inside the bilingual "The sheet could not be scored: …".
 */
export class EngineError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = "EngineError";
  }
}

/** Why the engine step failed, in both languages (an unexpected error's own message in both). */
export function engineReason(error: unknown): Bilingual {
  if (error instanceof EngineError) return error.reason;
  const text = error instanceof Error ? error.message : String(error);
  return { en: text, zh: text };
}
