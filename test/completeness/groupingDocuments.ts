import { createHash } from 'node:crypto';
import { Organisation } from '../../shared/domain/application/organisation.js';
import { StandardProject } from '../../shared/domain/application/standardProject.js';
import type { ApplicationRecords } from '../../shared/extraction/applicationRecords.js';
import { classifyMaterial } from '../../shared/extraction/classifyMaterial.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';

/**
 * Model-level documents for grouping tests: the text a reader would have produced (lines of a Word flow or a PDF page)
 * and the records of a form, classified by the real classifier from their path and text. No file is built.
 */
export function modelDocument(path: string, lines: string[], records: ApplicationRecords = {}): ExtractedDocument {
  const pages = [{ page: 1, lines }];
  const { type, reason, additionalMaterials } = classifyMaterial(path, { pages });
  const ext = path.includes('.') ? (path.split('.').pop() ?? '').toLowerCase() : '';
  return {
    path,
    sha256: createHash('sha256').update(path).update(lines.join('\n')).digest('hex'),
    size: lines.join('\n').length,
    declaredType: ext,
    detectedType: ext === 'docx' ? 'docx' : 'pdf',
    readable: true,
    materialType: type,
    ...(additionalMaterials ? { additionalMaterials } : {}),
    classificationReason: reason,
    pageCount: 1,
    pages,
    headers: [],
    tables: [],
    fields: {},
    records,
    metadata: {},
    needsOcr: [],
    findings: [],
  };
}

export const unitName = '长春市市场监督管理局';

export interface Org {
  name: string;
  creditCode: string;
}
export const orgA: Org = { name: '长春恒达精密机械有限公司', creditCode: '91220101MA14RT7L2X' };
export const orgB: Org = { name: '吉林宏达食品有限公司', creditCode: '91220201MA17KQ3P8N' };
export const project = {
  standardNumber: 'GB/T 38888—2020',
  standardName: '汽车零部件质量追溯体系',
  applicant: '一汽解放汽车有限公司',
};

/** One document of the fixed set: who owns it, what it is (a name part for file names), and its text. */
export interface Item {
  owner: 'A' | 'B' | 'SI' | 'RU';
  /** What a clerk would call the file (before numbering / generic renaming). */
  name: string;
  ext: 'docx' | 'pdf';
  lines: string[];
  records?: ApplicationRecords;
}

export const consentLines = (signer: string) => [
  '脱密审核同意书',
  '吉林省评选表彰办公室：',
  '经审核，报送的吉林省质量奖申报材料已进行脱密处理，不含涉密信息，同意报送。',
  `${signer}（盖章）`,
  '2025年8月20日',
];

function orgItems(owner: 'A' | 'B', o: Org): Item[] {
  return [
    {
      owner,
      name: '组织申报表',
      ext: 'docx',
      lines: [
        '附件2',
        '吉林省质量奖（质量管理）组织申报表',
        `单位名称：${o.name}`,
        `统一社会信用代码：${o.creditCode}`,
      ],
      records: { organisation: Organisation.parse({ name: o.name, creditCode: o.creditCode }) },
    },
    { owner, name: '自评报告', ext: 'docx', lines: [o.name, '卓越绩效自评报告', '一、领导', `${o.name}高层领导……`] },
    {
      owner,
      name: '统一社会信用代码证书',
      ext: 'pdf',
      lines: ['营业执照', `统一社会信用代码 ${o.creditCode}`, `名称 ${o.name}`],
    },
    {
      owner,
      name: '内部公示情况说明',
      ext: 'pdf',
      lines: [`关于${o.name}申报吉林省质量奖的公示`, '公示时间：2025年7月28日至2025年8月1日，公示期间无异议。'],
    },
    { owner, name: '脱密审核同意书', ext: 'pdf', lines: consentLines(o.name) },
    {
      owner,
      name: '征求意见表',
      ext: 'docx',
      lines: ['吉林省质量奖征求意见表', `申报单位：${o.name}`, '类别：非公有制企业及其负责人'],
    },
  ];
}

/** Two QM organisations, one SI project and the recommending unit's own materials. */
export function fixedSet(): Item[] {
  return [
    ...orgItems('A', orgA),
    ...orgItems('B', orgB),
    {
      owner: 'SI',
      name: '申报材料清单',
      ext: 'pdf',
      lines: [
        '申报材料清单',
        '1.吉林省质量奖（标准创新）项目申报书',
        '2.标准正式文本',
        '3.标准审定结论',
        '4.经济效益证明',
        '5.吉林省质量奖（标准创新）申报项目汇总表',
      ],
    },
    {
      owner: 'SI',
      name: '项目申报书',
      ext: 'pdf',
      lines: [
        '附件4',
        '吉林省质量奖（标准创新）项目申报书',
        `标准名称：${project.standardName}`,
        `标准编号：${project.standardNumber}`,
        `申报单位：${project.applicant}`,
      ],
      records: {
        standardProject: StandardProject.parse({
          standardNumber: project.standardNumber,
          standardName: project.standardName,
          applicant: { name: project.applicant },
        }),
      },
    },
    {
      owner: 'SI',
      name: '标准正式文本',
      ext: 'pdf',
      lines: ['ICS 43.020', project.standardNumber, project.standardName, '2020-06-02发布  2020-12-01实施'],
    },
    {
      owner: 'SI',
      name: '标准审定结论',
      ext: 'pdf',
      lines: ['标准审定结论', `《${project.standardName}》（${project.standardNumber}）经审定达到国际先进水平。`],
    },
    { owner: 'SI', name: '脱密审核同意书', ext: 'pdf', lines: consentLines(project.applicant) },
    {
      owner: 'RU',
      name: '推荐公函',
      ext: 'docx',
      lines: ['关于推荐吉林省质量奖候选组织的函', '吉林省评选表彰办公室：', '现将我市推荐情况报告如下。'],
    },
    {
      owner: 'RU',
      name: '推荐组织、个人汇总表',
      ext: 'docx',
      lines: ['附件3', '吉林省质量奖（质量管理）推荐组织、个人汇总表', `推荐单位：${unitName}`],
    },
    { owner: 'RU', name: '脱密审核同意书', ext: 'pdf', lines: consentLines(unitName) },
  ];
}
