import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createRecordsDocumentClient, type RecordsConnection } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import { defaultRecordsTableName } from '../../shared/records/tableDefinition.js';

export interface LocalRecordsServer {
  connection: RecordsConnection;
  repository: DynamoRecordsRepository;
  stop(): Promise<void>;
}

/** Another process holds the LevelDB lock of this AWARD_HOME. */
export class AwardHomeBusy extends Error {
  override readonly name = 'AwardHomeBusy';
}

/**
 * dynalite in this process with its data in LevelDB under `path` (its `path` option), on a random port of
 * 127.0.0.1; the records table is created from `recordsTableDefinition` on first start (`ensureTable`).
 */
export async function startLocalRecordsServer(
  path: string,
  tableName: string = defaultRecordsTableName,
): Promise<LocalRecordsServer> {
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const connection: RecordsConnection = { tableName, endpoint: `http://127.0.0.1:${port}`, region: 'local' };
  const client = createRecordsDocumentClient(connection);
  const repository = new DynamoRecordsRepository(connection, client);
  const stop = async () => {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    await repository.ensureTable();
  } catch (error) {
    await stop();
    const text = `${error instanceof Error ? error.message : String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`;
    if (/lock|LEVEL_DATABASE_NOT_OPEN|LEVEL_LOCKED/i.test(text))
      throw new AwardHomeBusy(`the records under ${path} are in use by another award process`);
    throw error;
  }
  return { connection, repository, stop };
}
