import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsultationOpinion } from '../../shared/actions/recordConsultationOpinion.js';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import { requireConsultations } from '../../shared/actions/requireConsultations.js';
import type { TaskTokenPort } from '../../shared/actions/taskTokenPort.js';
import { Department } from '../../shared/domain/consultation/department.js';
import { advanceAutomaticStage } from '../../shared/workflow/advanceAutomaticStage.js';
import { awaitHumanTask } from '../../shared/workflow/awaitHumanTask.js';
import { checkPublicityWindow } from '../../shared/workflow/checkPublicityWindow.js';
import type { Clock } from '../../shared/workflow/clock.js';
import { intakeExecutionName, projectExecutionName } from '../../shared/workflow/executionName.js';
import { startStage } from '../../shared/workflow/startStage.js';
import type { WorkflowDependencies } from '../../shared/workflow/workflowDependencies.js';
import { runStep } from '../../shared/workflow/workflowStep.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';

let records: LocalRecords;
const completed: { token: string; output: Record<string, unknown> }[] = [];
const tasks: TaskTokenPort = {
  complete: async (token, output) => {
    completed.push({ token, output });
  },
  fail: async () => {},
};
let now = new Date('2025-09-10T02:00:00Z');
const clock: Clock = { now: () => now };
const deps = (mode: 'aws' | 'local'): WorkflowDependencies => ({
  repo: records.repository,
  clock,
  mode,
  tasks,
  notifier: { humanTaskOverdue: async () => {} },
});
const system = { id: 'test', role: 'system' } as const;
const reviewer = { id: 'rev-1', role: 'reviewer' } as const;
const evidence = [{ objectKey: 'x/opinion.pdf', sha256: 'a'.repeat(64) }];

async function applicationAtConsultation(n: number): Promise<string> {
  const ctx = { repo: records.repository, now: clock.now };
  const { applicationIds } = await registerBundle(ctx, {
    actor: system,
    source: { kind: 'local', sha256: n.toString(16).padEnd(64, '0') },
    campaign: '2025',
    unit: { id: 'unit-1', name: '长春市市场监督管理局' },
    receivedAt: '2025-08-20T02:00:00Z',
    applications: [{ track: 'QM_ORG', name: '某某有限公司' }],
  });
  const applicationId = applicationIds[0] as string;
  const base = { applicationId, track: 'QM_ORG', campaign: '2025', executionId: 'exec-1' };
  for (const stage of ['RECEIVED', 'COMPLETENESS'] as const) {
    await runStep(startStage, deps('local'), { ...base, stage });
    await runStep(advanceAutomaticStage, deps('local'), { ...base, stage });
  }
  return applicationId;
}

beforeAll(async () => {
  records = await startLocalRecords();
});
afterAll(async () => {
  await records.stop();
});

