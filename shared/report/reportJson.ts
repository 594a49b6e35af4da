import { isPersonalField, maskText, maskWholeValue, seesPersonalData } from '../domain/access/maskPersonalData.js';
import type { Role } from '../domain/access/role.js';
import { CompletenessReport } from './completenessReport.js';

/** Who the report JSON goes to: personal data is masked by the same rules as the history exports. */
export interface ReportAudience {
  role: Role;
  /** An auditor's need to see personal data, recorded in the history (see `seesPersonalData`). */
  needRecorded?: boolean;
}

/**
 * The report as JSON: validated against the schema, two-space indented, with a final newline. The report itself is
 * built in a fixed order (files by path, findings by severity/code/file/field), so the same bundle gives the same bytes.
 * With an `audience`, the JSON is the one that leaves the system for that reader: masked unless the role sees
 * personal data (the office reviewer and the system do; a recommending unit never does; an auditor only after a
 * recorded need). Without one it is the stored, unmasked report.
 */
export function reportJson(report: CompletenessReport, audience?: ReportAudience): string {
  const parsed = CompletenessReport.parse(report);
  const shown = audience && !seesPersonalData(audience.role, audience.needRecorded) ? maskReport(parsed) : parsed;
  return `${JSON.stringify(shown, null, 2)}\n`;
}

function maskStrings<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map(maskStrings) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v)])) as T;
  return value;
}

/**
 * A copy with identity and phone numbers masked: the applicant's ID number and every personal form field's value
 * (ID number, phone, contact) whatever their format, and any such number in other text (finding messages and
 * evidence, file names, OCR'd values). Hashes, ids and counts stay as they are, so the copy still fits the schema.
 */
export function maskReport(report: CompletenessReport): CompletenessReport {
  const masked = maskStrings(report);
  for (const app of masked.applications) {
    if (app.applicant.idNumber !== undefined) app.applicant.idNumber = maskWholeValue(app.applicant.idNumber);
    for (const [key, field] of Object.entries(app.fields))
      if (isPersonalField(key)) field.value = maskWholeValue(field.value);
  }
  return masked;
}

/** Reads a report back (e.g. a stored one), checked against the schema. */
export function parseReportJson(text: string): CompletenessReport {
  return CompletenessReport.parse(JSON.parse(text));
}
