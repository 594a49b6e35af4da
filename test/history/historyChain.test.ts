import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../shared/domain/history/historyEvent.js';
import { appendDecided, appendEvent, rebuildProjection } from '../../shared/history/appendEvent.js';
import { genesisHash, hashEvent } from '../../shared/history/hashEvent.js';
import { verifyHistory } from '../../shared/history/verifyHistory.js';
import { applicationPk, eventSk, metaSk } from '../../shared/records/keys.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => {
  await local.stop();
});

const at = '2025-09-02T10:00:00+08:00';

function registration(applicationId: string): NewEvent {
  return {
    applicationId,
    type: 'APPLICATION_REGISTERED',
    stage: 'RECEIVED',
    actor: 'intake',
    role: 'system',
    at,
    evidence: [{ objectKey: 'bundles/a.zip', sha256: 'a'.repeat(64) }],
    data: {
      campaign: '2025',
      track: 'QM_ORG',
      name: '长春某公司',
      unitId: 'U1',
      unitName: '长春市市场监管局',
      bundleId: 'B1',
    },
    idempotencyKey: `register:${applicationId}`,
  };
}

function note(applicationId: string, n: number): NewEvent {
  return {
    applicationId,
    type: 'NOTE',
    stage: 'RECEIVED',
    actor: `reviewer-${n}`,
    role: 'reviewer',
    at,
    data: { n },
    idempotencyKey: `note:${n}`,
  };
}

async function seeded(applicationId: string, notes: number) {
  await appendEvent(local.repository, registration(applicationId));
  for (let n = 1; n <= notes; n++) await appendEvent(local.repository, note(applicationId, n));
  return local.repository.listEvents(applicationId);
}

