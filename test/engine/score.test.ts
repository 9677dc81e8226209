import {
  NO_RISK_FACTORS,
  NO_SCORE_FACTORS,
  SCORE_WEIGHTS,
  creditScore,
  describeFactor,
  riskGrade,
  scoreReasons,
  subScore,
  subScores,
  validateWeights,
  type ScoreWeights,
} from "../../src/engine/score";

describe("subScore curves", () => {
  it.each([
    [-1, 100],
    [0, 100],
    [0.5, 100],
    [0.75, 80],
    [1.0, 60],
    [1.12, 45.6],
    [1.25, 30],
    [1.5, 0],
    [3, 0],
  ])("utilization %p -> %p", (u, s) => {
    expect(subScore("utilization", u)).toBeCloseTo(s, 10);
  });

  it.each([
    [-1, 0],
    [0, 0],
    [0.905, 20],
    [1.81, 40],
    [2.4, 70],
    [2.99, 100],
    [5, 100],
  ])("altman %p -> %p", (z, s) => {
    expect(subScore("altman", z)).toBeCloseTo(s, 10);
  });

  it("altman is exact at its breakpoints", () => {
    expect(subScore("altman", 1.81)).toBe(40);
    expect(subScore("altman", 2.99)).toBe(100);
  });

  it.each([
    [-2, 20],
    [0, 20],
    [5, 60],
    [10, 100],
    [30, 100],
  ])("years %p -> %p", (y, s) => {
    expect(subScore("years", y)).toBeCloseTo(s, 10);
  });

  it.each([
    [-0.1, 100],
    [0, 100],
    [0.05, 75],
    [0.1, 50],
    [0.2, 0],
    [0.5, 0],
  ])("disputes %p -> %p", (d, s) => {
    expect(subScore("disputes", d)).toBeCloseTo(s, 10);
  });

  it("payment is the unrounded PAYINDEX", () => {
    expect(subScore("payment", 24)).toBe(57.5);
    expect(subScore("payment", -30)).toBe(100);
    expect(subScore("payment", 500)).toBe(20);
  });

  it("throws a RangeError on NaN", () => {
    expect(() => subScore("years", NaN)).toThrow(RangeError);
  });
});

describe("creditScore", () => {
  it("is null when no factor is given", () => {
    expect(creditScore({})).toBeNull();
    expect(creditScore({ daysBeyondTerms: null, utilization: undefined })).toBeNull();
  });

  it("scores one factor as its sub-score, rounded half up", () => {
    expect(creditScore({ daysBeyondTerms: 24 })).toBe(58); // 57.5
    expect(creditScore({ utilization: 1.25 })).toBe(30);
    expect(creditScore({ yearsTrading: 5 })).toBe(60);
  });

  it("re-normalises the weights over the given factors", () => {
    // (40 * 57.5 + 20 * 45.6) / 60 = 53.53
    expect(creditScore({ daysBeyondTerms: 24, utilization: 1.12 })).toBe(54);
    // (20 * 60 + 5 * 0) / 25 = 48
    expect(creditScore({ utilization: 1.0, disputeRate: 0.2 })).toBe(48);
  });

  it("uses 40/20/25/10/5 with every factor given", () => {
    // 40*80 + 20*80 + 25*70 + 10*60 + 5*75 = 7525 -> 75.25
    expect(
      creditScore({
        daysBeyondTerms: 0,
        utilization: 0.75,
        altmanZ: 2.4,
        yearsTrading: 5,
        disputeRate: 0.05,
      }),
    ).toBe(75);
  });

  it("reaches 100 at best and 10 at worst with all factors", () => {
    expect(
      creditScore({ daysBeyondTerms: -30, utilization: 0.5, altmanZ: 3, yearsTrading: 10, disputeRate: 0 }),
    ).toBe(100);
    // 40 * 20 + 10 * 20 = 1000 -> 10
    expect(
      creditScore({ daysBeyondTerms: 200, utilization: 2, altmanZ: -1, yearsTrading: 0, disputeRate: 1 }),
    ).toBe(10);
    expect(creditScore({ utilization: 2, altmanZ: -1 })).toBe(0);
  });

  it("accepts custom weights", () => {
    const w: ScoreWeights = { payment: 1, utilization: 1, altman: 0, years: 0, disputes: 0 };
    expect(creditScore({ daysBeyondTerms: 0, utilization: 1.0 }, w)).toBe(70);
    // zero-weight factors do not count
    expect(creditScore({ daysBeyondTerms: 0, utilization: 1.0, altmanZ: -5 }, w)).toBe(70);
    expect(creditScore({ altmanZ: 1 }, w)).toBeNull();
  });

  it("throws a RangeError on invalid weights or a NaN factor", () => {
    expect(() => creditScore({ daysBeyondTerms: 0 }, { ...SCORE_WEIGHTS, years: -1 })).toThrow(RangeError);
    expect(() => creditScore({ daysBeyondTerms: 0 }, { ...SCORE_WEIGHTS, altman: NaN })).toThrow(RangeError);
    expect(() => creditScore({ daysBeyondTerms: NaN })).toThrow(RangeError);
  });
});

