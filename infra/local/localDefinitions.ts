import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LocalDefinitions } from '../localContract.js';
import { repoRoot } from '../repoRoot.js';

/** What the synthesised definitions depend on: the CDK app, the stage model, the handler entries present. */
const sources = ['infra', 'shared/domain/track', 'shared/workflow/workflowErrors.ts', 'functions/workflow'];
const skipped = new Set(['infra/local', 'infra/cli', 'infra/demo']);

function files(path: string): string[] {
  const full = join(repoRoot, path);
  if (skipped.has(path) || !existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(relative(repoRoot, join(full, name))));
}

/** sha256 over the paths and contents of the sources the synthesis reads. */
export function definitionsFingerprint(): string {
  const hash = createHash('sha256');
  for (const path of sources.flatMap(files)) hash.update(`${path}\0`).update(readFileSync(join(repoRoot, path)));
  return hash.digest('hex').slice(0, 24);
}

/**
 * Runs the CDK synthesis with its console output (validation warnings about pending handlers) held back. The CDK is
 * loaded only here: a runtime whose definitions are cached never loads it.
 */
async function quietSynth(): Promise<LocalDefinitions> {
  const { synthesisedDefinitions } = await import('../localContract.js');
  const write = { out: process.stdout.write, err: process.stderr.write };
  const swallow = (() => true) as typeof process.stdout.write;
  process.stdout.write = swallow;
  process.stderr.write = swallow;
  try {
    return synthesisedDefinitions();
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

/**
 * The Intake and Project definitions of the CDK synthesis (infra/localContract.ts), cached under
 * `<AWARD_HOME>/definitions/<fingerprint>.json`: a synthesis takes seconds, and the cache is keyed on the sources it
 * reads, so a changed definition is synthesised again.
 */
export async function localDefinitions(definitionsDir: string): Promise<LocalDefinitions> {
  const file = join(definitionsDir, `${definitionsFingerprint()}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalDefinitions;
  const definitions = await quietSynth();
  // Written aside and renamed: another process reading the cache never sees half a file.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, JSON.stringify(definitions));
  renameSync(aside, file);
  return definitions;
}
