import type { Role } from '../../shared/domain/access/role.js';
import { siGradeNames } from '../../shared/domain/ranking/siGrading.js';
import type { TaskRecord } from '../../shared/records/recordsRepository.js';

export const roleLabels: Record<Role, string> = {
  recommending_unit: '推荐单位',
  reviewer: '评选表彰办公室',
  auditor: '审计监督',
  system: '系统',
};

export const awaitingLabels: Record<TaskRecord['awaiting'], string> = {
  consultation: '征求部门意见',
  decision: '作出决定',
  publicity: '公示期',
  panel: '专家评审（抽取专家、录入评分）',
  finalisation: '年度综合排名',
};

export const statusLabels: Record<string, string> = {
  ACTIVE: '进行中',
  PAUSED: '因异议暂停',
  AWARDED: '已授奖',
  NOT_AWARDED: '未获奖',
  SUPERSEDED: '已由更正后的材料取代',
};

export const opinionLabels = { no_objection: '无异议', adverse: '有不同意见' } as const;
export const outcomeLabels = { pass: '通过', reject: '不通过' } as const;

/** A finalisation outcome's grade, and why (finaliseCampaign's codes). */
export const resultNames: Record<string, string> = {
  AWARD: '质量奖',
  NOMINATION: '提名奖',
  NOT_SELECTED: '未入选',
  ...siGradeNames,
};

export const reasonNames: Record<string, string> = {
  WITHIN_AWARD_QUOTA: '在质量奖名额内',
  WITHIN_NOMINATION_QUOTA: '在提名奖名额内',
  QUOTA_FULL: '名额已满',
  COUNTY_CADRE_CAP: '县处级干部超过入选个人总数的比例上限',
  WITHIN_QUOTA: '按申报等级在名额内',
  HIGHER_GRADE_QUOTA_FULL: '申报等级名额已被更高分项目占满，降等授予',
};
