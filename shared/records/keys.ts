import type { Stage } from '../domain/track/stage.js';
import type { Track } from '../domain/track/track.js';

/**
 * Every key of the single records table (see KEYS.md). One function per item kind, so no other file spells a key.
 * Sequence numbers are zero-padded so that string order is numeric order.
 */
export const seqWidth = 10;

export function padSeq(seq: number): string {
  return String(seq).padStart(seqWidth, '0');
}

export const applicationPk = (applicationId: string) => `APP#${applicationId}`;
export const metaSk = 'META';
export const eventSkPrefix = 'EVENT#';
export const eventSk = (seq: number) => `${eventSkPrefix}${padSeq(seq)}`;
export const idempotencySk = (key: string) => `IDEMP#${key}`;
export const documentSkPrefix = 'DOC#';
export const documentSk = (documentId: string) => `${documentSkPrefix}${documentId}`;
export const reportSkPrefix = 'REPORT#';
export const reportSk = (n: number) => `${reportSkPrefix}${padSeq(n)}`;
export const taskSk = (stage: Stage) => `TASK#${stage}`;
export const windowSk = (stage: Stage) => `WINDOW#${stage}`;
export const objectionSkPrefix = 'OBJECTION#';
export const objectionSk = (objectionId: string) => `${objectionSkPrefix}${objectionId}`;
export const panelSk = (stage: Stage) => `PANEL#${stage}`;

export const bundlePk = (bundleId: string) => `BUNDLE#${bundleId}`;
export const bundleApplicationSkPrefix = 'APP#';
export const bundleApplicationSk = (applicationId: string) => `${bundleApplicationSkPrefix}${applicationId}`;

export const expertPoolPk = (poolId: string) => `EXPERTPOOL#${poolId}`;
export const expertSkPrefix = 'EXPERT#';
export const expertSk = (expertId: string) => `${expertSkPrefix}${expertId}`;

export const campaignPk = (campaign: string) => `CAMPAIGN#${campaign}`;
export const finalisationSk = (scope: string) => `FINALISATION#${scope}`;
/** An expert's workload at a stage: a counter item (`COUNTER#workload:<stage>:<expertId>`) that also holds its panels. */
export const workloadName = (stage: Stage, expertId: string) => `workload:${stage}:${expertId}`;
export const workloadSkPrefix = (stage: Stage) => `COUNTER#${workloadName(stage, '')}`;
export const workloadSk = (stage: Stage, expertId: string) => `COUNTER#${workloadName(stage, expertId)}`;

/** byCampaignStatus: all applications of a campaign; sort key track#status#stage#id so prefixes select subsets. */
export const gsi1pk = (campaign: string) => `CAMPAIGN#${campaign}`;
export const gsi1sk = (track: Track, status: string, stage: Stage, applicationId: string) =>
  `${track}#${status}#${stage}#${applicationId}`;

/** byCampaignStatus also holds the open human steps of a campaign (TASK items), apart from its applications. */
export const gsi1pkTasks = (campaign: string) => `TASKS#${campaign}`;
export const gsi1skTask = (stage: Stage, applicationId: string) => `${stage}#${applicationId}`;

/** byRecommendingUnit: applications of a unit, per campaign. */
export const gsi2pk = (unitId: string) => `UNIT#${unitId}`;
export const gsi2skCampaignPrefix = (campaign: string) => `CAMPAIGN#${campaign}#`;
export const gsi2skApplicationPrefix = (campaign: string) => `${gsi2skCampaignPrefix(campaign)}APP#`;
export const gsi2sk = (campaign: string, applicationId: string) =>
  `${gsi2skApplicationPrefix(campaign)}${applicationId}`;
/** byRecommendingUnit also lists a unit's bundles, by the time they were received (a bundle may hold no application). */
export const gsi2skBundlePrefix = (campaign: string) => `${gsi2skCampaignPrefix(campaign)}BUNDLE#`;
export const gsi2skBundle = (campaign: string, receivedAt: string, bundleId: string) =>
  `${gsi2skBundlePrefix(campaign)}${receivedAt}#${bundleId}`;
