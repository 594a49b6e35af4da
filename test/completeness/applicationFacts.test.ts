import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applicationWithFacts } from '../../shared/completeness/applicationData.js';
import { bestFact, gatherApplicationFacts } from '../../shared/completeness/applicationFacts.js';
import { checkBundle } from '../../shared/completeness/checkBundle.js';
import type { DocumentGroup } from '../../shared/completeness/groupDocuments.js';
import type { Finding } from '../../shared/domain/findings/finding.js';
import type { MaterialType } from '../../shared/domain/materials/materialType.js';
import { readApplicationRecords } from '../../shared/extraction/applicationRecords.js';
import type { ExtractedDocument, Table } from '../../shared/extraction/document.js';
import { readFormFields } from '../../shared/extraction/formFields.js';
import type { FieldKey } from '../../shared/extraction/formLabels.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import { creditCode, idNumber, wrongCheckIdNumber } from '../fixtures/bundles/identities.js';
import { campaign, onTime } from './checkSpec.js';

// Model-level documents (what the extractor yields), so each test states exactly which document says what. The
// expectations come from the notice: QM individuals need ≥ 5 years of quality work (of them ≥ 2 in Jilin) up to the
// 2025-08-22 deadline and a valid 居民身份证号; the same person, organisation and standard on every document.

type Format = 'docx' | 'pdf' | 'scan';

/** A document as the extractor gives it: lines (page 1) and tables, fields read by the form reader; a scan has none. */
function documentOf(
  path: string,
  materialType: MaterialType,
  content: { lines?: string[]; tables?: string[][][]; format?: Format } = {},
): ExtractedDocument {
  const format = content.format ?? (path.endsWith('.docx') ? 'docx' : 'pdf');
  const scan = format === 'scan';
  const pages = scan ? [] : [{ page: 1, lines: content.lines ?? [] }];
  const tables: Table[] = (content.tables ?? []).map((rows, index) => ({
    index,
    rows: rows.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
  }));
  const fields = scan ? {} : readFormFields(path, pages, tables);
  const records = scan
    ? {}
    : readApplicationRecords(path, materialType, fields as Partial<Record<FieldKey, never>>, pages, tables).records;
  return {
    path,
    sha256: createHash('sha256').update(path).digest('hex'),
    size: 4096,
    declaredType: path.split('.').pop() ?? '',
    detectedType: format === 'docx' ? 'docx' : 'pdf',
    readable: true,
    materialType,
    classificationReason: 'test',
    pageCount: 1,
    pages,
    headers: [],
    tables,
    fields,
    records,
    metadata: {},
    needsOcr: scan ? [1] : [],
    findings: [],
  };
}

const name = '孙立国';
const employer = '吉林省北方重工机械有限公司';
const validId = idNumber('22010219800315201');
const otherId = idNumber('22010219810315201');
const invalidId = wrongCheckIdNumber('22010219800315201');
const dir = name;
const formPath = `${dir}/个人申报表.pdf`;
const achievementsPath = `${dir}/主要成绩与突出贡献.docx`;
const consultationPath = `${dir}/征求意见表.docx`;

const scannedForm = () => documentOf(formPath, 'QM_IND_APPLICATION_FORM', { format: 'scan' });
const typedForm = (values: { id?: string; start?: string; jilinStart?: string }) =>
  documentOf(`${dir}/个人申报表.docx`, 'QM_IND_APPLICATION_FORM', {
    tables: [
      [
        ['姓名', name, '职务', '质量部部长'],
        ['身份证号', values.id ?? validId, '工作单位', employer],
        ['单位性质', '民营企业', '是否为单位负责人', '否'],
        ['从事质量工作时间', values.start ?? '2008年3月', '在吉林省从事质量工作时间', values.jilinStart ?? '2008年3月'],
      ],
    ],
  });
const achievements = (lines: string[]) =>
  documentOf(achievementsPath, 'ACHIEVEMENTS', {
    lines: [...lines, `${name}同志长期从事质量管理工作，主持建立了企业质量管理体系。`],
  });

function check(documents: ExtractedDocument[]): CompletenessReport {
  return checkBundle({ documents, campaign, receivedAt: onTime, recommendingUnit: '长春市市场监督管理局' });
}

const ofCode = (report: CompletenessReport, code: Finding['code']) =>
  report.applications.flatMap((a) => a.findings).filter((f) => f.code === code);

