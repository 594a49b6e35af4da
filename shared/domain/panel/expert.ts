import { z } from 'zod';
import { Track } from '../track/track.js';

/** An expert of the 评审专家库, as snapshotted for one draw. */
export const Expert = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  unit: z.string().min(1),
  unitCreditCode: z.string().min(1).optional(),
  tracks: z.array(Track),
  industryGroups: z.array(z.string().min(1)),
  /** Units (names or credit codes) or application ids the expert declared a conflict with. */
  declaredConflicts: z.array(z.string().min(1)),
});
export type Expert = z.infer<typeof Expert>;

export const Unit = z.object({ name: z.string().min(1), creditCode: z.string().min(1).optional() });
export type Unit = z.infer<typeof Unit>;

/** What a panel is drawn for: the application and the units an expert must not belong to. */
export const PanelSubject = z.object({
  applicationId: z.string().min(1),
  track: Track,
  /** The applicant organisation(s) (joint SI applicants), or the individual's employer for QM_IND. */
  applicantUnits: z.array(Unit).min(1),
  /** SI: the units of the main drafters; empty for QM. */
  drafterUnits: z.array(Unit),
  industryGroup: z.string().min(1).optional(),
});
export type PanelSubject = z.infer<typeof PanelSubject>;
