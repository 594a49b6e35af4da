import type { Expert, PanelSubject } from './expert.js';
import type { PanelDrawRecord } from './panelDrawRecord.js';
import { exclusionOf } from './panelExclusion.js';

export interface Screening {
  /** Ids of the experts who may sit on the panel, in snapshot (id) order. */
  eligibleIds: string[];
  excluded: PanelDrawRecord['excluded'];
}

/** Splits a pool snapshot into eligible and excluded experts, each exclusion with its reason. */
export function screenPool(
  snapshot: readonly Expert[],
  subject: PanelSubject,
  inputs: {
    industryGroup: string | undefined;
    workloadCap: number;
    workload: Readonly<Record<string, number>>;
    otherPanelsOfApplication: readonly string[];
  },
): Screening {
  const ctx = { ...inputs, subject, otherPanelsOfApplication: new Set(inputs.otherPanelsOfApplication) };
  const eligibleIds: string[] = [];
  const excluded: PanelDrawRecord['excluded'] = [];
  for (const expert of snapshot) {
    const why = exclusionOf(expert, ctx);
    if (why) excluded.push({ id: expert.id, ...why });
    else eligibleIds.push(expert.id);
  }
  return { eligibleIds, excluded };
}