const group = (documents: ExtractedDocument[]): DocumentGroup => ({
  id: 'QM_IND#test',
  track: 'QM_IND',
  folder: dir,
  forms: documents.filter((d) => d.materialType === 'QM_IND_APPLICATION_FORM'),
  documents,
});

describe('facts from every document of a QM_IND application whose form is only a scan', () => {
  it('QUALITY_WORK_YEARS_TOO_FEW: the start of quality work printed in the typed 主要成绩 (2021年9月: 3 years)', () => {
    const report = check([
      scannedForm(),
      achievements([
        `姓名：${name}`,
        `身份证号：${validId}`,
        '从事质量工作时间：2021年9月',
        '在吉林省从事质量工作时间：2021年9月',
      ]),
    ]);
    expect(ofCode(report, 'QUALITY_WORK_YEARS_TOO_FEW')).toEqual([
      expect.objectContaining({
        severity: 'blocking',
        field: 'person.qualityWorkStartDate',
        file: achievementsPath,
        source: { file: achievementsPath, page: 1, line: 3 },
        evidence: '2021-09-01',
      }),
    ]);
    expect(report.applications[0]?.applicant.name).toBe(name);
    expect(report.applications[0]?.fields.qualityWorkStartDate).toMatchObject({
      value: '2021年9月',
      source: { file: achievementsPath, page: 1, line: 3 },
    });
  });

  it('ID_NUMBER_INVALID: the 主要成绩’s 身份证号 has a wrong check character; the evidence is masked', () => {
    const report = check([
      scannedForm(),
      achievements([`姓名：${name}`, `身份证号：${invalidId}`, '从事质量工作时间：2008年3月']),
    ]);
    const found = ofCode(report, 'ID_NUMBER_INVALID');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'blocking',
        field: 'person.idNumber',
        file: achievementsPath,
        source: { file: achievementsPath, page: 1, line: 2 },
        evidence: `${invalidId.slice(0, 6)}********${invalidId.slice(-4)}`,
      }),
    ]);
    expect(JSON.stringify(found)).not.toContain(invalidId);
    expect(ofCode(report, 'QUALITY_WORK_YEARS_TOO_FEW')).toEqual([]);
  });

  it('the recommending unit’s 汇总表 row gives the facts when no document of the application states them', () => {
    const table = documentOf('推荐组织个人汇总表.docx', 'QM_SUMMARY_TABLE', {
      lines: ['推荐单位：长春市市场监督管理局'],
      tables: [
        [
          ['排序', '姓名', '身份证号', '工作单位', '从事质量工作时间'],
          ['1', '李明', idNumber('22010219750101101'), '长春客车厂', '1998年7月'],
          ['2', name, validId, employer, '2022年1月'],
        ],
      ],
    });
    const report = check([scannedForm(), achievements([`姓名：${name}`]), table]);
    expect(ofCode(report, 'QUALITY_WORK_YEARS_TOO_FEW')).toEqual([
      expect.objectContaining({
        file: '推荐组织个人汇总表.docx',
        source: { file: '推荐组织个人汇总表.docx', table: 0, row: 2, cell: 4 },
        evidence: '2022-01-01',
      }),
    ]);
    expect(ofCode(report, 'ID_NUMBER_INVALID')).toEqual([]);
    expect(report.applications[0]?.applicant.employer).toBe(employer);
  });

  it('without any document stating them the facts stay missing (for review), never guessed', () => {
    const report = check([scannedForm(), achievements([`姓名：${name}`])]);
    expect(ofCode(report, 'QUALITY_WORK_YEARS_TOO_FEW')).toEqual([]);
    expect(ofCode(report, 'FIELD_MISSING').map((f) => f.field)).toEqual(
      expect.arrayContaining(['person.idNumber', 'person.qualityWorkStartDate']),
    );
  });
});

