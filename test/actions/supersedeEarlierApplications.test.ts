import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceStage } from '../../shared/actions/advanceStage.js';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import { supersedeEarlierApplications } from '../../shared/actions/supersedeEarlierApplications.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { contextOf, reviewer, system } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

let n = 0;
const organisation = (creditCode: string) => ({
  track: 'QM_ORG',
  organisation: { name: '吉林某汽车零部件有限公司', creditCode },
});

/** One bundle of one QM_ORG application, received at `at`; incomplete ones stay at COMPLETENESS as the intake leaves them. */
async function bundleOf(unitId: string, creditCode: string, at: string, complete: boolean) {
  const { ctx } = contextOf(local);
  n++;
  const registered = await registerBundle(ctx, {
    actor: system,
    source: { kind: 'local', sha256: createHash('sha256').update(`bundle-${n}`).digest('hex') },
    campaign: '2025',
    unit: { id: unitId, name: '长春市市场监督管理局' },
    receivedAt: at,
    applications: [{ track: 'QM_ORG', name: '吉林某汽车零部件有限公司', applicant: organisation(creditCode) }],
  });
  const applicationId = registered.applicationIds[0] as string;
  const advance = (from: 'RECEIVED' | 'COMPLETENESS') =>
    advanceStage(ctx, {
      actor: system,
      idempotencyKey: `advance:${from}`,
      applicationId,
      from,
      outcome: 'pass',
      reasons: '测试',
    });
  await advance('RECEIVED');
  if (complete) await advance('COMPLETENESS');
  return { bundleId: registered.bundleId, applicationId };
}

const supersede = (unitId: string, bundle: { bundleId: string; applicationId: string }) =>
  supersedeEarlierApplications(contextOf(local).ctx, {
    actor: system,
    unitId,
    campaign: '2025',
    bundleId: bundle.bundleId,
    applicationIds: [bundle.applicationId],
  });

describe('a corrected bundle supersedes the application it corrects', () => {
  it('replaces the unit’s earlier incomplete application of the same applicant; both histories name the other', async () => {
    const earlier = await bundleOf('unit-a', '91220101MA0000001X', '2025-08-10T10:00:00+08:00', false);
    const corrected = await bundleOf('unit-a', '91220101MA0000001X', '2025-08-12T10:00:00+08:00', true);
    expect((await supersede('unit-a', corrected)).superseded).toEqual([
      { applicationId: earlier.applicationId, by: corrected.applicationId },
    ]);
    const old = await local.repository.getApplication(earlier.applicationId);
    expect(old?.status).toBe('SUPERSEDED');
    expect(old?.supersededBy).toBe(corrected.applicationId);
    expect((await local.repository.getApplication(corrected.applicationId))?.supersedes).toEqual([
      earlier.applicationId,
    ]);
    // The earlier history is kept whole: registration, the stage move, then the supersession.
    expect((await local.repository.listEvents(earlier.applicationId)).map((e) => e.type)).toEqual([
      'APPLICATION_REGISTERED',
      'STAGE_ADVANCED',
      'APPLICATION_SUPERSEDED',
    ]);
    // Run again (a retried intake step): nothing new.
    expect((await supersede('unit-a', corrected)).superseded).toEqual([]);
    expect(await local.repository.listEvents(earlier.applicationId)).toHaveLength(3);
  });

  it('leaves alone an earlier application already in the selection, another applicant’s and another unit’s', async () => {
    const inSelection = await bundleOf('unit-b', '91220101MA0000002X', '2025-08-10T10:00:00+08:00', true);
    const otherApplicant = await bundleOf('unit-b', '91220101MA0000003X', '2025-08-10T11:00:00+08:00', false);
    const otherUnit = await bundleOf('unit-c', '91220101MA0000002X', '2025-08-10T12:00:00+08:00', false);
    const corrected = await bundleOf('unit-b', '91220101MA0000002X', '2025-08-12T10:00:00+08:00', true);
    expect((await supersede('unit-b', corrected)).superseded).toEqual([]);
    for (const a of [inSelection, otherApplicant, otherUnit])
      expect((await local.repository.getApplication(a.applicationId))?.status).toBe('ACTIVE');
  });

  it('never lets an older bundle sent again replace a newer application', async () => {
    const newer = await bundleOf('unit-d', '91220101MA0000004X', '2025-08-15T10:00:00+08:00', false);
    const older = await bundleOf('unit-d', '91220101MA0000004X', '2025-08-11T10:00:00+08:00', false);
    expect((await supersede('unit-d', older)).superseded).toEqual([]);
    expect((await local.repository.getApplication(newer.applicationId))?.status).toBe('ACTIVE');
  });

  it('is the intake’s act only', async () => {
    const bundle = await bundleOf('unit-e', '91220101MA0000005X', '2025-08-15T10:00:00+08:00', false);
    await expect(
      supersedeEarlierApplications(contextOf(local).ctx, {
        actor: reviewer,
        unitId: 'unit-e',
        campaign: '2025',
        bundleId: bundle.bundleId,
        applicationIds: [bundle.applicationId],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
});
