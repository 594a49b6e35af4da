import { z } from 'zod';
import { loadApplicationState } from '../history/appendEvent.js';
import type { TaskRecord } from '../records/recordsRepository.js';
import { type StageExit, stageExit } from './stageExit.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import type { WorkflowDependencies } from './workflowDependencies.js';
import { HumanTaskPending, InvalidStepInput, UnknownApplication } from './workflowErrors.js';
import { defineStep } from './workflowStep.js';

export const Awaiting = z.enum(['consultation', 'decision', 'publicity', 'panel', 'finalisation']);
export type Awaiting = z.infer<typeof Awaiting>;

export const AwaitHumanTaskInput = StageStepInput.extend({
  awaiting: Awaiting,
  /** `$$.Task.Token` on AWS; locally whatever the runtime's context supplies (or nothing). */
  taskToken: z.string().min(1).optional(),
});

/** What the waiting step resolves to: how the stage was left, or (publicity) that no objection is open any more. */
export type HumanTaskOutcome =
  | ({ applicationId: string; stage: string } & StageExit)
  | { applicationId: string; stage: string; outcome: 'resume' };

/**
 * The recorded answer to what the stage waits for, if there is one: the event that moved the application out of
 * the stage; at a publicity stage paused by objections, also "resume" once none is open (a dismissal records no
 * exit — the window-close check that follows does).
 */
export async function recordedOutcome(
  deps: WorkflowDependencies,
  input: z.infer<typeof AwaitHumanTaskInput>,
): Promise<HumanTaskOutcome | undefined> {
  const state = await loadApplicationState(deps.repo, input.applicationId);
  if (!state.meta) throw new UnknownApplication(`no application ${input.applicationId}`);
  const base = { applicationId: input.applicationId, stage: input.stage };
  const exit = stageExit(state.events, input.stage);
  if (exit) return { ...base, ...exit };
  if (input.awaiting === 'publicity') {
    const objections = await deps.repo.listObjections(input.applicationId);
    if (!objections.some((o) => o.stage === input.stage && o.status === 'OPEN')) return { ...base, outcome: 'resume' };
  }
  return undefined;
}

async function clearTask(deps: WorkflowDependencies, applicationId: string, task: TaskRecord | undefined) {
  if (task) await deps.repo.deleteTask(applicationId, task.stage, task.taskToken);
}

/**
 * A human step (`lambda:invoke.waitForTaskToken`). It stores the task (`TASK#<stage>`: token, what is awaited) so
 * the action that records the decision can complete it (SendTaskSuccess with `{outcome, to, seq}`).
 * - AWS: stores the token first, then looks for an answer already recorded (a decision that came before the
 *   token was stored) and completes its own token with it — so neither order of arrival loses the decision.
 * - Local (no task tokens): returns a recorded answer at once; otherwise stores the task and throws
 *   HumanTaskPending, which ends the execution; the local runtime resumes it at this stage later.
 */
export const awaitHumanTask = defineStep({
  name: 'workflow.awaitHumanTask',
  input: AwaitHumanTaskInput,
  async run(deps, input): Promise<HumanTaskOutcome | { waiting: true }> {
    const pending = (taskToken: string): TaskRecord => ({
      applicationId: input.applicationId,
      stage: input.stage,
      taskToken,
      awaiting: input.awaiting,
      createdAt: deps.clock.now().toISOString(),
    });
    if (deps.mode === 'local') {
      const outcome = await recordedOutcome(deps, input);
      if (outcome) {
        await clearTask(deps, input.applicationId, await deps.repo.getTask(input.applicationId, input.stage));
        return outcome;
      }
      await transientRecords(() => deps.repo.putTask(pending(input.taskToken ?? `local:${input.executionId}`)));
      throw new HumanTaskPending(`${input.applicationId} waits at ${input.stage} for ${input.awaiting}`);
    }
    const token = input.taskToken;
    if (!token) throw new InvalidStepInput('workflow.awaitHumanTask: taskToken: required on AWS');
    await transientRecords(() => deps.repo.putTask(pending(token)));
    const outcome = await recordedOutcome(deps, input);
    if (outcome) {
      await deps.tasks.complete(token, { ...outcome });
      await deps.repo.deleteTask(input.applicationId, input.stage, token);
    }
    return { waiting: true };
  },
});
