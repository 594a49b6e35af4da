import {
  type FinaliseCampaignResult,
  finaliseCampaign,
  scopeStage,
  scoreOf,
} from '../../shared/actions/finaliseCampaign.js';
import type { Actor } from '../../shared/domain/access/role.js';
import type { ApplicationMeta, RecordsRepository } from '../../shared/records/recordsRepository.js';
import type { LocalRuntime, ProjectRun } from './localRuntime.js';
import { finalisationFacts, registeredApplication } from './registeredApplication.js';

export type FinalisationScope = keyof typeof scopeStage;
export const finalisationScopes = ['QM', 'SI'] as const satisfies readonly FinalisationScope[];
const scopeTracks = { QM: ['QM_ORG', 'QM_IND'], SI: ['SI'] } as const;

/** An application waiting at its scope's finalisation stage: the facts finaliseCampaign is given, and its score. */
export interface FinalisationCandidate {
  meta: ApplicationMeta;
  facts: ReturnType<typeof finalisationFacts>;
  /** The comprehensive score finaliseCampaign ranks by (undefined: it would refuse to finalise). */
  score?: number;
}

/** The facts of one application as finaliseCampaign reads them (registered data and history). */
export async function candidateOf(
  { repo }: { repo: RecordsRepository },
  meta: ApplicationMeta,
): Promise<FinalisationCandidate> {
  const events = await repo.listEvents(meta.applicationId);
  const score = scoreOf(events);
  return {
    meta,
    facts: finalisationFacts(meta.applicationId, registeredApplication(events)),
    ...(score === undefined ? {} : { score }),
  };
}

/** The ACTIVE applications of the campaign waiting at the scope's stage (QM: 领导小组审核, SI: 综合评选). */
export async function finalisationCandidates(
  source: { repo: RecordsRepository },
  campaign: string,
  scope: FinalisationScope,
): Promise<FinalisationCandidate[]> {
  const waiting = (
    await Promise.all(
      scopeTracks[scope].map((track) =>
        source.repo.applicationsOfCampaign(campaign, { track, status: 'ACTIVE', stage: scopeStage[scope] }),
      ),
    )
  ).flat();
  return Promise.all(waiting.map((meta) => candidateOf(source, meta)));
}

/**
 * The finaliseCampaign request of a scope: its waiting applications with their facts, under one idempotency key per
 * campaign and scope (a second request replays the recorded ranking). Undefined when nothing waits there and the
 * scope was never finalised.
 */
export async function finalisationRequest(
  source: { repo: RecordsRepository },
  { actor, campaign, scope }: { actor: Actor; campaign: string; scope: FinalisationScope },
) {
  const waiting = await finalisationCandidates(source, campaign, scope);
  const already = (await source.repo.getFinalisation(campaign, scope)) !== undefined;
  if (waiting.length === 0 && !already) return undefined;
  const request = {
    actor,
    idempotencyKey: `finalize:${campaign}:${scope}`,
    campaign,
    scope,
    facts: waiting.map((c) => c.facts),
  };
  return { request, waiting, already };
}

export interface LocalFinalisation {
  result: FinaliseCampaignResult;
  /** The scope had been finalised before (this call replayed the recorded result). */
  already: boolean;
  /** Where each ranked application's execution went on to (评选结果公示 or 未获奖). */
  runs: { applicationId: string; run: ProjectRun | undefined }[];
}

/**
 * Finalises a campaign scope as `award finalize` and the console's 确定评选结果 both do: the waiting applications
 * with their facts go to finaliseCampaign (one idempotency key per campaign and scope, so a second request replays
 * the recorded ranking), then each ranked application's execution resumes. Undefined when nothing waits there and
 * the scope was never finalised.
 */
export async function finaliseLocalCampaign(
  runtime: LocalRuntime,
  request: { actor: Actor; campaign: string; scope: FinalisationScope },
): Promise<LocalFinalisation | undefined> {
  const prepared = await finalisationRequest(runtime, request);
  if (!prepared) return undefined;
  const { already } = prepared;
  const result = await finaliseCampaign(runtime.actionContext(), prepared.request);
  const runs: LocalFinalisation['runs'] = [];
  for (const t of result.tasks)
    runs.push({ applicationId: t.applicationId, run: await runtime.resume(t.applicationId) });
  return { result, already, runs };
}
