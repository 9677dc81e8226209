/** Display order, names, badge colours and generic explanations of the breach codes. */
import type { PaneStringKey } from "../strings";
import type { BreachCode } from "../services";

export const BREACH_ORDER: readonly BreachCode[] = [
  "OVER_LIMIT",
  "INSURED_LIMIT_EXCEEDED",
  "SEVERELY_OVERDUE",
  "NOTIFY_INSURER",
  "NEAR_LIMIT",
  "LOW_GRADE",
  "DISPUTE_AGED",
  "DETERIORATING",
];

export const breachNameKey = (code: BreachCode): PaneStringKey => `breach_${code}` as PaneStringKey;
export const breachExplainKey = (code: BreachCode): PaneStringKey => `breachExplain_${code}` as PaneStringKey;

/** Badge colour: red for the severe ones, orange for warnings, informative for trends. */
export function breachColor(code: BreachCode): "danger" | "warning" | "informative" {
  switch (code) {
    case "OVER_LIMIT":
    case "SEVERELY_OVERDUE":
    case "INSURED_LIMIT_EXCEEDED":
    case "NOTIFY_INSURER":
      return "danger";
    case "DETERIORATING":
      return "informative";
    default:
      return "warning";
  }
}
