import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { contextOf, reviewer, system } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const request = {
  actor: system,
  source: { kind: 's3', bucket: 'submissions', key: 'incoming/长春.zip', versionId: 'v1' },
  campaign: '2025',
  unit: { id: 'unit-cc', name: '长春市市场监督管理局' },
  receivedAt: '2025-08-20T10:00:00+08:00',
  evidence: [{ objectKey: 'incoming/长春.zip', sha256: 'c'.repeat(64) }],
  applications: [
    { track: 'QM_ORG', name: '吉林某汽车零部件有限公司' },
    { track: 'QM_IND', name: '张三', applicant: { idNumber: '22010219800101123X', phone: '13812345678' } },
  ],
};

describe('registerBundle', () => {
  it('registers the bundle and one application per entry, findable by campaign and by unit', async () => {
    const { ctx } = contextOf(local);
    const result = await registerBundle(ctx, request);
    expect(result.created).toBe(true);
    expect(result.applicationIds).toHaveLength(2);
    const byCampaign = await local.repository.applicationsOfCampaign('2025', { track: 'QM_IND', status: 'ACTIVE' });
    expect(byCampaign.map((a) => a.applicationId)).toEqual([result.applicationIds[1]]);
    const byUnit = await local.repository.applicationsOfUnit('unit-cc', '2025');
    expect(byUnit.map((a) => a.applicationId).sort()).toEqual([...result.applicationIds].sort());
    expect(await local.repository.listEvents(result.applicationIds[0] as string)).toHaveLength(1);
  });

  it('lists the unit’s bundles, also one that registered no application, apart from its applications', async () => {
    const { ctx } = contextOf(local);
    const empty = await registerBundle(ctx, {
      ...request,
      source: { ...request.source, key: 'incoming/空.zip', versionId: 'v9' },
      receivedAt: '2025-08-21T09:00:00+08:00',
      applications: [],
    });
    const bundles = await local.repository.bundlesOfUnit('unit-cc', '2025');
    expect(bundles.map((b) => b.bundleId)).toContain(empty.bundleId);
    expect(bundles.find((b) => b.bundleId === empty.bundleId)?.applicationIds).toEqual([]);
    expect(await local.repository.bundlesOfUnit('unit-cc', '2024')).toEqual([]);
    const allCampaigns = await local.repository.applicationsOfUnit('unit-cc');
    expect(allCampaigns.every((a) => typeof a.stage === 'string')).toBe(true);
    expect(allCampaigns).toHaveLength(2);
  });

  it('the same S3 object version registered twice (also concurrently) creates nothing new', async () => {
    const { ctx } = contextOf(local);
    const again = await Promise.all([registerBundle(ctx, request), registerBundle(ctx, request)]);
    expect(again.every((r) => !r.created)).toBe(true);
    const all = await local.repository.applicationsOfCampaign('2025');
    expect(all).toHaveLength(2);
    for (const id of again[0]?.applicationIds ?? []) expect(await local.repository.listEvents(id)).toHaveLength(1);
    expect(await local.repository.bundleApplicationIds(again[0]?.bundleId as string)).toHaveLength(2);
  });

  it('another version of the same key is another bundle', async () => {
    const { ctx } = contextOf(local);
    const other = await registerBundle(ctx, { ...request, source: { ...request.source, versionId: 'v2' } });
    expect(other.created).toBe(true);
  });

  it('refuses a role other than system and an invalid request, writing nothing', async () => {
    const { ctx } = contextOf(local);
    await expect(registerBundle(ctx, { ...request, actor: reviewer })).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await expect(
      registerBundle(ctx, { ...request, applications: [{ track: 'QM_ORG', name: '' }] }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'applications.0.name',
    });
  });
});
