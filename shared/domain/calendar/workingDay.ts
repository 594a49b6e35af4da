import { assertYearCovered, holidayTables } from './calendarCoverage.js';
import { CalendarInputError } from './errors.js';
import { dayNumber, fromDayNumber, type ShanghaiDate, toShanghaiDate, weekday, yearOf } from './shanghaiDate.js';

/**
 * Whether a Shanghai calendar day is a working day: an adjusted working day (调休上班) is one, a statutory day off is
 * not, otherwise Monday–Friday. Same rule as `chinese-days`' `isWorkday`, applied to its tables with the weekday
 * computed from the date itself (the library's own helper reads the weekday in the server's time zone).
 * Throws `CalendarYearNotCovered` for a year the tables do not cover.
 */
export function isWorkingDay(date: Date | string): boolean {
  const day = toShanghaiDate(date);
  return isWorkingShanghaiDate(day);
}

function isWorkingShanghaiDate(day: ShanghaiDate): boolean {
  assertYearCovered(yearOf(day));
  if (holidayTables.workdays[day] !== undefined) return true;
  if (holidayTables.holidays[day] !== undefined) return false;
  const wd = weekday(day);
  return wd >= 1 && wd <= 5;
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new CalendarInputError(`${what} must be a whole number, got ${n}`);
}

/**
 * The Shanghai date `n` working days after `date` (before it when `n` is negative); `date` itself is never counted.
 * `n = 0` returns the date unchanged.
 */
export function addWorkingDays(date: Date | string, n: number): ShanghaiDate {
  assertWholeNumber(n, 'Number of working days');
  let day = dayNumber(toShanghaiDate(date));
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingShanghaiDate(fromDayNumber(day))) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days in the half-open interval (from, to]: so `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  const a = dayNumber(toShanghaiDate(from));
  const b = dayNumber(toShanghaiDate(to));
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorkingShanghaiDate(fromDayNumber(d))) count++;
  return sign * count;
}

/** The Shanghai dates that are working days in the closed interval [from, to]. */
export function workingDaysIn(from: Date | string, to: Date | string): ShanghaiDate[] {
  const a = dayNumber(toShanghaiDate(from));
  const b = dayNumber(toShanghaiDate(to));
  const out: ShanghaiDate[] = [];
  for (let d = a; d <= b; d++) {
    const day = fromDayNumber(d);
    if (isWorkingShanghaiDate(day)) out.push(day);
  }
  return out;
}
