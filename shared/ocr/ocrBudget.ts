import type { ExtractedDocument } from '../extraction/document.js';
import type { MaterialType } from '../materials/materialType.js';

/** OCR configuration (a campaign or deployment setting; these are the defaults). */
export interface OcrOptions {
  /** Wall-clock budget of one page, rendering + seal detection + recognition (ms). */
  perPageMs: number;
  /** Pages OCR'd per bundle at most; the pages beyond are reported (OCR_BUDGET_EXCEEDED, info), not read. */
  maxPagesPerBundle: number;
  /** Resolution PDF pages are rendered at (200 is enough for 小四/五号 text; 300 for small print). */
  dpi: number;
  /** Lines under this tesseract confidence (0–100) are low-confidence: shown, never trusted as values. */
  minConfidence: number;
}

export const defaultOcrOptions: OcrOptions = {
  perPageMs: 20_000,
  maxPagesPerBundle: 40,
  dpi: 200,
  minConfidence: 75,
};

/**
 * Materials whose content is checked from scans, in the order they get the page budget: the consent and the credit
 * code first (their values decide findings), then unclassified scans (to classify them), then the rest.
 */
export const ocrMaterialPriority: readonly MaterialType[] = [
  'DECLASSIFICATION_CONSENT',
  'CREDIT_CODE_CERTIFICATE',
  'UNCLASSIFIED',
  'RECOMMENDATION_LETTER',
  'EMPLOYER_RECOMMENDATION',
  'PUBLICITY_EVIDENCE',
  'AWARD_CERTIFICATE',
];

export function needsOcrReading(type: MaterialType): boolean {
  return ocrMaterialPriority.includes(type);
}

export interface PlannedPage {
  path: string;
  page: number;
}

export interface OcrPlan {
  /** Pages to OCR, in priority order, within the cap. */
  pages: PlannedPage[];
  /** Per document path: pages that need OCR but are beyond the per-bundle cap. */
  overCap: Map<string, number[]>;
}

/**
 * Which pages get OCR: pages without a text layer of documents whose material is checked (ocrMaterialPriority), the
 * first page only of an unclassified scan (enough to classify it; its other pages follow when it turns out to be a
 * checked material). Sorted by priority, then path, then page; cut at `maxPagesPerBundle`.
 */
export function planOcr(
  documents: readonly Pick<ExtractedDocument, 'path' | 'materialType' | 'needsOcr' | 'readable'>[],
  maxPagesPerBundle: number,
): OcrPlan {
  const wanted: (PlannedPage & { rank: number })[] = [];
  for (const doc of documents) {
    if (!doc.readable || doc.needsOcr.length === 0 || !needsOcrReading(doc.materialType)) continue;
    const rank = ocrMaterialPriority.indexOf(doc.materialType);
    const pages = doc.materialType === 'UNCLASSIFIED' ? doc.needsOcr.slice(0, 1) : doc.needsOcr;
    for (const page of pages) wanted.push({ path: doc.path, page, rank });
  }
  wanted.sort((a, b) => a.rank - b.rank || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.page - b.page);
  const cap = Math.max(0, maxPagesPerBundle);
  const overCap = new Map<string, number[]>();
  for (const { path, page } of wanted.slice(cap)) overCap.set(path, [...(overCap.get(path) ?? []), page]);
  return { pages: wanted.slice(0, cap).map(({ path, page }) => ({ path, page })), overCap };
}

/** Counts pages against the per-bundle cap as OCR goes (follow-up pages of newly classified scans included). */
export class PageAllowance {
  private used = 0;

  constructor(readonly maxPages: number) {}

  take(): boolean {
    if (this.used >= this.maxPages) return false;
    this.used++;
    return true;
  }

  get pagesUsed(): number {
    return this.used;
  }
}

/** Time left of a page's budget started at `start` (performance.now()). */
export function remainingMs(start: number, perPageMs: number): number {
  return perPageMs - (performance.now() - start);
}