describe('precedence: the form over the other documents over the summary table', () => {
  it('the form’s start of quality work wins over the 主要成绩’s; the 汇总表 only fills what both leave empty', () => {
    const table = documentOf('推荐组织个人汇总表.docx', 'QM_SUMMARY_TABLE', {
      tables: [
        [
          ['排序', '姓名', '身份证号', '统一社会信用代码'],
          ['1', name, validId, creditCode('91220101MA17XK3Q5')],
        ],
      ],
    });
    const docs = [
      typedForm({ start: '2008年3月' }),
      achievements([`姓名：${name}`, '从事质量工作时间：2021年9月', `工作单位：${employer}`]),
    ];
    const { application, facts } = applicationWithFacts(group(docs), undefined, [table]);
    expect(application?.track === 'QM_IND' && application.person).toMatchObject({
      name,
      idNumber: validId,
      qualityWorkStartDate: '2008-03-01',
      employerCreditCode: creditCode('91220101MA17XK3Q5'),
    });
    expect(bestFact(facts, 'qualityWorkStartDate')).toMatchObject({
      tier: 'form',
      source: { file: `${dir}/个人申报表.docx`, table: 0 },
    });
    expect(bestFact(facts, 'creditCode')).toMatchObject({ tier: 'summaryTable', source: { row: 1, cell: 3 } });
  });

  it('a Word form is trusted over its PDF version, a text PDF over a scan', () => {
    const word = typedForm({ start: '2008年3月' });
    const pdf = documentOf(formPath, 'QM_IND_APPLICATION_FORM', {
      lines: [`姓名：${name}`, `身份证号：${validId}`, '从事质量工作时间：2009年3月'],
    });
    const facts = gatherApplicationFacts(group([pdf, word]));
    expect(facts.facts.filter((f) => f.key === 'qualityWorkStartDate').map((f) => [f.typed, f.rank])).toEqual([
      ['2008-03-01', 0],
      ['2009-03-01', 1],
    ]);
  });

  it('DATE_MISMATCH (review): the 主要成绩 gives another start of quality work than the form, naming both', () => {
    const report = check([
      typedForm({ start: '2008年3月' }),
      achievements([`姓名：${name}`, '从事质量工作时间：2021年9月']),
    ]);
    expect(ofCode(report, 'QUALITY_WORK_YEARS_TOO_FEW')).toEqual([]);
    const [found, ...rest] = ofCode(report, 'DATE_MISMATCH');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      severity: 'review',
      file: achievementsPath,
      field: 'person.qualityWorkStartDate',
      source: { file: achievementsPath, page: 1, line: 2 },
    });
    expect(found?.message).toContain(achievementsPath);
    expect(found?.message).toContain(`${dir}/个人申报表.docx（表1第4行第2格）`);
  });
});

