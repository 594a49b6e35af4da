import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { defaultRecordsTableName } from './tableDefinition.js';

/** Where the records table is: AWS (no endpoint) or a local DynamoDB API such as dynalite (endpoint given). */
export interface RecordsConnection {
  tableName: string;
  endpoint?: string;
  region?: string;
}

/** Reads RECORDS_TABLE, RECORDS_ENDPOINT and AWS_REGION once. */
export function recordsConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): RecordsConnection {
  return {
    tableName: env.RECORDS_TABLE ?? defaultRecordsTableName,
    endpoint: env.RECORDS_ENDPOINT || undefined,
    region: env.AWS_REGION || undefined,
  };
}

export function createRecordsDocumentClient(connection: RecordsConnection): DynamoDBDocumentClient {
  const local = connection.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: connection.region ?? (local ? 'local' : undefined),
    endpoint: connection.endpoint,
    // A local DynamoDB API accepts any credentials; AWS uses the default provider chain.
    credentials: local ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
    maxAttempts: local ? 2 : undefined,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
