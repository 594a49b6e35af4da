import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../shared/domain/history/historyEvent.js';
import { bundlePk, metaSk } from '../../shared/records/keys.js';
import type {
  BundleRecord,
  FinalisationRecord,
  ObjectionRecord,
  PanelRecord,
  ReportRecord,
  TaskRecord,
  WindowRecord,
} from '../../shared/records/recordsRepository.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

let n = 0;
const fresh = (name: string) => `${name}-${++n}`;
const sha = (c: string) => c.repeat(64);

const bundle = (bundleId: string, unitName = '长春市市场监督管理局'): BundleRecord => ({
  bundleId,
  source: { kind: 'local', sha256: sha('a') },
  campaign: '2025',
  unitId: 'unit-cc',
  unitName,
  receivedAt: '2025-08-20T10:00:00+08:00',
  applicationIds: [`${bundleId}-1`],
});

const event = (applicationId: string, seq: number, idempotencyKey: string, note = 'first'): HistoryEvent => ({
  applicationId,
  seq,
  type: 'NOTE',
  stage: 'RECEIVED',
  actor: 'test',
  role: 'system',
  at: '2025-08-20T10:00:00+08:00',
  evidence: [],
  data: { note },
  idempotencyKey,
  prevHash: sha('0'),
  hash: sha(note === 'first' ? '1' : '2'),
});

const objection = (applicationId: string, status: ObjectionRecord['status']): ObjectionRecord => ({
  applicationId,
  objectionId: 'OBJ-1',
  stage: 'SOCIAL_PUBLICITY',
  admissible: true,
  status,
  lodgedAt: '2025-09-16T10:00:00+08:00',
  lodgedSeq: 5,
  ...(status === 'OPEN' ? {} : { resolvedSeq: 7 }),
});

const panel = (applicationId: string, seed: string): PanelRecord => ({
  applicationId,
  stage: 'DEFENSE',
  status: 'COMMITTED',
  poolId: 'pool',
  seed,
  seedCommitment: sha('c'),
});

