import { toHalfWidth } from './halfWidth.js';

export type ContributionRateResult =
  | {
      ok: true;
      percent: number /** The rate in hundredths of a percent, an integer (35.5 % → 3550). */;
      hundredths: number;
    }
  | { ok: false; message: string };

/**
 * Reads a 贡献率 as written: 35%, 35, 35.0%, ３５％, 35.5 %. The number is always a percentage (0.35 means 0.35 %),
 * with at most two decimals so that sums can be compared exactly in hundredths. Negative or above 100 is rejected.
 */
export function parseContributionRate(input: string | number | undefined): ContributionRateResult {
  const text = typeof input === 'number' ? String(input) : toHalfWidth(input ?? '').replace(/\s/g, '');
  if (text === '') return { ok: false, message: '贡献率为空' };
  const match = /^([+-]?)(\d+)(?:\.(\d+))?%?$/.exec(text);
  if (!match) return { ok: false, message: `无法识别的贡献率“${text}”` };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2) {
    return { ok: false, message: `贡献率“${text}”的小数超过两位` };
  }
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  if (sign === '-' && hundredths > 0) return { ok: false, message: `贡献率“${text}”不能为负数` };
  if (hundredths > 10000) return { ok: false, message: `贡献率“${text}”超过100%` };
  return { ok: true, percent: hundredths / 100, hundredths };
}

/** A percentage as an integer number of hundredths, for exact sums (33.33 → 3333). */
export function toHundredths(percent: number): number {
  return Math.round(percent * 100);
}
