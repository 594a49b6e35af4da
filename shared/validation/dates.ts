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

const chineseDigits: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
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

/** 二〇二二 → 2022 (digit by digit); 十二 → 12, 三十一 → 31, 二十 → 20 (tens and units). */
function chineseNumber(text: string, digitByDigit: boolean): string {
  if (digitByDigit) return [...text].map((c) => chineseDigits[c] ?? c).join('');
  const [tens, units] = text.split('十');
  if (units === undefined) return String(chineseDigits[text] ?? text);
  const t = tens === '' ? 1 : (chineseDigits[tens ?? ''] ?? Number.NaN);
  const u = units === '' ? 0 : (chineseDigits[units] ?? Number.NaN);
  return String(t * 10 + u);
}

function fromChineseNumerals(text: string): string {
  return text.replace(
    /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})[日号])?/g,
    (_m, y: string, m: string, d: string | undefined) =>
      `${chineseNumber(y, true)}年${chineseNumber(m, false)}月${d ? `${chineseNumber(d, false)}日` : ''}`,
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Reads a date as the forms write it: 2022年12月31日 (or 号), 2022.12.31, 2022-12-31, 2022/12/31, 2022-1-5, 2022年12月
 * (month precision), 20221231, full-width digits and Chinese numerals (二〇二二年十二月三十一日). Impossible dates
 * (2023-02-29) are rejected with a message; never throws.
 */
export function parseDate(input: string | undefined): DateResult {
  const text = fromChineseNumerals(toHalfWidth(input ?? '').replace(/\s/g, ''));
  if (text === '') return { ok: false, message: '日期为空' };
  const match =
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/.exec(text) ??
    /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?\.?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return { ok: false, message: `无法识别的日期“${text}”` };
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12 || y < 1900 || y > 2100) return { ok: false, message: `日期“${text}”不存在` };
  const lastDay = daysInMonth(y, m);
  if (match[3] === undefined) {
    return { ok: true, date: `${y}-${pad(m)}-01`, precision: 'month', latest: `${y}-${pad(m)}-${pad(lastDay)}` };
  }
  const d = Number(match[3]);
  if (d < 1 || d > lastDay) return { ok: false, message: `日期“${text}”不存在` };
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return { ok: true, date, precision: 'day', latest: date };
}
