import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBundlePath } from '../../shared/completeness/checkBundlePath.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import { reportJson } from '../../shared/report/reportJson.js';
import { buildHostileCorpus, type HostileCase } from '../fixtures/hostile/hostileCorpus.js';

const work = mkdtempSync(path.join(tmpdir(), 'hostile-'));
const campaign = loadCampaign('2025');
const outcomes = new Map<string, { report: CompletenessReport } | { error: unknown }>();
let cases: HostileCase[] = [];

/** Runs every case through the real check (no OCR), two at a time; a throw is kept as the case's outcome. */
async function runAll(all: HostileCase[], concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < all.length) {
      const c = all[next++] as HostileCase;
      try {
        const report = await checkBundlePath(c.bundle, {
          campaign,
          receivedAt: '2025-08-15T10:00:00+08:00',
          ocr: false,
          ...(c.limits ? { extraction: { limits: c.limits } } : {}),
        });
        outcomes.set(c.name, { report });
      } catch (error) {
        outcomes.set(c.name, { error });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

// The corpus is built and checked once; each case then has its own test.
const ready = (async () => {
  cases = await buildHostileCorpus(path.join(work, 'corpus'));
  await runAll(cases, 2);
})();

beforeAll(() => ready, 120_000);
afterAll(async () => {
  await closeDefaultSandbox();
  // GNU rm walks a tree deeper than PATH_MAX (the long-path case); fs.rm does not.
  execFileSync('rm', ['-rf', work]);
});

const corpusNames = await (async () => {
  await ready;
  return cases.map((c) => c.name);
})();

describe('hostile bundles: every case ends in a report listing every entry, with its finding', () => {
  it('the corpus holds at least 60 cases', () => {
    expect(corpusNames.length).toBeGreaterThanOrEqual(60);
  });

  it.each(corpusNames)('%s', (name) => {
    const c = cases.find((x) => x.name === name) as HostileCase;
    const outcome = outcomes.get(name);
    if (!outcome || 'error' in outcome) throw outcome?.error ?? new Error('not run');
    const report = outcome.report;
    expect(report.files, 'every entry listed').toHaveLength(c.files);
    expect(report.summary.files).toBe(c.files);
    for (const want of c.expect) {
      if (want.file === undefined) {
        expect(
          report.findings.map((f) => f.code),
          `bundle finding ${want.code}`,
        ).toContain(want.code);
        continue;
      }
      const onEntry = report.files.filter((f) => f.path === want.file).flatMap((f) => f.findings.map((x) => x.code));
      const onBundle = report.findings.filter((f) => f.file === want.file).map((f) => f.code);
      expect([...onEntry, ...onBundle], `${want.code} on ${JSON.stringify(want.file)}`).toContain(want.code);
    }
    for (const listed of c.paths ?? []) expect(report.files.map((f) => f.path)).toContain(listed);
    if (c.notMaterial) {
      const entry = report.files.find((f) => f.path === c.notMaterial?.file);
      expect(entry, 'the entry is listed').toBeDefined();
      expect(entry?.material).not.toBe(c.notMaterial.material);
    }
    if (c.detected) expect(report.files.find((f) => f.path === c.detected?.file)?.detectedType).toBe(c.detected.type);
    for (const whole of c.intact ?? []) {
      const entry = report.files.find((f) => f.path === whole);
      expect(entry?.readable, `${whole} read whole`).toBe(true);
      expect(entry?.findings.map((f) => f.code)).not.toContain('FILE_UNREADABLE');
    }
    if (c.absent) expect(reportJson(report)).not.toContain(c.absent);
  });
});
