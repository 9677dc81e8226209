/**
 * Registers every AR.* function with Excel: `CustomFunctions.associate(id, adapter)` for each catalogue entry. Call
 * once from the shared-runtime entry point after Office is ready (the playground's stub collects the same calls).
 */
import { ADAPTERS } from "./adapters";
import { getCustomFunctions } from "./errors";

/** Associates every catalogue function. Does nothing when no `CustomFunctions` runtime is present. */
export function registerCustomFunctions(): void {
  const cf = getCustomFunctions();
  if (!cf || typeof cf.associate !== "function") return;
  for (const [id, adapter] of Object.entries(ADAPTERS)) {
    cf.associate(id, adapter as (...args: never[]) => unknown);
  }
}
