import { z } from 'zod';
import { appendDecided, loadApplicationState } from '../history/appendEvent.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { workflowActor } from './workflowDependencies.js';
import { StageNotReached, UnknownApplication } from './workflowErrors.js';
import { defineStep } from './workflowStep.js';

export const workflowCompletedEventType = 'WORKFLOW_COMPLETED';

/** Terminal stage: checks the history agrees (AWARDED / NOT_AWARDED) and records that the workflow ended there. */
export const recordOutcome = defineStep({
  name: 'workflow.recordOutcome',
  input: StageStepInput.extend({ stage: z.enum(['AWARDED', 'NOT_AWARDED']) }),
  async run(deps, input) {
    const state = await loadApplicationState(deps.repo, input.applicationId);
    if (!state.meta) throw new UnknownApplication(`no application ${input.applicationId}`);
    if (state.meta.stage !== input.stage)
      throw new StageNotReached(`application ${input.applicationId} is at ${state.meta.stage}, not ${input.stage}`);
    const meta = state.meta;
    const { event } = await transientRecords(() =>
      appendDecided(
        deps.repo,
        { applicationId: input.applicationId, idempotencyKey: 'workflow-completed' },
        () => ({
          type: workflowCompletedEventType,
          stage: input.stage,
          actor: workflowActor.id,
          role: workflowActor.role,
          at: deps.clock.now().toISOString(),
          data: {
            outcome: input.stage,
            executionId: input.executionId,
            ...(meta.grade ? { grade: meta.grade } : {}),
          },
        }),
        { now: () => deps.clock.now() },
      ),
    );
    return { outcome: input.stage, seq: event.seq, ...(meta.grade ? { grade: meta.grade } : {}) };
  },
});
