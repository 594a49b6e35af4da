import { z } from 'zod';

/**
 * The kinds of document a bundle can hold (notice §七, SPEC §4). Which of them a track requires, and when, is
 * campaign data (the material catalogue); this list only names them.
 */
export const materialTypes = {
  DECLASSIFICATION_CONSENT: '脱密审核同意书',
  QM_ORG_APPLICATION_FORM: '吉林省质量奖（质量管理）组织申报表（附件2）',
  QM_IND_APPLICATION_FORM: '吉林省质量奖（质量管理）个人申报表（附件2）',
  SELF_EVALUATION_REPORT: '自评报告（GB/T 19580-2012）',
  ACHIEVEMENTS: '主要成绩与突出贡献',
  ORGANISATION_CHART: '组织框架图及说明',
  CREDIT_CODE_CERTIFICATE: '统一社会信用代码证书',
  AWARD_CERTIFICATE: '获奖证书',
  PUBLICITY_EVIDENCE: '内部公示证明',
  EMPLOYER_RECOMMENDATION: '所在单位推荐意见',
  CONSULTATION_FORM: '吉林省质量奖征求意见表',
  RECOMMENDATION_LETTER: '推荐公函',
  QM_SUMMARY_TABLE: '推荐组织、个人汇总表（附件3）',
  SI_MATERIAL_LIST: '申报材料清单',
  SI_APPLICATION_FORM: '吉林省质量奖（标准创新）项目申报书（附件4）',
  STANDARD_TEXT: '标准正式文本',
  LEVEL_EVIDENCE: '标准水平证明（审定结论 / 水平评价报告）',
  BENEFIT_EVIDENCE: '经济、社会、生态效益证明',
  SI_SUPPORTING_MATERIAL: '其他相关佐证材料',
  SI_PROJECT_SUMMARY_TABLE: '申报项目汇总表（附件5）',
  DRAFTER_SELECTION_EVIDENCE: '主要起草人员遴选、公示及异议处理佐证材料',
  WAIVER_DECLARATION: '放弃申报声明',
  SI_RECOMMENDATION_SUMMARY_TABLE: '推荐项目汇总表（附件6）',
  CONTACT_FORM: '评选表彰推荐工作联系表（附件7/8）',
  UNCLASSIFIED: '未识别材料',
} as const;

export const MaterialType = z.enum(Object.keys(materialTypes) as [keyof typeof materialTypes]);
export type MaterialType = z.infer<typeof MaterialType>;
