import type { FinaliseCampaignResult } from '../../shared/actions/finaliseCampaign.js';
import { scopeStage } from '../../shared/actions/finaliseCampaign.js';
import type { Objector } from '../../shared/actions/objectorIdentity.js';
import { panelScoresEventType } from '../../shared/actions/recordPanelScores.js';
import type { CampaignConfig } from '../../shared/domain/campaign/campaignConfig.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import type { HistoryEvent } from '../../shared/domain/history/historyEvent.js';
import { type Stage, stageKind, stagePath } from '../../shared/domain/track/stage.js';
import { objectionLodgedEventType, objectionResolvedEventType } from '../../shared/history/projectApplication.js';
import type { ObjectionStatus, RecordsRepository, WindowRecord } from '../../shared/records/recordsRepository.js';
import {
  candidateOf,
  type FinalisationCandidate,
  type FinalisationScope,
  finalisationCandidates,
} from '../local/campaignFinalisation.js';

/**
 * A 公示 window as opened (WINDOW#<stage>, the projection of PUBLICITY_OPENED: first and last counted working days,
 * closing at 24:00 Beijing time of the last), and whether the backend's clock is inside it now.
 */
export type PublicityView = Omit<WindowRecord, 'applicationId' | 'openedSeq'> & { open: boolean };

/** An objection as its history events say: lodged (with the objector as received) and, once, resolved. */
export interface ObjectionView {
  objectionId: string;
  stage: Stage;
  lodgedAt: string;
  admissible: boolean;
  inadmissibleReason?: string;
  status: ObjectionStatus;
  /** Unmasked: the caller masks by role. */
  objector: Objector;
  content: string;
  evidence: number;
  resolution?: { outcome: 'upheld' | 'dismissed'; reasons: string; at: string; actor: string };
}

export interface PanelMember {
  id: string;
  name: string;
  unit: string;
}

/** A panel stage of the application's track: its draw (when made) and its scores (when recorded). */
export interface PanelView {
  stage: Stage;
  /** undefined: nothing drawn yet; COMMITTED: the seed is committed but the draw not recorded. */
  status?: 'COMMITTED' | 'DRAWN';
  size?: number;
  poolId?: string;
  poolSize?: number;
  seed?: string;
  seedCommitment?: string;
  poolHash?: string;
  algorithmVersion?: string;
  excluded?: number;
  drawnAt?: string;
  drawnBy?: string;
  members: PanelMember[];
  scores?: { at: string; actor: string; mean: number; scores: { expertId: string; score: number }[] };
}

/** One scope of a campaign's finalisation: the rules' numbers, who waits, and the result once recorded. */
export interface FinalisationView {
  campaign: string;
  scope: FinalisationScope;
  stage: Stage;
  quotas: CampaignConfig['quotas'];
  prizesFen: CampaignConfig['prizesFen'];
  /** ACTIVE applications waiting at the stage, with the facts and score finaliseCampaign would use. */
  waiting: FinalisationCandidate[];
  finalised?: {
    at: string;
    actor: string;
    outcomes: (FinaliseCampaignResult['outcomes'][number] & { candidate?: FinalisationCandidate })[];
  };
}

function objectionsOf(events: readonly HistoryEvent[]): ObjectionView[] {
  return events
    .filter((e) => e.type === objectionLodgedEventType)
    .map((lodged) => {
      const d = lodged.data;
      const objectionId = String(d.objectionId);
      const resolved = events.find((e) => e.type === objectionResolvedEventType && e.data.objectionId === objectionId);
      const admissible = d.admissible === true;
      const outcome = resolved?.data.outcome === 'upheld' ? 'upheld' : 'dismissed';
      return {
        objectionId,
        stage: lodged.stage as Stage,
        lodgedAt: lodged.at,
        admissible,
        ...(typeof d.inadmissibleReason === 'string' ? { inadmissibleReason: d.inadmissibleReason } : {}),
        status: !admissible ? 'NOT_ADMISSIBLE' : !resolved ? 'OPEN' : outcome === 'upheld' ? 'UPHELD' : 'DISMISSED',
        objector: d.objector as Objector,
        content: String(d.content ?? ''),
        evidence: lodged.evidence.length,
        ...(resolved
          ? {
              resolution: {
                outcome,
                reasons: String(resolved.data.reasons ?? ''),
                at: resolved.at,
                actor: resolved.actor,
              },
            }
          : {}),
      } satisfies ObjectionView;
    });
}

