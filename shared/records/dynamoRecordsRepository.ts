import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { HistoryAnchor } from '../history/historyAnchor.js';
import type { HistoryEvent } from '../history/historyEvent.js';
import type { Stage } from '../workflow/stage.js';
import { createRecordsDocumentClient, type RecordsConnection } from './dynamoRecordsClient.js';
import {
  applicationPk,
  bundleApplicationSk,
  bundleApplicationSkPrefix,
  bundlePk,
  campaignPk,
  counterSk,
  documentSk,
  documentSkPrefix,
  eventSk,
  eventSkPrefix,
  expertPoolPk,
  expertSk,
  expertSkPrefix,
  finalisationSk,
  gsi1pk,
  gsi1sk,
  gsi2pk,
  gsi2sk,
  idempotencySk,
  metaSk,
  objectionSk,
  objectionSkPrefix,
  panelSk,
  reportSk,
  reportSkPrefix,
  taskSk,
  windowSk,
  workloadSk,
  workloadSkPrefix,
} from './keys.js';
import type {
  ApplicationMeta,
  BundleRecord,
  CampaignFilter,
  DocumentRecord,
  ExpertRecord,
  ExpertWorkload,
  FinalisationRecord,
  IdempotencyRecord,
  ObjectionRecord,
  PanelRecord,
  RecordsRepository,
  ReportRecord,
  TaskRecord,
  WindowRecord,
} from './recordsRepository.js';
import { recordsTableDefinition } from './tableDefinition.js';

const keyAttributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const k of keyAttributes) delete copy[k];
  return copy as T;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/** The records table over DynamoDB's API: AWS DynamoDB, or dynalite when the connection names an endpoint. */
export class DynamoRecordsRepository implements RecordsRepository {
  readonly tableName: string;
  readonly historyAnchor?: HistoryAnchor;
  private readonly db: DynamoDBDocumentClient;

  constructor(
    connection: RecordsConnection,
    client?: DynamoDBDocumentClient,
    options: { historyAnchor?: HistoryAnchor } = {},
  ) {
    this.tableName = connection.tableName;
    this.db = client ?? createRecordsDocumentClient(connection);
    if (options.historyAnchor) this.historyAnchor = options.historyAnchor;
  }

  /** Creates the table with the shared definition (local runtime and tests); an existing table is left alone. */
  async ensureTable(): Promise<void> {
    const input = recordsTableDefinition(this.tableName) as CreateTableCommandInput;
    try {
      await (this.db as unknown as DynamoDBClient).send(new CreateTableCommand(input));
    } catch (error) {
      if (
        error instanceof ResourceInUseException ||
        (error instanceof Error && error.name === 'ResourceInUseException')
      )
        return;
      throw error;
    }
  }

