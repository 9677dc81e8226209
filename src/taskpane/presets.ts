/**
 * Policy presets offered in the Score view. "workbook" is the policy saved in the workbook; the others are
 * built from the defaults with a few thresholds changed (a preset applies to the run only; the Policy view
 * edits and saves the workbook policy).
 */
import { DEFAULT_POLICY, mergePolicy, type Policy } from "../engine/policy";
import type { PaneStringKey } from "./strings";

export type PresetId = "workbook" | "standard" | "conservative" | "long";

export const PRESET_IDS: readonly PresetId[] = ["workbook", "standard", "conservative", "long"];

/** The pane string naming each preset (the Score view's dropdown; the summary sheet's "policy used"). */
export const PRESET_LABEL: Readonly<Record<PresetId, PaneStringKey>> = {
  workbook: "presetWorkbook",
  standard: "presetStandard",
  conservative: "presetConservative",
  long: "presetLong",
};

/** The policy a preset stands for; `workbook` returns the given workbook policy unchanged. */
export function presetPolicy(id: PresetId, workbook: Policy): Policy {
  switch (id) {
    case "workbook":
      return workbook;
    case "standard":
      return mergePolicy(DEFAULT_POLICY);
    case "conservative":
      return mergePolicy({
        breaches: {
          ...DEFAULT_POLICY.breaches,
          nearLimitRatio: 0.8,
          severelyOverdueDays: 60,
          insurerMaxExtensionDays: 45,
          disputeAgedDays: 21,
          deteriorationScorePoints: 5,
          deteriorationDaysBeyondTerms: 5,
          lowGrades: ["C", "D", "E"],
        },
        lossRates: [0.005, 0.02, 0.045, 0.08, 0.15],
      });
    case "long":
      return mergePolicy({
        aging: { edges: [30, 60, 90, 180], labels: null },
        lossRates: [0.003, 0.016, 0.036, 0.066, 0.106, 0.25],
        breaches: { ...DEFAULT_POLICY.breaches, severelyOverdueDays: 180, insurerMaxExtensionDays: 120 },
      });
  }
}
