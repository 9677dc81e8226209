/**
 * A tiny deterministic pseudo-random generator (mulberry32) for the sample workbooks.
 * Same seed → same sequence on every machine; no `Math.random`, no clock.
 */

/** Returns a generator of floats in [0, 1) seeded by a 32-bit integer. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers on top of a float generator: integers, picks, chances. */
export interface Rng {
  next(): number;
  int(min: number, max: number): number; // inclusive bounds
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}
