import { z } from 'zod';
import { Evidence } from '../domain/history/historyEvent.js';
import { objectionLodgedEventType, objectionResolvedEventType } from '../history/projectApplication.js';
import {
  type ActionContext,
  ActionEnvelope,
  type ActionResult,
  appendAction,
  parseRequest,
  requireApplication,
  requireRole,
  type TaskCompletion,
} from './actionContext.js';
import { ActionError } from './actionError.js';

export const ResolveObjectionRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  objectionId: z.string().min(1),
  /** upheld: the objection is founded and the application is not awarded; dismissed: it goes on. */
  outcome: z.enum(['upheld', 'dismissed']),
  reasons: z.string().trim().min(1),
  evidence: z.array(Evidence).default([]),
});

/** Resolves an open, admissible objection; the application resumes when no other objection stays open. */
export async function resolveObjection(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(ResolveObjectionRequest, request);
  requireRole(r.actor.role, ['reviewer'], 'resolveObjection');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireApplication(state);
    const lodged = state.events.find(
      (e) => e.type === objectionLodgedEventType && e.data.objectionId === r.objectionId,
    );
    if (!lodged) throw new ActionError('UNKNOWN_OBJECTION', `no objection ${r.objectionId} on ${meta.applicationId}`);
    if (!meta.openObjections.includes(r.objectionId))
      throw new ActionError(
        'OBJECTION_NOT_OPEN',
        `objection ${r.objectionId} is not open (not admissible or resolved)`,
      );
    return {
      type: objectionResolvedEventType,
      stage: meta.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      evidence: r.evidence,
      data: {
        objectionId: r.objectionId,
        outcome: r.outcome,
        reasons: r.reasons,
        ...(r.outcome === 'upheld' ? { to: 'NOT_AWARDED' } : {}),
      },
    };
  });
  const objection = await ctx.repo.getObjection(r.applicationId, r.objectionId);
  if (objection)
    await ctx.repo.putObjection(
      { ...objection, status: event.data.outcome === 'upheld' ? 'UPHELD' : 'DISMISSED', resolvedSeq: event.seq },
      event,
    );
  let task: TaskCompletion | undefined;
  if (event.data.outcome === 'upheld')
    task = {
      applicationId: r.applicationId,
      stage: event.stage,
      output: { outcome: 'reject', to: 'NOT_AWARDED', seq: event.seq },
    };
  else {
    // The waiting step (awaitHumanTask at the publicity stage) resumes when no admissible objection of the stage is
    // open any more: the same rule as its `recordedOutcome`, so the task wakes now rather than at its heartbeat.
    const stillOpen = (await ctx.repo.listObjections(r.applicationId)).some(
      (o) => o.stage === event.stage && o.status === 'OPEN' && o.objectionId !== r.objectionId,
    );
    if (!stillOpen) task = { applicationId: r.applicationId, stage: event.stage, output: { outcome: 'resume' } };
  }
  return { applicationId: r.applicationId, events: [event], replayed, ...(task ? { task } : {}) };
}
