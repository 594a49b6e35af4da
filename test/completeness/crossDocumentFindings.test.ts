import { describe, expect, it } from 'vitest';
import * as m from '../fixtures/bundles/awardMaterials.js';
import {
  organisation,
  orgFolder,
  person,
  personFolder,
  project,
  projectFolder,
  projectText,
  qmIndBundle,
  qmOrgBundle,
  qmUnit,
  siBundle,
  siUnit,
} from '../fixtures/bundles/exampleBundles.js';
import { creditCode, idNumber } from '../fixtures/bundles/identities.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildImageOnlyPdf, buildPdf } from '../fixtures/chinesePdf.js';
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

describe('facts from every document of an application, cross-checked', () => {
  const achievementsPath = `${personFolder}/主要成绩与突出贡献.docx`;
  /** 主要成绩与突出贡献 with the identity block units often put above the narrative. */
  const achievementsWith = (id: string, start: string) => () =>
    buildDocx({
      title: '主要成绩与突出贡献',
      paragraphs: [
        `姓名：${person.name}`,
        `身份证号码：${id}`,
        `从事质量工作时间：${start}`,
        `${person.name}同志长期从事质量管理工作，组织开展质量改进活动。`,
      ],
    });

  it('a scanned 个人申报表: the eligibility facts come from the typed 主要成绩 (QUALITY_WORK_YEARS_TOO_FEW)', async () => {
    const spec = qmIndBundle();
    spec.delete(`${personFolder}/个人申报表.docx`);
    spec.set(`${personFolder}/个人申报表.pdf`, () => buildImageOnlyPdf(1));
    spec.set(achievementsPath, achievementsWith(person.idNumber, '2022年3月'));
    const report = await checkSpec(spec);
    expect(report.applications).toHaveLength(1);
    expect(withCode(report, 'QUALITY_WORK_YEARS_TOO_FEW')).toMatchObject([
      { severity: 'blocking', file: achievementsPath, source: { file: achievementsPath }, evidence: '2022-03-01' },
    ]);
    expect(withCode(report, 'ID_NUMBER_INVALID')).toEqual([]);
    expect(report.applications[0]?.applicant.name).toBe(person.name);
  });

  it('ID_NUMBER_MISMATCH: the employer’s recommendation gives another 身份证号 than the form', async () => {
    const spec = qmIndBundle();
    const other = idNumber('22010219790512301');
    const recommendation = `${personFolder}/所在单位推荐意见.pdf`;
    spec.set(recommendation, () =>
      buildPdf([
        [
          '所在单位推荐意见',
          `姓名：${person.name}`,
          `身份证号：${other}`,
          `同意推荐${person.name}同志申报吉林省质量奖（质量管理）个人奖。`,
          '推荐前已在本单位内部公示，公示时间：2025年7月28日至2025年8月1日，公示期间无异议。',
          `单位（盖章）：${person.employer}`,
          '2025年8月4日',
        ],
      ]),
    );
    const report = await checkSpec(spec);
    const found = withCode(report, 'ID_NUMBER_MISMATCH');
    expect(found).toMatchObject([
      { severity: 'blocking', file: recommendation, field: 'person.idNumber', source: { file: recommendation } },
    ]);
    expect(found[0]?.message).toContain(`${personFolder}/个人申报表.docx`);
    expect(JSON.stringify(found)).not.toContain(other);
    expect(JSON.stringify(found)).not.toContain(person.idNumber);
  });

  it('NAME_MISMATCH: the summary table’s row (found by the credit code) names the organisation otherwise', async () => {
    const spec = qmOrgBundle();
    const rows = [{ rank: 1, name: '吉林省长白精密机械有限公司', creditCode: organisation.creditCode }];
    spec.set('推荐组织个人汇总表.docx', () => m.qmSummaryTable(qmUnit, rows));
    spec.delete('推荐组织个人汇总表.pdf');
    const report = await checkSpec(spec);
    expect(withCode(report, 'NAME_MISMATCH')).toMatchObject([
      {
        severity: 'blocking',
        file: '推荐组织个人汇总表.docx',
        field: 'organisation.name',
        source: { file: '推荐组织个人汇总表.docx', table: 0, row: 1 },
      },
    ]);
  });

  it('DATE_MISMATCH (review): the standard text’s cover gives another implementation date than the 申报书', async () => {
    const spec = siBundle();
    spec.set(`${projectFolder}/标准文本.pdf`, () =>
      m.standardText({ ...projectText, implementationDate: '2022-11-01' }),
    );
    const report = await checkSpec(spec, { receivedAt: '2025-08-28T10:00:00+08:00' });
    const found = withCode(report, 'DATE_MISMATCH');
    expect(found).toMatchObject([
      { severity: 'review', file: `${projectFolder}/标准文本.pdf`, field: 'project.implementationDate' },
    ]);
    expect(found[0]?.message).toContain(`${projectFolder}/项目申报书.docx`);
    expect(withCode(report, 'STANDARD_IMPLEMENTED_TOO_LATE')).toEqual([]);
  });

  it('the complete bundles’ documents agree: no mismatch of any kind', async () => {
    for (const [spec, receivedAt] of [
      [qmOrgBundle(), undefined],
      [qmIndBundle(), undefined],
      [siBundle(), '2025-08-28T10:00:00+08:00'],
    ] as const) {
      const report = await checkSpec(spec, receivedAt ? { receivedAt } : {});
      const codes = report.applications.flatMap((a) => a.findings).map((f) => f.code);
      expect(codes.filter((c) => c.endsWith('_MISMATCH'))).toEqual([]);
    }
  });
});
