import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../shared/actions/actionContext.js';
import { drawApplicationPanel } from '../../shared/actions/drawApplicationPanel.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { verifyDraw } from '../../shared/domain/panel/verifyDraw.js';
import type { RecordsRepository } from '../../shared/records/recordsRepository.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, reviewer } from './actionFixture.js';

const cap = loadCampaign('2025').panels.expertWorkloadCap;
const size = loadCampaign('2025').panels.sizes.MATERIAL_REVIEW as number;
const stage = 'MATERIAL_REVIEW' as const;

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
  for (const [poolId, n] of [
    ['SMALL', 7],
    ['STEAL', size + 1],
  ] as const)
    for (let i = 1; i <= n; i++)
      await local.repository.putExpert({
        poolId,
        expertId: `${poolId}-${i}`,
        name: `专家${i}`,
        unit: `吉林大学${i}`,
        attributes: { tracks: ['QM_ORG', 'QM_IND'], industryGroups: [], declaredConflicts: [] },
      });
});
afterAll(async () => local.stop());

const drawRequest = (applicationId: string, poolId: string) => ({
  actor: reviewer,
  idempotencyKey: `draw:${applicationId}`,
  applicationId,
  stage,
  poolId,
  applicantUnits: [{ name: '吉林某汽车零部件有限公司' }],
});

describe('panel draw workload cap', () => {
  it(`20 concurrent draws from a pool of 7 never seat an expert on more than the cap (${cap}) of panels`, async () => {
    const { ctx } = contextOf(local);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await applicationAt(ctx, stage));
    const results = await Promise.allSettled(ids.map((id) => drawApplicationPanel(ctx, drawRequest(id, 'SMALL'))));

    const drawnIds = ids.filter((_, i) => results[i]?.status === 'fulfilled');
    const panels = await Promise.all(drawnIds.map((id) => local.repository.getPanel(id, stage)));
    const seats = new Map<string, number>();
    for (const p of panels) for (const m of p?.members ?? []) seats.set(m, (seats.get(m) ?? 0) + 1);
    // 7 experts × cap seats hold at most floor(7 × cap / size) panels; the other draws were refused.
    expect(drawnIds.length).toBeLessThanOrEqual(Math.floor((7 * cap) / size));
    expect(drawnIds.length).toBeGreaterThan(0);
    expect(Math.max(...seats.values())).toBeLessThanOrEqual(cap);
    for (const r of results)
      if (r.status === 'rejected') {
        expect(['PANEL_DRAW_FAILED', 'CONTENTION']).toContain((r.reason as { code?: string }).code);
        expect(String((r.reason as Error).message)).toMatch(/WORKLOAD_CAP_REACHED|workload cap/);
      }

    // The workload items agree with the panels actually drawn, seat for seat.
    const held = await local.repository.workloadAtStage('2025', stage);
    for (const [expertId, n] of seats) {
      expect(held[expertId]?.count).toBe(n);
      expect(held[expertId]?.panels).toEqual(
        drawnIds.filter((_id, i) => panels[i]?.members?.includes(expertId)).sort(),
      );
    }
    for (const [expertId, w] of Object.entries(held)) if (!seats.has(expertId)) expect(w.count).toBe(0);

    // Every recorded draw still re-verifies against the workload it was drawn with.
    for (const id of drawnIds) {
      const drawn = (await local.repository.listEvents(id)).find((e) => e.type === 'PANEL_DRAWN');
      const panel = await local.repository.getPanel(id, stage);
      expect(verifyDraw(drawn?.data, panel?.poolSnapshot ?? []).ok).toBe(true);
    }
  });

  it('a draw whose last seat is taken by another draw gives back its seats and draws again without that expert', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, stage);
    // Another draw fills the first expert this draw seats to the cap, between this draw's read of the workload and
    // that expert's seat update.
    let victim: string | undefined;
    const repo: RecordsRepository = Object.create(local.repository);
    repo.reserveWorkload = async (campaign, s, expertId, panel, limit) => {
      if (!victim) {
        victim = expertId;
        for (let k = 0; k < cap; k++) await local.repository.reserveWorkload(campaign, s, victim, `other-${k}`, cap);
      }
      return local.repository.reserveWorkload(campaign, s, expertId, panel, limit);
    };
    const racing: ActionContext = { ...ctx, repo };
    const result = await drawApplicationPanel(racing, drawRequest(id, 'STEAL'));
    const members = (await local.repository.getPanel(id, stage))?.members ?? [];
    const held = await local.repository.workloadAtStage('2025', stage);
    expect(victim).toBeDefined();
    expect(members).toHaveLength(size);
    expect(members).not.toContain(victim);
    expect(held[victim as string]).toMatchObject({ count: cap });
    expect(held[victim as string]?.panels).not.toContain(id);
    expect(result.events.at(-1)?.data.workload).toMatchObject({ [victim as string]: cap });
    for (const m of members) expect(held[m]).toMatchObject({ count: 1, panels: [id] });
  });
});
