import type { StageKind } from '../domain/track/stage.js';

const day = 86_400;
/**
 * How long a human step waits before it escalates (then waits again), and the heartbeat a reviewer can send to
 * say it is being worked on. Kept under 24 days: the local engine arms a Node timer with TimeoutSeconds, and Node
 * fires timers over 2^31 ms (24.8 days) at once.
 */
export const humanTaskLimits: Record<
  Exclude<StageKind, 'automatic' | 'terminal'>,
  { timeout: number; heartbeat: number }
> = {
  consultation: { timeout: 20 * day, heartbeat: 10 * day },
  decision: { timeout: 14 * day, heartbeat: 7 * day },
  publicity: { timeout: 10 * day, heartbeat: 5 * day },
  panel: { timeout: 20 * day, heartbeat: 10 * day },
  finalisation: { timeout: 20 * day, heartbeat: 10 * day },
};
