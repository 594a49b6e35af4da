import { toHalfWidth } from './halfWidth.js';

export type DateResult =
  | {
      ok: true;
      /** YYYY-MM-DD; for a month-only date (2022年12月) the first day of the month. */
      date: string;
      precision: 'day' | 'month';
      /** Last day the written date can mean: the date itself, or the month's last day. */
      latest: string;
    }
  | { ok: false; message: string };

/** A date found inside a longer text, as `parseDate` reads it, with the text it was read from (normalised). */
export type FoundDate = Extract<DateResult, { ok: true }> & { written: string };

/** A window such as 公示时间 `2025年7月30日至8月5日`: both ends as YYYY-MM-DD, inclusive. */
export type DateRangeResult =
  | { ok: true; from: string; to: string; written: string }
  | { ok: false; message: string; written?: string };

export interface DateRangeOptions {
  /** Year of a window written without one (`7月30日—8月5日`); without it such a window is not readable. */
  defaultYear?: number;
}

const chineseDigits: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  O: 0,
  Ο: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 三十一 → 31, 二十 → 20, 十 → 10, 七 → 7; undefined for anything else. */
function chineseNumber(text: string): number | undefined {
  const [tens, units, extra] = text.split('十');
  if (extra !== undefined) return undefined;
  if (units === undefined) return text.length === 1 ? chineseDigits[text] : undefined;
  const t = tens === '' ? 1 : tens?.length === 1 ? chineseDigits[tens] : undefined;
  const u = units === '' ? 0 : units.length === 1 ? chineseDigits[units] : undefined;
  return t === undefined || u === undefined ? undefined : t * 10 + u;
}

const numeral = '[一二三四五六七八九十]{1,3}';

/**
 * The one spelling every reader below works on: NFKC and full-width forms half-width (２０２５ → 2025, ～ → ~),
 * whitespace dropped except before a digit that follows a digit, 月 or 日 (so two numbers never merge), and Chinese numerals of dates in digits (二〇二五年七月三十日 →
 * 2025年7月30日; OCR reads 〇 also as ○ or O).
 */
function normalise(text: string): string {
  return toHalfWidth(text.normalize('NFKC'))
    .replace(/\s+/g, (space, at: number, all: string) =>
      /[\d月日号]/.test(all[at - 1] ?? '') && /\d/.test(all[at + space.length] ?? '') ? ' ' : '',
    )
    .replace(/(?<![〇零○OΟ0-9一二三四五六七八九])([〇零○OΟ0-9一二三四五六七八九]{4})(?=年)/g, (year) =>
      /^\d+$/.test(year) ? year : [...year].map((c) => chineseDigits[c] ?? c).join(''),
    )
    .replace(new RegExp(`(?<![\\d一二三四五六七八九十])(${numeral})(?=月)`, 'g'), (m) => String(chineseNumber(m) ?? m))
    .replace(new RegExp(`(?<=月|[至到~\\-—])(${numeral})(?=[日号])`, 'g'), (d) => String(chineseNumber(d) ?? d));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYY-MM-DD of a calendar day, or undefined when there is no such day (2025-02-30). */
function calendarDay(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function dateResult(written: string, y: number, m: number, d: number | undefined): DateResult {
  if (d === undefined) {
    const first = calendarDay(y, m, 1);
    if (!first) return { ok: false, message: `日期“${written}”不存在` };
    return { ok: true, date: first, precision: 'month', latest: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
  }
  const date = calendarDay(y, m, d);
  if (!date) return { ok: false, message: `日期“${written}”不存在` };
  return { ok: true, date, precision: 'day', latest: date };
}

/**
 * Reads a date as the forms write it: 2022年12月31日 (or 号, or no 日), 2022.12.31, 2022-12-31, 2022/12/31, 2022-1-5,
 * 2022年12月 and 2022.12 (month precision), 20221231, full-width digits, Chinese numerals (二〇二二年十二月三十一日),
 * spaces anywhere. Impossible dates (2023-02-29) are rejected with a message; never throws.
 */
export function parseDate(input: string | undefined): DateResult {
  const text = normalise(input ?? '').replace(/\s/g, '');
  if (text === '') return { ok: false, message: '日期为空' };
  const cn = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号]?)?$/.exec(text);
  const sep = /^(\d{4})([.\-/])(\d{1,2})(?:\2(\d{1,2}))?\.?$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (cn) return dateResult(text, Number(cn[1]), Number(cn[2]), cn[3] === undefined ? undefined : Number(cn[3]));
  if (sep) return dateResult(text, Number(sep[1]), Number(sep[3]), sep[4] === undefined ? undefined : Number(sep[4]));
  if (compact) return dateResult(text, Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return { ok: false, message: `无法识别的日期“${text}”` };
}

interface DateParts {
  y?: number;
  m?: number;
  d: number;
  end: number;
}

/** Full dates: 2025年7月30日, 2025.07.30, 2025-7-30, 2025/07/30 (one separator throughout). */
const fullForms = [/(\d{4})年(\d{1,2})月 ?(\d{1,2})(?:[日号]|(?!\d))/y, /(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})(?!\d)/y];
/** Month and day without a year: 7月30日. */
const monthDay = /(\d{1,2})月 ?(\d{1,2})(?:[日号]|(?!\d))/y;
/** What may end a window after its first date: 8月5日, 08.05, 5日. */
const partialEnds = [monthDay, /(\d{1,2})[.\-/](\d{1,2})(?![\d.\-/])/y, /(\d{1,2})[日号]/y];
/** Between the first date and the range mark: weekday, time of day, 起. */
const noise =
  /(?:\s|\([^()]{0,12}\)|(?:星期|礼拜|周)[一二三四五六日天]|[上下]午|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}[时点](?:\d{1,2}分|半)?|起|开始|整)*/y;
