import { afterAll, describe, expect, it } from 'vitest';
import { checkConsultations } from '../../shared/completeness/consultationForms.js';
import type { Application } from '../../shared/domain/application/application.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import type { Department } from '../../shared/domain/consultation/department.js';
import type { Finding } from '../../shared/domain/findings/finding.js';
import { readConsultationRows } from '../../shared/extraction/consultationRows.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import {
  type FormRow,
  type FormSpec,
  formDocument,
  formLines,
  formTable,
  modelDocument,
  modelTable,
} from '../fixtures/consultationForms.js';

const campaign = loadCampaign('2025');
const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
afterAll(() => sandbox.close());

const orgName = '长春某某制造有限公司';
/** A QM_ORG applicant whose 申报表 does not say its 单位性质: the 征求意见表's 类别 must. */
const org = (ownershipType?: 'NON_PUBLIC' | 'STATE_OWNED'): Application => ({
  track: 'QM_ORG',
  organisation: { name: orgName, declaredIncidents: [], ...(ownershipType ? { ownershipType } : {}) },
});

/** The notice's departments for a non-public enterprise and its head: 公安 + 人社, 生态环境, 税务, 市场监管, 应急管理 + 统战, 工商联. */
const privateEnterpriseRows: FormRow[] = [
  ['公安部门', '长春市公安局'],
  ['人力资源社会保障部门', '长春市人力资源和社会保障局'],
  ['生态环境部门', '长春市生态环境局'],
  ['税务部门', '国家税务总局长春市税务局'],
  ['市场监管部门', '长春市市场监督管理局'],
  ['应急管理部门', '长春市应急管理局'],
  ['统战部门', '中共长春市委统战部'],
  ['工商联', '长春市工商业联合会'],
].map(([department, office]) => ({
  department: department as string,
  office,
  opinion: '经核查，无违法违规记录，同意推荐。',
  date: '2025年7月30日',
}));
const privateEnterpriseForm: FormSpec = {
  subject: orgName,
  category: '非公有制企业及其负责人',
  rows: privateEnterpriseRows,
};

const codes = (findings: Finding[]) => findings.map((f) => `${f.code}/${f.severity}`);
const missing = (findings: Finding[]) =>
  findings.filter((f) => f.code === 'CONSULTATION_MISSING' && f.severity === 'blocking').map((f) => f.evidence);

describe('checkConsultations: opinions read as rows', () => {
  it.each(['fourColumns', 'shuffledColumns', 'mergedOpinion', 'spannedDepartment', 'linePerRow', 'wrapped'] as const)(
    'one table with the eight departments of a non-public enterprise (%s) is complete, the 类别 giving the unit type',
    (layout) => {
      const doc = formDocument(`${orgName}/征求意见表.docx`, privateEnterpriseForm, layout);
      expect(checkConsultations(org(), [doc], campaign)).toEqual([]);
    },
  );

  it('CONSULTATION_MISSING: a department left out of the table, per department of the matrix the 类别 selects', () => {
    const doc = formDocument(
      '征求意见表.docx',
      { ...privateEnterpriseForm, rows: privateEnterpriseRows.filter((r) => r.department !== '统战部门') },
      'mergedOpinion',
    );
    expect(checkConsultations(org(), [doc], campaign)).toMatchObject([
      { code: 'CONSULTATION_MISSING', severity: 'blocking', field: 'consultation.applicant.UNITED_FRONT' },
    ]);
  });

  it('CONSULTATION_MISSING: an empty row of the blank form is no opinion; the finding names the document and row', () => {
    const rows = privateEnterpriseRows.map((r) =>
      r.department === '税务部门' ? { department: r.department, office: r.office } : r,
    );
    const doc = formDocument('征求意见表.docx', { ...privateEnterpriseForm, rows }, 'mergedOpinion');
    expect(checkConsultations(org(), [doc], campaign)).toMatchObject([
      {
        code: 'CONSULTATION_MISSING',
        severity: 'blocking',
        field: 'consultation.applicant.TAXATION',
        file: '征求意见表.docx',
        source: { file: '征求意见表.docx', table: 0, row: 6, cell: 0 },
      },
    ]);
  });

  it('CONSULTATION_ADVERSE: an opinion that objects is returned (not missing) and is for review, with its row', () => {
    const rows = privateEnterpriseRows.map((r) =>
      r.department === '生态环境部门' ? { ...r, opinion: '该企业2024年存在环境违法问题，不同意推荐。' } : r,
    );
    const doc = formDocument('征求意见表.pdf', { ...privateEnterpriseForm, rows }, 'linePerRow');
    expect(checkConsultations(org(), [doc], campaign)).toEqual([
      expect.objectContaining({
        code: 'CONSULTATION_ADVERSE',
        severity: 'review',
        field: 'consultation.applicant.ECOLOGY_ENVIRONMENT',
        file: '征求意见表.pdf',
        evidence: '生态环境部门（长春市生态环境局）：该企业2024年存在环境违法问题，不同意推荐。',
        source: { file: '征求意见表.pdf', page: 1, line: 7 },
      }),
    ]);
  });

  it('one file per department (the existing layout) still makes a complete set, with opinions from several files', () => {
    const docs = privateEnterpriseRows.map((r) =>
      modelDocument(`征求意见表-${r.department.replace('部门', '')}.docx`, {
        lines: [
          '吉林省质量奖征求意见表',
          `征求意见部门：${r.office}`,
          `征求意见对象：${orgName}`,
          '意见：经核查，未发现违法违规记录，同意推荐。',
          `出具意见单位（盖章）：${r.office}`,
          '2025年8月5日',
        ],
      }),
    );
    expect(checkConsultations(org('NON_PUBLIC'), docs, campaign)).toEqual([]);
    expect(missing(checkConsultations(org('NON_PUBLIC'), docs.slice(1), campaign))).toEqual(['公安']);
  });

  it('without a 类别 and a unit type the matrix cannot be completed: the review finding stays', () => {
    const doc = formDocument('征求意见表.docx', { ...privateEnterpriseForm, category: undefined }, 'fourColumns');
    expect(codes(checkConsultations(org(), [doc], campaign))).toEqual(['CONSULTATION_MISSING/review']);
  });
});

