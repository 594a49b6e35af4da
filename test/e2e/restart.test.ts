import { describe, expect, it } from 'vitest';
import { submitBundle } from '../../infra/local/localIntake.js';
import { AwardHomeBusy } from '../../infra/local/localRecords.js';
import { LocalRuntime } from '../../infra/local/localRuntime.js';
import { consultationStatus } from '../../shared/actions/consultationStatus.js';
import { recordConsultationOpinion } from '../../shared/actions/recordConsultationOpinion.js';
import { createHarness } from './localHarness.js';

/**
 * The runtime keeps nothing in memory: an execution waiting at 征求意见 survives a stop (dynalite closed, its LevelDB
 * on disk), a decision recorded while no execution runs is picked up by the next runtime, and the application then
 * goes on to an award with every `award` command starting a runtime of its own on the same AWARD_HOME.
 */
describe('restarting the local runtime', () => {
  it('continues a waiting execution in a new runtime on the same AWARD_HOME', async () => {
    const h = await createHarness();
    const start = () => LocalRuntime.start({ env: h.io.env, notice: () => {} });

    const first = await start();
    first.clock.set(new Date('2025-08-15T10:00:00+08:00'));
    const submitted = await submitBundle(first, {
      path: 'examples/qm-ind-complete.zip',
      unitId: 'changchun-amr',
      campaign: '2025',
      actor: { id: 'intake', role: 'system' },
    });
    const id = submitted.applications[0]?.applicationId as string;
    expect(await first.repo.getTask(id, 'CONSULTATION')).toMatchObject({ awaiting: 'consultation' });
    await expect(start()).rejects.toBeInstanceOf(AwardHomeBusy);
    await first.stop();

    // A new process: the wait is still there; the opinions are recorded with no execution running (a crash before
    // the resume), so the application is at 社会公示 with nothing waiting there yet.
    const second = await start();
    expect(await second.repo.getTask(id, 'CONSULTATION')).toBeDefined();
    const ctx = second.actionContext();
    for (const department of consultationStatus(await second.repo.listEvents(id)).outstanding)
      await recordConsultationOpinion(ctx, {
        actor: { id: 'reviewer', role: 'reviewer' },
        idempotencyKey: `opinion:${department}`,
        applicationId: id,
        department,
        opinion: 'no_objection',
        summary: '无',
        evidence: [{ objectKey: 'evidence/form.pdf', sha256: 'a'.repeat(64) }],
      });
    expect((await second.repo.getApplication(id))?.stage).toBe('SOCIAL_PUBLICITY');
    await second.stop();

    const third = await start();
    const [due] = await third.unfinished();
    expect(due).toMatchObject({ started: true, meta: { stage: 'SOCIAL_PUBLICITY' } });
    expect(due?.task).toBeUndefined();
    const runs = await third.resumeDue();
    expect(runs.map((r) => [r.applicationId, r.resumeAt, r.outcome.status, r.waitingFor?.awaiting])).toEqual([
      [id, 'SOCIAL_PUBLICITY', 'waiting', 'publicity'],
    ]);
    const window = await third.repo.getWindow(id, 'SOCIAL_PUBLICITY');
    await third.stop();

    // From here every command is a runtime of its own.
    expect((await h.award('clock', 'set', window?.closesAt as string)).out).toContain(`${id}: now at MATERIAL_REVIEW`);
    expect((await h.walk(id, { until: 'finalisation' })).stage).toBe('LEADERSHIP_REVIEW');
    await h.award('finalize', '--campaign', '2025');
    expect((await h.walk(id, { until: 'terminal' })).stage).toBe('AWARDED');
    const history = await h.award('history', id, '--verify');
    expect(history.code).toBe(0);
    // Each idempotent step recorded once despite the repeated runs.
    expect(history.out.match(/SOCIAL_PUBLICITY\s+STAGE_ENTERED/g)).toHaveLength(1);
    expect(history.out.match(/PUBLICITY_OPENED/g)).toHaveLength(2);
  }, 90_000);
});
