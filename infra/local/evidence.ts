import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LocalRuntime } from './localRuntime.js';
import { RefusedError } from './refusedError.js';

/**
 * Keeps an evidence file in the object store (`<AWARD_HOME>/objects/evidence/<sha256>-<name>`) and returns the
 * history's evidence reference.
 */
export function storeEvidence(runtime: LocalRuntime, file: string): { objectKey: string; sha256: string } {
  if (!existsSync(file)) throw new RefusedError(`no evidence file ${file}`);
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const objectKey = `evidence/${sha256.slice(0, 16)}-${basename(file)}`;
  mkdirSync(join(runtime.home.objects, 'evidence'), { recursive: true });
  const target = join(runtime.home.objects, objectKey);
  if (!existsSync(target)) copyFileSync(file, target);
  return { objectKey, sha256 };
}
