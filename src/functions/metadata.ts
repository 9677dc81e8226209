/**
 * functions.json for Office, generated from the catalogue, and the catalogue's own validation. The build runs both
 * (via tsx) and fails on any validation error, emitting dist/functions.json and dist/functions.zh-CN.json.
 *
 * Format: { allowErrorForDataTypeAny, functions: [{ id, name, description, result: { type, dimensionality },
 * parameters: [{ name, description, type, dimensionality, optional }], options }] } — the manually authored custom
 * functions JSON metadata. `name` equals `id`; the `AR` namespace comes from the manifest.
 * `allowErrorForDataTypeAny` is false (Excel's default, written out so the choice is visible): no function is
 * called with an error argument — Excel shows the error in the cell itself
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany).
 */
import { CATALOGUE } from "./catalogue";
import type { FunctionSpec } from "./types";

export type MetadataLang = "en-US" | "zh-CN";

export interface ParameterMetadata {
  name: string;
  description: string;
  type: string;
  dimensionality: string;
  optional: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  result: { type: string; dimensionality: string };
  parameters: ParameterMetadata[];
  options: Record<string, boolean>;
}

/** The functions.json object for a language (descriptions and parameter help in that language). */
export function buildFunctionsMetadata(
  lang: MetadataLang,
  catalogue: readonly FunctionSpec[] = CATALOGUE,
): { allowErrorForDataTypeAny: boolean; functions: FunctionMetadata[] } {
  const pick = (t: { en: string; zh: string }): string => (lang === "zh-CN" ? t.zh : t.en);
  return {
    allowErrorForDataTypeAny: false,
    functions: catalogue.map((f) => ({
      id: f.id,
      name: f.id,
      description: pick(f.description),
      result: { type: f.result.type, dimensionality: f.result.dimensionality },
      parameters: f.parameters.map((p) => ({
        name: p.name,
        description: pick(p.description),
        type: p.type,
        dimensionality: p.dimensionality,
        optional: p.optional,
      })),
      options: {},
    })),
  };
}

const ID = /^[A-Z][A-Z0-9._]*$/;
const PARAM_NAME = /^[a-z][a-z0-9_]*$/;
const TYPES = new Set(["number", "string", "boolean", "any"]);
const DIMENSIONS = new Set(["scalar", "matrix"]);
const MATRIX_KINDS = new Set(["numberCells", "numberList", "stringList", "holidays"]);

/**
 * Every problem in the catalogue (empty = valid): ids uppercase A-Z0-9._ starting with a letter, 3-128 characters,
 * unique; descriptions present in both languages; parameter names lower snake case, unique per function; optional
 * parameters only after the required ones; valid types and dimensionalities that match the parameter kind; a body
 * whose arity matches the parameters; a valid result type.
 */
export function validateCatalogue(catalogue: readonly FunctionSpec[] = CATALOGUE): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const f of catalogue) {
    const where = `function ${JSON.stringify(f.id)}`;
    if (!ID.test(f.id))
      errors.push(`${where}: id must be uppercase letters, digits, "." or "_", starting with a letter`);
    if (f.id.length < 3 || f.id.length > 128) errors.push(`${where}: id must be 3-128 characters`);
    if (ids.has(f.id)) errors.push(`${where}: duplicate id`);
    ids.add(f.id);
    if (!f.description?.en?.trim() || !f.description?.zh?.trim())
      errors.push(`${where}: needs English and Chinese descriptions`);
    if (!TYPES.has(f.result?.type))
      errors.push(`${where}: invalid result type ${JSON.stringify(f.result?.type)}`);
    if (!DIMENSIONS.has(f.result?.dimensionality)) {
      errors.push(`${where}: invalid result dimensionality ${JSON.stringify(f.result?.dimensionality)}`);
    }
    if (typeof f.impl !== "function") errors.push(`${where}: no implementation`);
    else if (f.impl.length !== f.parameters.length) {
      errors.push(
        `${where}: implementation takes ${f.impl.length} arguments, metadata lists ${f.parameters.length}`,
      );
    }
    const names = new Set<string>();
    let seenOptional = false;
    for (const p of f.parameters) {
      const at = `${where} parameter ${JSON.stringify(p.name)}`;
      if (!PARAM_NAME.test(p.name)) errors.push(`${at}: name must be lower snake case (a-z, 0-9, _)`);
      if (names.has(p.name)) errors.push(`${at}: duplicate parameter name`);
      names.add(p.name);
      if (!TYPES.has(p.type)) errors.push(`${at}: invalid type ${JSON.stringify(p.type)}`);
      if (!DIMENSIONS.has(p.dimensionality))
        errors.push(`${at}: invalid dimensionality ${JSON.stringify(p.dimensionality)}`);
      else if ((p.dimensionality === "matrix") !== MATRIX_KINDS.has(p.kind)) {
        errors.push(`${at}: dimensionality ${p.dimensionality} does not fit kind ${p.kind}`);
      }
      if (p.optional) seenOptional = true;
      else if (seenOptional) errors.push(`${at}: a required parameter follows an optional one`);
      if (!p.description?.en?.trim() || !p.description?.zh?.trim())
        errors.push(`${at}: needs English and Chinese help`);
      if (p.min !== undefined && p.max !== undefined && p.min > p.max) errors.push(`${at}: min is above max`);
    }
  }
  return errors;
}
