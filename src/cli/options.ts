/**
 * The command line's --policy file and --mapping columns, checked as the pane checks them, with every refusal
 * naming the field or value (never a silent default: mergePolicy ignores what it cannot use, so a misspelt field
 * would quietly score with the default — here it is an error).
 */
import {
  DEFAULT_POLICY,
  isPlainObject,
  mergePolicy,
  normalizeCurrency,
  validatePolicy,
  type Policy,
} from "../engine/policy";
import { columnLetter, headerKey } from "../engine/sheet/normalize";
import type { ColumnMapping, Msg } from "../engine/sheet/types";
import type { MappingOverride } from "./args";
import { columnIndex } from "../excel/writePlan";

/** A value as it compares after merging (currency codes are normalised by the policy). */
function canonical(path: string, v: unknown): string {
  if (path === "baseCurrency" && typeof v === "string") return JSON.stringify(normalizeCurrency(v));
  return JSON.stringify(v);
}

/**
 * Fields of `input` that {@link mergePolicy} would not take as given: unknown names and values of the wrong kind
 * (dotted paths, e.g. `breaches.nearLimitRatoi`, `dateOrder`).
 */
export function ignoredPolicyFields(input: Record<string, unknown>, merged: Policy): string[] {
  const out: string[] = [];
  const walk = (path: string, over: unknown, base: unknown, got: unknown): void => {
    if (path === "rates") {
      if (!isPlainObject(over)) return void out.push(path);
      const rates = got as Record<string, number>;
      for (const [code, rate] of Object.entries(over))
        if (rates[normalizeCurrency(code) ?? ""] !== rate) out.push(`rates.${code}`);
      return;
    }
    if (isPlainObject(base) && isPlainObject(over)) {
      for (const key of Object.keys(over)) {
        const sub = path ? `${path}.${key}` : key;
        if (!(key in base)) out.push(sub);
        else walk(sub, over[key], base[key], (got as Record<string, unknown>)[key]);
      }
      return;
    }
    if (canonical(path, over) !== JSON.stringify(got)) out.push(path);
  };
  const { version: _version, ...rest } = input; // the pane saves its version; the merge sets the current one
  walk("", rest, DEFAULT_POLICY, merged);
  return out;
}

/** The policy of a --policy file's text (JSON), or why it cannot be used. */
export function readPolicyFile(
  text: string,
  file: string,
): { ok: true; policy: Policy } | { ok: false; problems: Msg[] } {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = (e as Error).message;
    return {
      ok: false,
      problems: [{ en: `${file} is not JSON: ${why}`, zh: `${file} 不是有效的 JSON：${why}` }],
    };
  }
  if (!isPlainObject(input))
    return {
      ok: false,
      problems: [
        {
          en: `${file} must hold one JSON object of policy fields.`,
          zh: `${file} 必须是一个包含政策字段的 JSON 对象。`,
        },
      ],
    };
  const policy = mergePolicy(input);
  const problems: Msg[] = ignoredPolicyFields(input, policy).map((field) => ({
    en: `${file}: "${field}" is not a policy field or has a value of the wrong kind.`,
    zh: `${file}：“${field}”不是政策字段，或其值的类型不对。`,
  }));
  problems.push(...validatePolicy(policy).map((p) => p.message));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy };
}

/**
 * `detected` (the header row's detected mapping) with --mapping's columns put in: a column letter as on the sheet (`C`) or a header text of
 * the header row (compared as headers are: case, spaces and punctuation aside). `columnOffset`: the sheet column of
 * the block's first column. A column detected for another role that --mapping gives to this one leaves that role
 * (unless --mapping places it too). The caller then checks the mapping as the pane does (validateMapping).
 */
export function applyMapping(
  detected: ColumnMapping,
  headerRow: readonly unknown[],
  columnOffset: number,
  overrides: readonly MappingOverride[],
): { ok: true; mapping: ColumnMapping } | { ok: false; problems: Msg[] } {
  const mapping: ColumnMapping = { ...detected };
  const problems: Msg[] = [];
  const headers = headerRow.map((h) => String(h ?? "").trim());
  for (const { role, column } of overrides) {
    if (column === null) {
      delete mapping[role];
      continue;
    }
    let col = -1;
    if (/^[A-Za-z]{1,3}$/.test(column) && !headers.some((h) => h.toLowerCase() === column.toLowerCase()))
      col = columnIndex(column) - columnOffset;
    else {
      const key = headerKey(column);
      col = headers.findIndex((h) => h !== "" && headerKey(h) === key);
    }
    if (col < 0 || col >= headerRow.length) {
      const list = headers.map((h, i) => `${columnLetter(columnOffset + i)} "${h}"`).join(", ");
      problems.push({
        en: `--mapping ${role}=${column}: no such column in the table; its columns: ${list}.`,
        zh: `--mapping ${role}=${column}：表中没有这一列；现有列：${list}。`,
      });
      continue;
    }
    for (const other of Object.keys(mapping) as (keyof ColumnMapping)[])
      if (other !== role && mapping[other] === col && !overrides.some((o) => o.role === other))
        delete mapping[other];
    mapping[role] = col;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mapping };
}
