import { textRequiredMaterials } from '../extraction/analyseDocument.js';
import { classifiedMarkingFindings } from '../extraction/classifiedMarking.js';
import { classifyMaterial, titleLines } from '../extraction/classifyMaterial.js';
import type { DetectedType, ExtractedDocument, PageText } from '../extraction/document.js';
import { type Finding, finding } from '../findings/finding.js';
import { consentGaps, type PageLines, readConsent } from './consentReading.js';
import { readCreditCode } from './creditCodeReading.js';
import { defaultOcrOptions, needsOcrReading, type OcrOptions, PageAllowance, planOcr } from './ocrBudget.js';
import { ocrPage, type PageOcrContext, type PageSource, sealOnPdfPage } from './ocrPage.js';
import type { OcrPageResult, OcrResult } from './ocrResult.js';
import { type OcrEngine, sharedOcrEngine } from './recognise.js';
import { type PdfPageRenderer, sharedPdfPageRenderer } from './renderPdfPage.js';

export interface ApplyOcrOptions extends Partial<OcrOptions> {
  /** By default the process-wide engine and renderer (one worker thread each). */
  engine?: OcrEngine;
  renderer?: PdfPageRenderer;
}

/** A document after OCR, with its OCR section when any of its pages needed OCR (else `ocr` is absent). */
export interface OcrApplied {
  document: ExtractedDocument;
  ocr?: OcrResult;
}

/** The original bytes of a document of the bundle (from the bundle, S3, or the disk). */
export type ReadDocumentBytes = (document: ExtractedDocument) => Promise<Uint8Array>;

const imageTypes = new Set<DetectedType>(['jpeg', 'png', 'tiff', 'gif', 'bmp', 'webp']);
/** Materials whose values (consent parts, credit code) are read into the OCR section. */
const valueMaterials = new Set<ExtractedDocument['materialType']>([
  'DECLASSIFICATION_CONSENT',
  'CREDIT_CODE_CERTIFICATE',
]);
/** Text-layer pages checked for a seal, at most (a consent is one or two pages). */
const maxSealCheckPages = 3;

function textLayerPages(doc: ExtractedDocument): PageText[] {
  return doc.pages.filter((p) => !doc.needsOcr.includes(p.page) && p.lines.some((l) => l.trim() !== ''));
}

function pageSource(doc: ExtractedDocument, bytes: Uint8Array, page: number): PageSource {
  return imageTypes.has(doc.detectedType) ? { kind: 'image', image: bytes } : { kind: 'pdf', pdf: bytes, page };
}

/** Lines to read values from: OCR'd pages and text-layer pages. */
function readableLines(pages: readonly OcrPageResult[]): PageLines[] {
  return pages
    .filter((p) => p.status === 'recognised' || p.status === 'text-layer')
    .map((p) => ({ page: p.page, lines: p.lines }));
}

/** The text-layer pages of a consent or certificate as examined pages; a consent PDF's pages get the seal check. */
async function textLayerResults(
  doc: ExtractedDocument,
  type: ExtractedDocument['materialType'],
  bytes: Uint8Array | undefined,
  readBytes: ReadDocumentBytes,
  ctx: PageOcrContext,
): Promise<OcrPageResult[]> {
  const pages = textLayerPages(doc);
  if (pages.length === 0) return [];
  const checkSeal = type === 'DECLASSIFICATION_CONSENT' && doc.detectedType === 'pdf';
  let pdf = bytes;
  let unavailable: string | undefined;
  if (checkSeal && !pdf)
    try {
      pdf = await readBytes(doc);
    } catch (error) {
      unavailable = `bytes unavailable: ${(error as Error).message}`;
    }
  const results: OcrPageResult[] = [];
  for (const [i, page] of pages.entries()) {
    const result: OcrPageResult = {
      page: page.page,
      status: 'text-layer',
      dpi: ctx.dpi,
      lines: page.lines.map((text) => ({
        text,
        confidence: 100,
        bbox: { x0: 0, y0: 0, x1: 0, y1: 0 },
        lowConfidence: false,
      })),
      confidence: 100,
      ms: 0,
    };
    if (checkSeal && i < maxSealCheckPages) {
      if (!pdf) result.error = unavailable;
      else {
        const check = await sealOnPdfPage(pdf, page.page, ctx);
        if (check.ok) {
          result.seal = check.seal;
          result.ms = check.ms;
        } else result.error = `seal check ${check.timedOut ? 'over its time budget' : 'failed'}: ${check.error}`;
      }
    }
    results.push(result);
  }
  return results;
}

