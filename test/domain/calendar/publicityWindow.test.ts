import { describe, expect, it } from 'vitest';
import { CalendarInputError, CalendarYearNotCovered } from '../../../shared/domain/calendar/errors.js';
import { publicityWindow } from '../../../shared/domain/calendar/publicityWindow.js';

describe('publicityWindow (SPEC §5)', () => {
  it.each([
    {
      why: 'opening on a working day counts that day as day 1 (ifWorkingDay)',
      opensAt: '2025-09-26T10:00:00+08:00',
      n: 5,
      firstDayCounts: 'ifWorkingDay' as const,
      days: ['2025-09-26', '2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09'],
      closesAt: '2025-10-09T16:00:00.000Z',
    },
    {
      why: 'with never (民法典 Art. 201) counting starts the next working day',
      opensAt: '2025-09-26T10:00:00+08:00',
      n: 5,
      firstDayCounts: 'never' as const,
      days: ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10'],
      closesAt: '2025-10-10T16:00:00.000Z',
    },
    {
      why: 'opening during the National Day break: the day does not count under either setting',
      opensAt: '2025-10-03T09:00:00+08:00',
      n: 5,
      firstDayCounts: 'ifWorkingDay' as const,
      days: ['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13', '2025-10-14'],
      closesAt: '2025-10-14T16:00:00.000Z',
    },
    {
      why: '7 working days across Spring Festival 2026, the 调休 Saturdays counted',
      opensAt: '2026-02-10T09:00:00+08:00',
      n: 7,
      firstDayCounts: 'ifWorkingDay' as const,
      days: ['2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25'],
      closesAt: '2026-02-25T16:00:00.000Z',
    },
    {
      why: 'an instant late on 30 September UTC is already 1 October in Shanghai (a day off)',
      opensAt: '2025-09-30T17:00:00Z',
      n: 1,
      firstDayCounts: 'ifWorkingDay' as const,
      days: ['2025-10-09'],
      closesAt: '2025-10-09T16:00:00.000Z',
    },
  ])('$why', ({ opensAt, n, firstDayCounts, days, closesAt }) => {
    const w = publicityWindow(opensAt, n, { firstDayCounts });
    expect(w.days).toEqual(days);
    expect(w.closesAt).toBe(closesAt);
    expect(w.opensAt).toBe(new Date(opensAt).toISOString());
  });

  it('closes at 24:00 Shanghai of the last day, i.e. 00:00 +08:00 the next day', () => {
    const w = publicityWindow(new Date('2025-09-29T01:00:00Z'), 1, { firstDayCounts: 'ifWorkingDay' });
    expect(w.days).toEqual(['2025-09-29']);
    expect(new Date(w.closesAt).getTime()).toBe(new Date('2025-09-30T00:00:00+08:00').getTime());
  });

  it('refuses a window that runs into 2027', () => {
    expect(() => publicityWindow('2026-12-28T09:00:00+08:00', 7, { firstDayCounts: 'ifWorkingDay' })).toThrow(
      CalendarYearNotCovered,
    );
  });

  it('rejects a non-positive or fractional length and an unknown setting', () => {
    expect(() => publicityWindow('2025-09-26T10:00:00+08:00', 0, { firstDayCounts: 'never' })).toThrow(
      CalendarInputError,
    );
    expect(() => publicityWindow('2025-09-26T10:00:00+08:00', 2.5, { firstDayCounts: 'never' })).toThrow(
      CalendarInputError,
    );
    expect(() =>
      publicityWindow('2025-09-26T10:00:00+08:00', 5, { firstDayCounts: 'always' as unknown as 'never' }),
    ).toThrow(CalendarInputError);
  });
});
