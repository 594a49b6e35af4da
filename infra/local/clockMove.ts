import { addWorkingDays, toShanghaiDate } from '../../shared/domain/calendar/index.js';
import type { LocalRuntime, ProjectRun } from './localRuntime.js';

/** How a person moves the local clock: to an instant, by a span, by Chinese working days, or back to system time. */
export type ClockMove =
  | { kind: 'set'; at: Date }
  | { kind: 'advance'; ms: number }
  | { kind: 'workingDays'; days: number }
  | { kind: 'reset' };

const shanghaiOffsetMs = 8 * 3_600_000;

/**
 * The same Beijing time of day `days` working days later on the Chinese calendar (holidays off, 调休 days on): the
 * day a 公示 counted in working days has run on by then.
 */
export function afterWorkingDays(from: Date, days: number): Date {
  const day = addWorkingDays(toShanghaiDate(from), days);
  const timeOfDay = (from.getTime() + shanghaiOffsetMs) % 86_400_000;
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + timeOfDay);
}

/**
 * Moves the local clock and resumes every execution the new time lets go on (a publicity window closed): what
 * `award clock` and the console's 本地时钟 both do. Returns the new time and the runs.
 */
export async function moveLocalClock(
  runtime: LocalRuntime,
  move: ClockMove,
): Promise<{ now: Date; runs: ProjectRun[] }> {
  const clock = runtime.clock;
  if (move.kind === 'set') clock.set(move.at);
  else if (move.kind === 'advance') clock.advance(move.ms);
  else if (move.kind === 'workingDays') clock.set(afterWorkingDays(clock.now(), move.days));
  else clock.reset();
  return { now: clock.now(), runs: await runtime.resumeDue() };
}
