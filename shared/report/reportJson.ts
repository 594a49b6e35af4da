import { CompletenessReport } from './completenessReport.js';

/**
 * The report as JSON: validated against the schema, two-space indented, with a final newline. The report itself is
 * built in a fixed order (files by path, findings by severity/code/file/field), so the same bundle gives the same bytes.
 */
export function reportJson(report: CompletenessReport): string {
  return `${JSON.stringify(CompletenessReport.parse(report), null, 2)}\n`;
}

/** Reads a report back (e.g. a stored one), checked against the schema. */
export function parseReportJson(text: string): CompletenessReport {
  return CompletenessReport.parse(JSON.parse(text));
}
