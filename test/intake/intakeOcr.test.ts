import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  intakeOcrOptions,
  OcrConfigurationError,
  PdfRenderingOff,
  pdfRenderingOffMessage,
} from '../../shared/intake/intakeOcrOptions.js';
import { defaultOcrOptions } from '../../shared/ocr/ocrBudget.js';
import { closeSharedOcrEngine } from '../../shared/ocr/recognise.js';
import { closeSharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { type ExampleName, exampleReceivedAt } from '../fixtures/bundles/exampleBundles.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { certificateScan } from '../fixtures/scans/scanDocuments.js';
import { jilinCreditCode, renderScanPng } from '../fixtures/scans/scanPage.js';
import { goldenPath } from '../report/goldenReports.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { intakeDeps, runIntake } from './intakeHarness.js';

let records: LocalRecords;
beforeAll(async () => {
  records = await startLocalRecords();
});
afterAll(async () => {
  await Promise.all([records.stop(), closeSharedOcrEngine(), closeSharedPdfPageRenderer()]);
});

const consent = '吉林省长白精工机械有限公司/脱密审核同意书.pdf';
const certificate = '吉林省长白精工机械有限公司/统一社会信用代码证书.pdf';

const unitNames: Record<string, string> = {
  'changchun-amr': '长春市市场监督管理局',
  'jilin-city-amr': '吉林市市场监督管理局',
};

async function intakeOf(
  example: ExampleName,
  ocr: Parameters<typeof intakeOcrOptions>[0] = {},
  unit = 'changchun-amr',
) {
  const deps = await intakeDeps(records.repository);
  deps.ocr = intakeOcrOptions(ocr);
  const key = `incoming/${unit}/${example}.zip`;
  const put = await deps.objects.put(key, await readFile(`examples/${example}.zip`), {
    metadata: { 'unit-name': encodeURIComponent(unitNames[unit] ?? unit) },
  });
  const receivedAt = exampleReceivedAt[example];
  const run = await runIntake(deps, { bucket: 'local', key, versionId: put.versionId as string, receivedAt });
  const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
  return { run, report };
}

/**
 * What `award check` reports for the example: its golden report (goldenReports.test.ts proves `award check` gives
 * exactly these bytes), through the same JSON form the intake stores, without the bundle id (the intake's is its own).
 */
async function awardCheckReport(example: ExampleName): Promise<Omit<CompletenessReport, 'bundleId'>> {
  const { bundleId: _id, ...rest } = parseReportJson(await readFile(goldenPath(example), 'utf8'));
  return rest;
}

function allFindings(report: CompletenessReport) {
  return [
    ...report.findings,
    ...report.files.flatMap((f) => f.findings),
    ...report.applications.flatMap((a) => a.findings),
    ...report.recommendingUnit.findings,
  ];
}

describe('the intake OCRs the scans in the per-file Intake.ExtractFile; Verify reads the stored models', () => {
  it('reports qm-org-complete complete with no findings, the same report as award check', async () => {
    const { run, report } = await intakeOf('qm-org-complete');
    expect(run.verified.status).toBe('complete');
    expect(allFindings(report)).toEqual([]);
    const { bundleId: _id, ...intake } = report;
    expect(intake).toEqual(await awardCheckReport('qm-org-complete'));
  });

  it('reports the scanned consent without signature or seal and the certificate scan with another credit code in qm-org-defects', async () => {
    const { run, report } = await intakeOf('qm-org-defects');
    expect(run.verified.status).toBe('incomplete');
    const findings = allFindings(report);
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'DECLASSIFICATION_CONSENT_INCOMPLETE',
        severity: 'blocking',
        field: 'applicant.declassificationConsent.signatureOrSeal',
        file: consent,
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'CREDIT_CODE_MISMATCH', severity: 'blocking', file: certificate }),
    );
    const { bundleId: _id, ...intake } = report;
    expect(intake).toEqual(await awardCheckReport('qm-org-defects'));
  });

  it.each(['qm-ind-complete', 'qm-ind-defects', 'si-complete', 'si-defects'] as const)(
    '%s: the same report as award check',
    async (example) => {
      const unit = example.startsWith('si-') ? 'jilin-city-amr' : 'changchun-amr';
      const { report } = await intakeOf(example, {}, unit);
      const { bundleId: _id, ...intake } = report;
      expect(intake).toEqual(await awardCheckReport(example));
    },
  );

  it('with AWARD_OCR=off leaves the scans unread: qm-org-complete gets review findings for its scanned consent', async () => {
    const { report } = await intakeOf('qm-org-complete', { AWARD_OCR: 'off' });
    const onConsent = report.files.find((f) => f.path === consent)?.findings ?? [];
    expect(onConsent.map((f) => f.severity)).not.toContain('blocking');
    expect(allFindings(report).filter((f) => f.file === consent && f.severity === 'review').length).toBeGreaterThan(0);
    expect(report.files.find((f) => f.path === consent)?.ocr).toBeUndefined();
  });

  it('with AWARD_OCR_PDF=off names the setting on each PDF scan page it could not read', async () => {
    const { report } = await intakeOf('qm-org-complete', { AWARD_OCR_PDF: 'off', AWARD_OCR_FILE_PAGES: '2' });
    const unread = allFindings(report).filter((f) => f.code === 'FILE_UNREADABLE' && f.file === consent);
    expect(unread.length).toBeGreaterThan(0);
    for (const f of unread) expect(f.message).toContain(pdfRenderingOffMessage);
  });
});

