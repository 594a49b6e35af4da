import type { AnchoredHead } from '../domain/history/historyAnchor.js';
import { HistoryEvent } from '../domain/history/historyEvent.js';
import { genesisHash, hashEvent } from './hashEvent.js';

/** unanchored: entries after the last head published to the anchor (or a history with no anchored head at all). */
export type HistoryProblem = 'altered' | 'removed' | 'reordered' | 'malformed' | 'unanchored';

export type HistoryVerdict =
  | {
      ok: true;
      count: number;
      headSeq: number;
      headHash: string;
      /** 'matched': every published head agrees with the chain and the head is anchored; 'not checked': no anchor given. */
      anchor: 'matched' | 'not checked';
    }
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
 *
 * With `anchored` (every head ever published to the history anchor, see historyAnchor.ts) it also catches what the
 * chain alone cannot: the last entries rewritten together with META (a consistent chain that is not the one
 * published), or removed with it. Every anchored head must be the hash of the entry at its seq, and the history's
 * head must itself be anchored; an empty `anchored` for a non-empty history is `unanchored`, never OK.
 */
export function verifyHistory(
  events: readonly unknown[],
  expectedHead?: ExpectedHead,
  anchored?: readonly AnchoredHead[],
): HistoryVerdict {
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
  if (anchored) {
    const problem = anchorProblem(parsed, anchored);
    if (problem) return fail(problem.problem, problem.seq, problem.seq - 1, problem.message);
  }
  return {
    ok: true,
    count: parsed.length,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? genesisHash,
    anchor: anchored ? 'matched' : 'not checked',
  };
}

/** The first disagreement between a verified chain and the heads published for it, if any. */
function anchorProblem(
  chain: readonly HistoryEvent[],
  anchored: readonly AnchoredHead[],
): { problem: HistoryProblem; seq: number; message: string } | undefined {
  const headSeq = chain.at(-1)?.seq ?? 0;
  const bySeq = [...anchored].sort((a, b) => a.seq - b.seq);
  for (const a of bySeq) {
    const entry = chain[a.seq - 1];
    if (!entry)
      return {
        problem: 'removed',
        seq: headSeq + 1,
        message: `entries after ${headSeq} are missing: the anchor holds head ${a.seq} (${a.hash.slice(0, 12)}…)`,
      };
    if (entry.hash !== a.hash)
      return {
        problem: 'altered',
        seq: a.seq,
        message: `entry ${a.seq} is not the entry published to the anchor: its hash is ${entry.hash.slice(0, 12)}…, the anchored head ${a.hash.slice(0, 12)}… (the entry was rewritten, with META, after it was appended)`,
      };
  }
  const lastAnchored = bySeq.at(-1)?.seq ?? 0;
  if (lastAnchored < headSeq)
    return {
      problem: 'unanchored',
      seq: lastAnchored + 1,
      message:
        lastAnchored === 0
          ? `no head of this history was ever published to the anchor (${headSeq} entries): it cannot be shown to be the history that was recorded`
          : `entries ${lastAnchored + 1}–${headSeq} come after the last anchored head (${lastAnchored}): they cannot be shown to be the entries that were recorded`,
    };
  return undefined;
}
