import type { ExtractedDocument } from '../extraction/document.js';
import type { CompletenessReport } from '../report/completenessReport.js';
import { type CheckBundleInput, checkGroupedBundle } from './checkBundle.js';
import type { BundleGrouping } from './groupDocuments.js';

/** The extracted documents as the extraction pass left them: OCR'd pages, OCR sections and all. */
export type CheckExtractedBundleInput = CheckBundleInput;

export interface CheckedBundle {
  report: CompletenessReport;
  /** The documents as checked (scans with their OCR text and OCR sections when the extraction OCR'd them). */
  documents: ExtractedDocument[];
  /** The grouping the report rests on (its documents are those above). */
  grouping: BundleGrouping;
}

/**
 * The one entry point from extracted documents to the completeness report, for the CLI and the intake alike. OCR is
 * not done here: it happened in each entry's extraction pass (`bundleOcr` / `documentOcr`), and the documents carry
 * their OCR text and sections (consent unit/date/seal, certificate credit code). Never throws for a bad document.
 */
export function checkExtractedBundle(input: CheckExtractedBundleInput): CheckedBundle {
  const documents = [...input.documents];
  return { ...checkGroupedBundle({ ...input, documents }), documents };
}
