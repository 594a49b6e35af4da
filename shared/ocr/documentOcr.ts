import { type Finding, finding } from '../domain/findings/finding.js';
import { analyseDocument, type ReadDocument } from '../extraction/analyseDocument.js';
import type { DetectedType, ExtractedDocument, PageText } from '../extraction/document.js';
import type { DocumentAnalysis, EntryAnalyser } from '../extraction/extractionOptions.js';
import type { OcrPageResult, OcrResult } from '../extraction/ocrResult.js';
import { consentGaps, type PageLines, readConsent } from './consentReading.js';
import { readCreditCode } from './creditCodeReading.js';
import { type ImageDecoder, sharedImageDecoder } from './imageDecoder.js';
import { BundlePageCap, defaultOcrOptions, type OcrOptions } from './ocrBudget.js';
import { correctTitle } from './ocrCorrection.js';
import { ocrPage, type PageOcrContext, type PageSource, sealOnPdfPage } from './ocrPage.js';
import { type OcrEngine, sharedOcrEngine } from './recognise.js';
import { type PdfPageRenderer, sharedPdfPageRenderer } from './renderPdfPage.js';

export interface DocumentOcrOptions extends Partial<OcrOptions> {
  /** By default the process-wide engine and renderer (one worker thread each). */
  engine?: OcrEngine;
  renderer?: PdfPageRenderer;
  /** Decoder of image files (a child process); by default the process-wide one. */
  decoder?: ImageDecoder;
}

/** What OCR did so far, for progress lines: counts and times, never text. */
export interface OcrTally {
  /** Documents with at least one page OCR'd. */
  documents: number;
  pagesRead: number;
  /** Pages not read: over the per-file cap, over the per-bundle cap. */
  overFileCap: number;
  overBundleCap: number;
  /** Time spent on OCR'd pages (render, seal detection, recognition), summed. */
  ms: number;
}

export const emptyTally = (): OcrTally => ({ documents: 0, pagesRead: 0, overFileCap: 0, overBundleCap: 0, ms: 0 });

interface Context extends PageOcrContext {
  maxPagesPerFile: number;
  tally: OcrTally;
}

const imageTypes = new Set<DetectedType>(['jpeg', 'png', 'tiff', 'gif', 'bmp', 'webp']);
/** Materials whose values (consent parts, credit code) are read into the OCR section. */
const valueMaterials = new Set<ExtractedDocument['materialType']>([
  'DECLASSIFICATION_CONSENT',
  'CREDIT_CODE_CERTIFICATE',
]);
/** Text-layer pages checked for a seal, at most (a consent is one or two pages). */
const maxSealCheckPages = 3;

function contextOf(options: DocumentOcrOptions, tally: OcrTally): Context {
  const opts: OcrOptions = { ...defaultOcrOptions, ...options };
  return {
    engine: options.engine ?? sharedOcrEngine(),
    renderer: options.renderer ?? sharedPdfPageRenderer(),
    decoder: options.decoder ?? sharedImageDecoder(),
    perPageMs: opts.perPageMs,
    dpi: opts.dpi,
    minConfidence: opts.minConfidence,
    maxPagesPerFile: Math.max(0, opts.maxPagesPerFile),
    tally,
  };
}

/**
 * The OCR pass of one file, as its extraction's analysis (`ExtractOptions.analyse`): no bundle cap, only the per-file
 * one (an AWS Map iteration, a lone file).
 */
export function documentOcr(options: DocumentOcrOptions = {}, tally: OcrTally = emptyTally()): DocumentAnalysis {
  const ctx = contextOf(options, tally);
  return (doc, bytes) => ocrAndAnalyse(doc, bytes, ctx, async (pages) => pages);
}

/**
 * The OCR pass of a bundle's entries (`ExtractBundleOptions.analyser`): per file at most `maxPagesPerFile` pages, per
 * bundle at most `maxPagesPerBundle`, granted in entry order (the same bundle always gets the same pages read).
 */
export function bundleOcr(options: DocumentOcrOptions = {}, tally: OcrTally = emptyTally()): EntryAnalyser {
  const ctx = contextOf(options, tally);
  const cap = new BundlePageCap(options.maxPagesPerBundle ?? defaultOcrOptions.maxPagesPerBundle);
  return () => {
    const turn = cap.turn();
    return { analyse: (doc, bytes) => ocrAndAnalyse(doc, bytes, ctx, turn.claim), done: turn.close };
  };
}

function pageSource(doc: ReadDocument, bytes: Uint8Array, page: number): PageSource {
  return imageTypes.has(doc.detectedType) ? { kind: 'image', image: bytes } : { kind: 'pdf', pdf: bytes, page };
}

const notRead = (page: number, status: 'over-page-cap' | 'failed', dpi: number, error?: string): OcrPageResult => ({
  page,
  status,
  dpi,
  lines: [],
  confidence: 0,
  ms: 0,
  ...(error ? { error } : {}),
});

