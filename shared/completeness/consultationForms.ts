import type { Application } from '../domain/application/application.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { missingConsultations, requiredConsultations } from '../domain/campaign/requiredDepartments.js';
import { departmentOf, departments } from '../domain/consultation/department.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { MaterialType } from '../domain/materials/materialType.js';
import { type ConsultationRow, readConsultationRows } from '../extraction/consultationRows.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { parseSubjectCategory, type SubjectCategory, withSubjectCategories } from '../extraction/subjectCategory.js';
import { compactText, isImageOnly } from './documentQuality.js';

export { departmentOf };

/** Materials that name the consultation form or departments without being one (lists, letters, summary tables). */
const notConsultations = new Set<MaterialType>([
  'SI_MATERIAL_LIST',
  'RECOMMENDATION_LETTER',
  'QM_SUMMARY_TABLE',
  'SI_PROJECT_SUMMARY_TABLE',
  'SI_RECOMMENDATION_SUMMARY_TABLE',
  'CONTACT_FORM',
  'STANDARD_TEXT',
]);

/** A consultation row attributed to a subject of the application ('applicant' or 'drafters.<i>'). */
export interface AttributedRow extends ConsultationRow {
  subjectKey: string;
}

/** The subject a row is about: the SI main drafter the form (its name, heading or file name) names, else the applicant. */
function subjectKeyOf(row: ConsultationRow, doc: ExtractedDocument, app: Application): string {
  if (app.track !== 'SI') return 'applicant';
  const drafters = app.project.drafters.map((d) => (d.name ? compactText(d.name) : ''));
  const named = row.subject?.name ? compactText(row.subject.name) : undefined;
  if (named) {
    const exact = drafters.findIndex((d) => d !== '' && d === named);
    if (exact >= 0) return `drafters.${exact}`;
    const applicant = app.project.applicant.name ? compactText(app.project.applicant.name) : undefined;
    if (applicant && (named.includes(applicant) || applicant.includes(named))) return 'applicant';
    const within = drafters.findIndex((d) => d !== '' && named.includes(d));
    if (within >= 0) return `drafters.${within}`;
  }
  const fileName = compactText(doc.path.split('/').pop() ?? '');
  const inName = drafters.findIndex((d) => d !== '' && fileName.includes(d));
  return inName >= 0 ? `drafters.${inName}` : 'applicant';
}

/**
 * Every consultation row of an application's documents (征求意见表 files of any layout, the SI 申报书's section 六),
 * attributed to its subject. A scanned 征求意见表 without text stands, as before, for the department its file name
 * names: the signed original is usually the scan.
 */
export function consultationRows(app: Application, documents: readonly ExtractedDocument[]): AttributedRow[] {
  return documents
    .filter((doc) => doc.readable && !notConsultations.has(doc.materialType))
    .flatMap((doc) => {
      const whole = doc.materialType === 'CONSULTATION_FORM';
      const scan = whole && isImageOnly(doc) && doc.pages.every((p) => p.lines.length === 0);
      return readConsultationRows(doc, { wholeDocument: whole }).map((row) => ({
        ...row,
        ...(scan ? { returned: true } : {}),
        subjectKey: subjectKeyOf(row, doc, app),
      }));
    });
}

/** The 类别 each subject's form gives (the first readable one), by subjectKey. */
export function consultationCategories(rows: readonly AttributedRow[]): Map<string, SubjectCategory> {
  const categories = new Map<string, SubjectCategory>();
  for (const row of rows) {
    if (categories.has(row.subjectKey) || !row.subject?.category) continue;
    const category = parseSubjectCategory(row.subject.category);
    if (category) categories.set(row.subjectKey, category);
  }
  return categories;
}

/**
 * The application with what its 征求意见表 say about each subject (类别 → 单位性质, 负责人, 统战人士) where its forms say
 * nothing: the input of the consultation matrix.
 */
export function withConsultationCategories(app: Application, documents: readonly ExtractedDocument[]): Application {
  return withSubjectCategories(app, consultationCategories(consultationRows(app, documents)));
}

const where = (row: ConsultationRow) =>
  row.source.table !== undefined
    ? `表${row.source.table + 1}第${(row.source.row ?? 0) + 1}行`
    : row.source.line !== undefined
      ? `第${row.source.page ?? 1}页第${row.source.line}行`
      : '';

/**
 * SPEC §6: every department of the consultation matrix returns an opinion for the applicant and, in SI, for each main
 * drafter. Opinions are read as rows (one 反馈意见栏 per department) from every document of the application; the
 * subject's 类别 completes the matrix's inputs. One CONSULTATION_MISSING (blocking) per missing (subject, department) —
 * a row of the blank form left empty is missing too; when the unit type is still unknown the matrix cannot be
 * completed: CONSULTATION_MISSING for review. An opinion that objects or reports a problem is CONSULTATION_ADVERSE for
 * review: the notice asks that opinions be sought before the bundle is sent, and weighing them is the office's work.
 */
export function checkConsultations(
  app: Application,
  documents: readonly ExtractedDocument[],
  campaign: CampaignConfig,
): Finding[] {
  const rows = consultationRows(app, documents);
  const subjectApp = withSubjectCategories(app, consultationCategories(rows));
  const required = requiredConsultations(subjectApp, campaign);
  const returned = rows.filter((r) => r.returned);
  const unknown = documents
    .filter((d) => d.materialType === 'CONSULTATION_FORM' && !rows.some((r) => r.source.file === d.path))
    .map((d) => d.path);
  const out: Finding[] = missingConsultations(required, returned).map((m) => {
    const empty = rows.find((r) => !r.returned && r.subjectKey === m.subjectKey && r.department === m.department);
    const subject = m.name ?? '申报对象';
    const message = empty
      ? `${empty.source.file}中${empty.departmentText}对${subject}的反馈意见栏（${where(empty)}）未填写意见和日期`
      : `缺少${departments[m.department]}部门对${subject}的征求意见表${unknown.length > 0 ? `（${unknown.join('、')}未能识别出具部门）` : ''}`;
    return finding('CONSULTATION_MISSING', 'blocking', message, {
      field: `consultation.${m.subjectKey}.${m.department}`,
      evidence: departments[m.department],
      ...(empty ? { file: empty.source.file, source: empty.source } : {}),
    });
  });
  const names = new Map(required.map((r) => [r.subjectKey, r.name]));
  for (const row of returned)
    if (row.adverse)
      out.push(
        finding(
          'CONSULTATION_ADVERSE',
          'review',
          `${row.departmentText}对${names.get(row.subjectKey) ?? '申报对象'}的意见为不同意或反映问题（${where(row) || row.source.file}），请审核`,
          {
            field: `consultation.${row.subjectKey}.${row.department}`,
            file: row.source.file,
            evidence: `${row.departmentText}：${row.opinion ?? ''}`,
            source: row.source,
          },
        ),
      );
  for (const r of required)
    if (r.undetermined.length > 0)
      out.push(
        finding(
          'CONSULTATION_MISSING',
          'review',
          `${r.name ?? '申报对象'}的单位性质未能读取，可能还须征求组织人事、审计、人社、生态环境、税务、市场监管、应急管理、统战、工商联等部门意见，请审核`,
          { field: `consultation.${r.subjectKey}.ownershipType` },
        ),
      );
  return out;
}
