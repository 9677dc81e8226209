/**
 * Calling the catalogue's adapters as each Excel host calls them — the one helper every function test uses when
 * empty cells matter. `EMPTY` stands for a reference to an empty cell and `OMITTED` for an argument left out; the
 * helper turns them into what the host passes, using the catalogue's metadata for each parameter's shape:
 * - a scalar parameter gets the host's empty scalar (desktop `0`, web `null`);
 * - a matrix parameter always gets a 2-D array: a single value `v` as `[[v]]`, an empty cell as the host's empty
 *   range cell (`0`), and `EMPTY` inside a range argument likewise;
 * - `OMITTED` is `null` everywhere.
 * The platform table is the playground's (src/playground/customFunctions.ts HOST_ARGUMENTS, with its sources); the
 * third variant, empty text, is how the v1 spec and older hosts describe empty cells.
 */
import { findFunction } from "../../src/functions/catalogue";
import { HOST_ARGUMENTS, type EmptyCellArguments } from "../../src/playground/customFunctions";
import { call } from "./helpers";

export const EMPTY: unique symbol = Symbol("empty cell");
export const OMITTED: unique symbol = Symbol("omitted argument");

export interface HostVariant {
  readonly name: "desktop" | "web" | "text";
  readonly empty: EmptyCellArguments;
}

export const HOST_VARIANTS: readonly HostVariant[] = [
  { name: "desktop", empty: HOST_ARGUMENTS.windows },
  { name: "web", empty: HOST_ARGUMENTS.web },
  { name: "text", empty: { scalar: "", inRange: "" } },
];

/** One raw argument as `host` passes it for a parameter of the given shape. */
export function hostArgument(host: HostVariant, matrix: boolean, arg: unknown): unknown {
  if (arg === OMITTED) return null;
  const cell = (x: unknown): unknown => (x === EMPTY ? host.empty.inRange : x);
  if (Array.isArray(arg)) return arg.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : cell(row)));
  if (matrix) return [[cell(arg)]];
  return arg === EMPTY ? host.empty.scalar : arg;
}

/** Calls AR.<id> as `host` would with `args` (which may hold EMPTY / OMITTED); returns the value or throws. */
export function callAs(host: HostVariant, id: string, ...args: unknown[]): unknown {
  const spec = findFunction(id);
  if (!spec) throw new Error(`no function ${id}`);
  const raw = spec.parameters.map((p, i) =>
    hostArgument(host, p.dimensionality === "matrix", i < args.length ? args[i] : OMITTED),
  );
  return call(id, ...raw);
}
