import { isCountyLevel } from '../../shared/domain/application/administrativeRank.js';
import { Application } from '../../shared/domain/application/application.js';
import type { HistoryEvent } from '../../shared/domain/history/historyEvent.js';
import type { Unit } from '../../shared/domain/panel/expert.js';
import { registeredEventType } from '../../shared/history/projectApplication.js';

/** The typed applicant data registered with the application (APPLICATION_REGISTERED `data.applicant`), if any. */
export function registeredApplication(events: readonly HistoryEvent[]): Application | undefined {
  const registered = events.find((e) => e.type === registeredEventType);
  const parsed = Application.safeParse(registered?.data.applicant);
  return parsed.success ? parsed.data : undefined;
}

const unit = (name: string | undefined, creditCode?: string): Unit[] =>
  name ? [{ name, ...(creditCode ? { creditCode } : {}) }] : [];

/** The units a panel expert must not belong to (SPEC §5): the applicant (or employer) and, for SI, the drafters'. */
export function panelUnits(app: Application | undefined, fallbackName: string) {
  if (!app) return { applicantUnits: [{ name: fallbackName }], drafterUnits: [] as Unit[] };
  switch (app.track) {
    case 'QM_ORG':
      return { applicantUnits: unit(app.organisation.name, app.organisation.creditCode), drafterUnits: [] };
    case 'QM_IND':
      return { applicantUnits: unit(app.person.employer ?? app.person.name), drafterUnits: [] };
    case 'SI': {
      const drafters = app.project.drafters.flatMap((d) => unit(d.unit, d.unitCreditCode));
      const applicant = unit(app.project.applicant.name, app.project.applicant.creditCode);
      return {
        applicantUnits: applicant.length ? applicant : [{ name: fallbackName }],
        drafterUnits: drafters,
        ...(app.project.industryGroup ? { industryGroup: app.project.industryGroup } : {}),
      };
    }
  }
}

/** What `finaliseCampaign` needs from the application data: requested grade and drafters (SI), 县处级 (QM_IND). */
export function finalisationFacts(applicationId: string, app: Application | undefined) {
  if (!app) return { applicationId };
  if (app.track === 'QM_IND')
    return {
      applicationId,
      countyCadre: app.person.administrativeRank ? isCountyLevel(app.person.administrativeRank) : false,
    };
  if (app.track !== 'SI') return { applicationId };
  return {
    applicationId,
    ...(app.project.requestedGrade ? { requestedGrade: app.project.requestedGrade } : {}),
    drafters: app.project.drafters.map((d, i) => ({ id: d.name ?? `drafter-${i + 1}`, rate: d.contributionRate ?? 0 })),
  };
}
