import { z } from 'zod';

/** Who acts: a recommending unit, an office reviewer, an auditor (纪检监察/审计), or the system itself. */
export const Role = z.enum(['recommending_unit', 'reviewer', 'auditor', 'system']);
export type Role = z.infer<typeof Role>;

export const Actor = z.object({ id: z.string().min(1), role: Role });
export type Actor = z.infer<typeof Actor>;
