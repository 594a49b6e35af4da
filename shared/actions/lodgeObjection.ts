import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Evidence } from '../domain/history/historyEvent.js';
import { Stage, stageKind } from '../domain/track/stage.js';
import { objectionLodgedEventType } from '../history/projectApplication.js';
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
import { Objector, objectionAdmissibility } from './objectorIdentity.js';
import { publicityWindowOf } from './publicityWindowOf.js';

export const LodgeObjectionRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  stage: Stage.refine((s) => stageKind(s) === 'publicity', 'not a publicity stage'),
  objector: Objector,
  content: z.string().trim().min(1),
  /** The written objection as received. */
  evidence: z.array(Evidence).default([]),
});

/**
 * Records a written objection received inside the stage's publicity window (closed or never opened → refused).
 * Without a real identity it is recorded as not admissible; an admissible one pauses the application until it is
 * resolved. The objector's identity stays in the event (masked in exports for roles that do not need it).
 */
export async function lodgeObjection(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(LodgeObjectionRequest, request);
  requireRole(r.actor.role, ['reviewer', 'system'], 'lodgeObjection');
  const objectionId = `OBJ-${createHash('sha256').update(r.idempotencyKey).digest('hex').slice(0, 12)}`;
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    requireStage(state, r.stage);
    const window = publicityWindowOf(state.events, r.stage);
    if (!window) throw new ActionError('WINDOW_NOT_OPENED', `no publicity window opened at ${r.stage}`);
    const now = ctx.now();
    if (now < new Date(window.opensAt) || now >= new Date(window.closesAt))
      throw new ActionError('WINDOW_CLOSED', `the ${r.stage} window runs ${window.opensAt} – ${window.closesAt}`);
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const { admissible, reason } = objectionAdmissibility(r.objector, today);
    return {
      type: objectionLodgedEventType,
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: now.toISOString(),
      evidence: r.evidence,
      data: {
        objectionId,
        admissible,
        ...(reason ? { inadmissibleReason: reason } : {}),
        objector: r.objector,
        content: r.content,
      },
    };
  });
  await ctx.repo.putObjection(
    {
      applicationId: r.applicationId,
      objectionId,
      stage: r.stage,
      admissible: event.data.admissible === true,
      status: event.data.admissible === true ? 'OPEN' : 'NOT_ADMISSIBLE',
      lodgedAt: event.at,
      lodgedSeq: event.seq,
    },
    event,
  );
  return { applicationId: r.applicationId, events: [event], replayed };
}
