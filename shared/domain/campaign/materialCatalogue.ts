import type { Application } from '../application/application.js';
import { sameUnit } from '../application/unitName.js';
import type { MaterialCondition, MaterialRequirement } from '../materials/materialRequirement.js';
import type { MaterialType } from '../materials/materialType.js';
import type { Track } from '../track/track.js';
import { parseStandardNumber } from '../validation/standardNumber.js';
import type { CampaignConfig } from './campaignConfig.js';

export type { MaterialCondition, MaterialRequirement } from '../materials/materialRequirement.js';

/** Award family of a track: the recommending unit's own materials differ between QM and SI. */
export type AwardFamily = 'QM' | 'SI';
export function awardFamily(track: Track): AwardFamily {
  return track === 'SI' ? 'SI' : 'QM';
}

/** The materials each application of the track must / may contain (campaign data). */
export function applicantMaterials(campaign: CampaignConfig, track: Track): readonly MaterialRequirement[] {
  return campaign.materials.perApplicant[track];
}

/** The recommending unit's own materials in a bundle of the family (campaign data). */
export function recommendingUnitMaterials(
  campaign: CampaignConfig,
  family: AwardFamily,
): readonly MaterialRequirement[] {
  return campaign.materials.perRecommendingUnit[family];
}

/**
 * Whether a named condition holds for the application; undefined when the data needed to decide are missing (the
 * completeness check then asks a reviewer rather than guessing).
 */
export function materialConditionHolds(condition: MaterialCondition, app: Application): boolean | undefined {
  switch (condition) {
    case 'isHeadquartersOrGroup':
      return app.track === 'QM_ORG' ? app.organisation.isHeadquartersOrGroup : false;
    case 'applicantNotFirstDraftingUnit': {
      if (app.track !== 'SI') return false;
      const parsed = parseStandardNumber(app.project.standardNumber);
      // Group and enterprise standards are applied for by their publisher: no drafting order, no waivers.
      if (parsed.ok && (parsed.standard.type === 'group' || parsed.standard.type === 'enterprise')) return false;
      const first = app.project.draftingUnits[0];
      if (first === undefined || app.project.applicant.name === undefined) return undefined;
      return !sameUnit(first, app.project.applicant.name);
    }
  }
}

export interface ApplicableMaterial extends MaterialRequirement {
  /** A conditional material whose condition could not be decided from the data. */
  undetermined?: true;
}

/**
 * The materials an application needs: required ones, conditional ones whose condition holds or cannot be decided
 * (marked `undetermined`), and optional ones (requirement 'optional': absence is no finding).
 */
export function materialsForApplication(campaign: CampaignConfig, app: Application): ApplicableMaterial[] {
  const out: ApplicableMaterial[] = [];
  for (const entry of applicantMaterials(campaign, app.track)) {
    if (entry.requirement !== 'conditional' || entry.condition === undefined) {
      out.push(entry);
      continue;
    }
    const holds = materialConditionHolds(entry.condition, app);
    if (holds === true) out.push(entry);
    else if (holds === undefined) out.push({ ...entry, undetermined: true });
  }
  return out;
}

/** Words that identify a material in its title (first lines), in its file name and, weakly, in its content. */
export interface MaterialSignature {
  titleKeywords: readonly string[];
  fileNameKeywords: readonly string[];
  /** Words of the material's body; two or more present are weak evidence when title and file name say nothing. */
  contentKeywords?: readonly string[];
}

/**
 * Keywords per material type, longest (most specific) first, for the classifier. The annex numbers are those of the
 * 2025 notice (附件2 申报表, 附件3 QM 汇总表, 附件4 申报书, 附件5/6 SI 汇总表, 附件7/8 联系表); a bare annex number in a file
 * name is weak evidence (clerks number their attachments freely). Generic titles (申报表) name both QM forms: the
 * content (credit code vs ID number) decides.
 */
