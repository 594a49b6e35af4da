import { toHalfWidth } from '../validation/halfWidth.js';

/** A unit name for comparison: half-width, no spaces, Chinese and ASCII brackets alike, upper case. */
export function normaliseUnitName(name: string): string {
  return toHalfWidth(name)
    .replace(/\s+/g, '')
    .replace(/[（【〔[]/g, '(')
    .replace(/[）】〕\]]/g, ')')
    .toUpperCase();
}

export function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = normaliseUnitName(a);
  return x !== '' && x === normaliseUnitName(b);
}
