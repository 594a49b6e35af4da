import { describe, expect, it } from 'vitest';
import * as m from '../fixtures/bundles/awardMaterials.js';
import {
  type BundleSpec,
  organisation,
  organisationDepartments,
  orgFolder,
  qmOrgBundle,
  qmUnit,
} from '../fixtures/bundles/exampleBundles.js';
import { creditCode } from '../fixtures/bundles/identities.js';
import { checkSpec, withCode } from './checkSpec.js';

const second: m.Organisation = {
  ...organisation,
  name: '长春宏达食品有限公司',
  creditCode: creditCode('91220104MA14RT7L2'),
  legalRepresentative: '张丽',
};

/** Two organisations' materials side by side at the root of the bundle, told apart only by their content. */
function flatBundle(): BundleSpec {
  const spec: BundleSpec = new Map();
  const rows = [
    { rank: 1, name: organisation.name, creditCode: organisation.creditCode },
    { rank: 2, name: second.name, creditCode: second.creditCode },
  ];
  spec.set('推荐公函.docx', () => m.recommendationLetter(qmUnit, undefined, 'docx'));
  spec.set('推荐公函.pdf', () => m.recommendationLetter(qmUnit, undefined, 'pdf'));
  spec.set('汇总表.docx', () => m.qmSummaryTable(qmUnit, rows, 'docx'));
  spec.set('汇总表.pdf', () => m.qmSummaryTable(qmUnit, rows, 'pdf'));
  spec.set('推荐单位脱密审核同意书.pdf', () =>
    m.declassificationConsent({ unit: qmUnit, signer: '李卫东', date: '2025年8月12日' }),
  );
  for (const [n, o] of [
    ['1', organisation],
    ['2', second],
  ] as const) {
    spec.set(`${n}-组织申报表.docx`, () => m.qmOrgForm(o));
    spec.set(`${n}-自评报告.docx`, () => m.selfEvaluationReport(o.name));
    spec.set(`${n}-统一社会信用代码证书.pdf`, () => m.creditCertificate(o.name, o.creditCode));
    spec.set(`${n}-内部公示情况说明.pdf`, () => m.publicityEvidence(o.name));
    spec.set(`${n}-脱密审核同意书.pdf`, () =>
      m.declassificationConsent({ unit: o.name, signer: '法人', date: '2025年8月6日' }),
    );
    for (const [short, department] of organisationDepartments)
      spec.set(`${n}-征求意见表-${short}.docx`, () => m.consultationForm({ subject: o.name, department }));
  }
  return spec;
}

describe('grouping a bundle into applications', () => {
  it('tells two organisations at the bundle root apart by credit code and name in their content', async () => {
    const report = await checkSpec(flatBundle());
    expect(report.applications.map((a) => a.applicant.name)).toEqual([organisation.name, second.name]);
    for (const [i, app] of report.applications.entries()) {
      expect(app.files.every((f) => f.startsWith(`${i + 1}-`))).toBe(true);
      expect(app.files).toHaveLength(13);
      expect(app.status).toBe('complete');
      expect(app.summaryRank).toBe(i + 1);
    }
    expect(report.recommendingUnit.files).toEqual(
      ['推荐单位脱密审核同意书.pdf', '推荐公函.docx', '推荐公函.pdf', '汇总表.docx', '汇总表.pdf'].sort(),
    );
    expect(report.status).toBe('complete');
  });

  it('a folder of one track’s materials without its form is still an application, missing the form', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${orgFolder}/组织申报表.docx`);
    const report = await checkSpec(spec);
    expect(report.applications).toHaveLength(1);
    const app = report.applications[0];
    expect(app).toMatchObject({ id: `QM_ORG#folder:${orgFolder}`, applicant: { name: orgFolder } });
    expect(withCode(report, 'MISSING_MATERIAL').map((f) => f.field)).toContain('QM_ORG_APPLICATION_FORM');
  });

  it('a file that fits no application is reported at bundle level, never dropped', async () => {
    const spec = qmOrgBundle();
    spec.set('其他/会议照片说明.txt', async () => Buffer.from('会议照片若干。\n', 'utf8'));
    const report = await checkSpec(spec);
    expect(report.unassignedFiles).toEqual(['其他/会议照片说明.txt']);
    const file = report.files.find((f) => f.path === '其他/会议照片说明.txt');
    expect(file?.assignment.kind).toBe('unassigned');
    expect(report.findings.map((f) => f.code)).toContain('UNCLASSIFIED_FILE');
    expect(report.summary.files).toBe(spec.size);
  });

  it('the Word and PDF versions of one form found one application', async () => {
    const spec = qmOrgBundle();
    spec.set(`${orgFolder}/组织申报表.pdf`, () => m.qmOrgForm(organisation, 'pdf'));
    const report = await checkSpec(spec);
    expect(report.applications).toHaveLength(1);
    expect(report.applications[0]?.checklist.find((c) => c.material === 'QM_ORG_APPLICATION_FORM')?.files).toEqual([
      `${orgFolder}/组织申报表.docx`,
      `${orgFolder}/组织申报表.pdf`,
    ]);
  });
});
