import { describe, expect, it } from 'vitest';
import * as m from '../fixtures/bundles/awardMaterials.js';
import {
  organisation,
  orgFolder,
  project,
  projectFolder,
  projectText,
  qmOrgBundle,
  qmUnit,
  siBundle,
  siUnit,
} from '../fixtures/bundles/exampleBundles.js';
import { creditCode } from '../fixtures/bundles/identities.js';
import { checkSpec, withCode } from './checkSpec.js';

describe('cross-document consistency', () => {
  it('NAME_MISMATCH: the certificate names another organisation than the form', async () => {
    const spec = qmOrgBundle();
    spec.set(`${orgFolder}/统一社会信用代码证书.pdf`, () =>
      m.creditCertificate('吉林省长白精工机械股份有限公司', organisation.creditCode),
    );
    const report = await checkSpec(spec);
    expect(withCode(report, 'NAME_MISMATCH')).toMatchObject([
      { severity: 'blocking', file: `${orgFolder}/统一社会信用代码证书.pdf`, field: 'organisation.name' },
    ]);
  });

  it('CREDIT_CODE_MISMATCH: the certificate carries another credit code than the form', async () => {
    const spec = qmOrgBundle();
    const other = creditCode('91220101MA17XK3R7');
    spec.set(`${orgFolder}/统一社会信用代码证书.pdf`, () => m.creditCertificate(organisation.name, other));
    const report = await checkSpec(spec);
    expect(withCode(report, 'CREDIT_CODE_MISMATCH')).toMatchObject([
      { severity: 'blocking', file: `${orgFolder}/统一社会信用代码证书.pdf`, field: 'organisation.creditCode' },
    ]);
    expect(report.applications).toHaveLength(1);
  });

  it('STANDARD_MISMATCH: the 申报项目汇总表 gives another standard number than the 申报书', async () => {
    const spec = siBundle();
    spec.set(`${projectFolder}/申报项目汇总表.docx`, () =>
      m.projectSummaryTable({ ...project, standardNumber: 'GB/T 39867—2021' }),
    );
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(withCode(report, 'STANDARD_MISMATCH')).toMatchObject([
      { severity: 'blocking', file: `${projectFolder}/申报项目汇总表.docx`, field: 'project.standardNumber' },
    ]);
  });

  it('STANDARD_MISMATCH: the standard text does not carry the name of the 申报书', async () => {
    const spec = siBundle();
    spec.set(`${projectFolder}/标准文本.pdf`, () =>
      m.standardText({ ...projectText, standardName: '汽车零部件追溯管理 通用要求' }),
    );
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(withCode(report, 'STANDARD_MISMATCH')).toMatchObject([
      { severity: 'blocking', file: `${projectFolder}/标准文本.pdf`, field: 'project.standardName' },
    ]);
  });

  it('DRAFTER_NOT_IN_FOREWORD: a main drafter of the 申报书 is missing from the foreword', async () => {
    const spec = siBundle();
    spec.set(`${projectFolder}/标准文本.pdf`, () => m.standardText({ ...projectText, drafters: ['孙海峰', '周雪'] }));
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(withCode(report, 'DRAFTER_NOT_IN_FOREWORD')).toMatchObject([
      { severity: 'blocking', file: `${projectFolder}/标准文本.pdf`, field: 'project.drafters.1.name' },
    ]);
  });

  it('SUMMARY_TABLE_MISMATCH: the summary table lists an organisation that sent no materials', async () => {
    const spec = qmOrgBundle();
    const rows = [
      { rank: 1, name: organisation.name, creditCode: organisation.creditCode },
      { rank: 2, name: '长春宏达食品有限公司' },
    ];
    spec.set('推荐组织个人汇总表.docx', () => m.qmSummaryTable(qmUnit, rows));
    const report = await checkSpec(spec);
    expect(withCode(report, 'SUMMARY_TABLE_MISMATCH')).toMatchObject([
      { severity: 'blocking', file: '推荐组织个人汇总表.docx', field: 'summaryRows', evidence: '长春宏达食品有限公司' },
    ]);
    expect(report.applications[0]?.summaryRank).toBe(1);
  });

  it('SUMMARY_TABLE_MISMATCH: the SI summary table has no row for the project', async () => {
    const spec = siBundle();
    const row = { rank: 1, standardName: '其他标准', standardNumber: 'DB22/T 1234—2020', applicant: '某单位' };
    spec.set('推荐项目汇总表.docx', () => m.siRecommendationSummaryTable(siUnit, [row]));
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    const app = report.applications[0];
    expect(app?.findings.filter((f) => f.code === 'SUMMARY_TABLE_MISMATCH')).toMatchObject([
      { severity: 'blocking', file: '推荐项目汇总表.docx', field: 'summaryRows', evidence: project.standardName },
    ]);
    expect(report.recommendingUnit.findings.filter((f) => f.code === 'SUMMARY_TABLE_MISMATCH')).toHaveLength(1);
  });

  it('SUMMARY_TABLE_MISMATCH: the row’s credit code differs from the form’s', async () => {
    const spec = qmOrgBundle();
    const rows = [{ rank: 1, name: organisation.name, creditCode: creditCode('91220101MA17XK3R7') }];
    spec.set('推荐组织个人汇总表.docx', () => m.qmSummaryTable(qmUnit, rows));
    const report = await checkSpec(spec);
    expect(withCode(report, 'SUMMARY_TABLE_MISMATCH')).toMatchObject([
      { file: '推荐组织个人汇总表.docx', field: 'summaryRows.creditCode' },
    ]);
  });
});
