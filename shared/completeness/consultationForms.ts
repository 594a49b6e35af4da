import type { Application } from '../application/application.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type Department, departments } from '../consultation/department.js';
import { missingConsultations, requiredConsultations } from '../consultation/requiredDepartments.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { type Finding, finding } from '../findings/finding.js';
import { compactText, documentLines } from './documentQuality.js';

/** Department names as forms and file names write them; more specific first (人力资源社会保障 before 人事). */
const departmentPatterns: [RegExp, Department][] = [
  [/工商联|工商业联合会/, 'FEDERATION_OF_INDUSTRY_AND_COMMERCE'],
  [/人力资源和?社会保障|人社/, 'HUMAN_RESOURCES_SOCIAL_SECURITY'],
  [/组织部|组织人事|人事/, 'ORGANISATION_PERSONNEL'],
  [/纪检|监察|纪委/, 'DISCIPLINE_INSPECTION'],
  [/审计/, 'AUDIT'],
  [/生态环境|环境保护|环保/, 'ECOLOGY_ENVIRONMENT'],
  [/税务/, 'TAXATION'],
  [/市场监督管理|市场监管/, 'MARKET_REGULATION'],
  [/应急管理|安全生产监督/, 'EMERGENCY_MANAGEMENT'],
  [/统战|统一战线/, 'UNITED_FRONT'],
  [/社会工作/, 'SOCIAL_WORK'],
  [/民政/, 'CIVIL_AFFAIRS'],
  [/公安/, 'PUBLIC_SECURITY'],
];

const departmentLabel =
  /^(?:征求意见部门|意见部门|部门名称|出具意见部门|出具意见单位|征求意见单位|审核部门)[:：\t]\s*(.+)$/;

export function departmentOf(text: string): Department | undefined {
  for (const [pattern, department] of departmentPatterns) if (pattern.test(text)) return department;
  return undefined;
}

/** The department that returned a 征求意见表: its labelled line, else the file name. */
export function consultedDepartment(doc: ExtractedDocument): Department | undefined {
  for (const line of documentLines(doc)) {
    const m = departmentLabel.exec(compactText(line.replace(/\t/g, '：')));
    if (m) {
      const d = departmentOf(m[1] as string);
      if (d) return d;
    }
  }
  const name = (doc.path.split('/').pop() ?? '').replace(/征求意见表?/g, '');
  return departmentOf(name);
}

/** The subject of a form: an SI main drafter when the form (or its file name) names one, else the applicant. */
function subjectOf(doc: ExtractedDocument, app: Application): string {
  if (app.track !== 'SI') return 'applicant';
  const text = compactText([doc.path, ...documentLines(doc)].join(''));
  const i = app.project.drafters.findIndex((d) => d.name && text.includes(compactText(d.name)));
  return i >= 0 ? `drafters.${i}` : 'applicant';
}

/**
 * SPEC §6: every department of the consultation matrix returns an opinion (征求意见表) for the applicant and, in SI,
 * for each main drafter. One CONSULTATION_MISSING (blocking) per missing (subject, department); when the unit type
 * is not on the forms the matrix cannot be completed: CONSULTATION_MISSING for review.
 */
export function checkConsultations(
  app: Application,
  forms: readonly ExtractedDocument[],
  campaign: CampaignConfig,
): Finding[] {
  const required = requiredConsultations(app, campaign);
  const recorded = forms.flatMap((doc) => {
    const department = consultedDepartment(doc);
    return department ? [{ subjectKey: subjectOf(doc, app), department }] : [];
  });
  const unknown = forms.filter((doc) => consultedDepartment(doc) === undefined).map((d) => d.path);
  const out: Finding[] = missingConsultations(required, recorded).map((m) =>
    finding(
      'CONSULTATION_MISSING',
      'blocking',
      `缺少${departments[m.department]}部门对${m.name ?? '申报对象'}的征求意见表${unknown.length > 0 ? `（${unknown.join('、')}未能识别出具部门）` : ''}`,
      { field: `consultation.${m.subjectKey}.${m.department}`, evidence: departments[m.department] },
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
