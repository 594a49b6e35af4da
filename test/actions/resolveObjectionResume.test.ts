import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lodgeObjection } from '../../shared/actions/lodgeObjection.js';
import { openPublicityWindow } from '../../shared/actions/openPublicityWindow.js';
import { resolveObjection } from '../../shared/actions/resolveObjection.js';
import { completeWaitingTask, type TaskTokenPort } from '../../shared/actions/taskTokenPort.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, reviewer } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const lodge = (applicationId: string, key: string, name: string) => ({
  actor: reviewer,
  idempotencyKey: key,
  applicationId,
  stage: 'SOCIAL_PUBLICITY',
  objector: { kind: 'person', name, idNumber: '11010519491231002X', phone: '13912345678' },
  content: '该单位2023年发生过质量事故',
});
const dismiss = (applicationId: string, objectionId: string, key: string) => ({
  actor: reviewer,
  idempotencyKey: key,
  applicationId,
  objectionId,
  outcome: 'dismissed',
  reasons: '经核查，事故发生在申报单位以外',
});

describe('resolveObjection: a dismissal wakes the waiting step', () => {
  it('returns the resume completion once no admissible objection of the stage stays open, and the task completes', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openPublicityWindow(ctx, {
      actor: reviewer,
      idempotencyKey: 'open',
      applicationId: id,
      stage: 'SOCIAL_PUBLICITY',
      opensAt: '2025-09-15T09:00:00+08:00',
    });
    setNow('2025-09-16T10:00:00+08:00');
    const first = String((await lodgeObjection(ctx, lodge(id, 'obj-a', '李四'))).events[0]?.data.objectionId);
    const second = String((await lodgeObjection(ctx, lodge(id, 'obj-b', '王五'))).events[0]?.data.objectionId);
    expect(first).not.toBe(second);

    // The paused application waits at AwaitObjection: its task is stored.
    await local.repository.putTask({
      applicationId: id,
      stage: 'SOCIAL_PUBLICITY',
      taskToken: 'token-1',
      awaiting: 'publicity',
      createdAt: '2025-09-16T10:00:00.000Z',
    });
    const completed: { token: string; output: Record<string, unknown> }[] = [];
    const port: TaskTokenPort = {
      complete: async (token, output) => {
        completed.push({ token, output });
      },
      fail: async () => {},
    };

    const one = await resolveObjection(ctx, dismiss(id, first, 'resolve-a'));
    expect(one.task).toBeUndefined();
    expect(await completeWaitingTask(local.repository, port, one.task)).toBe(false);

    const two = await resolveObjection(ctx, dismiss(id, second, 'resolve-b'));
    expect(two.task).toEqual({ applicationId: id, stage: 'SOCIAL_PUBLICITY', output: { outcome: 'resume' } });
    expect(await completeWaitingTask(local.repository, port, two.task)).toBe(true);
    expect(completed).toEqual([
      { token: 'token-1', output: { applicationId: id, stage: 'SOCIAL_PUBLICITY', outcome: 'resume' } },
    ]);
    expect(await local.repository.getTask(id, 'SOCIAL_PUBLICITY')).toBeUndefined();

    // A replayed dismissal returns the same completion.
    expect((await resolveObjection(ctx, dismiss(id, second, 'resolve-b'))).task).toEqual(two.task);
  });
});
