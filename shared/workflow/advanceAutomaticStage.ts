import { z } from 'zod';
import { advanceStage } from '../actions/advanceStage.js';
import { loadApplicationState } from '../history/appendEvent.js';
import { stageExit } from './stageExit.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { actionContextOf, workflowActor } from './workflowDependencies.js';
import { defineStep } from './workflowStep.js';

const reasons = {
  RECEIVED: 'bundle registered; the completeness report follows',
  COMPLETENESS: 'the completeness report found the application complete (the intake starts the workflow only then)',
} as const;

/** Moves the application out of an automatic stage (RECEIVED, COMPLETENESS) through the records action. */
export const advanceAutomaticStage = defineStep({
  name: 'workflow.advanceAutomaticStage',
  input: StageStepInput.extend({ stage: z.enum(['RECEIVED', 'COMPLETENESS']) }),
  async run(deps, input) {
    const state = await loadApplicationState(deps.repo, input.applicationId);
    const exit = stageExit(state.events, input.stage);
    if (exit) return exit;
    const result = await transientRecords(() =>
      advanceStage(actionContextOf(deps), {
        actor: workflowActor,
        idempotencyKey: `advance:${input.stage}`,
        applicationId: input.applicationId,
        from: input.stage,
        outcome: 'pass',
        reasons: reasons[input.stage],
      }),
    );
    const event = result.events[0];
    const recorded = event ? stageExit([event], input.stage) : undefined;
    if (!recorded) throw new Error(`advanceStage recorded no exit from ${input.stage}`);
    return recorded;
  },
});
