import type { ConsultationStatus } from '../../shared/actions/consultationStatus.js';
import { recordConsultationOpinion } from '../../shared/actions/recordConsultationOpinion.js';
import { recordDecision } from '../../shared/actions/recordDecision.js';
import { requireConsultations } from '../../shared/actions/requireConsultations.js';
import type { Actor } from '../../shared/domain/access/role.js';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import type { HistoryExport } from '../../shared/history/exportHistory.js';
import { reportKeys } from '../../shared/objects/objectKeys.js';
import type { ApplicationMeta, BundleRecord } from '../../shared/records/recordsRepository.js';
import type { ReportApplication } from '../../shared/report/completenessReport.js';
import { type QueueEntry, taskQueue } from '../../shared/workflow/taskQueue.js';
import { describeRun } from '../local/describeRun.js';
import { storeEvidence } from '../local/evidence.js';
import { localObjectStore } from '../local/localIntake.js';
import type { LocalRuntime } from '../local/localRuntime.js';
import { type BundleIntakeBackend, localBundleIntake, type UploadedFile, withKeptUpload } from './bundleIntake.js';
import { type DocumentBackend, localDocumentBackend, storedApplicationReport } from './documentBackend.js';
import { type ExpertPoolBackend, expertPoolBackend } from './expertPoolBackend.js';
import { type DecisionForm, type DepartmentsForm, formRequests, type OpinionForm, recordReads } from './recordReads.js';
import { localStageBackend, type StageBackend } from './stageBackend.js';

export type { QueueEntry };

/**
 * What the console reads and does, over the local runtime: the same records queries, intake and actions as the
 * `award` commands. Writes run one at a time (an intake or a decision resumes the workflow in this process).
 */
export interface ConsoleBackend extends StageBackend, BundleIntakeBackend, DocumentBackend, ExpertPoolBackend {
  now(): Date;
  applications(): Promise<ApplicationMeta[]>;
  applicationsOfUnit(unitId: string): Promise<ApplicationMeta[]>;
  application(applicationId: string): Promise<ApplicationMeta | undefined>;
  bundle(bundleId: string): Promise<BundleRecord | undefined>;
  /** The stored HTML report of a bundle (ID and phone numbers already masked by reportHtml). */
  bundleReportHtml(bundleId: string): Promise<string | undefined>;
  /** The application's section of its latest stored report, unmasked: the caller masks by role. */
  applicationReport(applicationId: string): Promise<ReportApplication | undefined>;
  /** Whether the office recorded this auditor's need to see personal data. */
  disclosureGranted(applicationId: string, actorId: string): Promise<boolean>;
  consultation(applicationId: string): Promise<ConsultationStatus>;
  queue(): Promise<QueueEntry[]>;
  history(actor: Actor, applicationId: string, format: 'json'): Promise<HistoryExport>;
  historyCsv(actor: Actor, applicationId: string): Promise<string>;
  requireDepartments(request: DepartmentsForm): Promise<string>;
  recordOpinion(request: OpinionForm & { evidence: UploadedFile }): Promise<string>;
  decide(request: DecisionForm): Promise<string>;
}

export function localConsoleBackend(runtime: LocalRuntime): ConsoleBackend {
  const repo = runtime.repo;
  const ctx = () => runtime.actionContext();
  let writes: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work, work);
    writes = next.catch(() => undefined);
    return next;
  };
  const withUpload = <T>(file: UploadedFile, use: (path: string) => Promise<T>) =>
    withKeptUpload(runtime.home.root, file, use);
  const whereNow = async (applicationId: string) => describeRun(await runtime.resume(applicationId));

  return {
    ...localStageBackend(runtime, serialised, withUpload),
    ...localDocumentBackend(runtime),
    ...expertPoolBackend(repo),
    now: () => runtime.clock.now(),
    ...recordReads(ctx),
    async bundleReportHtml(bundleId) {
      const objects = localObjectStore(runtime);
      const key = reportKeys(bundleId).html;
      if (!(await objects.head(key))) return undefined;
      return Buffer.from(await objects.get(key)).toString('utf8');
    },
    applicationReport: async (applicationId) => (await storedApplicationReport(runtime, applicationId))?.section,
    queue: () => taskQueue(repo, runtime.clock.now(), availableCampaigns()),
    ...localBundleIntake(runtime, serialised),
    requireDepartments: (request) =>
      serialised(async () => {
        await requireConsultations(ctx(), formRequests.requireDepartments(request));
        return whereNow(request.applicationId);
      }),
    recordOpinion: ({ evidence, ...request }) =>
      serialised(async () => {
        const stored = await withUpload(evidence, async (path) => storeEvidence(runtime, path));
        await recordConsultationOpinion(ctx(), formRequests.recordOpinion(request, stored));
        return whereNow(request.applicationId);
      }),
    decide: (request) =>
      serialised(async () => {
        await recordDecision(ctx(), formRequests.decide(request));
        return whereNow(request.applicationId);
      }),
  };
}
