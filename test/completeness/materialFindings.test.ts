import { describe, expect, it } from 'vitest';
import * as m from '../fixtures/bundles/awardMaterials.js';
import { organisation, orgFolder, qmOrgBundle, qmUnit } from '../fixtures/bundles/exampleBundles.js';
import { checkSpec, withCode } from './checkSpec.js';

const dir = orgFolder;

describe('material checklist', () => {
  it('MISSING_MATERIAL: a required material that is absent, named by its type, checklist "missing"', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${dir}/统一社会信用代码证书.pdf`);
    const report = await checkSpec(spec);
    const [f] = withCode(report, 'MISSING_MATERIAL');
    expect(f).toMatchObject({ severity: 'blocking', field: 'CREDIT_CODE_CERTIFICATE' });
    expect(f?.file).toBeUndefined();
    expect(report.applications[0]?.checklist.find((c) => c.material === 'CREDIT_CODE_CERTIFICATE')?.status).toBe(
      'missing',
    );
    expect(report.applications[0]?.status).toBe('incomplete');
  });

  it('MISSING_MATERIAL: a present material whose only file cannot be read is "invalid"', async () => {
    const spec = qmOrgBundle();
    spec.set(`${dir}/统一社会信用代码证书.pdf`, async () => Buffer.from('%PDF-1.4\nthis is not really a pdf'));
    const report = await checkSpec(spec);
    const f = withCode(report, 'MISSING_MATERIAL').find((x) => x.field === 'CREDIT_CODE_CERTIFICATE');
    expect(f).toMatchObject({ severity: 'blocking', file: `${dir}/统一社会信用代码证书.pdf` });
    expect(report.applications[0]?.checklist.find((c) => c.material === 'CREDIT_CODE_CERTIFICATE')?.status).toBe(
      'invalid',
    );
  });

  it('MISSING_MATERIAL: the organisation chart is required of a group (集团) only', async () => {
    const group = qmOrgBundle();
    group.set(`${dir}/组织申报表.docx`, () => m.qmOrgForm({ ...organisation, isGroup: true }));
    const asGroup = await checkSpec(group);
    expect(withCode(asGroup, 'MISSING_MATERIAL')).toMatchObject([
      { field: 'ORGANISATION_CHART', severity: 'blocking' },
    ]);
    const single = await checkSpec(qmOrgBundle());
    expect(withCode(single, 'MISSING_MATERIAL')).toEqual([]);
    const chart = single.applications[0]?.checklist.find((c) => c.material === 'ORGANISATION_CHART');
    expect(chart).toMatchObject({ requirement: 'conditional', status: 'not-required' });
  });

  it('an optional material (award certificates) is listed as optional and its absence is no finding', async () => {
    const report = await checkSpec(qmOrgBundle());
    const award = report.applications[0]?.checklist.find((c) => c.material === 'AWARD_CERTIFICATE');
    expect(award).toMatchObject({ requirement: 'optional', status: 'not-required', files: [] });
    expect(report.applications[0]?.findings.filter((f) => f.field === 'AWARD_CERTIFICATE')).toEqual([]);
  });

  it('EDITABLE_WORD_MISSING: the 自评报告 only as PDF', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${dir}/自评报告.docx`);
    spec.set(`${dir}/自评报告.pdf`, () => m.selfEvaluationReport(organisation.name, undefined, 'pdf'));
    const report = await checkSpec(spec);
    expect(withCode(report, 'EDITABLE_WORD_MISSING')).toMatchObject([
      { severity: 'blocking', file: `${dir}/自评报告.pdf`, field: 'SELF_EVALUATION_REPORT' },
    ]);
  });

  it('EDITABLE_WORD_MISSING: the recommending unit’s summary table only as PDF (QM)', async () => {
    const spec = qmOrgBundle();
    spec.delete('推荐组织个人汇总表.docx');
    const report = await checkSpec(spec);
    expect(withCode(report, 'EDITABLE_WORD_MISSING')).toMatchObject([
      { file: '推荐组织个人汇总表.pdf', field: 'recommendingUnit.QM_SUMMARY_TABLE' },
    ]);
    expect(report.recommendingUnit.status).toBe('incomplete');
  });

  it('SCAN_WITHOUT_TEXT: an application form that is only an image-only PDF', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${dir}/组织申报表.docx`);
    spec.set(`${dir}/组织申报表.pdf`, () => m.qmOrgForm(organisation, 'scan'));
    const report = await checkSpec(spec);
    const scan = withCode(report, 'SCAN_WITHOUT_TEXT').find((f) => f.severity === 'blocking');
    expect(scan).toMatchObject({ file: `${dir}/组织申报表.pdf`, field: 'QM_ORG_APPLICATION_FORM' });
    expect(report.applications[0]?.checklist.find((c) => c.material === 'QM_ORG_APPLICATION_FORM')?.status).toBe(
      'invalid',
    );
    // The folder still makes it one application, and the summary table row still matches it by the folder's name.
    expect(report.applications).toHaveLength(1);
    expect(withCode(report, 'SUMMARY_TABLE_MISMATCH')).toEqual([]);
  });

  it('a scanned certificate (no text layer) is fine: scans are accepted for evidence', async () => {
    const spec = qmOrgBundle();
    spec.set(`${dir}/统一社会信用代码证书.pdf`, () =>
      m.creditCertificate(organisation.name, organisation.creditCode, 'scan'),
    );
    const report = await checkSpec(spec);
    expect(report.applications[0]?.status).toBe('complete');
    expect(withCode(report, 'SCAN_WITHOUT_TEXT')).toEqual([]);
  });
});

describe('declassification consents', () => {
  it('DECLASSIFICATION_CONSENT_MISSING: the applicant signed none', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${dir}/脱密审核同意书.pdf`);
    const report = await checkSpec(spec);
    expect(withCode(report, 'DECLASSIFICATION_CONSENT_MISSING')).toMatchObject([
      { severity: 'blocking', field: 'applicant.declassificationConsent' },
    ]);
    expect(report.applications[0]?.status).toBe('incomplete');
  });

  it('DECLASSIFICATION_CONSENT_MISSING: the recommending unit signed none', async () => {
    const spec = qmOrgBundle();
    spec.delete('推荐单位脱密审核同意书.pdf');
    const report = await checkSpec(spec);
    expect(report.recommendingUnit.findings.filter((f) => f.code === 'DECLASSIFICATION_CONSENT_MISSING')).toMatchObject(
      [{ severity: 'blocking', field: 'recommendingUnit.declassificationConsent' }],
    );
    expect(report.status).toBe('incomplete');
  });

  it('DECLASSIFICATION_CONSENT_INCOMPLETE: no date on the applicant’s consent', async () => {
    const spec = qmOrgBundle();
    spec.set(`${dir}/脱密审核同意书.pdf`, () =>
      m.declassificationConsent({ unit: organisation.name, signer: '王建国' }),
    );
    const report = await checkSpec(spec);
    expect(withCode(report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      { severity: 'blocking', file: `${dir}/脱密审核同意书.pdf`, field: 'applicant.declassificationConsent.date' },
    ]);
  });

  it('DECLASSIFICATION_CONSENT_INCOMPLETE: no signature or seal on the recommending unit’s consent', async () => {
    const spec = qmOrgBundle();
    spec.set('推荐单位脱密审核同意书.pdf', () => m.declassificationConsent({ unit: qmUnit, date: '2025年8月12日' }));
    const report = await checkSpec(spec);
    expect(withCode(report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      {
        severity: 'blocking',
        file: '推荐单位脱密审核同意书.pdf',
        field: 'recommendingUnit.declassificationConsent.signatureOrSeal',
      },
    ]);
  });

  it('DECLASSIFICATION_CONSENT_INCOMPLETE: a scanned consent cannot be verified yet (review)', async () => {
    const spec = qmOrgBundle();
    spec.set(`${dir}/脱密审核同意书.pdf`, () => m.declassificationConsent({ unit: organisation.name }, 'scan'));
    const report = await checkSpec(spec);
    expect(withCode(report, 'DECLASSIFICATION_CONSENT_INCOMPLETE')).toMatchObject([
      { severity: 'review', file: `${dir}/脱密审核同意书.pdf`, field: 'applicant.declassificationConsent.text' },
    ]);
    expect(report.applications[0]?.status).toBe('complete');
  });

  it('CLASSIFIED_MARKING: a 机密★ stamp in a page header blocks the application', async () => {
    const spec = qmOrgBundle();
    spec.set(`${dir}/自评报告.docx`, () =>
      m.markedDocument(
        '自评报告',
        m.gbt19580Categories.map((c, i) => `${'一二三四五六七'[i]}、${c}`),
      ),
    );
    const report = await checkSpec(spec);
    expect(withCode(report, 'CLASSIFIED_MARKING')).toMatchObject([
      { severity: 'blocking', file: `${dir}/自评报告.docx`, evidence: '机密★5年' },
    ]);
    expect(report.applications[0]?.status).toBe('incomplete');
    expect(report.files.find((f) => f.path === `${dir}/自评报告.docx`)?.findings[0]?.code).toBe('CLASSIFIED_MARKING');
  });
});
