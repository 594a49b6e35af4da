import { z } from 'zod';
import { Stage } from '../domain/track/stage.js';
import { appendDecided, loadApplicationState } from '../history/appendEvent.js';
import { transientRecords } from './transientRecords.js';
import { workflowActor } from './workflowDependencies.js';
import { defineStep } from './workflowStep.js';

export const workflowFailedEventType = 'WORKFLOW_FAILED';

/**
 * The Catch-all of the Project state machine: records in the history that the execution failed, at which stage and
 * with which error name (not its cause, which may quote payloads), so a reviewer sees it and can resume.
 */
export const recordWorkflowFailure = defineStep({
  name: 'workflow.recordWorkflowFailure',
  input: z.object({
    executionId: z.string().min(1),
    /** The execution's state as the Catch left it: `current` is set by the last stage entered, if any. */
    state: z
      .object({
        applicationId: z.string().min(1),
        current: z.object({ stage: Stage }).loose().optional(),
        error: z.object({ Error: z.string() }).loose(),
      })
      .loose(),
  }),
  async run(deps, { executionId, state: failed }) {
    const input = { executionId, applicationId: failed.applicationId, error: failed.error };
    const state = await loadApplicationState(deps.repo, input.applicationId);
    if (!state.meta) return { recorded: false };
    const stage = failed.current?.stage ?? state.meta.stage;
    const { event } = await transientRecords(() =>
      appendDecided(
        deps.repo,
        { applicationId: input.applicationId, idempotencyKey: `workflow-failed:${input.executionId}` },
        () => ({
          type: workflowFailedEventType,
          stage,
          actor: workflowActor.id,
          role: workflowActor.role,
          at: deps.clock.now().toISOString(),
          data: { error: input.error.Error.slice(0, 200), executionId: input.executionId },
        }),
        { now: () => deps.clock.now() },
      ),
    );
    return { recorded: true, seq: event.seq, error: input.error.Error };
  },
});
