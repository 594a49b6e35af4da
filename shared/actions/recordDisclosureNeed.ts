import { z } from 'zod';
import {
  type ActionContext,
  ActionEnvelope,
  type ActionResult,
  appendAction,
  parseRequest,
  requireApplication,
  requireRole,
} from './actionContext.js';
import { disclosureEventType } from './exportApplicationHistory.js';

export const RecordDisclosureNeedRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  /** The auditor who needs to see identity and phone numbers. */
  grantedTo: z.string().min(1),
  reason: z.string().trim().min(1),
});

/** The office records why an auditor needs the unmasked personal data of an application; it stays in the history. */
export async function recordDisclosureNeed(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(RecordDisclosureNeedRequest, request);
  requireRole(r.actor.role, ['reviewer'], 'recordDisclosureNeed');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireApplication(state);
    return {
      type: disclosureEventType,
      stage: meta.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      data: { grantedTo: r.grantedTo, reason: r.reason },
    };
  });
  return { applicationId: r.applicationId, events: [event], replayed };
}
