import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HistoryAnchor } from '../domain/history/historyAnchor.js';
import { applicationRecords } from './applicationRecords.js';
import { bundleRecords } from './bundleRecords.js';
import { campaignRecords } from './campaignRecords.js';
import type { RecordsConnection } from './dynamoRecordsClient.js';
import { expertPoolRecords } from './expertPoolRecords.js';
import { historyRecords } from './historyRecords.js';
import { panelRecords } from './panelRecords.js';
import { publicityRecords } from './publicityRecords.js';
import type { RecordsRepository } from './recordsRepository.js';
import { RecordsTable } from './recordsTable.js';

type AggregateRecords = Omit<RecordsRepository, 'historyAnchor'>;

/** Every aggregate repository over one table, as one object (the methods are closures: no `this` to lose). */
const Aggregates = class {
  constructor(table: RecordsTable) {
    Object.assign(
      this,
      bundleRecords(table),
      historyRecords(table),
      applicationRecords(table),
      publicityRecords(table),
      panelRecords(table),
      expertPoolRecords(table),
      campaignRecords(table),
    );
  }
} as new (
  table: RecordsTable,
) => AggregateRecords;

/** The records port over DynamoDB's API: AWS DynamoDB, or dynalite when the connection names an endpoint. */
export class DynamoRecordsRepository extends Aggregates implements RecordsRepository {
  readonly tableName: string;
  readonly historyAnchor?: HistoryAnchor;
  private readonly table: RecordsTable;

  constructor(
    connection: RecordsConnection,
    client?: DynamoDBDocumentClient,
    options: { historyAnchor?: HistoryAnchor } = {},
  ) {
    const table = new RecordsTable(connection, client);
    super(table);
    this.table = table;
    this.tableName = table.name;
    if (options.historyAnchor) this.historyAnchor = options.historyAnchor;
  }

  /** Creates the table with the shared definition (local runtime and tests); an existing table is left alone. */
  ensureTable(): Promise<void> {
    return this.table.ensure();
  }
}