/** The document's pages with the OCR'd lines in place of the empty pages (pages are kept sorted). */
function withOcrText(doc: ExtractedDocument, results: readonly OcrPageResult[]): PageText[] {
  const byPage = new Map<number, PageText>(doc.pages.map((p) => [p.page, p]));
  for (const r of results)
    if (r.status === 'recognised') byPage.set(r.page, { page: r.page, lines: r.lines.map((l) => l.text) });
  return [...byPage.values()].sort((a, b) => a.page - b.page);
}

function budgetFindings(file: string, results: readonly OcrPageResult[], perPageMs: number): Finding[] {
  const findings: Finding[] = [];
  const overCap = results.filter((r) => r.status === 'over-page-cap').map((r) => r.page);
  for (const r of results) {
    if (r.status === 'timeout')
      findings.push(
        finding('OCR_BUDGET_EXCEEDED', 'review', `page ${r.page} not read: over the ${perPageMs} ms OCR budget`, {
          file,
          source: { file, page: r.page },
        }),
      );
    else if (r.status === 'text-layer' && r.error?.includes('over its time budget'))
      findings.push(
        finding('OCR_BUDGET_EXCEEDED', 'review', `page ${r.page}: seal check over the ${perPageMs} ms budget`, {
          file,
          source: { file, page: r.page },
        }),
      );
    else if (r.status === 'failed')
      findings.push(
        finding('FILE_UNREADABLE', 'review', `page ${r.page} cannot be OCR'd: ${r.error ?? 'unknown error'}`, {
          file,
          source: { file, page: r.page },
        }),
      );
  }
  if (overCap.length > 0)
    findings.push(
      finding(
        'OCR_BUDGET_EXCEEDED',
        'info',
        `pages ${overCap.join(', ')} not OCR'd: beyond the per-bundle OCR page cap`,
        { file, source: { file, page: overCap[0] } },
      ),
    );
  return findings;
}

function lowConfidenceFindings(file: string, ocr: OcrResult, minConfidence: number): Finding[] {
  const findings: Finding[] = [];
  const low = (field: string, what: string, source: OcrResult['pages'][number] | { page: number }, c: number) =>
    finding('OCR_LOW_CONFIDENCE', 'review', `${what} read with confidence ${c.toFixed(0)} < ${minConfidence}`, {
      file,
      field,
      source: { file, page: source.page },
    });
  if (ocr.consent) {
    const gaps = consentGaps(ocr.consent);
    if (gaps.lowConfidence.includes('unit') && ocr.consent.unit)
      findings.push(
        low(
          'consent.unit',
          'the consent’s unit name',
          { page: ocr.consent.unit.source.page ?? 1 },
          ocr.consent.unit.confidence,
        ),
      );
    if (gaps.lowConfidence.includes('date') && ocr.consent.date)
      findings.push(
        low(
          'consent.date',
          'the consent’s date',
          { page: ocr.consent.date.source.page ?? 1 },
          ocr.consent.date.confidence,
        ),
      );
  }
  if (ocr.creditCode?.lowConfidence)
    findings.push(
      low('creditCode', 'the credit code', { page: ocr.creditCode.source.page ?? 1 }, ocr.creditCode.confidence),
    );
  // A needed value that was not found on a page read poorly: the page itself is not to be trusted.
  const valueMissing =
    (ocr.materialType === 'DECLASSIFICATION_CONSENT' && (!ocr.consent?.unit || !ocr.consent?.date)) ||
    (ocr.materialType === 'CREDIT_CODE_CERTIFICATE' && !ocr.creditCode);
  if (valueMissing)
    for (const page of ocr.pages)
      if (page.status === 'recognised' && page.confidence < minConfidence)
        findings.push(low('page', `page ${page.page}`, page, page.confidence));
  return findings;
}

