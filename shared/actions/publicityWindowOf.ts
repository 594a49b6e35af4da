import type { HistoryEvent } from '../domain/history/historyEvent.js';
import type { Stage } from '../domain/track/stage.js';
import { publicityOpenedEventType } from './openPublicityWindow.js';

/** The window opened at `stage`, read from its PUBLICITY_OPENED event (the history is the truth, not WINDOW#). */
export function publicityWindowOf(
  events: readonly HistoryEvent[],
  stage: Stage,
): { opensAt: string; closesAt: string } | undefined {
  const opened = events.find((e) => e.type === publicityOpenedEventType && e.stage === stage);
  if (!opened) return undefined;
  return { opensAt: String(opened.data.opensAt), closesAt: String(opened.data.closesAt) };
}
