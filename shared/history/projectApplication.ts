import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { Stage } from '../domain/track/stage.js';
import { Track } from '../domain/track/track.js';
import type { ApplicationMeta, ApplicationStatus } from '../records/recordsRepository.js';

/** Event types whose effect on the projection is more than "data.to moves the stage". */
export const registeredEventType = 'APPLICATION_REGISTERED';
export const objectionLodgedEventType = 'OBJECTION_LODGED';
export const objectionResolvedEventType = 'OBJECTION_RESOLVED';
export const supersededEventType = 'APPLICATION_SUPERSEDED';
export const supersedesEventType = 'APPLICATION_SUPERSEDES';

function statusOf(stage: Stage, openObjections: string[], superseded: boolean): ApplicationStatus {
  if (superseded) return 'SUPERSEDED';
  if (stage === 'AWARDED') return 'AWARDED';
  if (stage === 'NOT_AWARDED') return 'NOT_AWARDED';
  return openObjections.length > 0 ? 'PAUSED' : 'ACTIVE';
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * META as a pure fold of the history: the registration event fixes campaign/track/unit; any event whose `data.to` is
 * a stage moves the application there; admissible objections pause it until resolved; a corrected bundle's
 * application supersedes it (SUPERSEDED, both linked); grades and prizes are kept.
 * Undefined when the history has no registration event.
 */
export function projectApplication(events: readonly HistoryEvent[]): ApplicationMeta | undefined {
  let meta: ApplicationMeta | undefined;
  for (const event of events) {
    if (event.type === registeredEventType) {
      const d = event.data;
      meta = {
        applicationId: event.applicationId,
        campaign: str(d.campaign),
        track: Track.parse(d.track),
        stage: event.stage,
        status: 'ACTIVE',
        version: event.seq,
        headHash: event.hash,
        name: str(d.name),
        unitId: str(d.unitId),
        unitName: str(d.unitName),
        bundleId: str(d.bundleId),
        openObjections: [],
        updatedAt: event.at,
      };
      continue;
    }
    if (!meta) continue;
    const d = event.data;
    const to = Stage.safeParse(d.to);
    if (to.success) meta.stage = to.data;
    if (event.type === objectionLodgedEventType && d.admissible === true && typeof d.objectionId === 'string')
      meta.openObjections = [...meta.openObjections, d.objectionId];
    if (event.type === objectionResolvedEventType)
      meta.openObjections = meta.openObjections.filter((id) => id !== d.objectionId);
    if (event.type === supersededEventType && typeof d.supersededBy === 'string') meta.supersededBy = d.supersededBy;
    if (event.type === supersedesEventType && typeof d.supersedes === 'string')
      meta.supersedes = [...(meta.supersedes ?? []), d.supersedes];
    if (typeof d.grade === 'string') meta.grade = d.grade;
    if (typeof d.prizeFen === 'number') meta.prizeFen = d.prizeFen;
    meta.version = event.seq;
    meta.headHash = event.hash;
    meta.updatedAt = event.at;
  }
  if (meta) meta.status = statusOf(meta.stage, meta.openObjections, meta.supersededBy !== undefined);
  return meta;
}
