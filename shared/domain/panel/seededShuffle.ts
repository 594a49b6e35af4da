import { createHash } from 'node:crypto';

/**
 * Draw algorithm `jqa-panel-draw/1` — enough to re-implement it by hand:
 *
 * 1. Sort the eligible expert ids by UTF-16 code units (plain `<` comparison, no locale).
 * 2. Random numbers: block k (k = 0, 1, 2, …) is sha256 of the UTF-8 text
 *    `jqa-panel-draw/1\n<seed>\n<applicationId>\n<stage>\n<k>`; r_k is its first 6 bytes read as a big-endian
 *    unsigned 48-bit integer.
 * 3. Uniform index below `bound`: take the next r_k; if r_k ≥ floor(2^48 / bound) · bound reject it and take the
 *    next one (avoids modulo bias), else the index is r_k mod bound.
 * 4. Partial Fisher–Yates, forward: for i = 0 … size−1, j = i + uniform index below (n − i), swap positions i and j.
 *    The panel is positions 0 … size−1, in that order.
 */
export const ALGORITHM_VERSION = 'jqa-panel-draw/1';

const TWO_48 = 2 ** 48;

export function seededDraw(
  sortedIds: readonly string[],
  size: number,
  key: { seed: string; applicationId: string; stage: string },
): string[] {
  const prefix = `${ALGORITHM_VERSION}\n${key.seed}\n${key.applicationId}\n${key.stage}\n`;
  let counter = 0;
  const next48 = (): number => createHash('sha256').update(`${prefix}${counter++}`, 'utf8').digest().readUIntBE(0, 6);
  const uniformBelow = (bound: number): number => {
    const limit = Math.floor(TWO_48 / bound) * bound;
    for (;;) {
      const r = next48();
      if (r < limit) return r % bound;
    }
  };
  const a = [...sortedIds];
  for (let i = 0; i < size; i++) {
    const j = i + uniformBelow(a.length - i);
    [a[i], a[j]] = [a[j] as string, a[i] as string];
  }
  return a.slice(0, size);
}

export function byCodeUnits(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
