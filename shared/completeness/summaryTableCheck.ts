import { applicantName } from '../domain/application/application.js';
import type { Application, SummaryTableRow } from '../domain/application/index.js';
import { sameUnit } from '../domain/application/unitName.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import { normaliseStandardNumber } from '../domain/validation/standardNumber.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { byPreference, compactText } from './documentQuality.js';

export interface SummaryEntry {
  id: string;
  app: Application | undefined;
  /** Display name when the forms could not be read (the folder). */
  fallbackName: string;
}

export interface SummaryTableResult {
  /** Findings per application id (its row missing or disagreeing). */
  byApplication: Map<string, Finding[]>;
  /** Rows naming no application of the bundle, duplicate ranks. */
  unitFindings: Finding[];
  ranks: Map<string, number>;
}

const code = (c: string | undefined) => (c ? toHalfWidth(c).replace(/\s/g, '').toUpperCase() : '');
const std = (n: string | undefined) => (n ? normaliseStandardNumber(n).replace(/\s/g, '') : '');

function rowMatches(row: SummaryTableRow, app: Application): boolean {
  switch (app.track) {
    case 'QM_ORG':
      return (
        (code(row.creditCode) !== '' && code(row.creditCode) === code(app.organisation.creditCode)) ||
        sameUnit(row.name, app.organisation.name)
      );
    case 'QM_IND':
      return (
        row.name !== undefined &&
        app.person.name !== undefined &&
        compactText(row.name) === compactText(app.person.name)
      );
    case 'SI':
      return (
        (std(row.standardNumber) !== '' && std(row.standardNumber) === std(app.project.standardNumber)) ||
        (row.name !== undefined &&
          app.project.standardName !== undefined &&
          compactText(row.name) === compactText(app.project.standardName))
      );
  }
}

/**
 * SPEC §4: the recommending unit's summary table (附件3 / 附件6) has one row per application of the bundle, with its
 * ranking (排序). An application without a row, a row without an application, a row whose credit code or standard
 * number disagrees with the forms, and a missing or repeated rank are SUMMARY_TABLE_MISMATCH (blocking; ranks review).
 * The best readable version (Word first) is compared; a table that could not be read is the checklist's concern.
 */
export function checkSummaryTable(
  tables: readonly ExtractedDocument[],
  entries: readonly SummaryEntry[],
): SummaryTableResult {
  const result: SummaryTableResult = { byApplication: new Map(), unitFindings: [], ranks: new Map() };
  const table = [...tables].filter((t) => (t.records.summaryRows?.length ?? 0) > 0).sort(byPreference)[0];
  if (!table || entries.length === 0) return result;
  const rows = table.records.summaryRows ?? [];
  const used = new Set<number>();
  const add = (id: string, f: Finding) => result.byApplication.set(id, [...(result.byApplication.get(id) ?? []), f]);
  for (const entry of entries) {
    const name = entry.app ? (applicantName(entry.app) ?? entry.fallbackName) : entry.fallbackName;
    const index = rows.findIndex(
      (r, i) =>
        !used.has(i) &&
        (entry.app
          ? rowMatches(r, entry.app)
          : r.name !== undefined && compactText(r.name) === compactText(entry.fallbackName)),
    );
    if (index < 0) {
      add(
        entry.id,
        finding('SUMMARY_TABLE_MISMATCH', 'blocking', `汇总表中没有“${name}”这一行`, {
          file: table.path,
          field: 'summaryRows',
          evidence: name,
        }),
      );
      continue;
    }
    used.add(index);
    const row = rows[index] as SummaryTableRow;
    if (row.rank !== undefined) result.ranks.set(entry.id, row.rank);
    const app = entry.app;
    if (!app) continue;
    if (
      app.track === 'QM_ORG' &&
      row.creditCode &&
      app.organisation.creditCode &&
      code(row.creditCode) !== code(app.organisation.creditCode)
    )
      add(
        entry.id,
        finding('SUMMARY_TABLE_MISMATCH', 'blocking', `汇总表中“${name}”的统一社会信用代码与申报表不一致`, {
          file: table.path,
          field: 'summaryRows.creditCode',
          evidence: `${row.creditCode} ≠ ${app.organisation.creditCode}`,
          ...(row.source ? { source: row.source } : {}),
        }),
      );
    if (
      app.track === 'SI' &&
      row.standardNumber &&
      app.project.standardNumber &&
      std(row.standardNumber) !== std(app.project.standardNumber)
    )
      add(
        entry.id,
        finding('SUMMARY_TABLE_MISMATCH', 'blocking', `汇总表中“${name}”的标准编号与申报书不一致`, {
          file: table.path,
          field: 'summaryRows.standardNumber',
          evidence: `${row.standardNumber} ≠ ${app.project.standardNumber}`,
          ...(row.source ? { source: row.source } : {}),
        }),
      );
    if (row.rank === undefined)
      add(
        entry.id,
        finding('SUMMARY_TABLE_MISMATCH', 'review', `汇总表中“${name}”未填排序`, {
          file: table.path,
          field: 'summaryRows.rank',
          ...(row.source ? { source: row.source } : {}),
        }),
      );
  }
  rows.forEach((row, i) => {
    if (used.has(i)) return;
    result.unitFindings.push(
      finding('SUMMARY_TABLE_MISMATCH', 'blocking', `汇总表第${i + 1}行“${row.name ?? ''}”在材料中找不到对应的申报`, {
        file: table.path,
        field: 'summaryRows',
        evidence: row.name,
        ...(row.source ? { source: row.source } : {}),
      }),
    );
  });
  const ranks = rows.map((r) => r.rank).filter((r) => r !== undefined);
  const repeated = ranks.filter((r, i) => ranks.indexOf(r) !== i);
  if (repeated.length > 0)
    result.unitFindings.push(
      finding('SUMMARY_TABLE_MISMATCH', 'review', `汇总表排序重复：${[...new Set(repeated)].join('、')}`, {
        file: table.path,
        field: 'summaryRows.rank',
      }),
    );
  return result;
}
