import { z } from 'zod';
import type { Track } from './track.js';

/**
 * The stages of SPEC §5 (notice §四 评选程序). Each is a state of the Project state machine; every transition into or
 * out of one is a history event.
 */
export const stages = {
  RECEIVED: { name: '申报推荐（已接收）', kind: 'automatic' },
  COMPLETENESS: { name: '材料完整性审核', kind: 'automatic' },
  CONSULTATION: { name: '征求意见', kind: 'consultation' },
  UNIT_RECOMMENDATION: { name: '组织推荐', kind: 'decision' },
  FORMAL_REVIEW: { name: '形式审查', kind: 'decision' },
  SOCIAL_PUBLICITY: { name: '社会公示', kind: 'publicity' },
  MATERIAL_REVIEW: { name: '资料评审', kind: 'panel' },
  ONSITE_REVIEW: { name: '现场评审', kind: 'panel' },
  DEFENSE: { name: '陈述答辩', kind: 'panel' },
  PROFESSIONAL_REVIEW: { name: '专业评选', kind: 'panel' },
  COMPREHENSIVE_EVALUATION: { name: '综合评价', kind: 'decision' },
  LEADERSHIP_REVIEW: { name: '领导小组审核', kind: 'finalisation' },
  COMPREHENSIVE_SELECTION: { name: '综合评选', kind: 'finalisation' },
  RESULT_PUBLICITY: { name: '评选结果公示', kind: 'publicity' },
  GOVERNMENT_APPROVAL: { name: '省政府审定', kind: 'decision' },
  AWARDED: { name: '已授奖', kind: 'terminal' },
  NOT_AWARDED: { name: '未获奖', kind: 'terminal' },
} as const;

export type StageKind = (typeof stages)[keyof typeof stages]['kind'];
export const Stage = z.enum(Object.keys(stages) as [keyof typeof stages]);
export type Stage = z.infer<typeof Stage>;

const qmOrg: readonly Stage[] = [
  'RECEIVED',
  'COMPLETENESS',
  'CONSULTATION',
  'SOCIAL_PUBLICITY',
  'MATERIAL_REVIEW',
  'ONSITE_REVIEW',
  'DEFENSE',
  'COMPREHENSIVE_EVALUATION',
  'LEADERSHIP_REVIEW',
  'RESULT_PUBLICITY',
  'GOVERNMENT_APPROVAL',
  'AWARDED',
];

/**
 * The ordered path of each track to an award; NOT_AWARDED can be reached from any non-terminal stage. A
 * 'finalisation' stage is campaign-wide: QM ranks within the shared quotas at 领导小组审核, SI fixes grades within
 * the grade quotas at 综合评选, and every application of the campaign waits for it.
 */
export const stagePath: Record<Track, readonly Stage[]> = {
  QM_ORG: qmOrg,
  QM_IND: qmOrg.filter((s) => s !== 'ONSITE_REVIEW'),
  SI: [
    'RECEIVED',
    'COMPLETENESS',
    'CONSULTATION',
    'UNIT_RECOMMENDATION',
    'FORMAL_REVIEW',
    'SOCIAL_PUBLICITY',
    'PROFESSIONAL_REVIEW',
    'COMPREHENSIVE_SELECTION',
    'RESULT_PUBLICITY',
    'GOVERNMENT_APPROVAL',
    'AWARDED',
  ],
};

export function stageKind(stage: Stage): StageKind {
  return stages[stage].kind;
}

export function isTerminal(stage: Stage): boolean {
  return stages[stage].kind === 'terminal';
}

/** The stage after `stage` on the track's path; undefined for a terminal stage or one not on the path. */
export function nextStage(track: Track, stage: Stage): Stage | undefined {
  const path = stagePath[track];
  const i = path.indexOf(stage);
  return i < 0 || isTerminal(stage) ? undefined : path[i + 1];
}
