import { createHash } from 'node:crypto';
import { finalisationRequest } from '../../infra/local/campaignFinalisation.js';
import { lodgeObjectionRequest, resolveObjectionRequest } from '../../infra/local/objections.js';
import { panelDrawRequest } from '../../infra/local/panelDrawRequest.js';
import { RefusedError } from '../../infra/local/refusedError.js';
import type { UploadedFile } from '../../infra/web/bundleIntake.js';
import type { ConsoleBackend } from '../../infra/web/consoleBackend.js';
import { applicationReportIn, documentBackend } from '../../infra/web/documentBackend.js';
import { expertPoolBackend } from '../../infra/web/expertPoolBackend.js';
import type { IntakeProgress } from '../../infra/web/intakeTracker.js';
import { formRequests, recordReads } from '../../infra/web/recordReads.js';
import { stageReads } from '../../infra/web/stageReads.js';
import { ActionError, type ActionErrorCode } from '../../shared/actions/actionError.js';
import { scopeStage } from '../../shared/actions/finaliseCampaign.js';
import { bundleIdOf } from '../../shared/actions/registerBundle.js';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import { reportKeys, safeFileName, uploadMarkerKey } from '../../shared/objects/objectKeys.js';
import type { ObjectStore } from '../../shared/objects/objectStore.js';
import type { RecordsRepository } from '../../shared/records/recordsRepository.js';
import { taskQueue } from '../../shared/workflow/taskQueue.js';
import { handleReviewerAction, type ReviewerActionDependencies } from '../reviewerAction/handler.js';
import type { UploadMarker } from './s3DirectUploads.js';

/** Where the Intake execution of an uploaded object stands (Step Functions DescribeExecution). */
export type IntakeRunState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'NOT_STARTED';

export interface AwsConsoleBackendDependencies {
  repo: RecordsRepository;
  /** The submissions bucket. */
  objects: ObjectStore;
  /** The reviewer actions and the task-token port (functions/reviewerAction). */
  actions: ReviewerActionDependencies;
  /** The submissions bucket's name (a bundle's id derives from bucket, key and version). */
  bucket: string;
  /** The object versions uploaded under `incoming/<unit>/`, newest first. */
  incomingVersions(unitId: string): Promise<{ key: string; versionId: string; lastModified: string }[]>;
  /** The state of the Intake execution of this object version. */
  intakeState(object: { key: string; versionId: string }): Promise<IntakeRunState>;
  now: () => Date;
}

const notOnAws = (what: string) => new RefusedError(`${what}在 AWS 控制台中尚未提供，请使用 API 或联系管理员。`);

/**
 * The console over AWS: the records table (DynamoRecordsRepository), the submissions bucket (S3ObjectStore) and the
 * reviewer actions with the Step Functions task-token adapter (handleReviewerAction, as the IAM API runs them).
 * Bundles arrive by direct upload to S3 (s3DirectUploads), so the intake runs in Step Functions, not here.
 */
