import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExtractedBundle } from '../../shared/completeness/checkExtractedBundle.js';
import { idNumberCheckCharacter } from '../../shared/domain/validation/idNumber.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { consentGaps } from '../../shared/ocr/consentReading.js';
import { bundleOcr, type DocumentOcrOptions, documentOcr, emptyTally } from '../../shared/ocr/documentOcr.js';
import { OcrEngine } from '../../shared/ocr/recognise.js';
import { PdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { campaign, onTime } from '../completeness/checkSpec.js';
import { type BundleFile, buildBundleZip } from '../fixtures/bundleZip.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { certificateScan, consentScan, consentUnit } from '../fixtures/scans/scanDocuments.js';
import { imageOnlyPdf, jilinCreditCode, renderScanJpeg, renderScanPng } from '../fixtures/scans/scanPage.js';
import { textConsentPdf } from '../fixtures/scans/textConsent.js';

// One engine and one renderer for the whole file: OCR is slow (~0.7 s a page), pages are few.
const engine = new OcrEngine();
const renderer = new PdfPageRenderer();
const base: DocumentOcrOptions = { engine, renderer, dpi: 200, perPageMs: 30_000 };
let dir: string;

const idFirst17 = '22010219750315123';
const idNumber = idFirst17 + idNumberCheckCharacter(idFirst17);
const firstCode = jilinCreditCode('7235681X4');
const secondCode = jilinCreditCode('60458127X');

/** The bundle of `files` as a zip, extracted with the OCR pass in each entry's extraction. */
async function ocrBundle(name: string, files: BundleFile[], options: DocumentOcrOptions = {}) {
  const zip = path.join(dir, `${name}.zip`);
  await writeFile(zip, buildBundleZip(files));
  const tally = emptyTally();
  const bundle = await extractBundle({ zipPath: zip }, { analyser: bundleOcr({ ...base, ...options }, tally) });
  return { ...bundle, tally };
}

const certificate = (code: string) =>
  renderScanPng({ ...certificateScan('clean'), lines: [`统一社会信用代码：${code}`, `名称：${consentUnit}`] });

let entries: ExtractedDocument[];
let tally: ReturnType<typeof emptyTally>;

function byPath(docs: readonly ExtractedDocument[], file: string): ExtractedDocument {
  const found = docs.find((d) => d.path === file);
  if (!found) throw new Error(`no ${file}`);
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'document-ocr-'));
  const files: BundleFile[] = [
    { name: 'b/扫描件003.pdf', data: await imageOnlyPdf([renderScanPng(consentScan('clean'))]) },
    {
      name: 'b/脱密审核同意书-申请人.jpg',
      data: renderScanJpeg({
        title: '脱密审核同意书',
        lines: ['我单位同意报送全部申报材料。', `单位：${consentUnit}`],
      }),
    },
    {
      name: 'b/扫描件007.pdf',
      data: await imageOnlyPdf([
        renderScanPng({ title: '推荐公函', lines: ['机密★5年', '现推荐以下单位参加评选，该单位曾获行业标兵称号。'] }),
      ]),
    },
    { name: 'b/脱密审核同意书-推荐单位.pdf', data: await textConsentPdf(true) },
    {
      name: 'b/自评报告.pdf',
      data: await buildPdf([['自评报告', '一、领导', '本单位高层领导确定了质量方针和目标。']]),
    },
    // Two different scans under the same path (a zip may hold both).
    { name: 'b/营业执照.png', data: certificate(firstCode) },
    { name: 'b/营业执照.png', data: certificate(secondCode) },
    {
      name: 'b/扫描件012.pdf',
      data: await imageOnlyPdf([
        renderScanPng({
          title: '吉林省质量奖（质量管理）个人申报表',
          lines: [
            '姓名：李明华',
            `身份证号：${idNumber}`,
            `工作单位：${consentUnit}`,
            '职务：质量部部长',
            '从事质量工作时间：2003年7月1日',
          ],
        }),
      ]),
    },
  ];
  ({ entries, tally } = await ocrBundle('scans', files));
}, 120_000);

