import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsultationOpinion } from '../../shared/actions/recordConsultationOpinion.js';
import { recordDecision } from '../../shared/actions/recordDecision.js';
import { requireConsultations } from '../../shared/actions/requireConsultations.js';
import { verifyHistory } from '../../shared/history/verifyHistory.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, partition, reviewer, sha, system, unit } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const opinion = (applicationId: string, department: string, n: number, opinion = 'no_objection') => ({
  actor: reviewer,
  idempotencyKey: `opinion-${department}-${n}`,
  applicationId,
  department,
  opinion,
  summary: '无违法违规记录',
  evidence: [{ objectKey: `consult/${department}.pdf`, sha256: sha('d') }],
});

describe('consultation opinions', () => {
  it('cannot pass 征求意见 before every required department answered; the last one moves it on', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'CONSULTATION');
    await requireConsultations(ctx, {
      actor: system,
      idempotencyKey: 'req',
      applicationId: id,
      departments: ['PUBLIC_SECURITY', 'TAXATION'],
    });
    const first = await recordConsultationOpinion(ctx, opinion(id, 'PUBLIC_SECURITY', 1));
    expect(first.task).toBeUndefined();
    const decide = {
      actor: reviewer,
      idempotencyKey: 'd1',
      applicationId: id,
      stage: 'CONSULTATION',
      outcome: 'pass',
      reasons: '意见齐全',
    };
    await expect(recordDecision(ctx, decide)).rejects.toMatchObject({ code: 'CONSULTATION_INCOMPLETE' });
    const last = await recordConsultationOpinion(ctx, opinion(id, 'TAXATION', 2));
    expect(last.task).toMatchObject({ stage: 'CONSULTATION', output: { outcome: 'pass', to: 'SOCIAL_PUBLICITY' } });
    expect((await local.repository.getApplication(id))?.stage).toBe('SOCIAL_PUBLICITY');
  });

  it('an adverse opinion holds the stage for a reviewer decision', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'CONSULTATION');
    await requireConsultations(ctx, {
      actor: system,
      idempotencyKey: 'req',
      applicationId: id,
      departments: ['TAXATION'],
    });
    const last = await recordConsultationOpinion(ctx, opinion(id, 'TAXATION', 1, 'adverse'));
    expect(last.task).toBeUndefined();
    expect((await local.repository.getApplication(id))?.stage).toBe('CONSULTATION');
    const d = await recordDecision(ctx, {
      actor: reviewer,
      idempotencyKey: 'd',
      applicationId: id,
      stage: 'CONSULTATION',
      outcome: 'reject',
      reasons: '税务部门反映存在欠税',
    });
    expect(d.task?.output).toMatchObject({ outcome: 'reject', to: 'NOT_AWARDED' });
    expect(await local.repository.getApplication(id)).toMatchObject({ stage: 'NOT_AWARDED', status: 'NOT_AWARDED' });
  });

  it('13 departments answering in parallel leave a gap-free chain and exactly one completion', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'CONSULTATION');
    const all = [
      'PUBLIC_SECURITY',
      'ORGANISATION_PERSONNEL',
      'DISCIPLINE_INSPECTION',
      'AUDIT',
      'HUMAN_RESOURCES_SOCIAL_SECURITY',
      'ECOLOGY_ENVIRONMENT',
      'TAXATION',
      'MARKET_REGULATION',
      'EMERGENCY_MANAGEMENT',
      'UNITED_FRONT',
      'FEDERATION_OF_INDUSTRY_AND_COMMERCE',
      'SOCIAL_WORK',
      'CIVIL_AFFAIRS',
    ];
    await requireConsultations(ctx, { actor: system, idempotencyKey: 'req', applicationId: id, departments: all });
    const results = await Promise.all(all.map((d, i) => recordConsultationOpinion(ctx, opinion(id, d, i))));
    expect(results.filter((r) => r.task)).toHaveLength(1);
    const events = await local.repository.listEvents(id);
    expect(verifyHistory(events).ok).toBe(true);
    expect((await local.repository.getApplication(id))?.stage).toBe('SOCIAL_PUBLICITY');
  });

  it('refuses invalid input, a wrong role, a wrong stage, a department not required, an unknown application — changing nothing', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'CONSULTATION');
    await requireConsultations(ctx, {
      actor: system,
      idempotencyKey: 'req',
      applicationId: id,
      departments: ['TAXATION'],
    });
    const before = await partition(local, id);
    await expect(
      recordConsultationOpinion(ctx, { ...opinion(id, 'TAXATION', 1), department: '税务局' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'department',
    });
    await expect(recordConsultationOpinion(ctx, { ...opinion(id, 'TAXATION', 1), evidence: [] })).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
      },
    );
    await expect(recordConsultationOpinion(ctx, { ...opinion(id, 'TAXATION', 1), actor: unit })).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await expect(recordConsultationOpinion(ctx, opinion(id, 'AUDIT', 1))).rejects.toMatchObject({
      code: 'DEPARTMENT_NOT_REQUIRED',
    });
    const elsewhere = await applicationAt(ctx, 'FORMAL_REVIEW', 'SI');
    await expect(recordConsultationOpinion(ctx, opinion(elsewhere, 'TAXATION', 1))).rejects.toMatchObject({
      code: 'WRONG_STAGE',
    });
    expect(await partition(local, id)).toEqual(before);
    await expect(recordConsultationOpinion(ctx, opinion('no-such-app', 'TAXATION', 1))).rejects.toMatchObject({
      code: 'UNKNOWN_APPLICATION',
    });
    expect(await partition(local, 'no-such-app')).toEqual([]);
  });
});

