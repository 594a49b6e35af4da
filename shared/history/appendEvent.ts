import type { AnchoredHead, HistoryAnchor } from '../domain/history/historyAnchor.js';
import { HistoryEvent, NewEvent } from '../domain/history/historyEvent.js';
import type { ApplicationMeta, RecordsRepository } from '../records/recordsRepository.js';
import { genesisHash, hashEvent } from './hashEvent.js';
import { projectApplication } from './projectApplication.js';

/** What an action sees when it decides: the whole history and its projection (undefined before registration). */
export interface ApplicationState {
  applicationId: string;
  events: HistoryEvent[];
  meta: ApplicationMeta | undefined;
}

/** The event an action decides to append; the appender adds applicationId, idempotencyKey, seq and the hashes. */
export type DecidedEvent = Omit<NewEvent, 'applicationId' | 'idempotencyKey'>;

export interface AppendOptions {
  /** Attempts to claim the next seq before giving up with HistoryContentionError. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** An IN_PROGRESS idempotency claim older than this is taken over (the action that made it died). */
  claimLeaseMs?: number;
  now?: () => Date;
  /** Where the head is published after each append; defaults to the repository's `historyAnchor`. */
  anchor?: HistoryAnchor;
}

export interface AppendResult {
  event: HistoryEvent;
  /** True when this idempotency key had already been appended: nothing new was written. */
  replayed: boolean;
}

/** Contention did not let the append through within the bounded attempts; nothing was appended. */
export class HistoryContentionError extends Error {
  override readonly name = 'HistoryContentionError';
}

/** Another invocation with the same idempotency key is appending right now. */
export class IdempotencyInProgressError extends Error {
  override readonly name = 'IdempotencyInProgressError';
}

const defaults = { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 200, claimLeaseMs: 60_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads the history of an application and projects it. */
export async function loadApplicationState(repo: RecordsRepository, applicationId: string): Promise<ApplicationState> {
  const events = await repo.listEvents(applicationId);
  return { applicationId, events, meta: projectApplication(events) };
}

/**
 * Appends one event decided against the current state, exactly once per idempotency key:
 * 1. a COMPLETED `IDEMP#<key>` item → the recorded event is returned (replayed), `decide` is not called;
 * 2. otherwise the key is claimed (conditional put, IN_PROGRESS); a claim left by a dead invocation is recovered —
 *    if its event made it into the chain it is returned, else the claim is taken over after the lease;
 * 3. the state is read, `decide` validates it (its errors release the claim and propagate: nothing changed), and
 *    `EVENT#<head+1>` is put with attribute_not_exists(pk); a loser re-reads and re-decides after a jittered,
 *    bounded backoff, so concurrent actions serialise and each is validated against the state it extends;
 * 4. the claim is marked COMPLETED with the seq, the new head (seq, hash) is published to the history anchor (see
 *    historyAnchor.ts), and META is refreshed from the history.
 */
export async function appendDecided(
  repo: RecordsRepository,
  target: { applicationId: string; idempotencyKey: string },
  decide: (state: ApplicationState) => DecidedEvent | Promise<DecidedEvent>,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const o = { ...defaults, ...options };
  const now = options.now ?? (() => new Date());
  const { applicationId, idempotencyKey } = target;

  const anchor = options.anchor ?? repo.historyAnchor;
  // A replay publishes the recorded head again: an append whose process died before publishing gets its anchor.
  const replay = async (event: HistoryEvent): Promise<AppendResult> => {
    await anchor?.publish(headOf(event));
    return { event, replayed: true };
  };

  const settled = await settledAppend(repo, applicationId, idempotencyKey);
  if (settled) return replay(settled);

  let claimedAt = now().toISOString();
  if (!(await repo.claimIdempotency(applicationId, idempotencyKey, claimedAt))) {
    const existing = await repo.getIdempotency(applicationId, idempotencyKey);
    const recovered = await recoverClaim(repo, applicationId, idempotencyKey, existing);
    if (recovered) return replay(recovered);
    const stale = existing && now().getTime() - Date.parse(existing.claimedAt) > o.claimLeaseMs;
    claimedAt = now().toISOString();
    if (
      !existing ||
      !stale ||
      !(await repo.takeOverIdempotency(applicationId, idempotencyKey, existing.claimedAt, claimedAt))
    )
      throw new IdempotencyInProgressError(`action ${idempotencyKey} is already being recorded`);
  }

  let appended: HistoryEvent | undefined;
  try {
    for (let attempt = 0; attempt < o.maxAttempts && !appended; attempt++) {
      const state = await loadApplicationState(repo, applicationId);
      const decided = await decide(state);
      const head = state.events.at(-1);
      // The JSON round trip makes what is hashed exactly what the table stores (no undefined, no class instances).
      const body = JSON.parse(JSON.stringify(NewEvent.parse({ ...decided, applicationId, idempotencyKey })));
      const unhashed = { ...body, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? genesisHash };
      const event = HistoryEvent.parse({ ...unhashed, hash: hashEvent(unhashed) });
      if (await repo.putEventIfAbsent(event)) appended = event;
      else await sleep(Math.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt));
    }
  } catch (error) {
    await repo.releaseIdempotency(applicationId, idempotencyKey, claimedAt);
    throw error;
  }
  if (!appended) {
    await repo.releaseIdempotency(applicationId, idempotencyKey, claimedAt);
    throw new HistoryContentionError(`could not append to ${applicationId} after ${o.maxAttempts} attempts`);
  }
  // The event is in the chain: from here on a failure must not release the claim (a retry would append it twice);
  // the retry finds the event by its key, completes the claim and publishes the head.
  await repo.completeIdempotency(applicationId, idempotencyKey, appended.seq);
  await anchor?.publish(headOf(appended));
  await refreshProjection(repo, applicationId);
  return { event: appended, replayed: false };
}

