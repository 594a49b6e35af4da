import { z } from 'zod';
import { nextStage, Stage, stageKind } from '../domain/track/stage.js';
import {
  type ActionContext,
  ActionEnvelope,
  type ActionResult,
  appendAction,
  parseRequest,
  requireNotPaused,
  requireRole,
  requireStage,
} from './actionContext.js';
import { ActionError } from './actionError.js';
import { publicityWindowOf } from './publicityWindowOf.js';

export const ClosePublicityWindowRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  stage: Stage.refine((s) => stageKind(s) === 'publicity', 'not a publicity stage'),
});

/** After the window's last working day, with no objection open, the application moves to the next stage. */
export async function closePublicityWindow(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(ClosePublicityWindowRequest, request);
  requireRole(r.actor.role, ['system', 'reviewer'], 'closePublicityWindow');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireStage(state, r.stage);
    const window = publicityWindowOf(state.events, r.stage);
    if (!window) throw new ActionError('WINDOW_NOT_OPENED', `no publicity window opened at ${r.stage}`);
    if (ctx.now() < new Date(window.closesAt))
      throw new ActionError('WINDOW_STILL_OPEN', `the ${r.stage} window closes at ${window.closesAt}`);
    requireNotPaused(state);
    return {
      type: 'PUBLICITY_CLOSED',
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      data: { closesAt: window.closesAt, to: nextStage(meta.track, r.stage) },
    };
  });
  return {
    applicationId: r.applicationId,
    events: [event],
    replayed,
    task: {
      applicationId: r.applicationId,
      stage: r.stage,
      output: { outcome: 'pass', to: event.data.to, seq: event.seq },
    },
  };
}