describe('decisions', () => {
  const decision = (applicationId: string, stage: string, extra: object = {}) => ({
    actor: reviewer,
    idempotencyKey: `decision-${stage}`,
    applicationId,
    stage,
    outcome: 'pass',
    reasons: '符合要求',
    ...extra,
  });

  it('a formal-review pass moves an SI application on; a retried decision appends once', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'FORMAL_REVIEW', 'SI');
    const first = await recordDecision(ctx, decision(id, 'FORMAL_REVIEW'));
    const retried = await recordDecision(ctx, decision(id, 'FORMAL_REVIEW'));
    expect(retried.replayed).toBe(true);
    expect(retried.events[0]?.seq).toBe(first.events[0]?.seq);
    expect(retried.task).toEqual(first.task);
    expect(first.task?.output).toMatchObject({ outcome: 'pass', to: 'SOCIAL_PUBLICITY' });
    expect((await local.repository.listEvents(id)).filter((e) => e.type === 'DECISION_RECORDED')).toHaveLength(1);
  });

  it('the unit recommendation is the recommending unit’s decision; government approval ends in AWARDED', async () => {
    const { ctx } = contextOf(local);
    const si = await applicationAt(ctx, 'UNIT_RECOMMENDATION', 'SI');
    await expect(recordDecision(ctx, decision(si, 'UNIT_RECOMMENDATION'))).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await recordDecision(ctx, decision(si, 'UNIT_RECOMMENDATION', { actor: unit }));
    expect((await local.repository.getApplication(si))?.stage).toBe('FORMAL_REVIEW');
    const qm = await applicationAt(ctx, 'GOVERNMENT_APPROVAL');
    await recordDecision(ctx, decision(qm, 'GOVERNMENT_APPROVAL'));
    expect(await local.repository.getApplication(qm)).toMatchObject({ stage: 'AWARDED', status: 'AWARDED' });
  });

  it('a panel stage cannot be decided before its scores are recorded', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'MATERIAL_REVIEW');
    await expect(recordDecision(ctx, decision(id, 'MATERIAL_REVIEW'))).rejects.toMatchObject({
      code: 'SCORES_MISSING',
    });
  });

  it('refuses missing reasons, a wrong stage, an auditor and an unknown application — changing nothing', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'COMPREHENSIVE_EVALUATION');
    const before = await partition(local, id);
    await expect(recordDecision(ctx, decision(id, 'COMPREHENSIVE_EVALUATION', { reasons: ' ' }))).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
        field: 'reasons',
      },
    );
    await expect(recordDecision(ctx, decision(id, 'DEFENSE'))).rejects.toMatchObject({ code: 'WRONG_STAGE' });
    await expect(
      recordDecision(ctx, decision(id, 'COMPREHENSIVE_EVALUATION', { actor: { id: 'a', role: 'auditor' } })),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await expect(recordDecision(ctx, decision(id, 'RECEIVED'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'stage',
    });
    expect(await partition(local, id)).toEqual(before);
    await expect(recordDecision(ctx, decision('ghost', 'FORMAL_REVIEW'))).rejects.toMatchObject({
      code: 'UNKNOWN_APPLICATION',
    });
    expect(await partition(local, 'ghost')).toEqual([]);
  });
});