describe('hash-chained history', () => {
  it('chains each event to the one before, from a genesis of 64 zeros, hash = sha256(prevHash + canonical JSON)', async () => {
    const events = await seeded('chain', 2);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]?.prevHash).toBe(genesisHash);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    for (const e of events) expect(hashEvent(e)).toBe(e.hash);
    expect(verifyHistory(events)).toMatchObject({ ok: true, count: 3, headSeq: 3 });
  });

  it('20 parallel appends leave a gap-free chain that verifies', async () => {
    await appendEvent(local.repository, registration('parallel'));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendEvent(local.repository, note('parallel', i + 1))),
    );
    expect(results.every((r) => !r.replayed)).toBe(true);
    const events = await local.repository.listEvents('parallel');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(21);
    expect(verifyHistory(events).ok).toBe(true);
    const meta = await local.repository.getApplication('parallel');
    expect(meta?.version).toBe(21);
    expect(meta?.headHash).toBe(events.at(-1)?.hash);
  });

  it('a retried append with the same idempotency key appends once, also when retried concurrently', async () => {
    await seeded('retry', 0);
    const first = await appendEvent(local.repository, note('retry', 1));
    const again = await appendEvent(local.repository, note('retry', 1));
    expect(again.replayed).toBe(true);
    expect(again.event).toEqual(first.event);
    const concurrent = await Promise.allSettled(
      Array.from({ length: 5 }, () => appendEvent(local.repository, note('retry', 2))),
    );
    const appended = concurrent.filter((r) => r.status === 'fulfilled' && !r.value.replayed);
    expect(appended.length).toBeLessThanOrEqual(1);
    const events = await local.repository.listEvents('retry');
    expect(events.filter((e) => e.idempotencyKey === 'note:2')).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('recovers a claim whose event was appended but never marked complete (the invocation died in between)', async () => {
    await seeded('crash', 1);
    // Simulate the crash window: the IDEMP claim is still IN_PROGRESS although EVENT#2 carries the key.
    await local.client.send(
      new PutCommand({
        TableName: local.connection.tableName,
        Item: {
          pk: applicationPk('crash'),
          sk: 'IDEMP#note:1',
          applicationId: 'crash',
          key: 'note:1',
          status: 'IN_PROGRESS',
          claimedAt: at,
        },
      }),
    );
    const retried = await appendEvent(local.repository, note('crash', 1));
    expect(retried.replayed).toBe(true);
    expect(retried.event.seq).toBe(2);
    expect(await local.repository.listEvents('crash')).toHaveLength(2);
  });

  it('a decision that fails validation appends nothing and leaves the key free for a correct retry', async () => {
    await seeded('refused', 0);
    await expect(
      appendDecided(local.repository, { applicationId: 'refused', idempotencyKey: 'k' }, () => {
        throw new Error('wrong stage');
      }),
    ).rejects.toThrow('wrong stage');
    expect(await local.repository.listEvents('refused')).toHaveLength(1);
    expect(await local.repository.getIdempotency('refused', 'k')).toBeUndefined();
  });

  it('names the entry whose item was edited directly in the table', async () => {
    await seeded('edited', 4);
    await local.client.send(
      new UpdateCommand({
        TableName: local.connection.tableName,
        Key: { pk: applicationPk('edited'), sk: eventSk(3) },
        UpdateExpression: 'SET actor = :a',
        ExpressionAttributeValues: { ':a': 'someone-else' },
      }),
    );
    expect(verifyHistory(await local.repository.listEvents('edited'))).toMatchObject({
      ok: false,
      problem: 'altered',
      seq: 3,
    });
  });

  it('names an entry rewritten with a recomputed hash, through the next entry’s prevHash', async () => {
    const events = await seeded('rehashed', 3);
    const target = { ...events[1], data: { n: 99 } } as (typeof events)[number];
    target.hash = hashEvent(target);
    await local.client.send(
      new PutCommand({
        TableName: local.connection.tableName,
        Item: { pk: applicationPk('rehashed'), sk: eventSk(2), ...target },
      }),
    );
    expect(verifyHistory(await local.repository.listEvents('rehashed'))).toMatchObject({
      ok: false,
      problem: 'altered',
      seq: 2,
    });
  });

  it('names the entry whose item was deleted directly in the table', async () => {
    await seeded('deleted', 4);
    await local.client.send(
      new DeleteCommand({
        TableName: local.connection.tableName,
        Key: { pk: applicationPk('deleted'), sk: eventSk(2) },
      }),
    );
    expect(verifyHistory(await local.repository.listEvents('deleted'))).toMatchObject({
      ok: false,
      problem: 'removed',
      seq: 2,
    });
  });

  it('names a deleted last entry when given the trusted head (META)', async () => {
    await seeded('truncated', 2);
    const meta = await local.repository.getApplication('truncated');
    await local.client.send(
      new DeleteCommand({
        TableName: local.connection.tableName,
        Key: { pk: applicationPk('truncated'), sk: eventSk(3) },
      }),
    );
    const events = await local.repository.listEvents('truncated');
    expect(verifyHistory(events).ok).toBe(true);
    expect(verifyHistory(events, { seq: meta?.version ?? 0, hash: meta?.headHash ?? '' })).toMatchObject({
      ok: false,
      problem: 'removed',
      seq: 3,
    });
  });

  it('names entries swapped between two EVENT items as reordered', async () => {
    const events = await seeded('swapped', 3);
    const [second, third] = [events[1], events[2]];
    for (const [sk, item] of [
      [eventSk(2), third],
      [eventSk(3), second],
    ] as const) {
      await local.client.send(
        new PutCommand({ TableName: local.connection.tableName, Item: { pk: applicationPk('swapped'), sk, ...item } }),
      );
    }
    expect(verifyHistory(await local.repository.listEvents('swapped'))).toMatchObject({
      ok: false,
      problem: 'reordered',
      seq: 3,
    });
  });

  it('rebuilds META from the history after META was damaged', async () => {
    await seeded('rebuild', 2);
    await local.client.send(
      new PutCommand({
        TableName: local.connection.tableName,
        Item: { pk: applicationPk('rebuild'), sk: metaSk, applicationId: 'rebuild', stage: 'AWARDED', version: 3 },
      }),
    );
    const rebuilt = await rebuildProjection(local.repository, 'rebuild');
    expect(rebuilt).toMatchObject({
      stage: 'RECEIVED',
      status: 'ACTIVE',
      version: 3,
      track: 'QM_ORG',
      campaign: '2025',
    });
    expect(await local.repository.getApplication('rebuild')).toMatchObject({ stage: 'RECEIVED' });
  });
});