/** What the stage sections and the finalisation page read: the records and a clock, the same locally and on AWS. */
export interface StageReads {
  publicity(applicationId: string): Promise<PublicityView[]>;
  objections(applicationId: string): Promise<ObjectionView[]>;
  panels(applicationId: string): Promise<PanelView[]>;
  finalisation(campaign: string, scope: FinalisationScope): Promise<FinalisationView>;
}

export function stageReads({ repo, now }: { repo: RecordsRepository; now: () => Date }): StageReads {
  return {
    async publicity(applicationId) {
      const meta = await repo.getApplication(applicationId);
      if (!meta) return [];
      const at = now().getTime();
      const stages = stagePath[meta.track].filter((s) => stageKind(s) === 'publicity');
      const windows = await Promise.all(stages.map((s) => repo.getWindow(applicationId, s)));
      return windows
        .filter((w) => w !== undefined)
        .map(({ applicationId: _, openedSeq: __, ...w }) => ({
          ...w,
          open: Date.parse(w.opensAt) <= at && at < Date.parse(w.closesAt),
        }));
    },
    async objections(applicationId) {
      return objectionsOf(await repo.listEvents(applicationId));
    },
    async panels(applicationId) {
      const meta = await repo.getApplication(applicationId);
      if (!meta) return [];
      const events = await repo.listEvents(applicationId);
      const sizes = loadCampaign(meta.campaign).panels.sizes;
      const stages = stagePath[meta.track].filter((s) => stageKind(s) === 'panel');
      return Promise.all(
        stages.map(async (stage): Promise<PanelView> => {
          const panel = await repo.getPanel(applicationId, stage);
          const drawn = events.findLast((e) => e.type === 'PANEL_DRAWN' && e.stage === stage);
          const scored = events.findLast((e) => e.type === panelScoresEventType && e.stage === stage);
          const d = drawn?.data ?? {};
          const snapshot = (panel?.poolSnapshot ?? []) as PanelMember[];
          const members = (panel?.members ?? []).map(
            (id) => snapshot.find((e) => e.id === id) ?? { id, name: id, unit: '' },
          );
          const size = sizes[stage];
          return {
            stage,
            ...(panel ? { status: panel.status, poolId: panel.poolId, seedCommitment: panel.seedCommitment } : {}),
            ...(size ? { size } : {}),
            ...(drawn
              ? {
                  seed: String(d.seed),
                  poolHash: String(d.poolHash),
                  algorithmVersion: String(d.algorithmVersion),
                  poolSize: Number(d.poolSize),
                  excluded: Array.isArray(d.excluded) ? d.excluded.length : 0,
                  drawnAt: drawn.at,
                  drawnBy: drawn.actor,
                }
              : {}),
            members: members.map(({ id, name, unit }) => ({ id, name, unit })),
            ...(scored
              ? {
                  scores: {
                    at: scored.at,
                    actor: scored.actor,
                    mean: Number(scored.data.mean),
                    scores: scored.data.scores as { expertId: string; score: number }[],
                  },
                }
              : {}),
          };
        }),
      );
    },
    async finalisation(campaign, scope) {
      const config = loadCampaign(campaign);
      const waiting = await finalisationCandidates({ repo }, campaign, scope);
      const recorded = await repo.getFinalisation(campaign, scope);
      let finalised: FinalisationView['finalised'];
      if (recorded) {
        const { outcomes } = recorded.result as { outcomes: FinaliseCampaignResult['outcomes'] };
        finalised = {
          at: recorded.finalisedAt,
          actor: recorded.actor,
          outcomes: await Promise.all(
            outcomes.map(async (o) => {
              const meta = await repo.getApplication(o.applicationId);
              return meta ? { ...o, candidate: await candidateOf({ repo }, meta) } : o;
            }),
          ),
        };
      }
      return {
        campaign,
        scope,
        stage: scopeStage[scope],
        quotas: config.quotas,
        prizesFen: config.prizesFen,
        waiting,
        ...(finalised ? { finalised } : {}),
      };
    },
  };
}
