import type { Role } from './role.js';

const notAlnum = '(?<![0-9A-Za-z])';
const notAlnumAfter = '(?![0-9A-Za-z])';
/** 居民身份证号: 18 characters with a plausible birth date (GB 11643), or the old 15-digit form. */
const idNumber18 = new RegExp(
  `${notAlnum}\\d{6}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${notAlnumAfter}`,
  'g',
);
const idNumber15 = new RegExp(`${notAlnum}\\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}${notAlnumAfter}`, 'g');
/** Mainland mobile numbers, with an optional +86 and spaces or hyphens between groups. */
const mobile = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])/g;
/** Landlines with an area code: 0431-88881234, (0431)88881234. */
const landline = /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|0\d{2,3}-)\d{7,8}(?:-\d{1,6})?(?![0-9A-Za-z])/g;
/** Fields that hold identity or contact data whatever their format. */
const personalKey = /id.?number|identity|身份证|phone|mobile|tel|电话|手机|contact|联系方式/i;

/** Keeps the first 3 and the last 4 significant characters; every other digit or X becomes '*'. */
function maskToken(token: string): string {
  const chars = [...token];
  const significant = chars.map((c, i) => (/[\dXx]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const keep = new Set([...significant.slice(0, 3), ...significant.slice(-4)]);
  return chars.map((c, i) => (significant.includes(i) && !keep.has(i) ? '*' : c)).join('');
}

/** Masks every identity number and phone number found in free text. */
export function maskText(text: string): string {
  return text
    .replace(idNumber18, maskToken)
    .replace(idNumber15, maskToken)
    .replace(mobile, maskToken)
    .replace(landline, maskToken);
}

/** Whether a field name says it holds identity or contact data (an ID number, a phone, a contact). */
export function isPersonalField(key: string): boolean {
  return personalKey.test(key);
}

/** A value of a personal field: its ID/phone numbers masked, or, in a format the patterns miss, all digits but 4. */
export function maskWholeValue(text: string): string {
  const masked = maskText(text);
  if (masked !== text) return masked;
  // A personal field in a format the patterns do not know: hide all digits but the last 4.
  const digits = [...text].filter((c) => /\d/.test(c)).length;
  let seen = 0;
  return [...text].map((c) => (/\d/.test(c) && ++seen <= digits - 4 ? '*' : c)).join('');
}

/** A deep copy with identity and phone numbers masked in every string, and personal fields masked whatever they hold. */
export function maskPersonalData<T>(value: T, personalField = false): T {
  if (typeof value === 'string') return (personalField ? maskWholeValue(value) : maskText(value)) as T;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, personalField)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskPersonalData(v, personalField || personalKey.test(k))]),
    ) as T;
  }
  return value;
}

/**
 * Who sees identity and phone numbers in exports: the office (reviewer) and the system, which act on them (checking
 * an objector's real identity, contacting departments). A recommending unit never does. An auditor sees them masked
 * unless a need was recorded in the history first (a PERSONAL_DATA_DISCLOSED event naming the reason).
 */
export function seesPersonalData(role: Role, needRecorded = false): boolean {
  if (role === 'reviewer' || role === 'system') return true;
  if (role === 'auditor') return needRecorded;
  return false;
}
