import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultBundleLimits } from '../../shared/bundle/bundleLimits.js';
import { readZipArchive } from '../../shared/bundle/zipBundle.js';
import { closeSharedOcrEngine } from '../../shared/ocr/recognise.js';
import { closeSharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { createHarness } from '../e2e/localHarness.js';

afterAll(async () => {
  await Promise.all([closeSharedOcrEngine(), closeSharedPdfPageRenderer()]);
});

/** The example zip unpacked into a folder: a folder bundle goes through the direct intake (submitBundleDirect). */
async function exampleFolder(example: string): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'direct-intake-')), example);
  await readZipArchive(
    { path: `examples/${example}.zip` },
    async (entry) => {
      if (!entry.bytes) return;
      await mkdir(dirname(join(folder, entry.path)), { recursive: true });
      await writeFile(join(folder, entry.path), entry.bytes);
    },
    { prefix: '', depth: 0, limits: defaultBundleLimits, tally: { entries: 0, totalBytes: 0 } },
  );
  return folder;
}

describe('award submit of a folder bundle (the direct intake)', () => {
  it('OCRs its scans: the unsealed scanned consent and the certificate scan with another credit code are findings', async () => {
    const h = await createHarness({ ocr: true });
    const clock = await h.award('clock', 'set', '2025-08-15T10:00:00+08:00');
    expect(clock.err).toBe('');
    const submitted = await h.award(
      'submit',
      await exampleFolder('qm-org-defects'),
      '--unit',
      'changchun-amr',
      '--json',
    );
    expect(submitted.code).toBe(0);
    const { reportPath } = JSON.parse(submitted.out) as { reportPath: string };
    const report = parseReportJson(await readFile(reportPath, 'utf8'));
    const findings = report.applications.flatMap((a) => a.findings);
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'DECLASSIFICATION_CONSENT_INCOMPLETE',
        field: 'applicant.declassificationConsent.signatureOrSeal',
      }),
    );
    expect(findings).toContainEqual(expect.objectContaining({ code: 'CREDIT_CODE_MISMATCH', severity: 'blocking' }));
    expect(report.files.find((f) => f.path.endsWith('统一社会信用代码证书.pdf'))?.ocr).toBeDefined();
  });
});
