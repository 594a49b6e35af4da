import { z } from 'zod';
import { SourceRef } from '../findings/finding.js';
import { Track } from '../track/track.js';

/** One row of a 汇总表 (附件3 QM, 附件5 SI per project, 附件6 SI per recommending unit). */
export const SummaryTableRow = z.object({
  /** 排序 (1 = first recommended). */
  rank: z.number().int().positive().optional(),
  /** Organisation, person or project / standard name. */
  name: z.string().optional(),
  creditCode: z.string().optional(),
  standardNumber: z.string().optional(),
  /** Applicant unit of an SI row. */
  applicantUnit: z.string().optional(),
  track: Track.optional(),
  source: SourceRef.optional(),
});
export type SummaryTableRow = z.infer<typeof SummaryTableRow>;

export const SummaryTableKind = z.enum(['QM_ANNEX_3', 'SI_ANNEX_5', 'SI_ANNEX_6']);
export type SummaryTableKind = z.infer<typeof SummaryTableKind>;

export const SummaryTable = z.object({
  kind: SummaryTableKind,
  recommendingUnit: z.string().optional(),
  rows: z.array(SummaryTableRow).default([]),
});
export type SummaryTable = z.infer<typeof SummaryTable>;
