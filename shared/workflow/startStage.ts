import { stageKind } from '../domain/track/stage.js';
import { appendDecided, loadApplicationState } from '../history/appendEvent.js';
import { stageExit } from './stageExit.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { workflowActor } from './workflowDependencies.js';
import { StageNotReached, UnknownApplication } from './workflowErrors.js';
import { defineStep } from './workflowStep.js';

export const stageEnteredEventType = 'STAGE_ENTERED';

/**
 * First Task of every non-terminal stage: records that the workflow reached the stage (STAGE_ENTERED, once per
 * stage) with the execution that runs it. A resumed execution entering a stage the application has already left
 * passes through (the stage's own step then returns the recorded outcome); a stage not yet reached is refused.
 */
export const startStage = defineStep({
  name: 'workflow.startStage',
  input: StageStepInput,
  async run(deps, input) {
    const state = await loadApplicationState(deps.repo, input.applicationId);
    if (!state.meta) throw new UnknownApplication(`no application ${input.applicationId}`);
    const kind = stageKind(input.stage);
    if (state.meta.stage !== input.stage) {
      if (stageExit(state.events, input.stage)) return { stage: input.stage, kind, entered: false, alreadyLeft: true };
      throw new StageNotReached(`application ${input.applicationId} is at ${state.meta.stage}, not ${input.stage}`);
    }
    const { event } = await transientRecords(() =>
      appendDecided(
        deps.repo,
        { applicationId: input.applicationId, idempotencyKey: `enter:${input.stage}` },
        () => ({
          type: stageEnteredEventType,
          stage: input.stage,
          actor: workflowActor.id,
          role: workflowActor.role,
          at: deps.clock.now().toISOString(),
          data: { executionId: input.executionId, kind },
        }),
        { now: () => deps.clock.now() },
      ),
    );
    return { stage: input.stage, kind, entered: true, seq: event.seq };
  },
});
