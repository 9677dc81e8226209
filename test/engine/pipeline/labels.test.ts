/** Labels of codes in the display language (spec score-sheet §4 v2): breaches, buckets, grades. */
import { bucketLabels, bucketLabelsZh } from "../../../src/engine/aging";
import {
  BREACH_CODES,
  breachLabel,
  breachLabels,
  breachLegend,
  breachMeaning,
  gradeLegend,
  localBucketLabels,
} from "../../../src/engine/pipeline";
import { DEFAULT_POLICY, mergePolicy } from "../../../src/engine/policy";

test("every breach code has a short label in both languages; Chinese labels have no Latin words", () => {
  for (const code of BREACH_CODES) {
    const en = breachLabel(code, "en");
    const zh = breachLabel(code, "zh");
    expect(en.length).toBeGreaterThan(3);
    expect(en.length).toBeLessThanOrEqual(25);
    expect(zh).not.toMatch(/[A-Za-z]/);
    expect(zh.length).toBeLessThanOrEqual(8);
  }
  expect(breachLabel("OVER_LIMIT", "zh")).toBe("超出信用额度");
  // Labels are distinct, so the legend maps each back to one code.
  expect(new Set(BREACH_CODES.map((c) => breachLabel(c, "en"))).size).toBe(BREACH_CODES.length);
  expect(new Set(BREACH_CODES.map((c) => breachLabel(c, "zh"))).size).toBe(BREACH_CODES.length);
});

test("a row's breaches as one cell text, joined as each language writes lists", () => {
  expect(breachLabels(["OVER_LIMIT", "LOW_GRADE"], "en")).toBe("Over credit limit, Low grade");
  expect(breachLabels(["OVER_LIMIT", "LOW_GRADE"], "zh")).toBe("超出信用额度、等级偏低");
  expect(breachLabels([], "zh")).toBe("");
});

test("the legend maps label → code → meaning with the policy's thresholds", () => {
  const legend = breachLegend("en");
  expect(legend.map((l) => l.code)).toEqual([...BREACH_CODES]);
  expect(legend.find((l) => l.code === "SEVERELY_OVERDUE")!.meaning).toMatch(/more than 90 days past due/);
  const strict = mergePolicy({ breaches: { severelyOverdueDays: 60, nearLimitRatio: 0.85 } });
  expect(breachMeaning("SEVERELY_OVERDUE", strict.breaches).zh).toBe("有发票逾期超过60天。");
  expect(breachMeaning("NEAR_LIMIT", strict.breaches).en).toMatch(/at least 85% of the credit limit/);
  expect(breachMeaning("NEAR_LIMIT", DEFAULT_POLICY.breaches).zh).toMatch(/90%/);
  for (const l of breachLegend("zh")) expect(l.meaning).not.toMatch(/[A-Za-z]{3,}/);
});

describe("bucket labels in the display language", () => {
  test("the default edges: 未到期 / 1-30天 / 31-60天 / 61-90天 / 90天以上", () => {
    const en = bucketLabels([30, 60, 90]);
    expect(localBucketLabels(en, "zh")).toEqual(["未到期", "1-30天", "31-60天", "61-90天", "90天以上"]);
    expect(localBucketLabels(en, "en")).toEqual(["Current", "1-30", "31-60", "61-90", "91+"]);
  });

  test("any standard edges give the same set as the Chinese AGINGBUCKET labels", () => {
    for (const edges of [[15, 30, 60, 90], [1, 7, 30], [30, 60, 90, 180], [45]])
      expect(localBucketLabels(bucketLabels(edges), "zh")).toEqual(bucketLabelsZh(edges));
  });

  test("labels the analyst typed stay the analyst's words", () => {
    const custom = ["Not due", "Late", "Very late"];
    expect(localBucketLabels(custom, "zh")).toEqual(custom);
    expect(localBucketLabels(["Current", "early", "91+"], "zh")).toEqual(["Current", "early", "91+"]);
  });
});

test("grade bands: A 80–100 … E 0–34, with a meaning in each language", () => {
  expect(gradeLegend("en").map((g) => [g.grade, g.range])).toEqual([
    ["A", "80–100"],
    ["B", "65–79"],
    ["C", "50–64"],
    ["D", "35–49"],
    ["E", "0–34"],
  ]);
  expect(gradeLegend("zh")[0]!.meaning).toBe("低风险");
  for (const g of gradeLegend("zh")) expect(g.meaning).not.toMatch(/[A-Za-z]/);
});