/**
 * OCR for a bundle's extracted documents. Only pages without a text layer of the materials whose content is checked
 * (consent, credit-code certificate, recommendation letter, employer recommendation, publicity evidence, award
 * certificates) and of unclassified scans are read, consent and credit code first, each page within `perPageMs`
 * (over it: the worker is terminated, OCR_BUDGET_EXCEEDED), at most `maxPagesPerBundle` pages (the rest:
 * OCR_BUDGET_EXCEEDED, info). The OCR text goes into the document's pages (metadata `ocrPages`, `ocrConfidence`),
 * the document is classified again with its OCR'd title and its OCR text goes through the classified-marking scan;
 * the consent's unit/date/seal and the certificate's credit code are read into the `ocr` section.
 * Returns one entry per input document, in the same order. Never throws for a bad document.
 */
export async function applyOcr(
  documents: readonly ExtractedDocument[],
  readBytes: ReadDocumentBytes,
  options: ApplyOcrOptions = {},
): Promise<OcrApplied[]> {
  const opts: OcrOptions = { ...defaultOcrOptions, ...options };
  const ctx: PageOcrContext = {
    engine: options.engine ?? sharedOcrEngine(),
    renderer: options.renderer ?? sharedPdfPageRenderer(),
    perPageMs: opts.perPageMs,
    dpi: opts.dpi,
    minConfidence: opts.minConfidence,
  };
  const plan = planOcr(documents, opts.maxPagesPerBundle);
  const allowance = new PageAllowance(opts.maxPagesPerBundle);
  const planned = new Map<string, number[]>();
  for (const { path, page } of plan.pages) {
    planned.set(path, [...(planned.get(path) ?? []), page]);
    allowance.take();
  }
  const out = new Map<string, OcrApplied>();
  // Documents in plan order (priority), then the over-cap-only ones.
  const order = [...new Set([...planned.keys(), ...plan.overCap.keys()])];
  // Consents and certificates with a text layer: their values are read from the text, the consent's seal from the
  // rendered page.
  for (const doc of documents)
    if (
      valueMaterials.has(doc.materialType) &&
      doc.readable &&
      textLayerPages(doc).length > 0 &&
      !order.includes(doc.path)
    )
      order.push(doc.path);
  for (const path of order) {
    const doc = documents.find((d) => d.path === path);
    if (!doc) continue;
    out.set(
      path,
      await ocrDocument(doc, planned.get(path) ?? [], plan.overCap.get(path) ?? [], readBytes, ctx, allowance),
    );
  }
  return documents.map((document) => out.get(document.path) ?? { document });
}

