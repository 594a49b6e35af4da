import { PrizeSplitError } from './errors.js';

export interface DrafterShare {
  id: string;
  /** 贡献率 in percent, e.g. 35 or 33.33 (at most 4 decimals); the rates of a project sum to exactly 100. */
  rate: number;
}

export interface DrafterPrize extends DrafterShare {
  /** The drafter's part in fen. */
  fen: number;
}

const RATE_SCALE = 10_000;
const FULL = 100 * RATE_SCALE;

function scaledRate(d: DrafterShare): bigint {
  const scaled = Math.round(d.rate * RATE_SCALE);
  if (!Number.isFinite(d.rate) || d.rate < 0 || d.rate > 100 || Math.abs(scaled - d.rate * RATE_SCALE) > 1e-6) {
    throw new PrizeSplitError(
      `Drafter ${d.id}: contribution rate must be 0–100 with at most 4 decimals, got ${d.rate}`,
    );
  }
  return BigInt(scaled);
}

/**
 * Splits a prize of `totalFen` among the drafters by their contribution rates with the largest remainder (Hamilton)
 * method, in exact integer arithmetic: each drafter first gets floor(total × rate / 100) fen; the fen left over go one
 * each to the largest remainders, equal remainders in drafter order. The parts add up to `totalFen` exactly, each is
 * within 1 fen of the exact share, and a higher rate never gets less. Results are in drafter order.
 */
export function splitPrize(totalFen: number, drafters: readonly DrafterShare[]): DrafterPrize[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) {
    throw new PrizeSplitError(`A prize is a whole, non-negative number of fen, got ${totalFen}`);
  }
  if (drafters.length === 0) throw new PrizeSplitError('A prize needs at least one drafter to split among');
  const ids = new Set(drafters.map((d) => d.id));
  if (ids.size !== drafters.length) throw new PrizeSplitError('A drafter appears twice');
  const weights = drafters.map(scaledRate);
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum !== BigInt(FULL)) {
    throw new PrizeSplitError(`Contribution rates must sum to exactly 100, they sum to ${Number(sum) / RATE_SCALE}`);
  }
  const total = BigInt(totalFen);
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left--;
  }
  return drafters.map((d, i) => ({ id: d.id, rate: d.rate, fen: Number(parts[i]) }));
}
