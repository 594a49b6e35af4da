import { ActionError } from '../../shared/actions/actionError.js';
import { scopeStage } from '../../shared/actions/finaliseCampaign.js';
import type { Objector } from '../../shared/actions/objectorIdentity.js';
import { recordPanelScores } from '../../shared/actions/recordPanelScores.js';
import type { Actor } from '../../shared/domain/access/role.js';
import type { Stage } from '../../shared/domain/track/stage.js';
import { type FinalisationScope, finaliseLocalCampaign } from '../local/campaignFinalisation.js';
import { type ClockMove, moveLocalClock } from '../local/clockMove.js';
import { storeEvidence } from '../local/evidence.js';
import type { LocalRuntime, ProjectRun } from '../local/localRuntime.js';
import { lodgeLocalObjection, resolveLocalObjection } from '../local/objections.js';
import { drawLocalPanel } from '../local/panelDraw.js';
import { type StageReads, stageReads } from './stageReads.js';

export type { FinalisationView, ObjectionView, PanelMember, PanelView, PublicityView } from './stageReads.js';

/** Where a workflow run left an application (for the notices). */
export interface MovedApplication {
  applicationId: string;
  stage: string;
  status: string;
}

/** The local clock, a capability only the local backend has: on AWS the time is the time. */
export interface LocalClockControl {
  now(): Date;
  /** Whether a person set the clock (else it follows the system time). */
  fixed(): boolean;
  /** Moves the clock and resumes what the new time lets go on; the applications that moved. */
  move(move: ClockMove): Promise<MovedApplication[]>;
  /** Resumes what the time lets go on (the console runs it every minute). */
  resumeDue(): Promise<MovedApplication[]>;
}

type Upload = { name: string; bytes: Uint8Array };
type Serialised = <T>(work: () => Promise<T>) => Promise<T>;
type WithUpload = <T>(file: Upload, use: (path: string) => Promise<T>) => Promise<T>;

/**
 * The stages after consultation, as the console reads and does them: publicity windows, objections, random panels
 * and their scores, campaign finalisation, and (locally) the clock.
 */
export interface StageBackend extends StageReads {
  lodgeObjection(request: {
    actor: Actor;
    applicationId: string;
    stage: 'SOCIAL_PUBLICITY' | 'RESULT_PUBLICITY';
    objector: Objector;
    content: string;
    evidence?: Upload;
  }): Promise<MovedApplication>;
  resolveObjection(request: {
    actor: Actor;
    applicationId: string;
    objectionId: string;
    outcome: 'upheld' | 'dismissed';
    reasons: string;
    evidence?: Upload;
  }): Promise<MovedApplication>;
  drawPanel(request: { actor: Actor; applicationId: string; stage: Stage; industryGroup?: string }): Promise<void>;
  recordScores(request: {
    actor: Actor;
    applicationId: string;
    stage: Stage;
    scores: { expertId: string; score: number }[];
    evidence: Upload;
  }): Promise<void>;
  finalise(request: { actor: Actor; campaign: string; scope: FinalisationScope }): Promise<MovedApplication[]>;
  /** Present only where a person moves the clock (the local runtime). */
  localClock?: LocalClockControl;
}

const moved = (run: ProjectRun | undefined, applicationId: string): MovedApplication | undefined =>
  run ? { applicationId, stage: run.stage, status: run.status } : undefined;

/** The StageBackend over the local runtime; writes go through the console's one write queue (`serialised`). */
export function localStageBackend(runtime: LocalRuntime, serialised: Serialised, withUpload: WithUpload): StageBackend {
  const repo = runtime.repo;
  const keep = async (file: Upload | undefined) =>
    file ? [await withUpload(file, async (path) => storeEvidence(runtime, path))] : [];
  const resumed = async (runs: ProjectRun[]) =>
    runs.map((r) => moved(r, r.applicationId)).filter((m): m is MovedApplication => m !== undefined);
  const current = async (applicationId: string): Promise<MovedApplication> => {
    const meta = await repo.getApplication(applicationId);
    return { applicationId, stage: meta?.stage ?? 'unknown', status: meta?.status ?? 'unknown' };
  };

  return {
    ...stageReads({ repo, now: () => runtime.clock.now() }),
    lodgeObjection: ({ evidence, ...request }) =>
      serialised(async () => {
        const { run } = await lodgeLocalObjection(runtime, { ...request, evidence: await keep(evidence) });
        return moved(run, request.applicationId) ?? current(request.applicationId);
      }),
    resolveObjection: ({ evidence, ...request }) =>
      serialised(async () => {
        const { run } = await resolveLocalObjection(runtime, { ...request, evidence: await keep(evidence) });
        return moved(run, request.applicationId) ?? current(request.applicationId);
      }),
    drawPanel: (request) =>
      serialised(async () => {
        await drawLocalPanel(runtime, request);
      }),
    recordScores: ({ actor, applicationId, stage, scores, evidence }) =>
      serialised(async () => {
        await recordPanelScores(runtime.actionContext(), {
          actor,
          idempotencyKey: `panel-score:${stage}`,
          applicationId,
          stage,
          scores,
          evidence: await keep(evidence),
        });
      }),
    finalise: (request) =>
      serialised(async () => {
        const done = await finaliseLocalCampaign(runtime, request);
        if (!done) throw new ActionError('FINALISATION_FAILED', `no application waits at ${scopeStage[request.scope]}`);
        return done.runs
          .map(({ applicationId, run }) => moved(run, applicationId))
          .filter((m): m is MovedApplication => m !== undefined);
      }),
    localClock: {
      now: () => runtime.clock.now(),
      fixed: () => runtime.clock.fixedAt() !== undefined,
      move: (move) => serialised(async () => resumed((await moveLocalClock(runtime, move)).runs)),
      resumeDue: () => serialised(async () => resumed(await runtime.resumeDue())),
    },
  };
}
