import type { MaterialType } from '../materials/materialType.js';

/** Keywords that identify a material type in a file name or a document title. */
export interface MaterialSignature {
  type: MaterialType;
  keywords: string[];
}

/**
 * Interim table (the domain catalogue's `materialSignatures` replaces it once it lands). Order matters only for
 * ties: the longest matching keyword wins, so specific names ("推荐项目汇总表") beat generic ones ("汇总表").
 */
export const interimSignatures: MaterialSignature[] = [
  { type: 'DECLASSIFICATION_CONSENT', keywords: ['脱密审核同意书', '脱密审核', '脱密同意书', '脱密'] },
  { type: 'QM_ORG_APPLICATION_FORM', keywords: ['组织申报表', '质量管理组织申报', '组织申报'] },
  { type: 'QM_IND_APPLICATION_FORM', keywords: ['个人申报表', '质量管理个人申报', '个人申报'] },
  { type: 'SELF_EVALUATION_REPORT', keywords: ['自评报告', '自我评价报告', '自评'] },
  { type: 'ACHIEVEMENTS', keywords: ['主要成绩与突出贡献', '主要成绩和突出贡献', '突出贡献', '主要成绩'] },
  { type: 'ORGANISATION_CHART', keywords: ['组织框架图', '组织架构图', '组织机构图', '组织框架', '架构图'] },
  {
    type: 'CREDIT_CODE_CERTIFICATE',
    keywords: ['统一社会信用代码证书', '统一社会信用代码证', '信用代码证书', '营业执照', '信用代码证'],
  },
  { type: 'AWARD_CERTIFICATE', keywords: ['获奖证书', '荣誉证书', '奖励证书', '获奖情况'] },
  { type: 'PUBLICITY_EVIDENCE', keywords: ['内部公示证明', '公示证明', '公示情况说明', '内部公示', '公示'] },
  { type: 'EMPLOYER_RECOMMENDATION', keywords: ['所在单位推荐意见', '单位推荐意见', '所在单位意见'] },
  { type: 'CONSULTATION_FORM', keywords: ['质量奖征求意见表', '征求意见表', '征求意见'] },
  { type: 'RECOMMENDATION_LETTER', keywords: ['推荐公函', '推荐函', '推荐的函'] },
  { type: 'QM_SUMMARY_TABLE', keywords: ['推荐组织、个人汇总表', '推荐组织个人汇总表', '组织、个人汇总表'] },
  { type: 'SI_MATERIAL_LIST', keywords: ['申报材料清单', '材料清单'] },
  { type: 'SI_APPLICATION_FORM', keywords: ['标准创新项目申报书', '项目申报书', '申报书'] },
  { type: 'STANDARD_TEXT', keywords: ['标准正式文本', '标准文本', '正式文本'] },
  { type: 'LEVEL_EVIDENCE', keywords: ['审定结论', '水平评价报告', '标准水平', '水平评价', '评价报告'] },
  { type: 'BENEFIT_EVIDENCE', keywords: ['效益证明', '经济效益', '社会效益', '生态效益'] },
  { type: 'SI_SUPPORTING_MATERIAL', keywords: ['其他相关佐证材料', '佐证材料'] },
  { type: 'SI_PROJECT_SUMMARY_TABLE', keywords: ['申报项目汇总表'] },
  {
    type: 'DRAFTER_SELECTION_EVIDENCE',
    keywords: ['主要起草人员遴选', '起草人员遴选', '起草人遴选', '起草人员公示', '异议处理'],
  },
  { type: 'WAIVER_DECLARATION', keywords: ['放弃申报声明', '放弃申报'] },
  { type: 'SI_RECOMMENDATION_SUMMARY_TABLE', keywords: ['推荐项目汇总表'] },
  { type: 'CONTACT_FORM', keywords: ['评选表彰推荐工作联系表', '推荐工作联系表', '联系表'] },
];

export interface Classification {
  type: MaterialType;
  reason: string;
}

/** Spaces (ASCII and full-width) and punctuation vanish, so "申 报 表" and "申报表（" match "申报表". */
export function compactForMatch(text: string): string {
  return text.replace(/[\s\u3000_\-—·•.。,，:：;；()（）[\]【】《》<>"'“”‘’]/g, '');
}

function bestMatch(text: string, signatures: MaterialSignature[]) {
  const compact = compactForMatch(text);
  let best: { type: MaterialType; keyword: string } | undefined;
  for (const signature of signatures)
    for (const keyword of signature.keywords)
      if (compact.includes(compactForMatch(keyword)) && keyword.length > (best?.keyword.length ?? 0))
        best = { type: signature.type, keyword };
  return best;
}

/** The first lines of a document that can be its title or headings. */
export function titleLines(lines: string[], count = 8): string[] {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && l.length <= 60)
    .slice(0, count);
}

/**
 * Material type from the file name and the document's own title/headings. Both count: a title match outweighs a
 * file-name match only when it is more specific (longer keyword); when nothing matches, UNCLASSIFIED.
 */
export function classifyMaterial(
  fileName: string,
  titles: string[],
  signatures: MaterialSignature[] = interimSignatures,
): Classification {
  const base = fileName.split('/').pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, '');
  const byName = bestMatch(stem, signatures);
  let byTitle: { type: MaterialType; keyword: string; line: string } | undefined;
  for (const line of titles) {
    const match = bestMatch(line, signatures);
    if (match && match.keyword.length > (byTitle?.keyword.length ?? 0)) byTitle = { ...match, line };
  }
  if (byName && byTitle && byName.type === byTitle.type)
    return { type: byName.type, reason: `file name and title contain 「${byTitle.keyword}」` };
  if (byTitle && (!byName || byTitle.keyword.length > byName.keyword.length))
    return {
      type: byTitle.type,
      reason: `title contains 「${byTitle.keyword}」${byName ? ` (file name suggested 「${byName.keyword}」)` : ''}`,
    };
  if (byName) return { type: byName.type, reason: `file name contains 「${byName.keyword}」` };
  return { type: 'UNCLASSIFIED', reason: 'no material keyword in the file name or the title' };
}
