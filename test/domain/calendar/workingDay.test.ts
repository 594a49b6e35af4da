import { describe, expect, it } from 'vitest';
import { coveredFrom, coveredTo, coveredYears } from '../../../shared/domain/calendar/calendarCoverage.js';
import { CalendarInputError, CalendarYearNotCovered } from '../../../shared/domain/calendar/errors.js';
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  workingDaysIn,
} from '../../../shared/domain/calendar/workingDay.js';

describe('isWorkingDay (chinese-days tables, Asia/Shanghai)', () => {
  it.each([
    ['2025-09-26', true, 'Friday before the break'],
    ['2025-09-27', false, 'ordinary Saturday'],
    ['2025-09-28', true, 'Sunday 调休上班 for National Day'],
    ['2025-09-30', true, 'Tuesday before the break'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-04', false, 'Saturday inside the break'],
    ['2025-10-06', false, 'Mid-Autumn Festival (Monday)'],
    ['2025-10-08', false, 'last day of the 8-day break (Wednesday)'],
    ['2025-10-09', true, 'first working day after the break'],
    ['2025-10-11', true, 'Saturday 调休上班'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2026-02-14', true, 'Saturday 调休上班 before Spring Festival 2026'],
    ['2026-02-15', false, 'first day of Spring Festival 2026'],
    ['2026-02-17', false, '春节 (正月初一)'],
    ['2026-02-23', false, 'Monday, last day of the 9-day break'],
    ['2026-02-24', true, 'first working day after Spring Festival 2026'],
    ['2026-02-28', true, 'Saturday 调休上班 after Spring Festival 2026'],
  ])('%s is %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('reads a Date as the Shanghai day it falls on', () => {
    // 2025-09-30T16:30Z is 00:30 on 1 October in Shanghai: National Day, although it is still 30 September in UTC.
    expect(isWorkingDay(new Date('2025-09-30T16:30:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2025-09-30T15:59:59Z'))).toBe(true);
    expect(isWorkingDay('2025-10-08T23:59:00+08:00')).toBe(false);
  });

  it('agrees with chinese-days isWorkday on every day of every covered year (library loaded in Shanghai time)', async () => {
    // The library builds its tables and reads weekdays in the server's time zone when it is loaded, and is wrong
    // west of UTC (2116 days differ in America/New_York); so it is loaded here, once, in Asia/Shanghai.
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { default: chineseDays } = await import('chinese-days');
      let diff = 0;
      for (const year of coveredYears) {
        for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
          const date = new Date(t).toISOString().slice(0, 10);
          if (isWorkingDay(date) !== chineseDays.isWorkday(date)) diff++;
        }
      }
      expect(diff).toBe(0);
    } finally {
      restoreTz(saved);
    }
  });

  it('does not depend on the server time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect([
          isWorkingDay('2025-09-28'),
          isWorkingDay('2025-10-08'),
          isWorkingDay('2025-10-09'),
          isWorkingDay('2025-10-11'),
          isWorkingDay(new Date('2025-09-30T16:30:00Z')),
        ]).toEqual([true, false, true, true, false]);
      }
    } finally {
      restoreTz(saved);
    }
  });

  it('rejects malformed dates and instants without an offset', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(CalendarInputError);
    expect(() => isWorkingDay('2025/10/01')).toThrow(CalendarInputError);
    expect(() => isWorkingDay('2025-10-01T09:00:00')).toThrow(CalendarInputError);
    expect(() => isWorkingDay(new Date(Number.NaN))).toThrow(CalendarInputError);
  });
});

describe('calendar coverage comes from the library data', () => {
  it('covers 2024–2026 with the installed chinese-days and not 2027', () => {
    expect(coveredYears.has(2024) && coveredYears.has(2025) && coveredYears.has(2026)).toBe(true);
    expect(coveredYears.has(2027)).toBe(false);
    expect(coveredTo).toBe(2026);
    expect(coveredFrom).toBeLessThanOrEqual(2024);
  });

  it('refuses a 2027 date with CalendarYearNotCovered naming the year and the covered range', () => {
    let error: unknown;
    try {
      isWorkingDay('2027-03-01');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarYearNotCovered);
    const e = error as CalendarYearNotCovered;
    expect(e.year).toBe(2027);
    expect(e.coveredTo).toBe(2026);
    expect(e.message).toContain('2027');
    expect(e.message).toContain(`${coveredFrom}–2026`);
    expect(e.message).toContain('chinese-days');
  });

  it('refuses a year before the data starts', () => {
    expect(() => isWorkingDay(`${coveredFrom - 1}-06-01`)).toThrow(CalendarYearNotCovered);
  });

  it('refuses to count across the end of the data', () => {
    expect(() => addWorkingDays('2026-12-28', 5)).toThrow(CalendarYearNotCovered);
    expect(() => workingDaysBetween('2026-12-01', '2027-01-05')).toThrow(CalendarYearNotCovered);
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-09', 'skips the whole National Day break'],
    ['2025-09-27', 1, '2025-09-28', 'the 调休 Sunday is the next working day'],
    ['2025-09-26', 4, '2025-10-09', 'Fri → Sun 28, Mon 29, Tue 30, Thu 9 Oct'],
    ['2025-10-09', 2, '2025-10-11', 'Thu → Fri, Sat 11 Oct (调休)'],
    ['2026-02-13', 1, '2026-02-14', 'Saturday 14 Feb is a working day'],
    ['2026-02-14', 1, '2026-02-24', 'across Spring Festival 2026'],
    ['2025-10-09', -1, '2025-09-30', 'backwards over the break'],
    ['2025-10-05', 0, '2025-10-05', 'n = 0 returns the date itself'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('counts working days in (from, to]', () => {
    // 28, 29, 30 September and 9, 10, 11 October; the opening day 26 September is not counted.
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const [from, n] of [
      ['2025-09-20', 10],
      ['2026-02-01', 15],
      ['2024-12-25', 12],
    ] as const) {
      expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
      expect(workingDaysBetween(addWorkingDays(from, n), from)).toBe(-n);
    }
  });

  it('lists the working days of the National Day week 2025', () => {
    expect(workingDaysIn('2025-09-27', '2025-10-12')).toEqual([
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays('2025-10-09', 1.5)).toThrow(CalendarInputError);
  });
});

function restoreTz(saved: string | undefined): void {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
}
