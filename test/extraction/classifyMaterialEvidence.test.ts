import { describe, expect, it } from 'vitest';
import type { MaterialType } from '../../shared/domain/materials/materialType.js';
import { classifyMaterial } from '../../shared/extraction/classifyMaterial.js';

/** A Word flow (one page) or a PDF (a page per array), with optional Word tables. */
const doc = (pages: string[][], tables: string[][][] = []) => ({
  pages: pages.map((lines) => ({ lines })),
  tables: tables.map((rows) => ({ rows: rows.map((r) => r.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))) })),
});

// Titles as the 2025 notice names its annexes and materials (七、材料报送; 附件1-8), each under a generic file name.
const byTitle: [string[], MaterialType][] = [
  [['附件2', '吉林省质量奖（质量管理）组织申报表'], 'QM_ORG_APPLICATION_FORM'],
  [['附件2：吉林省质量奖（质量管理）个人申报表'], 'QM_IND_APPLICATION_FORM'],
  [['吉林省质量奖（质量管理）', '组 织 申 报 表'], 'QM_ORG_APPLICATION_FORM'],
  [['自评报告'], 'SELF_EVALUATION_REPORT'],
  [['长春恒达精密机械有限公司', '卓越绩效自评报告', '2025年8月'], 'SELF_EVALUATION_REPORT'],
  [['主要成绩与突出贡献'], 'ACHIEVEMENTS'],
  [['组织框架图及内部关系说明'], 'ORGANISATION_CHART'],
  [['营业执照'], 'CREDIT_CODE_CERTIFICATE'],
  [['附件3', '吉林省质量奖（质量管理）推荐组织、个人汇总表'], 'QM_SUMMARY_TABLE'],
  [['附件4', '吉林省质量奖（标准创新）', '项目申报书'], 'SI_APPLICATION_FORM'],
  [['附件 4', '吉林省质量奖（标准创新）项目申报书', '项目名称：', '申报单位（盖章）：'], 'SI_APPLICATION_FORM'],
  [['附件5', '吉林省质量奖（标准创新）申报项目汇总表'], 'SI_PROJECT_SUMMARY_TABLE'],
  [['附件6', '吉林省质量奖（标准创新）推荐项目汇总表'], 'SI_RECOMMENDATION_SUMMARY_TABLE'],
  [['附件7', '吉林省质量奖（质量管理）评选表彰推荐工作联系表'], 'CONTACT_FORM'],
  [['附件8', '吉林省质量奖（标准创新）评选表彰推荐工作联系表'], 'CONTACT_FORM'],
  [['脱 密 审 核 同 意 书'], 'DECLASSIFICATION_CONSENT'],
  [['吉林省质量奖征求意见表', '类别：非公有制企业及其负责人'], 'CONSULTATION_FORM'],
  [['关于推荐长春恒达精密机械有限公司申报吉林省质量奖的函'], 'RECOMMENDATION_LETTER'],
  [['关于长春恒达精密机械有限公司申报吉林省质量奖的公示'], 'PUBLICITY_EVIDENCE'],
  [['所在单位推荐意见'], 'EMPLOYER_RECOMMENDATION'],
  [['标准审定结论'], 'LEVEL_EVIDENCE'],
  [['团体标准水平评价报告'], 'LEVEL_EVIDENCE'],
  [['经济效益证明'], 'BENEFIT_EVIDENCE'],
  [['主要起草人员遴选、公示及异议处理情况'], 'DRAFTER_SELECTION_EVIDENCE'],
  [['放弃申报声明'], 'WAIVER_DECLARATION'],
];

// File names clerks give, with content that says nothing more (a scan whose text was not read).
const byName: [string, MaterialType][] = [
  ['03 脱密审核同意书（盖章）.pdf', 'DECLASSIFICATION_CONSENT'],
  ['附件4-项目申报书(定稿).docx', 'SI_APPLICATION_FORM'],
  ['2、吉林省质量奖（质量管理）个人申报表（张三）.doc', 'QM_IND_APPLICATION_FORM'],
  ['附件2 吉林省质量奖（质量管理）组织申报表.docx', 'QM_ORG_APPLICATION_FORM'],
  ['1-统一社会信用代码证.jpg', 'CREDIT_CODE_CERTIFICATE'],
  ['推荐函.pdf', 'RECOMMENDATION_LETTER'],
  ['附件6.docx', 'SI_RECOMMENDATION_SUMMARY_TABLE'],
];

