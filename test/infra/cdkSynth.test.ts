import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let outdir = '';

afterAll(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

describe('npx cdk synth', () => {
  it('synthesises offline with no AWS credentials', async () => {
    outdir = await mkdtemp(join(tmpdir(), 'award-synth-'));
    const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };
    await run('npx', ['cdk', 'synth', '--no-notices', '--quiet', '--output', outdir], { env, timeout: 120_000 });
    const template = JSON.parse(await readFile(join(outdir, 'JilinQualityAward.template.json'), 'utf8'));
    expect(Object.values(template.Resources).map((r) => (r as { Type: string }).Type)).toContain(
      'AWS::DynamoDB::Table',
    );
  });
});
