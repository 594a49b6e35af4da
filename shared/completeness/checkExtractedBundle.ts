import type { ExtractedDocument } from '../extraction/document.js';
import { type ApplyOcrOptions, applyOcr, ocrResultsByPath, type ReadDocumentBytes } from '../ocr/applyOcr.js';
import { defaultOcrOptions, planOcr } from '../ocr/ocrBudget.js';
import type { OcrResult } from '../ocr/ocrResult.js';
import type { CompletenessReport } from '../report/completenessReport.js';
import { type CheckBundleInput, checkBundle } from './checkBundle.js';

export interface CheckExtractedBundleInput extends Omit<CheckBundleInput, 'ocr'> {
  /** The original bytes of a document (from the bundle, the object store, the disk); asked only for OCR. */
  readBytes: ReadDocumentBytes;
  /**
   * OCR settings over `defaultOcrOptions` (per-page time budget, per-bundle page cap, dpi, confidence threshold; an
   * engine/renderer for tests), or `false` to skip OCR: scans then stay "not verifiable" (review).
   */
  ocr?: ApplyOcrOptions | false;
  /** Progress lines for people (stderr); they carry counts and times, never document text. */
  progress?: (message: string) => void;
}

export interface CheckedBundle {
  report: CompletenessReport;
  /** The documents as checked: after OCR (OCR text in the pages, scans classified again, OCR findings). */
  documents: ExtractedDocument[];
  /** The OCR sections by document path (empty without OCR). */
  ocr: Map<string, OcrResult>;
}

/**
 * The one entry point from extracted documents to the completeness report, for the CLI and the intake alike: OCR of
 * the scans that matter within the budget (`applyOcr`), then `checkBundle` on the OCR'd documents with their OCR
 * sections (consent unit/date/seal, certificate credit code). Never throws for a bad document.
 */
export async function checkExtractedBundle(input: CheckExtractedBundleInput): Promise<CheckedBundle> {
  const { readBytes, ocr: ocrOptions, progress = () => {}, ...check } = input;
  let documents = [...input.documents];
  let ocr = new Map<string, OcrResult>();
  if (ocrOptions !== false) {
    const cap = ocrOptions?.maxPagesPerBundle ?? defaultOcrOptions.maxPagesPerBundle;
    const plan = planOcr(documents, cap);
    const beyond = [...plan.overCap.values()].reduce((n, pages) => n + pages.length, 0);
    progress(
      `文字识别（OCR）：${plan.pages.length} 页待识别${beyond > 0 ? `，${beyond} 页超出每包 ${cap} 页上限` : ''}，另核验同意书印章 …`,
    );
    const start = performance.now();
    const applied = await applyOcr(documents, readBytes, ocrOptions ?? {});
    documents = applied.map((a) => a.document);
    ocr = ocrResultsByPath(applied);
    const read = [...ocr.values()].reduce((n, r) => n + r.pages.filter((p) => p.status === 'recognised').length, 0);
    progress(`文字识别完成：识别 ${read} 页，用时 ${((performance.now() - start) / 1000).toFixed(1)} 秒`);
  }
  return { report: checkBundle({ ...check, documents, ocr }), documents, ocr };
}