describe('two scans with the same path in one uploaded zip', () => {
  it('are stored, OCR’d by their own Map iterations and reported as two files', async () => {
    const deps = await intakeDeps(records.repository);
    deps.ocr = intakeOcrOptions({});
    const codes = [jilinCreditCode('7235681X4'), jilinCreditCode('60458127X')];
    const scans = codes.map((code) =>
      renderScanPng({ ...certificateScan('clean'), lines: [`统一社会信用代码：${code}`] }),
    );
    const zip = buildBundleZip(scans.map((data) => ({ name: '证明材料/营业执照.png', data })));
    const key = 'incoming/changchun-amr/twins.zip';
    const put = await deps.objects.put(key, zip);
    const run = await runIntake(deps, {
      bucket: 'local',
      key,
      versionId: put.versionId as string,
      receivedAt: '2025-08-15T10:00:00+08:00',
    });
    expect(new Set(run.list.entries.map((e) => e.objectKey)).size).toBe(2);
    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    const files = report.files.filter((f) => f.path === '证明材料/营业执照.png');
    expect(files.map((f) => f.ocr?.creditCode)).toEqual(codes);
  });
});

describe('intakeOcrOptions (the environment of ExtractFile)', () => {
  it('keeps the defaults of shared/ocr/ocrBudget.ts when nothing is set', () => {
    expect(intakeOcrOptions({})).toEqual({});
    expect(defaultOcrOptions).toMatchObject({
      maxPagesPerBundle: 40,
      maxPagesPerFile: 30,
      perPageMs: 20_000,
      dpi: 200,
    });
  });

  it('reads the page caps, per-page budget and dpi, AWARD_OCR=off and AWARD_OCR_PDF=off', () => {
    expect(
      intakeOcrOptions({
        AWARD_OCR_PAGES: '24',
        AWARD_OCR_FILE_PAGES: '30',
        AWARD_OCR_PAGE_MS: '15000',
        AWARD_OCR_DPI: '300',
      }),
    ).toEqual({ maxPagesPerBundle: 24, maxPagesPerFile: 30, perPageMs: 15_000, dpi: 300 });
    expect(intakeOcrOptions({ AWARD_OCR: 'off', AWARD_OCR_PAGES: '24' })).toBe(false);
    const options = intakeOcrOptions({ AWARD_OCR_PDF: 'off' });
    expect(options === false ? undefined : options.renderer).toBeInstanceOf(PdfRenderingOff);
  });

  it.each([
    [{ AWARD_OCR_PAGES: 'many' }, 'AWARD_OCR_PAGES'],
    [{ AWARD_OCR_FILE_PAGES: '-1' }, 'AWARD_OCR_FILE_PAGES'],
    [{ AWARD_OCR_PAGE_MS: '50' }, 'AWARD_OCR_PAGE_MS'],
    [{ AWARD_OCR_DPI: '2000' }, 'AWARD_OCR_DPI'],
    [{ AWARD_OCR: 'no' }, 'AWARD_OCR'],
  ])('refuses %o naming the variable', (env, name) => {
    expect(() => intakeOcrOptions(env)).toThrow(OcrConfigurationError);
    expect(() => intakeOcrOptions(env)).toThrow(name);
  });
});
