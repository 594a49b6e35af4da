// Complete bundles whose Word files went once through a real converter (LibreOffice headless: PDF, Word 97 .doc,
// re-saved .docx, a printed page "scanned" to JPEG) — committed under test/fixtures/converted/, made by
// convertWithLibreOffice.ts. Expectations are the notice's: complete bundles, every key fact read.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBundlePathDetailed } from '../../shared/completeness/checkBundlePath.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { closeSharedOcrEngine } from '../../shared/ocr/recognise.js';
import { closeSharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';

const converted = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/converted');
const campaign = loadCampaign('2025');

afterAll(() => Promise.all([closeDefaultSandbox(), closeSharedOcrEngine(), closeSharedPdfPageRenderer()]));

async function check(name: string, receivedAt: string): Promise<CompletenessReport> {
  return (await checkBundlePathDetailed(path.join(converted, name), { campaign, receivedAt })).report;
}

const blocking = (report: CompletenessReport) =>
  [...report.findings, ...report.recommendingUnit.findings, ...report.applications.flatMap((a) => a.findings)]
    .filter((f) => f.severity === 'blocking')
    .map((f) => `${f.code} ${f.field ?? ''} ${f.file ?? ''}: ${f.message}`);

const reviewCodes = (report: CompletenessReport) =>
  [...report.findings, ...report.recommendingUnit.findings, ...report.applications.flatMap((a) => a.findings)]
    .filter((f) => f.severity === 'review')
    .map((f) => `${f.code} ${f.field ?? ''}`);

describe('bundles converted by LibreOffice (files this repository did not write)', () => {
  it('QM organisation: Word→PDF forms and letter, .doc 汇总表 and 自评报告, one-table 征求意见表 as PDF, a JPEG scan of the licence → complete', async () => {
    const report = await check('qm-org-libreoffice', '2025-08-15T10:00:00+08:00');
    expect(blocking(report)).toEqual([]);
    expect(reviewCodes(report)).toEqual([]);
    expect(report.applications).toHaveLength(1);
    expect(report.applications[0]?.applicant).toMatchObject({
      name: '吉林省长白精工机械有限公司',
      creditCode: '91220101MA17XK3Q5B',
    });
    expect(report.recommendingUnit.name).toBe('长春市市场监督管理局');
  });

  it('QM individual: re-saved .docx 申报表, .doc letter, one-table 征求意见表 as PDF → complete', async () => {
    const report = await check('qm-ind-libreoffice', '2025-08-15T10:00:00+08:00');
    expect(blocking(report)).toEqual([]);
    expect(reviewCodes(report)).toEqual([]);
    expect(report.applications).toHaveLength(1);
    expect(report.applications[0]?.applicant).toMatchObject({ name: '赵立新', employer: '吉林省长白精工机械有限公司' });
  });

  it('SI: every material a LibreOffice PDF, drafters table with wrapped cells → complete; only the drafters’ unit type is left to review', async () => {
    const report = await check('si-libreoffice', '2025-08-28T10:00:00+08:00');
    expect(blocking(report)).toEqual([]);
    // The drafters' unit type is on no document of this bundle (SPEC §6): one review finding per drafter.
    expect(reviewCodes(report).sort()).toEqual([
      'CONSULTATION_MISSING consultation.drafters.0.ownershipType',
      'CONSULTATION_MISSING consultation.drafters.1.ownershipType',
    ]);
    expect(report.applications).toHaveLength(1);
    expect(report.applications[0]?.applicant).toMatchObject({
      standardNumber: 'GB/T 39876—2021',
      applicantUnit: '吉林省标准化研究院',
    });
  });
});