async function ocrDocument(
  doc: ExtractedDocument,
  pages: readonly number[],
  overCap: readonly number[],
  readBytes: ReadDocumentBytes,
  ctx: PageOcrContext,
  allowance: PageAllowance,
): Promise<OcrApplied> {
  const file = doc.path;
  const results: OcrPageResult[] = [];
  let bytes: Uint8Array | undefined;
  if (pages.length > 0) {
    try {
      bytes = await readBytes(doc);
    } catch (error) {
      for (const page of pages)
        results.push({
          page,
          status: 'failed',
          dpi: ctx.dpi,
          lines: [],
          confidence: 0,
          ms: 0,
          error: `bytes unavailable: ${(error as Error).message}`,
        });
    }
  }
  if (bytes) for (const page of pages) results.push(await ocrPage(pageSource(doc, bytes, page), page, ctx));

  let text = withOcrText(doc, results);
  let { type, reason } = classifyMaterial(file, titleLines(text[0]?.lines ?? []));
  // An unclassified scan got its first page only; now that it is known, its other pages follow within the cap.
  if (bytes && doc.materialType === 'UNCLASSIFIED' && type !== 'UNCLASSIFIED' && needsOcrReading(type)) {
    for (const page of doc.needsOcr.filter((p) => !pages.includes(p))) {
      if (!allowance.take()) {
        results.push({ page, status: 'over-page-cap', dpi: ctx.dpi, lines: [], confidence: 0, ms: 0 });
        continue;
      }
      results.push(await ocrPage(pageSource(doc, bytes, page), page, ctx));
    }
    text = withOcrText(doc, results);
  }
  for (const page of overCap)
    results.push({ page, status: 'over-page-cap', dpi: ctx.dpi, lines: [], confidence: 0, ms: 0 });
  results.sort((a, b) => a.page - b.page);
  if (!results.some((r) => r.status === 'recognised')) {
    type = doc.materialType;
    reason = doc.classificationReason;
  }
  if (valueMaterials.has(type)) results.push(...(await textLayerResults(doc, type, bytes, readBytes, ctx)));
  results.sort((a, b) => a.page - b.page);

  const recognised = results.filter((r) => r.status === 'recognised').map((p) => ({ page: p.page, lines: p.lines }));
  const readable = readableLines(results);
  const sealDetected = results.some((r) => r.seal?.detected === true);
  const ocr: OcrResult = {
    path: file,
    pages: results,
    materialTypeBefore: doc.materialType,
    materialType: type,
    classificationReason: reason,
    ...(type === 'DECLASSIFICATION_CONSENT' ? { consent: readConsent(file, readable, sealDetected) } : {}),
  };
  if (type === 'CREDIT_CODE_CERTIFICATE') {
    const creditCode = readCreditCode(file, readable);
    if (creditCode) ocr.creditCode = creditCode;
  }

  const ocrPageNumbers = new Set(recognised.map((p) => p.page));
  const findings = doc.findings.filter((f) => !(f.code === 'UNCLASSIFIED_FILE' && type !== 'UNCLASSIFIED'));
  if (type === 'UNCLASSIFIED' && !findings.some((f) => f.code === 'UNCLASSIFIED_FILE'))
    findings.push(finding('UNCLASSIFIED_FILE', 'info', 'the file matches no material type', { file }));
  if (textRequiredMaterials.has(type) && !findings.some((f) => f.code === 'SCAN_WITHOUT_TEXT'))
    findings.push(
      finding('SCAN_WITHOUT_TEXT', 'review', `pages without a text layer: ${doc.needsOcr.join(', ')}`, {
        file,
        source: { file, page: doc.needsOcr[0] },
      }),
    );
  findings.push(
    ...classifiedMarkingFindings(
      file,
      text.filter((p) => ocrPageNumbers.has(p.page)),
      [],
    ),
  );
  findings.push(...budgetFindings(file, results, ctx.perPageMs));
  findings.push(...lowConfidenceFindings(file, ocr, ctx.minConfidence));

  const metadata = { ...doc.metadata };
  if (ocrPageNumbers.size > 0) {
    metadata.ocrPages = [...ocrPageNumbers].join(',');
    metadata.ocrConfidence = recognised
      .map((p) => results.find((r) => r.page === p.page)?.confidence.toFixed(0) ?? '0')
      .join(',');
  }
  return {
    document: {
      ...doc,
      pages: text,
      pageCount: Math.max(doc.pageCount, text.length),
      materialType: type,
      classificationReason: ocrPageNumbers.size > 0 ? `${reason} (OCR)` : doc.classificationReason,
      metadata,
      findings,
    },
    ocr,
  };
}

/** The OCR sections by document path (what the completeness check looks up). */
export function ocrResultsByPath(applied: readonly OcrApplied[]): Map<string, OcrResult> {
  return new Map(applied.flatMap((a) => (a.ocr ? [[a.document.path, a.ocr] as const] : [])));
}
