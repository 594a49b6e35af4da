import { z } from 'zod';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { qmPrizeFen } from '../domain/prize/qmPrize.js';
import { siDrafterPrizes } from '../domain/prize/siPrize.js';
import { rankQm } from '../domain/ranking/qmRanking.js';
import { gradeSi, siGrades } from '../domain/ranking/siGrading.js';
import type { Stage } from '../domain/track/stage.js';
import type { ApplicationMeta } from '../records/recordsRepository.js';
import {
  type ActionContext,
  ActionEnvelope,
  appendAction,
  parseRequest,
  requireRole,
  requireStage,
  type TaskCompletion,
} from './actionContext.js';
import { ActionError } from './actionError.js';
import { campaignOf } from './campaignOf.js';
import { decisionEventType } from './recordDecision.js';
import { panelScoresEventType } from './recordPanelScores.js';

export const gradeRecordedEventType = 'GRADE_RECORDED';

/** Facts of an application the ranking needs that are not in its history (from the application data). */
const CandidateFacts = z.object({
  applicationId: z.string().min(1),
  recommendingUnitRank: z.number().int().positive().optional(),
  countyCadre: z.boolean().optional(),
  requestedGrade: z.enum(siGrades).optional(),
  drafters: z.array(z.object({ id: z.string().min(1), rate: z.number() })).optional(),
});

export const FinaliseCampaignRequest = ActionEnvelope.extend({
  campaign: z.string().regex(/^\d{4}$/),
  /** QM: 领导小组审核 over QM_ORG and QM_IND together; SI: 综合评选 grades. */
  scope: z.enum(['QM', 'SI']),
  facts: z.array(CandidateFacts).default([]),
});

/** The stage each scope is finalised at. */
export const scopeStage: Record<'QM' | 'SI', Stage> = { QM: 'LEADERSHIP_REVIEW', SI: 'COMPREHENSIVE_SELECTION' };

interface Outcome {
  applicationId: string;
  selected: boolean;
  grade: string;
  position?: number;
  reason: string;
  prizeFen: number;
  drafterPrizes?: { id: string; rate: number; fen: number }[];
}

export interface FinaliseCampaignResult {
  scope: 'QM' | 'SI';
  outcomes: Outcome[];
  events: HistoryEvent[];
  tasks: TaskCompletion[];
}

/** The comprehensive score: the 综合评价 decision's score, else the mean of the last panel scores. */
export function scoreOf(events: readonly HistoryEvent[]): number | undefined {
  const decided = events.findLast((e) => e.type === decisionEventType && typeof e.data.score === 'number');
  if (decided) return decided.data.score as number;
  const scored = events.findLast((e) => e.type === panelScoresEventType);
  return typeof scored?.data.mean === 'number' ? scored.data.mean : undefined;
}

/**
 * Finalises a campaign scope: the applications waiting at its finalisation stage are found through the
 * byCampaignStatus GSI (no Scan), ranked within the quotas (QM: with the 县处级 20 % cap) or graded (SI), and each gets
 * a GRADE_RECORDED event with its grade and prize in fen (SI: split among the drafters by 贡献率), moving it to
 * 评选结果公示 or to NOT_AWARDED. The ranking is written once as `FINALISATION#<scope>` (with this request's key), so a
 * retry records the same result even if it has to finish half-done work, and another request is refused.
 */
