import { describe, expect, it } from 'vitest';
import { findDateRanges, findDates, parseDate, parseDateRange } from '../../../shared/domain/validation/dates.js';

describe('parseDate', () => {
  it.each([
    ['2022年12月31日', '2022-12-31'],
    ['2022年12月31号', '2022-12-31'],
    ['2022年12月31', '2022-12-31'],
    ['2022.12.31', '2022-12-31'],
    ['2022.12.31.', '2022-12-31'],
    ['2022-12-31', '2022-12-31'],
    ['2022/12/31', '2022-12-31'],
    ['2025/7/30', '2025-07-30'],
    ['2022-1-5', '2022-01-05'],
    ['20221231', '2022-12-31'],
    ['２０２２年１２月３１日', '2022-12-31'],
    ['２０２５．０７．３０', '2025-07-30'],
    ['二〇二二年十二月三十一日', '2022-12-31'],
    ['二〇二五年七月三十日', '2025-07-30'],
    ['二零二五年七月一日', '2025-07-01'],
    ['二〇二五年十月二十日', '2025-10-20'],
    ['二O二五年七月十日', '2025-07-10'],
    [' 2024 年 2 月 29 日 ', '2024-02-29'],
    ['2025\u3000年\u30007\u3000月\u300030\u3000日', '2025-07-30'],
  ])('%s → %s', (input, date) => {
    expect(parseDate(input)).toEqual({ ok: true, date, precision: 'day', latest: date });
  });

  it('reads a month-only date with its first and last day', () => {
    expect(parseDate('2022年12月')).toEqual({ ok: true, date: '2022-12-01', precision: 'month', latest: '2022-12-31' });
    expect(parseDate('2023.02')).toMatchObject({ precision: 'month', latest: '2023-02-28' });
    expect(parseDate('二〇二四年二月')).toMatchObject({ date: '2024-02-01', precision: 'month', latest: '2024-02-29' });
  });

  it.each([
    '2023-02-29',
    '2025-02-30',
    '2025年2月30日',
    '二〇二五年二月三十日',
    '2022-13-01',
    '2022年4月31日',
    '2022-00-10',
    '2022.12-31',
    'yesterday',
    '',
  ])('rejects %j', (input) => {
    expect(parseDate(input).ok).toBe(false);
  });
});

describe('findDates', () => {
  it('finds every date of a line in order, whatever its spelling, and skips impossible ones', () => {
    expect(
      findDates('日期：2025年8月1日，签字 二〇二五年八月二日；２０２５．０８．０３ 2025年2月30日 2025年7月').map(
        (d) => [d.date, d.precision],
      ),
    ).toEqual([
      ['2025-08-01', 'day'],
      ['2025-08-02', 'day'],
      ['2025-08-03', 'day'],
      ['2025-07-01', 'month'],
    ]);
  });

  it('does not take a date out of a longer number (credit code, ID number)', () => {
    expect(findDates('身份证号：220102199001011234')).toEqual([]);
    expect(findDates('编号 12 2025年7月30日')).toMatchObject([{ date: '2025-07-30' }]);
  });
});

describe('parseDateRange', () => {
  it.each([
    ['2025.07.30-2025.08.01', '2025-07-30', '2025-08-01'],
    ['2025/7/30-2025/8/1', '2025-07-30', '2025-08-01'],
    ['2025-07-30至2025-08-01', '2025-07-30', '2025-08-01'],
    ['2025-07-30-2025-08-01', '2025-07-30', '2025-08-01'],
    ['公示时间：2025年7月30日至8月5日', '2025-07-30', '2025-08-05'],
    ['2025年7月30日至5日', '2025-07-30', '2025-08-05'],
    ['7月30日—8月5日', '2025-07-30', '2025-08-05'],
    ['7月30日——8月5日', '2025-07-30', '2025-08-05'],
    ['自2025年7月30日起至2025年8月5日止', '2025-07-30', '2025-08-05'],
    ['2025年7月30日～2025年8月5日', '2025-07-30', '2025-08-05'],
    ['2025年7月30日~8月5日', '2025-07-30', '2025-08-05'],
    ['2025年7月30日－8月5日', '2025-07-30', '2025-08-05'],
    ['2025年7月30日到8月5日', '2025-07-30', '2025-08-05'],
    ['2025.7.30~8.5', '2025-07-30', '2025-08-05'],
    ['２０２５年７月３０日至２０２５年８月５日', '2025-07-30', '2025-08-05'],
    ['二〇二五年七月三十日至八月五日', '2025-07-30', '2025-08-05'],
    ['2025 年 7 月 30 日 至 2025 年 8 月 5 日', '2025-07-30', '2025-08-05'],
    ['2025年7月28日（星期一）9:00至8月1日（星期五）17:00', '2025-07-28', '2025-08-01'],
    ['于2025年7月28日上午9时至8月1日下午5时在本单位公示', '2025-07-28', '2025-08-01'],
    ['2025年12月29日至1月5日', '2025-12-29', '2026-01-05'],
  ])('%s → %s..%s', (text, from, to) => {
    expect(parseDateRange(text, { defaultYear: 2025 })).toMatchObject({ ok: true, from, to });
  });

  it('a window without a year needs the year it is in', () => {
    expect(parseDateRange('7月30日—8月5日')).toMatchObject({ ok: false, written: '7月30日—8月5日' });
  });

  it.each([
    ['2025年2月27日至2月30日', '中的日期不存在'],
    ['2025.02.28-2025.02.30', '中的日期不存在'],
    ['2025年8月5日至2025年7月30日', '结束日期早于开始日期'],
  ])('a window that cannot be: %s', (text, message) => {
    const read = parseDateRange(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });

  it.each(['公示时间：2025年7月30日', '2018年3月至今', '2025年7月至8月', '公示时间：7.30-8.5', '第3-5页'])(
    'no window in %j',
    (text) => {
      expect(findDateRanges(text, { defaultYear: 2025 })).toEqual([]);
    },
  );

  it('finds each window of a line', () => {
    expect(
      findDateRanges('甲单位2025.08.04-2025.08.08公示，乙单位2025年8月11日至15日公示').map(
        (r) => r.ok && [r.from, r.to],
      ),
    ).toEqual([
      ['2025-08-04', '2025-08-08'],
      ['2025-08-11', '2025-08-15'],
    ]);
  });
});
