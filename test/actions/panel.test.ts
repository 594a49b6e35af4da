import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawApplicationPanel } from '../../shared/actions/drawApplicationPanel.js';
import { recordDecision } from '../../shared/actions/recordDecision.js';
import { recordPanelScores } from '../../shared/actions/recordPanelScores.js';
import { verifyDraw } from '../../shared/domain/panel/verifyDraw.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, partition, reviewer, sha, unit } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
  for (let i = 1; i <= 12; i++)
    await local.repository.putExpert({
      poolId: 'QM',
      expertId: `E${String(i).padStart(2, '0')}`,
      name: `专家${i}`,
      unit: i === 1 ? '吉林某汽车零部件有限公司' : `吉林大学${i}`,
      attributes: { tracks: ['QM_ORG', 'QM_IND'], industryGroups: [], declaredConflicts: [] },
    });
});
afterAll(async () => local.stop());

const drawRequest = (applicationId: string, key = 'draw') => ({
  actor: reviewer,
  idempotencyKey: key,
  applicationId,
  stage: 'MATERIAL_REVIEW',
  poolId: 'QM',
  applicantUnits: [{ name: '吉林某汽车零部件有限公司' }],
});

describe('panel draw and scores', () => {
  it('commits the seed as its own event before the draw, stores the pool snapshot, and the draw re-verifies', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'MATERIAL_REVIEW');
    const result = await drawApplicationPanel(ctx, drawRequest(id));
    const [commit, drawn] = result.events;
    expect(commit?.type).toBe('PANEL_SEED_COMMITTED');
    expect(drawn?.type).toBe('PANEL_DRAWN');
    expect(commit?.seq).toBeLessThan(drawn?.seq ?? 0);
    expect(commit?.data.seedCommitment).toBe(drawn?.data.seedCommitment);
    expect(JSON.stringify(commit?.data)).not.toContain(String(drawn?.data.seed));
    const panel = await local.repository.getPanel(id, 'MATERIAL_REVIEW');
    expect(panel?.members).toHaveLength(5);
    expect(panel?.members).not.toContain('E01');
    expect(
      verifyDraw(drawn?.data, panel?.poolSnapshot ?? [], { publishedCommitment: String(commit?.data.seedCommitment) })
        .ok,
    ).toBe(true);
    const again = await drawApplicationPanel(ctx, drawRequest(id));
    expect(again.replayed).toBe(true);
    expect(again.events.map((e) => e.seq)).toEqual(result.events.map((e) => e.seq));
    await expect(drawApplicationPanel(ctx, drawRequest(id, 'other'))).rejects.toMatchObject({
      code: 'PANEL_ALREADY_DRAWN',
    });
  });

  it('records scores from the panel members only, then the shortlist decision can be taken', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'MATERIAL_REVIEW');
    await drawApplicationPanel(ctx, drawRequest(id));
    const members = (await local.repository.getPanel(id, 'MATERIAL_REVIEW'))?.members ?? [];
    const sheets = [{ objectKey: 'scores/material.pdf', sha256: sha('e') }];
    const before = await partition(local, id);
    await expect(
      recordPanelScores(ctx, {
        actor: reviewer,
        idempotencyKey: 's',
        applicationId: id,
        stage: 'MATERIAL_REVIEW',
        scores: [...members.slice(1), 'E01'].map((expertId) => ({ expertId, score: 80 })),
        evidence: sheets,
      }),
    ).rejects.toMatchObject({ code: 'NOT_A_PANEL_MEMBER' });
    await expect(
      recordPanelScores(ctx, {
        actor: reviewer,
        idempotencyKey: 's',
        applicationId: id,
        stage: 'MATERIAL_REVIEW',
        scores: members.map((expertId) => ({ expertId, score: 101 })),
        evidence: sheets,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await partition(local, id)).toEqual(before);
    const scored = await recordPanelScores(ctx, {
      actor: reviewer,
      idempotencyKey: 's',
      applicationId: id,
      stage: 'MATERIAL_REVIEW',
      scores: members.map((expertId, i) => ({ expertId, score: 80 + i })),
      evidence: sheets,
    });
    expect(scored.events[0]?.data.mean).toBe(82);
    const decided = await recordDecision(ctx, {
      actor: reviewer,
      idempotencyKey: 'shortlist',
      applicationId: id,
      stage: 'MATERIAL_REVIEW',
      outcome: 'pass',
      reasons: '入围现场评审',
    });
    expect(decided.task?.output).toMatchObject({ to: 'ONSITE_REVIEW' });
  });

  it('refuses a wrong stage, a wrong role, a non-panel stage and scores before a draw — changing nothing', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'DEFENSE');
    const before = await partition(local, id);
    await expect(drawApplicationPanel(ctx, drawRequest(id))).rejects.toMatchObject({ code: 'WRONG_STAGE' });
    await expect(
      drawApplicationPanel(ctx, { ...drawRequest(id), stage: 'DEFENSE', actor: unit }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await expect(drawApplicationPanel(ctx, { ...drawRequest(id), stage: 'FORMAL_REVIEW' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'stage',
    });
    await expect(
      recordPanelScores(ctx, {
        actor: reviewer,
        idempotencyKey: 's',
        applicationId: id,
        stage: 'DEFENSE',
        scores: [{ expertId: 'E02', score: 90 }],
        evidence: [{ objectKey: 'x', sha256: sha('f') }],
      }),
    ).rejects.toMatchObject({ code: 'PANEL_MISSING' });
    expect(await partition(local, id)).toEqual(before);
  });
});
