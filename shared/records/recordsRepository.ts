import type { Track } from '../campaign/track.js';
import type { HistoryAnchor } from '../history/historyAnchor.js';
import type { Evidence, HistoryEvent } from '../history/historyEvent.js';
import type { Stage } from '../workflow/stage.js';

/**
 * The records port: everything the domain reads or writes in the records table. Every read is a GetItem or a Query
 * (never a Scan); every write that could race is conditional. Adapters: `DynamoRecordsRepository` (AWS DynamoDB and
 * dynalite alike, by endpoint). Keys: see KEYS.md.
 */
export interface RecordsRepository {
  /**
   * Where each appended head is published, outside this table (S3 under Object Lock on AWS, an append-only file
   * locally); `appendDecided` publishes to it and history verification checks against it. Absent: not anchored.
   */
  readonly historyAnchor?: HistoryAnchor;

  // Bundles ---------------------------------------------------------------------------------------------------------
  /** Conditional put; false when the bundle already exists (nothing written). */
  putBundleIfAbsent(bundle: BundleRecord): Promise<boolean>;
  getBundle(bundleId: string): Promise<BundleRecord | undefined>;
  /** Records that the bundle registered this application (idempotent). */
  linkBundleApplication(bundleId: string, applicationId: string): Promise<void>;
  bundleApplicationIds(bundleId: string): Promise<string[]>;

  // History (source of truth) ---------------------------------------------------------------------------------------
  /** The last event of the history, or undefined when there is none. Strongly consistent. */
  headEvent(applicationId: string): Promise<HistoryEvent | undefined>;
  getEvent(applicationId: string, seq: number): Promise<HistoryEvent | undefined>;
  /** Events in seq order, those with seq > afterSeq. Strongly consistent. */
  listEvents(applicationId: string, afterSeq?: number): Promise<HistoryEvent[]>;
  /** Claims EVENT#<seq> with attribute_not_exists; false when another writer holds that seq. */
  putEventIfAbsent(event: HistoryEvent): Promise<boolean>;
  /** Recovery only: the event that carries this idempotency key (a Query of the partition with a filter). */
  findEventByIdempotencyKey(applicationId: string, idempotencyKey: string): Promise<HistoryEvent | undefined>;

  getIdempotency(applicationId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Conditional put of an IN_PROGRESS claim; false when a claim already exists. */
  claimIdempotency(applicationId: string, key: string, claimedAt: string): Promise<boolean>;
  /** Replaces a stale IN_PROGRESS claim, only if it still carries `staleClaimedAt`. */
  takeOverIdempotency(applicationId: string, key: string, staleClaimedAt: string, claimedAt: string): Promise<boolean>;
  completeIdempotency(applicationId: string, key: string, seq: number): Promise<void>;
  /** Removes an IN_PROGRESS claim that still carries `claimedAt` (the action failed before appending). */
  releaseIdempotency(applicationId: string, key: string, claimedAt: string): Promise<void>;

  // Application projection (META) -----------------------------------------------------------------------------------
  getApplication(applicationId: string): Promise<ApplicationMeta | undefined>;
  /** Writes META only if its version is still `expectedVersion` (undefined: META must not exist yet). */
  putApplicationIfVersion(meta: ApplicationMeta, expectedVersion: number | undefined): Promise<boolean>;
  /** byCampaignStatus GSI; filters narrow the sort-key prefix (stage needs status, status needs track). */
  applicationsOfCampaign(campaign: string, filter?: CampaignFilter): Promise<ApplicationMeta[]>;
  /** byRecommendingUnit GSI. */
  applicationsOfUnit(unitId: string, campaign?: string): Promise<ApplicationMeta[]>;

  // Pending human tasks ---------------------------------------------------------------------------------------------
  putTask(task: TaskRecord): Promise<void>;
  getTask(applicationId: string, stage: Stage): Promise<TaskRecord | undefined>;
  /** Deletes the task only if it still carries this token; false otherwise. */
  deleteTask(applicationId: string, stage: Stage, taskToken: string): Promise<boolean>;

  // Publicity windows and objections (projections of history events) ----------------------------------------------
  putWindow(window: WindowRecord): Promise<void>;
  getWindow(applicationId: string, stage: Stage): Promise<WindowRecord | undefined>;
  putObjection(objection: ObjectionRecord): Promise<void>;
  getObjection(applicationId: string, objectionId: string): Promise<ObjectionRecord | undefined>;
  listObjections(applicationId: string): Promise<ObjectionRecord[]>;

  // Panels and experts ----------------------------------------------------------------------------------------------
  /** Conditional put of the committed seed; false when a panel for that stage already exists. */
  putPanelIfAbsent(panel: PanelRecord): Promise<boolean>;
  /** Stores the drawn panel over its committed draft. */
  putPanel(panel: PanelRecord): Promise<void>;
  getPanel(applicationId: string, stage: Stage): Promise<PanelRecord | undefined>;
  putExpert(expert: ExpertRecord): Promise<void>;
  listExperts(poolId: string): Promise<ExpertRecord[]>;
  /** Every expert's workload at a stage of a campaign (one Query of the campaign partition), by expert id. */
  workloadAtStage(campaign: string, stage: Stage): Promise<Record<string, ExpertWorkload>>;
  /**
   * Seats an expert on a panel (`panel`: the application id) at a stage, in one conditional update: only while the
   * expert sits on fewer than `cap` panels there. True when the seat is held (taken now, or already this panel's);
   * false when the cap is reached. Concurrent draws can therefore never seat an expert beyond the cap.
   */
  reserveWorkload(campaign: string, stage: Stage, expertId: string, panel: string, cap: number): Promise<boolean>;
  /** Gives a seat back (conditional on the panel holding it; nothing happens otherwise). */
  releaseWorkload(campaign: string, stage: Stage, expertId: string, panel: string): Promise<void>;

  // Documents and reports (written by intake) -----------------------------------------------------------------------
  putDocument(document: DocumentRecord): Promise<void>;
  listDocuments(applicationId: string): Promise<DocumentRecord[]>;
  putReport(report: ReportRecord): Promise<void>;
  listReports(applicationId: string): Promise<ReportRecord[]>;

  // Campaign-wide ---------------------------------------------------------------------------------------------------
  /** Atomic counter (ADD): returns the incremented value. */
  nextCounter(campaign: string, name: string): Promise<number>;
  /** Counters whose name starts with `prefix` (a Query on the campaign partition). */
  countersWithPrefix(campaign: string, prefix: string): Promise<Record<string, number>>;
  /** Conditional put; false when this finalisation scope was already recorded. */
  putFinalisationIfAbsent(record: FinalisationRecord): Promise<boolean>;
  getFinalisation(campaign: string, scope: string): Promise<FinalisationRecord | undefined>;
}

/** Where the bundle came from: an S3 object version on AWS, the bytes' sha256 locally. */
export type BundleSource =
  | { kind: 's3'; bucket: string; key: string; versionId: string }
  | { kind: 'local'; sha256: string };

export interface BundleRecord {
  bundleId: string;
  source: BundleSource;
  campaign: string;
  unitId: string;
  unitName: string;
  receivedAt: string;
  applicationIds: string[];
}

export type ApplicationStatus = 'ACTIVE' | 'PAUSED' | 'AWARDED' | 'NOT_AWARDED';

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
  updatedAt: string;
}

