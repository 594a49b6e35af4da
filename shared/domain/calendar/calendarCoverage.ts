import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import libraryPackage from 'chinese-days/package.json' with { type: 'json' };
import { CalendarYearNotCovered } from './errors.js';

/**
 * The statutory-holiday tables the `chinese-days` package ships (its documented `dist/chinese-days.json`): days off
 * (`holidays`) and adjusted working days (`workdays`, 调休上班), keyed `YYYY-MM-DD`. The library's own `isWorkday`
 * answers from these same tables, falling back to Monday–Friday for any date they do not mention — which is why a
 * year absent from them must be refused, not answered.
 */
export const holidayTables: {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
} = holidayData;

export const calendarSource = `chinese-days ${libraryPackage.version}`;

/**
 * A year is covered when the library's holiday table lists at least one day off in it: every year has 元旦 and 春节,
 * so a year without any entry is a year the maintainers have not published yet.
 */
export const coveredYears: ReadonlySet<number> = new Set(
  Object.keys(holidayTables.holidays).map((d) => Number(d.slice(0, 4))),
);

const sortedYears = [...coveredYears].sort((a, b) => a - b);
export const coveredFrom = sortedYears[0] ?? Number.NaN;
export const coveredTo = sortedYears[sortedYears.length - 1] ?? Number.NaN;

export function assertYearCovered(year: number): void {
  if (!coveredYears.has(year)) throw new CalendarYearNotCovered(year, coveredFrom, coveredTo, calendarSource);
}
