import type { SiGrade } from '../ranking/siGrading.js';
import { type DrafterPrize, type DrafterShare, splitPrize } from './splitPrize.js';

/** 奖金总额 per project and grade, in fen (2025: 一等 15万, 二等 10万, 三等 5万). */
export type SiPrizeAmounts = Record<SiGrade, number>;

/** The drafters' parts of an SI project's prize (notice §六: paid to the drafters by their 贡献率). */
export function siDrafterPrizes(
  grade: SiGrade,
  drafters: readonly DrafterShare[],
  amounts: SiPrizeAmounts,
): DrafterPrize[] {
  return splitPrize(amounts[grade], drafters);
}
