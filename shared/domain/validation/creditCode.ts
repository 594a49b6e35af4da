import { toHalfWidth } from './halfWidth.js';

/** The 31 characters of GB 32100-2015 (digits and capitals without I, O, Z, S, V), in value order. */
export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i) mod 31. */
export const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeResult =
  | {
      ok: true;
      /** Upper-case, half-width, without spaces. */
      code: string;
      /** Characters 3–8: the registering authority's administrative division code. */
      divisionCode: string;
      /** Division code starts with 22 (吉林省). */
      isJilin: boolean;
    }
  | { ok: false; reason: 'empty' | 'length' | 'charset' | 'division' | 'checksum'; message: string };

/** The GB 32100-2015 check character for the first 17 characters; undefined if any is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = creditCodeAlphabet.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (creditCodeWeights[i] ?? 0);
  }
  return creditCodeAlphabet.charAt((31 - (sum % 31)) % 31);
}

/** Validates a 统一社会信用代码 (GB 32100-2015). Never throws; the message says exactly what is wrong. */
export function validateCreditCode(input: string | undefined): CreditCodeResult {
  const code = toHalfWidth(input ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (code === '') return { ok: false, reason: 'empty', message: '统一社会信用代码为空' };
  if (code.length !== 18) {
    return { ok: false, reason: 'length', message: `统一社会信用代码应为18位，实际为${code.length}位` };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!creditCodeAlphabet.includes(ch)) {
      const hint = 'IOZSV'.includes(ch) ? '（GB 32100-2015 不使用 I、O、Z、S、V）' : '';
      return { ok: false, reason: 'charset', message: `统一社会信用代码第${i + 1}位“${ch}”不是合法字符${hint}` };
    }
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) {
    return {
      ok: false,
      reason: 'division',
      message: `统一社会信用代码第3–8位应为6位数字的登记管理机关行政区划码，实际为“${divisionCode}”`,
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    return {
      ok: false,
      reason: 'checksum',
      message: `统一社会信用代码校验位错误：第18位应为“${expected}”，实际为“${actual}”`,
    };
  }
  return { ok: true, code, divisionCode, isJilin: divisionCode.startsWith('22') };
}