describe('checkConsultations: the 类别 feeds the consultation matrix (notice §三(一)2)', () => {
  const person = (): Application => ({
    track: 'QM_IND',
    person: { name: '张三', declaredIncidents: [], employerIncidents: [] },
  });
  const all: [string, string, Department][] = [
    ['公安部门', '长春市公安局', 'PUBLIC_SECURITY'],
    ['组织人事部门', '中共长春市委组织部', 'ORGANISATION_PERSONNEL'],
    ['纪检监察部门', '中共长春市纪委监委', 'DISCIPLINE_INSPECTION'],
    ['审计部门', '长春市审计局', 'AUDIT'],
    ['人力资源社会保障部门', '长春市人力资源和社会保障局', 'HUMAN_RESOURCES_SOCIAL_SECURITY'],
    ['生态环境部门', '长春市生态环境局', 'ECOLOGY_ENVIRONMENT'],
    ['税务部门', '国家税务总局长春市税务局', 'TAXATION'],
    ['市场监管部门', '长春市市场监督管理局', 'MARKET_REGULATION'],
    ['应急管理部门', '长春市应急管理局', 'EMERGENCY_MANAGEMENT'],
    ['统战部门', '中共长春市委统战部', 'UNITED_FRONT'],
    ['工商联', '长春市工商业联合会', 'FEDERATION_OF_INDUSTRY_AND_COMMERCE'],
  ];
  const enterprise = ['人社', '生态环境', '税务', '市场监管', '应急管理'];
  // The departments the notice names for each 类别 of a person (QM_IND), written from the notice, not the matrix.
  it.each<[string, string[]]>([
    ['非公有制企业及其负责人', ['公安', ...enterprise, '统战', '工商联']],
    ['非公有制企业其他职工（非负责人）', ['公安', '组织人事']],
    ['国有或国有控股企业及其负责人', ['公安', '组织人事', '纪检监察', '审计', ...enterprise]],
    ['机关事业单位及其工作人员', ['公安', '组织人事', '纪检监察']],
    ['事业单位工作人员', ['公安', '组织人事', '纪检监察']],
  ])('类别：%s → the departments the notice names', (category, expected) => {
    const rows = all.map(([department, office]) => ({ department, office, opinion: '同意。', date: '2025-08-01' }));
    const doc = formDocument(
      '征求意见表.docx',
      { subject: '张三', subjectLabel: '姓名', category, rows },
      'fourColumns',
    );
    const short: Record<Department, string> = {
      PUBLIC_SECURITY: '公安',
      ORGANISATION_PERSONNEL: '组织人事',
      DISCIPLINE_INSPECTION: '纪检监察',
      AUDIT: '审计',
      HUMAN_RESOURCES_SOCIAL_SECURITY: '人社',
      ECOLOGY_ENVIRONMENT: '生态环境',
      TAXATION: '税务',
      MARKET_REGULATION: '市场监管',
      EMERGENCY_MANAGEMENT: '应急管理',
      UNITED_FRONT: '统战',
      FEDERATION_OF_INDUSTRY_AND_COMMERCE: '工商联',
      SOCIAL_WORK: '社会工作',
      CIVIL_AFFAIRS: '民政',
    };
    // With every department's row the set is complete; each department the notice names is missing without its row.
    expect(checkConsultations(person(), [doc], campaign)).toEqual([]);
    const required = all.filter(([department]) => {
      const without = formDocument(
        '征求意见表.docx',
        { subject: '张三', subjectLabel: '姓名', category, rows: rows.filter((r) => r.department !== department) },
        'fourColumns',
      );
      return missing(checkConsultations(person(), [without], campaign)).length > 0;
    });
    expect(required.map(([, , d]) => short[d])).toEqual(expected);
  });

  it('类别：社会组织及其负责人 (SI applicant unit) → 公安, 社会工作, 民政', () => {
    const app: Application = {
      track: 'SI',
      project: {
        standardName: '某某标准',
        applicant: { name: '吉林省某某协会', declaredIncidents: [] },
        drafters: [],
        draftingUnits: [],
        waivedUnits: [],
        publishers: [],
        previousAwards: [],
      },
    };
    const doc = formDocument(
      '征求意见表.docx',
      {
        subject: '吉林省某某协会',
        category: '社会组织及其负责人',
        rows: [{ department: '公安部门', office: '长春市公安局', opinion: '同意。', date: '2025-08-01' }],
      },
      'mergedOpinion',
    );
    expect(missing(checkConsultations(app, [doc], campaign))).toEqual(['社会工作', '民政']);
  });

  it('类别：统战人士 adds 统战部门; the unit type stays for review when nothing else gives it', () => {
    const doc = formDocument(
      '征求意见表.docx',
      {
        subject: '张三',
        subjectLabel: '姓名',
        category: '统战人士',
        rows: [{ department: '公安部门', office: '长春市公安局', opinion: '同意。', date: '2025-08-01' }],
      },
      'mergedOpinion',
    );
    const findings = checkConsultations(person(), [doc], campaign);
    expect(missing(findings)).toEqual(['统战部门']);
    expect(codes(findings)).toContain('CONSULTATION_MISSING/review');
  });
});

