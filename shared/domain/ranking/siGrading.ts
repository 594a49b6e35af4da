import { assertQuota, assertRankable, compareCandidates, type Ranked } from './candidateOrder.js';
import { RankingInputError } from './errors.js';

export const siGrades = ['FIRST', 'SECOND', 'THIRD'] as const;
export type SiGrade = (typeof siGrades)[number];
export const siGradeNames: Record<SiGrade, string> = { FIRST: '一等奖', SECOND: '二等奖', THIRD: '三等奖' };

export interface SiCandidate extends Ranked {
  /** The grade the project applied for (申报书); the highest grade it can get. */
  requestedGrade: SiGrade;
}

export type SiQuotas = Record<SiGrade, number>;

export type SiReason = 'WITHIN_QUOTA' | 'HIGHER_GRADE_QUOTA_FULL' | 'QUOTA_FULL';

export interface SiCandidateResult {
  id: string;
  requestedGrade: SiGrade;
  grade: SiGrade | null;
  reason: SiReason;
  message: string;
}

/**
 * 综合评选 for 吉林省质量奖（标准创新）. The requested grade is a ceiling: the notice (§二(二)2) sets the criteria of
 * each grade for the projects "参评一等奖/二等奖/三等奖", so a project is judged against the grade it applied for and
 * may be placed lower, never higher. Grades are filled best first: for 一等奖, the projects that applied for 一等奖,
 * in score order, up to its quota; for 二等奖, those that applied for 一 or 二 and are still unplaced; for 三等奖, all
 * still unplaced. Order within a grade: score, then the recommending unit's 排序, then id.
 */
export function gradeSi(candidates: readonly SiCandidate[], quotas: SiQuotas): SiCandidateResult[] {
  assertRankable(candidates);
  for (const g of siGrades) assertQuota(quotas[g], `${g} quota`);
  for (const c of candidates) {
    if (!siGrades.includes(c.requestedGrade)) {
      throw new RankingInputError(`Candidate ${c.id} has no valid requested grade (${String(c.requestedGrade)})`);
    }
  }
  const order = [...candidates].sort(compareCandidates);
  const granted = new Map<string, SiGrade>();
  for (const [level, grade] of siGrades.entries()) {
    const contenders = order.filter((c) => !granted.has(c.id) && siGrades.indexOf(c.requestedGrade) <= level);
    for (const c of contenders.slice(0, quotas[grade])) granted.set(c.id, grade);
  }
  return order.map((c) => {
    const grade = granted.get(c.id) ?? null;
    const base = { id: c.id, requestedGrade: c.requestedGrade, grade };
    if (grade === c.requestedGrade) {
      return { ...base, reason: 'WITHIN_QUOTA', message: `${siGradeNames[grade]} as requested` };
    }
    if (grade !== null) {
      return {
        ...base,
        reason: 'HIGHER_GRADE_QUOTA_FULL',
        message: `${siGradeNames[grade]}: the ${siGradeNames[c.requestedGrade]} places went to higher-scoring projects`,
      };
    }
    return {
      ...base,
      reason: 'QUOTA_FULL',
      message: `not awarded: ${siGradeNames[c.requestedGrade]} and every lower grade are full`,
    };
  });
}
