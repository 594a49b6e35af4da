import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { HistoryEvent } from '../domain/history/historyEvent.js';

/** prevHash of the first event of every history. */
export const genesisHash = '0'.repeat(64);

/** RFC 8785 canonical JSON of the event without its own `hash`. */
export function canonicalEvent(event: Omit<HistoryEvent, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = event;
  const text = canonicalize(rest);
  if (text === undefined) throw new TypeError('event cannot be canonicalised');
  return text;
}

/** hash = sha256(prevHash + canonical JSON of the event without hash), lowercase hex. */
export function hashEvent(event: Omit<HistoryEvent, 'hash'> & { hash?: string }): string {
  return createHash('sha256')
    .update(event.prevHash + canonicalEvent(event), 'utf8')
    .digest('hex');
}
