import { describe, expect, it } from 'vitest';
import { createHarness, records, registerTwin } from './localHarness.js';

/**
 * QM_IND end to end: no 现场评审 on its path; an incomplete bundle is registered but never started; an objection
 * without a valid 身份证号 is recorded as not admissible and pauses nothing; a second application is rejected by the
 * 陈述答辩 panel.
 */
describe('QM_IND on the local runtime', () => {
  it('goes from submission to 质量奖 (individual); an incomplete one waits for a new bundle, a second is rejected at 陈述答辩', async () => {
    const h = await createHarness();
    await h.award('clock', 'set', '2025-08-15T10:00:00+08:00');
    const ok = JSON.parse(
      (await h.award('submit', 'examples/qm-ind-complete.zip', '--unit', 'changchun-amr', '--json')).out,
    );
    const bad = JSON.parse(
      (await h.award('submit', 'examples/qm-ind-defects.zip', '--unit', 'changchun-amr', '--json')).out,
    );
    const id = ok.applications[0].applicationId as string;
    const incomplete = bad.applications[0].applicationId as string;
    expect(bad.applications[0]).toMatchObject({ complete: false });
    expect((await h.award('tasks')).out).toMatch(new RegExp(`${incomplete}.*incomplete at intake`));
    expect((await h.award('report', incomplete)).out).toMatch(/blocking/);
    expect((await h.award('status', '--unit', 'changchun-amr')).out.split('\n')).toHaveLength(2);

    const twin = await registerTwin(h, id);
    expect((await h.walk(twin, { until: 'terminal', stopAt: 'DEFENSE' })).stage).toBe('DEFENSE');
    await h.award('panel', 'draw', twin, '--stage', 'DEFENSE');
    await h.award('panel', 'score', twin, '--stage', 'DEFENSE', '--all', '52', '--evidence', h.evidence);
    const rejected = await h.award(
      'decide',
      twin,
      '--stage',
      'DEFENSE',
      '--decision',
      'reject',
      '--reason',
      '答辩未通过',
    );
    expect(rejected.out).toContain(`${twin}: workflow ended at NOT_AWARDED`);

    expect((await h.walk(id, { until: 'finalisation' })).stage).toBe('LEADERSHIP_REVIEW');
    expect((await h.award('finalize', '--campaign', '2025', '--scope', 'QM')).out).toContain(`${id}: AWARD`);
    expect((await h.walk(id, { until: 'terminal', stopAt: 'RESULT_PUBLICITY' })).stage).toBe('RESULT_PUBLICITY');
    const invalid = await h.award(
      'object',
      id,
      '--stage',
      'RESULT_PUBLICITY',
      '--person',
      '张三',
      '--id-number',
      '220102197805123010',
      '--content',
      '有异议',
    );
    expect(invalid.out).toContain('not admissible');
    expect(invalid.out).not.toContain('220102197805123010');
    expect((await records(h, (rt) => rt.repo.getApplication(id)))?.status).toBe('ACTIVE');
    expect((await h.walk(id, { until: 'terminal' })).stage).toBe('AWARDED');

    const history = await h.award('history', id, '--verify');
    expect(history.out).not.toContain('ONSITE_REVIEW');
    expect(history.out).toMatch(/history verified/);
    const csv = await h.award('history', id, '--format', 'csv', '--role', 'auditor');
    expect(csv.code).toBe(0);
    expect(csv.out.split('\n')[0]).toMatch(/^\uFEFF?seq,/);
    expect((await h.award('status', '--track', 'QM_IND', '--status', 'NOT_AWARDED')).out).toContain(twin);
  }, 90_000);
});
