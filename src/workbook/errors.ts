/**
 * Office-shaped errors for the simulator. Mirrors `OfficeExtension.Error`: `name` is "RichApi.Error", `code` is
 * one of the Excel/OfficeExtension error codes, `debugInfo` repeats code and message plus where it happened.
 */

/** Error codes the simulator raises (same strings as `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`). */
export const SimErrorCodes = {
  accessDenied: "AccessDenied",
  activityLimitReached: "ActivityLimitReached",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

/** Like `OfficeExtension.Error`. */
export class SimError extends Error {
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: SimError | null = null;

  constructor(code: string, message?: string, errorLocation?: string) {
    super(message ?? defaultMessage(code));
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: this.message, ...(errorLocation ? { errorLocation } : {}) };
    Object.setPrototypeOf(this, SimError.prototype);
  }
}

/** English default messages, worded like Excel's. */
export function defaultMessage(code: string): string {
  switch (code) {
    case SimErrorCodes.itemNotFound:
      return "The requested resource doesn't exist.";
    case SimErrorCodes.invalidArgument:
      return "The argument is invalid or missing or has an incorrect format.";
    case SimErrorCodes.accessDenied:
      return "You cannot perform the requested operation.";
    case SimErrorCodes.requestPayloadSizeLimitExceeded:
      return "The request payload size has exceeded the limit.";
    case SimErrorCodes.responsePayloadSizeLimitExceeded:
      return "The response payload size has exceeded the limit.";
    case SimErrorCodes.invalidSelection:
      return "The current selection is invalid for this operation.";
    case SimErrorCodes.itemAlreadyExists:
      return "The resource already exists.";
    case SimErrorCodes.propertyNotLoaded:
      return "The property has not been loaded. Call the load method and then context.sync() before reading it.";
    default:
      return `The operation failed (${code}).`;
  }
}

export const notFound = (what: string): SimError =>
  new SimError(SimErrorCodes.itemNotFound, `${what} was not found.`);
export const invalidArg = (why: string): SimError =>
  new SimError(
    SimErrorCodes.invalidArgument,
    `The argument is invalid or missing or has an incorrect format: ${why}`,
  );