describe("validateWeights", () => {
  it("accepts the defaults and rejects negative or non-finite weights", () => {
    expect(validateWeights(SCORE_WEIGHTS)).toBeNull();
    expect(validateWeights({ ...SCORE_WEIGHTS, payment: -1 })).toMatch(/payment/);
    expect(validateWeights({ ...SCORE_WEIGHTS, disputes: Infinity })).toMatch(/disputes/);
  });
});

describe("subScores", () => {
  it("reports share and points lost per given factor in spec order", () => {
    const s = subScores({ utilization: 1.12, daysBeyondTerms: 24 });
    expect(s.map((x) => x.factor)).toEqual(["payment", "utilization"]);
    expect(s[0]!.share).toBeCloseTo(2 / 3, 12);
    expect(s[0]!.pointsLost).toBeCloseTo((2 / 3) * 42.5, 10);
    expect(s[1]!.subScore).toBeCloseTo(45.6, 10);
    expect(s[1]!.pointsLost).toBeCloseTo((1 / 3) * 54.4, 10);
    const lost = s.reduce((a, x) => a + x.pointsLost, 0);
    expect(100 - lost).toBeCloseTo(3212 / 60, 10);
  });

  it("is empty when nothing is given", () => {
    expect(subScores({})).toEqual([]);
  });
});

describe("riskGrade", () => {
  it.each([
    [100, "A"],
    [80, "A"],
    [79.5, "B"],
    [79, "B"],
    [65, "B"],
    [64, "C"],
    [50, "C"],
    [49, "D"],
    [35, "D"],
    [34.9, "E"],
    [34, "E"],
    [0, "E"],
    [-5, "E"],
    [120, "A"],
  ])("%p -> %s", (score, grade) => {
    expect(riskGrade(score)).toBe(grade);
  });

  it("throws a RangeError on NaN", () => {
    expect(() => riskGrade(NaN)).toThrow(RangeError);
  });
});