  private async putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
    return this.conditionalPut({
      TableName: this.tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  }

  private async conditionalPut(input: PutCommandInput): Promise<boolean> {
    try {
      await this.db.send(new PutCommand(input));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async put(item: Record<string, unknown>): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return strip<T>(out.Item);
  }

  private async query<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }),
      );
      for (const item of out.Items ?? []) items.push(strip<T>(item) as T);
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private queryPrefix<T>(pk: string, prefix: string): Promise<T[]> {
    return this.query<T>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  // Bundles
  putBundleIfAbsent(bundle: BundleRecord): Promise<boolean> {
    return this.putIfAbsent({ pk: bundlePk(bundle.bundleId), sk: metaSk, ...bundle });
  }

  getBundle(bundleId: string): Promise<BundleRecord | undefined> {
    return this.get<BundleRecord>(bundlePk(bundleId), metaSk);
  }

  async linkBundleApplication(bundleId: string, applicationId: string): Promise<void> {
    await this.put({ pk: bundlePk(bundleId), sk: bundleApplicationSk(applicationId), bundleId, applicationId });
  }

  async bundleApplicationIds(bundleId: string): Promise<string[]> {
    const links = await this.queryPrefix<{ applicationId: string }>(bundlePk(bundleId), bundleApplicationSkPrefix);
    return links.map((l) => l.applicationId);
  }

  // History
  async headEvent(applicationId: string): Promise<HistoryEvent | undefined> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': applicationPk(applicationId), ':prefix': eventSkPrefix },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return strip<HistoryEvent>(out.Items?.[0]);
  }

  getEvent(applicationId: string, seq: number): Promise<HistoryEvent | undefined> {
    return this.get<HistoryEvent>(applicationPk(applicationId), eventSk(seq));
  }

  listEvents(applicationId: string, afterSeq = 0): Promise<HistoryEvent[]> {
    return this.query<HistoryEvent>({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': applicationPk(applicationId),
        ':from': eventSk(afterSeq + 1),
        ':to': `${eventSkPrefix}\uffff`,
      },
      ConsistentRead: true,
    });
  }

  putEventIfAbsent(event: HistoryEvent): Promise<boolean> {
    return this.putIfAbsent({ pk: applicationPk(event.applicationId), sk: eventSk(event.seq), ...event });
  }

  async findEventByIdempotencyKey(applicationId: string, idempotencyKey: string): Promise<HistoryEvent | undefined> {
    const found = await this.query<HistoryEvent>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'idempotencyKey = :key',
      ExpressionAttributeValues: {
        ':pk': applicationPk(applicationId),
        ':prefix': eventSkPrefix,
        ':key': idempotencyKey,
      },
      ConsistentRead: true,
    });
    return found[0];
  }

  getIdempotency(applicationId: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.get<IdempotencyRecord>(applicationPk(applicationId), idempotencySk(key));
  }

  claimIdempotency(applicationId: string, key: string, claimedAt: string): Promise<boolean> {
    return this.putIfAbsent({
      pk: applicationPk(applicationId),
      sk: idempotencySk(key),
      applicationId,
      key,
      status: 'IN_PROGRESS',
      claimedAt,
    });
  }

  takeOverIdempotency(applicationId: string, key: string, staleClaimedAt: string, claimedAt: string): Promise<boolean> {
    return this.conditionalPut({
      TableName: this.tableName,
      Item: {
        pk: applicationPk(applicationId),
        sk: idempotencySk(key),
        applicationId,
        key,
        status: 'IN_PROGRESS',
        claimedAt,
      },
      ConditionExpression: '#s = :inProgress AND claimedAt = :stale',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':stale': staleClaimedAt },
    });
  }

  async completeIdempotency(applicationId: string, key: string, seq: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: applicationPk(applicationId), sk: idempotencySk(key) },
        UpdateExpression: 'SET #s = :done, seq = :seq',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':done': 'COMPLETED', ':seq': seq },
      }),
    );
  }

  async releaseIdempotency(applicationId: string, key: string, claimedAt: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: applicationPk(applicationId), sk: idempotencySk(key) },
          ConditionExpression: '#s = :inProgress AND claimedAt = :claimedAt',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':claimedAt': claimedAt },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  // Projection
  getApplication(applicationId: string): Promise<ApplicationMeta | undefined> {
    return this.get<ApplicationMeta>(applicationPk(applicationId), metaSk);
  }

  putApplicationIfVersion(meta: ApplicationMeta, expectedVersion: number | undefined): Promise<boolean> {
    const item = {
      pk: applicationPk(meta.applicationId),
      sk: metaSk,
      gsi1pk: gsi1pk(meta.campaign),
      gsi1sk: gsi1sk(meta.track, meta.status, meta.stage, meta.applicationId),
      gsi2pk: gsi2pk(meta.unitId),
      gsi2sk: gsi2sk(meta.campaign, meta.applicationId),
      ...meta,
    };
    if (expectedVersion === undefined)
      return this.conditionalPut({
        TableName: this.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    return this.conditionalPut({
      TableName: this.tableName,
      Item: item,
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    });
  }

  applicationsOfCampaign(campaign: string, filter: CampaignFilter = {}): Promise<ApplicationMeta[]> {
    const parts: string[] = [];
    if (filter.track) {
      parts.push(filter.track);
      if (filter.status) {
        parts.push(filter.status);
        if (filter.stage) parts.push(filter.stage);
      }
    }
    if ((filter.status && !filter.track) || (filter.stage && !filter.status))
      throw new TypeError('applicationsOfCampaign: a status filter needs a track, a stage filter needs a status');
    const prefix = parts.length ? `${parts.join('#')}#` : '';
    return this.query<ApplicationMeta>({
      IndexName: 'byCampaignStatus',
      KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: prefix ? { ':pk': gsi1pk(campaign), ':prefix': prefix } : { ':pk': gsi1pk(campaign) },
    });
  }

  applicationsOfUnit(unitId: string, campaign?: string): Promise<ApplicationMeta[]> {
    return this.query<ApplicationMeta>({
      IndexName: 'byRecommendingUnit',
      KeyConditionExpression: campaign ? 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)' : 'gsi2pk = :pk',
      ExpressionAttributeValues: campaign
        ? { ':pk': gsi2pk(unitId), ':prefix': `CAMPAIGN#${campaign}#` }
        : { ':pk': gsi2pk(unitId) },
    });
  }

  // Tasks
  async putTask(task: TaskRecord): Promise<void> {
    await this.put({ pk: applicationPk(task.applicationId), sk: taskSk(task.stage), ...task });
  }

  getTask(applicationId: string, stage: Stage): Promise<TaskRecord | undefined> {
    return this.get<TaskRecord>(applicationPk(applicationId), taskSk(stage));
  }

  async deleteTask(applicationId: string, stage: Stage, taskToken: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: applicationPk(applicationId), sk: taskSk(stage) },
          ConditionExpression: 'taskToken = :token',
          ExpressionAttributeValues: { ':token': taskToken },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  // Windows and objections
  async putWindow(window: WindowRecord): Promise<void> {
    await this.put({ pk: applicationPk(window.applicationId), sk: windowSk(window.stage), ...window });
  }

  getWindow(applicationId: string, stage: Stage): Promise<WindowRecord | undefined> {
    return this.get<WindowRecord>(applicationPk(applicationId), windowSk(stage));
  }

  async putObjection(objection: ObjectionRecord): Promise<void> {
    await this.put({
      pk: applicationPk(objection.applicationId),
      sk: objectionSk(objection.objectionId),
      ...objection,
    });
  }

  getObjection(applicationId: string, objectionId: string): Promise<ObjectionRecord | undefined> {
    return this.get<ObjectionRecord>(applicationPk(applicationId), objectionSk(objectionId));
  }

  listObjections(applicationId: string): Promise<ObjectionRecord[]> {
    return this.queryPrefix<ObjectionRecord>(applicationPk(applicationId), objectionSkPrefix);
  }

  // Panels and experts
  putPanelIfAbsent(panel: PanelRecord): Promise<boolean> {
    return this.putIfAbsent({ pk: applicationPk(panel.applicationId), sk: panelSk(panel.stage), ...panel });
  }

  async putPanel(panel: PanelRecord): Promise<void> {
    await this.put({ pk: applicationPk(panel.applicationId), sk: panelSk(panel.stage), ...panel });
  }

  getPanel(applicationId: string, stage: Stage): Promise<PanelRecord | undefined> {
    return this.get<PanelRecord>(applicationPk(applicationId), panelSk(stage));
  }

  async putExpert(expert: ExpertRecord): Promise<void> {
    await this.put({ pk: expertPoolPk(expert.poolId), sk: expertSk(expert.expertId), ...expert });
  }

  listExperts(poolId: string): Promise<ExpertRecord[]> {
    return this.queryPrefix<ExpertRecord>(expertPoolPk(poolId), expertSkPrefix);
  }

  async workloadAtStage(campaign: string, stage: Stage): Promise<Record<string, ExpertWorkload>> {
    const prefix = workloadSkPrefix(stage);
    const items = await this.queryPrefix<{ name?: string; value?: number; panels?: Set<string> }>(
      campaignPk(campaign),
      prefix,
    );
    // `name` is the sort key without COUNTER#: workload:<stage>:<expertId>.
    const namePrefix = prefix.slice('COUNTER#'.length);
    return Object.fromEntries(
      items.map((i) => [
        String(i.name).slice(namePrefix.length),
        { count: Number(i.value ?? 0), panels: i.panels instanceof Set ? [...i.panels].map(String).sort() : [] },
      ]),
    );
  }

  async reserveWorkload(
    campaign: string,
    stage: Stage,
    expertId: string,
    panel: string,
    cap: number,
  ): Promise<boolean> {
    const key = { pk: campaignPk(campaign), sk: workloadSk(stage, expertId) };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'ADD #v :one, panels :panel SET #n = :name',
          ConditionExpression: '(attribute_not_exists(#v) OR #v < :cap) AND NOT contains(panels, :id)',
          ExpressionAttributeNames: { '#v': 'value', '#n': 'name' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':panel': new Set([panel]),
            ':id': panel,
            ':cap': cap,
            ':name': String(key.sk).slice('COUNTER#'.length),
          },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const held = await this.get<{ panels?: Set<string> }>(key.pk, key.sk);
    return held?.panels instanceof Set && held.panels.has(panel);
  }

  async releaseWorkload(campaign: string, stage: Stage, expertId: string, panel: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: campaignPk(campaign), sk: workloadSk(stage, expertId) },
          UpdateExpression: 'ADD #v :minusOne DELETE panels :panel',
          ConditionExpression: 'contains(panels, :id)',
          ExpressionAttributeNames: { '#v': 'value' },
          ExpressionAttributeValues: { ':minusOne': -1, ':panel': new Set([panel]), ':id': panel },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  // Documents and reports
  async putDocument(document: DocumentRecord): Promise<void> {
    await this.put({ pk: applicationPk(document.applicationId), sk: documentSk(document.documentId), ...document });
  }

  listDocuments(applicationId: string): Promise<DocumentRecord[]> {
    return this.queryPrefix<DocumentRecord>(applicationPk(applicationId), documentSkPrefix);
  }

  async putReport(report: ReportRecord): Promise<void> {
    await this.put({ pk: applicationPk(report.applicationId), sk: reportSk(report.n), ...report });
  }

  listReports(applicationId: string): Promise<ReportRecord[]> {
    return this.queryPrefix<ReportRecord>(applicationPk(applicationId), reportSkPrefix);
  }

  // Campaign-wide
  async nextCounter(campaign: string, name: string): Promise<number> {
    const out = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: campaignPk(campaign), sk: counterSk(name) },
        UpdateExpression: 'ADD #v :one SET #n = :name',
        ExpressionAttributeNames: { '#v': 'value', '#n': 'name' },
        ExpressionAttributeValues: { ':one': 1, ':name': name },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.value);
  }

  async countersWithPrefix(campaign: string, prefix: string): Promise<Record<string, number>> {
    const items = await this.queryPrefix<{ name?: string; value: number }>(campaignPk(campaign), counterSk(prefix));
    return Object.fromEntries(items.map((i) => [String(i.name), Number(i.value)]));
  }

  putFinalisationIfAbsent(record: FinalisationRecord): Promise<boolean> {
    return this.putIfAbsent({ pk: campaignPk(record.campaign), sk: finalisationSk(record.scope), ...record });
  }

  getFinalisation(campaign: string, scope: string): Promise<FinalisationRecord | undefined> {
    return this.get<FinalisationRecord>(campaignPk(campaign), finalisationSk(scope));
  }
}