export async function finaliseCampaign(ctx: ActionContext, request: unknown): Promise<FinaliseCampaignResult> {
  const r = parseRequest(FinaliseCampaignRequest, request);
  requireRole(r.actor.role, ['reviewer'], 'finaliseCampaign');
  const stage = scopeStage[r.scope];
  // A retry writes the recorded finalisation again (a no-op that says it was this command's): ranking again could
  // fail, the applications having moved on.
  const recorded = await ctx.repo.getFinalisation(r.campaign, r.scope);
  const finalisation = await ctx.repo.putFinalisation(
    recorded ?? {
      campaign: r.campaign,
      scope: r.scope,
      finalisedAt: ctx.now().toISOString(),
      actor: r.actor.id,
      result: { outcomes: await rank(ctx, r, stage) },
    },
    r,
  );
  if (finalisation.status === 'refused')
    throw new ActionError('FINALISATION_FAILED', `campaign ${r.campaign} ${r.scope} was already finalised`);
  const { outcomes } = finalisation.stored.result as { outcomes: Outcome[] };
  const events: HistoryEvent[] = [];
  const tasks: TaskCompletion[] = [];
  for (const o of outcomes) {
    const { event } = await appendAction(
      ctx,
      { applicationId: o.applicationId, idempotencyKey: `${r.idempotencyKey}#${o.applicationId}` },
      (state) => {
        requireStage(state, stage);
        return {
          type: gradeRecordedEventType,
          stage,
          actor: r.actor.id,
          role: r.actor.role,
          at: ctx.now().toISOString(),
          data: { ...o, to: o.selected ? 'RESULT_PUBLICITY' : 'NOT_AWARDED' },
        };
      },
    );
    events.push(event);
    tasks.push({
      applicationId: o.applicationId,
      stage,
      output: { outcome: o.selected ? 'pass' : 'reject', grade: o.grade, to: event.data.to, seq: event.seq },
    });
  }
  return { scope: r.scope, outcomes, events, tasks };
}

async function rank(ctx: ActionContext, r: z.infer<typeof FinaliseCampaignRequest>, stage: Stage): Promise<Outcome[]> {
  const campaign = campaignOf(r.campaign);
  const tracks = r.scope === 'QM' ? (['QM_ORG', 'QM_IND'] as const) : (['SI'] as const);
  const waiting: ApplicationMeta[] = (
    await Promise.all(
      tracks.map((track) => ctx.repo.applicationsOfCampaign(r.campaign, { track, status: 'ACTIVE', stage })),
    )
  ).flat();
  if (waiting.length === 0)
    throw new ActionError('FINALISATION_FAILED', `no application waits at ${stage} in ${r.campaign}`);
  const facts = new Map(r.facts.map((f) => [f.applicationId, f]));
  const scored = await Promise.all(
    waiting.map(async (meta) => {
      const score = scoreOf(await ctx.repo.listEvents(meta.applicationId));
      if (score === undefined)
        throw new ActionError('FINALISATION_FAILED', `application ${meta.applicationId} has no comprehensive score`);
      return { meta, score, facts: facts.get(meta.applicationId) };
    }),
  );
  try {
    if (r.scope === 'QM') {
      const q = campaign.quotas.qualityManagement;
      const ranking = rankQm(
        scored.map((c) => ({
          id: c.meta.applicationId,
          score: c.score,
          recommendingUnitRank: c.facts?.recommendingUnitRank,
          track: c.meta.track as 'QM_ORG' | 'QM_IND',
          countyCadre: c.facts?.countyCadre,
        })),
        {
          awardQuota: q.award,
          nominationQuota: q.nomination,
          countyCadreCapPercent: q.countyLevelMaxPercentOfIndividuals,
        },
      );
      return ranking.results.map((res) => ({
        applicationId: res.id,
        selected: res.result !== 'NOT_SELECTED',
        grade: res.result,
        position: res.position,
        reason: res.reason,
        prizeFen: qmPrizeFen(res.track, res.result, {
          awardFen: campaign.prizesFen[res.track].award,
          nominationFen: campaign.prizesFen[res.track].nomination,
        }),
      }));
    }
    const graded = gradeSi(
      scored.map((c) => {
        if (!c.facts?.requestedGrade)
          throw new ActionError('INVALID_INPUT', `facts: no requested grade for ${c.meta.applicationId}`, 'facts');
        return {
          id: c.meta.applicationId,
          score: c.score,
          recommendingUnitRank: c.facts.recommendingUnitRank,
          requestedGrade: c.facts.requestedGrade,
        };
      }),
      campaign.quotas.standardInnovation,
    );
    return graded.map((g) => {
      const drafters = facts.get(g.id)?.drafters ?? [];
      const drafterPrizes = g.grade ? siDrafterPrizes(g.grade, drafters, campaign.prizesFen.SI) : [];
      return {
        applicationId: g.id,
        selected: g.grade !== null,
        grade: g.grade ?? 'NOT_SELECTED',
        reason: g.reason,
        prizeFen: g.grade ? campaign.prizesFen.SI[g.grade] : 0,
        drafterPrizes,
      };
    });
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError('FINALISATION_FAILED', error instanceof Error ? error.message : String(error));
  }
}
