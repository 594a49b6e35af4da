import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The bin as a user runs it, in a Node process where tsx cannot be imported and no TypeScript file can be loaded
// (moduleGuard.mjs), logging which packages each command imports.
const bin = path.resolve('infra/cli/award.mjs');
const guard = path.resolve('test/cli/moduleGuard.mjs');
const firstExample = readdirSync('examples')
  .filter((f) => /\.(zip|iso)$/i.test(f))
  .sort()[0] as string;
/** Never needed to print the usage; each of them takes from tens to hundreds of milliseconds to load. */
const heavy = [
  'tesseract.js',
  '@napi-rs/canvas',
  'pdf-parse',
  'mammoth',
  'word-extractor',
  '@e965/xlsx',
  'aws-cdk-lib',
  'cdk-nag',
  'constructs',
  'dynalite',
  'aws-local-stepfunctions',
  '@aws-sdk/client-dynamodb',
  'esbuild',
];
let dir: string;
let n = 0;

function guardedAward(...args: string[]) {
  const log = path.join(dir, `modules-${n++}.txt`);
  const run = spawnSync(process.execPath, ['--import', guard, bin, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, AWARD_MODULE_LOG: log, AWARD_HOME: path.join(dir, 'home'), NODE_OPTIONS: '' },
  });
  let packages: string[] = [];
  try {
    packages = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
  } catch {}
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, packages };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'award-bin-'));
  // Brings dist/ up to date once, before the guarded runs (the bin would, but then esbuild shows in the log).
  const build = spawnSync(process.execPath, ['infra/buildCli.mjs', '--if-stale'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the compiled award bin', () => {
  it('prints its usage with tsx and TypeScript refused, importing none of the heavy packages', () => {
    const run = guardedAward('--help');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法: award <命令>');
    expect(run.stdout).toContain('submit');
    expect(run.packages.filter((p) => heavy.includes(p))).toEqual([]);
  });

  it(`checks ${firstExample} with --no-ocr with tsx and TypeScript refused, loading neither OCR nor the local runtime`, () => {
    const run = guardedAward('check', path.join('examples', firstExample), '--no-ocr');
    expect(run.stderr).not.toContain('refused');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('材料完整');
    const runtimeOnly = ['tesseract.js', 'aws-cdk-lib', 'cdk-nag', 'dynalite', 'aws-local-stepfunctions', 'esbuild'];
    expect(run.packages.filter((p) => runtimeOnly.includes(p))).toEqual([]);
  });

  // Also shows that the module log works: the assertions above that a package was not imported are not vacuous.
  it('a local-runtime command still runs compiled (its runtime loaded when the command needs it)', () => {
    const run = guardedAward('clock', 'show');
    expect(run.stderr).not.toContain('refused');
    expect(run.code).toBe(0);
    expect(run.packages).toContain('dynalite');
  }, 120_000);

  it('dist/ imports tsx nowhere', () => {
    const built = readdirSync('dist').filter((f) => f.endsWith('.mjs'));
    expect(built).toContain('award.mjs');
    expect(built).toContain('parserWorker.mjs');
    for (const file of built)
      expect(readFileSync(path.join('dist', file), 'utf8'), file).not.toMatch(/\bfrom\s*["']tsx|import\(["']tsx/);
  });
});
