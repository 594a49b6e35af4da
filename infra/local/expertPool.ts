import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Expert } from '../../shared/domain/panel/expert.js';
import type { RecordsRepository } from '../../shared/records/recordsRepository.js';
import { repoRoot } from '../repoRoot.js';
import { defaultPoolId } from './panelDrawRequest.js';

/** An expert pool file: `{poolId, experts: [...]}` (examples/experts.json is a demo pool). */
export const ExpertPoolFile = z.object({ poolId: z.string().min(1), experts: z.array(Expert).min(1) });

export const demoExpertsFile = join(repoRoot, 'examples', 'experts.json');
export { defaultPoolId };

/** Reads and validates a pool file; errors name the file and the first field at fault. */
export function readExpertPool(file: string): z.infer<typeof ExpertPoolFile> {
  if (!existsSync(file)) throw new Error(`no expert pool file ${file}`);
  const parsed = ExpertPoolFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(file)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Stores every expert of the file under `EXPERTPOOL#<poolId>` (a put per expert: loading twice changes nothing). */
export async function loadExpertPool(
  repo: RecordsRepository,
  file: string,
): Promise<{ poolId: string; count: number }> {
  const pool = readExpertPool(file);
  for (const e of pool.experts) {
    const { id, name, unit, ...attributes } = e;
    await repo.putExpert({ poolId: pool.poolId, expertId: id, name, unit, attributes });
  }
  return { poolId: pool.poolId, count: pool.experts.length };
}

/** The pool's experts; an empty default pool is seeded from the demo file first. */
export async function ensureExpertPool(repo: RecordsRepository, poolId: string): Promise<number> {
  const experts = await repo.listExperts(poolId);
  if (experts.length > 0 || poolId !== defaultPoolId || !existsSync(demoExpertsFile)) return experts.length;
  return (await loadExpertPool(repo, demoExpertsFile)).count;
}