describe('checkConsultations: the SI 申报书’s section 六', () => {
  const si = (): Application => ({
    track: 'SI',
    project: {
      standardName: '某某检测方法',
      applicant: { name: '吉林省某某研究院', ownershipType: 'PUBLIC_INSTITUTION', declaredIncidents: [] },
      // The 申报书 gives neither drafter's unit type: their forms' 类别 does.
      drafters: [
        { name: '王丽华', unit: '吉林省某某研究院' },
        { name: '赵建国', unit: '长春某某科技有限公司' },
      ],
      draftingUnits: [],
      waivedUnits: [],
      publishers: [],
      previousAwards: [],
    },
  });
  const sectionSix = (drafter2Rows: FormRow[]) => {
    const ok = (department: string, office: string) => ({
      department,
      office,
      opinion: '同意。',
      date: '2025年7月30日',
    });
    const forms: FormSpec[] = [
      {
        subject: '吉林省某某研究院',
        category: '机关事业单位及其工作人员',
        rows: [
          ok('公安部门', '长春市公安局'),
          ok('组织人事部门', '中共吉林省委组织部'),
          ok('纪检监察部门', '吉林省纪委监委'),
        ],
      },
      {
        subject: '王丽华',
        subjectLabel: '姓名',
        category: '事业单位工作人员',
        rows: [
          ok('公安部门', '长春市公安局'),
          ok('组织人事部门', '中共吉林省委组织部'),
          ok('纪检监察部门', '吉林省纪委监委'),
        ],
      },
      { subject: '赵建国', subjectLabel: '姓名', category: '非公有制企业其他职工（非负责人）', rows: drafter2Rows },
    ];
    return forms.map((f, i) => modelTable(i + 1, formTable(f, 'mergedOpinion')));
  };
  const applicationForm = (tables: ReturnType<typeof sectionSix>): ExtractedDocument => {
    const drafters = modelTable(0, [
      ['序号', '姓名', '工作单位', '贡献率'],
      ['1', '王丽华', '吉林省某某研究院', '60%'],
      ['2', '赵建国', '长春某某科技有限公司', '40%'],
    ]);
    const all = [drafters, ...tables];
    const lines = (t: (typeof all)[number]) =>
      t.rows.map((cells) => cells.map((c) => c.text.replace(/\n/g, ' ')).join('\t'));
    const doc = modelDocument('项目/项目申报书.docx', { materialType: 'SI_APPLICATION_FORM', tables: all });
    doc.pages = [
      {
        page: 1,
        lines: [
          '吉林省质量奖（标准创新）项目申报书',
          '三、主要起草人员情况',
          ...lines(drafters),
          '六、征求有关部门意见表',
          ...tables.flatMap(lines),
        ],
      },
    ];
    return doc;
  };

  it('reads each subject’s form in section 六; the drafters’ 类别 complete the matrix: no 单位性质未能读取', () => {
    const doc = applicationForm(
      sectionSix([
        { department: '公安部门', office: '长春市公安局', opinion: '同意。', date: '2025年7月30日' },
        {
          department: '组织人事（人力资源）部门',
          office: '长春某某科技有限公司人力资源部',
          opinion: '同意。',
          date: '2025年7月30日',
        },
      ]),
    );
    expect(checkConsultations(si(), [doc], campaign)).toEqual([]);
  });

  it('CONSULTATION_MISSING names the drafter whose form lacks a department', () => {
    const doc = applicationForm(
      sectionSix([{ department: '公安部门', office: '长春市公安局', opinion: '同意。', date: '2025年7月30日' }]),
    );
    expect(checkConsultations(si(), [doc], campaign)).toMatchObject([
      { code: 'CONSULTATION_MISSING', severity: 'blocking', field: 'consultation.drafters.1.ORGANISATION_PERSONNEL' },
    ]);
  });
});

