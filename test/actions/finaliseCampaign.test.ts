import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../shared/actions/actionContext.js';
import { finaliseCampaign } from '../../shared/actions/finaliseCampaign.js';
import { recordDecision } from '../../shared/actions/recordDecision.js';
import { appendEvent } from '../../shared/history/appendEvent.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, reviewer, unit } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

async function qmAtLeadership(ctx: ActionContext, track: 'QM_ORG' | 'QM_IND', score: number) {
  const id = await applicationAt(ctx, 'COMPREHENSIVE_EVALUATION', track);
  await recordDecision(ctx, {
    actor: reviewer,
    idempotencyKey: 'ce',
    applicationId: id,
    stage: 'COMPREHENSIVE_EVALUATION',
    outcome: 'pass',
    reasons: '综合评价通过',
    score,
  });
  return id;
}

async function siAtSelection(ctx: ActionContext, score: number) {
  const id = await applicationAt(ctx, 'PROFESSIONAL_REVIEW', 'SI');
  await appendEvent(ctx.repo, {
    applicationId: id,
    type: 'PANEL_SCORES_RECORDED',
    stage: 'PROFESSIONAL_REVIEW',
    actor: 'test-setup',
    role: 'reviewer',
    at: '2025-10-10T10:00:00+08:00',
    data: { scores: [], mean: score },
    idempotencyKey: 'scores',
  });
  await recordDecision(ctx, {
    actor: reviewer,
    idempotencyKey: 'pr',
    applicationId: id,
    stage: 'PROFESSIONAL_REVIEW',
    outcome: 'pass',
    reasons: '专业评选通过',
  });
  return id;
}

describe('finaliseCampaign', () => {
  it('QM: finds the waiting applications through the GSI, ranks within 5 + 5 places and the 县处级 cap, records grades and prizes once', async () => {
    const { ctx } = contextOf(local);
    const orgs = [];
    for (let i = 0; i < 10; i++) orgs.push(await qmAtLeadership(ctx, 'QM_ORG', 90 - i));
    const cadre = await qmAtLeadership(ctx, 'QM_IND', 95);
    const person = await qmAtLeadership(ctx, 'QM_IND', 50);
    const request = {
      actor: reviewer,
      idempotencyKey: 'final-qm',
      campaign: '2025',
      scope: 'QM',
      facts: [{ applicationId: cadre, countyCadre: true }],
    };
    const result = await finaliseCampaign(ctx, request);
    const byId = new Map(result.outcomes.map((o) => [o.applicationId, o]));
    expect(result.outcomes).toHaveLength(12);
    expect(byId.get(cadre)).toMatchObject({ selected: false, reason: 'COUNTY_CADRE_CAP', prizeFen: 0 });
    expect(byId.get(orgs[0] as string)).toMatchObject({ grade: 'AWARD', prizeFen: 100_000_000 });
    expect(result.outcomes.filter((o) => o.grade === 'AWARD')).toHaveLength(5);
    expect(result.outcomes.filter((o) => o.grade === 'NOMINATION')).toHaveLength(5);
    expect(await local.repository.getApplication(orgs[0] as string)).toMatchObject({
      stage: 'RESULT_PUBLICITY',
      grade: 'AWARD',
      prizeFen: 100_000_000,
    });
    expect((await local.repository.getApplication(cadre))?.status).toBe('NOT_AWARDED');
    expect(result.tasks).toHaveLength(12);

    const retried = await finaliseCampaign(ctx, request);
    expect(retried.events.map((e) => e.hash)).toEqual(result.events.map((e) => e.hash));
    expect((await local.repository.listEvents(person)).filter((e) => e.type === 'GRADE_RECORDED')).toHaveLength(1);
    await expect(finaliseCampaign(ctx, { ...request, idempotencyKey: 'again' })).rejects.toMatchObject({
      code: 'FINALISATION_FAILED',
    });
  });

  it('SI: grades within the grade quotas and splits the prize among the drafters by 贡献率', async () => {
    const { ctx } = contextOf(local);
    const a = await siAtSelection(ctx, 92);
    const b = await siAtSelection(ctx, 80);
    const result = await finaliseCampaign(ctx, {
      actor: reviewer,
      idempotencyKey: 'final-si',
      campaign: '2025',
      scope: 'SI',
      facts: [
        {
          applicationId: a,
          requestedGrade: 'FIRST',
          drafters: [
            { id: '甲', rate: 50 },
            { id: '乙', rate: 30 },
            { id: '丙', rate: 20 },
          ],
        },
        { applicationId: b, requestedGrade: 'THIRD', drafters: [{ id: '丁', rate: 100 }] },
      ],
    });
    const first = result.outcomes.find((o) => o.applicationId === a);
    expect(first).toMatchObject({ grade: 'FIRST', prizeFen: 15_000_000 });
    expect(first?.drafterPrizes?.map((d) => d.fen)).toEqual([7_500_000, 4_500_000, 3_000_000]);
    expect(result.outcomes.find((o) => o.applicationId === b)).toMatchObject({ grade: 'THIRD', prizeFen: 5_000_000 });
  });
});

describe('finaliseCampaign refusals', () => {
  let fresh: LocalRecords;
  beforeAll(async () => {
    fresh = await startLocalRecords();
  });
  afterAll(async () => fresh.stop());

  it('refuses a wrong role, missing facts and a campaign with nothing waiting — recording nothing', async () => {
    const { ctx } = contextOf(fresh);
    const base = { actor: reviewer, idempotencyKey: 'f', campaign: '2025', scope: 'SI' };
    await expect(finaliseCampaign(ctx, { ...base, actor: unit })).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const c = await siAtSelection(ctx, 70);
    await expect(finaliseCampaign(ctx, { ...base, idempotencyKey: 'missing-grade' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await fresh.repository.getFinalisation('2025', 'SI')).toBeUndefined();
    expect((await fresh.repository.getApplication(c))?.stage).toBe('COMPREHENSIVE_SELECTION');
    await expect(finaliseCampaign(ctx, { ...base, scope: 'QM' })).rejects.toMatchObject({
      code: 'FINALISATION_FAILED',
    });
    await expect(finaliseCampaign(ctx, { ...base, campaign: '2026' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'campaign',
    });
  });
});
