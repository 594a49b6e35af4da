import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Department } from '../../shared/domain/consultation/department.js';
import { isAdverseOpinion, readConsultationRows } from '../../shared/extraction/consultationRows.js';
import {
  type FormRow,
  formDocument,
  lineLayouts,
  modelDocument,
  modelTable,
  tableLayouts,
} from '../fixtures/consultationForms.js';

/** The notice's eight departments for a non-public enterprise and its head (QM_ORG), with their offices. */
const privateEnterprise = [
  ['公安部门', '长春市公安局', 'PUBLIC_SECURITY'],
  ['人力资源社会保障部门', '长春市人力资源和社会保障局', 'HUMAN_RESOURCES_SOCIAL_SECURITY'],
  ['生态环境部门', '长春市生态环境局', 'ECOLOGY_ENVIRONMENT'],
  ['税务部门', '国家税务总局长春市税务局', 'TAXATION'],
  ['市场监管部门', '长春市市场监督管理局', 'MARKET_REGULATION'],
  ['应急管理部门', '长春市应急管理局', 'EMERGENCY_MANAGEMENT'],
  ['统战部门', '中共长春市委统战部', 'UNITED_FRONT'],
  ['工商联', '长春市工商业联合会', 'FEDERATION_OF_INDUSTRY_AND_COMMERCE'],
] as const;
const departmentsRead = (rows: { department: string }[]) => rows.map((r) => r.department);

