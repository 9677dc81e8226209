/**
 * First occurrences of (group, key) string pairs, for the duplicate-invoice check of quality.ts: `firstOf(i)` is the
 * index of the first item with item i's group and key (i itself when it is the first).
 *
 * A JavaScript Map keyed by a million distinct invoice numbers spent over a second of a full sheet's run hashing and
 * probing; this open-addressing table does the same job without allocating per item. Strings are compared for
 * equality on every hash match, so the answer is exactly the Map's.
 *
 * The table is two plain arrays of small integers, not Int32Arrays: typed arrays this large (2 × 8 MB for a full
 * sheet) are memory outside the JavaScript heap, and V8 answers that much new outside memory with an immediate,
 * non-incremental full collection — of the scoring worker's whole ~1 GB heap, 0.6–1 s in one piece, measured.
 */

/** 32-bit FNV-1a of the string's UTF-16 code units, continuing from `h`. */
function fnv(s: string, h: number): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const FNV_OFFSET = 0x811c9dc5 | 0;

/**
 * For items 0..count-1 with `group(i)` and `key(i)` (key undefined: the item takes no part), returns `firstOf`:
 * the first index with the same group and key, or -1 for an item without a key.
 */
export function firstOccurrences(
  count: number,
  group: (i: number) => string,
  key: (i: number) => string | undefined,
): Int32Array {
  const firstOf = new Int32Array(count).fill(-1);
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Array<number>(size).fill(0); // item index + 1; 0 = empty
  const hashes = new Array<number>(size).fill(0); // 30-bit hashes (below)
  const groupHash = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (k === undefined) continue;
    const g = group(i);
    let gh = groupHash.get(g);
    if (gh === undefined) {
      gh = fnv(g, FNV_OFFSET);
      groupHash.set(g, gh);
    }
    // The group's hash seeds the key's; a shared hash only costs a comparison (equality is checked exactly).
    // Kept to 30 bits so every stored hash is a small integer (Smi) even where those have 31 bits (Chrome).
    const h = fnv(k, Math.imul(gh ^ 0xffff, 0x01000193)) & 0x3fffffff;
    let p = h & mask;
    for (;;) {
      const at = slots[p];
      if (at === 0) {
        slots[p] = i + 1;
        hashes[p] = h;
        firstOf[i] = i;
        break;
      }
      const j = at - 1;
      if (hashes[p] === h && key(j) === k && group(j) === g) {
        firstOf[i] = j;
        break;
      }
      p = (p + 1) & mask;
    }
  }
  return firstOf;
}