describe('checkConsultations on files through the extractor', () => {
  const extract = async (bytes: Buffer, path: string) => extractFile(bytes, path, { sandbox });

  it('Word: the notice’s one table with merged 反馈意见栏 cells', async () => {
    const bytes = await buildDocx({
      title: '吉林省质量奖征求意见表',
      tables: [formTable(privateEnterpriseForm, 'mergedOpinion')],
    });
    const doc = await extract(bytes, `${orgName}/6 征求意见表.docx`);
    expect(readConsultationRows(doc, { wholeDocument: true }).map((r) => r.departmentText)).toEqual(
      privateEnterpriseRows.map((r) => `${r.department}（${r.office}）`),
    );
    expect(checkConsultations(org(), [{ ...doc, materialType: 'CONSULTATION_FORM' }], campaign)).toEqual([]);
  });

  it('Word: a department cell spanning three rows (意见 / 盖章 / 日期), one row left empty → missing', async () => {
    const rows = privateEnterpriseRows.map((r) =>
      r.department === '工商联' ? { department: r.department, office: r.office } : r,
    );
    const bytes = await buildDocx({
      title: '吉林省质量奖征求意见表',
      tables: [formTable({ ...privateEnterpriseForm, rows }, 'spannedDepartment')],
    });
    const doc = await extract(bytes, '征求意见表.docx');
    expect(checkConsultations(org(), [{ ...doc, materialType: 'CONSULTATION_FORM' }], campaign)).toMatchObject([
      {
        code: 'CONSULTATION_MISSING',
        severity: 'blocking',
        field: 'consultation.applicant.FEDERATION_OF_INDUSTRY_AND_COMMERCE',
        source: { file: '征求意见表.docx', table: 0 },
      },
    ]);
  });

  it.each(['linePerRow', 'wrapped'] as const)('text PDF converted from Word (%s)', async (layout) => {
    const bytes = await buildPdf([formLines(privateEnterpriseForm, layout)]);
    const doc = await extract(bytes, '征求意见表.pdf');
    expect(readConsultationRows(doc, { wholeDocument: true })).toHaveLength(8);
    expect(checkConsultations(org(), [{ ...doc, materialType: 'CONSULTATION_FORM' }], campaign)).toEqual([]);
  });

  it('Word SI 申报书 with its section 六: the drafter’s 类别 事业单位工作人员 gives the unit type', async () => {
    const bytes = await buildDocx({
      title: '吉林省质量奖（标准创新）项目申报书',
      paragraphs: ['六、征求有关部门意见表', '类别：事业单位工作人员'],
      tables: [
        formTable(
          {
            subject: '王丽华',
            subjectLabel: '姓名',
            rows: ['公安部门', '组织人事部门', '纪检监察部门'].map((department) => ({
              department,
              opinion: '同意。',
              date: '2025年7月30日',
            })),
          },
          'fourColumns',
        ),
      ],
    });
    const doc = await extract(bytes, '项目申报书.docx');
    const app: Application = {
      track: 'SI',
      project: {
        standardName: '某某检测方法',
        applicant: { name: '吉林省某某研究院', ownershipType: 'PUBLIC_INSTITUTION', declaredIncidents: [] },
        drafters: [{ name: '王丽华' }],
        draftingUnits: [],
        waivedUnits: [],
        publishers: [],
        previousAwards: [],
      },
    };
    const findings = checkConsultations(app, [{ ...doc, materialType: 'SI_APPLICATION_FORM' }], campaign);
    expect(findings.filter((f) => f.field?.startsWith('consultation.drafters.0'))).toEqual([]);
  });
});
