import { z } from 'zod';

/**
 * Administrative rank of a unit or a cadre (行政级别), highest first. The notice excludes 副厅级 and above and counts
 * 县处级 (正 and 副) toward the 20 % cap of individuals.
 */
export const administrativeRanks = {
  PROVINCIAL_OR_ABOVE: '省部级及以上',
  DEPARTMENT_CHIEF: '正厅级',
  DEPARTMENT_DEPUTY: '副厅级',
  COUNTY_CHIEF: '正处级（县处级正职）',
  COUNTY_DEPUTY: '副处级（县处级副职）',
  TOWNSHIP: '乡科级及以下',
  NONE: '无行政级别',
} as const;

export const AdministrativeRank = z.enum(Object.keys(administrativeRanks) as [keyof typeof administrativeRanks]);
export type AdministrativeRank = z.infer<typeof AdministrativeRank>;

const order: readonly AdministrativeRank[] = AdministrativeRank.options;

/** 副厅级 or above (notice §二: 不评选副厅级及相当于副厅级以上单位和个人). */
export function isDeputyDepartmentOrAbove(rank: AdministrativeRank): boolean {
  return order.indexOf(rank) <= order.indexOf('DEPARTMENT_DEPUTY');
}

/** 县处级 or 相当于县处级 (正 or 副): counts toward the 20 % cap. */
export function isCountyLevel(rank: AdministrativeRank): boolean {
  return rank === 'COUNTY_CHIEF' || rank === 'COUNTY_DEPUTY';
}

const rankKeywords: readonly [RegExp, AdministrativeRank][] = [
  [/省部级|正部|副部|省级(?!以下)/, 'PROVINCIAL_OR_ABOVE'],
  [/副厅|副局级|副司级|副地级/, 'DEPARTMENT_DEPUTY'],
  [/正厅|厅级|厅局级|地厅级|司局级/, 'DEPARTMENT_CHIEF'],
  [/副处|副县|县处级副职/, 'COUNTY_DEPUTY'],
  [/正处|县处|处级|正县|县级/, 'COUNTY_CHIEF'],
  [/科级|乡级|乡科|股级|科员|办事员/, 'TOWNSHIP'],
  [/^(无|无级别|无行政级别|不适用|\/|—|-)$/, 'NONE'],
];

/** Reads a rank as forms write it (县处级, 副厅级, 正处级干部, 相当于副厅级 …); undefined when not recognised. */
export function parseAdministrativeRank(text: string): AdministrativeRank | undefined {
  const t = text.replace(/\s/g, '');
  if (t === '') return undefined;
  for (const [pattern, rank] of rankKeywords) if (pattern.test(t)) return rank;
  return undefined;
}
