import { z } from 'zod';

/**
 * Ownership / legal form of a unit, as the consultation matrix of the notice distinguishes them (SPEC §6).
 * PUBLIC_INSTITUTION covers the notice's 机关事业单位 (government bodies and public institutions alike).
 */
export const ownershipTypes = {
  STATE_OWNED: '国有企业',
  STATE_CONTROLLED: '国有控股企业',
  NON_PUBLIC: '非公有制企业',
  PUBLIC_INSTITUTION: '机关事业单位',
  SOCIAL_ORGANISATION: '社会组织',
  OTHER: '其他',
} as const;

export const OwnershipType = z.enum(Object.keys(ownershipTypes) as [keyof typeof ownershipTypes]);
export type OwnershipType = z.infer<typeof OwnershipType>;

export function isEnterprise(type: OwnershipType): boolean {
  return type === 'STATE_OWNED' || type === 'STATE_CONTROLLED' || type === 'NON_PUBLIC';
}

export function isStateSector(type: OwnershipType): boolean {
  return type === 'STATE_OWNED' || type === 'STATE_CONTROLLED' || type === 'PUBLIC_INSTITUTION';
}

const ownershipKeywords: readonly [RegExp, OwnershipType][] = [
  [/国有控股|国控/, 'STATE_CONTROLLED'],
  [/国有|国企|央企/, 'STATE_OWNED'],
  [/非公|民营|私营|个体|外资|外商|港澳台|合资|股份合作/, 'NON_PUBLIC'],
  [/机关|事业单位|行政单位/, 'PUBLIC_INSTITUTION'],
  [/社会组织|社会团体|社团|协会|学会|商会|基金会|民办非企业|社会服务机构/, 'SOCIAL_ORGANISATION'],
];

/** Reads the ownership the way forms write it (单位性质: 国有控股企业, 民营企业, 事业单位 …); undefined if unknown. */
export function parseOwnershipType(text: string): OwnershipType | undefined {
  const t = text.replace(/\s/g, '');
  if (t === '') return undefined;
  for (const [pattern, type] of ownershipKeywords) if (pattern.test(t)) return type;
  return undefined;
}
