import type { ExpertRecord, RecordsRepository } from '../../shared/records/recordsRepository.js';
import { parseExpertPool, storeExpertPool } from '../local/expertPool.js';
import { defaultPoolId } from '../local/panelDrawRequest.js';
import type { UploadedFile } from './bundleIntake.js';

/** The expert pool the random panels are drawn from: who is in it, and loading a pool file (`award panel load`). */
export interface ExpertPoolBackend {
  experts(poolId: string): Promise<ExpertRecord[]>;
  /** Validates and stores a file of the default pool; an invalid one throws an Error naming the first field at fault. */
  loadExperts(file: UploadedFile): Promise<{ poolId: string; count: number }>;
}

/** Over any records repository: the local table and DynamoDB on AWS alike. */
export function expertPoolBackend(repo: RecordsRepository): ExpertPoolBackend {
  return {
    experts: (poolId) => repo.listExperts(poolId),
    async loadExperts(file) {
      const pool = parseExpertPool(Buffer.from(file.bytes).toString('utf8'), file.name);
      // Panels are drawn from the default pool: a file for another pool would load experts nobody draws.
      if (pool.poolId !== defaultPoolId)
        throw new Error(`poolId 应为 "${defaultPoolId}"（抽取专家所用的专家库），文件中为 "${pool.poolId}"`);
      return storeExpertPool(repo, pool);
    },
  };
}
