/**
 * The host profile the simulator-backed suites run under: `SIM_PROFILE=<platform>@<excelApi>` (e.g. `web@1.9`),
 * set by scripts/test.js for its profile matrix; the default profile (Windows, newest ExcelApi) otherwise.
 */
import { parseProfile, type HostProfile, type SimOptions } from "../src/workbook";

/** The profile named by SIM_PROFILE, else the default. */
export function envProfile(): HostProfile {
  const [platform, excelApi] = (process.env.SIM_PROFILE ?? "").split("@");
  return parseProfile(platform, excelApi);
}

/** SimOptions for the environment's profile, with `extra` on top. */
export function profileOptions(extra: SimOptions = {}): SimOptions {
  const { platform, excelApi } = envProfile();
  return { platform, excelApi, ...extra };
}
