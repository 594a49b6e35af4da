import type { Expert, PanelSubject, Unit } from './expert.js';

/** Why an expert cannot sit on a panel, checked in this order; the first that applies is recorded. */
export const exclusionReasons = [
  'NOT_IN_TRACK_POOL',
  'SAME_UNIT_AS_APPLICANT',
  'SAME_UNIT_AS_DRAFTER',
  'DECLARED_CONFLICT',
  'ON_OTHER_PANEL_OF_APPLICATION',
  'INDUSTRY_GROUP_MISMATCH',
  'WORKLOAD_CAP_REACHED',
] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

export interface ExclusionContext {
  subject: PanelSubject;
  /** Applied only for SI (专业评选 panels are grouped by industry). */
  industryGroup: string | undefined;
  workloadCap: number;
  workload: Readonly<Record<string, number>>;
  otherPanelsOfApplication: ReadonlySet<string>;
}

/** Unit names compare after NFKC (full-width → half-width), without whitespace, case-insensitively. */
export function normaliseUnitKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

function unitKeys(u: Unit): string[] {
  return u.creditCode ? [normaliseUnitKey(u.name), normaliseUnitKey(u.creditCode)] : [normaliseUnitKey(u.name)];
}

/** Conservative on purpose: the same name or the same credit code is the same unit. */
function belongsTo(expert: Expert, units: readonly Unit[]): Unit | undefined {
  const mine = new Set([normaliseUnitKey(expert.unit)]);
  if (expert.unitCreditCode) mine.add(normaliseUnitKey(expert.unitCreditCode));
  return units.find((u) => unitKeys(u).some((k) => mine.has(k)));
}

export function exclusionOf(
  expert: Expert,
  ctx: ExclusionContext,
): { reason: ExclusionReason; detail: string } | undefined {
  const { subject } = ctx;
  if (!expert.tracks.includes(subject.track)) {
    return { reason: 'NOT_IN_TRACK_POOL', detail: `not in the ${subject.track} expert pool` };
  }
  const applicant = belongsTo(expert, subject.applicantUnits);
  if (applicant) return { reason: 'SAME_UNIT_AS_APPLICANT', detail: `works at the applicant ${applicant.name}` };
  const drafter = belongsTo(expert, subject.drafterUnits);
  if (drafter) return { reason: 'SAME_UNIT_AS_DRAFTER', detail: `works at the drafter unit ${drafter.name}` };
  const declared = new Set(expert.declaredConflicts.map(normaliseUnitKey));
  const declaredHit = [subject.applicationId, ...[...subject.applicantUnits, ...subject.drafterUnits].flatMap(unitKeys)]
    .map(normaliseUnitKey)
    .find((k) => declared.has(k));
  if (declaredHit) return { reason: 'DECLARED_CONFLICT', detail: `declared a conflict with ${declaredHit}` };
  if (ctx.otherPanelsOfApplication.has(expert.id)) {
    return { reason: 'ON_OTHER_PANEL_OF_APPLICATION', detail: `already on another panel of ${subject.applicationId}` };
  }
  if (ctx.industryGroup !== undefined && !expert.industryGroups.includes(ctx.industryGroup)) {
    return { reason: 'INDUSTRY_GROUP_MISMATCH', detail: `not in industry group ${ctx.industryGroup}` };
  }
  const load = ctx.workload[expert.id] ?? 0;
  if (load >= ctx.workloadCap) {
    return { reason: 'WORKLOAD_CAP_REACHED', detail: `${load} panels already, cap ${ctx.workloadCap}` };
  }
  return undefined;
}
