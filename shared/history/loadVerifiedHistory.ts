import type { AnchoredHead } from '../domain/history/historyAnchor.js';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import type { ApplicationMeta, RecordsRepository } from '../records/recordsRepository.js';
import { type HistoryVerdict, verifyHistory } from './verifyHistory.js';

export interface VerifiedHistory {
  events: HistoryEvent[];
  meta: ApplicationMeta | undefined;
  /** Every head published for the application; undefined when the repository has no anchor. */
  anchored: AnchoredHead[] | undefined;
  verdict: HistoryVerdict;
}

/**
 * Reads an application's history, META and anchored heads and verifies the chain against both. The anchor is read
 * after the history: a head published by an append that landed in between makes the history be read once more,
 * so a concurrent append is not taken for removed entries.
 */
export async function loadVerifiedHistory(repo: RecordsRepository, applicationId: string): Promise<VerifiedHistory> {
  let [events, meta] = await Promise.all([repo.listEvents(applicationId), repo.getApplication(applicationId)]);
  const anchored = repo.historyAnchor ? await repo.historyAnchor.heads(applicationId) : undefined;
  const headSeq = events.at(-1)?.seq ?? 0;
  if (anchored?.some((h) => h.seq > headSeq))
    [events, meta] = await Promise.all([repo.listEvents(applicationId), repo.getApplication(applicationId)]);
  const expectedHead = meta ? { seq: meta.version, hash: meta.headHash } : undefined;
  return { events, meta, anchored, verdict: verifyHistory(events, expectedHead, anchored) };
}
