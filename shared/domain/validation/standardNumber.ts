import { toHalfWidth } from './halfWidth.js';
import { industryPrefixes, internationalPrefixes, internationalQualifiers } from './standardPrefixes.js';
import type { StandardType } from './standardType.js';

/** mandatory (GB, JB …), recommended (/T), guidance technical document (/Z). */
export type StandardNature = 'mandatory' | 'recommended' | 'guidance';

export interface ParsedStandardNumber {
  type: StandardType;
  /** Issuer code as written after normalisation: GB/T, JB/T, DB22/T, DB2201/T, T/CAS, Q/JLYQ, ISO/IEC TS … */
  prefix: string;
  /** The number part: 19580, 4706.1, 27001 … */
  number: string;
  /** Four-digit year (two-digit years: ≥ 50 → 19xx, else 20xx); undefined if the number carries none. */
  year?: number;
  nature: StandardNature;
  /** Local standards: the region code after DB (22 = 吉林省, 2201 = 长春市). */
  regionCode?: string;
  /** Group / enterprise standards: the association or enterprise code after T/ or Q/. */
  issuerCode?: string;
  /** Canonical spelling with a four-digit year: `<prefix> <number>-<year>` (`:` before the year for international). */
  canonical: string;
}

export type StandardNumberResult = { ok: true; standard: ParsedStandardNumber } | { ok: false; message: string };

/** Half-width, one kind of dash, one slash, single spaces, upper case. */
export function normaliseStandardNumber(input: string): string {
  return toHalfWidth(input)
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .replace(/[\u3001\uFF64]/g, '/')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*:\s*/g, ':')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

function natureOf(suffix: string | undefined): StandardNature {
  if (suffix === 'T') return 'recommended';
  if (suffix === 'Z') return 'guidance';
  return 'mandatory';
}

function fullYear(year: string | undefined): number | undefined {
  if (year === undefined) return undefined;
  if (year.length === 4) return Number(year);
  // Two-digit years belong to standards published before 2000 (GB 1234-88); a year below 50 is read as 20xx.
  return Number(year) >= 50 ? 1900 + Number(year) : 2000 + Number(year);
}

/** Chinese standards separate parts with a dot (GB 4706.1); the only dash is the one before the year. */
const NUMBER = '([A-Z]?\\d+(?:\\.\\d+)*[A-Z]?)';
const DOMESTIC_TAIL = ` ?${NUMBER}(?:-(\\d{4}|\\d{2}))?$`;

function escapeRegExp(text: string): string {
  return text.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&');
}

const internationalPattern = new RegExp(
  `^(${[...internationalPrefixes]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join(
      '|',
    )})(?:([ /])(${internationalQualifiers.join('|')}))? ?([A-Z]?\\.?\\d+(?:[.-]\\d+)*)(?:[:-](\\d{4}))?(?: ?\\((?:\\d{2}/)?(\\d{4})\\))?$`,
);
const nationalPattern = new RegExp(`^GB(?:/([TZ]))?${DOMESTIC_TAIL}`);
const industryPattern = new RegExp(`^((?:[A-Z]{2}/)*[A-Z]{2})(?:/([TZ]))?${DOMESTIC_TAIL}`);
const localPattern = new RegExp(`^DB(\\d{2}(?:\\d{2})?)(?:/([TZ]))?${DOMESTIC_TAIL}`);
const groupPattern = new RegExp(`^T/([A-Z][A-Z0-9]*)${DOMESTIC_TAIL}`);
const enterprisePattern = /^Q\/([A-Z0-9]+(?: [A-Z0-9]+)?) ([A-Z]?\d+(?:\.\d+)*[A-Z]?)(?:-(\d{4}|\d{2}))?$/;

function domestic(
  type: StandardType,
  prefix: string,
  number: string,
  year: string | undefined,
  nature: StandardNature,
  extra: Partial<ParsedStandardNumber> = {},
): StandardNumberResult {
  const y = fullYear(year);
  const canonical = `${prefix} ${number}${y === undefined ? '' : `-${y}`}`;
  return { ok: true, standard: { type, prefix, number, year: y, nature, canonical, ...extra } };
}

/**
 * Parses a standard number as printed on a form or a standard's cover: international (ISO 9001:2015, ISO/IEC 27001,
 * IEC TR 61000-3-2, ITU-T Y.4200), national (GB, GB/T, GB/Z), industry (JB/T, NY/T, NB/SH/T …), local (DB22, DB22/T,
 * DB2201/T), group (T/…) and enterprise (Q/…). Full-width characters, em/en dashes and stray spaces are accepted.
 */
export function parseStandardNumber(input: string | undefined): StandardNumberResult {
  const text = normaliseStandardNumber(input ?? '');
  if (text === '') return { ok: false, message: '标准编号为空' };

  const intl = internationalPattern.exec(text);
  if (intl) {
    const [, body, separator, qualifier, number, year, ituYear] = intl;
    const prefix = qualifier ? `${body}${separator}${qualifier}` : (body ?? '');
    const y = year ?? ituYear;
    const canonical = `${prefix} ${number}${y ? `:${y}` : ''}`;
    return {
      ok: true,
      standard: {
        type: 'international',
        prefix,
        number: number ?? '',
        year: fullYear(y),
        nature: 'recommended',
        canonical,
      },
    };
  }

  const national = nationalPattern.exec(text);
  if (national) {
    const [, suffix, number, year] = national;
    return domestic('national', `GB${suffix ? `/${suffix}` : ''}`, number ?? '', year, natureOf(suffix));
  }

  const local = localPattern.exec(text);
  if (local) {
    const [, region, suffix, number, year] = local;
    return domestic('local', `DB${region}${suffix ? `/${suffix}` : ''}`, number ?? '', year, natureOf(suffix), {
      regionCode: region,
    });
  }

  const group = groupPattern.exec(text);
  if (group) {
    const [, issuer, number, year] = group;
    return domestic('group', `T/${issuer}`, number ?? '', year, 'recommended', { issuerCode: issuer });
  }

  const enterprise = enterprisePattern.exec(text);
  if (enterprise) {
    const [, issuer, number, year] = enterprise;
    return domestic('enterprise', `Q/${issuer}`, number ?? '', year, 'mandatory', { issuerCode: issuer });
  }

  const industry = industryPattern.exec(text);
  if (industry) {
    const [, codes, suffix, number, year] = industry;
    const unknown = (codes ?? '').split('/').find((c) => !industryPrefixes.includes(c));
    if (unknown) return { ok: false, message: `“${unknown}”不是已知的行业标准代号（标准编号“${text}”）` };
    return domestic('industry', `${codes}${suffix ? `/${suffix}` : ''}`, number ?? '', year, natureOf(suffix));
  }

  return {
    ok: false,
    message: `无法识别的标准编号“${text}”：应为国际标准（ISO/IEC/ITU）、GB、行业标准、DB、T/ 或 Q/ 开头的编号`,
  };
}
