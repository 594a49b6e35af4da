import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedBundle, checkExtractedBundle } from '../../shared/completeness/checkExtractedBundle.js';
import { checkDeclassificationConsent } from '../../shared/completeness/declassificationConsent.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { type DocumentOcrOptions, documentOcr } from '../../shared/ocr/documentOcr.js';
import { OcrEngine } from '../../shared/ocr/recognise.js';
import { PdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { type BundleSpec, organisation, orgFolder, qmOrgBundle } from '../fixtures/bundles/exampleBundles.js';
import { scannedConsent, scannedCreditCertificate } from '../fixtures/bundles/scannedMaterials.js';
import { jilinCreditCode } from '../fixtures/scans/scanPage.js';
import { textConsentPdf } from '../fixtures/scans/textConsent.js';
import { campaign, onTime, withCode } from './checkSpec.js';

// One OCR engine and renderer for the file; a handful of one-page scans at 200 dpi.
const engine = new OcrEngine();
const renderer = new PdfPageRenderer();
const consentPath = `${orgFolder}/脱密审核同意书.pdf`;
const certificatePath = `${orgFolder}/统一社会信用代码证书.pdf`;
const otherCode = jilinCreditCode();
const invalidCode = `${otherCode.slice(0, 17)}${otherCode.endsWith('8') ? '9' : '8'}`;

/** Extracted documents, once per (builder, OCR settings): variants re-extract only what they change. */
const built = new Map<string, Promise<ExtractedDocument>>();
const builders = new Map<() => Promise<Buffer>, number>();
const base = qmOrgBundle();

function variant(changes: Record<string, () => Promise<Buffer>>): BundleSpec {
  const spec: BundleSpec = new Map(base);
  for (const [path, build] of Object.entries(changes)) spec.set(path, build);
  return spec;
}

/** The bundle's files extracted with the OCR pass in each file's extraction (or without OCR), then checked. */
async function check(spec: BundleSpec, ocr: Partial<DocumentOcrOptions> | false = {}): Promise<CheckedBundle> {
  const analyse = ocr === false ? undefined : documentOcr({ engine, renderer, dpi: 200, perPageMs: 30_000, ...ocr });
  const documents = await Promise.all(
    [...spec.entries()].map(([path, build]) => {
      if (!builders.has(build)) builders.set(build, builders.size);
      const key = `${builders.get(build)}|${path}|${JSON.stringify(ocr)}`;
      let doc = built.get(key);
      if (!doc) {
        doc = build().then((bytes) => extractFile(bytes, path, analyse ? { analyse } : {}));
        built.set(key, doc);
      }
      return doc;
    }),
  );
  return checkExtractedBundle({ documents, campaign, receivedAt: onTime });
}

const sealedConsent = () =>
  scannedConsent({ unit: organisation.name, date: '2025年8月6日', signer: '王建国', seal: true });
const unsealedConsent = () => scannedConsent({ unit: organisation.name, date: '2025年8月6日', seal: false });

let sealed: CheckedBundle;
let unsealed: CheckedBundle;

beforeAll(async () => {
  sealed = await check(
    variant({
      [consentPath]: sealedConsent,
      [certificatePath]: () => scannedCreditCertificate(organisation.name, organisation.creditCode),
    }),
  );
  unsealed = await check(variant({ [consentPath]: unsealedConsent }));
}, 120_000);

afterAll(async () => {
  await Promise.all([engine.terminate(), renderer.terminate(), closeDefaultSandbox()]);
});

describe('consent and certificate scans read by OCR', () => {
  it('a scanned consent with unit, date, signature and seal, and a certificate scan with the form’s code: complete', () => {
    expect(withCode(sealed.report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toEqual([]);
    expect(withCode(sealed.report, 'CREDIT_CODE_MISMATCH')).toEqual([]);
    expect(sealed.report.status).toBe('complete');
    const file = sealed.report.files.find((f) => f.path === consentPath);
    expect(file?.ocr).toMatchObject({
      pagesRead: [1],
      pagesNotRead: [],
      sealDetected: true,
      consentUnit: organisation.name,
      consentDate: '2025-08-06',
    });
    expect(file?.ocr?.meanConfidence).toBeGreaterThanOrEqual(80);
    expect(Number.isInteger(file?.ocr?.meanConfidence)).toBe(true);
    const certificate = sealed.report.files.find((f) => f.path === certificatePath)?.ocr;
    expect(certificate).toMatchObject({ creditCode: organisation.creditCode, creditCodeValid: true });
  });

  it('DECLASSIFICATION_CONSENT_INCOMPLETE (blocking): a scanned consent with neither signature nor seal', () => {
    expect(withCode(unsealed.report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      {
        severity: 'blocking',
        file: consentPath,
        field: 'applicant.declassificationConsent.signatureOrSeal',
        evidence: expect.stringContaining('未检出红色印章'),
      },
    ]);
    expect(unsealed.report.files.find((f) => f.path === consentPath)?.ocr?.sealDetected).toBe(false);
    expect(unsealed.report.status).toBe('incomplete');
  });

  it('DECLASSIFICATION_CONSENT_INCOMPLETE (review): a part OCR read under the confidence threshold', () => {
    const doc = sealed.documents.find((d) => d.path === consentPath) as ExtractedDocument;
    const { ocr } = doc;
    if (!ocr?.consent?.unit) throw new Error('the consent’s unit was not read');
    const doubtful = { ...ocr, consent: { ...ocr.consent, unit: { ...ocr.consent.unit, lowConfidence: true } } };
    const findings = checkDeclassificationConsent([{ ...doc, ocr: doubtful }], {
      field: 'applicant.declassificationConsent',
      who: '申报单位',
    });
    expect(findings).toMatchObject([
      {
        code: 'DECLASSIFICATION_CONSENT_INCOMPLETE',
        severity: 'review',
        file: consentPath,
        field: 'applicant.declassificationConsent.unit',
        source: { file: consentPath, page: 1 },
      },
    ]);
  });

  it('CREDIT_CODE_MISMATCH (blocking): the certificate scan carries another valid code than the form', async () => {
    const { report } = await check(
      variant({ [certificatePath]: () => scannedCreditCertificate(organisation.name, otherCode) }),
    );
    expect(withCode(report, 'CREDIT_CODE_MISMATCH')).toMatchObject([
      {
        severity: 'blocking',
        file: certificatePath,
        field: 'organisation.creditCode',
        evidence: `${otherCode} ≠ ${organisation.creditCode}`,
        source: { file: certificatePath, page: 1 },
      },
    ]);
  }, 60_000);

  it('CREDIT_CODE_INVALID (review), not a mismatch: the code read from the certificate scan fails its check', async () => {
    const { report } = await check(
      variant({ [certificatePath]: () => scannedCreditCertificate(organisation.name, invalidCode) }),
    );
    expect(withCode(report, 'CREDIT_CODE_MISMATCH')).toEqual([]);
    expect(withCode(report, 'CREDIT_CODE_INVALID')).toMatchObject([
      { severity: 'review', file: certificatePath, evidence: expect.stringContaining(invalidCode) },
    ]);
  }, 60_000);

  it('a typed consent without a signature line is signed by its stamped seal; without the seal it is incomplete', async () => {
    const typed = await check(variant({ [consentPath]: () => textConsentPdf(true) }));
    expect(withCode(typed.report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toEqual([]);
    expect(typed.report.files.find((f) => f.path === consentPath)?.ocr).toMatchObject({
      pagesRead: [],
      sealDetected: true,
    });
    const bare = await check(variant({ [consentPath]: () => textConsentPdf(false) }));
    expect(withCode(bare.report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      { severity: 'blocking', file: consentPath, field: 'applicant.declassificationConsent.signatureOrSeal' },
    ]);
  }, 60_000);

  it('without OCR, or beyond the per-file page cap, a consent scan is not verifiable: review, not blocking', async () => {
    const spec = variant({ [consentPath]: unsealedConsent });
    const off = await check(spec, false);
    expect(off.documents.every((d) => d.ocr === undefined)).toBe(true);
    expect(withCode(off.report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      { severity: 'review', file: consentPath, message: expect.stringContaining('未经文字识别') },
    ]);
    const capped = await check(spec, { maxPagesPerFile: 0 });
    expect(withCode(capped.report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      { severity: 'review', file: consentPath, message: expect.stringContaining('第 1 页未能识别') },
    ]);
    expect(withCode(capped.report, 'OCR_BUDGET_EXCEEDED')).toMatchObject([{ severity: 'info', file: consentPath }]);
  }, 60_000);
});
