import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHarness, records, registerTwin } from './localHarness.js';

/**
 * QM_ORG end to end on the local runtime: the example bundle through the Intake definition, every stage of the
 * Project definition with `award` commands, an objection that pauses the application until it is dismissed, and a
 * second application rejected at 征求意见 after an adverse opinion.
 */
describe('QM_ORG on the local runtime', () => {
  it('goes from submission to 质量奖, pausing on an objection; a second one is rejected at 征求意见', async () => {
    const h = await createHarness();
    expect((await h.award('clock', 'set', '2025-08-15T10:00:00+08:00')).code).toBe(0);
    const submitted = await h.award('submit', 'examples/qm-org-complete.zip', '--unit', 'changchun-amr', '--json');
    expect(submitted.code).toBe(0);
    const result = JSON.parse(submitted.out) as {
      status: string;
      reportPath: string;
      applications: { applicationId: string; stage: string; awaiting: string }[];
    };
    expect(result.status).toBe('complete');
    expect(existsSync(result.reportPath.replace(/json$/, 'html'))).toBe(true);
    const [app] = result.applications;
    if (!app) throw new Error('no application');
    const id = app.applicationId;
    expect(app).toMatchObject({ stage: 'CONSULTATION', awaiting: 'consultation' });

    // The waiting execution's TASK# item carries the token the context supplied ($$.Task.Token).
    const task = await records(h, (rt) => rt.repo.getTask(id, 'CONSULTATION'));
    expect(task?.taskToken).toMatch(/^local:arn:aws:states:local:000000000000:execution:award-project:app-/);
    expect((await h.award('tasks')).out).toContain(`${id}`);

    // Refused and wrong commands: exit 1 and 2, one line, no stack trace.
    const early = await h.award('decide', id, '--stage', 'CONSULTATION', '--decision', 'pass', '--reason', '提前');
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/^refused \(CONSULTATION_INCOMPLETE\)/);
    expect(early.err).not.toMatch(/\n\s+at /);
    expect((await h.award('decide', id, '--stage', 'NOWHERE')).code).toBe(2);

    // 征求意见 → 社会公示: the window opens; an admissible objection pauses the application.
    expect((await h.walk(id, { until: 'terminal', stopAt: 'SOCIAL_PUBLICITY' })).stage).toBe('SOCIAL_PUBLICITY');
    const objected = await h.award(
      'object',
      id,
      '--stage',
      'SOCIAL_PUBLICITY',
      '--unit-name',
      '长春市某行业协会',
      '--contact',
      '0431-00000000',
      '--content',
      '反映该企业存在质量投诉，请核查',
    );
    expect(objected.code).toBe(0);
    const objectionId = /objection (OBJ-[0-9a-f]+)/.exec(objected.out)?.[1] as string;
    const anonymous = await h.award('object', id, '--stage', 'SOCIAL_PUBLICITY', '--anonymous', '--content', '匿名');
    expect(anonymous.out).toContain('not admissible');
    const window = await records(h, (rt) => rt.repo.getWindow(id, 'SOCIAL_PUBLICITY'));
    const closed = await h.award('clock', 'set', window?.closesAt as string);
    expect(closed.out).toContain(`${id}: now at SOCIAL_PUBLICITY (PAUSED)`);
    expect((await h.award('status', '--stage', 'SOCIAL_PUBLICITY', '--status', 'PAUSED')).out).toContain(id);
    const resolved = await h.award('resolve', id, objectionId, '--outcome', 'dismissed', '--reason', '经核查不属实');
    expect(resolved.out).toContain(`${id}: now at MATERIAL_REVIEW`);

    // A second application of the track: an adverse opinion, then the reviewer rejects it.
    const twin = await registerTwin(h, id);
    const required = await records(h, async (rt) => {
      const e = (await rt.repo.listEvents(twin)).find((x) => x.type === 'CONSULTATION_DEPARTMENTS_REQUIRED');
      return e?.data.departments as string[];
    });
    expect(required.length).toBeGreaterThan(0);
    for (const [i, d] of required.entries())
      await h.award(
        'consult',
        twin,
        '--department',
        d,
        '--opinion',
        i === 0 ? 'adverse' : 'no_objection',
        '--summary',
        i === 0 ? '有违法记录' : '无',
        '--evidence',
        h.evidence,
      );
    const rejected = await h.award(
      'decide',
      twin,
      '--stage',
      'CONSULTATION',
      '--decision',
      'reject',
      '--reason',
      '征求意见不通过',
    );
    expect(rejected.out).toContain(`${twin}: workflow ended at NOT_AWARDED`);

    // 资料评审 → 现场评审 → 陈述答辩 → 综合评价 → 领导小组审核 (campaign-wide) → 结果公示 → 省政府审定.
    expect((await h.walk(id, { until: 'finalisation' })).stage).toBe('LEADERSHIP_REVIEW');
    const finalised = await h.award('finalize', '--campaign', '2025');
    expect(finalised.out).toContain(`${id}: AWARD ¥1,000,000.00`);
    expect((await h.walk(id, { until: 'terminal' })).stage).toBe('AWARDED');

    const history = await h.award('history', id, '--verify');
    expect(history.code).toBe(0);
    expect(history.out).toMatch(/history verified: \d+ entries/);
    for (const stage of ['ONSITE_REVIEW', 'DEFENSE', 'RESULT_PUBLICITY', 'GOVERNMENT_APPROVAL'])
      expect(history.out).toContain(stage);
    expect(history.out).toContain('OBJECTION_RESOLVED');
    expect(history.out).toContain('WORKFLOW_COMPLETED');
    expect((await h.award('history', twin, '--verify')).out).toMatch(/NOT_AWARDED\s+WORKFLOW_COMPLETED/);
    expect((await h.award('tasks')).out).toBe('nothing awaits anyone');
  }, 90_000);
});
