import type { z } from 'zod';
import { assertSeed, commitSeed } from './drawSeed.js';
import { NotEnoughEligibleExperts, PanelDrawInputError } from './errors.js';
import { PanelSubject } from './expert.js';
import { DrawOptions, type PanelDrawRecord } from './panelDrawRecord.js';
import { poolHash, poolSnapshot } from './poolSnapshot.js';
import { screenPool } from './screenPool.js';
import { ALGORITHM_VERSION, byCodeUnits, seededDraw } from './seededShuffle.js';

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue?.path.map(String).join('.') || '(root)';
    throw new PanelDrawInputError(`${what} is invalid at ${at}: ${issue?.message}`);
  }
  return r.data;
}

/**
 * Draws a panel for one application at one stage (SPEC §5): removes experts outside the track's pool, of the
 * applicant's or a drafter's unit, with a declared conflict, already on another panel of the application, outside
 * the SI industry group, or at the workload cap; then draws `size` of the rest with `jqa-panel-draw/1`
 * (see seededShuffle.ts). Deterministic for the same pool, subject, options and seed.
 * Throws `NotEnoughEligibleExperts` when too few remain, `PanelDrawInputError` for bad input.
 */
export function drawPanel(pool: readonly unknown[], application: PanelSubject, options: DrawOptions): PanelDrawRecord {
  const subject = parse(PanelSubject, application, 'Panel subject');
  const opts = parse(DrawOptions, options, 'Draw options');
  assertSeed(opts.seed);
  const requestedGroup = opts.industryGroup ?? subject.industryGroup;
  if (subject.track === 'SI' && opts.stage === 'PROFESSIONAL_REVIEW' && requestedGroup === undefined) {
    throw new PanelDrawInputError(
      `SI 专业评选 panels are grouped by industry: no industry group for ${subject.applicationId}`,
    );
  }
  const industryGroup = subject.track === 'SI' ? requestedGroup : undefined;
  const snapshot = poolSnapshot(pool);
  const { eligibleIds, excluded } = screenPool(snapshot, subject, {
    industryGroup,
    workloadCap: opts.workloadCap,
    workload: opts.workload,
    otherPanelsOfApplication: opts.otherPanelsOfApplication,
  });
  if (eligibleIds.length < opts.size) {
    throw new NotEnoughEligibleExperts(
      subject.applicationId,
      opts.stage,
      opts.size,
      eligibleIds.length,
      snapshot.length,
      excluded,
    );
  }
  const drawn = seededDraw(eligibleIds, opts.size, {
    seed: opts.seed,
    applicationId: subject.applicationId,
    stage: opts.stage,
  });

  return {
    algorithmVersion: ALGORITHM_VERSION,
    stage: opts.stage,
    applicationId: subject.applicationId,
    subject,
    size: opts.size,
    workloadCap: opts.workloadCap,
    workload: Object.fromEntries(Object.entries(opts.workload).sort(([a], [b]) => byCodeUnits(a, b))),
    otherPanelsOfApplication: [...new Set(opts.otherPanelsOfApplication)].sort(byCodeUnits),
    ...(industryGroup === undefined ? {} : { industryGroup }),
    poolSize: snapshot.length,
    poolHash: poolHash(snapshot),
    seedCommitment: commitSeed(opts.seed),
    seed: opts.seed,
    eligibleIds,
    excluded,
    drawn,
  };
}