afterAll(async () => {
  await Promise.all([engine.terminate(), renderer.terminate(), closeDefaultSandbox()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('OCR inside the extraction pass of each entry', () => {
  it('classifies a consent named "扫描件003.pdf" by its OCR’d title, with the OCR text in its pages', () => {
    const doc = byPath(entries, 'b/扫描件003.pdf');
    expect(doc.ocr?.materialTypeBefore).toBe('UNCLASSIFIED');
    expect(doc.materialType).toBe('DECLASSIFICATION_CONSENT');
    expect(doc.classificationReason).toMatch(/OCR/);
    expect(doc.findings.map((f) => f.code)).not.toContain('UNCLASSIFIED_FILE');
    expect(doc.pages[0]?.lines.some((l) => l.includes('脱密审核'))).toBe(true);
    expect(doc.metadata.ocrPages).toBe('1');
    expect(doc.ocr?.pages[0]?.lines.every((l) => l.confidence >= 0 && l.confidence <= 100)).toBe(true);
  });

  it('reads the consent’s unit, date and seal', () => {
    const consent = byPath(entries, 'b/扫描件003.pdf').ocr?.consent;
    expect(consent?.unit?.value).toBe(consentUnit);
    expect(consent?.date?.value).toBe('2025-08-01');
    expect(consent?.sealDetected).toBe(true);
    expect(consent && consentGaps(consent)).toEqual({ missing: [], lowConfidence: [] });
  });

  it('reports what an image consent without date, signature or seal lacks', () => {
    const { ocr } = byPath(entries, 'b/脱密审核同意书-申请人.jpg');
    expect(ocr?.consent?.unit?.value).toBe(consentUnit);
    expect(ocr?.consent?.sealDetected).toBe(false);
    expect(ocr?.consent && consentGaps(ocr.consent).missing).toEqual(['date', 'signatureOrSeal']);
  });

  it('puts the OCR text through the classified-marking scan and leaves free text uncorrected', () => {
    const doc = byPath(entries, 'b/扫描件007.pdf');
    expect(doc.materialType).toBe('RECOMMENDATION_LETTER');
    const marking = doc.findings.find((f) => f.code === 'CLASSIFIED_MARKING');
    expect(marking?.source).toEqual({ file: 'b/扫描件007.pdf', page: 1, line: 2 });
    const text = doc.pages[0]?.lines.join('\n') ?? '';
    expect(text).toContain('行业标兵');
    expect(text).not.toContain('行业标准');
  });

  it('reads a typed consent from its text layer and checks the rendered page for the stamped seal', () => {
    const { ocr } = byPath(entries, 'b/脱密审核同意书-推荐单位.pdf');
    expect(ocr?.pages.map((p) => p.status)).toEqual(['text-layer']);
    expect(ocr?.consent).toMatchObject({ unit: { value: consentUnit, confidence: 100 }, sealDetected: true });
  });

  it('leaves a document with a text layer without an OCR section', () => {
    expect(byPath(entries, 'b/自评报告.pdf').ocr).toBeUndefined();
  });

  it('OCRs two different scans with the same name as two documents, told apart by their entry index', () => {
    const twins = entries.filter((d) => d.path === 'b/营业执照.png');
    expect(twins).toHaveLength(2);
    expect(new Set(twins.map((d) => d.index)).size).toBe(2);
    expect(twins.map((d) => d.ocr?.creditCode?.value)).toEqual([firstCode, secondCode]);
    const { report } = checkExtractedBundle({ documents: entries, campaign, receivedAt: onTime });
    const reported = report.files.filter((f) => f.path === 'b/营业执照.png');
    expect(reported.map((f) => f.ocr?.creditCode)).toEqual([firstCode, secondCode]);
    expect(reported.every((f) => f.ocr?.pagesRead.length === 1)).toBe(true);
  });

  it('reads the fields of a scanned 个人申报表 from its OCR text: name, ID number, start of quality work', () => {
    const form = byPath(entries, 'b/扫描件012.pdf');
    expect(form.materialType).toBe('QM_IND_APPLICATION_FORM');
    expect(form.records.person).toMatchObject({
      name: '李明华',
      idNumber,
      qualityWorkStartDate: '2003-07-01',
    });
    expect(form.fields.idNumber?.source).toMatchObject({ file: 'b/扫描件012.pdf', page: 1 });
    // Still a scan where an editable form is asked for: flagged for review, its facts counted.
    const scan = form.findings.find((f) => f.code === 'SCAN_WITHOUT_TEXT');
    expect(scan).toMatchObject({ severity: 'review', message: expect.stringContaining('OCR read pages 1') });
  });

  it('counts pages and time for the progress lines', () => {
    expect(tally.pagesRead).toBe(6);
    expect(tally.documents).toBe(6);
    expect(tally.ms).toBeGreaterThan(0);
  });
});

describe('OCR budgets and confidence', () => {
  let capped: ExtractedDocument[];

  beforeAll(async () => {
    // The consent comes first in the bundle and gets the one page the bundle cap allows.
    capped = (
      await ocrBundle(
        'capped',
        [
          {
            name: 'a/脱密审核同意书.jpg',
            data: renderScanJpeg({ title: '脱密审核同意书', lines: [`单位：${consentUnit}`] }),
          },
          { name: 'a/信用代码证.png', data: certificate(firstCode) },
        ],
        { maxPagesPerBundle: 1, minConfidence: 99.5 },
      )
    ).entries;
  }, 60_000);

  it('does not read pages beyond the per-bundle cap, granted in bundle order: OCR_BUDGET_EXCEEDED (info)', () => {
    const doc = byPath(capped, 'a/信用代码证.png');
    expect(doc.ocr?.pages.map((p) => p.status)).toEqual(['over-page-cap']);
    expect(doc.ocr?.creditCode).toBeUndefined();
    expect(doc.findings.find((f) => f.code === 'OCR_BUDGET_EXCEEDED')).toMatchObject({
      severity: 'info',
      message: expect.stringContaining('per-bundle'),
    });
  });

  it('does not read pages beyond the per-file cap: OCR_BUDGET_EXCEEDED (info)', async () => {
    const doc = await extractFile(certificate(firstCode), 'a/营业执照.png', {
      analyse: documentOcr({ ...base, maxPagesPerFile: 0 }),
    });
    expect(doc.ocr?.pages.map((p) => p.status)).toEqual(['over-page-cap']);
    expect(doc.findings.find((f) => f.code === 'OCR_BUDGET_EXCEEDED')).toMatchObject({
      severity: 'info',
      message: expect.stringContaining('per-file'),
    });
  });

  it('marks values read under the confidence threshold: OCR_LOW_CONFIDENCE', () => {
    const doc = byPath(capped, 'a/脱密审核同意书.jpg');
    expect(doc.ocr?.consent?.unit?.lowConfidence).toBe(true);
    const low = doc.findings.find((f) => f.code === 'OCR_LOW_CONFIDENCE' && f.field === 'consent.unit');
    expect(low).toMatchObject({ severity: 'review', source: { file: 'a/脱密审核同意书.jpg', page: 1 } });
  });

  it('stops a page over its time budget: OCR_BUDGET_EXCEEDED (review)', async () => {
    const doc = await extractFile(await imageOnlyPdf([renderScanPng(consentScan('clean'))]), 'a/扫描件003.pdf', {
      analyse: documentOcr({ ...base, perPageMs: 150 }),
    });
    expect(doc.ocr?.pages[0]?.status).toBe('timeout');
    const exceeded = doc.findings.find((f) => f.code === 'OCR_BUDGET_EXCEEDED');
    expect(exceeded).toMatchObject({ severity: 'review', source: { file: 'a/扫描件003.pdf', page: 1 } });
    expect(doc.materialType).toBe('UNCLASSIFIED');
  });
});
