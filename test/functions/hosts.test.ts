/**
 * Every catalogue function under each host's way of passing empty cells (hosts.ts): for each function a valid set
 * of arguments, then each parameter in turn given as a reference to an empty cell. Expected values are worked by
 * hand from functions.md (arithmetic in the comments); where the hosts differ the row says so per host.
 *
 * The decisions these rows pin (README "Empty cells and hosts", docs/functions.md):
 * - dates and terms: an empty cell is "no date" / "no terms" everywhere (required → #N/A);
 * - required numbers where 0 means something (money, days past due, score, Z, rate, terms days): an empty cell is
 *   0 on every host — desktop passes 0 and the web's null is read the same, so a workbook gives the same answer
 *   on every host, as Excel's own arithmetic does (RISKGRADE of an empty cell is "E", like =IF(A1>=80,"A",…));
 * - optional numbers where 0 means something (utilization, years trading, dispute rate, days beyond terms): an
 *   empty cell is 0 on desktop (the add-in cannot tell it from a typed 0) but "not given" on the web, where it
 *   arrives as null like an omitted argument;
 * - where 0 makes no sense or is far likelier a blank (Altman Z, caps, day basis, edges, labels, model, regime):
 *   0 is "not given" on every host.
 */
import { CATALOGUE } from "../../src/functions/catalogue";
import { installFakeCustomFunctions, uninstallFakeCustomFunctions } from "./fakeCustomFunctions";
import { FakeCustomFunctionsError } from "./fakeCustomFunctions";
import { d } from "./helpers";
import { EMPTY, HOST_VARIANTS, OMITTED, callAs, type HostVariant } from "./hosts";

beforeAll(() => installFakeCustomFunctions());
afterAll(() => uninstallFakeCustomFunctions());

type Outcome = number | string | { readonly error: string };
type PerHost = Readonly<Record<HostVariant["name"], Outcome>>;
interface Case {
  readonly args: readonly unknown[];
  readonly base: Outcome;
  /** The result with parameter i an empty cell: one outcome for every host, or one per host. */
  readonly empty: readonly (Outcome | PerHost)[];
}

const NA = { error: "#N/A" } as const;
const NUM = { error: "#NUM!" } as const;
const DIV0 = { error: "#DIV/0!" } as const;
const desktopWeb = (desktop: Outcome, web: Outcome, text: Outcome = web): PerHost => ({ desktop, web, text });

const CS = [24, 1.12, 2.1, 5, 0.02];
const ZS = [200, 300, 150, 800, 1500, 1000, 500, OMITTED];

const CASES: Readonly<Record<string, Case>> = {
  // 2025-01-15 + 30 = 2025-02-14 (a Friday, so rolling to a business day changes nothing).
  DUEDATE: { args: [d(2025, 1, 15), "2/10 Net 30", OMITTED], base: 45702, empty: [NA, NA, 45702] },
  DISCOUNTDATE: { args: [d(2025, 1, 15), "2/10 Net 30"], base: 45682, empty: [NA, NA] },
  // 0.02/0.98 × 365/20 = 0.372449; an empty `compound` is FALSE / not given: simple either way.
  DISCOUNTCOST: { args: ["2/10 Net 30", OMITTED], base: 0.372449, empty: [NA, 0.372449] },
  DAYSPASTDUE: { args: [d(2025, 1, 31), d(2025, 3, 15), OMITTED], base: 43, empty: [NA, NA, 43] },
  AGINGBUCKET: { args: [45, OMITTED, OMITTED], base: "31-60", empty: ["Current", "31-60", "31-60"] },
  // One invoice 15 days late → 70. Empty days: desktop and web pass [[0]] (on time → 80); as "" nothing is left.
  // Empty amount: weight 0 (or none) → no invoice with an amount.
  PAYINDEX: { args: [15, OMITTED], base: 70, empty: [desktopWeb(80, 80, NA), NA] },
  // Sub-scores: payment(24) 57.5 ×40, utilisation(1.12) 45.6 ×20, Z(2.1) 54.746 ×25, years(5) 60 ×10,
  // disputes(0.02) 90 ×5 → 5630.64/100 = 56.3 → 56. Each factor empty, desktop (0) vs web (not given):
  // days 0 → 80: 6530.64/100 = 65.3 → 65 | days dropped: 3330.64/60 = 55.5 → 56
  // utilisation 0 → 100: 6718.64/100 = 67.2 → 67 | dropped: 4718.64/80 = 59.0 → 59
  // Z 0 is not given on every host: 4262/75 = 56.8 → 57
  // years 0 → 20: 5230.64/100 = 52.3 → 52 | dropped: 5030.64/90 = 55.9 → 56
  // disputes 0 → 100: 5680.64/100 = 56.8 → 57 | dropped: 5180.64/95 = 54.5 → 55
  CREDITSCORE: {
    args: CS,
    base: 56,
    empty: [desktopWeb(65, 56), desktopWeb(67, 59), 57, desktopWeb(52, 56), desktopWeb(57, 55)],
  },
  RISKGRADE: { args: [72], base: "B", empty: ["E"] },
  // 1.2×0.2 + 1.4×0.3 + 3.3×0.15 + 0.6×1.6 + 1.0×1.5 = 3.615; an empty amount is 0: minus its term.
  ZSCORE: {
    args: ZS,
    base: 3.615,
    empty: [3.375, 3.195, 3.12, 2.655, 2.115, NUM, NUM, 3.615],
  },
  ZZONE: { args: [2.5, OMITTED], base: "Grey", empty: ["Distress", "Grey"] },
  // 10,000 × 0.1325 × 30 / 365 = 108.904.
  LATEINTEREST: {
    args: [10000, d(2025, 1, 31), d(2025, 3, 2), 0.1325, OMITTED],
    base: 108.904,
    empty: [0, NA, NA, 0, 108.904],
  },
  // 2,500 is below 10,000 → £70; an empty amount is 0: nothing owed, no fee.
  RECOVERYFEE: { args: [2500, OMITTED], base: 70, empty: [0, 70] },
  DSO: { args: [450000, 1200000, 90], base: 33.75, empty: [0, DIV0, 0] },
  // 100,000 (30 days) + 50,000 of 80,000 (30 × 0.625 = 18.75 days) = 48.75. Empty sales: nothing to count back.
  DSOCOUNTBACK: {
    args: [150000, [[100000, 80000, 90000]], OMITTED],
    base: 48.75,
    empty: [0, NA, 48.75],
  },
  // (500k + 1.2m − 550k) / (500k + 1.2m − 350k) = 1.15m / 1.35m = 85.185 %; each empty amount is 0:
  // 650k/850k = 76.471 | −50k/150k = −33.333 | 1.7m/1.35m = 125.926 | 1.15m/1.7m = 67.647.
  CEI: {
    args: [500000, 1200000, 550000, 350000],
    base: 85.185,
    empty: [76.471, -33.333, 125.926, 67.647],
  },
  // 1.2m × (30 + 10) / 365 = 131,506.85 (caps 10 % of 2m = 200k and 20 % of 1m = 200k do not bite).
  // Empty terms days = 0: 1.2m × 10 / 365 = 32,876.71; empty days beyond terms: 1.2m × 30 / 365 = 98,630.14
  // (0 on desktop, not given on the web: the same, as only lateness adds exposure).
  CREDITLIMIT: {
    args: [1200000, 30, 10, 2000000, 1000000],
    base: 131506.85,
    empty: [0, 32876.71, 98630.14, 131506.85, 131506.85],
  },
};