export const materialSignatures: Record<Exclude<MaterialType, 'UNCLASSIFIED'>, MaterialSignature> = {
  DECLASSIFICATION_CONSENT: {
    titleKeywords: ['脱密审核同意书', '脱密处理同意书', '脱密审核意见', '脱密同意书', '脱密审核'],
    fileNameKeywords: ['脱密审核同意书', '脱密同意书', '脱密审核', '脱密'],
    contentKeywords: ['脱密处理', '脱密审核', '不涉及国家秘密', '不含涉密', '涉密信息', '同意报送'],
  },
  QM_ORG_APPLICATION_FORM: {
    titleKeywords: [
      '吉林省质量奖（质量管理）组织申报表',
      '质量管理组织申报表',
      '组织申报表',
      '质量管理）申报表',
      '申报表',
    ],
    fileNameKeywords: ['组织申报表', '组织申报', '附件2组织'],
    contentKeywords: [
      '统一社会信用代码',
      '法定代表人',
      '单位性质',
      '成立时间',
      '注册资本',
      '主营业务',
      '职工人数',
      '营业收入',
    ],
  },
  QM_IND_APPLICATION_FORM: {
    titleKeywords: [
      '吉林省质量奖（质量管理）个人申报表',
      '质量管理个人申报表',
      '个人申报表',
      '质量管理）申报表',
      '申报表',
    ],
    fileNameKeywords: ['个人申报表', '个人申报', '附件2个人'],
    contentKeywords: ['身份证号', '从事质量工作', '出生年月', '政治面貌', '学历', '职务职称', '工作单位'],
  },
  SELF_EVALUATION_REPORT: {
    titleKeywords: ['自评报告', '自我评价报告', '卓越绩效自评'],
    fileNameKeywords: ['自评报告', '自我评价', '自评'],
    contentKeywords: ['卓越绩效', 'GB/T 19580', '顾客与市场', '过程管理', '测量、分析与改进'],
  },
  ACHIEVEMENTS: {
    titleKeywords: ['主要成绩与突出贡献', '主要成绩和突出贡献', '主要事迹与突出贡献', '突出贡献'],
    fileNameKeywords: ['主要成绩与突出贡献', '主要成绩', '突出贡献', '事迹材料'],
  },
  ORGANISATION_CHART: {
    titleKeywords: ['组织框架图', '组织架构图', '组织机构图', '组织机构设置', '内部关系说明'],
    fileNameKeywords: ['组织框架', '组织架构', '组织机构图', '架构图', '框架图'],
  },
  CREDIT_CODE_CERTIFICATE: {
    titleKeywords: ['统一社会信用代码证书', '营业执照', '事业单位法人证书', '社会团体法人登记证书'],
    fileNameKeywords: ['统一社会信用代码证', '信用代码证', '营业执照', '法人证书', '登记证书'],
    contentKeywords: ['统一社会信用代码', '登记机关', '经营范围', '注册资本', '住所'],
  },
  AWARD_CERTIFICATE: {
    titleKeywords: ['获奖证书', '荣誉证书', '奖励证书', '证书'],
    fileNameKeywords: ['获奖证书', '荣誉证书', '奖励证书', '获奖', '荣誉'],
  },
  PUBLICITY_EVIDENCE: {
    titleKeywords: ['公示情况说明', '内部公示', '公示证明', '公示结果', '公示'],
    fileNameKeywords: ['内部公示', '公示证明', '公示情况', '公示'],
    contentKeywords: ['公示期', '公示时间', '公示期间', '无异议', '予以公示'],
  },
  EMPLOYER_RECOMMENDATION: {
    titleKeywords: ['所在单位推荐意见', '单位推荐意见', '申报推荐意见'],
    fileNameKeywords: ['所在单位推荐意见', '单位推荐意见', '单位意见'],
  },
  CONSULTATION_FORM: {
    titleKeywords: ['吉林省质量奖征求意见表', '征求有关部门意见表', '征求意见表', '部门意见'],
    fileNameKeywords: ['征求意见表', '征求意见', '部门意见'],
    contentKeywords: [
      '征求意见部门',
      '公安部门',
      '税务部门',
      '生态环境部门',
      '应急管理部门',
      '市场监管部门',
      '人社部门',
    ],
  },
  RECOMMENDATION_LETTER: {
    titleKeywords: ['推荐公函', '关于推荐', '推荐函', '推荐工作报告'],
    fileNameKeywords: ['推荐公函', '推荐函', '推荐报告'],
    contentKeywords: ['推荐过程', '基层公示情况', '集体研究情况', '具体推荐意见', '推荐材料审核情况'],
  },
  QM_SUMMARY_TABLE: {
    titleKeywords: ['推荐组织、个人汇总表', '推荐组织个人汇总表', '质量管理）推荐组织'],
    fileNameKeywords: ['推荐组织个人汇总表', '组织个人汇总表', '附件3', '汇总表'],
  },
  SI_MATERIAL_LIST: {
    titleKeywords: ['申报材料清单', '材料清单'],
    fileNameKeywords: ['申报材料清单', '材料清单', '清单'],
  },
  SI_APPLICATION_FORM: {
    titleKeywords: ['吉林省质量奖（标准创新）项目申报书', '标准创新项目申报书', '项目申报书', '申报书'],
    fileNameKeywords: ['项目申报书', '申报书', '附件4'],
    contentKeywords: ['标准名称', '标准编号', '主要起草人', '贡献率', '申报等级'],
  },
  STANDARD_TEXT: {
    titleKeywords: ['中华人民共和国国家标准', '地方标准', '团体标准', '企业标准', '行业标准'],
    fileNameKeywords: ['标准正式文本', '标准文本', '正式文本', '标准全文'],
    contentKeywords: ['范围', '规范性引用文件', '术语和定义', '起草单位', '主要起草人'],
  },
  LEVEL_EVIDENCE: {
    titleKeywords: ['标准审定结论', '审定结论', '标准水平评价报告', '水平评价报告', '水平鉴定', '审查会议纪要'],
    fileNameKeywords: ['审定结论', '水平评价', '水平鉴定', '标准水平', '审查纪要'],
    contentKeywords: ['审定', '专家组', '国际先进', '国际领先', '国内领先', '标准水平'],
  },
  BENEFIT_EVIDENCE: {
    titleKeywords: ['效益证明', '经济效益证明', '社会效益证明', '生态效益证明', '应用证明', '效益评价'],
    fileNameKeywords: ['效益证明', '经济效益', '社会效益', '生态效益', '应用证明'],
    contentKeywords: ['经济效益', '社会效益', '生态效益', '新增产值', '节约成本'],
  },
  SI_SUPPORTING_MATERIAL: {
    titleKeywords: ['其他相关佐证材料', '佐证材料', '证明材料'],
    fileNameKeywords: ['其他佐证', '佐证材料', '证明材料', '其他材料'],
  },
  SI_PROJECT_SUMMARY_TABLE: {
    titleKeywords: ['申报项目汇总表', '标准创新）申报项目汇总表'],
    fileNameKeywords: ['申报项目汇总表', '附件5'],
  },
  DRAFTER_SELECTION_EVIDENCE: {
    titleKeywords: ['主要起草人员遴选', '起草人员遴选', '起草人员公示', '异议协调处理', '异议处理'],
    fileNameKeywords: ['起草人员遴选', '起草人遴选', '起草人员公示', '起草人公示', '异议处理'],
  },
  WAIVER_DECLARATION: {
    titleKeywords: ['放弃申报声明', '放弃申报的声明', '放弃申报'],
    fileNameKeywords: ['放弃申报声明', '放弃申报', '放弃声明'],
  },
  SI_RECOMMENDATION_SUMMARY_TABLE: {
    titleKeywords: ['推荐项目汇总表', '标准创新）推荐项目汇总表'],
    fileNameKeywords: ['推荐项目汇总表', '附件6'],
  },
  CONTACT_FORM: {
    titleKeywords: ['评选表彰推荐工作联系表', '推荐工作联系表', '联系表'],
    fileNameKeywords: ['推荐工作联系表', '联系表', '附件7', '附件8'],
  },
};
