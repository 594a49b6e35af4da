import { finding } from '../findings/finding.js';
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
  if (doc.readable && doc.needsOcr.length > 0 && textRequiredMaterials.has(type))
    findings.push(
      finding('SCAN_WITHOUT_TEXT', 'review', `pages without a text layer: ${doc.needsOcr.join(', ')}`, {
        file,
        source: { file, page: doc.needsOcr[0] },
      }),
    );
  const fields = doc.readable ? readFormFields(file, doc.pages, doc.tables) : {};
  let records: ApplicationRecords = {};
  if (doc.readable && doc.needsOcr.length < Math.max(1, doc.pageCount)) {
    const read = readApplicationRecords(file, type, fields, doc.pages, doc.tables);
    records = read.records;
    findings.push(...read.findings);
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
