import { toHalfWidth } from './halfWidth.js';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

export type IdNumberResult =
  | { ok: true; normalised: string; birthDate: string; sex: 'male' | 'female'; masked: string }
  | { ok: false; reason: 'empty' | 'legacy15' | 'format' | 'birthDate' | 'checksum'; message: string; masked: string };

/**
 * Masks a 居民身份证号 for reports and evidence: the 6-digit area code and the last 4 characters stay, the birth date
 * and the rest become *, e.g. 220102********1234. Short or odd input is masked entirely.
 */
export function maskIdNumber(input: string | undefined): string {
  const t = toHalfWidth(input ?? '').replace(/\s/g, '');
  if (t.length < 11) return '*'.repeat(t.length);
  return `${t.slice(0, 6)}${'*'.repeat(t.length - 10)}${t.slice(-4)}`;
}

/** The GB 11643-1999 (ISO 7064 MOD 11-2) check character of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (weights[i] ?? 0);
  return checkCharacters.charAt(sum % 11);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Validates an 18-digit 居民身份证号 (GB 11643-1999): format, a real birth date between 1900 and `today`, and the
 * check character (x accepted as X). The 15-digit first-generation number is reported invalid, not upgraded: those
 * cards expired in 2013 and the forms ask for the current number. Never throws; messages never contain the number.
 */
export function validateIdNumber(
  input: string | undefined,
  today: string = new Date().toISOString().slice(0, 10),
): IdNumberResult {
  const normalised = toHalfWidth(input ?? '')
    .replace(/\s/g, '')
    .toUpperCase();
  const masked = maskIdNumber(normalised);
  const fail = (reason: Extract<IdNumberResult, { ok: false }>['reason'], message: string): IdNumberResult => ({
    ok: false,
    reason,
    message,
    masked,
  });
  if (normalised === '') return fail('empty', '身份证号为空');
  if (/^\d{15}$/.test(normalised)) return fail('legacy15', '身份证号为15位旧号码，请填写18位公民身份号码');
  if (!/^\d{17}[\dX]$/.test(normalised)) {
    return fail('format', `身份证号应为18位（17位数字加1位数字或X），实际为${normalised.length}位或含非法字符`);
  }
  const y = Number(normalised.slice(6, 10));
  const m = Number(normalised.slice(10, 12));
  const d = Number(normalised.slice(12, 14));
  const birthDate = normalised.slice(6, 14).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  if (!isRealDate(y, m, d) || y < 1900 || birthDate > today) {
    return fail('birthDate', '身份证号第7–14位不是有效的出生日期');
  }
  const expected = idNumberCheckCharacter(normalised.slice(0, 17));
  if (expected !== normalised.charAt(17)) return fail('checksum', '身份证号校验位错误（GB 11643-1999）');
  const sex: 'male' | 'female' = Number(normalised.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalised, birthDate, sex, masked };
}
