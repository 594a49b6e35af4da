import { describe, expect, it } from 'vitest';
import { createHarness, registerTwin } from './localHarness.js';

/**
 * SI end to end: 组织推荐 is the recommending unit's decision (a reviewer is refused), 专业评选 draws from the
 * industry group, 综合评选 grades within the grade quotas and splits the prize among the drafters; a second project
 * is not awarded after an objection is upheld during 社会公示.
 */
describe('SI on the local runtime', () => {
  it('goes from submission to 一等奖; an upheld objection ends a second project as not awarded', async () => {
    const h = await createHarness();
    await h.award('clock', 'set', '2025-08-20T10:00:00+08:00');
    const ok = JSON.parse(
      (await h.award('submit', 'examples/si-complete.zip', '--unit', 'jilin-city-amr', '--json')).out,
    );
    const id = ok.applications[0].applicationId as string;

    const twin = await registerTwin(h, id);
    expect((await h.walk(twin, { until: 'terminal', stopAt: 'SOCIAL_PUBLICITY' })).stage).toBe('SOCIAL_PUBLICITY');
    const objected = await h.award(
      'object',
      twin,
      '--stage',
      'SOCIAL_PUBLICITY',
      '--unit-name',
      '某起草单位',
      '--contact',
      '0432-0000000',
      '--content',
      '主要起草人排序与实际贡献不符',
    );
    const objectionId = /objection (OBJ-[0-9a-f]+)/.exec(objected.out)?.[1] as string;
    const upheld = await h.award('resolve', twin, objectionId, '--outcome', 'upheld', '--reason', '经核查属实');
    expect(upheld.out).toContain(`${twin}: workflow ended at NOT_AWARDED`);

    expect((await h.walk(id, { until: 'terminal', stopAt: 'UNIT_RECOMMENDATION' })).stage).toBe('UNIT_RECOMMENDATION');
    const byReviewer = await h.award(
      'decide',
      id,
      '--stage',
      'UNIT_RECOMMENDATION',
      '--decision',
      'pass',
      '--reason',
      '同意',
      '--role',
      'reviewer',
    );
    expect(byReviewer.code).toBe(1);
    expect(byReviewer.err).toContain('FORBIDDEN_ROLE');
    const walked = await h.walk(id, { until: 'finalisation', industryGroup: '装备制造' });
    expect(walked.stage).toBe('COMPREHENSIVE_SELECTION');
    const graded = await h.award('finalize', '--campaign', '2025', '--scope', 'SI', '--json');
    const outcomes = JSON.parse(graded.out)[0].outcomes as {
      applicationId: string;
      grade: string;
      drafterPrizes: { fen: number }[];
      prizeFen: number;
    }[];
    const mine = outcomes.find((o) => o.applicationId === id);
    expect(mine?.grade).toBe('FIRST');
    expect(mine?.drafterPrizes.reduce((s, d) => s + d.fen, 0)).toBe(mine?.prizeFen);
    expect((await h.walk(id, { until: 'terminal' })).stage).toBe('AWARDED');
    const history = await h.award('history', id, '--verify');
    for (const stage of ['UNIT_RECOMMENDATION', 'FORMAL_REVIEW', 'PROFESSIONAL_REVIEW', 'COMPREHENSIVE_SELECTION'])
      expect(history.out).toContain(stage);
    expect(history.out).toMatch(/history verified/);
  }, 90_000);
});
