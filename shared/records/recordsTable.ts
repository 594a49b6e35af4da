import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createRecordsDocumentClient, type RecordsConnection } from './dynamoRecordsClient.js';
import { recordsTableDefinition } from './tableDefinition.js';

export interface ItemKey {
  pk: string;
  sk: string;
}

/** A condition (or update) expression with its names and values. */
export interface Expression {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export type TableQuery = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Attributes of the table's bookkeeping, never part of a record: keys, index keys and the write guard's. */
const bookkeeping = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'commandKey', 'commandSeq'] as const;

/** An item as the record it stores. */
export function recordOf<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const k of bookkeeping) delete copy[k];
  return copy as T;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/**
 * The single records table over DynamoDB's API (AWS, or dynalite when the connection names an endpoint): the few
 * operations the aggregate repositories are written in. Reads are consistent; a conditional write that loses returns
 * false rather than throwing. There is no scan.
 */
export class RecordsTable {
  readonly name: string;
  private readonly db: DynamoDBDocumentClient;

  constructor(connection: RecordsConnection, client?: DynamoDBDocumentClient) {
    this.name = connection.tableName;
    this.db = client ?? createRecordsDocumentClient(connection);
  }

  /**
   * Creates the table with the shared definition (local runtime and tests); an existing table is left alone. Returns
   * once the table is ACTIVE: dynalite answers "not found" to any request on a table still CREATING.
   */
  async ensure(): Promise<void> {
    const client = this.db as unknown as DynamoDBClient;
    const input = recordsTableDefinition(this.name) as CreateTableCommandInput;
    try {
      await client.send(new CreateTableCommand(input));
    } catch (error) {
      const inUse =
        error instanceof ResourceInUseException || (error instanceof Error && error.name === 'ResourceInUseException');
      if (!inUse) throw error;
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: this.name }));
      if (Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`records table ${this.name} did not become ACTIVE`);
  }

  /** The item as stored, bookkeeping attributes included. */
  async getItem(key: ItemKey): Promise<Record<string, unknown> | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true }));
    return out.Item;
  }

  async get<T>(key: ItemKey): Promise<T | undefined> {
    return recordOf<T>(await this.getItem(key));
  }

  /** Every page of a query, as records. */
  async query<T>(input: TableQuery): Promise<T[]> {
    const records: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(new QueryCommand({ ...input, TableName: this.name, ExclusiveStartKey: start }));
      for (const item of out.Items ?? []) records.push(recordOf<T>(item) as T);
      start = out.LastEvaluatedKey;
    } while (start);
    return records;
  }

  /** The items of one partition whose sort key starts with `prefix`, in sort-key order. */
  queryPrefix<T>(pk: string, prefix: string): Promise<T[]> {
    return this.query<T>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  /** Puts an item; with a condition, false when the condition does not hold (nothing written). */
  put(item: ItemKey & Record<string, unknown>, condition?: Expression): Promise<boolean> {
    return this.conditionally(() =>
      this.db.send(new PutCommand({ TableName: this.name, Item: item, ...conditionInput(condition) })),
    );
  }

  /** Updates an item; with a condition, false when the condition does not hold. */
  update(key: ItemKey, update: Expression, condition?: Expression): Promise<boolean> {
    const names = { ...update.names, ...condition?.names };
    const values = { ...update.values, ...condition?.values };
    return this.conditionally(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.name,
          Key: key,
          UpdateExpression: update.expression,
          ...(condition ? { ConditionExpression: condition.expression } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  /** Deletes an item; with a condition, false when the condition does not hold. */
  delete(key: ItemKey, condition?: Expression): Promise<boolean> {
    return this.conditionally(() =>
      this.db.send(new DeleteCommand({ TableName: this.name, Key: key, ...conditionInput(condition) })),
    );
  }

  private async conditionally(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function conditionInput(condition: Expression | undefined) {
  if (!condition) return {};
  return {
    ConditionExpression: condition.expression,
    ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
    ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
  };
}
