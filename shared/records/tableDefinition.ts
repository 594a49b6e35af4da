/**
 * The records table, described once for everyone who creates it: the CDK construct (infra/storage.ts must match),
 * the test harness (test/support/dynalite.ts) and the local runtime. Plain data in the shape of DynamoDB's
 * CreateTable input, so this file needs no AWS SDK import.
 */
export const recordsTableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** Applications of a campaign by track, status and stage. */
    byCampaignStatus: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Applications of a recommending unit, by campaign. */
    byRecommendingUnit: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

export type RecordsIndexName = keyof typeof recordsTableKeys.indexes;

/** The default table name for the local runtime and tests; on AWS the name comes from the environment. */
export const defaultRecordsTableName = 'award-records';

export interface RecordsTableDefinition {
  TableName: string;
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' }[];
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  BillingMode: 'PAY_PER_REQUEST';
  GlobalSecondaryIndexes: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' };
  }[];
}

/** CreateTable input for the records table (all attributes strings; GSIs project all attributes, as CDK does). */
export function recordsTableDefinition(tableName: string = defaultRecordsTableName): RecordsTableDefinition {
  const { partitionKey, sortKey, indexes } = recordsTableKeys;
  const indexEntries = Object.entries(indexes);
  const attributes = [partitionKey, sortKey, ...indexEntries.flatMap(([, i]) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    AttributeDefinitions: attributes.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: indexEntries.map(([IndexName, i]) => ({
      IndexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
