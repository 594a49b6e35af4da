import { afterAll, describe, expect, it } from 'vitest';
import { recommendationPoints } from '../../shared/domain/application/index.js';
import { creditCodeCheckCharacter } from '../../shared/domain/validation/creditCode.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { readFormFields } from '../../shared/extraction/formFields.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import {
  buildQmIndFormPdf,
  buildQmOrgFormDocx,
  buildQmSummaryTableDocx,
  buildRecommendationLetterPdf,
  buildSiApplicationDocx,
} from '../fixtures/applicationForms.js';
import { buildDocx } from '../fixtures/chineseDocx.js';

const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
afterAll(() => sandbox.close());
const first17 = '91220101MA0000001';
const creditCode = `${first17}${creditCodeCheckCharacter(first17)}`;
const codes = (doc: { findings: { code: string }[] }) => doc.findings.map((f) => f.code);

describe('form fields', () => {
  it('reads a Word form: spaced labels, merged value cells, values to the right and below, with their source', async () => {
    const bytes = await buildQmOrgFormDocx({
      name: '长春某某制造有限公司',
      creditCode,
      legalRepresentative: '王五',
      establishedDate: '2010年3月15日',
      contactName: '李四',
      contactPhone: '0431-88886666',
    });
    const doc = await extractFile(bytes, '附件2 组织申报表.docx', { sandbox });
    expect(doc.fields.organisationName).toMatchObject({
      value: '长春某某制造有限公司',
      label: '单 位 名 称',
      source: { file: '附件2 组织申报表.docx', table: 0, row: 0, cell: 1 },
    });
    expect(doc.fields.creditCode?.value).toBe(creditCode);
    expect(doc.fields.contactName?.value).toBe('李四');
    expect(doc.fields.contactPhone?.value).toBe('0431-88886666');
    expect(doc.records.organisation).toMatchObject({
      name: '长春某某制造有限公司',
      creditCode,
      legalRepresentative: '王五',
      establishedDate: '2010-03-15',
      contact: { name: '李四', phone: '0431-88886666' },
    });
    expect(codes(doc)).not.toContain('FIELD_MISSING');
  });

  it('reads `label：value` lines with full-width colons and spaces from a PDF into a Person', async () => {
    const doc = await extractFile(
      await buildQmIndFormPdf({
        name: '张三',
        idNumber: '11010519491231002X',
        employer: '吉林某某集团',
        position: '质量总监',
      }),
      '个人申报表.pdf',
      { sandbox },
    );
    expect(doc.fields.personName).toMatchObject({ value: '张三', source: { page: 1, line: 2 } });
    expect(doc.records.person).toMatchObject({ name: '张三', employer: '吉林某某集团', position: '质量总监' });
    expect(codes(doc)).not.toContain('ID_NUMBER_INVALID');
  });

  it('ID_NUMBER_INVALID: a wrong check digit, with the masked number as evidence', async () => {
    const doc = await extractFile(
      await buildQmIndFormPdf({ name: '张三', idNumber: '110105194912310021', employer: '吉林某某集团' }),
      '个人申报表.pdf',
      { sandbox },
    );
    const invalid = doc.findings.find((f) => f.code === 'ID_NUMBER_INVALID');
    expect(invalid?.evidence).not.toContain('19491231');
    expect(invalid?.source?.page).toBe(1);
  });

  it('CREDIT_CODE_INVALID: a wrong check character, with the field source', async () => {
    const doc = await extractFile(
      await buildQmOrgFormDocx({
        name: '某公司',
        creditCode: `${first17}0` === creditCode ? `${first17}1` : `${first17}0`,
      }),
      '组织申报表.docx',
      { sandbox },
    );
    expect(doc.findings.find((f) => f.code === 'CREDIT_CODE_INVALID')?.source).toMatchObject({ table: 0, row: 1 });
  });

  it('FIELD_MISSING: a form without the required fields', async () => {
    const doc = await extractFile(await buildDocx({ title: '吉林省质量奖（质量管理）组织申报表' }), '组织申报表.docx', {
      sandbox,
    });
    expect(doc.findings.filter((f) => f.code === 'FIELD_MISSING').map((f) => f.field)).toEqual([
      'organisationName',
      'creditCode',
    ]);
  });

  it('reads an SI application: standard project, applicant and drafters with 贡献率', async () => {
    const doc = await extractFile(
      await buildSiApplicationDocx({
        standardNumber: 'DB22/T 3456—2022',
        standardName: '人参种植技术规程',
        applicant: '吉林省某某研究院',
        applicantCreditCode: creditCode,
        implementationDate: '2022年10月1日',
        grade: '一等奖',
        drafters: [
          { name: '赵一', unit: '吉林省某某研究院', position: '研究员', contributionRate: '40%' },
          { name: '钱二', unit: '长春某大学', contributionRate: '３５％' },
          { name: '孙三', unit: '某公司', contributionRate: '二十五' },
        ],
      }),
      '附件4 项目申报书.docx',
      { sandbox },
    );
    const project = doc.records.standardProject;
    expect(project).toMatchObject({
      standardNumber: 'DB22/T 3456—2022',
      standardName: '人参种植技术规程',
      implementationDate: '2022-10-01',
      requestedGrade: 'FIRST',
      applicant: { name: '吉林省某某研究院', creditCode },
    });
    expect(project?.drafters.map((d) => [d.name, d.unit, d.contributionRate])).toEqual([
      ['赵一', '吉林省某某研究院', 40],
      ['钱二', '长春某大学', 35],
      ['孙三', '某公司', undefined],
    ]);
    expect(doc.findings.find((f) => f.field === 'contributionRate')?.source).toMatchObject({
      table: 1,
      row: 3,
      cell: 4,
    });
    expect(codes(doc)).not.toContain('STANDARD_NUMBER_INVALID');
  });

  it('STANDARD_NUMBER_INVALID: an unrecognisable standard number', async () => {
    const doc = await extractFile(
      await buildSiApplicationDocx({
        standardNumber: '第三号标准',
        standardName: '某规程',
        applicant: '某单位',
        applicantCreditCode: creditCode,
        implementationDate: '2022-10-01',
        drafters: [],
      }),
      '项目申报书.docx',
      { sandbox },
    );
    expect(codes(doc)).toContain('STANDARD_NUMBER_INVALID');
  });

  it('reads the rows of a 汇总表 with their ranks and sources', async () => {
    const doc = await extractFile(
      await buildQmSummaryTableDocx('长春市市场监督管理局', [
        { rank: 1, name: '长春某某制造有限公司', creditCode },
        { rank: 2, name: '张三' },
      ]),
      '附件3 汇总表.docx',
      { sandbox },
    );
    expect(doc.materialType).toBe('QM_SUMMARY_TABLE');
    expect(doc.fields.recommendingUnit?.value).toBe('长春市市场监督管理局');
    expect(doc.records.summaryRows).toEqual([
      { rank: 1, name: '长春某某制造有限公司', creditCode, source: { file: '附件3 汇总表.docx', table: 0, row: 1 } },
      { rank: 2, name: '张三', source: { file: '附件3 汇总表.docx', table: 0, row: 2 } },
    ]);
  });

  it('reads which of the eight points a 推荐公函 covers, its unit and its date', async () => {
    const points = Object.values(recommendationPoints).slice(0, 6);
    const doc = await extractFile(
      await buildRecommendationLetterPdf('长春市市场监督管理局', '2025年6月20日', points),
      '推荐公函.pdf',
      { sandbox },
    );
    expect(doc.records.recommendationLetter).toEqual({
      recommendingUnit: '长春市市场监督管理局',
      date: '2025-06-20',
      pointsPresent: [
        'ORGANISATION',
        'PROCESS',
        'GRASSROOTS_PUBLICITY',
        'OPINIONS_SOUGHT',
        'MATERIAL_REVIEW',
        'COLLECTIVE_DECISION',
      ],
    });
  });

  it('value below a label, and a label cell holding `label：value`', () => {
    const fields = readFormFields(
      'f.docx',
      [],
      [
        {
          index: 0,
          rows: [
            [
              { text: '法定代表人', colSpan: 1, rowSpan: 1 },
              { text: '备案号：DB22/T-2022-001', colSpan: 1, rowSpan: 1 },
            ],
            [
              { text: '王五', colSpan: 1, rowSpan: 1 },
              { text: '', colSpan: 1, rowSpan: 1 },
            ],
          ],
        },
      ],
    );
    expect(fields.legalRepresentative?.value).toBe('王五');
    expect(fields.legalRepresentative?.source).toEqual({ file: 'f.docx', table: 0, row: 1, cell: 0 });
    expect(fields.filingNumber?.value).toBe('DB22/T-2022-001');
  });
});
