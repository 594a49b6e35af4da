import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleReviewerAction } from '../../functions/reviewerAction/handler.js';
import { openPublicityWindow } from '../../shared/actions/openPublicityWindow.js';
import { SfnTaskTokenAdapter } from '../../shared/actions/sfnTaskTokenAdapter.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { applicationAt, contextOf, reviewer } from './actionFixture.js';

let local: LocalRecords;
beforeAll(async () => {
  local = await startLocalRecords();
});
afterAll(async () => local.stop());

const sfn = mockClient(SFNClient);

describe('reviewer action handler', () => {
  it('records the decision and completes the waiting task token with SendTaskSuccess, then forgets the task', async () => {
    sfn.reset();
    sfn.on(SendTaskSuccessCommand).resolves({});
    const { ctx } = contextOf(local);
    const id = await applicationAt(ctx, 'FORMAL_REVIEW', 'SI');
    await local.repository.putTask({
      applicationId: id,
      stage: 'FORMAL_REVIEW',
      taskToken: 'token-123',
      awaiting: 'decision',
      createdAt: '2025-09-10T00:00:00Z',
    });
    const response = await handleReviewerAction(
      {
        action: 'recordDecision',
        request: {
          actor: reviewer,
          idempotencyKey: 'k1',
          applicationId: id,
          stage: 'FORMAL_REVIEW',
          outcome: 'pass',
          reasons: '形式审查合格',
        },
      },
      { ctx, tasks: new SfnTaskTokenAdapter(new SFNClient({ region: 'local' })) },
    );
    expect(response).toMatchObject({ ok: true, taskCompleted: true, replayed: false });
    const calls = sfn.commandCalls(SendTaskSuccessCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.taskToken).toBe('token-123');
    expect(JSON.parse(calls[0]?.args[0].input.output ?? '{}')).toMatchObject({
      applicationId: id,
      stage: 'FORMAL_REVIEW',
      outcome: 'pass',
      to: 'SOCIAL_PUBLICITY',
    });
    expect(await local.repository.getTask(id, 'FORMAL_REVIEW')).toBeUndefined();
  });

  it('answers a refused action with its code and never logs the request’s personal data', async () => {
    sfn.reset();
    const { ctx, setNow } = contextOf(local);
    const id = await applicationAt(ctx, 'SOCIAL_PUBLICITY');
    await openPublicityWindow(ctx, {
      actor: reviewer,
      idempotencyKey: 'open',
      applicationId: id,
      stage: 'SOCIAL_PUBLICITY',
      opensAt: '2025-09-15T09:00:00+08:00',
    });
    setNow('2025-09-30T10:00:00+08:00');
    const written: string[] = [];
    const spies = [
      ...([process.stdout, process.stderr] as const).map((stream) =>
        vi.spyOn(stream, 'write').mockImplementation((chunk) => {
          written.push(String(chunk));
          return true;
        }),
      ),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
        vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
          written.push(args.map(String).join(' '));
        }),
      ),
    ];
    const tasks = { complete: vi.fn(), fail: vi.fn() };
    try {
      const refused = await handleReviewerAction(
        {
          action: 'lodgeObjection',
          request: {
            actor: reviewer,
            idempotencyKey: 'late',
            applicationId: id,
            stage: 'SOCIAL_PUBLICITY',
            objector: { kind: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13712345678' },
            content: '异议',
          },
        },
        { ctx, tasks },
      );
      expect(refused).toMatchObject({ ok: false, code: 'WINDOW_CLOSED' });
      setNow('2025-09-16T10:00:00+08:00');
      const accepted = await handleReviewerAction(
        {
          action: 'lodgeObjection',
          request: {
            actor: reviewer,
            idempotencyKey: 'in-time',
            applicationId: id,
            stage: 'SOCIAL_PUBLICITY',
            objector: { kind: 'person', name: '王五', idNumber: '11010519491231002X', phone: '13712345678' },
            content: '异议',
          },
        },
        { ctx, tasks },
      );
      expect(accepted).toMatchObject({ ok: true });
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const log = written.join('\n');
    expect(log).toContain('WINDOW_CLOSED');
    expect(log).toContain('action recorded');
    expect(log).not.toContain('11010519491231002X');
    expect(log).not.toContain('13712345678');
    expect(log).not.toContain('王五');
    expect(tasks.complete).not.toHaveBeenCalled();
  });

  it('rejects an unknown action name without touching anything', async () => {
    const { ctx } = contextOf(local);
    const tasks = { complete: vi.fn(), fail: vi.fn() };
    expect(await handleReviewerAction({ action: 'deleteHistory', request: {} }, { ctx, tasks })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});
