import { describe, expect, it } from 'vitest';
import { drawPanel } from '../../../shared/domain/panel/drawPanel.js';
import { commitSeed } from '../../../shared/domain/panel/drawSeed.js';
import { verifyDraw } from '../../../shared/domain/panel/verifyDraw.js';
import { baseOptions, expert, pool, qmSubject, SEED, siSubject } from './fixtures.js';

describe('verifyDraw', () => {
  const experts = [...pool(12), expert('X', { unit: '吉林某汽车零部件有限公司' })];
  const record = drawPanel(experts, qmSubject, baseOptions);

  it('accepts the record with the same pool (in any order) and the published commitment', () => {
    expect(verifyDraw(record, [...experts].reverse(), { publishedCommitment: commitSeed(SEED) })).toEqual({
      ok: true,
      differences: [],
    });
  });

  it('accepts an SI record drawn within an industry group', () => {
    const si = drawPanel([...pool(6), expert('F', { industryGroups: ['食品'] })], siSubject, {
      ...baseOptions,
      stage: 'PROFESSIONAL_REVIEW',
    });
    expect(si.industryGroup).toBe('装备制造');
    expect(verifyDraw(si, [...pool(6), expert('F', { industryGroups: ['食品'] })]).ok).toBe(true);
  });

  it.each([
    ['a drawn expert swapped', { drawn: [...record.drawn.slice(1), 'E099'] }, 'drawn'],
    ['the seed replaced', { seed: 'a'.repeat(64) }, 'seedCommitment'],
    ['an exclusion removed', { excluded: [] }, 'excluded'],
    ['the pool hash edited', { poolHash: '0'.repeat(64) }, 'poolHash'],
    ['the workload cap edited', { workloadCap: 0 }, 'eligibleIds'],
    ['a workload edited', { workload: { [record.drawn[0] as string]: 9 } }, 'eligibleIds'],
  ])('rejects a record with %s, naming the difference', (_why, tamper, field) => {
    const verdict = verifyDraw({ ...record, ...tamper }, experts);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences.map((d) => d.field)).toContain(field);
  });

  it('rejects a record checked against a different pool', () => {
    const verdict = verifyDraw(record, [...experts, expert('NEW')]);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences.map((d) => d.field)).toEqual(expect.arrayContaining(['poolSize', 'poolHash']));
  });

  it('rejects a commitment that differs from the one published before the draw', () => {
    const verdict = verifyDraw(record, experts, { publishedCommitment: commitSeed('b'.repeat(64)) });
    expect(verdict.differences.map((d) => d.field)).toEqual(['publishedCommitment']);
  });

  it('reports, without throwing, a record that is not a draw record or cannot be recomputed', () => {
    expect(verifyDraw({ hello: 1 }, experts)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Not a panel'),
    });
    const short = verifyDraw(record, pool(2));
    expect(short.ok).toBe(false);
    expect(short.error).toContain('needs 3 experts');
    expect(verifyDraw({ ...record, algorithmVersion: 'other/9' }, experts).error).toContain('Unknown draw algorithm');
  });
});
