import { describe, expect, it } from 'vitest';
import { parseDate } from '../../shared/validation/dates.js';

describe('parseDate', () => {
  it.each([
    ['2022年12月31日', '2022-12-31'],
    ['2022年12月31号', '2022-12-31'],
    ['2022.12.31', '2022-12-31'],
    ['2022-12-31', '2022-12-31'],
    ['2022/12/31', '2022-12-31'],
    ['2022-1-5', '2022-01-05'],
    ['20221231', '2022-12-31'],
    ['２０２２年１２月３１日', '2022-12-31'],
    ['二〇二二年十二月三十一日', '2022-12-31'],
    [' 2024 年 2 月 29 日 ', '2024-02-29'],
  ])('%s → %s', (input, date) => {
    expect(parseDate(input)).toEqual({ ok: true, date, precision: 'day', latest: date });
  });

  it('reads a month-only date with its first and last day', () => {
    expect(parseDate('2022年12月')).toEqual({ ok: true, date: '2022-12-01', precision: 'month', latest: '2022-12-31' });
    expect(parseDate('2023.02')).toMatchObject({ precision: 'month', latest: '2023-02-28' });
  });

  it.each(['2023-02-29', '2022-13-01', '2022年4月31日', '2022-00-10', 'yesterday', ''])('rejects %j', (input) => {
    expect(parseDate(input).ok).toBe(false);
  });
});
