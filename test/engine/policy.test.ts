import { DEFAULT_POLICY, mergePolicy, policyBucketLabels, validatePolicy } from "../../src/engine/policy";

describe("policy", () => {
  test("defaults match the spec", () => {
    expect(DEFAULT_POLICY.aging.edges).toEqual([30, 60, 90]);
    expect(DEFAULT_POLICY.breaches).toEqual({
      nearLimitRatio: 0.9,
      severelyOverdueDays: 90,
      insurerMaxExtensionDays: 60,
      disputeAgedDays: 30,
      deteriorationScorePoints: 10,
      deteriorationDaysBeyondTerms: 10,
      lowGrades: ["D", "E"],
    });
    expect(DEFAULT_POLICY.weights).toEqual({
      payment: 40,
      utilization: 20,
      altman: 25,
      years: 10,
      disputes: 5,
    });
    expect(DEFAULT_POLICY.dunning.levels.map((l) => [l.id, l.fromDays])).toEqual([
      ["reminder", 1],
      ["secondNotice", 15],
      ["finalNotice", 30],
      ["creditHold", 60],
    ]);
    expect(DEFAULT_POLICY.lossRates).toEqual([0.003, 0.016, 0.036, 0.066, 0.106]);
    expect(DEFAULT_POLICY.lateInterest).toEqual({
      enabled: false,
      annualRate: 0.08,
      dayBasis: 365,
      recoveryFeeRegime: null,
    });
    expect(DEFAULT_POLICY.dateOrder).toBeNull();
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_POLICY.breaches)).toBe(true);
  });

  test("JSON round trip", () => {
    const p = mergePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(p).toEqual(DEFAULT_POLICY);
  });

  test("mergePolicy overlays, replaces arrays, ignores wrong types and unknown keys", () => {
    const p = mergePolicy({
      aging: { edges: [15, 45] },
      breaches: { nearLimitRatio: 0.8, severelyOverdueDays: "120" as unknown as number },
      dateOrder: "DMY",
      defaultTerms: "Net 30",
      lateInterest: { enabled: true, recoveryFeeRegime: "EU" },
      junk: 1,
    } as Record<string, unknown>);
    expect(p.aging.edges).toEqual([15, 45]);
    expect(p.aging.labels).toBeNull();
    expect(p.breaches.nearLimitRatio).toBe(0.8);
    expect(p.breaches.severelyOverdueDays).toBe(90);
    expect(p.dateOrder).toBe("DMY");
    expect(p.defaultTerms).toBe("Net 30");
    expect(p.lateInterest).toEqual({
      enabled: true,
      annualRate: 0.08,
      dayBasis: 365,
      recoveryFeeRegime: "EU",
    });
    expect("junk" in p).toBe(false);
    expect(mergePolicy(null)).toEqual(DEFAULT_POLICY);
    expect(mergePolicy({ dateOrder: "YMD" } as Record<string, unknown>).dateOrder).toBeNull();
  });

  test("mergePolicy does not share arrays with the input", () => {
    const edges = [10, 20];
    const p = mergePolicy({ aging: { edges } });
    edges.push(30);
    expect(p.aging.edges).toEqual([10, 20]);
  });

  test("validatePolicy names each bad field in English and Chinese", () => {
    const p = mergePolicy({
      aging: { edges: [60, 30], labels: ["a"] },
      breaches: { nearLimitRatio: 1.5 },
      weights: { payment: 0, utilization: 0, altman: 0, years: 0, disputes: 0 },
      dunning: {
        levels: [
          { id: "reminder", fromDays: 10 },
          { id: "creditHold", fromDays: 5 },
        ],
      },
      lossRates: [0.1, 0.2, 2],
      defaultTerms: "someday",
      lateInterest: { annualRate: -1, dayBasis: 300 as 365 },
    });
    const fields = validatePolicy(p).map((x) => x.field);
    expect(fields).toEqual([
      "aging.edges",
      "aging.labels",
      "breaches.nearLimitRatio",
      "weights",
      "dunning.levels.1",
      "lossRates",
      "defaultTerms",
      "lateInterest.annualRate",
      "lateInterest.dayBasis",
    ]);
    for (const x of validatePolicy(p)) {
      expect(x.message.en.length).toBeGreaterThan(0);
      expect(x.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("loss rates must match the bucket count and lie in 0..1", () => {
    expect(validatePolicy(mergePolicy({ aging: { edges: [30] }, lossRates: [0.01, 0.02, 0.5] }))).toEqual([]);
    expect(
      validatePolicy(mergePolicy({ lossRates: [0.01, 0.02, 0.03, 0.04, 1.5] })).map((x) => x.field),
    ).toEqual(["lossRates.4"]);
  });

  test("bucket labels: custom when given, else standard", () => {
    expect(policyBucketLabels(DEFAULT_POLICY)).toEqual(["Current", "1-30", "31-60", "61-90", "91+"]);
    expect(
      policyBucketLabels(
        mergePolicy({
          aging: { edges: [30], labels: ["未到期", "1-30天", "30天以上"] },
          lossRates: [0, 0, 0],
        }),
      ),
    ).toEqual(["未到期", "1-30天", "30天以上"]);
  });
});
