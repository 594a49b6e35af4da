import { z } from 'zod';
import type { Role } from '../domain/access/role.js';
import { Evidence } from '../domain/history/historyEvent.js';
import { nextStage, type Stage, stageKind } from '../domain/track/stage.js';
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
import { consultationStatus } from './consultationStatus.js';
import { panelScoresEventType } from './recordPanelScores.js';

/** The stages a decision closes, and who records it. */
export const decisionRoles = {
  CONSULTATION: ['reviewer'],
  UNIT_RECOMMENDATION: ['recommending_unit'],
  FORMAL_REVIEW: ['reviewer'],
  MATERIAL_REVIEW: ['reviewer'],
  ONSITE_REVIEW: ['reviewer'],
  DEFENSE: ['reviewer'],
  PROFESSIONAL_REVIEW: ['reviewer'],
  COMPREHENSIVE_EVALUATION: ['reviewer'],
  GOVERNMENT_APPROVAL: ['reviewer'],
} as const satisfies Partial<Record<Stage, readonly Role[]>>;

export const DecisionStage = z.enum(Object.keys(decisionRoles) as [keyof typeof decisionRoles]);

export const RecordDecisionRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  stage: DecisionStage,
  outcome: z.enum(['pass', 'reject']),
  /** Written reasons (a rejection at 资料评审 is a written notice to the applicant). */
  reasons: z.string().trim().min(1),
  evidence: z.array(Evidence).default([]),
  /** 综合评价 / 综合评选: the comprehensive score the campaign ranking uses (higher is better). */
  score: z.number().min(0).max(100).optional(),
});

export const decisionEventType = 'DECISION_RECORDED';

/**
 * Records the decision that closes a stage: pass → the track's next stage (GOVERNMENT_APPROVAL → AWARDED),
 * reject → NOT_AWARDED. Refused at another stage, by another role, while paused by an objection, at CONSULTATION
 * before every required department answered, and at a panel stage before the panel's scores are recorded.
 */
export async function recordDecision(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(RecordDecisionRequest, request);
  requireRole(r.actor.role, decisionRoles[r.stage], `a decision at ${r.stage}`);
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireStage(state, r.stage);
    requireNotPaused(state);
    if (r.stage === 'CONSULTATION') {
      const status = consultationStatus(state.events);
      if (!status.complete)
        throw new ActionError(
          'CONSULTATION_INCOMPLETE',
          `opinions outstanding from ${status.outstanding.join(', ') || '(no department required yet)'}`,
        );
    }
    if (
      stageKind(r.stage) === 'panel' &&
      !state.events.some((e) => e.type === panelScoresEventType && e.stage === r.stage)
    )
      throw new ActionError('SCORES_MISSING', `no panel scores recorded at ${r.stage} for ${meta.applicationId}`);
    const to = r.outcome === 'pass' ? nextStage(meta.track, r.stage) : 'NOT_AWARDED';
    return {
      type: decisionEventType,
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      evidence: r.evidence,
      data: { outcome: r.outcome, reasons: r.reasons, to, ...(r.score === undefined ? {} : { score: r.score }) },
    };
  });
  return {
    applicationId: r.applicationId,
    events: [event],
    replayed,
    task: {
      applicationId: r.applicationId,
      stage: r.stage,
      output: { outcome: event.data.outcome, to: event.data.to, seq: event.seq },
    },
  };
}
