import { z } from 'zod';
import { Evidence } from '../domain/history/historyEvent.js';
import { Stage, stageKind } from '../domain/track/stage.js';
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

export const panelScoresEventType = 'PANEL_SCORES_RECORDED';

export const RecordPanelScoresRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  stage: Stage.refine((s) => stageKind(s) === 'panel', 'not a panel stage'),
  scores: z.array(z.object({ expertId: z.string().min(1), score: z.number().min(0).max(100) })).min(1),
  /** The signed score sheets. */
  evidence: z.array(Evidence).min(1, 'the score sheets are the evidence'),
});

/** Records the drawn panel's scores: one per member, no one else; the mean is kept to two decimals. */
export async function recordPanelScores(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(RecordPanelScoresRequest, request);
  requireRole(r.actor.role, ['reviewer'], 'recordPanelScores');
  const panel = await ctx.repo.getPanel(r.applicationId, r.stage);
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    requireStage(state, r.stage);
    requireNotPaused(state);
    if (panel?.status !== 'DRAWN' || !panel.members)
      throw new ActionError('PANEL_MISSING', `no panel drawn at ${r.stage} for ${r.applicationId}`);
    const members = new Set(panel.members);
    const scored = new Set<string>();
    for (const s of r.scores) {
      if (!members.has(s.expertId))
        throw new ActionError('NOT_A_PANEL_MEMBER', `${s.expertId} is not on the panel`, 'scores');
      if (scored.has(s.expertId)) throw new ActionError('INVALID_INPUT', `${s.expertId} scored twice`, 'scores');
      scored.add(s.expertId);
    }
    const missing = panel.members.filter((m) => !scored.has(m));
    if (missing.length) throw new ActionError('INVALID_INPUT', `no score from ${missing.join(', ')}`, 'scores');
    const mean = Math.round((r.scores.reduce((sum, s) => sum + s.score, 0) / r.scores.length) * 100) / 100;
    return {
      type: panelScoresEventType,
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      evidence: r.evidence,
      data: { scores: r.scores, mean },
    };
  });
  return { applicationId: r.applicationId, events: [event], replayed };
}