export interface CampaignFilter {
  track?: Track;
  status?: ApplicationStatus;
  stage?: Stage;
}

export interface IdempotencyRecord {
  applicationId: string;
  key: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  claimedAt: string;
  seq?: number;
}

/** A pending human step: what is awaited and, on AWS, the Step Functions task token to complete. */
export interface TaskRecord {
  applicationId: string;
  stage: Stage;
  taskToken: string;
  awaiting: 'consultation' | 'decision' | 'publicity' | 'panel' | 'finalisation';
  createdAt: string;
}

export interface WindowRecord {
  applicationId: string;
  stage: Stage;
  opensAt: string;
  closesAt: string;
  /** First and last day, Asia/Shanghai calendar dates. */
  firstDay: string;
  lastDay: string;
  workingDays: number;
  openedSeq: number;
}

export type ObjectionStatus = 'OPEN' | 'NOT_ADMISSIBLE' | 'UPHELD' | 'DISMISSED';

export interface ObjectionRecord {
  applicationId: string;
  objectionId: string;
  stage: Stage;
  admissible: boolean;
  status: ObjectionStatus;
  lodgedAt: string;
  lodgedSeq: number;
  resolvedSeq?: number;
}

/** COMMITTED: the seed is fixed (its commitment is in the history) but not drawn; DRAWN: the result is recorded. */
export interface PanelRecord {
  applicationId: string;
  stage: Stage;
  status: 'COMMITTED' | 'DRAWN';
  poolId: string;
  seedCommitment: string;
  /** Kept out of the history until the draw reveals it. */
  seed: string;
  /** The pool exactly as it was drawn from, so an auditor can redo the draw. */
  poolSnapshot?: unknown[];
  poolHash?: string;
  algorithmVersion?: string;
  members?: string[];
  drawnSeq?: number;
}

export interface ExpertRecord {
  poolId: string;
  expertId: string;
  name: string;
  unit: string;
  /** Free-form expert attributes (industry group, declared conflicts, …). */
  attributes: Record<string, unknown>;
}

/** Panels an expert sits on at one stage: `count` of them, `panels` naming them (older items may only count). */
export interface ExpertWorkload {
  count: number;
  panels: string[];
}

export interface DocumentRecord {
  applicationId: string;
  documentId: string;
  materialType: string;
  objectKey: string;
  sha256: string;
  fields?: Record<string, unknown>;
  findings?: unknown[];
}

export interface ReportRecord {
  applicationId: string;
  n: number;
  objectKey: string;
  sha256: string;
  createdAt: string;
  evidence?: Evidence[];
}

export interface FinalisationRecord {
  campaign: string;
  scope: string;
  finalisedAt: string;
  actor: string;
  result: unknown;
}
