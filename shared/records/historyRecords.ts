import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { writeIdempotent } from './idempotentWrite.js';
import { applicationPk, eventSk, eventSkPrefix, idempotencySk } from './keys.js';
import type { RecordsTable } from './recordsTable.js';

export interface IdempotencyRecord {
  applicationId: string;
  key: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  claimedAt: string;
  seq?: number;
}

/** An application's history (the source of truth) and the claims that append each action exactly once. */
export interface HistoryRecords {
  getEvent(applicationId: string, seq: number): Promise<HistoryEvent | undefined>;
  /** Events in seq order, those with seq > afterSeq. Strongly consistent. */
  listEvents(applicationId: string, afterSeq?: number): Promise<HistoryEvent[]>;
  /** Claims EVENT#<seq> (written once); false when another writer holds that seq. */
  putEventIfAbsent(event: HistoryEvent): Promise<boolean>;
  /** Recovery only: the event that carries this idempotency key (a Query of the partition with a filter). */
  findEventByIdempotencyKey(applicationId: string, idempotencyKey: string): Promise<HistoryEvent | undefined>;

  getIdempotency(applicationId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Writes an IN_PROGRESS claim once; false when a claim already exists. */
  claimIdempotency(applicationId: string, key: string, claimedAt: string): Promise<boolean>;
  /** Replaces a stale IN_PROGRESS claim, only if it still carries `staleClaimedAt`. */
  takeOverIdempotency(applicationId: string, key: string, staleClaimedAt: string, claimedAt: string): Promise<boolean>;
  completeIdempotency(applicationId: string, key: string, seq: number): Promise<void>;
  /** Removes an IN_PROGRESS claim that still carries `claimedAt` (the action failed before appending). */
  releaseIdempotency(applicationId: string, key: string, claimedAt: string): Promise<void>;
}

const stillClaimed = (claimedAt: string) => ({
  expression: '#s = :inProgress AND claimedAt = :claimedAt',
  names: { '#s': 'status' },
  values: { ':inProgress': 'IN_PROGRESS', ':claimedAt': claimedAt },
});

export function historyRecords(table: RecordsTable): HistoryRecords {
  const claimKey = (applicationId: string, key: string) => ({
    pk: applicationPk(applicationId),
    sk: idempotencySk(key),
  });
  const claim = (applicationId: string, key: string, claimedAt: string): IdempotencyRecord => ({
    applicationId,
    key,
    status: 'IN_PROGRESS',
    claimedAt,
  });
  return {
    getEvent: (applicationId, seq) => table.get<HistoryEvent>({ pk: applicationPk(applicationId), sk: eventSk(seq) }),

    listEvents: (applicationId, afterSeq = 0) =>
      table.query<HistoryEvent>({
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': applicationPk(applicationId),
          ':from': eventSk(afterSeq + 1),
          ':to': `${eventSkPrefix}\uffff`,
        },
        ConsistentRead: true,
      }),

    async putEventIfAbsent(event) {
      const key = { pk: applicationPk(event.applicationId), sk: eventSk(event.seq) };
      return (await writeIdempotent(table, key, event, event)).status === 'written';
    },

    async findEventByIdempotencyKey(applicationId, idempotencyKey) {
      const found = await table.query<HistoryEvent>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'idempotencyKey = :key',
        ExpressionAttributeValues: {
          ':pk': applicationPk(applicationId),
          ':prefix': eventSkPrefix,
          ':key': idempotencyKey,
        },
        ConsistentRead: true,
      });
      return found[0];
    },

    getIdempotency: (applicationId, key) => table.get<IdempotencyRecord>(claimKey(applicationId, key)),

    async claimIdempotency(applicationId, key, claimedAt) {
      const written = await writeIdempotent(table, claimKey(applicationId, key), claim(applicationId, key, claimedAt), {
        idempotencyKey: key,
      });
      return written.status === 'written';
    },

    takeOverIdempotency: (applicationId, key, staleClaimedAt, claimedAt) =>
      table.put(
        { ...claimKey(applicationId, key), ...claim(applicationId, key, claimedAt), commandKey: key },
        stillClaimed(staleClaimedAt),
      ),

    async completeIdempotency(applicationId, key, seq) {
      await table.update(claimKey(applicationId, key), {
        expression: 'SET #s = :done, seq = :seq',
        names: { '#s': 'status' },
        values: { ':done': 'COMPLETED', ':seq': seq },
      });
    },

    async releaseIdempotency(applicationId, key, claimedAt) {
      await table.delete(claimKey(applicationId, key), stillClaimed(claimedAt));
    },
  };
}
