import { type Finding, finding } from '../domain/findings/finding.js';
import { type ApplicationRecords, readApplicationRecords } from './applicationRecords.js';
import { classifiedMarkingFindings } from './classifiedMarking.js';
import { classifyMaterial } from './classifyMaterial.js';
import type { ExtractedDocument } from './document.js';
import { readFormFields } from './formFields.js';

export type ReadDocument = Omit<ExtractedDocument, 'materialType' | 'classificationReason' | 'fields' | 'records'>;

/** Material types whose fields must be read: an image-only copy of these is SCAN_WITHOUT_TEXT (SPEC §4). */
export const textRequiredMaterials = new Set<ExtractedDocument['materialType']>([
  'QM_ORG_APPLICATION_FORM',
  'QM_IND_APPLICATION_FORM',
  'SI_APPLICATION_FORM',
  'QM_SUMMARY_TABLE',
  'SI_PROJECT_SUMMARY_TABLE',
  'SI_RECOMMENDATION_SUMMARY_TABLE',
  'RECOMMENDATION_LETTER',
]);

/** Classification, classified-marking scan, scan detection and form fields on a document whose content is read. */
export function analyseDocument(doc: ReadDocument): ExtractedDocument {
  const file = doc.path;
  const { type, reason, additionalMaterials } = classifyMaterial(doc.path, { pages: doc.pages, tables: doc.tables });
  const findings = [...doc.findings];
  if (type === 'UNCLASSIFIED')
    findings.push(finding('UNCLASSIFIED_FILE', 'info', 'the file matches no material type', { file }));
  findings.push(...classifiedMarkingFindings(file, doc.pages, doc.headers));
  const ocrPages = recognisedPages(doc);
  if (doc.readable && doc.needsOcr.length > 0 && textRequiredMaterials.has(type))
    findings.push(scanWithoutText(file, doc.needsOcr, ocrPages));
  const fields = doc.readable ? readFormFields(file, doc.pages, doc.tables) : {};
  let records: ApplicationRecords = {};
  // Records from text: a text layer, or OCR'd pages (a scan whose pages were not OCR'd has nothing to read).
  if (doc.readable && (doc.needsOcr.length < Math.max(1, doc.pageCount) || ocrPages.size > 0)) {
    const read = readApplicationRecords(file, type, fields, doc.pages, doc.tables);
    records = read.records;
    findings.push(...ocrAware(read.findings, ocrPages));
    findings.push(...lowConfidenceFields(file, fields, doc.ocr));
  }
  return {
    ...doc,
    materialType: type,
    ...(additionalMaterials ? { additionalMaterials } : {}),
    classificationReason: reason,
    fields,
    records,
    findings,
  };
}

/** Pages whose text came from OCR. */
function recognisedPages(doc: ReadDocument): Set<number> {
  return new Set(doc.ocr?.pages.filter((p) => p.status === 'recognised').map((p) => p.page) ?? []);
}

/**
 * A form that must be read exists only as a scan (SPEC §4: editable originals, readable forms): flagged for review
 * even when OCR read it — its facts count, and the message says they came from OCR.
 */
function scanWithoutText(file: string, needsOcr: readonly number[], ocrPages: ReadonlySet<number>): Finding {
  const read = needsOcr.filter((p) => ocrPages.has(p));
  const how =
    read.length > 0
      ? `; OCR read pages ${read.join(', ')}: the values below come from OCR, check them against the scan`
      : '';
  return finding('SCAN_WITHOUT_TEXT', 'review', `pages without a text layer: ${needsOcr.join(', ')}${how}`, {
    file,
    source: { file, page: needsOcr[0] },
  });
}

/**
 * A value read by OCR that fails its check (credit code, ID number, standard number) may be a misreading as well as
 * a wrong value: review, not blocking.
 */
function ocrAware(findings: readonly Finding[], ocrPages: ReadonlySet<number>): Finding[] {
  return findings.map((f) =>
    f.severity === 'blocking' && f.source?.page !== undefined && ocrPages.has(f.source.page)
      ? { ...f, severity: 'review', message: `${f.message} (read by OCR: check against the scan)` }
      : f,
  );
}

/** OCR_LOW_CONFIDENCE for each form value read from an OCR line under the confidence threshold. */
function lowConfidenceFields(file: string, fields: ExtractedDocument['fields'], ocr: ReadDocument['ocr']): Finding[] {
  if (!ocr) return [];
  const findings: Finding[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const { page, line } = field.source;
    if (page === undefined || line === undefined) continue;
    const read = ocr.pages.find((p) => p.page === page && p.status === 'recognised')?.lines[line - 1];
    if (read?.lowConfidence)
      findings.push(
        finding(
          'OCR_LOW_CONFIDENCE',
          'review',
          `${field.label} read by OCR with confidence ${read.confidence.toFixed(0)}`,
          {
            file,
            field: key,
            source: field.source,
          },
        ),
      );
  }
  return findings;
}
