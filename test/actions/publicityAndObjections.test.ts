import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePublicityWindow } from '../../shared/actions/closePublicityWindow.js';
import { lodgeObjection } from '../../shared/actions/lodgeObjection.js';
import { openPublicityWindow } from '../../shared/actions/openPublicityWindow.js';
import { resolveObjection } from '../../shared/actions/resolveObjection.js';
import { exportHistoryCsv } from '../../shared/history/exportHistory.js';
import { verifyHistory } from '../../shared/history/verifyHistory.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, partition, reviewer, system, unit } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const idNumber = '11010519491231002X';
const person = { kind: 'person', name: '李四', idNumber, phone: '13912345678' };
const objection = (applicationId: string, key: string, objector: object = person) => ({
  actor: reviewer,
  idempotencyKey: key,
  applicationId,
  stage: 'SOCIAL_PUBLICITY',
  objector,
  content: '该单位2023年发生过质量事故',
});

async function openWindow(ctx: Parameters<typeof openPublicityWindow>[0], id: string) {
  // Monday 2025-09-15: five working days end Friday 2025-09-19, closing at 2025-09-20T00:00+08:00.
  return openPublicityWindow(ctx, {
    actor: reviewer,
    idempotencyKey: 'open',
    applicationId: id,
    stage: 'SOCIAL_PUBLICITY',
    opensAt: '2025-09-15T09:00:00+08:00',
  });
}

