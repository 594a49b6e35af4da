import { z } from 'zod';
import { Stage } from '../track/stage.js';
import { PanelSubject } from './expert.js';
import { exclusionReasons } from './panelExclusion.js';

/** The inputs of a draw besides the pool (SPEC §5 random panels). */
export const DrawOptions = z.object({
  size: z.number().int().positive(),
  stage: Stage,
  seed: z.string(),
  /** An expert already on this many panels (as counted by the caller) is not drawn again. */
  workloadCap: z.number().int().nonnegative(),
  workload: z.record(z.string(), z.number().int().nonnegative()),
  otherPanelsOfApplication: z.array(z.string()),
  /** SI: the industry group of the panel; defaults to the subject's. */
  industryGroup: z.string().min(1).optional(),
});
export type DrawOptions = z.infer<typeof DrawOptions>;

/** Everything an auditor needs, with the pool snapshot, to recompute the draw. */
export const PanelDrawRecord = z.object({
  algorithmVersion: z.string(),
  stage: Stage,
  applicationId: z.string(),
  subject: PanelSubject,
  size: z.number().int().positive(),
  workloadCap: z.number().int().nonnegative(),
  workload: z.record(z.string(), z.number().int().nonnegative()),
  otherPanelsOfApplication: z.array(z.string()),
  /** The industry group actually applied (SI only). */
  industryGroup: z.string().optional(),
  poolSize: z.number().int().nonnegative(),
  poolHash: z.string(),
  seedCommitment: z.string(),
  seed: z.string(),
  eligibleIds: z.array(z.string()),
  excluded: z.array(z.object({ id: z.string(), reason: z.enum(exclusionReasons), detail: z.string() })),
  drawn: z.array(z.string()),
});
export type PanelDrawRecord = z.infer<typeof PanelDrawRecord>;
