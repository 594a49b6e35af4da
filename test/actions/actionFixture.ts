import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ActionContext } from '../../shared/actions/actionContext.js';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import { nextStage, type Stage, stagePath } from '../../shared/domain/track/stage.js';
import type { Track } from '../../shared/domain/track/track.js';
import { appendEvent } from '../../shared/history/appendEvent.js';
import { applicationPk } from '../../shared/records/keys.js';
import type { LocalRecords } from '../support/dynalite.js';

export const system = { id: 'intake', role: 'system' } as const;
export const reviewer = { id: 'office-li', role: 'reviewer' } as const;
export const auditor = { id: 'audit-wang', role: 'auditor' } as const;
export const unit = { id: 'unit-cc', role: 'recommending_unit' } as const;
export const sha = (c: string) => c.repeat(64);

/** A context over the local table with a clock the test moves. */
export function contextOf(local: LocalRecords, start = '2025-09-15T09:00:00+08:00') {
  let now = new Date(start);
  const ctx: ActionContext = { repo: local.repository, now: () => now };
  return { ctx, setNow: (iso: string) => (now = new Date(iso)) };
}

let bundles = 0;

/** Registers a one-application bundle and walks it to `stage` with system STAGE_ADVANCED events. */
export async function applicationAt(ctx: ActionContext, stage: Stage, track: Track = 'QM_ORG'): Promise<string> {
  bundles++;
  const { applicationIds } = await registerBundle(ctx, {
    actor: system,
    source: { kind: 'local', sha256: createSha(`bundle-${bundles}-${Math.random()}`) },
    campaign: '2025',
    unit: { id: 'unit-cc', name: '长春市市场监督管理局' },
    receivedAt: '2025-08-20T10:00:00+08:00',
    applications: [{ track, name: `申报单位${bundles}` }],
  });
  const applicationId = applicationIds[0] as string;
  let current: Stage = 'RECEIVED';
  for (const [i, s] of stagePath[track].entries()) {
    if (s === stage) break;
    const to = nextStage(track, s);
    await appendEvent(ctx.repo, {
      applicationId,
      type: 'STAGE_ADVANCED',
      stage: current,
      actor: 'test-setup',
      role: 'system',
      at: '2025-08-21T10:00:00+08:00',
      data: { to },
      idempotencyKey: `setup:${i}`,
    });
    current = to as Stage;
  }
  return applicationId;
}

function createSha(text: string) {
  return createHash('sha256').update(text).digest('hex');
}

/** Every item of an application's partition, to assert that a refused action changed nothing. */
export async function partition(local: LocalRecords, applicationId: string) {
  const out = await local.client.send(
    new QueryCommand({
      TableName: local.connection.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': applicationPk(applicationId) },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}
