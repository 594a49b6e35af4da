import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Every AWARD_HOME of this machine shares the synthesised definitions too: content-addressed, so never stale. */
const machineCache = join(tmpdir(), 'award-definitions');

function readCached(file: string): LocalDefinitions | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalDefinitions;
  } catch {
    return undefined;
  }
}

/** Written aside and renamed: another process reading the cache never sees half a file. */
function writeCached(dir: string, name: string, definitions: LocalDefinitions): void {
  mkdirSync(dir, { recursive: true });
  const aside = join(dir, `${name}.${process.pid}.tmp`);
  writeFileSync(aside, JSON.stringify(definitions));
  renameSync(aside, join(dir, name));
}

/**
 * The Intake and Project definitions of the CDK synthesis (infra/localContract.ts), cached under
 * `<AWARD_HOME>/definitions/<fingerprint>.json` and in the machine's temporary folder: a synthesis takes seconds, and
 * the cache is keyed on the sources it reads, so a changed definition is synthesised again.
 */
export async function localDefinitions(definitionsDir: string): Promise<LocalDefinitions> {
  const name = `${definitionsFingerprint()}.json`;
  const own = readCached(join(definitionsDir, name));
  if (own) return own;
  const shared = readCached(join(machineCache, name));
  const definitions = shared ?? (await quietSynth());
  if (!shared) {
    try {
      writeCached(machineCache, name, definitions);
    } catch {
      // A temporary folder that cannot be written only costs the next fresh AWARD_HOME a synthesis.
    }
  }
  writeCached(definitionsDir, name, definitions);
  return definitions;
}
