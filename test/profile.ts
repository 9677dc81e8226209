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

const tracked: { apiRefusals: string[] }[] = [];

/** Remembers a workbook so {@link expectNoApiRefusals} can check it. */
export function track<T extends { apiRefusals: string[] }>(wb: T): T {
  tracked.push(wb);
  return wb;
}

/**
 * Registers an afterEach check for the calling suite: no workbook created since the last check refused an Office.js
 * member with ApiNotFound — the add-in feature-detected everything above the profile's level, even where it would
 * have caught the error.
 */
export function expectNoApiRefusals(): void {
  afterEach(() => {
    const refused = tracked.flatMap((wb) => wb.apiRefusals);
    tracked.length = 0;
    expect(refused).toEqual([]);
  });
}
