import { z } from 'zod';
import { OwnershipType } from '../application/ownershipType.js';
import { Track } from '../track/track.js';
import { Department } from './department.js';

/** Whom a consultation is about: the unit itself, its head (负责人), or another member of its staff. */
export const ConsultationRole = z.enum(['organisation', 'head', 'staff']);
export type ConsultationRole = z.infer<typeof ConsultationRole>;

/**
 * One line of the matrix: when every given condition holds, the departments are added. An absent condition does
 * not restrict.
 */
export const ConsultationRule = z.object({
  id: z.string().min(1),
  /** The sentence of the notice the rule encodes. */
  basis: z.string(),
  when: z
    .object({
      tracks: z.array(Track).min(1).optional(),
      roles: z.array(ConsultationRole).min(1).optional(),
      ownership: z.array(OwnershipType).min(1).optional(),
      auditSubject: z.boolean().optional(),
      unitedFront: z.boolean().optional(),
    })
    .strict(),
  add: z.array(Department).min(1),
});
export type ConsultationRule = z.infer<typeof ConsultationRule>;

export const ConsultationMatrix = z.object({ rules: z.array(ConsultationRule).min(1) });
export type ConsultationMatrix = z.infer<typeof ConsultationMatrix>;
