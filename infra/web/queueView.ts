import type { Stage } from '../../shared/domain/track/stage.js';
import type { Track } from '../../shared/domain/track/track.js';
import type { QueueEntry } from './consoleBackend.js';

export interface QueueFilter {
  track?: Track;
  unit?: string;
  stage?: Stage;
}

/** The queue as the reviewer reads it: the filter applied, overdue first, then by deadline, then by id. */
export function shownQueue(entries: readonly QueueEntry[], filter: QueueFilter): QueueEntry[] {
  return entries
    .filter(
      (e) =>
        (!filter.track || e.meta.track === filter.track) &&
        (!filter.unit || e.meta.unitId === filter.unit) &&
        (!filter.stage || e.meta.stage === filter.stage),
    )
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.meta.applicationId.localeCompare(b.meta.applicationId),
    );
}