describe("describeFactor", () => {
  it.each([
    ["payment", 24, "pays 24 days late", "平均逾期24天付款"],
    ["payment", 23.5, "pays 24 days late", "平均逾期24天付款"],
    ["payment", 1, "pays 1 day late", "平均逾期1天付款"],
    ["payment", -10, "pays 10 days early", "平均提前10天付款"],
    ["payment", -1, "pays 1 day early", "平均提前1天付款"],
    ["payment", 0.4, "pays on time", "按期付款"],
    ["payment", -0.4, "pays on time", "按期付款"],
    ["payment", 0, "pays on time", "按期付款"],
    ["utilization", 1.12, "112% of credit limit", "占信用额度112%"],
    ["utilization", 0.285, "29% of credit limit", "占信用额度29%"],
    ["altman", 1.2, "Altman Z 1.20 (distress zone)", "Altman Z值1.20（困境区）"],
    ["altman", 2.5, "Altman Z 2.50 (grey zone)", "Altman Z值2.50（灰色区）"],
    ["altman", 3.1, "Altman Z 3.10 (safe zone)", "Altman Z值3.10（安全区）"],
    ["years", 1, "1 year trading", "经营1年"],
    ["years", 3, "3 years trading", "经营3年"],
    ["years", 2.5, "2.5 years trading", "经营2.5年"],
    ["disputes", 0.125, "12.5% of invoices disputed", "12.5%的发票有争议"],
    ["disputes", 0.05, "5% of invoices disputed", "5%的发票有争议"],
  ] as const)("%s %p", (factor, value, en, zh) => {
    expect(describeFactor(factor, value, "en")).toBe(en);
    expect(describeFactor(factor, value, "zh-CN")).toBe(zh);
  });
});

describe("scoreReasons", () => {
  it("names the two costliest factors, costliest first", () => {
    // payment loses 2/3 * 42.5 = 28.3; utilisation 1/3 * 54.4 = 18.1
    expect(scoreReasons({ daysBeyondTerms: 24, utilization: 1.12 })).toBe(
      "pays 24 days late; 112% of credit limit",
    );
    expect(scoreReasons({ daysBeyondTerms: 24, utilization: 1.12 }, "zh-CN")).toBe(
      "平均逾期24天付款; 占信用额度112%",
    );
  });

  it("names at most two factors", () => {
    // losses: payment 0.4*26.67=10.7, utilisation 0.2*20=4, altman 0.25*73.5=18.4, years 0.1*40=4, disputes 1.25
    const f = { daysBeyondTerms: 10, utilization: 0.75, altmanZ: 1.2, yearsTrading: 5, disputeRate: 0.05 };
    expect(scoreReasons(f)).toBe("Altman Z 1.20 (distress zone); pays 10 days late");
    expect(scoreReasons(f, "zh-CN")).toBe("Altman Z值1.20（困境区）; 平均逾期10天付款");
  });

  it("orders by points lost, not by raw sub-score", () => {
    // shares 10/15 and 5/15; years 2 -> 36 loses (2/3)*64 = 42.7; disputes 0.2 -> 0 loses (1/3)*100 = 33.3
    expect(scoreReasons({ yearsTrading: 2, disputeRate: 0.2 })).toBe(
      "2 years trading; 20% of invoices disputed",
    );
  });

  it("names one factor when only one costs points", () => {
    expect(scoreReasons({ daysBeyondTerms: -30, utilization: 1.12 })).toBe("112% of credit limit");
  });

  it("keeps spec order on ties", () => {
    const w: ScoreWeights = { payment: 1, utilization: 1, altman: 1, years: 0, disputes: 0 };
    // payment 0 -> 80, utilisation 0.75 -> 80 (tie), altman 2.4 -> 70 (costliest)
    expect(scoreReasons({ utilization: 0.75, daysBeyondTerms: 0, altmanZ: 2.4 }, "en", w)).toBe(
      "Altman Z 2.40 (grey zone); pays on time",
    );
  });

  it("says so when nothing costs points", () => {
    expect(scoreReasons({ daysBeyondTerms: -30, utilization: 0.3 })).toBe(NO_RISK_FACTORS.en);
    expect(scoreReasons({ daysBeyondTerms: -45 }, "zh-CN")).toBe("无风险因素");
  });

  it("says so when no factor is given", () => {
    expect(scoreReasons({})).toBe(NO_SCORE_FACTORS.en);
    expect(scoreReasons({}, "zh-CN")).toBe("未提供评分因素");
  });

  it("defaults to English", () => {
    expect(scoreReasons({ disputeRate: 0.1 })).toBe("10% of invoices disputed");
  });
});
