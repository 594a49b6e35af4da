import { z } from 'zod';
import { ActionError } from '../actions/actionError.js';
import { openPublicityWindow } from '../actions/openPublicityWindow.js';
import { publicityWindowOf } from '../actions/publicityWindowOf.js';
import { stageKind } from '../domain/track/stage.js';
import { loadApplicationState } from '../history/appendEvent.js';
import { stageExit } from './stageExit.js';
import { StageStepInput } from './stepInput.js';
import { transientRecords } from './transientRecords.js';
import { actionContextOf, workflowActor } from './workflowDependencies.js';
import { defineStep } from './workflowStep.js';

const PublicityStepInput = StageStepInput.refine((i) => stageKind(i.stage) === 'publicity', {
  message: 'not a publicity stage',
  path: ['stage'],
});

/**
 * Opens the stage's 公示 window through the records action (campaign length in working days, `publicityWindow` on
 * the Chinese working-day calendar) and returns its end for the `Wait` (TimestampPath `$.window.closesAt`). Already
 * opened (by a reviewer, or by an earlier run of this execution) → the recorded window; already left → now.
 */
/** Whole-second UTC instants (`…T16:00:00Z`), the RFC 3339 form a Wait's TimestampPath takes. */
function forWait(window: { opensAt: string; closesAt: string }) {
  const whole = (t: string) => new Date(Math.ceil(Date.parse(t) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return { opensAt: whole(window.opensAt), closesAt: whole(window.closesAt) };
}

export const computePublicityWindow = defineStep({
  name: 'workflow.computePublicityWindow',
  input: PublicityStepInput,
  async run(deps, input) {
    const state = await loadApplicationState(deps.repo, input.applicationId);
    const recorded = publicityWindowOf(state.events, input.stage);
    if (recorded) return forWait(recorded);
    if (stageExit(state.events, input.stage)) {
      const now = deps.clock.now().toISOString();
      return forWait({ opensAt: now, closesAt: now });
    }
    try {
      const result = await transientRecords(() =>
        openPublicityWindow(actionContextOf(deps), {
          actor: workflowActor,
          idempotencyKey: `publicity-open:${input.stage}`,
          applicationId: input.applicationId,
          stage: input.stage,
        }),
      );
      const data = result.events[0]?.data ?? {};
      return forWait({ opensAt: String(data.opensAt), closesAt: String(data.closesAt) });
    } catch (error) {
      if (!(error instanceof ActionError && error.code === 'WINDOW_ALREADY_OPENED')) throw error;
      const again = publicityWindowOf((await loadApplicationState(deps.repo, input.applicationId)).events, input.stage);
      if (!again) throw error;
      return forWait(again);
    }
  },
});

export const PublicityWindowTimes = z.object({
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
});
