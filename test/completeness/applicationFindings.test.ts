import { describe, expect, it } from 'vitest';
import * as m from '../fixtures/bundles/awardMaterials.js';
import {
  organisation,
  orgFolder,
  person,
  personFolder,
  project,
  projectFolder,
  qmIndBundle,
  qmOrgBundle,
  qmUnit,
  siBundle,
} from '../fixtures/bundles/exampleBundles.js';
import { checkSpec, withCode } from './checkSpec.js';

describe('application checks', () => {
  it('RECOMMENDATION_LETTER_INCOMPLETE names the missing points of the eight', async () => {
    const spec = qmOrgBundle();
    const points = m.recommendationPointHeadings.filter((p) => p !== '基层公示情况' && p !== '集体研究情况');
    spec.set('推荐公函.docx', () => m.recommendationLetter(qmUnit, points, 'docx'));
    spec.set('推荐公函.pdf', () => m.recommendationLetter(qmUnit, points, 'pdf'));
    const report = await checkSpec(spec);
    const [f] = withCode(report, 'RECOMMENDATION_LETTER_INCOMPLETE');
    expect(f).toMatchObject({
      severity: 'blocking',
      file: '推荐公函.docx',
      field: 'recommendationLetter.pointsPresent',
    });
    expect(f?.evidence).toBe('基层公示情况、集体研究情况');
  });

  it('SELF_EVALUATION_MISSING_CATEGORY: one finding per GB/T 19580 category the 自评报告 lacks', async () => {
    const spec = qmOrgBundle();
    spec.set(`${orgFolder}/自评报告.docx`, () =>
      m.selfEvaluationReport(
        organisation.name,
        m.gbt19580Categories.filter((c) => c !== '测量、分析与改进'),
      ),
    );
    const report = await checkSpec(spec);
    expect(withCode(report, 'SELF_EVALUATION_MISSING_CATEGORY')).toMatchObject([
      {
        severity: 'blocking',
        file: `${orgFolder}/自评报告.docx`,
        field: 'selfEvaluation.MEASUREMENT_ANALYSIS_IMPROVEMENT',
        evidence: '测量、分析与改进',
      },
    ]);
  });

  it('PUBLICITY_EVIDENCE_MISSING: a QM_ORG bundle without evidence of the internal publicity', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${orgFolder}/内部公示情况说明.pdf`);
    const report = await checkSpec(spec);
    expect(withCode(report, 'PUBLICITY_EVIDENCE_MISSING')).toMatchObject([
      { severity: 'blocking', field: 'publicity.PUBLICITY_EVIDENCE' },
    ]);
    expect(withCode(report, 'MISSING_MATERIAL')).toEqual([]);
  });

  it('PUBLICITY_EVIDENCE_MISSING: the employer’s recommendation says nothing of a publicity (QM_IND)', async () => {
    const spec = qmIndBundle();
    spec.set(`${personFolder}/所在单位推荐意见.pdf`, () =>
      m.employerRecommendation(person.name, person.employer, false),
    );
    const report = await checkSpec(spec);
    expect(withCode(report, 'PUBLICITY_EVIDENCE_MISSING')).toMatchObject([
      { severity: 'blocking', file: `${personFolder}/所在单位推荐意见.pdf` },
    ]);
  });

  it('PUBLICITY_EVIDENCE_MISSING: a written window of fewer than 5 working days blocks', async () => {
    const spec = qmOrgBundle();
    spec.set(`${orgFolder}/内部公示情况说明.pdf`, () =>
      m.publicityEvidence(organisation.name, '2025年7月28日至2025年7月30日'),
    );
    const report = await checkSpec(spec);
    expect(withCode(report, 'PUBLICITY_EVIDENCE_MISSING')).toMatchObject([
      {
        severity: 'blocking',
        file: `${orgFolder}/内部公示情况说明.pdf`,
        field: 'publicity.window',
        evidence: '2025-07-28至2025-07-30',
      },
    ]);
  });

  it('PUBLICITY_EVIDENCE_MISSING: SI drafter selection without its publicity at the drafters’ units', async () => {
    const spec = siBundle();
    spec.set(`${projectFolder}/主要起草人员遴选及公示情况.pdf`, () => m.drafterSelectionEvidence(project, false));
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(withCode(report, 'PUBLICITY_EVIDENCE_MISSING')).toMatchObject([
      { severity: 'blocking', file: `${projectFolder}/主要起草人员遴选及公示情况.pdf` },
    ]);
  });

  it('CONSULTATION_MISSING: per department of the matrix (QM_IND staff of a private firm: 组织人事)', async () => {
    const spec = qmIndBundle();
    spec.delete(`${personFolder}/征求意见表-组织人事.docx`);
    const report = await checkSpec(spec);
    expect(withCode(report, 'CONSULTATION_MISSING')).toMatchObject([
      { severity: 'blocking', field: 'consultation.applicant.ORGANISATION_PERSONNEL', evidence: '组织人事' },
    ]);
  });

  it('CONSULTATION_MISSING: per SI main drafter (公安 for each)', async () => {
    const spec = siBundle();
    spec.delete(`${projectFolder}/征求意见表/征求意见表-公安-周雪梅.docx`);
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(withCode(report, 'CONSULTATION_MISSING').filter((f) => f.severity === 'blocking')).toMatchObject([
      { field: 'consultation.drafters.1.PUBLIC_SECURITY' },
    ]);
  });

  it('LATE_SUBMISSION: received after the QM deadline; at the deadline instant it is on time', async () => {
    const late = await checkSpec(qmOrgBundle(), { receivedAt: '2025-08-23T00:00:01+08:00' });
    expect(withCode(late, 'LATE_SUBMISSION')).toMatchObject([{ severity: 'blocking', field: 'receivedAt' }]);
    const onDeadline = await checkSpec(qmOrgBundle(), { receivedAt: '2025-08-22T23:59:59+08:00' });
    expect(withCode(onDeadline, 'LATE_SUBMISSION')).toEqual([]);
  });

  it('eligibility findings of the domain core on the extracted fields point at the form', async () => {
    const spec = qmOrgBundle();
    spec.set(`${orgFolder}/组织申报表.docx`, () => m.qmOrgForm({ ...organisation, establishedDate: '2022年3月1日' }));
    const report = await checkSpec(spec);
    expect(withCode(report, 'OPERATING_YEARS_TOO_FEW')).toMatchObject([
      { severity: 'blocking', file: `${orgFolder}/组织申报表.docx`, field: 'organisation.establishedDate' },
    ]);
  });

  it('eligibility: SI contribution rates that do not add up to 100', async () => {
    const spec = siBundle();
    const drafters = project.drafters.map((d, i) => ({ ...d, rate: i === 0 ? '60%' : '30%' }));
    spec.set(`${projectFolder}/项目申报书.docx`, () => m.siApplicationForm({ ...project, drafters }));
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(withCode(report, 'CONTRIBUTION_NOT_100')).toMatchObject([
      { file: `${projectFolder}/项目申报书.docx`, field: 'project.drafters' },
    ]);
  });
});
