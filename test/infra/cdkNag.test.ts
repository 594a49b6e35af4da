import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aws_s3 as s3 } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createAwardApp } from '../../infra/awardApp.js';

interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string }[] }[];
}

const outdirs: string[] = [];
afterAll(async () => {
  await Promise.all(outdirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Synthesises the app and returns the AwsSolutions violations from the validation report. */
async function nagViolations(addToStack?: (stack: ReturnType<typeof createAwardApp>['stack']) => void) {
  const outdir = await mkdtemp(join(tmpdir(), 'award-nag-'));
  outdirs.push(outdir);
  // Lambda bundling skipped: cdk-nag reads the resources, not the code (the CLI synth test bundles for real).
  const { app, stack } = createAwardApp({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  addToStack?.(stack);
  let failed = false;
  try {
    app.synth();
  } catch {
    failed = true;
  }
  const report = JSON.parse(await readFile(join(outdir, 'validation-report.json'), 'utf8')) as Report;
  const violations = report.pluginReports
    .filter((r) => r.pluginName === 'AwsSolutions')
    .flatMap((r) => r.violations.map((v) => v.ruleName));
  return { failed, violations };
}

describe('cdk-nag AwsSolutions pack', () => {
  it('reports no unacknowledged finding on the stack', async () => {
    const { failed, violations } = await nagViolations();
    expect(violations).toEqual([]);
    expect(failed).toBe(false);
  });

  it('is really active: an unencrypted, unlogged bucket fails the synth', async () => {
    const { failed, violations } = await nagViolations((stack) => new s3.Bucket(stack, 'Careless'));
    expect(failed).toBe(true);
    expect(violations.some((v) => v.startsWith('AwsSolutions-S1'))).toBe(true);
  });
});
