import { afterAll, describe, expect, it } from 'vitest';
import { parseYesNo, readChoice } from '../../shared/extraction/checkboxChoice.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildQmIndFormDocx, buildQmIndFormPdf, buildQmOrgFormDocx } from '../fixtures/applicationForms.js';

const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
afterAll(() => sandbox.close());
const person = { name: '张三', idNumber: '11010519491231002X', employer: '吉林某某集团' };

describe('tick-box answers', () => {
  it.each([
    ['☑是 □否', true],
    ['□是 ☑否', false],
    ['是√ 否', true],
    ['是（√）否（ ）', true],
    ['是( ) 否(√)', false],
    ['[x] 是 [ ] 否', true],
    ['☒是 ☐否', true],
    ['■否 □是', false],
    ['\uF0FE是 \uF0A8否', true],
    ['是', true],
    ['否', false],
    ['无', false],
    ['□是 □否', undefined],
    ['☑是 ☑否', undefined],
    ['待定', undefined],
  ])('%s → %s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
  });

  it('reads the ticked option of a multiple choice, marks before or after the options', () => {
    expect(readChoice('■国有企业 □国有控股企业 □民营企业')).toEqual({
      boxed: true,
      selected: ['国有企业'],
      options: ['国有企业', '国有控股企业', '民营企业'],
    });
    expect(readChoice('国有企业□ 民营企业■').selected).toEqual(['民营企业']);
    expect(readChoice('事业单位')).toEqual({ boxed: false, selected: ['事业单位'], options: ['事业单位'] });
  });
});

describe('declarations of an organisation form (Word)', () => {
  it('maps ownership, 法人资格, 总部/集团, 四新, 专精特新, rank and audit subject into the Organisation, with sources', async () => {
    const bytes = await buildQmOrgFormDocx({
      name: '长春某某制造有限公司',
      creditCode: '91220101MA00000010',
      declarations: [
        ['单位性质', ['□国有企业', '☑国有控股企业', '□民营企业']],
        ['是否具有法人资格', '[[x]]是 [[ ]]否'],
        ['是否为企业总部或总公司（集团）', '□是 [[Wingdings:F0FE]]否'],
        ['是否“四新”企业', '是√ 否'],
        ['是否列入省级“专精特新”中小企业名单', '否'],
        ['行政级别', '无'],
        ['负责人是否为被审计对象', '是（√）否（ ）'],
      ],
    });
    const doc = await extractFile(bytes, '附件2 组织申报表.docx', { sandbox });
    expect(doc.records.organisation).toMatchObject({
      ownershipType: 'STATE_CONTROLLED',
      isLegalPerson: true,
      isHeadquartersOrGroup: false,
      isFourNew: true,
      isSpecialisedSme: false,
      administrativeRank: 'NONE',
      headIsAuditSubject: true,
    });
    expect(doc.fields.ownershipType).toMatchObject({
      label: '单位性质',
      selected: ['国有控股企业'],
      source: { file: '附件2 组织申报表.docx', table: 0, row: 5, cell: 2 },
    });
    expect(doc.fields.isLegalPerson?.source).toEqual({ file: '附件2 组织申报表.docx', table: 0, row: 6, cell: 1 });
    expect(doc.fields.auditSubject?.source).toMatchObject({ row: 11, cell: 1 });
    expect(doc.findings.map((f) => f.code)).not.toContain('FIELD_MISSING');
  });

  it('FIELD_MISSING: a tick-box question left unanswered, with the place of the answer cell', async () => {
    const bytes = await buildQmOrgFormDocx({
      name: '某公司',
      creditCode: '91220101MA00000010',
      declarations: [['是否具有法人资格', '□是 □否']],
    });
    const doc = await extractFile(bytes, '组织申报表.docx', { sandbox });
    expect(doc.records.organisation?.isLegalPerson).toBeUndefined();
    expect(doc.findings.find((f) => f.code === 'FIELD_MISSING')).toMatchObject({
      field: 'isLegalPerson',
      source: { table: 0, row: 5, cell: 1 },
    });
  });
});

describe('declarations of an individual form', () => {
  it('PDF: `label：answer` and `label answer` lines map to the Person flags, rank and employer ownership', async () => {
    const doc = await extractFile(
      await buildQmIndFormPdf({
        ...person,
        declarations: [
          ['工作单位性质：', '■民营企业 □国有企业'],
          ['行政级别', '□正处级 ■副处级'],
          ['是否为单位负责人', '■是 □否'],
          ['是否法定代表人', '是 否√'],
          ['是否为被审计对象', '□是 ■否'],
          ['是否为市场监管部门工作人员', '否'],
          ['是否为统战人士', '是（√）否（ ）'],
          ['在吉林省从事质量工作时间：', '2015年3月1日'],
        ],
        colon: false,
      }),
      '个人申报表.pdf',
      { sandbox },
    );
    expect(doc.records.person).toMatchObject({
      employerOwnershipType: 'NON_PUBLIC',
      administrativeRank: 'COUNTY_DEPUTY',
      isHead: true,
      isLegalRepresentative: false,
      isAuditSubject: false,
      isRegulatorStaff: false,
      isUnitedFrontFigure: true,
      jilinQualityWorkStartDate: '2015-03-01',
    });
    expect(doc.fields.administrativeRank?.source).toEqual({ file: '个人申报表.pdf', page: 1, line: 7 });
  });

  it('Word: a label and its tick boxes in one cell, and a rank written out', async () => {
    const doc = await extractFile(
      await buildQmIndFormDocx({
        ...person,
        declarations: [
          ['是否为市场监管部门工作人员 ☑是 □否', ''],
          ['行政级别', '相当于副厅级'],
        ],
      }),
      '个人申报表.docx',
      { sandbox },
    );
    expect(doc.records.person).toMatchObject({ isRegulatorStaff: true, administrativeRank: 'DEPARTMENT_DEPUTY' });
    expect(doc.fields.isRegulatorStaff?.source).toEqual({ file: '个人申报表.docx', table: 0, row: 3, cell: 0 });
  });
});
