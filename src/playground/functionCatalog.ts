/**
 * Formula AutoComplete for the playground, as Excel's: "After you type an = (equal sign) and beginning letters or a
 * display trigger, Microsoft Excel displays … a dynamic list of valid functions, names, and text strings that match
 * the letters or trigger" (Use Formula AutoComplete,
 * https://support.microsoft.com/office/use-formula-autocomplete-6d13daa5-e003-4431-abab-9edef51fae6b), each with its
 * one-line description; "To insert the selected item …, press TAB" — the function name and its opening parenthesis.
 * While the caret is inside a function's parentheses, the argument list is shown with the current argument marked
 * (Excel's formula tooltip).
 *
 * The add-in's functions come from the same catalogue metadata as functions.json (`buildFunctionsMetadata`, in the
 * display language), named with the manifest's `AR.` namespace; the engine's built-ins from ./builtinHelp.ts. Pure
 * functions only: the input component is ./FormulaInput.tsx.
 */
import { BUILTIN_HELP } from "./builtinHelp";
import { FUNCTION_NAMESPACE } from "./customFunctions";

/** One function the list can offer. */
export interface FunctionEntry {
  /** As typed in a formula: "AR.DUEDATE", "VLOOKUP". */
  name: string;
  /** One line of help in the display language. */
  description: string;
  /** Argument names in order; optional ones in brackets. */
  args: readonly string[];
}

/** The metadata shape read here (functions.json's, as `buildFunctionsMetadata` returns it). */
export interface FunctionsJsonLike {
  readonly functions: readonly {
    readonly id: string;
    readonly description: string;
    readonly parameters: readonly { readonly name: string; readonly optional: boolean }[];
  }[];
}

/** Every function the autocomplete offers, sorted by name: the add-in's (from functions.json) and the built-ins. */
export function functionCatalog(metadata: FunctionsJsonLike, lang: string): FunctionEntry[] {
  const zh = /^zh/i.test(lang);
  const out: FunctionEntry[] = metadata.functions.map((f) => ({
    name: `${FUNCTION_NAMESPACE}.${f.id}`,
    description: f.description,
    args: f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)),
  }));
  for (const [name, help] of Object.entries(BUILTIN_HELP))
    out.push({ name, description: zh ? help.zh : help.en, args: help.args });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Where a function name is being typed: its start offset and the letters typed so far. */
export interface Completion {
  start: number;
  prefix: string;
}

/** True when `i` is inside a string literal of the formula text (an odd number of quotes before it). */
function inString(text: string, i: number): boolean {
  let open = false;
  for (let k = 0; k < i; k++) if (text[k] === '"') open = !open;
  return open;
}

/**
 * The function name being typed at `caret` in a formula (text starting with "="), or null: a run of letters, digits,
 * "." and "_" starting with a letter, right after "=", an operator, "(", "," or a space, outside string literals.
 */
export function completionAt(text: string, caret: number): Completion | null {
  if (!text.startsWith("=") || caret < 1 || inString(text, caret)) return null;
  const before = text.slice(0, caret);
  const m = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(before);
  if (!m) return null;
  const start = caret - m[0].length;
  const prev = start === 0 ? "" : text[start - 1]!;
  if (!(start === 1 || /[=+\-*/^&(,;<> %]/.test(prev))) return null;
  // A cell reference being typed ("A1", "$B$2" after "$") is not a function name.
  if (/^[A-Za-z]{1,3}\d+$/.test(m[0])) return null;
  return { start, prefix: m[0] };
}

/** Functions whose names start with `prefix` (case-insensitive), in catalogue order. */
export function matchFunctions(entries: readonly FunctionEntry[], prefix: string): FunctionEntry[] {
  const p = prefix.toUpperCase();
  return entries.filter((e) => e.name.startsWith(p));
}

/** The text with the completion replaced by `name(`, and the caret after the parenthesis. */
export function insertFunction(
  text: string,
  completion: Completion,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const head = `${text.slice(0, completion.start)}${name}(`;
  // Keep what follows the caret; skip a "(" already there (re-completing an existing call).
  let tail = text.slice(caret);
  if (tail.startsWith("(")) tail = tail.slice(1);
  return { text: head + tail, caret: head.length };
}

/** The innermost function call the caret is in, and which argument (0-based), or null. */
export function callAt(text: string, caret: number): { name: string; arg: number } | null {
  if (!text.startsWith("=")) return null;
  const stack: { name: string; arg: number }[] = [];
  let quoted = false;
  for (let i = 1; i < caret && i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(") {
      const m = /([A-Za-z_][A-Za-z0-9_.]*)$/.exec(text.slice(0, i));
      stack.push({ name: m ? m[1]!.toUpperCase() : "", arg: 0 });
    } else if (ch === ")") stack.pop();
    else if (ch === "," && stack.length) stack[stack.length - 1]!.arg++;
  }
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.name) return stack[k]!;
  return null;
}
