import { ActionError } from '../actions/actionError.js';
import { closePublicityWindow } from '../actions/closePublicityWindow.js';
import { loadApplicationState } from '../history/appendEvent.js';
import { stageExit } from './stageExit.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { actionContextOf, workflowActor } from './workflowDependencies.js';
import { WindowStillOpen } from './workflowErrors.js';
import { defineStep } from './workflowStep.js';

export type ObjectionCheck =
  | { outcome: 'pass' | 'reject'; to: string; seq: number }
  | { outcome: 'paused'; objectionIds: string[] }
  | { outcome: 'open' };

/**
 * After the window closed: an admissible objection still open pauses the application (the state machine awaits
 * its resolution, then checks again); an upheld one has already moved it to NOT_AWARDED; otherwise the window is
 * closed through the records action (PUBLICITY_CLOSED, to the next stage).
 */
export const checkObjections = defineStep({
  name: 'workflow.checkObjections',
  input: StageStepInput,
  async run(deps, input): Promise<ObjectionCheck> {
    const state = await loadApplicationState(deps.repo, input.applicationId);
    const exit = stageExit(state.events, input.stage);
    if (exit) return exit;
    const open = (await deps.repo.listObjections(input.applicationId))
      .filter((o) => o.stage === input.stage && o.status === 'OPEN')
      .map((o) => o.objectionId)
      .sort();
    if (open.length > 0) return { outcome: 'paused', objectionIds: open };
    try {
      const result = await transientRecords(() =>
        closePublicityWindow(actionContextOf(deps), {
          actor: workflowActor,
          idempotencyKey: `publicity-close:${input.stage}`,
          applicationId: input.applicationId,
          stage: input.stage,
        }),
      );
      const event = result.events[0];
      const closed = event ? stageExit([event], input.stage) : undefined;
      if (!closed) throw new Error(`closePublicityWindow recorded no exit from ${input.stage}`);
      return closed;
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      if (error.code === 'APPLICATION_PAUSED') {
        const objections = await deps.repo.listObjections(input.applicationId);
        const ids = objections.filter((o) => o.stage === input.stage && o.status === 'OPEN').map((o) => o.objectionId);
        return { outcome: 'paused', objectionIds: ids.sort() };
      }
      if (error.code === 'WINDOW_STILL_OPEN') {
        if (deps.mode === 'local') throw new WindowStillOpen(error.message);
        return { outcome: 'open' };
      }
      throw error;
    }
  },
});
