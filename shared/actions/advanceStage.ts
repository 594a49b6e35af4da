import { z } from 'zod';
import { nextStage, Stage, stageKind } from '../domain/track/stage.js';
import {
  type ActionContext,
  ActionEnvelope,
  type ActionResult,
  appendAction,
  parseRequest,
  requireRole,
  requireStage,
} from './actionContext.js';
import { ActionError } from './actionError.js';

export const AdvanceStageRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  from: Stage,
  outcome: z.enum(['pass', 'reject']),
  reasons: z.string().min(1),
});

/**
 * The system moves an application out of an automatic stage (RECEIVED, COMPLETENESS): on to the next stage, or
 * to NOT_AWARDED. Human stages are left by their own actions.
 */
export async function advanceStage(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(AdvanceStageRequest, request);
  requireRole(r.actor.role, ['system'], 'advanceStage');
  if (stageKind(r.from) !== 'automatic')
    throw new ActionError('WRONG_STAGE', `${r.from} is not an automatic stage`, 'from');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireStage(state, r.from);
    const to = r.outcome === 'pass' ? nextStage(meta.track, r.from) : 'NOT_AWARDED';
    return {
      type: 'STAGE_ADVANCED',
      stage: r.from,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      data: { outcome: r.outcome, reasons: r.reasons, to },
    };
  });
  return { applicationId: r.applicationId, events: [event], replayed };
}
