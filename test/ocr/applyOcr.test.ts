import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { type ApplyOcrOptions, applyOcr, type OcrApplied, ocrResultsByPath } from '../../shared/ocr/applyOcr.js';
import { consentGaps } from '../../shared/ocr/consentReading.js';
import { OcrEngine } from '../../shared/ocr/recognise.js';
import { PdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { certificateCode, certificateScan, consentScan, consentUnit } from '../fixtures/scans/scanDocuments.js';
import { imageOnlyPdf, renderScanJpeg, renderScanPng } from '../fixtures/scans/scanPage.js';
import { textConsentPdf } from '../fixtures/scans/textConsent.js';

// One engine and one renderer for the whole file: OCR is slow, pages are few.
const engine = new OcrEngine();
const renderer = new PdfPageRenderer();
const bytes = new Map<string, Uint8Array>();
const documents: ExtractedDocument[] = [];
const readBytes = async (doc: ExtractedDocument) => bytes.get(doc.path) ?? Promise.reject(new Error('no such file'));
const run = (docs: ExtractedDocument[], options: Partial<ApplyOcrOptions> = {}) =>
  applyOcr(docs, readBytes, { engine, renderer, dpi: 200, perPageMs: 30_000, ...options });

async function add(path: string, content: Uint8Array): Promise<ExtractedDocument> {
  bytes.set(path, content);
  const doc = await extractFile(content, path);
  documents.push(doc);
  return doc;
}

const byPath = (applied: OcrApplied[], path: string) => {
  const found = applied.find((a) => a.document.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found;
};

let applied: OcrApplied[];

beforeAll(async () => {
  await add('b/扫描件003.pdf', await imageOnlyPdf([renderScanPng(consentScan('clean'))]));
  await add('b/信用代码证.pdf', await imageOnlyPdf([renderScanPng(certificateScan('clean'))]));
  await add(
    'b/脱密审核同意书-申请人.jpg',
    renderScanJpeg({ title: '脱密审核同意书', lines: ['我单位同意报送全部申报材料。', `单位：${consentUnit}`] }),
  );
  await add(
    'b/扫描件007.pdf',
    await imageOnlyPdf([renderScanPng({ title: '推荐公函', lines: ['机密★5年', '现推荐以下单位参加评选。'] })]),
  );
  await add('b/脱密审核同意书-推荐单位.pdf', await textConsentPdf(true));
  await add('b/脱密审核同意书-无章.pdf', await textConsentPdf(false));
  await add('b/自评报告.pdf', await buildPdf([['自评报告', '一、领导', '本单位高层领导确定了质量方针和目标。']]));
  applied = await run(documents);
}, 120_000);

afterAll(async () => {
  await engine.terminate();
  await renderer.terminate();
  await closeDefaultSandbox();
});

describe('applyOcr on a bundle of scans', () => {
  it('recognises a consent named "扫描件003.pdf" by its OCR’d title and puts the OCR text into the document', () => {
    const { document, ocr } = byPath(applied, 'b/扫描件003.pdf');
    expect(ocr?.materialTypeBefore).toBe('UNCLASSIFIED');
    expect(document.materialType).toBe('DECLASSIFICATION_CONSENT');
    expect(document.classificationReason).toMatch(/OCR/);
    expect(document.findings.map((f) => f.code)).not.toContain('UNCLASSIFIED_FILE');
    expect(document.pages[0]?.lines.some((l) => l.includes('脱密审核'))).toBe(true);
    expect(document.metadata.ocrPages).toBe('1');
  });

  it('reads the consent’s unit, date and seal', () => {
    const consent = byPath(applied, 'b/扫描件003.pdf').ocr?.consent;
    expect(consent?.unit?.value).toBe(consentUnit);
    expect(consent?.date?.value).toBe('2025-08-01');
    expect(consent?.sealDetected).toBe(true);
    expect(consent && consentGaps(consent)).toEqual({ missing: [], lowConfidence: [] });
  });

  it('reports what an image consent without date, signature or seal lacks', () => {
    const { ocr } = byPath(applied, 'b/脱密审核同意书-申请人.jpg');
    expect(ocr?.consent?.unit?.value).toBe(consentUnit);
    expect(ocr?.consent?.sealDetected).toBe(false);
    expect(ocr?.consent && consentGaps(ocr.consent).missing).toEqual(['date', 'signatureOrSeal']);
  });

  it('reads and validates the credit code on a certificate scan', () => {
    const { ocr } = byPath(applied, 'b/信用代码证.pdf');
    expect(ocr?.materialType).toBe('CREDIT_CODE_CERTIFICATE');
    expect(ocr?.creditCode).toMatchObject({ value: certificateCode, valid: true, lowConfidence: false });
    expect(ocr?.pages[0]?.seal?.detected).toBe(true);
  });

  it('puts the OCR text through the classified-marking scan and classifies the scan again', () => {
    const { document } = byPath(applied, 'b/扫描件007.pdf');
    expect(document.materialType).toBe('RECOMMENDATION_LETTER');
    const marking = document.findings.find((f) => f.code === 'CLASSIFIED_MARKING');
    expect(marking?.source).toEqual({ file: 'b/扫描件007.pdf', page: 1, line: 2 });
  });

  it('reads a typed consent from its text layer and checks the rendered page for the stamped seal', () => {
    const sealed = byPath(applied, 'b/脱密审核同意书-推荐单位.pdf').ocr;
    expect(sealed?.pages.map((p) => p.status)).toEqual(['text-layer']);
    expect(sealed?.consent).toMatchObject({ unit: { value: consentUnit, confidence: 100 }, sealDetected: true });
    expect(sealed?.consent && consentGaps(sealed.consent).missing).toEqual([]);
    const unsealed = byPath(applied, 'b/脱密审核同意书-无章.pdf').ocr;
    expect(unsealed?.consent?.sealDetected).toBe(false);
    expect(unsealed?.consent && consentGaps(unsealed.consent).missing).toEqual(['signatureOrSeal']);
  });

  it('leaves documents with a text layer alone, and indexes the OCR sections by path', () => {
    const text = byPath(applied, 'b/自评报告.pdf');
    expect(text.ocr).toBeUndefined();
    expect(text.document).toBe(documents.find((d) => d.path === 'b/自评报告.pdf'));
    expect([...ocrResultsByPath(applied).keys()].sort()).toEqual([
      'b/信用代码证.pdf',
      'b/扫描件003.pdf',
      'b/扫描件007.pdf',
      'b/脱密审核同意书-推荐单位.pdf',
      'b/脱密审核同意书-无章.pdf',
      'b/脱密审核同意书-申请人.jpg',
    ]);
  });
});

describe('OCR budgets and confidence', () => {
  let capped: OcrApplied[];

  beforeAll(async () => {
    // The consent (known by its name) gets the one page before the certificate.
    const consent = documents.find((d) => d.path === 'b/脱密审核同意书-申请人.jpg') as ExtractedDocument;
    const certificate = documents.find((d) => d.path === 'b/信用代码证.pdf') as ExtractedDocument;
    capped = await run([consent, certificate], { maxPagesPerBundle: 1, minConfidence: 99.5 });
  }, 60_000);

  it('does not read pages beyond the per-bundle cap: OCR_BUDGET_EXCEEDED (info)', () => {
    const { document, ocr } = byPath(capped, 'b/信用代码证.pdf');
    expect(ocr?.pages.map((p) => p.status)).toEqual(['over-page-cap']);
    expect(ocr?.creditCode).toBeUndefined();
    expect(document.findings.find((f) => f.code === 'OCR_BUDGET_EXCEEDED')?.severity).toBe('info');
  });

  it('marks values read under the confidence threshold: OCR_LOW_CONFIDENCE', () => {
    const { document, ocr } = byPath(capped, 'b/脱密审核同意书-申请人.jpg');
    expect(ocr?.consent?.unit?.lowConfidence).toBe(true);
    const low = document.findings.find((f) => f.code === 'OCR_LOW_CONFIDENCE' && f.field === 'consent.unit');
    expect(low).toMatchObject({ severity: 'review', source: { file: 'b/脱密审核同意书-申请人.jpg', page: 1 } });
  });

  it('stops a page over its time budget without hanging: OCR_BUDGET_EXCEEDED (review)', async () => {
    const consent = documents.find((d) => d.path === 'b/扫描件003.pdf') as ExtractedDocument;
    const start = performance.now();
    const [result] = await run([consent], { perPageMs: 150 });
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(result?.ocr?.pages[0]?.status).toBe('timeout');
    const exceeded = result?.document.findings.find((f) => f.code === 'OCR_BUDGET_EXCEEDED');
    expect(exceeded).toMatchObject({ severity: 'review', source: { file: 'b/扫描件003.pdf', page: 1 } });
    expect(result?.document.materialType).toBe('UNCLASSIFIED');
  });
});
