import type { QmResult } from '../ranking/qmRanking.js';

export interface QmPrizeAmounts {
  /** 质量奖 subsidy per organisation in fen (2025: ¥1,000,000 = 100_000_000 fen). */
  awardFen: number;
  /** 提名奖 subsidy per organisation in fen (2025: ¥100,000 = 10_000_000 fen). */
  nominationFen: number;
}

/**
 * The one-off subsidy (一次性经费补助) of a QM result, in fen. Only organisations receive money; individuals receive a
 * certificate only (notice §六), so their amount is 0.
 */
export function qmPrizeFen(track: 'QM_ORG' | 'QM_IND', result: QmResult, amounts: QmPrizeAmounts): number {
  if (track === 'QM_IND' || result === 'NOT_SELECTED') return 0;
  return result === 'AWARD' ? amounts.awardFen : amounts.nominationFen;
}