describe('classifyMaterial: the title decides, under any file name', () => {
  const generic = ['扫描件001.pdf', '新建 Microsoft Word 文档.docx', '附件2.docx', '1.pdf'];
  it.each(byTitle)('%j → %s', (title, expected) => {
    for (const name of generic) expect(classifyMaterial(name, doc([title])).type, name).toBe(expected);
  });
});

describe('classifyMaterial: the file name decides when the content says nothing', () => {
  it.each(byName)('%s → %s', (name, expected) => {
    expect(classifyMaterial(name, doc([[]])).type).toBe(expected);
  });

  it('generic names with no readable title stay UNCLASSIFIED', () => {
    for (const name of ['扫描件001.pdf', '新建 Microsoft Word 文档.docx', '附件2.docx', '1.pdf'])
      expect(classifyMaterial(name, doc([[]])).type, name).toBe('UNCLASSIFIED');
  });
});

describe('classifyMaterial: title over file name, body and table of contents', () => {
  it('a name that disagrees with the content: the title wins and the reason says what the name suggested', () => {
    const result = classifyMaterial('自评报告.pdf', doc([['吉林省质量奖（质量管理）组织申报表', '单位名称：某公司']]));
    expect(result.type).toBe('QM_ORG_APPLICATION_FORM');
    expect(result.reason).toContain('file name suggested');
  });

  it('a keyword in the body does not make the document that material', () => {
    const body = ['脱密审核同意书', '经审核，我单位报送的组织申报表、自评报告及项目申报书均已作脱密处理，同意报送。'];
    expect(classifyMaterial('1.pdf', doc([body])).type).toBe('DECLASSIFICATION_CONSENT');
  });

  it('a table of contents after the cover title does not retitle the report', () => {
    const lines = ['卓越绩效自评报告', '目 录', '一、领导……………………3', '附件：组织申报表……………………40'];
    expect(classifyMaterial('1.pdf', doc([lines])).type).toBe('SELF_EVALUATION_REPORT');
  });

  it('a generic 申报表 title is told organisation or individual by its fields', () => {
    const org = ['申 报 表', '单位名称\t某公司', '统一社会信用代码\t91220101MA0000000X', '法定代表人\t王五'];
    const ind = ['申 报 表', '姓名\t张三', '身份证号\t220102198001011234', '从事质量工作时间\t2001年'];
    expect(classifyMaterial('附件2.docx', doc([org])).type).toBe('QM_ORG_APPLICATION_FORM');
    expect(classifyMaterial('附件2.docx', doc([ind])).type).toBe('QM_IND_APPLICATION_FORM');
  });

  it('a standard text by its cover (标准编号, 发布/实施) or its 前言 naming the 起草人', () => {
    const cover = [
      'ICS 03.120.10',
      'A 00',
      'GB/T 38888—2020',
      '汽车零部件质量追溯体系',
      '2020-06-02发布  2020-12-01实施',
    ];
    expect(classifyMaterial('扫描件002.pdf', doc([cover])).type).toBe('STANDARD_TEXT');
    const foreword = [
      '前言',
      '本文件按照GB/T 1.1—2020的规定起草。',
      '本文件起草单位：某公司。',
      '本文件主要起草人：张三。',
    ];
    expect(classifyMaterial('2.pdf', doc([foreword])).type).toBe('STANDARD_TEXT');
  });

  it('content alone (two or more markers) classifies an untitled, unnamed document', () => {
    const lines = [
      '经审核，本单位报送材料已作脱密处理，不涉及国家秘密，同意报送。',
      '长春市市场监督管理局',
      '2025年8月20日',
    ];
    expect(classifyMaterial('扫描件003.pdf', doc([lines])).type).toBe('DECLASSIFICATION_CONSENT');
  });
});