export function awsConsoleBackend(deps: AwsConsoleBackendDependencies): ConsoleBackend {
  const { repo, objects } = deps;
  const act = async (action: Parameters<typeof handleReviewerAction>[0]) => {
    const result = await handleReviewerAction(action, deps.actions);
    if (!result.ok) throw new ActionError(result.code as ActionErrorCode, result.message, result.field);
    return result;
  };
  const current = async (applicationId: string) => {
    const meta = await repo.getApplication(applicationId);
    return { applicationId, stage: meta?.stage ?? 'unknown', status: meta?.status ?? 'unknown' };
  };
  const whereNow = async (applicationId: string) => {
    const meta = await repo.getApplication(applicationId);
    return meta ? `now at ${meta.stage} (${meta.status})` : 'recorded';
  };
  const text = async (key: string) =>
    (await objects.head(key)) ? Buffer.from(await objects.get(key)).toString('utf8') : undefined;
  /** A person's upload (evidence) in the bucket, as the local runtime keeps it: `evidence/<sha256 prefix>-<name>`. */
  const keep = async (file: UploadedFile) => {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const objectKey = `evidence/${sha256.slice(0, 16)}-${safeFileName(file.name)}`;
    await objects.put(objectKey, file.bytes);
    return { objectKey, sha256 };
  };
  const progressOf = async (marker: UploadMarker): Promise<IntakeProgress> => {
    const base = {
      bundleId: marker.bundleId,
      unitId: marker.unitId,
      fileName: marker.fileName,
      uploadedAt: marker.uploadedAt,
      filesRead: 0,
    };
    if (await repo.getBundle(marker.bundleId)) return { ...base, state: 'done' };
    const state = await deps.intakeState(marker);
    if (state === 'NOT_STARTED') return { ...base, state: 'waiting' };
    if (state === 'RUNNING') return { ...base, state: 'reading' };
    if (state === 'SUCCEEDED') return { ...base, state: 'done' };
    return { ...base, state: 'failed', failure: '系统未能完成检查。请重新上传；如仍不成功，请联系评选表彰办公室。' };
  };
  const markerOf = async (bundleId: string): Promise<UploadMarker | undefined> => {
    const body = await text(uploadMarkerKey(bundleId));
    return body ? (JSON.parse(body) as UploadMarker) : undefined;
  };

  return {
    // The documents and panel-draw checks over the same records and bucket as locally (infra/web/documentBackend.ts).
    ...documentBackend({ repo, objects }),
    ...expertPoolBackend(repo),
    ...recordReads(() => deps.actions.ctx),
    // 公示, objections, panels and the finalisation page: the same readers as locally, over DynamoDB.
    ...stageReads({ repo, now: deps.now }),
    now: deps.now,
    bundleReportHtml: (bundleId) => text(reportKeys(bundleId).html),
    applicationReport: async (applicationId) => (await applicationReportIn({ repo, objects }, applicationId))?.section,
    queue: () => taskQueue(repo, deps.now(), availableCampaigns()),
    async requireDepartments(request) {
      await act({ action: 'requireConsultations', request: formRequests.requireDepartments(request) });
      return whereNow(request.applicationId);
    },
    async recordOpinion({ evidence, ...request }) {
      const stored = await keep(evidence);
      await act({ action: 'recordConsultationOpinion', request: formRequests.recordOpinion(request, stored) });
      return whereNow(request.applicationId);
    },
    async decide(request) {
      await act({ action: 'recordDecision', request: formRequests.decide(request) });
      return whereNow(request.applicationId);
    },
    async recordScores({ actor, applicationId, stage, scores, evidence }) {
      await act({
        action: 'recordPanelScores',
        request: {
          actor,
          idempotencyKey: `panel-score:${stage}`,
          applicationId,
          stage,
          scores,
          evidence: [await keep(evidence)],
        },
      });
    },

    async lodgeObjection({ evidence, ...request }) {
      const kept = evidence ? [await keep(evidence)] : [];
      await act({ action: 'lodgeObjection', request: lodgeObjectionRequest({ ...request, evidence: kept }) });
      return current(request.applicationId);
    },
    async resolveObjection({ evidence, ...request }) {
      const kept = evidence ? [await keep(evidence)] : [];
      await act({ action: 'resolveObjection', request: resolveObjectionRequest({ ...request, evidence: kept }) });
      return current(request.applicationId);
    },
    // The expert pool must have been loaded (through the API): on AWS no demo pool is seeded.
    async drawPanel(request) {
      await act({ action: 'drawApplicationPanel', request: await panelDrawRequest(repo, request) });
    },
    async finalise(request) {
      const prepared = await finalisationRequest({ repo }, request);
      if (!prepared)
        throw new ActionError('FINALISATION_FAILED', `no application waits at ${scopeStage[request.scope]}`);
      await act({ action: 'finaliseCampaign', request: prepared.request });
      return Promise.all(prepared.waiting.map((c) => current(c.meta.applicationId)));
    },

    // Bundles: uploaded straight to S3 (uploadRoutes + s3DirectUploads); the intake runs in Step Functions.
    submit: async () => {
      throw notOnAws('经控制台服务器上传材料包');
    },
    startSubmit: async () => {
      throw notOnAws('经控制台服务器上传材料包');
    },
    async intakeProgress(bundleId) {
      const marker = await markerOf(bundleId);
      return marker ? progressOf(marker) : undefined;
    },
    // Every version under the unit's prefix, however it was uploaded; the unit page lists those not yet done.
    async uploadsOfUnit(unitId) {
      const versions = await deps.incomingVersions(unitId);
      return Promise.all(
        versions.map(({ key, versionId, lastModified }) =>
          progressOf({
            bundleId: bundleIdOf({ kind: 's3', bucket: deps.bucket, key, versionId }),
            key,
            versionId,
            unitId,
            fileName: key.split('/').at(-1) ?? key,
            uploadedAt: lastModified,
            uploadedBy: unitId,
          }),
        ),
      );
    },
  };
}
