import type { HistoryAnchor } from '../domain/history/historyAnchor.js';
import type { ApplicationRecords } from './applicationRecords.js';
import type { BundleRecords } from './bundleRecords.js';
import type { CampaignRecords } from './campaignRecords.js';
import type { ExpertPoolRecords } from './expertPoolRecords.js';
import type { HistoryRecords } from './historyRecords.js';
import type { PanelRecords } from './panelRecords.js';
import type { PublicityRecords } from './publicityRecords.js';

export type { ApplicationMeta, ApplicationStatus, CampaignFilter, TaskRecord } from './applicationRecords.js';
export type { BundleRecord, BundleSource, DocumentRecord, ReportRecord } from './bundleRecords.js';
export type { FinalisationRecord } from './campaignRecords.js';
export type { ExpertRecord, ExpertWorkload } from './expertPoolRecords.js';
export type { IdempotencyRecord } from './historyRecords.js';
export type { WriteCommand, WriteOutcome } from './idempotentWrite.js';
export type { PanelRecord } from './panelRecords.js';
export type { ObjectionRecord, ObjectionStatus, WindowRecord } from './publicityRecords.js';

/**
 * The records port: everything the domain reads or writes in the single records table, one repository per aggregate
 * (each in its own file, all writing through `writeIdempotent`, so a replayed command is a no-op whatever the
 * aggregate). Every read is a GetItem or a Query (never a Scan). Adapter: `DynamoRecordsRepository` (AWS DynamoDB and
 * dynalite alike, by endpoint). Keys and access patterns: KEYS.md.
 */
export interface RecordsRepository
  extends BundleRecords,
    HistoryRecords,
    ApplicationRecords,
    PublicityRecords,
    PanelRecords,
    ExpertPoolRecords,
    CampaignRecords {
  /**
   * Where each appended head is published, outside this table (S3 under Object Lock on AWS, an append-only file
   * locally); `appendDecided` publishes to it and history verification checks against it. Absent: not anchored.
   */
  readonly historyAnchor?: HistoryAnchor;
}
