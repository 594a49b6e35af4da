import { z } from 'zod';
import { Department } from '../domain/consultation/department.js';
import {
  type ActionContext,
  ActionEnvelope,
  type ActionResult,
  appendAction,
  parseRequest,
  requireRole,
  requireStage,
} from './actionContext.js';
import { consultationRequiredEventType } from './consultationStatus.js';

export const RequireConsultationsRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  /** The system passes the consultation matrix's departments; a reviewer may add more (SPEC §6). */
  departments: z.array(Department).min(1),
  reason: z.string().min(1).optional(),
});

/** Records which departments must return an opinion before the application can leave 征求意见. */
export async function requireConsultations(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(RequireConsultationsRequest, request);
  requireRole(r.actor.role, ['system', 'reviewer'], 'requireConsultations');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    requireStage(state, 'CONSULTATION');
    return {
      type: consultationRequiredEventType,
      stage: 'CONSULTATION',
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      data: { departments: [...new Set(r.departments)].sort(), ...(r.reason ? { reason: r.reason } : {}) },
    };
  });
  return { applicationId: r.applicationId, events: [event], replayed };
}
