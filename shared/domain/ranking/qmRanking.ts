import { assertQuota, assertRankable, compareCandidates, type Ranked } from './candidateOrder.js';
import { RankingInputError } from './errors.js';

export interface QmCandidate extends Ranked {
  track: 'QM_ORG' | 'QM_IND';
  /** QM_IND only: 县处级 or 相当于县处级 cadre (counts toward the cap). */
  countyCadre?: boolean | undefined;
}

export interface QmQuotas {
  /** 吉林省质量奖 places, organisations and individuals together (2025: 5). */
  awardQuota: number;
  /** 提名奖 places, organisations and individuals together (2025: 5). */
  nominationQuota: number;
  /** 县处级 cadres may be at most this percentage of the individuals selected (2025: 20). */
  countyCadreCapPercent: number;
}

export type QmResult = 'AWARD' | 'NOMINATION' | 'NOT_SELECTED';
export type QmReason = 'WITHIN_AWARD_QUOTA' | 'WITHIN_NOMINATION_QUOTA' | 'QUOTA_FULL' | 'COUNTY_CADRE_CAP';

export interface QmCandidateResult {
  id: string;
  track: 'QM_ORG' | 'QM_IND';
  /** 1-based place in the campaign-wide order. */
  position: number;
  result: QmResult;
  reason: QmReason;
  /** Set on a candidate selected in place of a cadre pushed out by the cap. */
  replaces?: string;
  message: string;
}

export interface QmRanking {
  /** Every candidate, in campaign-wide order. */
  results: QmCandidateResult[];
  individualsSelected: number;
  countyCadresSelected: number;
  /** floor(individualsSelected × countyCadreCapPercent / 100). */
  countyCadreCap: number;
}

/**
 * 领导小组审核 for 吉林省质量奖（质量管理）: ranks organisations and individuals together (notice §一: "均包含组织和个人")
 * and selects at most awardQuota + nominationQuota of them.
 *
 * The 县处级 cap (notice §二(一): "县处级或相当于县处级干部不超过评选个人总数的20%") is read as: among the individuals
 * selected (质量奖 and 提名奖 together), cadres ≤ floor(individuals selected × 20 / 100) — "不超过" admits no rounding
 * up, so 4 individuals admit no cadre and 5–9 admit one. Applied as follows:
 * 1. take the first awardQuota + nominationQuota candidates of the order;
 * 2. while cadres exceed the cap: the lowest-placed selected cadre leaves (reason COUNTY_CADRE_CAP) and the next
 *    unselected non-cadre individual takes the place — keeping the number of individuals, hence the cap, the same;
 *    when no such individual is left, the next unselected organisation takes it (the cap is then recomputed with one
 *    individual fewer, which may push out another cadre);
 * 3. the selected are put back in campaign order: the first awardQuota get 质量奖, the rest 提名奖 — so a
 *    replacement never jumps over a better-placed candidate.
 */
export function rankQm(candidates: readonly QmCandidate[], quotas: QmQuotas): QmRanking {
  assertRankable(candidates);
  assertQuota(quotas.awardQuota, 'awardQuota');
  assertQuota(quotas.nominationQuota, 'nominationQuota');
  const pct = quotas.countyCadreCapPercent;
  if (!Number.isSafeInteger(pct) || pct < 0 || pct > 100) {
    throw new RankingInputError(`countyCadreCapPercent must be a whole number 0–100, got ${pct}`);
  }
  for (const c of candidates) {
    if (c.track !== 'QM_ORG' && c.track !== 'QM_IND') {
      throw new RankingInputError(`Candidate ${c.id} is not a QM candidate (track ${String(c.track)})`);
    }
    if (c.track === 'QM_ORG' && c.countyCadre) {
      throw new RankingInputError(`Candidate ${c.id} is an organisation and cannot be a county-level cadre`);
    }
  }

  const order = [...candidates].sort(compareCandidates);
  const places = quotas.awardQuota + quotas.nominationQuota;
  const selected = new Set(order.slice(0, places).map((c) => c.id));
  const capped = new Set<string>();
  const replaces = new Map<string, string>();
  const isCadre = (c: QmCandidate) => c.track === 'QM_IND' && c.countyCadre === true;
  const capOf = (individuals: number) => Math.floor((individuals * pct) / 100);
  const count = () => {
    const chosen = order.filter((c) => selected.has(c.id));
    return {
      individuals: chosen.filter((c) => c.track === 'QM_IND').length,
      cadres: chosen.filter(isCadre).length,
    };
  };

  for (let n = count(); n.cadres > capOf(n.individuals); n = count()) {
    const out = order.findLast((c) => selected.has(c.id) && isCadre(c)) as QmCandidate;
    selected.delete(out.id);
    capped.add(out.id);
    const free = (c: QmCandidate) => !selected.has(c.id) && !capped.has(c.id) && !isCadre(c);
    const successor = order.find((c) => free(c) && c.track === 'QM_IND') ?? order.find((c) => free(c));
    if (successor) {
      selected.add(successor.id);
      replaces.set(successor.id, out.id);
    }
  }

  const final = count();
  const cap = capOf(final.individuals);
  let placed = 0;
  const results = order.map((c, i): QmCandidateResult => {
    const base = { id: c.id, track: c.track, position: i + 1 };
    if (selected.has(c.id)) {
      placed++;
      const award = placed <= quotas.awardQuota;
      const instead = replaces.get(c.id);
      return {
        ...base,
        result: award ? 'AWARD' : 'NOMINATION',
        reason: award ? 'WITHIN_AWARD_QUOTA' : 'WITHIN_NOMINATION_QUOTA',
        ...(instead === undefined ? {} : { replaces: instead }),
        message:
          `${award ? '质量奖' : '提名奖'}: place ${placed} of ${places}` +
          (instead === undefined ? '' : `, in place of ${instead} (county-cadre cap)`),
      };
    }
    if (capped.has(c.id)) {
      return {
        ...base,
        result: 'NOT_SELECTED',
        reason: 'COUNTY_CADRE_CAP',
        message: `county-level cadres are capped at ${pct}% of the ${final.individuals} individuals selected (${cap})`,
      };
    }
    return { ...base, result: 'NOT_SELECTED', reason: 'QUOTA_FULL', message: `all ${places} places are taken` };
  });
  return {
    results,
    individualsSelected: final.individuals,
    countyCadresSelected: final.cadres,
    countyCadreCap: cap,
  };
}