function outcomeOf(run: () => unknown): Outcome {
  try {
    const v = run();
    if (typeof v === "number" || typeof v === "string") return v;
    throw new Error(`unexpected result ${JSON.stringify(v)}`);
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { error: e.code };
    throw e;
  }
}

function expectOutcome(actual: Outcome, expected: Outcome): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const digits = Math.max(0, String(expected).split(".")[1]?.length ?? 0);
    expect(actual).toBeCloseTo(expected, Math.min(digits, 6));
  } else expect(actual).toEqual(expected);
}

const perHost = (o: Outcome | PerHost, host: HostVariant): Outcome =>
  typeof o === "object" && !("error" in o) ? o[host.name] : (o as Outcome);

test("every catalogue function has a row covering each of its parameters (SCOREREASONS: its own test)", () => {
  expect([...Object.keys(CASES), "SCOREREASONS"].sort()).toEqual(CATALOGUE.map((f) => f.id).sort());
  for (const f of CATALOGUE) {
    const c = CASES[f.id];
    if (!c) continue;
    expect([f.id, c.empty.length]).toEqual([f.id, f.parameters.length]);
    expect([f.id, c.args.length]).toEqual([f.id, f.parameters.length]);
  }
});

describe.each(HOST_VARIANTS)("$name host", (host) => {
  test.each(Object.entries(CASES))("%s: valid arguments, then each argument an empty cell", (id, c) => {
    expectOutcome(
      outcomeOf(() => callAs(host, id, ...c.args)),
      c.base,
    );
    c.empty.forEach((expected, i) => {
      const args = c.args.slice();
      args[i] = EMPTY;
      const actual = outcomeOf(() => callAs(host, id, ...args));
      try {
        expectOutcome(actual, perHost(expected, host));
      } catch (e) {
        throw new Error(`${id} with argument ${i + 1} empty on ${host.name}: ${(e as Error).message}`);
      }
    });
  });

  test("SCOREREASONS with each factor an empty cell names the two costliest of the others", () => {
    // Points lost (100 − sub-score) × weight: payment 42.5×40 = 1700, Z 45.25×25 = 1131, utilisation 54.4×20 = 1088,
    // years 40×10 = 400, disputes 10×5 = 50. An empty factor is 0 (on time, 0 %, no disputes: no cost; 0 years:
    // 80×10 = 800) or not given — in no case among the two costliest — so the text is the same on every host.
    const expected = [
      "Altman Z 2.10 (grey zone); 112% of credit limit",
      "pays 24 days late; Altman Z 2.10 (grey zone)",
      "pays 24 days late; 112% of credit limit",
      "pays 24 days late; Altman Z 2.10 (grey zone)",
      "pays 24 days late; Altman Z 2.10 (grey zone)",
    ];
    expect(callAs(host, "SCOREREASONS", ...CS)).toBe("pays 24 days late; Altman Z 2.10 (grey zone)");
    expected.forEach((text, i) => {
      const args: unknown[] = CS.slice();
      args[i] = EMPTY;
      expect([i, callAs(host, "SCOREREASONS", ...args)]).toEqual([i, text]);
    });
  });

  test("no factor at all is #N/A, also when every factor is an empty cell on the web", () => {
    const all = [EMPTY, EMPTY, EMPTY, EMPTY, EMPTY];
    const outcome = outcomeOf(() => callAs(host, "CREDITSCORE", ...all));
    // Desktop reads the blanks as days 0, utilisation 0, years 0, disputes 0 (Z 0 is not given): a score.
    // (80×40 + 100×20 + 20×10 + 100×5) / 75 = 5900/75 = 78.67 → 79.
    expect(outcome).toEqual(host.name === "desktop" ? 79 : NA);
  });
});
