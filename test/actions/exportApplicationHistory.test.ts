import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportApplicationHistory } from '../../shared/actions/exportApplicationHistory.js';
import { recordDisclosureNeed } from '../../shared/actions/recordDisclosureNeed.js';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { auditor, contextOf, reviewer, system } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const idNumber = '22010219800101123X';

describe('exportApplicationHistory', () => {
  it('masks an auditor’s CSV until the office records the need, then shows it', async () => {
    const { ctx } = contextOf(local);
    const { applicationIds } = await registerBundle(ctx, {
      actor: system,
      source: { kind: 'local', sha256: 'b'.repeat(64) },
      campaign: '2025',
      unit: { id: 'u', name: '吉林市市场监督管理局' },
      receivedAt: '2025-08-20T10:00:00+08:00',
      applications: [{ track: 'QM_IND', name: '赵六', applicant: { idNumber, mobile: '13612345678' } }],
    });
    const applicationId = applicationIds[0] as string;
    const masked = await exportApplicationHistory(ctx, { actor: auditor, applicationId, format: 'csv' });
    expect(masked.body).not.toContain(idNumber);
    expect(masked.body).not.toContain('13612345678');
    await expect(
      recordDisclosureNeed(ctx, {
        actor: auditor,
        idempotencyKey: 'n',
        applicationId,
        grantedTo: auditor.id,
        reason: '专项审计',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    await recordDisclosureNeed(ctx, {
      actor: reviewer,
      idempotencyKey: 'n',
      applicationId,
      grantedTo: auditor.id,
      reason: '纪检监察专项核查（函〔2025〕12号）',
    });
    const shown = await exportApplicationHistory(ctx, { actor: auditor, applicationId, format: 'json' });
    expect(JSON.stringify(shown.body)).toContain(idNumber);
    expect(shown.format === 'json' && shown.body.verification.ok).toBe(true);
    const other = await exportApplicationHistory(ctx, {
      actor: { id: 'audit-other', role: 'auditor' },
      applicationId,
      format: 'csv',
    });
    expect(other.body).not.toContain(idNumber);
    await expect(
      exportApplicationHistory(ctx, { actor: auditor, applicationId: 'none', format: 'csv' }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_APPLICATION',
    });
  });
});
