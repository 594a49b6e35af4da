import { describe, expect, it } from 'vitest';
import { Application } from '../../../shared/domain/application/application.js';
import { loadCampaign } from '../../../shared/domain/campaign/loadCampaign.js';
import {
  type ConsultationSubject,
  matrixDepartments,
  missingConsultations,
  requiredConsultations,
  requiredDepartments,
} from '../../../shared/domain/campaign/requiredDepartments.js';
import { Department } from '../../../shared/domain/consultation/department.js';

const matrix = loadCampaign('2025').consultation;
const campaign = loadCampaign('2025');
const ENTERPRISE: Department[] = [
  'HUMAN_RESOURCES_SOCIAL_SECURITY',
  'ECOLOGY_ENVIRONMENT',
  'TAXATION',
  'MARKET_REGULATION',
  'EMERGENCY_MANAGEMENT',
];

describe('consultation matrix (SPEC §6, notice §四)', () => {
  it.each<[string, ConsultationSubject, 'QM_ORG' | 'QM_IND' | 'SI', Department[]]>([
    [
      'state-owned enterprise',
      { role: 'organisation', ownershipType: 'STATE_OWNED' },
      'QM_ORG',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'DISCIPLINE_INSPECTION', 'AUDIT', ...ENTERPRISE],
    ],
    [
      'state-controlled enterprise head',
      { role: 'head', ownershipType: 'STATE_CONTROLLED' },
      'QM_IND',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'DISCIPLINE_INSPECTION', 'AUDIT', ...ENTERPRISE],
    ],
    [
      'state-owned enterprise staff',
      { role: 'staff', ownershipType: 'STATE_OWNED' },
      'QM_IND',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'DISCIPLINE_INSPECTION'],
    ],
    [
      'public institution, not audited',
      { role: 'organisation', ownershipType: 'PUBLIC_INSTITUTION' },
      'QM_ORG',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'DISCIPLINE_INSPECTION'],
    ],
    [
      'public institution head, audited',
      { role: 'head', ownershipType: 'PUBLIC_INSTITUTION', auditSubject: true },
      'QM_IND',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'DISCIPLINE_INSPECTION', 'AUDIT'],
    ],
    [
      'non-public enterprise',
      { role: 'organisation', ownershipType: 'NON_PUBLIC' },
      'QM_ORG',
      ['PUBLIC_SECURITY', ...ENTERPRISE, 'UNITED_FRONT', 'FEDERATION_OF_INDUSTRY_AND_COMMERCE'],
    ],
    [
      'non-public enterprise staff',
      { role: 'staff', ownershipType: 'NON_PUBLIC' },
      'QM_IND',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL'],
    ],
    [
      '统战人士 on the staff of a non-public enterprise',
      { role: 'staff', ownershipType: 'NON_PUBLIC', unitedFront: true },
      'QM_IND',
      ['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'UNITED_FRONT'],
    ],
    [
      'social organisation in SI',
      { role: 'organisation', ownershipType: 'SOCIAL_ORGANISATION' },
      'SI',
      ['PUBLIC_SECURITY', 'SOCIAL_WORK', 'CIVIL_AFFAIRS'],
    ],
    [
      'social organisation in QM (SI-only rule)',
      { role: 'organisation', ownershipType: 'SOCIAL_ORGANISATION' },
      'QM_ORG',
      ['PUBLIC_SECURITY'],
    ],
  ])('%s', (_label, subject, track, expected) => {
    expect(requiredDepartments(subject, track, matrix)).toEqual({ departments: expected, undetermined: [] });
  });

  it('adds reviewer-added departments and reports a missing ownership type as undetermined', () => {
    expect(requiredDepartments({ role: 'organisation' }, 'QM_ORG', matrix, ['TAXATION'])).toEqual({
      departments: ['PUBLIC_SECURITY', 'TAXATION'],
      undetermined: ['ownershipType'],
    });
  });

  it('covers the SI applicant and every main drafter', () => {
    const app = Application.parse({
      track: 'SI',
      project: {
        applicant: { name: '吉林某协会', ownershipType: 'SOCIAL_ORGANISATION' },
        drafters: [
          { name: '张三', unitOwnershipType: 'SOCIAL_ORGANISATION', isHead: true },
          { name: '李四', unitOwnershipType: 'NON_PUBLIC' },
        ],
      },
    });
    const required = requiredConsultations(app, campaign, { 'drafters.1': ['AUDIT'] });
    expect(required.map((r) => [r.subjectKey, r.field, r.role])).toEqual([
      ['applicant', 'project.applicant', 'organisation'],
      ['drafters.0', 'project.drafters.0', 'head'],
      ['drafters.1', 'project.drafters.1', 'staff'],
    ]);
    expect(required[1]?.departments).toEqual(['PUBLIC_SECURITY', 'SOCIAL_WORK', 'CIVIL_AFFAIRS']);
    expect(required[2]?.departments).toEqual(['PUBLIC_SECURITY', 'ORGANISATION_PERSONNEL', 'AUDIT']);
  });

  it('builds one list for an application: the departments of all its subjects once, in Department order, and what it lacked', () => {
    const app = Application.parse({
      track: 'SI',
      project: {
        applicant: { name: '某公司', ownershipType: 'STATE_OWNED' },
        drafters: [
          { name: '张三', isHead: true },
          { name: '李四', unitOwnershipType: 'NON_PUBLIC' },
        ],
      },
    });
    const { departments, undetermined } = matrixDepartments(app, campaign);
    const all = new Set(requiredConsultations(app, campaign).flatMap((r) => r.departments));
    expect(departments).toEqual(Department.options.filter((d) => all.has(d)));
    expect(new Set(departments).size).toBe(departments.length);
    expect(departments).toEqual(expect.arrayContaining(['PUBLIC_SECURITY', 'AUDIT', 'TAXATION']));
    expect(undetermined).toEqual(['ownershipType']);
  });

  it('treats a QM_IND legal representative as the head and lists what is still missing', () => {
    const app = Application.parse({
      track: 'QM_IND',
      person: { name: '王五', employerOwnershipType: 'NON_PUBLIC', isLegalRepresentative: true },
    });
    const required = requiredConsultations(app, campaign);
    expect(required[0]?.role).toBe('head');
    const missing = missingConsultations(required, [{ subjectKey: 'applicant', department: 'PUBLIC_SECURITY' }]);
    expect(missing.map((m) => m.department)).toEqual([
      ...ENTERPRISE,
      'UNITED_FRONT',
      'FEDERATION_OF_INDUSTRY_AND_COMMERCE',
    ]);
    expect(missing[0]).toMatchObject({ subjectKey: 'applicant', field: 'person', name: '王五' });
  });
});