describe('consultation rows: the notice’s one table', () => {
  it('reads eight department rows of one table, each with office, opinion, seal and date, and the 类别', () => {
    const doc = modelDocument('征求意见表.docx', {
      lines: ['吉林省质量奖征求意见表'],
      wordLines: true,
      tables: [
        modelTable(0, [
          ['单位名称', { text: '长春某某制造有限公司', colSpan: 3 }],
          ['类别', { text: '非公有制企业及其负责人', colSpan: 3 }],
          ['征求意见部门', '意见', '盖章', '日期'],
          ...privateEnterprise.map(([name, office]) => [
            `${name}（${office}）`,
            '同意推荐。',
            '（盖章）',
            '2025年7月30日',
          ]),
        ]),
      ],
    });
    const rows = readConsultationRows(doc, { wholeDocument: true });
    expect(departmentsRead(rows)).toEqual(privateEnterprise.map(([, , d]) => d));
    expect(rows[0]).toEqual({
      department: 'PUBLIC_SECURITY',
      departmentText: '公安部门（长春市公安局）',
      office: '长春市公安局',
      opinion: '同意推荐。',
      adverse: false,
      date: '2025-07-30',
      sealed: true,
      returned: true,
      subject: { name: '长春某某制造有限公司', category: '非公有制企业及其负责人' },
      source: { file: '征求意见表.docx', table: 0, row: 3, cell: 0 },
    });
  });

  it('reads the columns by their header in any order: 日期 | 反馈意见 | 部门 | 盖章', () => {
    const doc = modelDocument('征求意见表.docx', {
      lines: ['吉林省质量奖征求意见表', '类别：非公有制企业其他职工（非负责人）'],
      wordLines: true,
      tables: [
        modelTable(0, [
          ['日期', '反馈意见', '部门', '盖章'],
          ['2025.08.01', '经查，未发现违法犯罪记录。', '公安部门（长春市公安局）', '长春市公安局'],
          ['2025-08-02', '同意。', '组织人事部门（中共长春市委组织部）', '（盖章）'],
        ]),
      ],
    });
    const rows = readConsultationRows(doc, { wholeDocument: true });
    expect(rows).toMatchObject([
      {
        department: 'PUBLIC_SECURITY',
        opinion: '经查，未发现违法犯罪记录。',
        date: '2025-08-01',
        seal: '长春市公安局',
        sealed: true,
        subject: { category: '非公有制企业其他职工（非负责人）' },
      },
      { department: 'ORGANISATION_PERSONNEL', opinion: '同意。', date: '2025-08-02', sealed: true },
    ]);
  });

  it('reads a merged 反馈意见栏 (opinion, seal line and date in one cell) and a department cell spanning rows', () => {
    const doc = modelDocument('征求意见表.docx', {
      lines: ['吉林省质量奖征求意见表'],
      wordLines: true,
      tables: [
        modelTable(0, [
          ['征求意见部门', { text: '反馈意见', colSpan: 2 }],
          ['公安部门（长春市公安局）', { text: '无违法违纪记录。\n（盖章）\n2025年7月30日', colSpan: 2 }],
          [{ text: '税务部门（国家税务总局长春市税务局）', rowSpan: 3 }, '意见', '未发现重大税收违法失信行为。'],
          ['盖章', '国家税务总局长春市税务局'],
          ['日期', '2025 年 8 月 1 日'],
        ]),
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toMatchObject([
      { department: 'PUBLIC_SECURITY', opinion: '无违法违纪记录。', date: '2025-07-30', sealed: true, adverse: false },
      {
        department: 'TAXATION',
        office: '国家税务总局长春市税务局',
        opinion: '未发现重大税收违法失信行为。',
        seal: '国家税务总局长春市税务局',
        date: '2025-08-01',
        source: { table: 0, row: 2, cell: 0 },
      },
    ]);
  });

  it('reads a side label spanning the rows and numbered rows: 反馈意见 | 1 | 公安部门 | …', () => {
    const doc = modelDocument('征求意见表.docx', {
      lines: ['征求有关部门意见表'],
      wordLines: true,
      tables: [
        modelTable(0, [
          [{ text: '反馈意见', rowSpan: 2 }, '1', '公安部门（长春市公安局）意见', '同意推荐\n（盖章）\n2025年7月30日'],
          ['2', '审计部门（长春市审计局）意见', '同意推荐\n（盖章）\n2025年7月31日'],
        ]),
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toMatchObject([
      {
        department: 'PUBLIC_SECURITY',
        departmentText: '公安部门（长春市公安局）',
        opinion: '同意推荐',
        date: '2025-07-30',
      },
      { department: 'AUDIT', opinion: '同意推荐', date: '2025-07-31' },
    ]);
  });

  it('an empty row of the blank form (only the printed （盖章） and 年 月 日) is not a returned opinion', () => {
    const doc = modelDocument('征求意见表.docx', {
      lines: ['吉林省质量奖征求意见表'],
      wordLines: true,
      tables: [
        modelTable(0, [
          ['征求意见部门', { text: '反馈意见', colSpan: 2 }],
          ['公安部门（长春市公安局）', { text: '同意推荐。\n（盖章）\n2025年7月30日', colSpan: 2 }],
          ['税务部门（        ）', { text: '\n（盖章）\n年  月  日', colSpan: 2 }],
        ]),
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toMatchObject([
      { department: 'PUBLIC_SECURITY', returned: true },
      { department: 'TAXATION', returned: false, sealed: true },
    ]);
  });
});

describe('consultation rows: the table as PDF text', () => {
  it('reads one line per row, cells separated by spaces', () => {
    const doc = modelDocument('征求意见表.pdf', {
      lines: [
        '吉林省质量奖征求意见表',
        '类别：非公有制企业及其负责人',
        '征求意见部门 意见 盖章 日期',
        ...privateEnterprise.map(([name, office]) => `${name}（${office}） 同意 （盖章） 2025年7月30日`),
      ],
    });
    const rows = readConsultationRows(doc, { wholeDocument: true });
    expect(departmentsRead(rows)).toEqual(privateEnterprise.map(([, , d]) => d));
    expect(rows[0]).toMatchObject({
      departmentText: '公安部门（长春市公安局）',
      office: '长春市公安局',
      opinion: '同意',
      date: '2025-07-30',
      sealed: true,
      source: { file: '征求意见表.pdf', page: 1, line: 4 },
    });
  });

  it('reads the opinion, seal and date wrapped onto the lines below the department, and a wrapped office', () => {
    const doc = modelDocument('征求意见表.pdf', {
      lines: [
        '吉林省质量奖征求意见表',
        '申报对象  长春某某制造有限公司',
        '类别  非公有制企业及其负责人',
        '征求意见部门  反馈意见',
        '公安部门（长春市公安局）  无违法违纪记录，同意推荐。',
        '（盖章）  2025年7月30日',
        '人力资源社会保障部门（长春市人力资源和',
        '社会保障局）  同意推荐。',
        '（盖章）',
        '2025年7月31日',
        '注：如需增加征求意见部门，可自行增加反馈意见栏。',
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toMatchObject([
      {
        department: 'PUBLIC_SECURITY',
        opinion: '无违法违纪记录，同意推荐。',
        date: '2025-07-30',
        sealed: true,
        subject: { name: '长春某某制造有限公司', category: '非公有制企业及其负责人' },
      },
      {
        department: 'HUMAN_RESOURCES_SOCIAL_SECURITY',
        office: '长春市人力资源和社会保障局',
        opinion: '同意推荐。',
        date: '2025-07-31',
        sealed: true,
      },
    ]);
  });
});

describe('consultation rows: a PDF whose table was also detected', () => {
  it('reads the table once, in place of the lines that are its text (wrapped cells included)', () => {
    const doc = modelDocument('征求意见表.pdf', {
      lines: [
        '《吉林省质量奖征求意见表》',
        '类别：非公有制企业及其负责人',
        '单位名称 长春某某制造有限公司',
        '征求意见部门 部门意见 盖章 日期',
        '公安部门（长春市公安局） 同意。 （盖章）2025.08.05',
        '人社部门（长春市人力资源',
        '和社会保障局）',
        '经核查，近三年无违法违规行为，',
        '同意推荐。 （盖章）2025.08.09',
      ],
      tables: [
        modelTable(0, [
          ['单位名称', { text: '长春某某制造有限公司', colSpan: 3 }],
          ['征求意见部门', '部门意见', '盖章', '日期'],
          ['公安部门（长春市公安局）', '同意。', '（盖章）', '2025.08.05'],
          [
            '人社部门（长春市人力资源\n和社会保障局）',
            '经核查，近三年无违法违规行为，\n同意推荐。',
            '（盖章）',
            '2025.08.09',
          ],
        ]),
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toEqual([
      expect.objectContaining({
        department: 'PUBLIC_SECURITY',
        subject: { category: '非公有制企业及其负责人', name: '长春某某制造有限公司' },
        source: { file: '征求意见表.pdf', table: 0, row: 2, cell: 0 },
      }),
      expect.objectContaining({
        department: 'HUMAN_RESOURCES_SOCIAL_SECURITY',
        opinion: '经核查，近三年无违法违规行为，同意推荐。',
        date: '2025-08-09',
        subject: { category: '非公有制企业及其负责人', name: '长春某某制造有限公司' },
      }),
    ]);
  });

  it('rows numbered 一、二、 are rows of the form, not new sections', () => {
    const doc = modelDocument('征求意见表.pdf', {
      lines: [
        '吉林省质量奖征求意见表',
        '一、公安部门（长春市公安局） 同意 （盖章） 2025年7月30日',
        '二、税务部门（国家税务总局长春市税务局） 同意 （盖章） 2025年7月31日',
      ],
    });
    expect(departmentsRead(readConsultationRows(doc, { wholeDocument: true }))).toEqual([
      'PUBLIC_SECURITY',
      'TAXATION',
    ]);
  });
});

describe('consultation rows: one form per department', () => {
  it('reads the `征求意见部门：` label, the subject, the opinion, the seal line and the date', () => {
    const doc = modelDocument('征求意见表-公安.docx', {
      lines: [
        '吉林省质量奖征求意见表',
        '征求意见部门：长春市公安局',
        '征求意见对象：长春某某制造有限公司',
        '类别：非公有制企业及其负责人',
        '意见：经核查，未发现违法违规记录，同意推荐。',
        '长春市公安局（盖章）',
        '2025年8月5日',
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toEqual([
      {
        department: 'PUBLIC_SECURITY',
        departmentText: '长春市公安局',
        opinion: '经核查，未发现违法违规记录，同意推荐。',
        adverse: false,
        date: '2025-08-05',
        sealed: true,
        seal: '长春市公安局',
        returned: true,
        subject: { name: '长春某某制造有限公司', category: '非公有制企业及其负责人' },
        source: { file: '征求意见表-公安.docx', page: 1, line: 2 },
      },
    ]);
  });

  it('reads the label grid (征求意见部门 | 公安部门（…）; 意见 | …) and, without any label, the file name', () => {
    const grid = modelDocument('表3.docx', {
      lines: ['吉林省质量奖征求意见表'],
      wordLines: true,
      tables: [
        modelTable(0, [
          ['征求意见部门', '税务部门（国家税务总局长春市税务局）'],
          ['单位名称', '长春某某制造有限公司'],
          ['意见', '未发现重大税收违法失信行为。\n（盖章）\n2025-08-01'],
        ]),
      ],
    });
    expect(readConsultationRows(grid, { wholeDocument: true })).toMatchObject([
      {
        department: 'TAXATION',
        opinion: '未发现重大税收违法失信行为。',
        date: '2025-08-01',
        source: { table: 0, row: 0, cell: 1 },
      },
    ]);
    const named = modelDocument('征求意见表/征求意见表-应急管理.docx', {
      lines: ['吉林省质量奖征求意见表', '同意推荐。', '2025年8月5日'],
    });
    expect(readConsultationRows(named, { wholeDocument: true })).toMatchObject([
      { department: 'EMERGENCY_MANAGEMENT', opinion: '同意推荐。', date: '2025-08-05', source: { file: named.path } },
    ]);
  });
});

describe('consultation rows: the SI 申报书’s section 六', () => {
  it('reads only section 六, one form per subject, each row with its subject', () => {
    const doc = modelDocument('项目申报书.docx', {
      materialType: 'SI_APPLICATION_FORM',
      lines: ['吉林省质量奖（标准创新）项目申报书', '三、主要起草人员情况'],
      wordLines: false,
      tables: [],
    });
    const drafterTable = modelTable(0, [
      ['序号', '姓名', '工作单位', '贡献率'],
      ['1', '王丽华', '吉林省公安厅物证鉴定中心', '40%'],
    ]);
    const applicantForm = modelTable(1, [
      ['单位名称', '吉林省某某研究院'],
      ['类别', '机关事业单位及其工作人员'],
      ['公安部门（长春市公安局）', '同意\n（盖章）\n2025年7月30日'],
      ['组织人事部门（中共长春市委组织部）', '同意\n（盖章）\n2025年7月30日'],
    ]);
    const drafterForm = modelTable(2, [
      ['姓名', '王丽华'],
      ['类别', '事业单位工作人员'],
      ['公安部门（吉林市公安局）', '同意\n（盖章）\n2025年7月31日'],
    ]);
    const line = (t: typeof drafterTable) =>
      t.rows.map((cells) => cells.map((c) => c.text.replace(/\n/g, ' ')).join('\t'));
    doc.tables = [drafterTable, applicantForm, drafterForm];
    doc.pages = [
      {
        page: 1,
        lines: [
          '吉林省质量奖（标准创新）项目申报书',
          '三、主要起草人员情况',
          ...line(drafterTable),
          '四、标准水平及创新性',
          '公安部门已审定',
          '六、征求有关部门意见表',
          ...line(applicantForm),
          ...line(drafterForm),
        ],
      },
    ];
    expect(readConsultationRows(doc)).toMatchObject([
      {
        department: 'PUBLIC_SECURITY',
        subject: { name: '吉林省某某研究院', category: '机关事业单位及其工作人员' },
        source: { table: 1 },
      },
      { department: 'ORGANISATION_PERSONNEL', subject: { name: '吉林省某某研究院' } },
      { department: 'PUBLIC_SECURITY', date: '2025-07-31', subject: { name: '王丽华', category: '事业单位工作人员' } },
    ]);
    expect(readConsultationRows(doc)).toHaveLength(3);
  });
});

describe('adverse opinions', () => {
  it.each([
    ['不同意推荐。', true],
    ['该单位存在欠缴税款问题。', true],
    ['经查，该单位2024年受到环保行政处罚一次。', true],
    ['无违法违纪记录，同意推荐。', false],
    ['经核查，不存在违法违规问题，同意推荐。', false],
    ['违法违纪记录：无', false],
    ['无异议，同意推荐。', false],
    ['无不同意见。', false],
    ['未发现重大税收违法失信行为。', false],
    ['近三年未发生安全生产事故，但存在整改未完成的问题。', true],
  ])('%s → adverse %s', (opinion, adverse) => {
    expect(isAdverseOpinion(opinion)).toBe(adverse);
  });

  it('a row whose opinion objects is read as adverse', () => {
    const doc = modelDocument('征求意见表.pdf', {
      lines: [
        '吉林省质量奖征求意见表',
        '生态环境部门（长春市生态环境局） 该企业存在环境违法问题，不同意推荐 （盖章） 2025年7月30日',
      ],
    });
    expect(readConsultationRows(doc, { wholeDocument: true })).toMatchObject([
      { department: 'ECOLOGY_ENVIRONMENT', adverse: true, opinion: '该企业存在环境违法问题，不同意推荐' },
    ]);
  });
});

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/** Every department of the notice, as forms name it, with an office. */
const allDepartments: [string, string, Department][] = [
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
  ['社会工作部门', '中共长春市委社会工作部', 'SOCIAL_WORK'],
  ['民政部门', '长春市民政局', 'CIVIL_AFFAIRS'],
];
const opinions: [string, boolean][] = [
  ['同意推荐。', false],
  ['经查，未发现违法犯罪记录。', false],
  ['无异议，同意推荐。', false],
  ['经核查，近三年无违法违规行为，同意推荐。', false],
  ['未发现重大税收违法失信行为。', false],
  ['该企业存在环境违法问题，不同意推荐。', true],
  ['不同意。', true],
];
const dateShapes: ((y: number, m: number, d: number) => string)[] = [
  (y, m, d) => `${y}年${m}月${d}日`,
  (y, m, d) => `${y}.${String(m).padStart(2, '0')}.${String(d).padStart(2, '0')}`,
  (y, m, d) => `${y}-${m}-${d}`,
  (y, m, d) => `${y} 年 ${m} 月 ${d} 日`,
  (y, m, d) => `${y}年${m}月${d}日`.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
];
const categories = [
  '非公有制企业及其负责人',
  '非公有制企业其他职工（非负责人）',
  '国有或国有控股企业及其负责人',
  '机关事业单位及其工作人员',
  '事业单位工作人员',
  '社会组织及其负责人',
  '统战人士',
];

interface WrittenRow {
  index: number;
  withOffice: boolean;
  opinion: number;
  day: number;
  shape: number;
}

describe('consultation rows: property', () => {
  it('for any subset of departments in any layout, the rows read are the rows written', () => {
    const row = fc.record({
      index: fc.nat(allDepartments.length - 1),
      withOffice: fc.boolean(),
      opinion: fc.nat(opinions.length - 1),
      day: fc.integer({ min: 1, max: 31 }),
      shape: fc.nat(dateShapes.length - 1),
    });
    const form = fc.record({
      rows: fc.uniqueArray(row, { minLength: 1, maxLength: 13, selector: (r: WrittenRow) => r.index }),
      empty: fc.nat(20),
      layout: fc.constantFrom(...tableLayouts, ...lineLayouts),
      columnOrder: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
      category: fc.nat(categories.length - 1),
      subject: fc.constantFrom('长春某某制造有限公司', '张三', '吉林省某某研究院'),
    });
    try {
      fc.assert(
        fc.property(form, (f) => {
          const written: FormRow[] = f.rows.map((r, i) => {
            const [department, office] = allDepartments[r.index] as [string, string, Department];
            const blank = i === f.empty; // one row of the blank form left empty now and then
            return {
              department,
              ...(r.withOffice ? { office } : {}),
              ...(blank ? {} : { opinion: opinions[r.opinion]?.[0], date: dateShapes[r.shape]?.(2025, 7, r.day) }),
            };
          });
          const doc = formDocument(
            `征求意见表.${(lineLayouts as readonly string[]).includes(f.layout) ? 'pdf' : 'docx'}`,
            {
              subject: f.subject,
              subjectLabel: f.subject.length <= 3 ? '姓名' : '单位名称',
              category: categories[f.category],
              rows: written,
            },
            f.layout,
            f.columnOrder,
          );
          const read = readConsultationRows(doc, { wholeDocument: true });
          expect(
            read.map((r) => ({ department: r.department, office: r.office, opinion: r.opinion, date: r.date })),
          ).toEqual(
            f.rows.map((r, i) => {
              const [, office, department] = allDepartments[r.index] as [string, string, Department];
              const blank = i === f.empty;
              return {
                department,
                office: r.withOffice ? office : undefined,
                opinion: blank ? undefined : opinions[r.opinion]?.[0],
                date: blank ? undefined : `2025-07-${String(r.day).padStart(2, '0')}`,
              };
            }),
          );
          f.rows.forEach((r, i) => {
            const blank = i === f.empty;
            expect(read[i]?.returned).toBe(!blank);
            expect(read[i]?.adverse).toBe(!blank && (opinions[r.opinion]?.[1] ?? false));
            expect(read[i]?.subject).toEqual({ name: f.subject, category: categories[f.category] });
          });
        }),
        { seed, numRuns: 300 },
      );
    } catch (error) {
      throw new Error(`consultation rows property failed; replay with FC_SEED=${seed}\n${String(error)}`);
    }
  });
});
