import { CalendarInputError } from './errors.js';
import {
  dayNumber,
  fromDayNumber,
  type ShanghaiDate,
  startOfShanghaiDay,
  toInstant,
  toShanghaiDate,
} from './shanghaiDate.js';
import { addWorkingDays, isWorkingDay } from './workingDay.js';

/**
 * Whether the day a window opens on can be its day 1 (a campaign setting, SPEC §5):
 * - `ifWorkingDay`: the usual practice of notices reading "公示时间：X月X日至X月X日" — the opening day counts when it
 *   is a working day, whatever the hour of opening;
 * - `never`: 民法典 Art. 201 — a period counted in days starts the next day, so counting starts at the first working
 *   day after the opening day.
 */
export type FirstDayCounts = 'ifWorkingDay' | 'never';

export interface PublicityWindow {
  /** ISO UTC instant the window opened. */
  opensAt: string;
  /** ISO UTC instant it closes: 24:00 Shanghai of the last counted day (that is, 00:00 +08:00 the next day). */
  closesAt: string;
  /** The counted working days, Shanghai dates in order; `days.length === n`. */
  days: ShanghaiDate[];
}

/**
 * The publicity window of `n` working days opening at `opensAt`. Throws `CalendarYearNotCovered` when any day it
 * needs falls in a year the holiday data does not cover.
 */
export function publicityWindow(
  opensAt: Date | string,
  n: number,
  options: { firstDayCounts: FirstDayCounts },
): PublicityWindow {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new CalendarInputError(`A publicity window lasts a positive whole number of working days, got ${n}`);
  }
  if (options.firstDayCounts !== 'ifWorkingDay' && options.firstDayCounts !== 'never') {
    throw new CalendarInputError(
      `firstDayCounts must be 'ifWorkingDay' or 'never', got ${String(options.firstDayCounts)}`,
    );
  }
  const opened = toInstant(opensAt);
  const openingDay = toShanghaiDate(opened);
  const days: ShanghaiDate[] = [];
  let cursor = openingDay;
  if (options.firstDayCounts === 'ifWorkingDay' && isWorkingDay(openingDay)) days.push(openingDay);
  while (days.length < n) {
    cursor = addWorkingDays(cursor, 1);
    days.push(cursor);
  }
  const lastDay = days[days.length - 1] as ShanghaiDate;
  const closesAt = startOfShanghaiDay(fromDayNumber(dayNumber(lastDay) + 1));
  return { opensAt: opened.toISOString(), closesAt: closesAt.toISOString(), days };
}
