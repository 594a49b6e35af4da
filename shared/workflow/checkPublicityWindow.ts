import { PublicityWindowTimes } from './computePublicityWindow.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { WindowStillOpen } from './workflowErrors.js';
import { defineStep } from './workflowStep.js';

/**
 * "Window closed?" after the Wait: compares the clock with the window's end. AWS: `{closed: false}` sends the
 * execution to a short re-check Wait (clock skew). Local (Waits are 0 s): an open window stores the task
 * (`TASK#<stage>`, awaiting publicity) and throws WindowStillOpen, ending the execution until the local runtime's
 * clock passes `closesAt` and it resumes at this stage.
 */
export const checkPublicityWindow = defineStep({
  name: 'workflow.checkPublicityWindow',
  input: StageStepInput.extend({ window: PublicityWindowTimes }),
  async run(deps, input) {
    const now = deps.clock.now();
    const closed = now.getTime() >= Date.parse(input.window.closesAt);
    if (!closed && deps.mode === 'local') {
      await transientRecords(() =>
        deps.repo.putTask({
          applicationId: input.applicationId,
          stage: input.stage,
          taskToken: `local:${input.executionId}`,
          awaiting: 'publicity',
          createdAt: now.toISOString(),
        }),
      );
      throw new WindowStillOpen(
        `the ${input.stage} window of ${input.applicationId} closes at ${input.window.closesAt}`,
      );
    }
    if (closed && deps.mode === 'local') {
      const task = await deps.repo.getTask(input.applicationId, input.stage);
      if (task) await deps.repo.deleteTask(input.applicationId, input.stage, task.taskToken);
    }
    return { closed, closesAt: input.window.closesAt, checkedAt: now.toISOString() };
  },
});
