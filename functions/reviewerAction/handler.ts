import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { actionCatalogue, actionNames } from '../../shared/actions/actionCatalogue.js';
import type { ActionContext } from '../../shared/actions/actionContext.js';
import { ActionError } from '../../shared/actions/actionError.js';
import { AdvanceStageRequest } from '../../shared/actions/advanceStage.js';
import { ClosePublicityWindowRequest } from '../../shared/actions/closePublicityWindow.js';
import { DrawApplicationPanelRequest } from '../../shared/actions/drawApplicationPanel.js';
import { FinaliseCampaignRequest, finaliseCampaign } from '../../shared/actions/finaliseCampaign.js';
import { LodgeObjectionRequest } from '../../shared/actions/lodgeObjection.js';
import { OpenPublicityWindowRequest } from '../../shared/actions/openPublicityWindow.js';
import { RecordConsultationOpinionRequest } from '../../shared/actions/recordConsultationOpinion.js';
import { RecordDecisionRequest } from '../../shared/actions/recordDecision.js';
import { RecordDisclosureNeedRequest } from '../../shared/actions/recordDisclosureNeed.js';
import { RecordPanelScoresRequest } from '../../shared/actions/recordPanelScores.js';
import { RequireConsultationsRequest } from '../../shared/actions/requireConsultations.js';
import { ResolveObjectionRequest } from '../../shared/actions/resolveObjection.js';
import { SfnTaskTokenAdapter } from '../../shared/actions/sfnTaskTokenAdapter.js';
import { completeWaitingTask, type TaskTokenPort } from '../../shared/actions/taskTokenPort.js';
import { s3HistoryAnchorFromEnv } from '../../shared/objects/s3HistoryAnchor.js';
import { recordsConnectionFromEnv } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';

/**
 * One handler for every reviewer action: they share their dependencies (the records table, the task-token port),
 * their permissions and their boundary schema, so one function with a routing table is smaller to deploy and to
 * grant than ten; each action still validates its own request. The event names the action and carries its request
 * (actor included: the API layer in front sets it from the caller's identity, never from the body).
 */
export const ReviewerActionEvent = z.strictObject({
  action: z.enum([...actionNames, 'finaliseCampaign']),
  request: z.record(z.string(), z.unknown()),
});

/**
 * Each action's request schema, made strict at this boundary: a field the action does not know (a misspelt `scroe`,
 * a `size` sent to the wrong action) is refused rather than silently dropped. Dates and numbers are checked by the
 * schemas themselves (ISO instants with offset that exist on the calendar, JSON numbers within range).
 */
const requestSchemas = {
  advanceStage: AdvanceStageRequest,
  requireConsultations: RequireConsultationsRequest,
  recordConsultationOpinion: RecordConsultationOpinionRequest,
  recordDecision: RecordDecisionRequest,
  openPublicityWindow: OpenPublicityWindowRequest,
  lodgeObjection: LodgeObjectionRequest,
  resolveObjection: ResolveObjectionRequest,
  closePublicityWindow: ClosePublicityWindowRequest,
  drawApplicationPanel: DrawApplicationPanelRequest,
  recordPanelScores: RecordPanelScoresRequest,
  recordDisclosureNeed: RecordDisclosureNeedRequest,
  finaliseCampaign: FinaliseCampaignRequest,
} satisfies Record<z.infer<typeof ReviewerActionEvent>['action'], z.ZodObject>;

/** The first problem of a request under its strict schema, as the refusal the caller gets; undefined when fine. */
export function strictRequestProblem(
  action: keyof typeof requestSchemas,
  request: unknown,
): { code: 'INVALID_INPUT'; message: string; field: string } | undefined {
  const parsed = requestSchemas[action].strict().safeParse(request);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys[0] ?? (issue?.path.map(String).join('.') || '(request)');
  const message = keys.length > 0 ? `unknown field ${keys.join(', ')}` : `${field}: ${issue?.message ?? 'invalid'}`;
  return { code: 'INVALID_INPUT', message, field };
}

export type ReviewerActionResponse =
  | { ok: true; applicationId: string; seqs: number[]; replayed: boolean; taskCompleted: boolean }
  | { ok: true; scope: string; applications: number; tasksCompleted: number }
  | { ok: false; code: string; message: string; field?: string };

const logger = new Logger({ serviceName: 'reviewer-action' });

export interface ReviewerActionDependencies {
  ctx: ActionContext;
  tasks: TaskTokenPort;
}

let defaults: ReviewerActionDependencies | undefined;
function defaultDependencies(): ReviewerActionDependencies {
  defaults ??= {
    ctx: {
      repo: new DynamoRecordsRepository(recordsConnectionFromEnv(), undefined, {
        historyAnchor: s3HistoryAnchorFromEnv(),
      }),
      now: () => new Date(),
    },
    tasks: new SfnTaskTokenAdapter(),
  };
  return defaults;
}

/** Runs one action and completes the waiting task token. Logs names, ids and outcomes only, never the request. */
export async function handleReviewerAction(
  event: unknown,
  deps: ReviewerActionDependencies = defaultDependencies(),
): Promise<ReviewerActionResponse> {
  const parsed = ReviewerActionEvent.safeParse(event);
  if (!parsed.success)
    return { ok: false, code: 'INVALID_INPUT', message: 'event must be { action, request } with a known action' };
  const { action } = parsed.data;
  const problem = strictRequestProblem(action, parsed.data.request);
  if (problem) {
    logger.warn('action refused', { action, code: problem.code, field: problem.field });
    return { ok: false, ...problem };
  }
  try {
    if (action === 'finaliseCampaign') {
      const result = await finaliseCampaign(deps.ctx, parsed.data.request);
      let tasksCompleted = 0;
      for (const task of result.tasks) if (await completeWaitingTask(deps.ctx.repo, deps.tasks, task)) tasksCompleted++;
      logger.info('campaign finalised', {
        action,
        scope: result.scope,
        applications: result.outcomes.length,
        tasksCompleted,
      });
      return { ok: true, scope: result.scope, applications: result.outcomes.length, tasksCompleted };
    }
    const result = await actionCatalogue[action](deps.ctx, parsed.data.request);
    const taskCompleted = await completeWaitingTask(deps.ctx.repo, deps.tasks, result.task);
    logger.info('action recorded', {
      action,
      applicationId: result.applicationId,
      seqs: result.events.map((e) => e.seq),
      replayed: result.replayed,
      taskCompleted,
    });
    return {
      ok: true,
      applicationId: result.applicationId,
      seqs: result.events.map((e) => e.seq),
      replayed: result.replayed,
      taskCompleted,
    };
  } catch (error) {
    if (error instanceof ActionError) {
      logger.warn('action refused', { action, code: error.code, field: error.field });
      return { ok: false, code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
    }
    logger.error('action failed', { action, errorName: error instanceof Error ? error.name : 'unknown' });
    throw error;
  }
}

export const handler = (event: unknown) => handleReviewerAction(event);
