import type { ActionContext } from '../../shared/actions/actionContext.js';
import { type ConsultationStatus, consultationStatus } from '../../shared/actions/consultationStatus.js';
import { disclosureEventType, exportApplicationHistory } from '../../shared/actions/exportApplicationHistory.js';
import type { decisionRoles } from '../../shared/actions/recordDecision.js';
import type { Actor } from '../../shared/domain/access/role.js';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import type { Department } from '../../shared/domain/consultation/department.js';
import type { Evidence } from '../../shared/domain/history/historyEvent.js';
import type { HistoryExport } from '../../shared/history/exportHistory.js';
import type { ApplicationMeta, BundleRecord } from '../../shared/records/recordsRepository.js';

/**
 * What the console reads from the records alone, the same over the local runtime and on AWS: the applications of
 * every campaign, one application or bundle, the consultations, whether an auditor's need to see personal data was
 * recorded, and the history exports.
 */
export function recordReads(ctx: () => ActionContext) {
  const repo = () => ctx().repo;
  const eachCampaign = async <T>(read: (campaign: string) => Promise<T[]>) =>
    (await Promise.all(availableCampaigns().map(read))).flat();
  return {
    applications: (): Promise<ApplicationMeta[]> => eachCampaign((c) => repo().applicationsOfCampaign(c)),
    applicationsOfUnit: (unitId: string): Promise<ApplicationMeta[]> =>
      eachCampaign((c) => repo().applicationsOfUnit(unitId, c)),
    bundlesOfUnit: (unitId: string): Promise<BundleRecord[]> => eachCampaign((c) => repo().bundlesOfUnit(unitId, c)),
    application: (id: string) => repo().getApplication(id),
    bundle: (id: string) => repo().getBundle(id),
    async disclosureGranted(applicationId: string, actorId: string): Promise<boolean> {
      const events = await repo().listEvents(applicationId);
      return events.some((e) => e.type === disclosureEventType && e.data.grantedTo === actorId);
    },
    consultation: async (applicationId: string): Promise<ConsultationStatus> =>
      consultationStatus(await repo().listEvents(applicationId)),
    async history(actor: Actor, applicationId: string, _format: 'json'): Promise<HistoryExport> {
      const exported = await exportApplicationHistory(ctx(), { actor, applicationId, format: 'json' });
      if (exported.format !== 'json') throw new TypeError('expected a JSON export');
      return exported.body;
    },
    async historyCsv(actor: Actor, applicationId: string): Promise<string> {
      const exported = await exportApplicationHistory(ctx(), { actor, applicationId, format: 'csv' });
      return String(exported.body);
    },
  };
}

/** What the console's consultation and decision forms ask for. */
export interface DepartmentsForm {
  actor: Actor;
  applicationId: string;
  departments: Department[];
}
export interface OpinionForm {
  actor: Actor;
  applicationId: string;
  department: Department;
  opinion: 'no_objection' | 'adverse';
  summary: string;
}
export interface DecisionForm {
  actor: Actor;
  applicationId: string;
  stage: keyof typeof decisionRoles;
  outcome: 'pass' | 'reject';
  reasons: string;
  score?: number;
}

/** The requests of the console's consultation and decision forms, under the idempotency keys the CLI uses too. */
export const formRequests = {
  requireDepartments: (r: DepartmentsForm) => ({
    actor: r.actor,
    idempotencyKey: `consult-require:${[...r.departments].sort().join(',')}`,
    applicationId: r.applicationId,
    departments: r.departments,
  }),
  recordOpinion: (r: OpinionForm, evidence: Evidence) => ({
    actor: r.actor,
    idempotencyKey: `consult:${r.department}:${r.opinion}`,
    applicationId: r.applicationId,
    department: r.department,
    opinion: r.opinion,
    summary: r.summary,
    evidence: [evidence],
  }),
  decide: (r: DecisionForm) => ({
    actor: r.actor,
    idempotencyKey: `decide:${r.stage}:${r.outcome}`,
    applicationId: r.applicationId,
    stage: r.stage,
    outcome: r.outcome,
    reasons: r.reasons,
    evidence: [],
    ...(r.score === undefined ? {} : { score: r.score }),
  }),
};
