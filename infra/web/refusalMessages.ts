import type { ActionErrorCode } from '../../shared/actions/actionError.js';

/** Why the office's act was refused, in the console's words (the action's own message follows as the detail). */
export const refusalMessages: Record<ActionErrorCode, string> = {
  INVALID_INPUT: '填写的内容不符合要求。',
  FORBIDDEN_ROLE: '您的角色不能进行此操作。',
  UNKNOWN_APPLICATION: '没有这项申报。',
  WRONG_STAGE: '申报已不在此阶段（可能已由他人办理），请刷新页面查看当前阶段。',
  APPLICATION_PAUSED: '申报因异议暂停，请先处理异议。',
  CONSULTATION_INCOMPLETE: '尚有部门未回复意见。',
  DEPARTMENT_NOT_REQUIRED: '该部门不在需征求意见的部门之列。',
  OPINION_ALREADY_RECORDED: '该部门的意见已经记录。',
  WINDOW_NOT_OPENED: '公示尚未开始。',
  WINDOW_ALREADY_OPENED: '公示已经开始。',
  WINDOW_CLOSED: '公示期已满，不能再受理异议。',
  WINDOW_STILL_OPEN: '公示期尚未结束。',
  CALENDAR_NOT_COVERED: '该年份的法定节假日安排尚未载入，无法计算工作日，请联系系统管理员。',
  UNKNOWN_OBJECTION: '没有这项异议。',
  OBJECTION_NOT_OPEN: '该异议已处理。',
  PANEL_MISSING: '尚未抽取专家。',
  PANEL_ALREADY_DRAWN: '本阶段已抽取专家。',
  PANEL_DRAW_FAILED: '专家库中符合回避条件的专家不足，无法抽取。',
  SCORES_MISSING: '尚未录入专家评分。',
  NOT_A_PANEL_MEMBER: '评分中有不属于本组的专家。',
  FINALISATION_FAILED: '无法确定评选结果。',
  CONTENTION: '他人正在办理同一申报，请稍后重试。',
  ALREADY_IN_PROGRESS: '同一操作正在进行，请稍后刷新页面。',
};

/** The alert of a refused act: what it means for the reader, then the action's own detail. */
export const refusal = (error: { code: ActionErrorCode; message: string }) =>
  `操作未完成：${refusalMessages[error.code]}（${error.code}：${error.message}）`;
