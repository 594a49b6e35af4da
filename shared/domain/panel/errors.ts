import type { ExclusionReason } from './panelExclusion.js';

export class PanelDrawInputError extends Error {
  override readonly name = 'PanelDrawInputError';
}

/** Fewer eligible experts than the panel needs; says how many and why the others were left out. */
export class NotEnoughEligibleExperts extends Error {
  override readonly name = 'NotEnoughEligibleExperts';
  constructor(
    readonly applicationId: string,
    readonly stage: string,
    readonly needed: number,
    readonly available: number,
    readonly poolSize: number,
    readonly excluded: readonly { id: string; reason: ExclusionReason }[],
  ) {
    const counts = new Map<ExclusionReason, number>();
    for (const e of excluded) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
    const why = [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
    super(
      `Panel for ${applicationId} at ${stage} needs ${needed} experts but only ${available} of the pool of ` +
        `${poolSize} are eligible (short by ${needed - available}); excluded: ${why || 'none'}`,
    );
  }

  get byReason(): Partial<Record<ExclusionReason, number>> {
    const out: Partial<Record<ExclusionReason, number>> = {};
    for (const e of this.excluded) out[e.reason] = (out[e.reason] ?? 0) + 1;
    return out;
  }
}
