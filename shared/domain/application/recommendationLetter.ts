import { z } from 'zod';
import { IsoDate } from './isoDate.js';

/** The eight points every 推荐公函 must cover (notice §七). */
export const recommendationPoints = {
  ORGANISATION: '评选推荐工作组织情况',
  PROCESS: '推荐过程',
  GRASSROOTS_PUBLICITY: '基层公示情况',
  OPINIONS_SOUGHT: '征求各方面意见情况',
  MATERIAL_REVIEW: '推荐材料审核情况',
  COLLECTIVE_DECISION: '集体研究情况',
  RECOMMENDATION_OPINION: '具体推荐意见',
  OTHER_MATTERS: '其他需要说明的情况',
} as const;

export const RecommendationPoint = z.enum(Object.keys(recommendationPoints) as [keyof typeof recommendationPoints]);
export type RecommendationPoint = z.infer<typeof RecommendationPoint>;

export const RecommendationLetter = z.object({
  recommendingUnit: z.string().optional(),
  date: IsoDate.optional(),
  pointsPresent: z.array(RecommendationPoint).default([]),
});
export type RecommendationLetter = z.infer<typeof RecommendationLetter>;

export function missingRecommendationPoints(letter: RecommendationLetter): RecommendationPoint[] {
  return RecommendationPoint.options.filter((p) => !letter.pointsPresent.includes(p));
}
