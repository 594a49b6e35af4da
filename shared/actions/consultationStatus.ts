import { Department } from '../domain/consultation/department.js';
import type { HistoryEvent } from '../domain/history/historyEvent.js';

export const consultationRequiredEventType = 'CONSULTATION_DEPARTMENTS_REQUIRED';
export const consultationOpinionEventType = 'CONSULTATION_OPINION_RECORDED';

export type Opinion = 'no_objection' | 'adverse';

export interface ConsultationStatus {
  required: Department[];
  opinions: Partial<Record<Department, Opinion>>;
  outstanding: Department[];
  adverse: Department[];
  /** Every required department answered (and at least one was required). */
  complete: boolean;
}

/** Which departments must answer 征求意见 and which have, read from the history (SPEC §6). */
export function consultationStatus(events: readonly HistoryEvent[]): ConsultationStatus {
  const required = new Set<Department>();
  const opinions: Partial<Record<Department, Opinion>> = {};
  for (const e of events) {
    if (e.type === consultationRequiredEventType && Array.isArray(e.data.departments))
      for (const d of e.data.departments) {
        const parsed = Department.safeParse(d);
        if (parsed.success) required.add(parsed.data);
      }
    if (e.type === consultationOpinionEventType) {
      const d = Department.safeParse(e.data.department);
      if (d.success) opinions[d.data] = e.data.opinion === 'adverse' ? 'adverse' : 'no_objection';
    }
  }
  const requiredList = [...required].sort();
  const outstanding = requiredList.filter((d) => !opinions[d]);
  const adverse = requiredList.filter((d) => opinions[d] === 'adverse');
  return {
    required: requiredList,
    opinions,
    outstanding,
    adverse,
    complete: requiredList.length > 0 && !outstanding.length,
  };
}
