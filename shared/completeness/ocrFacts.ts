import type { OcrResult } from '../extraction/ocrResult.js';
import type { ReportFileOcr } from '../report/completenessReport.js';

/**
 * The OCR facts of one file for the report: pages read and not read, mean confidence and the seal verdict, the values
 * read. Times are left out and confidences rounded, so the same bytes give the same report.
 */
export function reportFileOcr(ocr: OcrResult | undefined): ReportFileOcr | undefined {
  if (!ocr) return undefined;
  const read = ocr.pages.filter((p) => p.status === 'recognised');
  const notRead = ocr.pages.filter(
    (p) => p.status === 'timeout' || p.status === 'failed' || p.status === 'over-page-cap',
  );
  const examined = ocr.pages.filter((p) => p.seal !== undefined);
  const facts: ReportFileOcr = { pagesRead: read.map((p) => p.page), pagesNotRead: notRead.map((p) => p.page) };
  if (read.length > 0) facts.meanConfidence = Math.round(read.reduce((sum, p) => sum + p.confidence, 0) / read.length);
  if (examined.length > 0) facts.sealDetected = examined.some((p) => p.seal?.detected === true);
  if (ocr.materialTypeBefore !== ocr.materialType) facts.reclassifiedFrom = ocr.materialTypeBefore;
  if (ocr.consent?.unit) facts.consentUnit = ocr.consent.unit.value;
  if (ocr.consent?.date) facts.consentDate = ocr.consent.date.value;
  if (ocr.creditCode) {
    facts.creditCode = ocr.creditCode.value;
    facts.creditCodeValid = ocr.creditCode.valid;
  }
  return facts;
}
