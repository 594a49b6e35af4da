import { describe, expect, it } from 'vitest';
import { RankingInputError } from '../../../shared/domain/ranking/errors.js';
import { type QmCandidate, rankQm } from '../../../shared/domain/ranking/qmRanking.js';

const quotas = { awardQuota: 5, nominationQuota: 5, countyCadreCapPercent: 20 };
const org = (id: string, score: number, recommendingUnitRank?: number): QmCandidate => ({
  id,
  track: 'QM_ORG',
  score,
  recommendingUnitRank,
});
const ind = (id: string, score: number, countyCadre = false): QmCandidate => ({
  id,
  track: 'QM_IND',
  score,
  countyCadre,
});

function byId(ranking: ReturnType<typeof rankQm>) {
  return Object.fromEntries(ranking.results.map((r) => [r.id, r]));
}

describe('rankQm: quotas counted over organisations and individuals together', () => {
  it('gives 质量奖 to the first five, 提名奖 to the next five, and nothing to the rest', () => {
    const candidates = [
      ...Array.from({ length: 7 }, (_, i) => org(`O${i + 1}`, 95 - i * 2)),
      ...Array.from({ length: 5 }, (_, i) => ind(`P${i + 1}`, 94 - i * 2)),
    ];
    const r = rankQm(candidates, quotas);
    expect(r.results.map((x) => x.id)).toEqual([
      'O1',
      'P1',
      'O2',
      'P2',
      'O3',
      'P3',
      'O4',
      'P4',
      'O5',
      'P5',
      'O6',
      'O7',
    ]);
    expect(r.results.map((x) => x.result)).toEqual([
      ...Array(5).fill('AWARD'),
      ...Array(5).fill('NOMINATION'),
      'NOT_SELECTED',
      'NOT_SELECTED',
    ]);
    expect(byId(r).O6).toMatchObject({ reason: 'QUOTA_FULL', position: 11 });
    expect(byId(r).O1?.reason).toBe('WITHIN_AWARD_QUOTA');
    expect(byId(r).P5?.reason).toBe('WITHIN_NOMINATION_QUOTA');
  });

  it('breaks equal scores by the recommending unit’s 排序, then by id', () => {
    const r = rankQm([org('B', 90, 2), org('A', 90), org('C', 90, 1), org('D', 90, 2)], quotas);
    expect(r.results.map((x) => x.id)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('fills fewer places when there are fewer candidates', () => {
    const r = rankQm([org('A', 80), ind('B', 70)], { ...quotas, awardQuota: 1 });
    expect(r.results.map((x) => x.result)).toEqual(['AWARD', 'NOMINATION']);
  });
});

describe('rankQm: 县处级 cadres ≤ floor(20% of the individuals selected)', () => {
  it('admits one cadre among five individuals selected', () => {
    const r = rankQm([ind('P1', 99, true), ind('P2', 98), ind('P3', 97), ind('P4', 96), ind('P5', 95)], quotas);
    expect(r).toMatchObject({ individualsSelected: 5, countyCadresSelected: 1, countyCadreCap: 1 });
    expect(byId(r).P1?.result).toBe('AWARD');
  });

  it('pushes out the lowest-placed excess cadre; the next non-cadre individual takes the place', () => {
    const r = rankQm(
      [
        ind('P1', 99, true),
        ind('P2', 98, true),
        ind('P3', 97),
        ind('P4', 96),
        ind('P5', 95),
        org('O1', 94),
        org('O2', 93),
        org('O3', 92),
        org('O4', 91),
        org('O5', 90),
        org('O6', 89),
        ind('P6', 88),
      ],
      quotas,
    );
    const x = byId(r);
    expect(x.P2).toMatchObject({ result: 'NOT_SELECTED', reason: 'COUNTY_CADRE_CAP' });
    expect(x.P6).toMatchObject({ result: 'NOMINATION', replaces: 'P2' });
    expect(x.O6).toMatchObject({ result: 'NOT_SELECTED', reason: 'QUOTA_FULL' });
    // P2 held a 质量奖 place: the next in order (O1) moves up to 质量奖, the replacement gets the last 提名奖.
    expect(x.O1?.result).toBe('AWARD');
    expect(r).toMatchObject({ individualsSelected: 5, countyCadresSelected: 1, countyCadreCap: 1 });
  });

  it('admits no cadre when fewer than five individuals are selected, the place going to an organisation', () => {
    const r = rankQm([ind('P1', 99, true), ind('P2', 98), org('O1', 97), org('O2', 96)], {
      ...quotas,
      awardQuota: 2,
      nominationQuota: 1,
    });
    const x = byId(r);
    expect(x.P1).toMatchObject({ result: 'NOT_SELECTED', reason: 'COUNTY_CADRE_CAP' });
    expect(x.O2).toMatchObject({ result: 'NOMINATION', replaces: 'P1' });
    expect(r.countyCadresSelected).toBe(0);
  });

  it('never lets a cadre replace a cadre; with no one left to take a place it stays empty and the cap tightens', () => {
    // P00…P11, even numbers are cadres. The first ten (5 cadres) exceed the cap of 2: P08 leaves for P11, then
    // P06, P04 and P02 leave with nobody left to replace them, until 7 individuals admit 1 cadre.
    const candidates = Array.from({ length: 12 }, (_, i) =>
      ind(`P${String(i).padStart(2, '0')}`, 100 - i, i % 2 === 0),
    );
    const r = rankQm(candidates, quotas);
    expect(r.countyCadresSelected).toBeLessThanOrEqual(r.countyCadreCap);
    expect(r.results.filter((x) => x.result !== 'NOT_SELECTED').map((x) => x.id)).toEqual([
      'P00',
      'P01',
      'P03',
      'P05',
      'P07',
      'P09',
      'P11',
    ]);
    expect(r.results.filter((x) => x.reason === 'COUNTY_CADRE_CAP').map((x) => x.id)).toEqual([
      'P02',
      'P04',
      'P06',
      'P08',
    ]);
    expect(r).toMatchObject({ individualsSelected: 7, countyCadresSelected: 1, countyCadreCap: 1 });
  });

  it('rejects an organisation marked as a cadre, duplicates and bad scores', () => {
    expect(() => rankQm([{ ...org('A', 1), countyCadre: true }], quotas)).toThrow(RankingInputError);
    expect(() => rankQm([org('A', 1), org('A', 2)], quotas)).toThrow(RankingInputError);
    expect(() => rankQm([org('A', Number.NaN)], quotas)).toThrow(RankingInputError);
    expect(() => rankQm([org('A', 1)], { ...quotas, countyCadreCapPercent: 120 })).toThrow(RankingInputError);
  });
});
