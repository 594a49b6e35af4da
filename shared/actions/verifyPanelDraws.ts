import canonicalize from 'canonicalize';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { type DrawDifference, type DrawVerdict, verifyDraw } from '../domain/panel/verifyDraw.js';
import type { Stage } from '../domain/track/stage.js';
import type { PanelRecord } from '../records/recordsRepository.js';
import { panelDrawnEventType, seedCommittedEventType } from './drawApplicationPanel.js';

/** One recorded panel draw and the verdict of doing it again. */
export interface PanelDrawCheck {
  /** The PANEL_DRAWN entry's position in the history. */
  seq: number;
  stage: Stage;
  at: string;
  seed: string;
  poolHash: string;
  /** The drawn experts as the draw recorded them, with their names from the kept pool snapshot. */
  drawn: { id: string; name?: string }[];
  verdict: DrawVerdict;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Re-verifies every panel draw in an application's history, as an auditor does: each PANEL_DRAWN record is re-run by
 * `verifyDraw` against the pool snapshot its panel item keeps (seed against its commitment, the commitment against the
 * PANEL_SEED_COMMITTED entry appended before the draw, pool hash, screening, the draw itself), and the panel item must
 * seat exactly the experts the record drew (the members are what the scores are checked against).
 */
export async function verifyPanelDraws(
  events: readonly HistoryEvent[],
  panelOf: (stage: Stage) => Promise<PanelRecord | undefined>,
): Promise<PanelDrawCheck[]> {
  const checks: PanelDrawCheck[] = [];
  for (const event of events.filter((e) => e.type === panelDrawnEventType)) {
    const data = event.data;
    const panel = await panelOf(event.stage);
    const commitment = events.find((e) => e.type === seedCommittedEventType && e.seq === data.commitmentSeq);
    const pool = panel?.poolSnapshot ?? [];
    const drawnIds = Array.isArray(data.drawn) ? data.drawn.map(text) : [];
    const names = new Map(pool.map((e) => [text((e as { id?: unknown }).id), text((e as { name?: unknown }).name)]));
    const verdict = verifyDraw(data, pool, { publishedCommitment: text(commitment?.data.seedCommitment) });
    const differences: DrawDifference[] = [...verdict.differences];
    if (!panel) differences.push({ field: 'panel', recorded: null, recomputed: `PANEL#${event.stage}` });
    else if (canonicalize(panel.members ?? []) !== canonicalize(drawnIds))
      differences.push({ field: 'members', recorded: panel.members ?? [], recomputed: drawnIds });
    checks.push({
      seq: event.seq,
      stage: event.stage,
      at: event.at,
      seed: text(data.seed),
      poolHash: text(data.poolHash),
      drawn: drawnIds.map((id) => ({ id, ...(names.get(id) ? { name: names.get(id) } : {}) })),
      verdict: {
        ok: verdict.ok && differences.length === 0,
        differences,
        ...(verdict.error ? { error: verdict.error } : {}),
      },
    });
  }
  return checks;
}
