import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { PanelDrawInputError } from './errors.js';
import { Expert } from './expert.js';
import { byCodeUnits } from './seededShuffle.js';

/**
 * The pool snapshot a draw is made from: each expert reduced to the `Expert` schema fields, sorted by id. Its hash is
 * sha256 of the RFC 8785 canonical JSON of that array (lower-case hex), so an auditor holding the same experts gets
 * the same hash whatever order or extra fields their copy has.
 */
export function poolSnapshot(pool: readonly unknown[]): Expert[] {
  const parsed = pool.map((e, i) => {
    const r = Expert.safeParse(e);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new PanelDrawInputError(
        `Expert #${i} of the pool is invalid at ${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    return r.data;
  });
  const sorted = parsed.sort((a, b) => byCodeUnits(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new PanelDrawInputError(`Expert id ${sorted[i]?.id} appears twice`);
  }
  return sorted;
}

export function poolHash(snapshot: readonly Expert[]): string {
  return createHash('sha256')
    .update(canonicalize(snapshot) ?? '', 'utf8')
    .digest('hex');
}
