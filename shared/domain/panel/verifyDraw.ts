import canonicalize from 'canonicalize';
import { drawPanel } from './drawPanel.js';
import { commitSeed } from './drawSeed.js';
import { PanelDrawRecord } from './panelDrawRecord.js';
import { poolHash, poolSnapshot } from './poolSnapshot.js';
import { screenPool } from './screenPool.js';
import { ALGORITHM_VERSION } from './seededShuffle.js';

export interface DrawDifference {
  field: string;
  recorded: unknown;
  recomputed: unknown;
}

export interface DrawVerdict {
  ok: boolean;
  differences: DrawDifference[];
  /** Set when the draw could not be recomputed at all (e.g. the pool no longer yields enough experts). */
  error?: string;
}

const same = (a: unknown, b: unknown): boolean => canonicalize(a) === canonicalize(b);

/**
 * Re-checks a recorded draw against the pool snapshot the auditor holds: the seed matches its commitment (and the
 * commitment published before the draw, when given), the pool hash matches, and re-running the draw with the
 * recorded inputs gives the same eligible set, exclusions and panel. Never throws: every problem is a difference.
 */
export function verifyDraw(
  record: unknown,
  pool: readonly unknown[],
  options: { publishedCommitment?: string } = {},
): DrawVerdict {
  const parsed = PanelDrawRecord.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      differences: [],
      error: `Not a panel draw record: ${issue?.path.map(String).join('.')}: ${issue?.message}`,
    };
  }
  const r = parsed.data;
  const differences: DrawDifference[] = [];
  const check = (field: string, recorded: unknown, recomputed: unknown) => {
    if (!same(recorded, recomputed)) differences.push({ field, recorded, recomputed });
  };

  if (r.algorithmVersion !== ALGORITHM_VERSION) {
    return {
      ok: false,
      differences: [{ field: 'algorithmVersion', recorded: r.algorithmVersion, recomputed: ALGORITHM_VERSION }],
      error: `Unknown draw algorithm ${r.algorithmVersion}`,
    };
  }
  try {
    check('seedCommitment', r.seedCommitment, commitSeed(r.seed));
  } catch (e) {
    return { ok: false, differences, error: (e as Error).message };
  }
  if (options.publishedCommitment !== undefined) {
    check('publishedCommitment', options.publishedCommitment, r.seedCommitment);
  }
  try {
    const snapshot = poolSnapshot(pool);
    check('poolSize', r.poolSize, snapshot.length);
    check('poolHash', r.poolHash, poolHash(snapshot));
    check('applicationId', r.applicationId, r.subject.applicationId);
    const screening = screenPool(snapshot, r.subject, {
      industryGroup: r.industryGroup,
      workloadCap: r.workloadCap,
      workload: r.workload,
      otherPanelsOfApplication: r.otherPanelsOfApplication,
    });
    check('eligibleIds', r.eligibleIds, screening.eligibleIds);
    check('excluded', r.excluded, screening.excluded);
    const again = drawPanel(snapshot, r.subject, {
      size: r.size,
      stage: r.stage,
      seed: r.seed,
      workloadCap: r.workloadCap,
      workload: r.workload,
      otherPanelsOfApplication: r.otherPanelsOfApplication,
      ...(r.industryGroup === undefined ? {} : { industryGroup: r.industryGroup }),
    });
    check('industryGroup', r.industryGroup, again.industryGroup);
    check('drawn', r.drawn, again.drawn);
  } catch (e) {
    return { ok: false, differences, error: (e as Error).message };
  }
  return { ok: differences.length === 0, differences };
}