/** The document's pages with the OCR'd lines in place of the empty pages (pages are kept sorted). */
function withOcrText(doc: ReadDocument, results: readonly OcrPageResult[]): PageText[] {
  const byPage = new Map<number, PageText>(doc.pages.map((p) => [p.page, p]));
  for (const r of results)
    if (r.status === 'recognised') byPage.set(r.page, { page: r.page, lines: r.lines.map((l) => l.text) });
  return [...byPage.values()].sort((a, b) => a.page - b.page);
}

function budgetFindings(
  file: string,
  results: readonly OcrPageResult[],
  over: { file: readonly number[]; bundle: readonly number[] },
  ctx: Context,
): Finding[] {
  const findings: Finding[] = [];
  for (const r of results) {
    if (r.status === 'timeout')
      findings.push(
        finding('OCR_BUDGET_EXCEEDED', 'review', `page ${r.page} not read: over the ${ctx.perPageMs} ms OCR budget`, {
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
  const capped = (pages: readonly number[], cap: string) =>
    finding('OCR_BUDGET_EXCEEDED', 'info', `pages ${pages.join(', ')} not OCR'd: beyond the ${cap}`, {
      file,
      source: { file, page: pages[0] },
    });
  if (over.file.length > 0) findings.push(capped(over.file, `per-file OCR page cap (${ctx.maxPagesPerFile})`));
  if (over.bundle.length > 0) findings.push(capped(over.bundle, 'per-bundle OCR page cap'));
  return findings;
}

function sealCheckFindings(file: string, results: readonly OcrPageResult[], perPageMs: number): Finding[] {
  return results
    .filter((r) => r.status === 'text-layer' && r.error?.includes('over its time budget'))
    .map((r) =>
      finding('OCR_BUDGET_EXCEEDED', 'review', `page ${r.page}: seal check over the ${perPageMs} ms budget`, {
        file,
        source: { file, page: r.page },
      }),
    );
}

/** The text-layer pages of a consent or certificate as examined pages; a consent PDF's pages get the seal check. */
async function textLayerResults(
  doc: ExtractedDocument,
  bytes: Uint8Array,
  ctx: PageOcrContext,
): Promise<OcrPageResult[]> {
  const pages = doc.pages.filter((p) => !doc.needsOcr.includes(p.page) && p.lines.some((l) => l.trim() !== ''));
  const checkSeal = doc.materialType === 'DECLASSIFICATION_CONSENT' && !imageTypes.has(doc.detectedType);
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
      if (bytes.byteLength === 0) result.error = 'bytes unavailable';
      else {
        const check = await inLane(ctx.engine, () => sealOnPdfPage(bytes, page.page, ctx));
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

function lowConfidenceFindings(file: string, ocr: OcrResult, minConfidence: number): Finding[] {
  const findings: Finding[] = [];
  const low = (field: string, what: string, page: number, c: number) =>
    finding('OCR_LOW_CONFIDENCE', 'review', `${what} read with confidence ${c.toFixed(0)} < ${minConfidence}`, {
      file,
      field,
      source: { file, page },
    });
  if (ocr.consent) {
    const gaps = consentGaps(ocr.consent);
    const { unit, date } = ocr.consent;
    if (gaps.lowConfidence.includes('unit') && unit)
      findings.push(low('consent.unit', 'the consent’s unit name', unit.source.page ?? 1, unit.confidence));
    if (gaps.lowConfidence.includes('date') && date)
      findings.push(low('consent.date', 'the consent’s date', date.source.page ?? 1, date.confidence));
  }
  if (ocr.creditCode?.lowConfidence)
    findings.push(low('creditCode', 'the credit code', ocr.creditCode.source.page ?? 1, ocr.creditCode.confidence));
  // A needed value that was not found on a page read poorly: the page itself is not to be trusted.
  const valueMissing =
    (ocr.materialType === 'DECLASSIFICATION_CONSENT' && (!ocr.consent?.unit || !ocr.consent?.date)) ||
    (ocr.materialType === 'CREDIT_CODE_CERTIFICATE' && !ocr.creditCode);
  if (valueMissing)
    for (const page of ocr.pages)
      if (page.status === 'recognised' && page.confidence < minConfidence)
        findings.push(low('page', `page ${page.page}`, page.page, page.confidence));
  return findings;
}

// Pages of documents extracted side by side take turns per engine: a page's time budget starts when its turn comes,
// not while it waits behind another document's pages (the engine and the renderer are one thread each anyway).
const lanes = new WeakMap<OcrEngine, Promise<unknown>>();

function inLane<T>(engine: OcrEngine, job: () => Promise<T>): Promise<T> {
  const turn = (lanes.get(engine) ?? Promise.resolve()).then(job);
  lanes.set(
    engine,
    turn.catch(() => undefined),
  );
  return turn;
}

/** Recognised pages of a first page get their title line corrected (ocrCorrection.ts: the title line only). */
async function readPage(doc: ReadDocument, bytes: Uint8Array, page: number, ctx: Context): Promise<OcrPageResult> {
  const result = await inLane(ctx.engine, () => ocrPage(pageSource(doc, bytes, page), page, ctx));
  return result.status === 'recognised' && page === 1 ? { ...result, lines: correctTitle(result.lines) } : result;
}

/**
 * One document's OCR and analysis, in its extraction pass, with its bytes: the pages without a text layer (within the
 * per-file cap and what the bundle grants) are rendered and recognised, each within `perPageMs` (over it: the worker
 * is terminated, OCR_BUDGET_EXCEEDED); their lines go into the document's pages; then `analyseDocument` runs on the
 * whole model, so classification, markings, form fields and records read the OCR text like a text layer. A consent's
 * unit/date/seal (its text-layer pages rendered for the seal check) and a certificate's credit code are read into the
 * OCR section. Never throws for a bad document.
 */
async function ocrAndAnalyse(
  doc: ReadDocument,
  bytes: Uint8Array,
  ctx: Context,
  grant: (pages: number) => Promise<number>,
): Promise<ExtractedDocument> {
  const file = doc.path;
  const scan = doc.readable ? doc.needsOcr : [];
  const withinFile = scan.slice(0, ctx.maxPagesPerFile);
  const granted = await grant(withinFile.length);
  const over = { file: scan.slice(ctx.maxPagesPerFile), bundle: withinFile.slice(granted) };
  const results: OcrPageResult[] = [];
  for (const page of withinFile.slice(0, granted))
    results.push(
      bytes.byteLength === 0
        ? notRead(page, 'failed', ctx.dpi, 'bytes unavailable')
        : await readPage(doc, bytes, page, ctx),
    );
  for (const page of [...over.bundle, ...over.file]) results.push(notRead(page, 'over-page-cap', ctx.dpi));
  results.sort((a, b) => a.page - b.page);

  const recognised = results.filter((r) => r.status === 'recognised');
  const before = recognised.length > 0 ? analyseDocument(doc) : undefined;
  const metadata = { ...doc.metadata };
  if (recognised.length > 0) {
    metadata.ocrPages = recognised.map((r) => r.page).join(',');
    metadata.ocrConfidence = recognised.map((r) => r.confidence.toFixed(0)).join(',');
  }
  const pages = withOcrText(doc, results);
  // Times stay out of the model (the tally counts them): the same bytes give the same stored document.
  const section = (type: ExtractedDocument['materialType'], reason: string): OcrResult => ({
    path: file,
    pages: results.map((r) => ({ ...r, ms: 0 })),
    materialTypeBefore: before?.materialType ?? type,
    materialType: type,
    classificationReason: reason,
  });
  const analysed = analyseDocument({
    ...doc,
    pages,
    pageCount: Math.max(doc.pageCount, pages.length),
    metadata,
    findings: [...doc.findings, ...budgetFindings(file, results, over, ctx)],
    ...(results.length > 0 ? { ocr: section('UNCLASSIFIED', '') } : {}),
  });
  const type = analysed.materialType;
  const reason = recognised.length > 0 ? `${analysed.classificationReason} (OCR)` : analysed.classificationReason;

  ctx.tally.pagesRead += recognised.length;
  ctx.tally.ms += recognised.reduce((ms, r) => ms + r.ms, 0);
  ctx.tally.overFileCap += over.file.length;
  ctx.tally.overBundleCap += over.bundle.length;
  if (recognised.length > 0) ctx.tally.documents++;

  if (valueMaterials.has(type) && doc.readable) results.push(...(await textLayerResults(analysed, bytes, ctx)));
  if (results.length === 0) return analysed;
  results.sort((a, b) => a.page - b.page);

  const ocr = section(type, reason);
  const readable: PageLines[] = results
    .filter((p) => p.status === 'recognised' || p.status === 'text-layer')
    .map((p) => ({ page: p.page, lines: p.lines }));
  if (type === 'DECLASSIFICATION_CONSENT')
    ocr.consent = readConsent(
      file,
      readable,
      results.some((r) => r.seal?.detected === true),
    );
  if (type === 'CREDIT_CODE_CERTIFICATE') {
    const creditCode = readCreditCode(file, readable);
    if (creditCode) ocr.creditCode = creditCode;
  }
  return {
    ...analysed,
    classificationReason: reason,
    findings: [
      ...analysed.findings,
      ...sealCheckFindings(file, results, ctx.perPageMs),
      ...lowConfidenceFindings(file, ocr, ctx.minConfidence),
    ],
    ocr,
  };
}
