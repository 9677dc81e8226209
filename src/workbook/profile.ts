/**
 * Host profiles: which Excel the simulator plays — the platform (`windows`, `mac`, `web`) and the ExcelApi level.
 *
 * - `Office.context.requirements.isSetSupported` answers from the profile's requirement sets.
 * - Every Office.js member above the profile's level throws `ApiNotFound`, as the Office.js library does before it
 *   calls a host without that set (`OfficeExtension.Utility.throwIfApiNotSupported`, node_modules/@microsoft/
 *   office-js/dist/excel-web-16.00.debug.js); the member → set table comes from `@types/office-js`
 *   (office/apiSets.generated.ts).
 * - `ExcelApiOnline` exists on the web only and `ExcelApiDesktop` on Windows and Mac (their reference pages:
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-online-requirement-set and
 *   …/excel-api-desktop-requirement-set).
 * - Payload limits are a platform matter: "Excel on the web limits requests and responses to 5 MB"
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices); the
 *   product team confirmed it is online only (OfficeDev/office-js-docs-pr#1423). On the web an oversized request
 *   has been reported as `GeneralException` "An internal error has occurred." (OfficeDev/office-js-docs-reference#354,
 *   OfficeDev/office-js#1012, OfficeDev/office-js#1314) as well as the documented `RequestPayloadSizeLimitExceeded`
 *   ("This error occurs in Excel on the web", OfficeDev/office-js-docs-pr#2278): the web profile reports
 *   `GeneralException` unless told otherwise, the harsher of the two for an add-in's retry logic.
 * - `Office.context.platform`: "PC", "Mac" or "OfficeOnline" (Office.PlatformType).
 */
import { EXCEL_API_VERSIONS, NEWEST_EXCEL_API, compareVersions } from "./office/apiSets";

export type Platform = "windows" | "mac" | "web";
export const PLATFORMS: readonly Platform[] = ["windows", "mac", "web"];

export interface HostProfile {
  platform: Platform;
  /** ExcelApi level, e.g. "1.9"; one of {@link EXCEL_API_VERSIONS}. */
  excelApi: string;
}

export { EXCEL_API_VERSIONS, NEWEST_EXCEL_API };

/** The manifest's minimum (DESIGN.md: ExcelApi 1.9). */
export const MANIFEST_EXCEL_API = "1.9";

/** Windows at the newest level modelled. */
export const DEFAULT_PROFILE: HostProfile = { platform: "windows", excelApi: NEWEST_EXCEL_API };

/** 5 MB: Excel on the web's request and response limit. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Requirement sets the host supports (set name → highest version). */
export function requirementSetsFor(profile: HostProfile): Record<string, string> {
  return {
    ExcelApi: profile.excelApi,
    ...(profile.platform === "web" ? { ExcelApiOnline: "1.1" } : { ExcelApiDesktop: "1.1" }),
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.4",
    RibbonApi: "1.1",
    DialogApi: "1.2",
  };
}

/** `Office.context.platform` of a profile. */
export function officePlatform(platform: Platform): "PC" | "Mac" | "OfficeOnline" {
  return platform === "web" ? "OfficeOnline" : platform === "mac" ? "Mac" : "PC";
}

/** True when `sets` include `set` at `version` or newer (what `isSetSupported` answers). */
export function setSupported(sets: Record<string, string>, set: string, version?: string | number): boolean {
  const key = Object.keys(sets).find((k) => k.toLowerCase() === String(set).toLowerCase());
  if (!key) return false;
  if (version === undefined || version === null || version === "") return true;
  return compareVersions(sets[key], String(version)) >= 0;
}

/**
 * A profile from loose input (URL parameters, environment variables): unknown platforms and levels fall back to
 * the defaults; a level is snapped to a known ExcelApi version ("1.9", "1.10" …).
 */
export function parseProfile(platform?: string | null, excelApi?: string | null): HostProfile {
  const p = String(platform ?? "").toLowerCase();
  const plat: Platform = (PLATFORMS as readonly string[]).includes(p)
    ? (p as Platform)
    : DEFAULT_PROFILE.platform;
  const api = String(excelApi ?? "").trim();
  const level = EXCEL_API_VERSIONS.includes(api) ? api : DEFAULT_PROFILE.excelApi;
  return { platform: plat, excelApi: level };
}

/** "web@1.9" — how tests and logs name a profile. */
export function profileLabel(p: HostProfile): string {
  return `${p.platform}@${p.excelApi}`;
}
