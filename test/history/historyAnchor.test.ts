import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredHead, HistoryAnchor } from '../../shared/domain/history/historyAnchor.js';
import type { HistoryEvent, NewEvent } from '../../shared/domain/history/historyEvent.js';
import { appendEvent } from '../../shared/history/appendEvent.js';
import { AppendOnlyFileAnchor } from '../../shared/history/appendOnlyFileAnchor.js';
import { hashEvent } from '../../shared/history/hashEvent.js';
import { loadVerifiedHistory } from '../../shared/history/loadVerifiedHistory.js';
import { projectApplication } from '../../shared/history/projectApplication.js';
import { verifyHistory } from '../../shared/history/verifyHistory.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import { applicationPk, eventSk, metaSk } from '../../shared/records/keys.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';

let local: LocalRecords;
let dir: string;
let anchor: AppendOnlyFileAnchor;
let repo: DynamoRecordsRepository;
beforeAll(async () => {
  local = await startLocalRecords();
  dir = await mkdtemp(join(tmpdir(), 'award-anchor-'));
  anchor = new AppendOnlyFileAnchor(join(dir, 'history-anchor.jsonl'));
  repo = new DynamoRecordsRepository(local.connection, local.client, { historyAnchor: anchor });
});
afterAll(async () => {
  await local.stop();
  await rm(dir, { recursive: true, force: true });
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

const note = (applicationId: string, n: number): NewEvent => ({
  applicationId,
  type: 'NOTE',
  stage: 'RECEIVED',
  actor: `reviewer-${n}`,
  role: 'reviewer',
  at,
  data: { n },
  idempotencyKey: `note:${n}`,
});

async function seeded(applicationId: string, notes: number, on = repo) {
  await appendEvent(on, registration(applicationId));
  for (let n = 1; n <= notes; n++) await appendEvent(on, note(applicationId, n));
  return on.listEvents(applicationId);
}

/** What someone with write access to the table does: puts an item over an event or META, bypassing the appender. */
async function putItem(applicationId: string, sk: string, item: object) {
  await local.client.send(
    new PutCommand({ TableName: local.connection.tableName, Item: { pk: applicationPk(applicationId), sk, ...item } }),
  );
}

/** Rewrites the last event with new data and a recomputed hash, and META with it: the chain stays consistent. */
async function rewriteHeadAndMeta(applicationId: string, events: HistoryEvent[]) {
  const last = events.at(-1) as HistoryEvent;
  const forged = { ...last, actor: 'someone-else', data: { n: 999 } };
  forged.hash = hashEvent(forged);
  await putItem(applicationId, eventSk(forged.seq), forged);
  const meta = projectApplication([...events.slice(0, -1), forged]);
  await putItem(applicationId, metaSk, { ...meta });
  return forged;
}

describe('history head anchor', () => {
  it('publishes the head of every append as one JSON line of an append-only file', async () => {
    const events = await seeded('published', 2);
    const lines = (await readFile(anchor.file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AnchoredHead)
      .filter((h) => h.applicationId === 'published');
    expect(lines).toEqual(events.map((e) => ({ applicationId: 'published', seq: e.seq, hash: e.hash })));
    const { verdict } = await loadVerifiedHistory(repo, 'published');
    expect(verdict).toMatchObject({ ok: true, count: 3, headSeq: 3, anchor: 'matched' });
  });

  it('names the last entry when it was rewritten together with META (a chain that is still consistent)', async () => {
    const events = await seeded('rewritten', 3);
    await rewriteHeadAndMeta('rewritten', events);
    const after = await repo.listEvents('rewritten');
    const meta = await repo.getApplication('rewritten');
    // The chain and META agree with each other: without the anchor nothing is wrong.
    expect(verifyHistory(after, { seq: meta?.version ?? 0, hash: meta?.headHash ?? '' }).ok).toBe(true);
    const { verdict } = await loadVerifiedHistory(repo, 'rewritten');
    expect(verdict).toMatchObject({ ok: false, problem: 'altered', seq: 4 });
    expect(verdict.ok === false && verdict.message).toMatch(/entry 4 is not the entry published to the anchor/);
  });

  it('still names the entry when the forger also publishes the forged head to the anchor', async () => {
    const events = await seeded('republished', 2);
    const forged = await rewriteHeadAndMeta('republished', events);
    await anchor.publish({ applicationId: 'republished', seq: forged.seq, hash: forged.hash });
    const { verdict } = await loadVerifiedHistory(repo, 'republished');
    expect(verdict).toMatchObject({ ok: false, problem: 'altered', seq: 3 });
  });

  it('names the missing entry when the last entry was deleted and META rewritten to the shorter history', async () => {
    const events = await seeded('cut', 2);
    await local.client.send(
      new DeleteCommand({ TableName: local.connection.tableName, Key: { pk: applicationPk('cut'), sk: eventSk(3) } }),
    );
    await putItem('cut', metaSk, { ...projectApplication(events.slice(0, -1)) });
    const { verdict } = await loadVerifiedHistory(repo, 'cut');
    expect(verdict).toMatchObject({ ok: false, problem: 'removed', seq: 3 });
  });

  it('a history with no anchored head is "unanchored", never OK', async () => {
    // Appended through a repository without an anchor: nothing was ever published for it.
    const plain = new DynamoRecordsRepository(local.connection, local.client);
    await seeded('never-anchored', 1, plain);
    const { verdict } = await loadVerifiedHistory(repo, 'never-anchored');
    expect(verdict).toMatchObject({ ok: false, problem: 'unanchored', seq: 1 });
    expect(verdict.ok === false && verdict.message).toMatch(/no head of this history was ever published/);
    expect(verifyHistory(await plain.listEvents('never-anchored'), undefined, [])).toMatchObject({
      ok: false,
      problem: 'unanchored',
    });
  });

  it('entries appended after the last anchored head are "unanchored" from the first of them', async () => {
    await seeded('tail', 1);
    await appendEvent(new DynamoRecordsRepository(local.connection, local.client), note('tail', 2));
    const { verdict } = await loadVerifiedHistory(repo, 'tail');
    expect(verdict).toMatchObject({ ok: false, problem: 'unanchored', seq: 3 });
  });

  it('an append whose head could not be published is anchored when the action is retried', async () => {
    await seeded('flaky', 0);
    let failures = 1;
    const flaky: HistoryAnchor = {
      publish: async (head) => {
        if (failures-- > 0) throw new Error('anchor unavailable');
        await anchor.publish(head);
      },
      heads: (id) => anchor.heads(id),
    };
    const flakyRepo = new DynamoRecordsRepository(local.connection, local.client, { historyAnchor: flaky });
    await expect(appendEvent(flakyRepo, note('flaky', 1))).rejects.toThrow('anchor unavailable');
    expect((await loadVerifiedHistory(repo, 'flaky')).verdict).toMatchObject({ ok: false, problem: 'unanchored' });
    const retried = await appendEvent(flakyRepo, note('flaky', 1));
    expect(retried).toMatchObject({ replayed: true, event: { seq: 2 } });
    expect(await repo.listEvents('flaky')).toHaveLength(2);
    expect((await loadVerifiedHistory(repo, 'flaky')).verdict).toMatchObject({ ok: true, anchor: 'matched' });
  });

  it('says when no anchor was checked', () => {
    expect(verifyHistory([])).toMatchObject({ ok: true, anchor: 'not checked' });
  });

  it('skips a line cut short in the anchor file, keeps the others, and starts the next head on a new line', async () => {
    const file = new AppendOnlyFileAnchor(join(dir, 'torn.jsonl'));
    await file.publish({ applicationId: 'a', seq: 1, hash: 'a'.repeat(64) });
    const { appendFile } = await import('node:fs/promises');
    await appendFile(file.file, '{"applicationId":"a","seq":2,"ha');
    expect(await file.heads('a')).toEqual([{ applicationId: 'a', seq: 1, hash: 'a'.repeat(64) }]);
    await file.publish({ applicationId: 'a', seq: 2, hash: 'b'.repeat(64) });
    expect((await file.heads('a')).map((h) => h.seq)).toEqual([1, 2]);
  });
});
