import { RankingInputError } from './errors.js';

export interface Ranked {
  id: string;
  /** Comprehensive score (综合评价 / 综合评选); higher is better. */
  score: number;
  /** The recommending unit's own 排序 of this candidate (1 = first); absent sorts after any present rank. */
  recommendingUnitRank?: number | undefined;
}

/**
 * Campaign-wide order: score descending; on equal scores, the recommending unit's 排序 ascending; then the id by
 * UTF-16 code units, so the order is total and the same on every machine.
 */
export function compareCandidates(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  const ra = a.recommendingUnitRank ?? Number.POSITIVE_INFINITY;
  const rb = b.recommendingUnitRank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function assertRankable(candidates: readonly Ranked[]): void {
  const seen = new Set<string>();
  for (const c of candidates) {
    if (typeof c.id !== 'string' || c.id === '') throw new RankingInputError('A candidate has no id');
    if (seen.has(c.id)) throw new RankingInputError(`Candidate ${c.id} appears twice`);
    seen.add(c.id);
    if (!Number.isFinite(c.score)) throw new RankingInputError(`Candidate ${c.id} has no valid score (${c.score})`);
    const r = c.recommendingUnitRank;
    if (r !== undefined && !(Number.isSafeInteger(r) && r >= 1)) {
      throw new RankingInputError(`Candidate ${c.id}: recommending unit rank must be a whole number ≥ 1, got ${r}`);
    }
  }
}

export function assertQuota(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RankingInputError(`${what} must be a whole number ≥ 0, got ${value}`);
  }
}