describe('publicity windows and objections', () => {
  it('opens a window of the campaign’s working days on the holiday calendar', async () => {
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    const opened = await openWindow(ctx, id);
    expect(opened.events[0]?.data).toMatchObject({ workingDays: 5, closesAt: '2025-09-19T16:00:00.000Z' });
    expect(await local.repository.getWindow(id, 'SOCIAL_PUBLICITY')).toMatchObject({
      firstDay: '2025-09-15',
      lastDay: '2025-09-19',
    });
  });

  it('an admissible objection pauses the application; dismissing it resumes, and the window then closes', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openWindow(ctx, id);
    setNow('2025-09-17T10:00:00+08:00');
    const lodged = await lodgeObjection(ctx, objection(id, 'obj-1'));
    const objectionId = String(lodged.events[0]?.data.objectionId);
    expect(await local.repository.getApplication(id)).toMatchObject({
      status: 'PAUSED',
      openObjections: [objectionId],
    });
    setNow('2025-09-22T10:00:00+08:00');
    const close = { actor: system, idempotencyKey: 'close', applicationId: id, stage: 'SOCIAL_PUBLICITY' };
    await expect(closePublicityWindow(ctx, close)).rejects.toMatchObject({ code: 'APPLICATION_PAUSED' });
    await resolveObjection(ctx, {
      actor: reviewer,
      idempotencyKey: 'resolve',
      applicationId: id,
      objectionId,
      outcome: 'dismissed',
      reasons: '经核查，事故发生在申报单位以外',
    });
    expect((await local.repository.getApplication(id))?.status).toBe('ACTIVE');
    expect((await local.repository.getObjection(id, objectionId))?.status).toBe('DISMISSED');
    const closed = await closePublicityWindow(ctx, close);
    expect(closed.task?.output).toMatchObject({ to: 'MATERIAL_REVIEW' });
  });

  it('an upheld objection ends the application', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openWindow(ctx, id);
    setNow('2025-09-16T10:00:00+08:00');
    const lodged = await lodgeObjection(ctx, objection(id, 'obj-1'));
    const resolved = await resolveObjection(ctx, {
      actor: reviewer,
      idempotencyKey: 'resolve',
      applicationId: id,
      objectionId: String(lodged.events[0]?.data.objectionId),
      outcome: 'upheld',
      reasons: '经核查属实',
    });
    expect(resolved.task?.output).toMatchObject({ outcome: 'reject' });
    expect((await local.repository.getApplication(id))?.status).toBe('NOT_AWARDED');
  });

  it('a lodging replayed after its objection was resolved leaves the objection resolved', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openWindow(ctx, id);
    setNow('2025-09-16T10:00:00+08:00');
    const lodged = await lodgeObjection(ctx, objection(id, 'obj-replayed'));
    const objectionId = String(lodged.events[0]?.data.objectionId);
    const resolved = await resolveObjection(ctx, {
      actor: reviewer,
      idempotencyKey: 'resolve-replayed',
      applicationId: id,
      objectionId,
      outcome: 'dismissed',
      reasons: '经核查不属实',
    });
    const replay = await lodgeObjection(ctx, objection(id, 'obj-replayed'));
    expect(replay.replayed).toBe(true);
    expect(await local.repository.getObjection(id, objectionId)).toMatchObject({
      status: 'DISMISSED',
      resolvedSeq: resolved.events[0]?.seq,
    });
    expect((await local.repository.listObjections(id)).filter((o) => o.status === 'OPEN')).toEqual([]);
  });

  it('an objection without a real identity is recorded as not admissible and does not pause', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openWindow(ctx, id);
    setNow('2025-09-16T10:00:00+08:00');
    for (const [key, objector] of [
      ['anon', { kind: 'anonymous' }],
      ['bad-id', { ...person, idNumber: '110105194912310021' }],
      ['unit-no-contact', { kind: 'unit', unitName: '某公司', contact: '' }],
    ] as const) {
      const r = await lodgeObjection(ctx, objection(id, key, objector));
      expect(r.events[0]?.data.admissible).toBe(false);
    }
    const unitObjection = await lodgeObjection(
      ctx,
      objection(id, 'unit-ok', { kind: 'unit', unitName: '某公司', contact: '0431-88881234' }),
    );
    expect(unitObjection.events[0]?.data.admissible).toBe(true);
    const objections = await local.repository.listObjections(id);
    expect(objections.filter((o) => o.status === 'NOT_ADMISSIBLE')).toHaveLength(3);
  });

  it('refuses an objection outside the window, before it opens, and other invalid requests — changing nothing', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await expect(lodgeObjection(ctx, objection(id, 'early'))).rejects.toMatchObject({ code: 'WINDOW_NOT_OPENED' });
    await openWindow(ctx, id);
    const before = await partition(local, id);
    setNow('2025-09-20T00:00:00+08:00');
    await expect(lodgeObjection(ctx, objection(id, 'late'))).rejects.toMatchObject({ code: 'WINDOW_CLOSED' });
    setNow('2025-09-16T10:00:00+08:00');
    await expect(lodgeObjection(ctx, { ...objection(id, 'x'), content: '' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'content',
    });
    await expect(lodgeObjection(ctx, { ...objection(id, 'x'), actor: unit })).rejects.toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    await expect(lodgeObjection(ctx, { ...objection(id, 'x'), stage: 'RESULT_PUBLICITY' })).rejects.toMatchObject({
      code: 'WRONG_STAGE',
    });
    await expect(
      resolveObjection(ctx, {
        actor: reviewer,
        idempotencyKey: 'r',
        applicationId: id,
        objectionId: 'OBJ-x',
        outcome: 'dismissed',
        reasons: 'x',
      }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_OBJECTION' });
    await expect(
      closePublicityWindow(ctx, { actor: system, idempotencyKey: 'c', applicationId: id, stage: 'SOCIAL_PUBLICITY' }),
    ).rejects.toMatchObject({ code: 'WINDOW_STILL_OPEN' });
    await expect(openWindow(ctx, id)).resolves.toMatchObject({ replayed: true });
    await expect(
      openPublicityWindow(ctx, {
        actor: reviewer,
        idempotencyKey: 'open-2',
        applicationId: id,
        stage: 'SOCIAL_PUBLICITY',
      }),
    ).rejects.toMatchObject({ code: 'WINDOW_ALREADY_OPENED' });
    expect(await partition(local, id)).toEqual(before);
  });

  it('20 objections lodged in parallel leave a gap-free, verifiable chain; the CSV masks the objectors’ ID numbers', async () => {
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openWindow(ctx, id);
    setNow('2025-09-18T10:00:00+08:00');
    const before = (await local.repository.listEvents(id)).length;
    await Promise.all(Array.from({ length: 20 }, (_, i) => lodgeObjection(ctx, objection(id, `parallel-${i}`))));
    const events = await local.repository.listEvents(id);
    expect(events).toHaveLength(before + 20);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(verifyHistory(events).ok).toBe(true);
    expect((await local.repository.getApplication(id))?.openObjections).toHaveLength(20);
    const auditorCsv = exportHistoryCsv(events, { role: 'auditor' });
    expect(auditorCsv).not.toContain(idNumber);
    expect(auditorCsv).not.toContain('13912345678');
    expect(exportHistoryCsv(events, { role: 'reviewer' })).toContain(idNumber);
  });
});
