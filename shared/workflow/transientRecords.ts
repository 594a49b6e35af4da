import { ActionError } from '../actions/actionError.js';
import { HistoryContentionError, IdempotencyInProgressError } from '../history/appendEvent.js';
import { TransientRecordsError } from './workflowErrors.js';

const throttling = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** Runs a records call, turning contention and throttling into TransientRecordsError (retried by the definition). */
export async function transientRecords<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const transient =
      error instanceof HistoryContentionError ||
      error instanceof IdempotencyInProgressError ||
      (error instanceof ActionError && (error.code === 'CONTENTION' || error.code === 'ALREADY_IN_PROGRESS')) ||
      (error instanceof Error && throttling.has(error.name));
    if (transient) throw new TransientRecordsError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
