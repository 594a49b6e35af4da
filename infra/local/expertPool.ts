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

/** The expert pool a file holds, validated; errors name the source and the first field at fault. */
export function parseExpertPool(text: string, source: string): z.infer<typeof ExpertPoolFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source}: not a JSON file`);
  }
  const parsed = ExpertPoolFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join('.') || '(file)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Reads and validates a pool file. */
export function readExpertPool(file: string): z.infer<typeof ExpertPoolFile> {
  if (!existsSync(file)) throw new Error(`no expert pool file ${file}`);
  return parseExpertPool(readFileSync(file, 'utf8'), file);
}

/** Stores every expert of the pool under `EXPERTPOOL#<poolId>` (a put per expert: loading twice changes nothing). */
export async function storeExpertPool(
  repo: RecordsRepository,
  pool: z.infer<typeof ExpertPoolFile>,
): Promise<{ poolId: string; count: number }> {
  for (const e of pool.experts) {
    const { id, name, unit, ...attributes } = e;
    await repo.putExpert({ poolId: pool.poolId, expertId: id, name, unit, attributes });
  }
  return { poolId: pool.poolId, count: pool.experts.length };
}

/** Loads a pool file (`award panel load`). */
export const loadExpertPool = (repo: RecordsRepository, file: string) => storeExpertPool(repo, readExpertPool(file));

/** The pool's experts; an empty default pool is seeded from the demo file first. */
export async function ensureExpertPool(repo: RecordsRepository, poolId: string): Promise<number> {
  const experts = await repo.listExperts(poolId);
  if (experts.length > 0 || poolId !== defaultPoolId || !existsSync(demoExpertsFile)) return experts.length;
  return (await loadExpertPool(repo, demoExpertsFile)).count;
}
