import { describe, expect, it } from 'vitest';
import { RankingInputError } from '../../../shared/domain/ranking/errors.js';
import { gradeSi, type SiCandidate, type SiGrade } from '../../../shared/domain/ranking/siGrading.js';

const quotas = { FIRST: 5, SECOND: 10, THIRD: 15 };
const p = (id: string, score: number, requestedGrade: SiGrade, recommendingUnitRank?: number): SiCandidate => ({
  id,
  score,
  requestedGrade,
  recommendingUnitRank,
});

describe('gradeSi: 一/二/三等奖 within quotas, the requested grade as a ceiling', () => {
  it('never awards a grade higher than the one applied for', () => {
    const r = gradeSi([p('A', 99, 'THIRD'), p('B', 60, 'FIRST')], quotas);
    expect(r).toEqual([
      expect.objectContaining({ id: 'A', grade: 'THIRD', reason: 'WITHIN_QUOTA' }),
      expect.objectContaining({ id: 'B', grade: 'FIRST', reason: 'WITHIN_QUOTA' }),
    ]);
  });

  it('places a 一等奖 applicant lower when the 一等奖 quota is full', () => {
    const r = gradeSi(
      [p('A', 95, 'FIRST'), p('B', 94, 'FIRST'), p('C', 93, 'FIRST'), p('D', 92, 'SECOND'), p('E', 91, 'THIRD')],
      { FIRST: 2, SECOND: 1, THIRD: 1 },
    );
    expect(r.map((x) => [x.id, x.grade, x.reason])).toEqual([
      ['A', 'FIRST', 'WITHIN_QUOTA'],
      ['B', 'FIRST', 'WITHIN_QUOTA'],
      ['C', 'SECOND', 'HIGHER_GRADE_QUOTA_FULL'],
      ['D', 'THIRD', 'HIGHER_GRADE_QUOTA_FULL'],
      ['E', null, 'QUOTA_FULL'],
    ]);
  });

  it('awards at most 5 / 10 / 15 and leaves the rest unawarded', () => {
    const candidates = Array.from({ length: 40 }, (_, i) => p(`S${String(i).padStart(2, '0')}`, 100 - i, 'FIRST'));
    const r = gradeSi(candidates, quotas);
    const count = (g: SiGrade | null) => r.filter((x) => x.grade === g).length;
    expect([count('FIRST'), count('SECOND'), count('THIRD'), count(null)]).toEqual([5, 10, 15, 10]);
    expect(r[39]).toMatchObject({ grade: null, reason: 'QUOTA_FULL' });
  });

  it('breaks equal scores by the recommending unit’s 排序, then by id', () => {
    const r = gradeSi([p('B', 90, 'FIRST', 2), p('A', 90, 'FIRST'), p('C', 90, 'FIRST', 1)], {
      FIRST: 1,
      SECOND: 1,
      THIRD: 0,
    });
    expect(r.map((x) => [x.id, x.grade])).toEqual([
      ['C', 'FIRST'],
      ['B', 'SECOND'],
      ['A', null],
    ]);
  });

  it('rejects an unknown grade and a negative quota', () => {
    expect(() => gradeSi([p('A', 1, 'FOURTH' as SiGrade)], quotas)).toThrow(RankingInputError);
    expect(() => gradeSi([p('A', 1, 'FIRST')], { ...quotas, SECOND: -1 })).toThrow(RankingInputError);
  });
});
