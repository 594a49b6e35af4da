import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskQueue } from '../../shared/workflow/taskQueue.js';
import { applicationAt, contextOf } from '../actions/actionFixture.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const now = new Date('2025-09-30T10:00:00+08:00');

describe('the task queue: what awaits whom', () => {
  it('names who acts from the stage and the waiting task, with the deadline, and leaves out ended applications', async () => {
    const { ctx } = contextOf(local);
    const incomplete = await applicationAt(ctx, 'COMPLETENESS');
    const consulting = await applicationAt(ctx, 'CONSULTATION');
    await local.repository.putTask({
      applicationId: consulting,
      stage: 'CONSULTATION',
      taskToken: 't1',
      awaiting: 'consultation',
      createdAt: '2025-09-01T10:00:00+08:00',
    });
    const publicity = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await local.repository.putTask({
      applicationId: publicity,
      stage: 'SOCIAL_PUBLICITY',
      taskToken: 't2',
      awaiting: 'publicity',
      createdAt: '2025-09-26T10:00:00+08:00',
    });
    await local.repository.putWindow(
      {
        applicationId: publicity,
        stage: 'SOCIAL_PUBLICITY',
        opensAt: '2025-09-26T00:00:00+08:00',
        closesAt: '2025-10-10T00:00:00+08:00',
        firstDay: '2025-09-26',
        lastDay: '2025-10-09',
        workingDays: 5,
        openedSeq: 1,
      },
      { idempotencyKey: 'open', seq: 1 },
    );
    const unitDecides = await applicationAt(ctx, 'UNIT_RECOMMENDATION', 'SI');
    await local.repository.putTask({
      applicationId: unitDecides,
      stage: 'UNIT_RECOMMENDATION',
      taskToken: 't3',
      awaiting: 'decision',
      createdAt: '2025-09-29T10:00:00+08:00',
    });
    const ready = await applicationAt(ctx, 'FORMAL_REVIEW', 'SI');
    const awarded = await applicationAt(ctx, 'AWARDED');

    const queue = new Map((await taskQueue(local.repository, now, ['2025'])).map((e) => [e.meta.applicationId, e]));
    expect(queue.get(incomplete)).toMatchObject({ who: 'recommending_unit', started: false, overdue: false });
    // 征求意见 escalates 20 days after the task was created: 2025-09-21, overdue on 09-30.
    expect(queue.get(consulting)).toMatchObject({ who: 'reviewer', awaiting: 'consultation', overdue: true });
    expect(queue.get(consulting)?.due).toBe('2025-09-21T02:00:00.000Z');
    // A publicity wait ends when its window closes, and is never "overdue".
    expect(queue.get(publicity)).toMatchObject({ who: 'clock', due: '2025-10-10T00:00:00+08:00', overdue: false });
    expect(queue.get(unitDecides)).toMatchObject({ who: 'recommending_unit', awaiting: 'decision' });
    expect(queue.get(ready)).toMatchObject({ who: 'runtime', started: true });
    expect(queue.has(awarded)).toBe(false);
  });
});
