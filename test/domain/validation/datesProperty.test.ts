import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateRanges, findDates, parseDate } from '../../../shared/domain/validation/dates.js';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/** Runs the property with the printed seed, so that a failure can be replayed with FC_SEED=<seed>. */
function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void) {
  try {
    fc.assert(fc.property(arbitrary, predicate), { seed, numRuns: 500 });
  } catch (error) {
    throw new Error(`date property failed; replay with FC_SEED=${seed}\n${String(error)}`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const digits = '〇一二三四五六七八九';
const chineseYear = (y: number) => [...String(y)].map((c) => digits[Number(c)]).join('');
const chineseNumber = (n: number) =>
  n < 10 ? digits[n] : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`;
const fullWidth = (s: string) => s.replace(/[0-9./-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface Day {
  y: number;
  m: number;
  d: number;
}

const day: fc.Arbitrary<Day> = fc
  .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((t) => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }));

/** The shapes clerks write a date in. */
const shapes: ((x: Day) => string)[] = [
  ({ y, m, d }) => `${y}年${m}月${d}日`,
  ({ y, m, d }) => `${y}年${pad(m)}月${pad(d)}日`,
  ({ y, m, d }) => `${y}年${m}月${d}号`,
  ({ y, m, d }) => `${y}.${pad(m)}.${pad(d)}`,
  ({ y, m, d }) => `${y}/${m}/${d}`,
  ({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`,
  ({ y, m, d }) => fullWidth(`${y}年${m}月${d}日`),
  ({ y, m, d }) => fullWidth(`${y}.${pad(m)}.${pad(d)}`),
  ({ y, m, d }) => `${chineseYear(y)}年${chineseNumber(m)}月${chineseNumber(d)}日`,
  ({ y, m, d }) => `${y} 年 ${m} 月 ${d} 日`,
  ({ y, m, d }) => `${y}\u3000年\u3000${m}\u3000月\u3000${d}\u3000日`,
];
const iso = ({ y, m, d }: Day) => `${y}-${pad(m)}-${pad(d)}`;
const shape = fc.integer({ min: 0, max: shapes.length - 1 });

describe(`dates written in any shape read back (seed ${seed})`, () => {
  it('parseDate reads a valid date rendered in a random shape as that date', () => {
    check(fc.tuple(day, shape), ([x, s]) => {
      expect(parseDate((shapes[s] as (x: Day) => string)(x))).toMatchObject({ ok: true, date: iso(x) });
    });
  });

  it('findDates finds it inside a sentence', () => {
    check(fc.tuple(day, shape), ([x, s]) => {
      const found = findDates(`落款日期：${(shapes[s] as (x: Day) => string)(x)}（盖章）`);
      expect(found.map((f) => f.date)).toEqual([iso(x)]);
    });
  });

  it('findDateRanges reads a window of two such dates, in any two shapes and with any range mark', () => {
    const marks = ['至', '到', '—', '-', '～', '~', '－', '起至'];
    check(fc.tuple(day, day, shape, shape, fc.constantFrom(...marks)), ([a, b, sa, sb, mark]) => {
      const [from, to] = iso(a) <= iso(b) ? [a, b] : [b, a];
      const text = `公示时间：${(shapes[sa] as (x: Day) => string)(from)}${mark}${(shapes[sb] as (x: Day) => string)(to)}`;
      expect(findDateRanges(text)).toMatchObject([{ ok: true, from: iso(from), to: iso(to) }]);
    });
  });
});
