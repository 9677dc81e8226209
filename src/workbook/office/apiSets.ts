/**
 * The member → requirement-set table (generated from `@types/office-js` doc comments by scripts/gen-api-sets.js,
 * checked by test/sim/apiSets.test.ts) and version arithmetic.
 *
 * Source of the rule the simulator follows: the Office.js library itself checks every member of a newer
 * requirement set before calling the host — `OfficeExtension.Utility.throwIfApiNotSupported(apiFullName, set,
 * version)` in node_modules/@microsoft/office-js/dist/excel-*.debug.js — and throws `ApiNotFound` ("The method or
 * property {0} is part of the {1} requirement set, which is not available in your version of {2}.") when
 * `Office.context.requirements.isSetSupported(set, version)` is false.
 */
import generated from "./apiSets.generated.json";

const PACKED_API_SETS: Readonly<Record<string, string>> = generated.classes;

/** A requirement set: "ExcelApi", "ExcelApiOnline", "ExcelApiDesktop"; version "BETA" is preview only. */
export interface Requirement {
  set: string;
  version: string;
}

export interface MemberInfo extends Requirement {
  /** True for methods (callable), false for properties and navigation properties. */
  method: boolean;
}

const unpacked = new Map<string, Map<string, MemberInfo>>();

function unpack(cls: string): Map<string, MemberInfo> {
  let members = unpacked.get(cls);
  if (members) return members;
  members = new Map();
  for (const pair of (PACKED_API_SETS[cls] ?? "").split(" ")) {
    if (!pair) continue;
    const at = pair.lastIndexOf(":");
    let name = pair.slice(0, at);
    const code = pair.slice(at + 1);
    const method = name.endsWith("()");
    if (method) name = name.slice(0, -2);
    const set =
      code === "BETA"
        ? { set: "ExcelApi", version: "BETA" }
        : code[0] === "O"
          ? { set: "ExcelApiOnline", version: code.slice(1) }
          : code[0] === "D"
            ? { set: "ExcelApiDesktop", version: code.slice(1) }
            : { set: "ExcelApi", version: code };
    members.set(name, { ...set, method });
  }
  unpacked.set(cls, members);
  return members;
}

/** The requirement of `Class.member` per @types/office-js, or undefined when the type has no such member. */
export function memberInfo(cls: string, member: string): MemberInfo | undefined {
  return unpack(cls).get(member);
}

/** Every documented member of an Office.js class (for tests). */
export function membersOf(cls: string): ReadonlyMap<string, MemberInfo> {
  return unpack(cls);
}

/** Compares dotted versions numerically ("1.10" > "1.9"); "BETA" is above every number. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "BETA") return 1;
  if (b === "BETA") return -1;
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every ExcelApi version named in the table, ascending ("1.1" … newest). */
export const EXCEL_API_VERSIONS: readonly string[] = (() => {
  const seen = new Set<string>();
  for (const packed of Object.values(PACKED_API_SETS)) {
    for (const m of packed.matchAll(/:(\d+\.\d+)(?= |$)/g)) seen.add(m[1]);
  }
  return [...seen].sort(compareVersions);
})();

/** The newest ExcelApi level the table (and so the simulator) knows. */
export const NEWEST_EXCEL_API = EXCEL_API_VERSIONS[EXCEL_API_VERSIONS.length - 1];