describe('a replayed command is a no-op, whatever the aggregate', () => {
  it('bundle: the same source registered again keeps the bundle as first registered', async () => {
    const id = fresh('bundle');
    expect((await local.repository.putBundle(bundle(id))).status).toBe('written');
    const replay = await local.repository.putBundle(bundle(id, '改过的名称'));
    expect(replay).toEqual({ status: 'replayed', stored: bundle(id) });
    expect(await local.repository.getBundle(id)).toEqual(bundle(id));
  });

  it('bundle link: linking the same application twice links it once', async () => {
    const id = fresh('bundle');
    await local.repository.linkBundleApplication(id, `${id}-1`);
    await local.repository.linkBundleApplication(id, `${id}-1`);
    expect(await local.repository.bundleApplicationIds(id)).toEqual([`${id}-1`]);
  });

  it('history: an event is written once per seq, and an idempotency claim once per key', async () => {
    const app = fresh('app');
    expect(await local.repository.putEventIfAbsent(event(app, 1, 'k'))).toBe(true);
    expect(await local.repository.putEventIfAbsent(event(app, 1, 'k', 'second'))).toBe(false);
    expect(await local.repository.putEventIfAbsent(event(app, 1, 'other', 'second'))).toBe(false);
    expect(await local.repository.getEvent(app, 1)).toEqual(event(app, 1, 'k'));
    expect(await local.repository.claimIdempotency(app, 'k', '2025-08-20T02:00:00.000Z')).toBe(true);
    expect(await local.repository.claimIdempotency(app, 'k', '2025-08-20T02:00:09.000Z')).toBe(false);
    expect((await local.repository.getIdempotency(app, 'k'))?.claimedAt).toBe('2025-08-20T02:00:00.000Z');
  });

  it('task: the same token stored again keeps the first task; a new token replaces it', async () => {
    const app = fresh('app');
    const task: TaskRecord = {
      applicationId: app,
      stage: 'CONSULTATION',
      taskToken: 'token-1',
      awaiting: 'consultation',
      createdAt: '2025-09-01T01:00:00.000Z',
    };
    await local.repository.putTask(task);
    await local.repository.putTask({ ...task, createdAt: '2025-09-02T01:00:00.000Z' });
    expect(await local.repository.getTask(app, 'CONSULTATION')).toEqual(task);
    const next = { ...task, taskToken: 'token-2', createdAt: '2025-09-03T01:00:00.000Z' };
    await local.repository.putTask(next);
    expect(await local.repository.getTask(app, 'CONSULTATION')).toEqual(next);
  });

  it('publicity window: the projection of the same event written again changes nothing', async () => {
    const app = fresh('app');
    const window: WindowRecord = {
      applicationId: app,
      stage: 'SOCIAL_PUBLICITY',
      opensAt: '2025-09-15T01:00:00.000Z',
      closesAt: '2025-09-19T16:00:00.000Z',
      firstDay: '2025-09-15',
      lastDay: '2025-09-19',
      workingDays: 5,
      openedSeq: 4,
    };
    await local.repository.putWindow(window, { idempotencyKey: 'open', seq: 4 });
    await local.repository.putWindow({ ...window, workingDays: 7 }, { idempotencyKey: 'open', seq: 4 });
    expect(await local.repository.getWindow(app, 'SOCIAL_PUBLICITY')).toEqual(window);
  });

  it('objection: a replayed lodging after the resolution leaves the objection resolved', async () => {
    const app = fresh('app');
    await local.repository.putObjection(objection(app, 'OPEN'), { idempotencyKey: 'lodge', seq: 5 });
    await local.repository.putObjection(objection(app, 'UPHELD'), { idempotencyKey: 'resolve', seq: 7 });
    await local.repository.putObjection(objection(app, 'OPEN'), { idempotencyKey: 'lodge', seq: 5 });
    expect(await local.repository.getObjection(app, 'OBJ-1')).toEqual(objection(app, 'UPHELD'));
  });

  it('panel: the seed is written once (another draw gets the standing draft), the drawn panel replaces it', async () => {
    const app = fresh('app');
    expect((await local.repository.putPanelDraft(panel(app, 'seed-1'), { idempotencyKey: 'draw' })).status).toBe(
      'written',
    );
    expect(await local.repository.putPanelDraft(panel(app, 'seed-2'), { idempotencyKey: 'draw' })).toEqual({
      status: 'replayed',
      stored: panel(app, 'seed-1'),
    });
    expect(await local.repository.putPanelDraft(panel(app, 'seed-3'), { idempotencyKey: 'again' })).toEqual({
      status: 'refused',
      stored: panel(app, 'seed-1'),
    });
    const drawn: PanelRecord = { ...panel(app, 'seed-1'), status: 'DRAWN', members: ['e1', 'e2'], drawnSeq: 9 };
    await local.repository.putPanel(drawn, { idempotencyKey: 'draw#draw', seq: 9 });
    await local.repository.putPanel({ ...drawn, members: ['e3'] }, { idempotencyKey: 'draw#draw', seq: 9 });
    await local.repository.putPanelDraft(panel(app, 'seed-1'), { idempotencyKey: 'draw' });
    expect(await local.repository.getPanel(app, 'DEFENSE')).toEqual(drawn);
  });

  it('campaign: a finalisation is recorded once; the same request replays it, another is refused', async () => {
    const campaign = String(3000 + ++n);
    const record: FinalisationRecord = {
      campaign,
      scope: 'QM',
      finalisedAt: '2025-12-01T01:00:00.000Z',
      actor: 'office-li',
      result: { outcomes: [] },
    };
    expect((await local.repository.putFinalisation(record, { idempotencyKey: 'f' })).status).toBe('written');
    const other = { ...record, result: { outcomes: ['x'] } };
    expect(await local.repository.putFinalisation(other, { idempotencyKey: 'f' })).toEqual({
      status: 'replayed',
      stored: record,
    });
    expect(await local.repository.putFinalisation(other, { idempotencyKey: 'g' })).toEqual({
      status: 'refused',
      stored: record,
    });
    expect(await local.repository.getFinalisation(campaign, 'QM')).toEqual(record);
  });

  it('expert pool: the same expert stored twice is one expert; a seat for the same panel counts once', async () => {
    const poolId = fresh('pool');
    const expert = { poolId, expertId: 'e1', name: '王五', unit: '吉林大学', attributes: {} };
    await local.repository.putExpert(expert);
    await local.repository.putExpert(expert);
    await local.repository.putExpert({ ...expert, unit: '长春理工大学' });
    expect(await local.repository.listExperts(poolId)).toEqual([{ ...expert, unit: '长春理工大学' }]);
    const campaign = String(4000 + ++n);
    expect(await local.repository.reserveWorkload(campaign, 'DEFENSE', 'e1', 'app-1', 3)).toBe(true);
    expect(await local.repository.reserveWorkload(campaign, 'DEFENSE', 'e1', 'app-1', 3)).toBe(true);
    expect(await local.repository.workloadAtStage(campaign, 'DEFENSE')).toEqual({
      e1: { count: 1, panels: ['app-1'] },
    });
  });

  it('report: the same content stored again keeps the first record; new content at that number replaces it', async () => {
    const app = fresh('app');
    const report: ReportRecord = {
      applicationId: app,
      n: 1,
      objectKey: 'reports/x.json',
      sha256: sha('a'),
      createdAt: '2025-08-20T02:00:00.000Z',
    };
    await local.repository.putReport(report);
    await local.repository.putReport({ ...report, createdAt: '2025-08-21T02:00:00.000Z' });
    expect(await local.repository.listReports(app)).toEqual([report]);
    await local.repository.putReport({ ...report, sha256: sha('b') });
    expect(await local.repository.listReports(app)).toEqual([{ ...report, sha256: sha('b') }]);
  });

  it('stores the key of the command that wrote an item, and never returns it as part of a record', async () => {
    const id = fresh('bundle');
    await local.repository.putBundle(bundle(id));
    const raw = await local.client.send(
      new GetCommand({ TableName: local.connection.tableName, Key: { pk: bundlePk(id), sk: metaSk } }),
    );
    expect(raw.Item?.commandKey).toBe(id);
    expect(await local.repository.getBundle(id)).not.toHaveProperty('commandKey');
  });
});