const rangeMark = /(?:起至|至|到|迄|—+|–|―|−|‐|‑|-+|~|〜|∼)/y;

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function fullAt(text: string, at: number): DateParts | undefined {
  const cn = sticky(fullForms[0] as RegExp, text, at);
  if (cn) return { y: Number(cn[1]), m: Number(cn[2]), d: Number(cn[3]), end: at + cn[0].length };
  const sep = sticky(fullForms[1] as RegExp, text, at);
  if (sep) return { y: Number(sep[1]), m: Number(sep[3]), d: Number(sep[4]), end: at + sep[0].length };
  return undefined;
}

function startAt(text: string, at: number): DateParts | undefined {
  const full = fullAt(text, at);
  if (full) return full;
  const m = sticky(monthDay, text, at);
  return m ? { m: Number(m[1]), d: Number(m[2]), end: at + m[0].length } : undefined;
}

function endAt(text: string, at: number): DateParts | undefined {
  const full = fullAt(text, at);
  if (full) return full;
  for (const [i, pattern] of partialEnds.entries()) {
    const m = sticky(pattern, text, at);
    if (!m) continue;
    const end = at + m[0].length;
    return i === 2 ? { d: Number(m[1]), end } : { m: Number(m[1]), d: Number(m[2]), end };
  }
  return undefined;
}

/** The two ends of a window: the second inherits the year and month it leaves out, rolling over when earlier. */
function resolveRange(
  first: DateParts,
  second: DateParts,
  written: string,
  options: DateRangeOptions,
): DateRangeResult {
  const y1 = first.y ?? options.defaultYear;
  if (y1 === undefined) return { ok: false, message: `日期区间“${written}”未写年份`, written };
  const m1 = first.m as number;
  let y2 = second.y ?? y1;
  let m2 = second.m ?? m1;
  if (second.y === undefined && second.m === undefined && second.d < first.d) m2 = m1 + 1;
  if (m2 > 12) [y2, m2] = [y2 + 1, m2 - 12];
  if (second.y === undefined && second.m !== undefined && m2 * 100 + second.d < m1 * 100 + first.d) y2 = y1 + 1;
  const from = calendarDay(y1, m1, first.d);
  const to = calendarDay(y2, m2, second.d);
  if (!from || !to) return { ok: false, message: `日期区间“${written}”中的日期不存在`, written };
  if (to < from) return { ok: false, message: `日期区间“${written}”的结束日期早于开始日期`, written };
  return { ok: true, from, to, written };
}

function* scanDigits(text: string): Generator<number> {
  for (let i = 0; i < text.length; i++) if (/\d/.test(text[i] as string) && !/\d/.test(text[i - 1] ?? '')) yield i;
}

/**
 * Every window written in the text: `2025.07.30-2025.08.01`, `2025年7月30日至8月5日` (the second date takes the year and
 * month it leaves out), `7月30日—8月5日` (with `defaultYear`), `自2025年7月30日起至2025年8月5日止`, with `至 到 — - ～ ~
 * －`, weekdays and times beside the dates, full-width digits and Chinese numerals. A window whose dates do not
 * exist, or that ends before it starts, is returned as not ok with what was written.
 */
export function findDateRanges(text: string, options: DateRangeOptions = {}): DateRangeResult[] {
  const t = normalise(text);
  const found: DateRangeResult[] = [];
  let next = 0;
  for (const start of scanDigits(t)) {
    if (start < next) continue;
    const first = startAt(t, start);
    if (!first) continue;
    next = first.end;
    const afterNoise = first.end + (sticky(noise, t, first.end)?.[0].length ?? 0);
    const mark = sticky(rangeMark, t, afterNoise);
    if (!mark) continue;
    const second = endAt(t, afterNoise + mark[0].length);
    if (!second) continue;
    next = second.end;
    found.push(resolveRange(first, second, t.slice(start, second.end), options));
  }
  return found;
}

/** The first window written in the text (see `findDateRanges`); not ok when there is none or it cannot be a window. */
export function parseDateRange(text: string, options: DateRangeOptions = {}): DateRangeResult {
  return findDateRanges(text, options)[0] ?? { ok: false, message: `未找到日期区间“${normalise(text)}”` };
}

/**
 * Every full date written in the text (2025年7月30日, 二〇二五年七月三十日, 2025.07.30, 2025-7-30, 2025/07/30), and
 * 2025年7月 with month precision, in order; impossible dates (2025年2月30日) are left out.
 */
export function findDates(text: string): FoundDate[] {
  const t = normalise(text);
  const found: FoundDate[] = [];
  const monthOnly = /(\d{4})年(\d{1,2})月(?!\d)/y;
  let next = 0;
  for (const start of scanDigits(t)) {
    if (start < next) continue;
    const full = fullAt(t, start);
    const month = full ? undefined : sticky(monthOnly, t, start);
    if (!full && !month) continue;
    const end = full ? full.end : start + (month as RegExpExecArray)[0].length;
    next = end;
    const written = t.slice(start, end);
    const read = full
      ? dateResult(written, full.y as number, full.m as number, full.d)
      : dateResult(written, Number(month?.[1]), Number(month?.[2]), undefined);
    if (read.ok) found.push({ ...read, written });
  }
  return found;
}