const headOf = (event: HistoryEvent): AnchoredHead => ({
  applicationId: event.applicationId,
  seq: event.seq,
  hash: event.hash,
});

/** Appends an event that needs no validation against the state (system events, registration). */
export function appendEvent(
  repo: RecordsRepository,
  event: NewEvent,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const { applicationId, idempotencyKey, ...decided } = event;
  return appendDecided(repo, { applicationId, idempotencyKey }, () => decided, options);
}

async function settledAppend(repo: RecordsRepository, applicationId: string, key: string) {
  const record = await repo.getIdempotency(applicationId, key);
  if (record?.status === 'COMPLETED' && record.seq !== undefined) return repo.getEvent(applicationId, record.seq);
  return undefined;
}

async function recoverClaim(
  repo: RecordsRepository,
  applicationId: string,
  key: string,
  existing: Awaited<ReturnType<RecordsRepository['getIdempotency']>>,
) {
  if (existing?.status === 'COMPLETED' && existing.seq !== undefined) return repo.getEvent(applicationId, existing.seq);
  // A claim whose event is in the chain but which was never marked COMPLETED (the invocation died in between).
  const found = await repo.findEventByIdempotencyKey(applicationId, key);
  if (found) await repo.completeIdempotency(applicationId, key, found.seq);
  return found;
}

/**
 * Brings META up to the history: folds the whole history and writes META only if its version is still the one read
 * (a concurrent refresh that got further wins). Returns the projection now stored.
 */
export async function refreshProjection(
  repo: RecordsRepository,
  applicationId: string,
): Promise<ApplicationMeta | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const stored = await repo.getApplication(applicationId);
    const projected = projectApplication(await repo.listEvents(applicationId));
    if (!projected) return stored;
    if (stored && stored.version >= projected.version) return stored;
    if (await repo.putApplicationIfVersion(projected, stored?.version)) return projected;
  }
  return repo.getApplication(applicationId);
}

/** Rebuilds META from the history alone (e.g. after META was lost or edited), whatever META holds now. */
export async function rebuildProjection(
  repo: RecordsRepository,
  applicationId: string,
): Promise<ApplicationMeta | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const stored = await repo.getApplication(applicationId);
    const projected = projectApplication(await repo.listEvents(applicationId));
    if (!projected) return undefined;
    if (await repo.putApplicationIfVersion(projected, stored?.version)) return projected;
  }
  throw new HistoryContentionError(`could not rebuild the projection of ${applicationId}`);
}
