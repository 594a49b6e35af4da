import type { Severity } from '../findings/finding.js';
import type { FindingCode } from '../findings/findingCode.js';
import type { ChecklistStatus, CompletenessStatus } from './completenessReport.js';

/** Chinese labels of the report for people (HTML and terminal). */
export const severityLabels: Record<Severity, string> = { blocking: '阻断', review: '需审核', info: '提示' };
export const statusLabels: Record<CompletenessStatus, string> = { complete: '材料完整', incomplete: '材料不完整' };
export const checklistLabels: Record<ChecklistStatus, string> = {
  present: '已提供',
  missing: '缺失',
  invalid: '无效',
  'not-required': '无需提供',
};
export const requirementLabels = { required: '必需', conditional: '条件必需', optional: '可选' } as const;

export const findingTitles: Record<FindingCode, string> = {
  CREDIT_CODE_INVALID: '统一社会信用代码无效',
  CREDIT_CODE_NOT_JILIN: '非吉林省注册登记',
  ID_NUMBER_INVALID: '身份证号无效',
  OPERATING_YEARS_TOO_FEW: '正常运行年限不足',
  QUALITY_WORK_YEARS_TOO_FEW: '从事质量工作年限不足',
  JILIN_WORK_YEARS_TOO_FEW: '在吉林省从事质量工作年限不足',
  INELIGIBLE_RANK: '副厅级及以上不参评',
  INELIGIBLE_REGULATOR_STAFF: '市场监管部门工作人员不参评',
  DECLARED_VIOLATION: '申报有事故、投诉或违法违纪',
  NOT_LEGAL_PERSON: '不具有法人资格',
  STANDARD_NUMBER_INVALID: '标准编号无效或类型不符',
  STANDARD_IMPLEMENTED_TOO_LATE: '标准实施日期晚于规定',
  STANDARD_NOT_FILED: '标准未备案',
  STANDARD_ALREADY_AWARDED: '标准已获同类奖励',
  APPLICANT_NOT_FIRST_DRAFTER: '申报单位非第一起草单位',
  DRAFTERS_TOO_MANY: '主要起草人超过规定人数',
  CONTRIBUTION_NOT_100: '贡献率合计不为100%',
  CONTRIBUTION_NOT_DESCENDING: '贡献率未按由高到低排列',
  GRADE_NOT_REQUESTED: '未填写申报等级',
  LATE_SUBMISSION: '逾期报送',
  FILE_UNREADABLE: '文件无法读取',
  FILE_EMPTY: '文件为空',
  FILE_ENCRYPTED: '文件加密',
  FILE_TYPE_MISMATCH: '扩展名与内容不符',
  FILE_TYPE_UNSUPPORTED: '文件类型无法处理',
  FILE_TOO_LARGE: '文件过大',
  FILE_TIMEOUT: '文件处理超时',
  ARCHIVE_UNSAFE_PATH: '压缩包路径不安全',
  ARCHIVE_LIMIT_EXCEEDED: '压缩包超出限制',
  ARCHIVE_UNREADABLE: '压缩包无法读取',
  SCAN_WITHOUT_TEXT: '表格仅为扫描件',
  CLASSIFIED_MARKING: '含密级标志',
  UNCLASSIFIED_FILE: '未识别的材料',
  MISSING_MATERIAL: '缺少材料',
  EDITABLE_WORD_MISSING: '缺少可编辑Word版本',
  DECLASSIFICATION_CONSENT_MISSING: '缺少脱密审核同意书',
  DECLASSIFICATION_CONSENT_INCOMPLETE: '脱密审核同意书不完整',
  NAME_MISMATCH: '名称不一致',
  CREDIT_CODE_MISMATCH: '统一社会信用代码不一致',
  STANDARD_MISMATCH: '标准编号或名称不一致',
  ID_NUMBER_MISMATCH: '身份证号不一致',
  DATE_MISMATCH: '日期不一致',
  DRAFTER_NOT_IN_FOREWORD: '起草人不在标准前言中',
  SUMMARY_TABLE_MISMATCH: '汇总表与申报不符',
  RECOMMENDATION_LETTER_INCOMPLETE: '推荐公函内容不全',
  SELF_EVALUATION_MISSING_CATEGORY: '自评报告缺少类目',
  PUBLICITY_EVIDENCE_MISSING: '缺少内部公示证明',
  CONSULTATION_MISSING: '缺少征求意见',
  CONSULTATION_ADVERSE: '征求意见有不同意见或问题',
  FIELD_MISSING: '字段未填写或无法读取',
  OCR_LOW_CONFIDENCE: 'OCR置信度低',
  OCR_BUDGET_EXCEEDED: 'OCR超出预算',
};
