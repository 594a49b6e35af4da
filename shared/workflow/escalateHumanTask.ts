import { z } from 'zod';
import { appendDecided } from '../history/appendEvent.js';
import { Awaiting } from './awaitHumanTask.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { workflowActor } from './workflowDependencies.js';
import { defineStep } from './workflowStep.js';

export const humanTaskEscalatedEventType = 'HUMAN_TASK_ESCALATED';

/**
 * Reached when a human step timed out (no decision, or no heartbeat, within its limits): records the escalation in
 * the history (once per wait) and notifies the office; the state machine then waits again.
 */
export const escalateHumanTask = defineStep({
  name: 'workflow.escalateHumanTask',
  input: StageStepInput.extend({
    awaiting: Awaiting,
    /** The Catch output: only the error name is kept (its cause may quote payloads). */
    error: z.object({ Error: z.string() }).loose().optional(),
  }),
  async run(deps, input) {
    const task = await deps.repo.getTask(input.applicationId, input.stage);
    const waitingSince = task?.createdAt ?? deps.clock.now().toISOString();
    const { event } = await transientRecords(() =>
      appendDecided(
        deps.repo,
        { applicationId: input.applicationId, idempotencyKey: `escalate:${input.stage}:${waitingSince}` },
        () => ({
          type: humanTaskEscalatedEventType,
          stage: input.stage,
          actor: workflowActor.id,
          role: workflowActor.role,
          at: deps.clock.now().toISOString(),
          data: { awaiting: input.awaiting, waitingSince, reason: input.error?.Error ?? 'States.Timeout' },
        }),
        { now: () => deps.clock.now() },
      ),
    );
    await deps.notifier.humanTaskOverdue({
      applicationId: input.applicationId,
      campaign: input.campaign,
      stage: input.stage,
      awaiting: input.awaiting,
      waitingSince,
    });
    return { escalated: true, seq: event.seq, waitingSince };
  },
});