describe('cross-check of the facts', () => {
  it('ID_NUMBER_MISMATCH (blocking): the 征求意见表 carries another 身份证号 than the form; both named, both masked', () => {
    const consultation = documentOf(consultationPath, 'CONSULTATION_FORM', {
      lines: [`姓名：${name}`, `身份证号：${otherId}`, `工作单位：${employer}`, '征求意见部门：长春市公安局'],
    });
    const report = check([typedForm({}), consultation]);
    const found = ofCode(report, 'ID_NUMBER_MISMATCH');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'blocking',
        file: consultationPath,
        field: 'person.idNumber',
        source: { file: consultationPath, page: 1, line: 2 },
      }),
    ]);
    expect(found[0]?.message).toContain(consultationPath);
    expect(found[0]?.message).toContain(`${dir}/个人申报表.docx`);
    expect(found[0]?.message).toContain('出生日期');
    expect(JSON.stringify(found)).not.toContain(validId);
    expect(JSON.stringify(found)).not.toContain(otherId);
  });

  it('values in another notation agree: full-width digits, lower-case x, spaces, a month against a day of it', () => {
    const xId = idNumber('22010219800315209'); // check character X
    const form = typedForm({ id: xId, start: '2008年3月' });
    const wide = xId.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
    const docs = [
      form,
      achievements([`姓 名：${name}`, `身份证号：${wide}`, '从事质量工作时间：2008.03.15']),
      documentOf(consultationPath, 'CONSULTATION_FORM', { lines: [`姓名：${name.split('').join(' ')}`] }),
    ];
    // Every document's value is read (compared, not dropped) …
    const files = (key: string) =>
      gatherApplicationFacts(group(docs))
        .facts.filter((f) => f.key === key)
        .map((f) => f.source.file);
    expect(files('idNumber')).toEqual([`${dir}/个人申报表.docx`, achievementsPath]);
    expect(files('personName')).toEqual([`${dir}/个人申报表.docx`, achievementsPath, consultationPath]);
    expect(files('qualityWorkStartDate')).toEqual([`${dir}/个人申报表.docx`, achievementsPath]);
    // … and they agree.
    const mismatches = check(docs)
      .applications.flatMap((a) => a.findings)
      .filter((f) => f.code.endsWith('_MISMATCH'));
    expect(mismatches).toEqual([]);
  });

  it('a 征求意见表’s header and department rows are not the applicant’s name (QM_ORG)', () => {
    const org = '吉林省松原鼎盛电力设备有限公司';
    const code = creditCode('91220700M43151845');
    const form = documentOf('鼎盛/组织申报表.docx', 'QM_ORG_APPLICATION_FORM', {
      tables: [
        [
          ['单位名称', org],
          ['统一社会信用代码', code],
        ],
      ],
    });
    const consultation = documentOf('鼎盛/征求意见表.docx', 'CONSULTATION_FORM', {
      tables: [
        [
          ['单位名称', '反馈意见', '日期'],
          ['公安部门（松原市公安局）', '经核查，无违法犯罪记录。', '2025年8月5日'],
        ],
        [
          ['单位名称', '公安部门（松原市公安局）'],
          ['意见', '同意推荐'],
        ],
      ],
    });
    const seal = documentOf('鼎盛/内部公示情况说明.pdf', 'PUBLICITY_EVIDENCE', {
      lines: ['公示时间：2025年7月28日至2025年8月1日', `单位名称：${org}（盖章）`],
    });
    const facts = gatherApplicationFacts({
      id: 'QM_ORG#x',
      track: 'QM_ORG',
      folder: '鼎盛',
      forms: [form],
      documents: [form, consultation, seal],
    });
    // The form's name and the seal line's (its 盖章 note aside); neither table's 单位名称 cell.
    expect(facts.facts.filter((f) => f.key === 'organisationName').map((f) => f.source.file)).toEqual([
      '鼎盛/组织申报表.docx',
      '鼎盛/内部公示情况说明.pdf',
    ]);
    const mismatches = check([form, consultation, seal])
      .applications.flatMap((a) => a.findings)
      .filter((f) => f.code.endsWith('_MISMATCH'));
    expect(mismatches).toEqual([]);
  });

  it('a value that is merely absent is never flagged', () => {
    const report = check([
      typedForm({}),
      achievements([]),
      documentOf(consultationPath, 'CONSULTATION_FORM', { lines: ['征求意见部门：长春市公安局', '意见：同意推荐。'] }),
      documentOf(`${dir}/所在单位推荐意见.pdf`, 'EMPLOYER_RECOMMENDATION', {
        lines: [`同意推荐${name}同志申报。`, `单位（盖章）：${employer}`],
      }),
    ]);
    const mismatches = report.applications.flatMap((a) => a.findings).filter((f) => f.code.endsWith('_MISMATCH'));
    expect(mismatches).toEqual([]);
  });

  it('NAME_MISMATCH names the document that disagrees and the form, not a value of someone else’s document', () => {
    // An SI drafter’s 征求意见表 names the drafter’s unit: not the applicant unit, so not compared.
    const si = (path: string, type: MaterialType, lines: string[]) => documentOf(path, type, { lines });
    const docs = [
      si('项目/项目申报书.pdf', 'SI_APPLICATION_FORM', [
        '标准名称：汽车零部件质量追溯体系 要求',
        '标准编号：GB/T 39876—2021',
        '申报单位：吉林省标准化研究院',
        '实施日期：2021年11月1日',
      ]),
      si('项目/征求意见表-公安-周雪梅.pdf', 'CONSULTATION_FORM', [
        '姓名：周雪梅',
        '单位名称：长春一汽富维汽车零部件股份有限公司',
      ]),
      si('项目/申报材料清单.pdf', 'SI_MATERIAL_LIST', ['申报单位：吉林省标准化研究所', '标准编号：GB/T 39876-2021']),
    ];
    const facts = gatherApplicationFacts({
      id: 'SI#x',
      track: 'SI',
      folder: '项目',
      forms: [docs[0] as ExtractedDocument],
      documents: docs,
    });
    expect(facts.facts.filter((f) => f.key === 'organisationName').map((f) => f.source.file)).toEqual([
      '项目/项目申报书.pdf',
      '项目/申报材料清单.pdf',
    ]);
    const report = checkBundle({ documents: docs, campaign, receivedAt: '2025-08-28T10:00:00+08:00' });
    expect(ofCode(report, 'NAME_MISMATCH')).toEqual([
      expect.objectContaining({ severity: 'blocking', file: '项目/申报材料清单.pdf', field: 'project.applicant.name' }),
    ]);
    expect(ofCode(report, 'STANDARD_MISMATCH')).toEqual([]);
  });
});
