/**
 * The shape of the catalogue: every AR.* function is described once by this metadata (HyperFormula style). The
 * Office functions.json, argument coercion and the docs' tables are all derived from it.
 */

/** Office custom-function parameter/result types. */
export type OfficeType = "number" | "string" | "boolean" | "any";
export type Dimensionality = "scalar" | "matrix";

/** A user-facing text in English and Simplified Chinese. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/**
 * How an argument is read (coerce.ts). The value handed to the implementation:
 * - `number`: number | null          - `date`: whole serial | null (text ISO / Chinese accepted)
 * - `terms`: PaymentTerms | null     - `termsDays`: number | null (a number, or terms text -> nominal days)
 * - `boolean`: boolean | null        - `string`: string | null (mapped through `choices` when given)
 * - `numberCells`: (number | null)[] every cell of a range in row order, empty cells null
 * - `numberList`: number[]           - `stringList`: string[]   (empty cells skipped)
 * - `holidays`: ReadonlySet<number> | null (a range of dates; TRUE = weekends only, FALSE = no roll)
 * `null` means "not given" (omitted, empty cell, or 0 where 0 makes no sense).
 */
export type ParamKind =
  | "number"
  | "date"
  | "terms"
  | "termsDays"
  | "boolean"
  | "string"
  | "numberCells"
  | "numberList"
  | "stringList"
  | "holidays";

export interface ParamSpec {
  /** snake_case name shown in Excel's formula help. */
  readonly name: string;
  readonly kind: ParamKind;
  readonly type: OfficeType;
  readonly dimensionality: Dimensionality;
  readonly optional: boolean;
  readonly description: Text;
  /**
   * Numbers: an empty value (null, "" or blank) counts as 0, as in Excel arithmetic. For required numbers where 0 is
   * meaningful (money, days past due, a score, a Z-score, a rate, terms days): Excel desktop passes an empty cell
   * as 0 anyway, so reading the web's null (and "") as 0 too makes every host give the same result.
   */
  readonly emptyAsZero?: boolean;
  /**
   * Numbers, lists and choice strings: 0 counts as "not given" — where 0 makes no sense (caps, edges, day basis,
   * a model name) or is far likelier an empty cell that desktop passed as 0 than a real value (an Altman Z of
   * exactly 0).
   */
  readonly zeroIsEmpty?: boolean;
  /** A required parameter that may still be empty (the implementation decides). */
  readonly allowEmpty?: boolean;
  /** Numbers: must be a whole number (#VALUE! otherwise). */
  readonly integer?: boolean;
  /** Numbers: allowed range, inclusive (#NUM! outside). */
  readonly min?: number;
  readonly max?: number;
  /** Strings: accepted spellings (lower case, spaces/hyphens/underscores removed) -> value. */
  readonly choices?: Readonly<Record<string, string>>;
}

/** A cell value a function returns. */
export type CellResult = number | string | boolean;

export interface FunctionSpec {
  /** Uppercase id = name in functions.json (the manifest adds the `AR` namespace). */
  readonly id: string;
  readonly description: Text;
  readonly result: { readonly type: OfficeType; readonly dimensionality: Dimensionality };
  readonly parameters: readonly ParamSpec[];
  /** The body: receives coerced arguments in parameter order. Throws ArgError (errors.ts) for cell errors. */
  readonly impl: (...args: never[]) => CellResult;
  /** One worked example for the docs, e.g. `=AR.DUEDATE(DATE(2025,1,15), "2/10 Net 30")` -> `2025-02-14`. */
  readonly example: { readonly formula: string; readonly result: string };
}