describe('workflow steps (dynalite)', () => {
  it('startStage records STAGE_ENTERED once, and passes through a stage already left', async () => {
    const applicationId = await applicationAtConsultation(1);
    const base = { applicationId, track: 'QM_ORG', campaign: '2025', executionId: 'exec-2', stage: 'RECEIVED' };
    expect(await runStep(startStage, deps('local'), base)).toMatchObject({ entered: false, alreadyLeft: true });
    const entered = (await records.repository.listEvents(applicationId)).filter((e) => e.type === 'STAGE_ENTERED');
    expect(entered.map((e) => e.stage)).toEqual(['RECEIVED', 'COMPLETENESS']);
    await expect(runStep(startStage, deps('local'), { ...base, stage: 'DEFENSE' })).rejects.toMatchObject({
      name: 'StageNotReached',
    });
  });

  it('local mode: an unanswered human step stores TASK# and throws HumanTaskPending; once answered it returns the outcome', async () => {
    const applicationId = await applicationAtConsultation(2);
    const input = {
      applicationId,
      track: 'QM_ORG',
      campaign: '2025',
      stage: 'CONSULTATION',
      executionId: 'exec-3',
      awaiting: 'consultation',
    };
    await expect(runStep(awaitHumanTask, deps('local'), input)).rejects.toMatchObject({ name: 'HumanTaskPending' });
    expect(await records.repository.getTask(applicationId, 'CONSULTATION')).toMatchObject({ awaiting: 'consultation' });

    const ctx = { repo: records.repository, now: clock.now };
    const department = Department.options[0];
    await requireConsultations(ctx, { actor: system, idempotencyKey: 'req', applicationId, departments: [department] });
    await recordConsultationOpinion(ctx, {
      actor: reviewer,
      idempotencyKey: 'op',
      applicationId,
      department,
      opinion: 'no_objection',
      summary: '无意见',
      evidence,
    });
    expect(await runStep(awaitHumanTask, deps('local'), input)).toMatchObject({
      outcome: 'pass',
      to: 'SOCIAL_PUBLICITY',
    });
    expect(await records.repository.getTask(applicationId, 'CONSULTATION')).toBeUndefined();
  });

  it('AWS mode: stores the token, and completes it itself when the answer was recorded first', async () => {
    const applicationId = await applicationAtConsultation(3);
    const input = {
      applicationId,
      track: 'QM_ORG',
      campaign: '2025',
      stage: 'CONSULTATION',
      executionId: 'exec-4',
      awaiting: 'consultation',
      taskToken: 'token-1',
    };
    expect(await runStep(awaitHumanTask, deps('aws'), input)).toEqual({ waiting: true });
    expect(await records.repository.getTask(applicationId, 'CONSULTATION')).toMatchObject({ taskToken: 'token-1' });
    expect(completed).toEqual([]);

    // The answer arrives before a (re-)armed wait stores its token: the step completes its own token at once.
    const ctx = { repo: records.repository, now: clock.now };
    const department = Department.options[0];
    await requireConsultations(ctx, { actor: system, idempotencyKey: 'req', applicationId, departments: [department] });
    await recordConsultationOpinion(ctx, {
      actor: reviewer,
      idempotencyKey: 'op',
      applicationId,
      department,
      opinion: 'no_objection',
      summary: '无意见',
      evidence,
    });
    await runStep(awaitHumanTask, deps('aws'), { ...input, taskToken: 'token-2' });
    expect(completed).toEqual([
      { token: 'token-2', output: expect.objectContaining({ outcome: 'pass', to: 'SOCIAL_PUBLICITY' }) },
    ]);
    await expect(runStep(awaitHumanTask, deps('aws'), { ...input, taskToken: undefined })).rejects.toMatchObject({
      name: 'InvalidStepInput',
    });
  });

  it('local mode: the window check throws WindowStillOpen before closesAt and reports closed after', async () => {
    const applicationId = await applicationAtConsultation(4);
    const input = {
      applicationId,
      track: 'QM_ORG',
      campaign: '2025',
      stage: 'SOCIAL_PUBLICITY',
      executionId: 'exec-5',
      window: { opensAt: '2025-09-10T02:00:00Z', closesAt: '2025-09-17T16:00:00Z' },
    };
    await expect(runStep(checkPublicityWindow, deps('local'), input)).rejects.toMatchObject({
      name: 'WindowStillOpen',
    });
    expect(await records.repository.getTask(applicationId, 'SOCIAL_PUBLICITY')).toMatchObject({
      awaiting: 'publicity',
    });
    now = new Date('2025-09-17T16:00:00Z');
    expect(await runStep(checkPublicityWindow, deps('local'), input)).toMatchObject({ closed: true });
    expect(await records.repository.getTask(applicationId, 'SOCIAL_PUBLICITY')).toBeUndefined();
    now = new Date('2025-09-10T02:00:00Z');
  });

  it('execution names are deterministic, distinct per bundle version and within 80 characters', () => {
    const a = intakeExecutionName('bucket', 'incoming/u1/b.zip', 'v1');
    expect(a).toBe(intakeExecutionName('bucket', 'incoming/u1/b.zip', 'v1'));
    expect(a).not.toBe(intakeExecutionName('bucket', 'incoming/u1/b.zip', 'v2'));
    expect(a.length).toBeLessThanOrEqual(80);
    expect(projectExecutionName('abc-1').length).toBeLessThanOrEqual(80);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
