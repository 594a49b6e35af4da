import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import type { HistoryAnchor } from '../../shared/domain/history/historyAnchor.js';
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time on a LevelDB folder: a second dynalite on a locked folder does not fail its start, it throws
 * from inside a callback later. So a lock file (`<path>.lock`, the holder's pid) is taken first; a lock left by a
 * process that no longer runs is taken over.
 */
function takeLock(path: string): () => void {
  const file = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        throw new AwardHomeBusy(`the records under ${path} are in use by another award process (pid ${holder})`);
      rmSync(file, { force: true });
    }
  }
  throw new AwardHomeBusy(`could not lock ${path}`);
}

/**
 * dynalite in this process with its data in LevelDB under `path` (its `path` option), on a random port of
 * 127.0.0.1; the records table is created from `recordsTableDefinition` on first start (`ensureTable`).
 */
export async function startLocalRecordsServer(
  path: string,
  tableName: string = defaultRecordsTableName,
  options: { historyAnchor?: HistoryAnchor } = {},
): Promise<LocalRecordsServer> {
  const release = takeLock(path);
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const connection: RecordsConnection = { tableName, endpoint: `http://127.0.0.1:${port}`, region: 'local' };
  const client = createRecordsDocumentClient(connection);
  const repository = new DynamoRecordsRepository(connection, client, options);
  const stop = async () => {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    release();
  };
  try {
    await repository.ensureTable();
  } catch (error) {
    await stop();
    throw error;
  }
  return { connection, repository, stop };
}
