/**
 * Excel-facing adapters: one function per catalogue entry that coerces each argument with its precomputed coercer
 * (coerce.ts), calls the body, checks the result and turns every failure into a `CustomFunctions.Error`. Fixed-arity
 * closures keep the hot path free of per-call allocations (no rest arrays, no argument copies).
 */
import { CATALOGUE } from "./catalogue";
import { makeCoercer, type Coercer } from "./coerce";
import { fail, toCellError } from "./errors";
import type { CellResult, FunctionSpec } from "./types";

/** What `CustomFunctions.associate` receives: raw Excel arguments in, a cell value out (or a thrown cell error). */
export type Adapter = (...args: unknown[]) => CellResult;

type Body = (...args: unknown[]) => unknown;

/** A result Excel can show: finite numbers, strings, booleans; anything else is a cell error. */
function checked(result: unknown, id: string): CellResult {
  if (typeof result === "number") {
    return Number.isFinite(result)
      ? result
      : fail("invalidNumber", `${id}: result is not a finite number`, `${id}：结果不是有限数`);
  }
  if (typeof result === "string" || typeof result === "boolean") return result;
  return fail("notAvailable", `${id}: no result`, `${id}：无结果`);
}

/** Builds the adapter for one function. */
export function buildAdapter(spec: FunctionSpec): Adapter {
  const id = spec.id;
  const body = spec.impl as unknown as Body;
  const c: readonly Coercer[] = spec.parameters.map(makeCoercer);
  const [c0, c1, c2, c3, c4] = c;
  switch (c.length) {
    case 1:
      return (a) => {
        try {
          return checked(body(c0(a)), id);
        } catch (e) {
          throw toCellError(e, id);
        }
      };
    case 2:
      return (a, b) => {
        try {
          return checked(body(c0(a), c1(b)), id);
        } catch (e) {
          throw toCellError(e, id);
        }
      };
    case 3:
      return (a, b, d) => {
        try {
          return checked(body(c0(a), c1(b), c2(d)), id);
        } catch (e) {
          throw toCellError(e, id);
        }
      };
    case 4:
      return (a, b, d, e4) => {
        try {
          return checked(body(c0(a), c1(b), c2(d), c3(e4)), id);
        } catch (e) {
          throw toCellError(e, id);
        }
      };
    case 5:
      return (a, b, d, e4, e5) => {
        try {
          return checked(body(c0(a), c1(b), c2(d), c3(e4), c4(e5)), id);
        } catch (e) {
          throw toCellError(e, id);
        }
      };
    default:
      return (...args) => {
        try {
          const values = new Array<unknown>(c.length);
          for (let i = 0; i < c.length; i++) values[i] = c[i](args[i]);
          return checked(body(...values), id);
        } catch (e) {
          throw toCellError(e, id);
        }
      };
  }
}

/** Adapters for the whole catalogue, by id. */
export const ADAPTERS: Readonly<Record<string, Adapter>> = Object.freeze(
  Object.fromEntries(CATALOGUE.map((spec) => [spec.id, buildAdapter(spec)])),
);

/** The adapter for an id (uppercase), or undefined. */
export function getAdapter(id: string): Adapter | undefined {
  return ADAPTERS[id.toUpperCase()];
}
