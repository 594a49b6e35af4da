import { createHash, randomBytes } from 'node:crypto';
import { PanelDrawInputError } from './errors.js';

/** At least 128 bits of hex, so that publishing the commitment does not let anyone brute-force the seed. */
const SEED_RE = /^[0-9a-f]{32,}$/;

/** A fresh draw seed: 32 bytes from the operating system's CSPRNG, as 64 lower-case hex digits. */
export function generateSeed(): string {
  return randomBytes(32).toString('hex');
}

export function assertSeed(seed: string): void {
  if (typeof seed !== 'string' || !SEED_RE.test(seed)) {
    throw new PanelDrawInputError('A draw seed must be at least 32 lower-case hex digits (use generateSeed())');
  }
}

/** The commitment published before the draw: sha256 of the seed's UTF-8 bytes, lower-case hex. */
export function commitSeed(seed: string): string {
  assertSeed(seed);
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}
