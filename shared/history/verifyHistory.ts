import { genesisHash, hashEvent } from './hashEvent.js';
import { HistoryEvent } from './historyEvent.js';

export type HistoryProblem = 'altered' | 'removed' | 'reordered' | 'malformed';

export type HistoryVerdict =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | {
      ok: false;
      problem: HistoryProblem;
      /** The seq of the first entry found altered, removed or out of order. */
      seq: number;
      /** Position in the list given (0-based) where the problem was seen. */
      index: number;
      message: string;
    };

/** What a trusted copy says the head is (e.g. META, or an export's head hash), to catch changes at the end. */
export interface ExpectedHead {
  seq: number;
  hash: string;
}

/**
 * Recomputes the chain in the order given (the table's sk order) and names the first entry that was altered
 * (its hash does not match its content, or the next entry's prevHash does not match it), removed (a gap in seq, or the
 * head is shorter than the trusted head) or reordered (an entry sits at another entry's place).
 */
export function verifyHistory(events: readonly unknown[], expectedHead?: ExpectedHead): HistoryVerdict {
  const fail = (problem: HistoryProblem, seq: number, index: number, message: string): HistoryVerdict => ({
    ok: false,
    problem,
    seq,
    index,
    message,
  });
  const parsed: HistoryEvent[] = [];
  for (const [index, raw] of events.entries()) {
    const result = HistoryEvent.safeParse(raw);
    const seq = typeof (raw as { seq?: unknown })?.seq === 'number' ? (raw as { seq: number }).seq : index + 1;
    if (!result.success)
      return fail('altered', seq, index, `entry ${seq} is malformed: ${result.error.issues[0]?.message}`);
    parsed.push(result.data);
  }
  const seqs = new Set(parsed.map((e) => e.seq));
  let prevHash = genesisHash;
  for (const [index, event] of parsed.entries()) {
    const expectedSeq = index + 1;
    if (event.seq !== expectedSeq) {
      if (!seqs.has(expectedSeq) && event.seq > expectedSeq)
        return fail('removed', expectedSeq, index, `entry ${expectedSeq} is missing (next present is ${event.seq})`);
      return fail('reordered', event.seq, index, `entry ${event.seq} is at position ${expectedSeq}`);
    }
    if (hashEvent(event) !== event.hash)
      return fail('altered', event.seq, index, `entry ${event.seq} does not match its hash: its content was changed`);
    if (event.prevHash !== prevHash) {
      // The entry is self-consistent but does not chain to the one before: that one was rewritten (hash recomputed).
      const before = event.seq - 1;
      return fail('altered', before, index - 1, `entry ${before} is not the entry that entry ${event.seq} chained to`);
    }
    prevHash = event.hash;
  }
  const head = parsed.at(-1);
  if (expectedHead) {
    const headSeq = head?.seq ?? 0;
    if (headSeq < expectedHead.seq)
      return fail(
        'removed',
        headSeq + 1,
        parsed.length,
        `entries after ${headSeq} are missing (head was ${expectedHead.seq})`,
      );
    const atExpected = parsed[expectedHead.seq - 1];
    if (expectedHead.seq > 0 && atExpected && atExpected.hash !== expectedHead.hash)
      return fail(
        'altered',
        expectedHead.seq,
        expectedHead.seq - 1,
        `entry ${expectedHead.seq} differs from the trusted head`,
      );
  }
  return { ok: true, count: parsed.length, headSeq: head?.seq ?? 0, headHash: head?.hash ?? genesisHash };
}
