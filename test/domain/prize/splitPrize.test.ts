import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrizeSplitError } from '../../../shared/domain/prize/errors.js';
import { qmPrizeFen } from '../../../shared/domain/prize/qmPrize.js';
import { siDrafterPrizes } from '../../../shared/domain/prize/siPrize.js';
import { splitPrize } from '../../../shared/domain/prize/splitPrize.js';

const d = (rates: number[]) => rates.map((rate, i) => ({ id: `D${i + 1}`, rate }));

describe('splitPrize: largest remainder in fen', () => {
  it.each([
    {
      why: 'even rates, no remainder',
      total: 15_000_000,
      rates: [40, 30, 20, 10],
      fen: [6_000_000, 4_500_000, 3_000_000, 1_500_000],
    },
    {
      why: 'thirds of 10万: the extra fen goes to the first drafter on equal remainders',
      total: 10_000_000,
      rates: [33.34, 33.33, 33.33],
      fen: [3_334_000, 3_333_000, 3_333_000],
    },
    { why: 'thirds of 1 fen short', total: 100, rates: [33.34, 33.33, 33.33], fen: [34, 33, 33] },
    { why: 'largest remainder wins the leftover fen', total: 7, rates: [50, 30, 20], fen: [4, 2, 1] },
    { why: 'equal remainders broken by drafter order', total: 1, rates: [50, 50], fen: [1, 0] },
    { why: 'a single drafter gets everything', total: 5_000_000, rates: [100], fen: [5_000_000] },
    { why: 'zero prize', total: 0, rates: [60, 40], fen: [0, 0] },
  ])('$why', ({ total, rates, fen }) => {
    const parts = splitPrize(total, d(rates));
    expect(parts.map((p) => p.fen)).toEqual(fen);
    expect(parts.map((p) => p.id)).toEqual(rates.map((_, i) => `D${i + 1}`));
  });

  it.each([
    ['rates that do not sum to 100', 100, d([50, 40])],
    ['a rate with more than 4 decimals', 100, d([33.333333, 66.666667])],
    ['a negative rate', 100, d([110, -10])],
    ['a fractional amount', 100.5, d([100])],
    ['a negative amount', -1, d([100])],
    ['no drafters', 100, []],
    [
      'a drafter twice',
      100,
      [
        { id: 'A', rate: 50 },
        { id: 'A', rate: 50 },
      ],
    ],
  ])('rejects %s', (_why, total, drafters) => {
    expect(() => splitPrize(total, drafters)).toThrow(PrizeSplitError);
  });
});

// Rates in hundredths of a percent summing to exactly 100: cut [0, 10000] at random points.
const ratesArb = fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 4 }).map((cuts) => {
  const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
  return points.slice(1).map((p, i) => (p - (points[i] as number)) / 100);
});
const totalArb = fc.integer({ min: 0, max: 1_000_000_000 });

describe('splitPrize properties', () => {
  it('parts sum exactly to the total', () => {
    fc.assert(
      fc.property(totalArb, ratesArb, (total, rates) => {
        expect(splitPrize(total, d(rates)).reduce((a, p) => a + p.fen, 0)).toBe(total);
      }),
    );
  });

  it('each part is within 1 fen of the exact share', () => {
    fc.assert(
      fc.property(totalArb, ratesArb, (total, rates) => {
        for (const p of splitPrize(total, d(rates))) {
          // exact share = total × rate / 100, compared in integers: |fen × 10000 − total × rate×100| < 10000
          const diff = BigInt(p.fen) * 10_000n - BigInt(total) * BigInt(Math.round(p.rate * 100));
          expect(diff < 10_000n && diff > -10_000n).toBe(true);
        }
      }),
    );
  });

  it('a higher rate never gets less', () => {
    fc.assert(
      fc.property(totalArb, ratesArb, (total, rates) => {
        const parts = splitPrize(total, d(rates));
        for (const a of parts) for (const b of parts) if (a.rate > b.rate) expect(a.fen).toBeGreaterThanOrEqual(b.fen);
      }),
    );
  });
});

describe('prize amounts', () => {
  const qm = { awardFen: 100_000_000, nominationFen: 10_000_000 };

  it.each([
    ['QM_ORG', 'AWARD', 100_000_000],
    ['QM_ORG', 'NOMINATION', 10_000_000],
    ['QM_ORG', 'NOT_SELECTED', 0],
    ['QM_IND', 'AWARD', 0],
    ['QM_IND', 'NOMINATION', 0],
  ] as const)('%s %s → %i fen (individuals get a certificate only)', (track, result, fen) => {
    expect(qmPrizeFen(track, result, qm)).toBe(fen);
  });

  it('splits the SI grade amount among the drafters', () => {
    const parts = siDrafterPrizes('SECOND', d([35, 25, 20, 10, 10]), {
      FIRST: 15_000_000,
      SECOND: 10_000_000,
      THIRD: 5_000_000,
    });
    expect(parts.map((p) => p.fen)).toEqual([3_500_000, 2_500_000, 2_000_000, 1_000_000, 1_000_000]);
  });
});
