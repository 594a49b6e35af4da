import { z } from 'zod';
import { IsoDate } from './isoDate.js';

/**
 * Something an applicant declares (or a reviewer records) that the look-back rules of the notice care about:
 * 重大质量/安全/环保/公共卫生事故, 重大投诉, 违法违纪行为, 重大群体性事件, 严重违法失信名单.
 */
export const IncidentKind = z.enum(['ACCIDENT', 'MAJOR_COMPLAINT', 'VIOLATION', 'MASS_INCIDENT', 'DISHONEST_LISTING']);
export type IncidentKind = z.infer<typeof IncidentKind>;

export const incidentKindNames: Record<IncidentKind, string> = {
  ACCIDENT: '重大质量、安全、环保、公共卫生等事故',
  MAJOR_COMPLAINT: '重大投诉',
  VIOLATION: '违法违纪行为',
  MASS_INCIDENT: '重大群体性事件',
  DISHONEST_LISTING: '列入严重违法失信企业名单',
};

export const DeclaredIncident = z.object({
  kind: IncidentKind,
  /** When it happened; a missing date is treated as inside the look-back period (a reviewer must check). */
  date: IsoDate.optional(),
  description: z.string().optional(),
});
export type DeclaredIncident = z.infer<typeof DeclaredIncident>;