describe('classifyMaterial: a list of materials is a list, whatever it names', () => {
  const items = [
    '1.吉林省质量奖（标准创新）项目申报书',
    '2.标准正式文本',
    '3.标准审定结论',
    '4.经济效益证明',
    '5.其他相关佐证材料',
    '6.吉林省质量奖（标准创新）申报项目汇总表',
  ];
  it.each([['申报材料清单'], ['材料目录'], ['目 录'], ['材料清单']])('titled %s', (title) => {
    const result = classifyMaterial('01.pdf', doc([[title, ...items]]));
    expect(result.type).toBe('SI_MATERIAL_LIST');
    expect(result.additionalMaterials).toBeUndefined();
  });

  it('even named after the 申报书 and with unnumbered items', () => {
    const unnumbered = items.map((i) => i.replace(/^\d\./, ''));
    expect(classifyMaterial('附件4-项目申报书.pdf', doc([['申报材料清单', ...unnumbered]])).type).toBe(
      'SI_MATERIAL_LIST',
    );
  });

  it('as a Word table (序号 / 材料名称 / 页码)', () => {
    const rows = [
      ['序号', '材料名称', '页码'],
      ...items.map((item, i) => [String(i + 1), item.slice(2), String(i * 5 + 1)]),
    ];
    const lines = ['申报材料清单', ...rows.map((r) => r.join('\t'))];
    expect(classifyMaterial('新建 Microsoft Word 文档.docx', doc([lines], [rows])).type).toBe('SI_MATERIAL_LIST');
  });

  it('a form that has a 清单 heading but form fields is not a list', () => {
    const lines = ['清单', '单位名称：某公司', '统一社会信用代码：91220101MA0000000X', '联系人：张三', '1.自评报告'];
    expect(classifyMaterial('1.pdf', doc([lines])).type).not.toBe('SI_MATERIAL_LIST');
  });
});

describe('classifyMaterial: one document, several materials', () => {
  it('the SI 申报书 also holds its section 六 征求有关部门意见表', () => {
    const lines = [
      '吉林省质量奖（标准创新）项目申报书',
      '一、项目基本情况',
      '标准名称：汽车零部件质量追溯体系',
      '六、征求有关部门意见表',
      '类别：非公有制企业及其负责人',
    ];
    const result = classifyMaterial('附件4.pdf', doc([lines]));
    expect(result.type).toBe('SI_APPLICATION_FORM');
    expect(result.additionalMaterials).toEqual(['CONSULTATION_FORM']);
    expect(result.reason).toContain('征求有关部门意见表');
  });

  it('a table with one row per department and its opinion is a consultation form inside the document', () => {
    const rows = [
      ['征求意见部门', '意见', '盖章', '日期'],
      ['公安部门（长春市公安局）', '无违法犯罪记录', '已盖章', '2025年8月1日'],
      ['税务部门（国家税务总局长春市税务局）', '无欠税', '已盖章', '2025年8月2日'],
    ];
    const lines = ['吉林省质量奖（标准创新）项目申报书', '标准名称\t某标准', ...rows.map((r) => r.join('\t'))];
    expect(classifyMaterial('1.docx', doc([lines], [rows])).additionalMaterials).toEqual(['CONSULTATION_FORM']);
  });

  it('a combined PDF: 申报表 on page 1, 自评报告 opening page 3', () => {
    const result = classifyMaterial(
      '扫描件001.pdf',
      doc([
        ['吉林省质量奖（质量管理）组织申报表', '单位名称：某公司'],
        ['主营业务：汽车零部件', '近三年营业收入：3亿元'],
        ['- 3 -', '自评报告', '一、领导', '公司高层领导确定了企业的使命、愿景和价值观。'],
      ]),
    );
    expect(result.type).toBe('QM_ORG_APPLICATION_FORM');
    expect(result.additionalMaterials).toEqual(['SELF_EVALUATION_REPORT']);
  });

  it('an empty 所在单位推荐意见 box at the top of a form page is not the employer’s recommendation', () => {
    const result = classifyMaterial(
      '1.pdf',
      doc([
        ['吉林省质量奖（质量管理）个人申报表', '姓名张三'],
        ['所在单位推荐意见', '（盖章）', '年 月 日'],
      ]),
    );
    expect(result.type).toBe('QM_IND_APPLICATION_FORM');
    expect(result.additionalMaterials).toBeUndefined();
  });

  it('a Word form whose table has a 自评报告 cell holds no second material', () => {
    const rows = [
      ['附件材料', '自评报告'],
      ['统一社会信用代码', '91220101MA0000000X'],
    ];
    const lines = ['吉林省质量奖（质量管理）组织申报表', ...rows.map((r) => r.join('\t')), '自评报告'];
    const tables = [[...rows, ['自评报告']]];
    expect(classifyMaterial('1.docx', doc([lines], tables)).additionalMaterials).toBeUndefined();
  });
});
