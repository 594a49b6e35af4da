import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { Stage } from '../domain/track/stage.js';

/** How an application left a stage, as the Outcome choice of the state machine reads it. */
export interface StageExit {
  outcome: 'pass' | 'reject';
  to: Stage;
  seq: number;
}

/**
 * The event that moved the application out of `stage` (any event recorded at that stage whose `data.to` names
 * another stage), or undefined while it is still there. The history is the truth, so a resumed execution finds a
 * decision recorded while nothing was waiting.
 */
export function stageExit(events: readonly HistoryEvent[], stage: Stage): StageExit | undefined {
  for (const event of events) {
    if (event.stage !== stage) continue;
    const to = Stage.safeParse(event.data.to);
    if (!to.success || to.data === stage) continue;
    return { outcome: to.data === 'NOT_AWARDED' ? 'reject' : 'pass', to: to.data, seq: event.seq };
  }
  return undefined;
}
