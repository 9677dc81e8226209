/** Sparse row-array storage for one cell property (values, formulas, formats, styles). */
export type Grid<T> = (T[] | undefined)[];

export function gridGet<T>(g: Grid<T>, r: number, c: number): T | undefined {
  const row = g[r];
  return row === undefined ? undefined : row[c];
}

export function gridSet<T>(g: Grid<T>, r: number, c: number, v: T | undefined): void {
  let row = g[r];
  if (row === undefined) {
    if (v === undefined) return;
    row = g[r] = [];
  }
  row[c] = v as T;
}
