import { z } from 'zod';
import { Department } from '../domain/consultation/department.js';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { Evidence } from '../domain/history/historyEvent.js';
import { nextStage } from '../domain/track/stage.js';
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
import { consultationOpinionEventType, consultationStatus } from './consultationStatus.js';

export const RecordConsultationOpinionRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  department: Department,
  opinion: z.enum(['no_objection', 'adverse']),
  /** What the department's 征求意见表 says, in the office's words. */
  summary: z.string().min(1),
  evidence: z.array(Evidence).min(1, 'the returned 征求意见表 is the evidence'),
});

/**
 * Records one department's opinion. When it is the last required one and none is adverse, the application moves
 * on (the event carries `to`) and the waiting consultation task is completed; with an adverse opinion a reviewer
 * decides at CONSULTATION (recordDecision). Before every required department answered, nothing can pass the stage.
 */
export async function recordConsultationOpinion(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(RecordConsultationOpinionRequest, request);
  requireRole(r.actor.role, ['reviewer'], 'recordConsultationOpinion');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireStage(state, 'CONSULTATION');
    const status = consultationStatus(state.events);
    if (!status.required.includes(r.department))
      throw new ActionError('DEPARTMENT_NOT_REQUIRED', `${r.department} is not required for ${meta.applicationId}`);
    if (status.opinions[r.department])
      throw new ActionError('OPINION_ALREADY_RECORDED', `${r.department} already answered for ${meta.applicationId}`);
    const outstanding = status.outstanding.filter((d) => d !== r.department);
    const adverse = [...status.adverse, ...(r.opinion === 'adverse' ? [r.department] : [])];
    const to = outstanding.length === 0 && adverse.length === 0 ? nextStage(meta.track, 'CONSULTATION') : undefined;
    return {
      type: consultationOpinionEventType,
      stage: 'CONSULTATION',
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      evidence: r.evidence,
      data: {
        department: r.department,
        opinion: r.opinion,
        summary: r.summary,
        outstanding,
        ...(outstanding.length === 0 ? { complete: true, adverse } : {}),
        ...(to ? { to } : {}),
      },
    };
  });
  return { applicationId: r.applicationId, events: [event], replayed, task: consultationTask(event) };
}

function consultationTask(event: HistoryEvent) {
  // With an adverse opinion the stage stays open: the reviewer's decision completes the task.
  if (typeof event.data.to !== 'string') return undefined;
  return {
    applicationId: event.applicationId,
    stage: event.stage,
    output: { outcome: 'pass', to: event.data.to, seq: event.seq },
  };
}
