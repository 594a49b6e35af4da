import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createRecordsDocumentClient, type RecordsConnection } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import { defaultRecordsTableName } from '../../shared/records/tableDefinition.js';

export interface LocalRecords {
  connection: RecordsConnection;
  repository: DynamoRecordsRepository;
  /** A raw document client on the same table, for tests that tamper with items directly. */
  client: ReturnType<typeof createRecordsDocumentClient>;
  stop(): Promise<void>;
}

/**
 * Starts dynalite in this process (in memory, a random port on 127.0.0.1) and creates the records table with the
 * shared definition (same keys and GSIs as infra/storage.ts). One per test file: call in beforeAll, stop in afterAll.
 */
export async function startLocalRecords(tableName: string = defaultRecordsTableName): Promise<LocalRecords> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const connection: RecordsConnection = { tableName, endpoint: `http://127.0.0.1:${port}`, region: 'local' };
  const client = createRecordsDocumentClient(connection);
  const repository = new DynamoRecordsRepository(connection, client);
  await repository.ensureTable();
  return {
    connection,
    repository,
    client,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
