import type { Stage } from '../domain/track/stage.js';
import type { Track } from '../domain/track/track.js';
import { writeIdempotent } from './idempotentWrite.js';
import {
  applicationPk,
  gsi1pk,
  gsi1pkTasks,
  gsi1sk,
  gsi1skTask,
  gsi2pk,
  gsi2sk,
  gsi2skApplicationPrefix,
  metaSk,
  taskSk,
} from './keys.js';
import type { RecordsTable } from './recordsTable.js';

/** SUPERSEDED: replaced by the application of a corrected bundle before it entered the selection (kept, ended). */
export type ApplicationStatus = 'ACTIVE' | 'PAUSED' | 'AWARDED' | 'NOT_AWARDED' | 'SUPERSEDED';

/** META: the projection of an application's history (rebuilt by `rebuildProjection`). */
export interface ApplicationMeta {
  applicationId: string;
  campaign: string;
  track: Track;
  stage: Stage;
  status: ApplicationStatus;
  /** seq of the last event folded in. */
  version: number;
  headHash: string;
  name: string;
  unitId: string;
  unitName: string;
  bundleId: string;
  openObjections: string[];
  grade?: string;
  prizeFen?: number;
  /** The application of the corrected bundle that replaced this one. */
  supersededBy?: string;
  /** The earlier applications this one replaced. */
  supersedes?: string[];
  updatedAt: string;
}

export interface CampaignFilter {
  track?: Track;
  status?: ApplicationStatus;
  stage?: Stage;
}

/** A pending human step: what is awaited and, on AWS, the Step Functions task token to complete. */
export interface TaskRecord {
  applicationId: string;
  stage: Stage;
  taskToken: string;
  awaiting: 'consultation' | 'decision' | 'publicity' | 'panel' | 'finalisation';
  createdAt: string;
}

/** The application as its projection (META, found through the GSIs) and the human step it waits on. */
export interface ApplicationRecords {
  getApplication(applicationId: string): Promise<ApplicationMeta | undefined>;
  /** Writes META only if its version is still `expectedVersion` (undefined: META must not exist yet). */
  putApplicationIfVersion(meta: ApplicationMeta, expectedVersion: number | undefined): Promise<boolean>;
  /** byCampaignStatus GSI; filters narrow the sort-key prefix (stage needs status, status needs track). */
  applicationsOfCampaign(campaign: string, filter?: CampaignFilter): Promise<ApplicationMeta[]>;
  /** byRecommendingUnit GSI. */
  applicationsOfUnit(unitId: string, campaign?: string): Promise<ApplicationMeta[]>;

  /**
   * Stores the waiting task; the same token again changes nothing, a new token replaces the old one. It is listed
   * among its campaign's open tasks (found through the application's projection).
   */
  putTask(task: TaskRecord): Promise<void>;
  /** Every waiting task of a campaign: what awaits whom, in one query. */
  openTasks(campaign: string): Promise<TaskRecord[]>;
  getTask(applicationId: string, stage: Stage): Promise<TaskRecord | undefined>;
  /** Deletes the task only if it still carries this token; false otherwise. */
  deleteTask(applicationId: string, stage: Stage, taskToken: string): Promise<boolean>;
}

function campaignPrefix(filter: CampaignFilter): string {
  if ((filter.status && !filter.track) || (filter.stage && !filter.status))
    throw new TypeError('applicationsOfCampaign: a status filter needs a track, a stage filter needs a status');
  const parts = [filter.track, filter.status, filter.stage].filter((p) => p !== undefined);
  return parts.length ? `${parts.join('#')}#` : '';
}

export function applicationRecords(table: RecordsTable): ApplicationRecords {
  const metaKey = (applicationId: string) => ({ pk: applicationPk(applicationId), sk: metaSk });
  const taskKey = (applicationId: string, stage: Stage) => ({ pk: applicationPk(applicationId), sk: taskSk(stage) });
  return {
    getApplication: (applicationId) => table.get<ApplicationMeta>(metaKey(applicationId)),

    // An optimistic lock on the projection's version (not a replay guard): a slower refresh never overwrites a newer.
    putApplicationIfVersion: (meta, expectedVersion) =>
      table.put(
        {
          ...metaKey(meta.applicationId),
          gsi1pk: gsi1pk(meta.campaign),
          gsi1sk: gsi1sk(meta.track, meta.status, meta.stage, meta.applicationId),
          gsi2pk: gsi2pk(meta.unitId),
          gsi2sk: gsi2sk(meta.campaign, meta.applicationId),
          ...meta,
        },
        expectedVersion === undefined
          ? { expression: 'attribute_not_exists(pk)' }
          : { expression: 'version = :expected', values: { ':expected': expectedVersion } },
      ),

    applicationsOfCampaign(campaign, filter = {}) {
      const prefix = campaignPrefix(filter);
      return table.query<ApplicationMeta>({
        IndexName: 'byCampaignStatus',
        KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1pk(campaign), ...(prefix ? { ':prefix': prefix } : {}) },
      });
    },

    // The unit's partition also holds its bundles: without a campaign, keep the applications only.
    async applicationsOfUnit(unitId, campaign) {
      const items = await table.query<ApplicationMeta>({
        IndexName: 'byRecommendingUnit',
        KeyConditionExpression: campaign ? 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)' : 'gsi2pk = :pk',
        ExpressionAttributeValues: {
          ':pk': gsi2pk(unitId),
          ...(campaign ? { ':prefix': gsi2skApplicationPrefix(campaign) } : {}),
        },
      });
      return items.filter((item) => 'applicationId' in item && 'track' in item);
    },

    async putTask(task) {
      const meta = await table.get<ApplicationMeta>(metaKey(task.applicationId));
      const key = {
        ...taskKey(task.applicationId, task.stage),
        ...(meta ? { gsi1pk: gsi1pkTasks(meta.campaign), gsi1sk: gsi1skTask(task.stage, task.applicationId) } : {}),
      };
      await writeIdempotent(table, key, task, { idempotencyKey: task.taskToken }, 'always');
    },

    openTasks: (campaign) =>
      table.query<TaskRecord>({
        IndexName: 'byCampaignStatus',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1pkTasks(campaign) },
      }),

    getTask: (applicationId, stage) => table.get<TaskRecord>(taskKey(applicationId, stage)),

    deleteTask: (applicationId, stage, taskToken) =>
      table.delete(taskKey(applicationId, stage), {
        expression: 'taskToken = :token',
        values: { ':token': taskToken },
      }),
  };
}
